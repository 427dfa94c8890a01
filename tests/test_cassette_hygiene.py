"""No cassette may hold a secret: Authorization values, key-shaped strings, cookies, account headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import CASSETTES

PLACEHOLDERS = {
    "no-key-required",
    "test-key-not-a-secret",
    "<redacted>",
    "redacted",
    "dummy",
    "sk-placeholder",
}
FORBIDDEN_HEADERS = {
    "authorization",
    "api-key",
    "x-api-key",
    "cookie",
    "set-cookie",
    "openai-organization",
    "openai-project",
}
KEY_SHAPES = (
    re.compile(r"\bsk-(?:proj-|ant-)?[A-Za-z0-9_\-]{16,}"),  # OpenAI / DeepSeek / DashScope style keys
    re.compile(r"\bBearer\s+(?!(?:" + "|".join(map(re.escape, PLACEHOLDERS)) + r")\b)[A-Za-z0-9._\-]{8,}"),
    re.compile(r"\borg-[A-Za-z0-9]{16,}"),
    re.compile(r"\bAIza[0-9A-Za-z_\-]{30,}"),
    re.compile(r"\bhf_[A-Za-z0-9]{30,}"),
)


def problems_in(text: str) -> list[str]:
    """What in a cassette's text looks like a secret (empty when clean)."""
    found = [f"key-shaped string {m.group(0)[:12]}…" for rx in KEY_SHAPES for m in rx.finditer(text)]
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        return [*found, f"not YAML: {exc}"]
    for i, interaction in enumerate(data.get("interactions", [])):
        for side in ("request", "response"):
            headers = (interaction.get(side) or {}).get("headers") or {}
            for name in headers:
                if name.lower() in FORBIDDEN_HEADERS:
                    found.append(f"interaction {i} {side} header {name}")
    return found


def cassette_files() -> list[Path]:
    return (
        sorted(CASSETTES.glob("*.yaml")) + sorted(CASSETTES.glob("*.yml")) + sorted(CASSETTES.glob("*.json"))
    )


def test_there_are_cassettes() -> None:
    assert len(cassette_files()) >= 9


@pytest.mark.parametrize("path", cassette_files(), ids=lambda p: p.name)
def test_cassette_holds_no_secret(path: Path) -> None:
    assert problems_in(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "bad",
    [
        "headers:\n  Authorization:\n  - Bearer abcdefghijklmnop\n",
        "x: sk-abcdefghijklmnopqrstuvwxyz012345\n",
        "x: sk-proj-abcdefghijklmnopqrstuvwxyz\n",
        "interactions:\n- response:\n    headers:\n      set-cookie: [__cf_bm=abc]\n",
        "interactions:\n- response:\n    headers:\n      openai-organization: [user-abc]\n",
        "interactions:\n- request:\n    headers:\n      Cookie: [session=1]\n",
        "body: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload'\n",
    ],
)
def test_the_hygiene_check_catches_secrets(bad: str) -> None:
    assert problems_in(bad), bad


def test_placeholders_are_allowed() -> None:
    assert problems_in("body: 'Bearer no-key-required'\n") == []
    assert problems_in("body: 'Bearer test-key-not-a-secret'\n") == []
