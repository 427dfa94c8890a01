"""Command-line entry point: ``draft-report``.

Exit codes (one place): 0 success; 1 an error-severity finding or an expected failure;
2 input that cannot be used (a Chinese message names the file, field or cell).

Start-up is kept short: ``--version`` answers without loading the command framework; a plain
``check``, ``audit`` or ``draft`` is parsed without it too (``cli_parse`` driven by ``commands/*_options.py``;
anything that parser does not fully understand goes to typer), and any other command loads only
its own module (see ``cli_app``).
"""

from __future__ import annotations

import os
import sys
from typing import Any, NoReturn

from draft_report import __version__
from draft_report.lazy_stdlib import register_all

# The command line only (not a program importing the package as a library): before any module
# imports dataclasses, so that ``inspect`` stays unloaded unless something uses it (see lazy_stdlib).
register_all()

from draft_report.errors import DraftReportError  # noqa: E402

VERSION_TEXT = f"draft-report {__version__}"


def _echo(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def __getattr__(name: str) -> Any:
    """``cli.app`` still names the typer application (loaded on first use)."""
    if name == "app":
        from draft_report.cli_app import app

        globals()["app"] = app
        return app
    raise AttributeError(name)


def _is_usage_error(ex: Exception) -> bool:
    """Usage errors: ``click.ClickException``, or typer's vendored copy (typer ≥ 0.20 has no click)."""
    import typer

    try:
        import click

        if isinstance(ex, click.ClickException):
            return True
    except ModuleNotFoundError:
        pass
    return isinstance(ex, typer.TyperException) and hasattr(ex, "show") and hasattr(ex, "exit_code")


def _show_usage_error(ex: Exception) -> None:
    """A usage error in Chinese: the problem, the usage line, where to find help."""
    from draft_report.cli_messages import usage_error_message, usage_hint

    ctx = getattr(ex, "ctx", None)
    _echo(f"错误：{usage_error_message(ex)}", err=True)
    if ctx is not None:
        _echo(ctx.get_usage(), err=True)
    _echo(usage_hint(ctx.command_path if ctx is not None else None), err=True)


INTERRUPTED = "已中断（Ctrl-C）：未完成的文件没有写入，原有文件保持不变。"


def _interrupted() -> NoReturn:
    """Ctrl-C: one Chinese line, exit 130. Outputs are written whole or not at all
    (``safety.atomic``), so nothing half-written remains."""
    _echo(INTERRUPTED, err=True)
    sys.exit(130)


def _internal_error(ex: Exception) -> NoReturn:
    if os.environ.get("DRAFT_REPORT_DEBUG"):
        raise ex
    _echo(
        f"程序内部错误（{type(ex).__name__}：{ex}）。这不是您的输入问题，请将此信息反馈给维护人员；"
        "设置环境变量 DRAFT_REPORT_DEBUG=1 可显示详细调用栈。",
        err=True,
    )
    sys.exit(1)


# Commands parsed without typer when ``cli_parse`` fully understands their options: the module
# describing each one's parameters (``PARAMS``, and ``RUN``: "module:function" doing the work).
FAST_COMMANDS = {
    "check": "draft_report.commands.check_options",
    "audit": "draft_report.commands.audit_options",
    "draft": "draft_report.commands.draft_options",
}


def _import_for_command(names: list[str]) -> list[Any]:
    """Import the modules a command runs on with the cyclic garbage collector paused, then hand what
    they created to the collector's permanent generation (``gc.freeze``): module-level objects live as
    long as the process, and collecting them over and over while they were being defined was about a
    fifteenth of a cold ``check``."""
    import gc
    from importlib import import_module

    enabled = gc.isenabled()
    gc.disable()
    try:
        return [import_module(name) for name in names]
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _fast_path(args: list[str]) -> None:
    """Run ``args`` without typer when its options are fully understood (``cli_parse``);
    returns (doing nothing) when the typer command must handle them."""
    from importlib import import_module

    from draft_report.cli_parse import parse

    described = import_module(FAST_COMMANDS[args[0]])
    options = parse(described.PARAMS, args[1:])
    if options is None:
        return
    module, _, function = described.RUN.partition(":")
    run = getattr(_import_for_command([*getattr(described, "NEEDS", ()), module])[-1], function)
    try:
        code = run(**options)
    except DraftReportError as err:
        _echo(f"错误：{err}", err=True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        _interrupted()
    except Exception as ex:
        _internal_error(ex)
    sys.exit(code)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; expected errors become one Chinese line on stderr and an exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--version"]:  # fast path: no command framework needed
        _echo(VERSION_TEXT)
        sys.exit(0)
    # draft-report uses no pydantic plugins: skip their discovery, which reads the metadata of
    # every installed package at the first model definition (a set value is respected).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if args and args[0] in FAST_COMMANDS:
        _fast_path(args)  # exits unless typer must parse the options
    _run_typer(args)


def _run_typer(args: list[str]) -> NoReturn:
    """Parse ``args`` with the typer application and run the command."""
    try:
        import typer

        run = globals().get("app") or __getattr__("app")
    except KeyboardInterrupt:
        _interrupted()
    try:
        # with standalone_mode=False a command's ``typer.Exit(code)`` comes back as the return value
        code = run(args=args, prog_name="draft-report", standalone_mode=False)
    except DraftReportError as err:
        _echo(f"错误：{err}", err=True)
        sys.exit(err.exit_code)
    except typer.Exit as ex:
        if isinstance(ex.__cause__, KeyboardInterrupt):  # typer turns Ctrl-C into Exit(130)
            _interrupted()
        sys.exit(ex.exit_code)
    except typer.Abort:
        _echo("已取消。", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        _interrupted()
    except Exception as ex:  # click usage errors and the like
        if type(ex).__name__ == "NoArgsIsHelpError":  # plain ``draft-report``: the help page, once
            _echo(ex.ctx.get_help())  # type: ignore[attr-defined]
            sys.exit(0)
        if _is_usage_error(ex):
            _show_usage_error(ex)
            sys.exit(ex.exit_code)  # type: ignore[attr-defined]
        _internal_error(ex)
    if code == 130:  # typer turns Ctrl-C into Exit(130), returned as the code without standalone mode
        _interrupted()
    sys.exit(code if isinstance(code, int) else 0)
