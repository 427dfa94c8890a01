"""``draft-report draft`` has two ways in: the fast parser (``commands.draft_options``, no typer) and
the typer command. Both must print the same, write the same files and exit the same (their
parameters are compared in ``test_cli_fast_params.py``)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cli_two_paths import assert_falls_back_to_typer, run_both_paths
from conftest import EXAMPLES
from draft_report.commands import draft_options

DATA = EXAMPLES / "xiaxian-2023" / "data.yaml"

FAST_CASES: list[tuple[str, list[str], int]] = [
    ("default format", ["draft", str(DATA), "-o", "out"], 0),
    ("three formats", ["draft", str(DATA), "--output", "out", "--format", "md,html,docx"], 0),
    ("format repeated, options first", ["draft", "-f", "html", "-o", "out", "-f", "Markdown", str(DATA)], 0),
    ("data folder", ["draft", str(EXAMPLES / "scjg-2024"), "-o", "out", "-f", "md，html"], 0),
    ("existing report", ["draft", str(DATA), "-o", "{existing}", "-f", "html,md"], 2),
    ("existing report, force", ["draft", str(DATA), "-o", "{existing}", "--force"], 0),
    ("bad format", ["draft", str(DATA), "-o", "out", "-f", "pdf"], 2),
    ("missing data", ["draft", "没有.yaml", "-o", "out"], 2),
    ("model options without --llm", ["draft", str(DATA), "-o", "out", "--model", "m", "--timeout", "5"], 0),
    ("--llm without an endpoint", ["draft", str(DATA), "-o", "out", "--llm"], 0),
    ("--llm with a bad timeout", ["draft", str(DATA), "-o", "out", "--llm", "--base-url", "http://127.0.0.1:9/v1",
                                  "--model", "m", "--timeout", "很久"], 2),
]


def _written(folder: Path) -> dict[Path, object]:
    """Every file under ``folder`` by its content. A Word file by the names and bytes of its parts:
    its zip entries carry the time they were written (2-second steps), which two runs may straddle."""
    out: dict[Path, object] = {}
    for p in folder.rglob("*"):
        if p.is_file():
            if p.suffix == ".docx":
                with zipfile.ZipFile(p) as z:
                    out[p.relative_to(folder)] = [(i.filename, z.read(i)) for i in z.infolist()]
            else:
                out[p.relative_to(folder)] = p.read_bytes()
    return out


@pytest.mark.parametrize(("argv", "code"), [pytest.param(a, c, id=i) for i, a, c in FAST_CASES])
def test_fast_path_and_typer_command_agree(argv: list[str], code: int, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "report.md").write_text("审核人员改过的稿件\n", encoding="utf-8")
    into_existing = "{existing}" in argv
    argv = [a.format(existing=existing) for a in argv]
    assert draft_options.parse(argv[1:]) is not None  # the fast parser takes it
    fast, typer_ = run_both_paths(argv, tmp_path, capsys, monkeypatch)
    assert fast == typer_
    assert fast[0] == code, fast
    if code == 2:
        assert fast[2].startswith("错误：") and fast[1] == ""
    if code == 0:
        assert "已生成报告：" in fast[1]
    written = _written(tmp_path / "fast")
    assert written == _written(tmp_path / "typer")
    if code == 0 and not into_existing:
        assert written  # the report was written (under out/), the same on both paths
    if into_existing:
        kept = (existing / "report.md").read_text(encoding="utf-8") == "审核人员改过的稿件\n"
        assert kept == (code == 2)  # refused: the reviewer's file is untouched; with --force replaced


# (argv, exit code): help pages (0), usage errors (2) and what typer accepts but this parser does not (0).
FALLBACK_CASES: list[tuple[list[str], int]] = [
    (["draft"], 2),
    (["draft", "--help"], 0),
    (["draft", str(DATA), "--help"], 0),
    (["draft", str(DATA)], 2),  # -o is required
    (["draft", str(DATA), "-o"], 2),
    (["draft", str(DATA), "-o", "out", "--unknown"], 2),
    (["draft", str(DATA), "-o", "out", "--forse"], 2),  # did you mean
    (["draft", str(DATA), str(DATA), "-o", "out"], 2),
    (["draft", str(DATA), "-o", "out", "-o", "out2", "--force"], 0),  # typer: the last one counts
    (["draft", str(DATA), "-o", "out", "--format"], 2),
]


@pytest.mark.parametrize(("argv", "code"), FALLBACK_CASES, ids=lambda v: " ".join(map(str, v)) if isinstance(v, list) else None)
def test_what_the_fast_parser_does_not_take_goes_to_typer(argv: list[str], code: int, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert_falls_back_to_typer(draft_options.parse, argv, code, capsys)


def test_the_llm_variable_is_left_to_typer(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """``DRAFT_REPORT_LLM`` stands for ``--llm``: typer reads it (its own rules for true and false)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DRAFT_REPORT_LLM", "0")
    assert_falls_back_to_typer(draft_options.parse, ["draft", str(DATA), "-o", "out", "--force"], 0, capsys)
    assert (tmp_path / "out" / "report.md").is_file()
