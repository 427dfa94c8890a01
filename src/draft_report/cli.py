"""Command-line entry point: ``draft-report``.

Exit codes (one place): 0 success; 1 an error-severity finding or an expected failure;
2 input that cannot be used (a Chinese message names the file, field or cell).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import typer

from draft_report import __version__
from draft_report.cli_app import app
from draft_report.cli_messages import usage_error_text, usage_hint
from draft_report.commands import audit, check, convert, draft, init, schema  # noqa: F401  (commands register themselves)
from draft_report.errors import DraftReportError


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


def _show_usage_error(ex: Exception) -> None:
    """A usage error in Chinese: the usage line, the problem, where to find help."""
    ctx = getattr(ex, "ctx", None)
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
    message = ex.format_message() if hasattr(ex, "format_message") else str(ex)
    typer.echo(f"错误：{usage_error_text(message)}", err=True)
    typer.echo(usage_hint(ctx.command_path if ctx is not None else None), err=True)


INTERRUPTED = "已中断（Ctrl-C）：未完成的文件没有写入，原有文件保持不变。"


def _interrupted() -> NoReturn:
    """Ctrl-C: one Chinese line, exit 130. Outputs are written whole or not at all
    (``safety.atomic``), so nothing half-written remains."""
    typer.echo(INTERRUPTED, err=True)
    sys.exit(130)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; expected errors become one Chinese line on stderr and an exit code."""
    try:
        # with standalone_mode=False a command's ``typer.Exit(code)`` comes back as the return value
        code = app(args=argv, prog_name="draft-report", standalone_mode=False)
    except DraftReportError as err:
        typer.echo(f"错误：{err}", err=True)
        sys.exit(err.exit_code)
    except typer.Exit as ex:
        if isinstance(ex.__cause__, KeyboardInterrupt):  # typer turns Ctrl-C into Exit(130)
            _interrupted()
        sys.exit(ex.exit_code)
    except typer.Abort:
        typer.echo("已取消。", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        _interrupted()
    except Exception as ex:  # click usage errors and the like
        if _is_click_exception(ex):
            _show_usage_error(ex)
            sys.exit(ex.exit_code)  # type: ignore[attr-defined]
        if os.environ.get("DRAFT_REPORT_DEBUG"):
            raise
        typer.echo(
            f"程序内部错误（{type(ex).__name__}：{ex}）。这不是您的输入问题，请将此信息反馈给维护人员；"
            "设置环境变量 DRAFT_REPORT_DEBUG=1 可显示详细调用栈。",
            err=True,
        )
        sys.exit(1)
    if code == 130:  # typer turns Ctrl-C into Exit(130), returned as the code without standalone mode
        _interrupted()
    sys.exit(code if isinstance(code, int) else 0)
