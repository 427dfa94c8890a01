"""Run a bench script under callgrind and read the inclusive instructions of C functions.

Shared by the ``*_instructions.py`` benches: each calls the code it measures through C-level
wrappers (``itertools.starmap`` …) that the measured code does not use, so that a wrapper's
inclusive cost is that code's cost alone. Needs valgrind and callgrind_annotate.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

# "  23,698,554 ( 4.65%)  /…/Modules/itertoolsmodule.c:starmap_next [lib]" — or "(16.08%)", no space
_ANNOTATED = re.compile(r"\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+\S*/(?:Modules|Python|Objects)/\S*:(\w+)")


def under_callgrind(script: str, argv: list[str], child_flag: str) -> tuple[str, dict[str, int]]:
    """Run ``script argv`` under ``valgrind --tool=callgrind`` (PYTHONHASHSEED=0, ``child_flag`` set
    in its environment so that it measures instead of starting valgrind again); return its standard
    output and the inclusive instructions of each C function of CPython that callgrind_annotate lists
    (the first, largest row of a name)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        env = {**os.environ, "PYTHONHASHSEED": "0", child_flag: "1"}
        child = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, script, *argv],
            env=env, capture_output=True, text=True, check=True)
        annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", str(out)],
                                   capture_output=True, text=True, check=True).stdout
    costs: dict[str, int] = {}
    for line in annotated.splitlines():
        m = _ANNOTATED.match(line)
        if m is not None:
            costs.setdefault(m.group(2), int(m.group(1).replace(",", "")))
    return child.stdout, costs


def meta_and_costs(script: str, argv: list[str], child_flag: str,
                   wrappers: Iterable[str] = ()) -> tuple[list[int], dict[str, int]]:
    """``under_callgrind``, then the integers of the child's "meta<TAB>…" line and the costs; exits
    with a message when callgrind_annotate lists none of a wrapper of ``wrappers`` (the measured
    code never ran through it)."""
    stdout, costs = under_callgrind(script, argv, child_flag)
    meta = next(line.split("\t") for line in stdout.splitlines() if line.startswith("meta\t"))
    missing = set(wrappers) - set(costs)
    if missing:
        raise SystemExit(f"callgrind_annotate lists no {sorted(missing)}")
    return [int(x) for x in meta[1:]], costs


def named_units(stdout: str) -> dict[str, tuple[str, int]]:
    """The child's "wrapper<TAB>name<TAB>units" lines: wrapper → (name, units per call)."""
    return {c: (n, int(k)) for c, n, k in (line.split("\t") for line in stdout.splitlines() if line.count("\t") == 2)}


def long_report_args(doc: str, argv: list[str] | None, calls: int, calls_help: str, child_flag: str,
                     measured: Callable[[argparse.Namespace], None]) -> argparse.Namespace | None:
    """The ``--calls`` / ``--long`` options of the benches that measure section 一 of huaian_2024
    repeated (``claim_speed.long_report``); under callgrind (``child_flag`` set) runs ``measured``
    with them and returns None: the child measures, the parent reads the costs."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--calls", type=int, default=calls, help=calls_help)
    ap.add_argument("--long", type=int, default=10, help="section 一 of huaian_2024 repeated this many times")
    args = ap.parse_args(argv)
    if os.environ.get(child_flag):
        measured(args)
        return None
    return args
