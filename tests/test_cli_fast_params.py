"""The commands ``cli.main`` parses without typer describe their parameters once
(``commands/*_options.py``): the typer command built from that description, the function doing
the work and the description itself must agree, so that the two ways in cannot drift apart."""

from __future__ import annotations

import inspect
from importlib import import_module
from typing import Any

import pytest

from draft_report import cli
from draft_report.cli_parse import FLAG, INT, PATHS


def _click_command(name: str) -> Any:
    import typer

    from draft_report.cli_app import app

    return typer.main.get_command(app).get_command(None, name)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(cli.FAST_COMMANDS))
def test_description_matches_the_typer_command_and_the_function(name: str) -> None:
    described = import_module(cli.FAST_COMMANDS[name])
    params = {p.name: p for p in _click_command(name).params if p.name != "help"}
    assert list(params) == [p.dest for p in described.PARAMS]
    for spec in described.PARAMS:
        param = params[spec.dest]
        assert param.param_type_name == ("argument" if spec.is_argument else "option"), spec.dest
        assert param.metavar == spec.metavar, spec.dest
        if spec.is_argument:
            assert param.required and param.opts == [spec.dest]
            assert param.nargs == (-1 if spec.kind == PATHS else 1), spec.dest
            continue
        assert sorted(param.opts) == sorted(spec.flags) and not param.secondary_opts, spec.dest
        assert bool(param.is_flag) == (spec.kind == FLAG), spec.dest
        assert param.default == spec.default and param.help == spec.help, spec.dest
        assert param.multiple == spec.multiple and param.nargs == 1, spec.dest
        assert param.required == spec.required and param.envvar == spec.envvar, spec.dest
        if spec.kind == INT:
            assert (param.min, param.max) == (spec.minimum, spec.maximum), spec.dest
            assert param.type_descriptor.annotation is int, spec.dest
    module, _, function = described.RUN.partition(":")
    signature = inspect.signature(getattr(import_module(module), function))
    assert list(signature.parameters) == [p.dest for p in described.PARAMS]
    for spec in described.PARAMS:
        if not spec.is_argument and not spec.required:
            assert signature.parameters[spec.dest].default == spec.default, spec.dest


@pytest.mark.parametrize("name", sorted(cli.FAST_COMMANDS))
def test_the_typer_command_calls_the_same_function(name: str) -> None:
    described = import_module(cli.FAST_COMMANDS[name])
    function = described.RUN.partition(":")[2]
    source = inspect.getsource(_click_command(name).callback)
    assert f"{function}(" in source
