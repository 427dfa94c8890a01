"""The typer application object. Commands register themselves from ``commands/*``."""

from __future__ import annotations

import typer

HELP_OPTION_TEXT = "显示帮助信息并退出"


def _chinese_help_option() -> None:
    """Give the framework's built-in ``--help`` option a Chinese description.

    typer creates the option lazily through its vendored click ``help_option`` decorator;
    wrapping that decorator is the one place its English text can be replaced. If a future
    typer moves it, the option simply keeps its English text.
    """
    try:
        from typer._click import decorators
    except ImportError:  # pragma: no cover - other typer layouts
        return
    original = decorators.help_option
    if getattr(original, "_draft_report", False):
        return

    def help_option(param_decls: list[str]):  # type: ignore[no-untyped-def]
        apply = original(param_decls)

        def decorator(command):  # type: ignore[no-untyped-def]
            command = apply(command)
            command.params[-1].help = HELP_OPTION_TEXT
            return command

        return decorator

    help_option._draft_report = True  # type: ignore[attr-defined]
    decorators.help_option = help_option


_chinese_help_option()

app = typer.Typer(
    name="draft-report",
    help="起草与核查政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
