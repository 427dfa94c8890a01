"""A small, strict command-line parser for the commands ``cli.main`` runs without typer.

A command that has a fast path describes its parameters once (``commands/check_options.py``,
``commands/audit_options.py``); its typer command takes flags, metavars and help from the same
description, and a test compares the two. ``parse`` accepts only argument lists it fully
understands and returns None for anything else (``--help``, an unknown or repeated option, a
missing value or required option, ``--``, ``--x=y``, a value that looks like an option, a number
out of range, an option's environment variable set …):
the typer command then handles them, so help pages, usage errors and suggestions stay typer's.

Written by hand rather than with ``argparse``: argparse would have to be told to accept exactly
what click accepts and to never print its own (English) errors, which is more code than this.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

PATH = "path"  # a file name, becomes ``pathlib.Path``
PATHS = "paths"  # an argument taking one or more file names (``list[Path]``); at most one per command
FLAG = "flag"  # a boolean switch without a value
TEXT = "text"  # a word passed on as written (the command normalises and validates it)
INT = "int"  # a whole number in ``minimum..maximum`` (written as plain digits)


class Param:
    """One parameter: the keyword of the command's function it fills, its flags (empty: an argument)."""

    __slots__ = ("choices", "default", "dest", "envvar", "flags", "help", "kind", "maximum", "metavar", "minimum",
                 "multiple", "required")

    def __init__(self, dest: str, flags: tuple[str, ...], kind: str, help: str, *, metavar: str | None = None,
                 default: Any = None, choices: tuple[str, ...] = (), minimum: int | None = None,
                 maximum: int | None = None, required: bool = False, multiple: bool = False,
                 envvar: str | None = None) -> None:
        self.dest = dest
        self.flags = flags
        self.kind = kind
        self.help = help
        self.metavar = metavar
        self.default = default
        self.choices = choices  # documentation of a TEXT value; the command itself rejects others
        self.minimum = minimum
        self.maximum = maximum
        self.required = required  # an option that must be given (a missing one: typer's usage error)
        self.multiple = multiple  # an option that may be repeated: its values in a list, in order
        self.envvar = envvar  # an environment variable standing for the option (set: typer reads it)

    @property
    def is_argument(self) -> bool:
        return not self.flags

    def value(self, token: str) -> Any:
        """The value of ``token`` for this parameter, or None when only typer can judge it."""
        if self.kind in (PATH, PATHS):
            return Path(token)
        if self.kind == INT:
            if not (token.isascii() and token.isdigit()):
                return None
            number = int(token)
            if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
                return None
            return number
        return token


def parse(params: tuple[Param, ...], args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments for ``args`` (what follows the command's name), or None when the typer
    command must handle them (see the module's docstring)."""
    by_flag = {flag: p for p in params for flag in p.flags}
    arguments = [p for p in params if p.is_argument]
    if any(p.envvar is not None and p.envvar in os.environ for p in params):
        return None  # typer reads the variable (its own rules for the value)
    values: dict[str, Any] = {}
    rest = iter(args)
    for token in rest:
        if not token or token == "-" or token == "--":
            return None
        if token.startswith("-"):
            param = by_flag.get(token)
            if param is None or (param.dest in values and not param.multiple):
                return None
            if param.kind == FLAG:
                values[param.dest] = True
                continue
            raw = next(rest, None)
            if not raw or raw.startswith("-"):
                return None
            value = param.value(raw)
            if value is None:
                return None
            if param.multiple:
                values.setdefault(param.dest, []).append(value)
            else:
                values[param.dest] = value
            continue
        target = next((p for p in arguments if p.kind == PATHS or p.dest not in values), None)
        if target is None:
            return None  # one argument too many: typer's usage error
        if target.kind == PATHS:
            values.setdefault(target.dest, []).append(Path(token))
        else:
            values[target.dest] = Path(token)
    if any(p.dest not in values for p in params if p.is_argument or p.required):
        return None  # a missing argument or required option: typer's usage error
    return {p.dest: values.get(p.dest, p.default) for p in params}
