"""The screenshot of the audit summary page in README.md exists and is a real picture."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_audit_summary_screenshot_is_shown_and_exists() -> None:
    assert "docs/images/audit-summary.png" in (ROOT / "README.md").read_text(encoding="utf-8")
    png = ROOT / "docs" / "images" / "audit-summary.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000
