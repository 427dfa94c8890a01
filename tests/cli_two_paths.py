"""Shared by the tests of commands with two ways in (a fast parser without typer, and the typer
command): run ``cli.main`` or the typer path in-process, and the check that what the fast parser
does not understand reaches typer and comes out the same."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from draft_report import cli

Outcome = tuple[int, str, str]  # exit code, stdout, stderr


def run_captured(fn: Callable[[list[str]], object], argv: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        fn(argv)
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), out, err


def no_typer(args: list[str]) -> None:
    raise AssertionError(f"the fast path handed {args} to typer")


def assert_falls_back_to_typer(parse: Callable[[list[str]], object], argv: list[str], code: int,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """``parse`` refuses ``argv``; ``cli.main`` then gives exactly the typer command's outcome:
    ``code``, a Chinese error line alone for exit 2, the command's help page for --help."""
    assert parse(argv[1:]) is None
    via_main = run_captured(cli.main, argv, capsys)
    assert via_main == run_captured(cli._run_typer, argv, capsys)
    assert via_main[0] == code, via_main
    _, out, err = via_main
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("错误：") and not out
    elif "--help" in argv:
        assert out.startswith(f"用法：draft-report {argv[0]}")
    else:
        assert out and not err


def run_both_paths(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> tuple[Outcome, Outcome]:
    """``argv`` through ``cli.main`` (the fast path, typer forbidden) in ``tmp_path/fast`` and through
    the typer command in ``tmp_path/typer``: relative outputs land apart, named the same."""
    results = []
    for name in ("fast", "typer"):
        (tmp_path / name).mkdir()
        monkeypatch.chdir(tmp_path / name)
        if name == "fast":
            with monkeypatch.context() as m:
                m.setattr(cli, "_run_typer", no_typer)
                results.append(run_captured(cli.main, argv, capsys))
        else:
            results.append(run_captured(cli._run_typer, argv, capsys))
    return results[0], results[1]
