"""The bench's LLM-style phrasings of examples/scjg-2024: no false alarm, every edit caught."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from phrasings import PHRASINGS, run_phrasings  # noqa: E402


def test_phrasings_are_clean_and_every_changed_number_is_caught() -> None:
    figures = run_phrasings()
    assert figures["false_alarms"] == []
    assert figures["unverified"] == 0
    assert figures["edits"] >= 2 * len(PHRASINGS) and figures["caught"] == figures["edits"]
