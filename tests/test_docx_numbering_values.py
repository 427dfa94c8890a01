"""List attributes in a damaged .docx (fuzz case 955: w:ilvl="NaN") are read leniently, never an internal error."""

from __future__ import annotations

import pytest
from tests.conftest import FIXTURES

from draft_report.cli import main
from draft_report.reading.docx_numbering import _level, _small_int


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("3", 3), ("0", 0), (None, 1), ("NaN", 1), ("²", 1), ("-2", 1), ("9" * 50, 1), ("", 1)],
)
def test_small_int_falls_back_on_anything_but_a_plain_number(raw: str | None, expected: int) -> None:
    assert _small_int(raw, 1) == expected


def test_list_levels_beyond_word_range_are_level_zero() -> None:
    assert _level("8") == 8
    assert _level("9") == 0
    assert _level("NaN") == 0


def test_damaged_numbering_part_is_checked_not_crashed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(FIXTURES / "hostile" / "numbering_nan.docx")])
    out, err = capsys.readouterr()
    assert int(exc.value.code or 0) in (0, 1), out + err
    assert "程序内部错误" not in err and "Traceback" not in err
