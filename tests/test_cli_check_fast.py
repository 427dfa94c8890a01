"""``draft-report check`` has two ways in: the fast parser (``commands.check_options``, no typer) and
the typer command. Both must print the same and exit the same (their parameters are compared in
``test_cli_fast_params.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_two_paths import assert_falls_back_to_typer, run_both_paths
from conftest import EXAMPLES, REAL_REPORTS
from draft_report.commands import check_options

CLEAN = REAL_REPORTS / "huaian_2024.txt"  # exit 0
WITH_ERRORS = REAL_REPORTS / "huaian-hongze_2023.txt"  # table identity errors: exit 1
DATA = EXAMPLES / "xiaxian-2023" / "data.yaml"


@pytest.fixture(scope="module")
def docx_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.loading import load_dataset
    from draft_report.rendering.docx import write_docx

    path = tmp_path_factory.mktemp("docx") / "报告.docx"
    write_docx(compose_document(load_dataset(DATA), OfflineDrafter()), path)
    return path


FAST_CASES: list[tuple[str, list[str], int]] = [
    ("ok report", ["check", str(CLEAN)], 0),
    ("report with errors", ["check", str(WITH_ERRORS)], 1),
    ("json", ["check", str(WITH_ERRORS), "--format", "json"], 1),
    ("format upper case, options first", ["check", "--format", " JSON", str(CLEAN)], 0),
    ("no info", ["check", "--no-info", str(CLEAN)], 0),
    ("verbose long", ["check", str(WITH_ERRORS), "--verbose"], 1),
    ("verbose short", ["check", "-v", str(WITH_ERRORS), "--no-info"], 1),
    ("data", ["check", str(CLEAN), "--data", str(DATA)], 1),
    ("previous report", ["check", str(CLEAN), "--previous", str(WITH_ERRORS), "--format", "json"], 1),
    ("previous data", ["check", str(CLEAN), "--previous", str(DATA)], 1),
    ("missing report", ["check", "没有这个文件.txt"], 2),
    ("missing data", ["check", str(CLEAN), "--data", "没有.yaml"], 2),
    ("report is a folder", ["check", str(REAL_REPORTS)], 2),
    ("bad format", ["check", str(CLEAN), "--format", "xml"], 2),
    ("annotate a text report", ["check", str(CLEAN), "--annotate", "批注.docx"], 2),
    ("annotate", ["check", "{docx}", "--annotate", "批注.docx", "--no-info"], -1),
    ("annotate over an existing file", ["check", "{docx}", "--annotate", "{docx}"], 2),
    ("annotate with force", ["check", "{docx}", "--annotate", "批注.docx", "--force", "--format", "json"], -1),
]


@pytest.mark.parametrize(("argv", "code"), [pytest.param(a, c, id=i) for i, a, c in FAST_CASES])
def test_fast_path_and_typer_command_agree(argv: list[str], code: int, docx_report: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    argv = [a.format(docx=docx_report) for a in argv]
    assert check_options.parse(argv[1:]) is not None  # the fast parser takes it
    fast, typer_ = run_both_paths(argv, tmp_path, capsys, monkeypatch)
    assert fast == typer_
    if code >= 0:
        assert fast[0] == code, fast
    if code == 2:
        assert fast[2].startswith("错误：") and fast[1] == ""
    if "--annotate" in argv and fast[0] != 2:
        assert (tmp_path / "fast" / "批注.docx").is_file() and (tmp_path / "typer" / "批注.docx").is_file()
        assert "已写出带批注的副本：批注.docx" in fast[2]


# (argv, exit code): help pages (0), usage errors (2) and what typer accepts but this parser does not (0).
FALLBACK_CASES: list[tuple[list[str], int]] = [
    (["check"], 2),
    (["check", "--help"], 0),
    (["check", str(CLEAN), "--help"], 0),
    (["check", "-h", str(CLEAN)], 2),
    (["check", str(CLEAN), "--unknown"], 2),
    (["check", str(CLEAN), "--dat", str(DATA)], 2),  # did you mean
    (["check", str(CLEAN), "--data"], 2),
    (["check", str(CLEAN), "--format"], 2),
    (["check", str(CLEAN), str(WITH_ERRORS)], 2),
    (["check", "-vx", str(CLEAN)], 2),
    (["check", "-"], 2),
    (["check", ""], 2),
    (["check", "--", str(CLEAN)], 0),
    (["check", str(CLEAN), "--no-info", "--no-info"], 0),
    (["check", str(CLEAN), "--format", "json", "--format", "text"], 0),
    (["check", str(CLEAN), "--format=json"], 0),
]


@pytest.mark.parametrize(("argv", "code"), FALLBACK_CASES,
                         ids=[" ".join(a[1:]).replace(str(REAL_REPORTS), "R") for a, _ in FALLBACK_CASES])
def test_what_the_fast_parser_does_not_understand_goes_to_typer(argv: list[str], code: int,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert_falls_back_to_typer(check_options.parse, argv, code, capsys)


def test_parse_fills_every_option_with_its_default() -> None:
    assert check_options.parse([str(CLEAN), "-v"]) == {
        "report": CLEAN, "data": None, "previous": None, "fmt": "text", "no_info": False,
        "annotate": None, "force": False, "verbose": True,
    }
