"""Command-line entry point: ``draft-report``.

Exit codes (one place): 0 success; 1 an error-severity finding or an expected failure;
2 input that cannot be used (a Chinese message names the file, field or cell).
"""

from __future__ import annotations

import importlib
import sys

import typer

from draft_report import __version__
from draft_report.cli_app import app
from draft_report.errors import DraftReportError

COMMAND_MODULES = ("init", "draft", "schema", "check")

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"draft_report.commands.{_name}")
    except ModuleNotFoundError as exc:  # a command still being built must not break the others
        if exc.name != f"draft_report.commands.{_name}":
            raise


def _version(value: bool) -> None:
    if value:
        typer.echo(f"draft-report {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="显示版本号并退出"),
) -> None:
    """起草与核查政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。"""


def _is_click_exception(ex: Exception) -> bool:
    """Usage errors: ``click.ClickException``, or typer's vendored copy (typer ≥ 0.20 has no click)."""
    try:
        import click

        if isinstance(ex, click.ClickException):
            return True
    except ModuleNotFoundError:
        pass
    return isinstance(ex, typer.TyperException) and hasattr(ex, "show") and hasattr(ex, "exit_code")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; expected errors become one Chinese line on stderr and an exit code."""
    try:
        # with standalone_mode=False a command's ``typer.Exit(code)`` comes back as the return value
        code = app(args=argv, prog_name="draft-report", standalone_mode=False)
    except DraftReportError as err:
        typer.echo(f"错误：{err}", err=True)
        sys.exit(err.exit_code)
    except typer.Exit as ex:
        sys.exit(ex.exit_code)
    except typer.Abort:
        typer.echo("已取消。", err=True)
        sys.exit(1)
    except Exception as ex:  # click usage errors and the like
        if _is_click_exception(ex):
            ex.show()  # type: ignore[attr-defined]
            sys.exit(ex.exit_code)  # type: ignore[attr-defined]
        raise
    sys.exit(code if isinstance(code, int) else 0)
