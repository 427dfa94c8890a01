"""``draft-report audit PATH...``: check a region's published reports at once, for supervisors.

Each report is read and checked against its own tables exactly as ``check`` does (with
``--previous-dir``, also against the same agency's report of the year before). The output is
one line per report (text), a CSV that opens in Excel, JSON with every finding, or — with
``-o 汇总.html`` — one self-contained HTML page written together with its .csv and .json.
The work lives in ``draft_report.audit`` (``audit.command.run_audit_command``); the parameters are
described in ``commands.audit_options``, which a plain ``audit`` is parsed with (no typer, see ``cli.main``).

Exit codes: 0 no report has an error-severity finding; 1 at least one has; 2 at least one
report could not be read (or no report was found, or an option is wrong).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from draft_report.audit.command import run_audit_command
from draft_report.cli_app import app, typer_param
from draft_report.commands.audit_options import BY_DEST

AUDIT_HELP = """批量核查已发布的年度报告（供上级主管部门抽查、审核），每份报告按其自身表格核对。

\b
示例：
  draft-report audit 年报/2024/
  draft-report audit 年报/2024/ -o 核查汇总.html
  draft-report audit 年报/2024/ --previous-dir 年报/2023/ -o 核查汇总.html

文件夹（含子文件夹）中的 .docx、.html、.md、.pdf、.txt 报告都会被核查；同一份报告存为多种格式（同名不同扩展名）
只核查一次（按 .docx、网页、Markdown、PDF、纯文本的顺序选用），其余格式列出。无法读取的报告（扫描件、.doc、
.wps、.ofd、损坏的文件）和跳过的文件（本工具写出的汇总和批注副本等）逐个列出原因，不影响其他报告。"""


@app.command("audit", help=AUDIT_HELP)
def audit(
    paths: Annotated[list[Path], typer_param(BY_DEST["paths"])],
    fmt: Annotated[str | None, typer_param(BY_DEST["fmt"])] = None,
    output: Annotated[Path | None, typer_param(BY_DEST["output"])] = None,
    force: Annotated[bool, typer_param(BY_DEST["force"])] = False,
    previous_dir: Annotated[Path | None, typer_param(BY_DEST["previous_dir"])] = None,
    jobs: Annotated[int | None, typer_param(BY_DEST["jobs"])] = None,
) -> None:
    code = run_audit_command(paths, fmt, output, force, previous_dir, jobs)
    if code:
        raise typer.Exit(code)
