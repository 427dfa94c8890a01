"""``draft-report check REPORT [--data DATA] [--previous PREV] [--format text|json]``: the typer command.

A plain ``draft-report check …`` does not come here: ``cli.main`` parses it with
``commands.check_options`` and calls ``commands.check_run.run_check`` directly. This command
serves what that parser leaves to typer (``--help``, usage errors, suggestions); its parameters
take their flags, metavars and help from ``check_options``, and it calls the same ``run_check``.

Exit codes: 0 when no error-severity finding, 1 when there is one, 2 when an input cannot
be read (``InputError``, mapped in ``cli.main``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from draft_report.cli_app import app, typer_param
from draft_report.commands.check_options import BY_DEST
from draft_report.commands.check_run import (  # noqa: F401  (the names other modules import from here)
    DATA_SUFFIXES,
    check_annotate_target,
    load_previous,
    read_report_file,
    run_check,
)


@app.command("check")
def check(
    report: Annotated[Path, typer_param(BY_DEST["report"])],
    data: Annotated[Path | None, typer_param(BY_DEST["data"])] = None,
    previous: Annotated[Path | None, typer_param(BY_DEST["previous"])] = None,
    fmt: Annotated[str, typer_param(BY_DEST["fmt"])] = "text",
    no_info: Annotated[bool, typer_param(BY_DEST["no_info"])] = False,
    annotate: Annotated[Path | None, typer_param(BY_DEST["annotate"])] = None,
    force: Annotated[bool, typer_param(BY_DEST["force"])] = False,
    verbose: Annotated[bool, typer_param(BY_DEST["verbose"])] = False,
) -> None:
    """核查报告：表格勾稽关系、正文数字与表格/数据、结构、时效与跨年度一致性。"""
    code = run_check(report, data, previous, fmt, no_info, annotate, force, verbose)
    if code:
        raise typer.Exit(code)
