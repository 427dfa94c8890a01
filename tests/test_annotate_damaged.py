"""A .docx that reads but cannot be written back (found by bench/fuzz.py) gets exit 2 and a Chinese message.

The fixture is fuzz case 1482: python-docx reads its body, but its ``save`` fails on a damaged part.
Before, ``check --annotate`` ended in an internal error with a zipfile traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import FIXTURES

from draft_report.cli import main

DAMAGED = FIXTURES / "hostile" / "damaged_annotate.docx"


def test_annotating_a_damaged_docx_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = DAMAGED.read_bytes()
    target = tmp_path / "annotated.docx"
    with pytest.raises(SystemExit) as exc:
        main(["check", str(DAMAGED), "--annotate", str(target)])
    out, err = capsys.readouterr()
    assert int(exc.value.code or 0) == 2, out + err
    assert "内部结构已损坏" in err and "另存为 .docx" in err
    assert "Traceback" not in err and "程序内部错误" not in err
    assert not target.exists()  # nothing half-written
    assert list(tmp_path.iterdir()) == []  # no temp file left behind either
    assert DAMAGED.read_bytes() == before  # the reviewer's file is untouched
