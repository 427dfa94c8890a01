"""``draft-report check REPORT [--data DATA] [--previous PREV] [--format text|json]``.

Exit codes: 0 when no error-severity finding, 1 when there is one, 2 when an input cannot
be read (``InputError``, mapped in ``cli.main``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from draft_report.cli_app import app
from draft_report.errors import InputError

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")


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


@app.command("check")
def check(
    report: Annotated[
        Path, typer.Argument(metavar="报告文件", help="要核查的报告：.md、.txt、.html、.docx 或 PDF（须有文字层）")
    ],
    data: Annotated[
        Path | None, typer.Option("--data", metavar="数据文件", help="本年度数据文件（data.xlsx 或 YAML/JSON）：表格与正文数字逐项对照")
    ] = None,
    previous: Annotated[
        Path | None,
        typer.Option("--previous", metavar="上年数据或报告", help="上年度数据文件（.xlsx/.yaml/.json）或上年度报告：核对结转、现行有效件数、整改与雷同"),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", metavar="text|json", help="输出格式：text（给人看）或 json（给工具用）")] = "text",
    no_info: Annotated[bool, typer.Option("--no-info", help="文本输出中不列出“提示”（未能核对的数字等）")] = False,
    annotate: Annotated[
        Path | None,
        typer.Option("--annotate", metavar="批注副本文件", help="（仅 .docx）另存一份带批注的副本：每条问题批注在对应段落或单元格；原文件不改动"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的批注副本（--annotate 的输出文件）")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="每条问题后注明规则编号（反馈问题或对照说明文档时使用）")
    ] = False,
) -> None:
    """核查报告：表格勾稽关系、正文数字与表格/数据、结构、时效与跨年度一致性。"""
    from draft_report.checking import check_document
    from draft_report.checking.report_text import render_text

    fmt = fmt.strip().lower()
    if fmt not in ("text", "json"):
        raise InputError(f"不支持的输出格式“{fmt}”；可选：text、json", where="--format")
    if annotate is not None:
        check_annotate_target(report, annotate, force=force)
    doc = read_report_file(report)
    dataset = None
    if data is not None:
        from draft_report.loading import load_dataset

        dataset = load_dataset(data)
    prev = load_previous(previous) if previous is not None else None
    result = check_document(doc, dataset, prev)
    if result.source is None:
        result.source = str(report)
    if fmt == "json":
        typer.echo(result.to_json())
    else:
        typer.echo(render_text(result, show_info=not no_info, verbose=verbose))
    if annotate is not None:
        from draft_report.rendering.docx import annotate_docx

        shown = [f for f in result.findings if not (no_info and f.severity == "info")]
        placed = annotate_docx(report, shown, annotate, force=force)
        typer.echo(f"已写出带批注的副本：{annotate}（{placed} 条批注；原文件未改动）", err=True)
    if result.has_errors:
        raise typer.Exit(1)
