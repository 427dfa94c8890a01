"""The typer application object. Commands register themselves from ``commands/*``, loaded lazily.

A command named ``NAME`` lives in ``draft_report.commands.NAME`` (``-`` in the name becomes ``_``)
and registers itself with ``@app.command("NAME")``. Only the module of the command being run is
imported, so ``draft-report check`` never loads the drafting, Word or LLM code; a command that
does not follow the naming convention is still found (all command modules are then imported).
``draft-report --help`` imports every command module to list them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import typer
from typer.models import CommandInfo

from draft_report import __version__
from draft_report.cli_help import ChineseCommand, ChineseGroup
from draft_report.cli_parse import FLAG, INT, Param

APP_HELP = "起草与核查政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。"
COMMANDS_PACKAGE = "draft_report.commands"
# Order of the command list in ``draft-report --help``; other commands follow alphabetically.
COMMAND_ORDER = ("draft", "check", "audit", "init", "convert", "schema")


class ChineseTyper(typer.Typer):
    """``typer.Typer`` whose commands get Chinese help pages by default and are built on demand.

    A command is registered in ``lazy_commands``, not in typer's ``registered_commands``: typer
    builds every registered command each time the application is called (inspecting each
    function's signature and type hints, ≈ 4 ms for ``draft``), while ``LazyGroup`` builds only
    the command asked for, once per process (``_BUILT``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: list[CommandInfo] = []

    def command(self, name: str | None = None, **kwargs: Any) -> Callable[[Any], Any]:
        if kwargs.get("cls") is None:
            kwargs["cls"] = ChineseCommand
        register = super().command(name, **kwargs)

        def decorator(function: Callable[..., Any]) -> Callable[..., Any]:
            register(function)
            self.lazy_commands.append(self.registered_commands.pop())
            return function

        return decorator


def typer_param(p: Param) -> Any:
    """The ``typer.Argument``/``typer.Option`` of a parameter described for the fast parser (``cli_parse``)."""
    if p.is_argument:
        return typer.Argument(metavar=p.metavar, help=p.help)
    if p.kind == FLAG:
        return typer.Option(*p.flags, help=p.help, envvar=p.envvar)
    if p.kind == INT:
        return typer.Option(*p.flags, metavar=p.metavar, help=p.help, min=p.minimum, max=p.maximum)
    return typer.Option(*p.flags, metavar=p.metavar, help=p.help)


def _command_name(info: CommandInfo) -> str:
    if info.name:
        return info.name
    callback = info.callback
    return getattr(callback, "__name__", "").lower().replace("_", "-")


def _command_modules() -> list[str]:
    import pkgutil

    package = importlib.import_module(COMMANDS_PACKAGE)
    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))


def _import_command_module(module: str) -> bool:
    """Import ``commands.<module>``; False when there is no such module (other import errors propagate)."""
    qualified = f"{COMMANDS_PACKAGE}.{module}"
    try:
        importlib.import_module(qualified)
    except ModuleNotFoundError as exc:
        if exc.name != qualified:
            raise
        return False
    return True


def load_all_commands() -> None:
    for module in _command_modules():
        _import_command_module(module)


# Commands built so far in this process, by name. typer makes a new group on every call of
# ``app(...)``; a process that runs several commands in turn (the test suite runs the CLI
# in-process hundreds of times) builds each command once. A click command keeps no state between
# invocations: every run gets its own context and its options' values.
_BUILT: dict[str, Any] = {}


class LazyGroup(ChineseGroup):
    """The ``draft-report`` group: builds a command only when it is asked for."""

    def _registered(self) -> dict[str, CommandInfo]:
        return {_command_name(info): info for info in app.lazy_commands}

    def _build(self, name: str) -> Any | None:
        info = self._registered().get(name)
        if info is None:
            return None
        command = _BUILT.get(name)
        if command is None or getattr(command.callback, "__wrapped__", None) is not info.callback:
            command = typer.main.get_command_from_info(
                info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
            )
            _BUILT[name] = command
        self.commands[name] = command
        return command

    def get_command(self, ctx: Any, cmd_name: str) -> Any | None:
        command = self.commands.get(cmd_name)
        if command is not None:
            return command
        if cmd_name not in self._registered():
            _import_command_module(cmd_name.replace("-", "_"))
        if cmd_name not in self._registered():
            load_all_commands()
        command = self._build(cmd_name)
        if command is None:  # unknown: register every command so that "did you mean" can suggest one
            for name in self._registered():
                if name not in self.commands:
                    self._build(name)
        return command

    def list_commands(self, ctx: Any) -> list[str]:
        load_all_commands()
        names = list(dict.fromkeys([*self.commands, *self._registered()]))
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(names, key=lambda n: (rank.get(n, len(rank)), n))


app = ChineseTyper(
    name="draft-report",
    help=APP_HELP,
    cls=LazyGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    options_metavar="[选项]",
    subcommand_metavar="命令 [参数与选项]",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"draft-report {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="显示版本号并退出"),
) -> None:
    """起草与核查政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）。"""
