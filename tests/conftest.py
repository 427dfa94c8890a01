"""Shared test fixtures. Tests are hermetic: no network, no user config, no real keys."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
REAL_REPORTS = FIXTURES / "real_reports"  # copies of ../shared/data/real_reports (unmodified)
SAMPLE_REPORT = FIXTURES / "seeds" / "xiaxian_2023.txt"  # copy of ../shared/seeds/000_…txt
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _hermetic_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test sees the developer's endpoint, key or config file."""
    import os

    for name in list(os.environ):
        if name.startswith(("OPENAI_", "DRAFT_REPORT_", "DEEPSEEK_", "DASHSCOPE_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DRAFT_REPORT_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
