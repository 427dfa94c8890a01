"""``draft-report audit PATH...``: check a region's published reports at once, for supervisors.

Each report is read and checked against its own tables exactly as ``check`` does (with
``--previous-dir``, also against the same agency's report of the year before). The output is
one line per report (text), a CSV that opens in Excel, JSON with every finding, or — with
``-o 汇总.html`` — one self-contained HTML page written together with its .csv and .json.
The work lives in ``draft_report.audit`` (imported when the command runs).

Exit codes: 0 no report has an error-severity finding; 1 at least one has; 2 at least one
report could not be read (or no report was found, or an option is wrong).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from draft_report.cli_app import app
from draft_report.errors import InputError

FORMATS = ("text", "csv", "json", "html")
_BY_SUFFIX = {".csv": "csv", ".json": "json", ".html": "html", ".htm": "html"}

AUDIT_HELP = """批量核查已发布的年度报告（供上级主管部门抽查、审核），每份报告按其自身表格核对。

\b
示例：
  draft-report audit 年报/2024/
  draft-report audit 年报/2024/ -o 核查汇总.html
  draft-report audit 年报/2024/ --previous-dir 年报/2023/ -o 核查汇总.html

文件夹（含子文件夹）中的 .docx、.html、.md、.pdf、.txt 报告都会被核查；同一份报告存为多种格式（同名不同扩展名）
只核查一次（按 .docx、网页、Markdown、PDF、纯文本的顺序选用），其余格式列出。无法读取的报告（扫描件、.doc、
.wps、.ofd、损坏的文件）和跳过的文件（本工具写出的汇总和批注副本等）逐个列出原因，不影响其他报告。"""


def _format_of(fmt: str | None, output: Path | None) -> str:
    if fmt is None:
        return _BY_SUFFIX.get(output.suffix.lower(), "text") if output is not None else "text"
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise InputError(f"不支持的输出格式“{fmt}”；可选：{'、'.join(FORMATS)}", where="--format")
    if fmt == "html" and output is None:
        raise InputError("HTML 汇总需要用 -o 指定文件，例如 -o 核查汇总.html", where="--format")
    return fmt


def _targets(fmt: str, output: Path) -> list[Path]:
    """The files written: an HTML summary comes with its CSV and JSON beside it."""
    if fmt == "html":
        return [output, output.with_suffix(".csv"), output.with_suffix(".json")]
    return [output]


@app.command("audit", help=AUDIT_HELP)
def audit(
    paths: Annotated[list[Path], typer.Argument(metavar="报告或文件夹...", help="报告文件或存放报告的文件夹，可填多个")],
    fmt: Annotated[
        str | None,
        typer.Option("--format", metavar="text|csv|json|html", help="输出格式：text（逐份一行）、csv（可用 Excel 打开）、json 或 html；"
                                      "不填时按 -o 的扩展名确定，否则为 text"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="输出文件", help="把结果写入文件（不加则打印）；.html 汇总页同时写出同名的 .csv 和 .json；"
                                            "已存在的文件不会被覆盖，除非加 --force"),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件（输出文件不能是被核查的报告）")] = False,
    previous_dir: Annotated[
        Path | None,
        typer.Option("--previous-dir", metavar="上年度文件夹",
                     help="上年度报告所在的文件夹：按报告中的机关名称和年度配对同一机关的上年度报告，核对结转等跨年度规则"),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", metavar="进程数", min=1, max=256, help="并行核查的进程数（默认按处理器核数）")
    ] = None,
) -> None:
    from draft_report.audit.collect import collect
    from draft_report.audit.render import Audit, render_csv, render_json, render_text, render_text_file
    from draft_report.audit.run import read_previous, run_audit
    from draft_report.safety.atomic import FileSet
    from draft_report.safety.paths import check_output

    kind = _format_of(fmt, output)
    if previous_dir is not None and not previous_dir.is_dir():
        raise InputError("应为存放上年度报告的文件夹", path=str(previous_dir), where="--previous-dir")
    found = collect(paths)
    if not found.jobs and not found.unreadable:
        raise InputError("没有找到报告文件（.docx、.html、.md、.pdf、.txt）", where="、".join(map(str, paths)))
    targets = _targets(kind, output) if output is not None else []
    for target in targets:
        check_output(target, inputs=found.inputs(), where="-o")
        if target.exists() and not force:
            raise InputError("输出文件已存在；如需覆盖请加 --force，或另指定文件名", path=str(target))
    previous = None
    if previous_dir is not None:
        previous = read_previous(collect([previous_dir]).jobs, jobs if jobs is not None else _workers())
    rows = run_audit(found.jobs, workers=jobs, previous=previous)
    result = Audit(rows, found.unreadable, found.skipped, str(previous_dir) if previous_dir is not None else None)
    if output is None:
        typer.echo({"text": render_text, "csv": render_csv, "json": render_json}[kind](result))
    else:
        from draft_report.audit.html_summary import render_html_summary

        with FileSet() as files:
            if kind == "html":
                files.add_text(output, render_html_summary(result, output))
            elif kind == "text":
                files.add_text(output, render_text_file(result))
            if kind in ("html", "csv"):
                # utf-8-sig so that Excel opens the CSV with the right encoding
                files.add_text(targets[1] if kind == "html" else output, render_csv(result), encoding="utf-8-sig")
            if kind in ("html", "json"):
                files.add_text(targets[-1], render_json(result) + "\n")
        typer.echo(f"已写出核查汇总：{'、'.join(map(str, targets))}", err=True)
        s = result.summary()
        typer.echo(f"共 {s['reports']} 份报告：通过 {s['checked'] - s['with_errors']} 份，有错误 {s['with_errors']} 份，"
                   f"无法读取 {s['unreadable']} 份；跳过其他文件 {s['skipped']} 个。", err=True)
    if result.unreadable_count:
        raise typer.Exit(2)
    if result.with_errors:
        raise typer.Exit(1)


def _workers() -> int:
    from draft_report.audit.run import default_workers

    return default_workers()
