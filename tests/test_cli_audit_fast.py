"""``draft-report audit`` has two ways in, like ``check``: the fast parser (``commands.audit_options``,
no typer, so neither the run nor its worker processes load it) and the typer command. Both must
print and write the same and exit the same."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from cli_two_paths import assert_falls_back_to_typer, run_both_paths
from conftest import FIXTURES, REAL_REPORTS
from draft_report.commands import audit_options

CLEAN = REAL_REPORTS / "huaian_2024.txt"
WITH_ERRORS = REAL_REPORTS / "huaian-hongze_2023.txt"

FAST_CASES: list[tuple[str, list[str], int]] = [
    ("one clean report", ["audit", str(CLEAN), "-j", "1"], 0),
    ("a folder, csv", ["audit", str(REAL_REPORTS), "--format", "csv", "--jobs", "1"], 1),
    ("two paths, json, options first", ["audit", "--format", "JSON", str(CLEAN), str(WITH_ERRORS)], 1),
    ("html summary with its csv and json", ["audit", str(REAL_REPORTS), "-o", "汇总.html", "-j", "1"], 1),
    ("output by suffix", ["audit", str(CLEAN), "--output", "汇总.csv"], 0),
    ("text file, forced", ["audit", str(CLEAN), "-o", "汇总.txt", "--force"], 0),
    ("previous folder", ["audit", str(REAL_REPORTS), "--previous-dir", str(REAL_REPORTS), "-j", "1"], 1),
    ("unreadable files, two processes", ["audit", "{mixed}", "-j", "2", "--format", "json"], 2),
    ("two processes, html", ["audit", "{mixed}", "-j", "2", "-o", "汇总.html"], 2),
    ("bad format", ["audit", str(CLEAN), "--format", "xml"], 2),
    ("html without -o", ["audit", str(CLEAN), "--format", "html"], 2),
    ("nothing there", ["audit", "没有这个文件夹"], 2),
    ("previous is not a folder", ["audit", str(CLEAN), "--previous-dir", str(CLEAN)], 2),
    ("output is a report", ["audit", str(REAL_REPORTS), "-o", str(CLEAN), "--format", "text"], 2),
]


def _written(folder: Path) -> dict[str, bytes]:
    """The files in ``folder``; the minute an HTML summary was written at is masked."""
    return {p.name: re.sub(rb"\d{4}-\d\d-\d\d \d\d:\d\d", b"<time>", p.read_bytes()) for p in folder.iterdir()}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough reports for the process pool, a damaged one, a .doc and the hostile .docx files."""
    folder = tmp_path_factory.mktemp("mixed")
    for i in range(3):
        for report in sorted(REAL_REPORTS.glob("*.txt")):
            shutil.copy(report, folder / f"{i}_{report.name}")
    (folder / "坏.txt").write_bytes(b"\x00\x01binary")
    (folder / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    shutil.copytree(FIXTURES / "hostile", folder / "hostile")
    return folder


@pytest.mark.parametrize(("argv", "code"), [pytest.param(a, c, id=i) for i, a, c in FAST_CASES])
def test_fast_path_and_typer_command_agree(argv: list[str], code: int, mixed: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    argv = [a.format(mixed=mixed) for a in argv]
    assert audit_options.parse(argv[1:]) is not None  # the fast parser takes it
    fast, typer_ = run_both_paths(argv, tmp_path, capsys, monkeypatch)
    assert fast == typer_
    assert fast[0] == code, fast
    written = _written(tmp_path / "fast")
    assert written == _written(tmp_path / "typer")
    if "-o" in argv or "--output" in argv:
        assert (written != {}) == (not fast[2].startswith("错误："))  # an input error writes nothing


FALLBACK_CASES: list[tuple[list[str], int]] = [
    (["audit"], 2),
    (["audit", "--help"], 0),
    (["audit", str(CLEAN), "-j", "0"], 2),
    (["audit", str(CLEAN), "-j", "257"], 2),
    (["audit", str(CLEAN), "--jobs", "两"], 2),
    (["audit", str(CLEAN), "-j"], 2),
    (["audit", str(CLEAN), "--prev", str(REAL_REPORTS)], 2),
    (["audit", str(CLEAN), "--force", "--force"], 0),
    (["audit", str(CLEAN), "--jobs=1"], 0),
    (["audit", str(CLEAN), "-j", "+1"], 0),
]


@pytest.mark.parametrize(("argv", "code"), FALLBACK_CASES,
                         ids=[" ".join(a[1:]).replace(str(REAL_REPORTS), "R") for a, _ in FALLBACK_CASES])
def test_what_the_fast_parser_does_not_understand_goes_to_typer(argv: list[str], code: int,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert_falls_back_to_typer(audit_options.parse, argv, code, capsys)
