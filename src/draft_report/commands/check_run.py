"""The work of ``draft-report check``, without the command framework.

``run_check`` is called by the typer command (``commands.check``) and by the fast path of
``cli.main`` (options parsed by ``commands.check_options``); both therefore print the same
thing and return the same exit code. It returns 0 when there is no error-severity finding and
1 when there is one; input that cannot be read raises ``InputError`` (exit 2, mapped in ``cli.main``).
``audit`` reads its reports with ``read_report_file`` from here too, so its workers never load typer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from draft_report.errors import InputError

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")
FORMATS = ("text", "json")


def _echo(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def read_report_file(path: Path) -> Any:
    if not path.exists():
        raise InputError("文件不存在", path=str(path))
    if path.is_dir():
        raise InputError("应为报告文件（.md、.txt、.html、.docx 或 PDF），而不是文件夹", path=str(path))
    from draft_report.reading import read_report

    return read_report(path)


def check_annotate_target(report: Path, out: Path, *, force: bool) -> None:
    """--annotate needs a .docx report and an output that is neither the report nor (without --force) existing."""
    if report.suffix.lower() != ".docx":
        raise InputError("--annotate 仅适用于 Word（.docx）报告", path=str(report))
    if out.suffix.lower() != ".docx":
        raise InputError("批注副本应为 .docx 文件", where="--annotate")
    if out.absolute() == report.absolute():
        raise InputError("批注副本不能覆盖原文件，请另指定文件名", where="--annotate")
    from draft_report.safety.paths import check_output

    check_output(out, inputs=[report], where="--annotate")  # hard link, symlink, case twin of the report
    if (out.exists() or out.is_symlink()) and not force:
        raise InputError(f"输出文件已存在：{out}。如需覆盖请加 --force", where="--annotate")


def load_previous(path: Path) -> Any:
    """Last year's data file (.yaml/.yml/.json, or a folder holding data.yaml) or report."""
    if path.is_dir() or path.suffix.lower() in DATA_SUFFIXES:
        from draft_report.loading import load_dataset

        return load_dataset(path)
    return read_report_file(path)


def run_check(
    report: Path,
    data: Path | None = None,
    previous: Path | None = None,
    fmt: str = "text",
    no_info: bool = False,
    annotate: Path | None = None,
    force: bool = False,
    verbose: bool = False,
) -> int:
    """Check ``report`` and print the result; the exit code (0 or 1)."""
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise InputError(f"不支持的输出格式“{fmt}”；可选：{'、'.join(FORMATS)}", where="--format")
    if annotate is not None:
        check_annotate_target(report, annotate, force=force)
    doc = read_report_file(report)
    dataset = None
    if data is not None:
        from draft_report.loading import load_dataset

        dataset = load_dataset(data)
    prev = load_previous(previous) if previous is not None else None
    from draft_report.checking import check_document

    result = check_document(doc, dataset, prev)
    if result.source is None:
        result.source = str(report)
    if fmt == "json":
        _echo(result.to_json())
    else:
        from draft_report.checking.report_text import render_text

        _echo(render_text(result, show_info=not no_info, verbose=verbose))
    if annotate is not None:
        from draft_report.rendering.docx import annotate_docx

        shown = [f for f in result.findings if not (no_info and f.severity == "info")]
        placed = annotate_docx(report, shown, annotate, force=force)
        _echo(f"已写出带批注的副本：{annotate}（{placed} 条批注；原文件未改动）", err=True)
    return 1 if result.has_errors else 0
