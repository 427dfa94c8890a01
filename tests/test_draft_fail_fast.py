"""``run_draft`` refuses an existing report before reading the data or composing anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES
from draft_report.commands import draft_run as draft_command
from draft_report.errors import InputError


def _no_work(*args: object, **kwargs: object) -> None:
    raise AssertionError("must not be reached when the output already exists")


@pytest.mark.parametrize("formats", [["md"], ["md", "html"], ["html", "docx"]])
def test_existing_output_is_refused_before_loading_or_composing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formats: list[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    existing = out / draft_command.FORMATS[formats[-1]]
    existing.write_bytes(b"reviewer's edits")
    monkeypatch.setattr(draft_command, "load_dataset", _no_work)
    monkeypatch.setattr(draft_command, "compose_document", _no_work)
    with pytest.raises(InputError, match="--force") as err:
        draft_command.run_draft(EXAMPLES / "scjg-2024", out, formats)
    assert str(existing) in str(err.value)
    assert sorted(p.name for p in out.iterdir()) == [existing.name]  # nothing else written
    assert existing.read_bytes() == b"reviewer's edits"


def test_bad_data_with_a_free_output_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "data.yaml"
    bad.write_text("agency: [\n", encoding="utf-8")
    with pytest.raises(InputError):
        draft_command.run_draft(bad, tmp_path / "out", ["md"])
    assert not (tmp_path / "out").exists()


def test_force_composes_and_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("old", encoding="utf-8")
    written, _ = draft_command.run_draft(EXAMPLES / "scjg-2024", out, ["md"], force=True)
    assert written == [out / "report.md"]
    assert (out / "report.md").read_text(encoding="utf-8").startswith("#")
