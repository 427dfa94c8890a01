"""Run ``draft-report`` in the test process: the real entry point (``cli.main``, with its
error → exit-code mapping and Chinese messages) under CliRunner's stream isolation.

For tests about what a command does; a fresh interpreter costs ≈ 0.5 s per call and is kept only
where the process itself is the point (start-up imports, signals, resource limits, the installed
entry point)."""

from __future__ import annotations

import subprocess

from typer.testing import CliRunner

from draft_report.cli import main


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``draft-report ARGS`` in-process; the result has the shape of ``subprocess.run``'s."""
    with CliRunner().isolation() as (stdout, stderr, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out, err = stdout.getvalue().decode(), stderr.getvalue().decode()
    return subprocess.CompletedProcess(["draft-report", *args], code, out, err)
