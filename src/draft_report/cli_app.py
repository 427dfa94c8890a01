"""The typer application object. Commands register themselves from ``commands/*``."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="draft-report",
    help="起草与核查政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
