"""Inclusive instructions of chosen functions while reading (or reading and checking) the reports, counted by valgrind.

    python bench/function_instructions.py [--calls 2] [--check] [--report PREFIX] MODULE:FUNCTION ...

    e.g. python bench/function_instructions.py draft_report.reading.runs:align \\
             draft_report.reading.table_reader:TableRead.put_count_runs draft_report.reading.outline:parse_heading

A profile by instruction counts (stable under load, unlike cProfile's times, and without its cost per call):
each named function (``Class.method`` for a method) is replaced, wherever the package refers to it
(module globals, module-level dictionaries such as ``assemble._READERS``, the class), by a wrapper that
calls it through a C function of its own (``itertools.starmap``, ``sys.call_tracing`` …, up to
``len(ADAPTERS)`` functions per run); callgrind's inclusive cost of that C function is the function's
own inclusive cost, plus about 1.5 k instructions of the wrapper per call. Then ``read_report`` of each
report of bench/claim_speed.py REPORTS (``--check``: and ``check_document``) runs ``--calls`` times.
Printed per report: instructions, calls, and instructions per call. Functions nested in one another
are fine; a function wrapped twice in a call chain (recursion) is not. Needs valgrind and
callgrind_annotate.
"""

from __future__ import annotations

import argparse
import collections
import contextvars
import functools
import gc
import importlib
import itertools
import operator
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import under_callgrind  # noqa: E402

Adapter = Callable[[Callable[..., Any], tuple[Any, ...], dict[str, Any]], Any]


def _via(run: Callable[[Callable[[Any], bool]], object], f: Callable[..., Any], a: tuple[Any, ...],
         k: dict[str, Any]) -> Any:
    """``f(*a, **k)`` called by the C function that ``run`` hands a predicate to."""
    box: list[Any] = []
    run(lambda _: box.append(f(*a, **k)) or True)
    return box[0]


# (the C function callgrind names, a way to call f(*a, **k) through it); reading calls none of them
ADAPTERS: tuple[tuple[str, Adapter], ...] = (
    ("starmap_next", lambda f, a, k: next(itertools.starmap(lambda: f(*a, **k), [()]))),
    ("sys_call_tracing", lambda f, a, k: sys.call_tracing(lambda: f(*a, **k), ())),
    ("_operator_call", lambda f, a, k: operator.call(f, *a, **k)),
    ("context_run", lambda f, a, k: contextvars.copy_context().run(f, *a, **k)),
    ("functools_reduce", lambda f, a, k: functools.reduce(lambda x, y: f(*a, **k), [0, 0])),
    ("accumulate_next", lambda f, a, k: list(itertools.accumulate([0, 0], lambda x, y: f(*a, **k)))[1]),
    ("groupby_next", lambda f, a, k: _via(lambda g: list(itertools.groupby([0], key=g)), f, a, k)),
    ("takewhile_next", lambda f, a, k: _via(lambda g: list(itertools.takewhile(g, [0])), f, a, k)),
    ("dropwhile_next", lambda f, a, k: _via(lambda g: list(itertools.dropwhile(g, [0])), f, a, k)),
    ("filterfalse_next", lambda f, a, k: _via(lambda g: list(itertools.filterfalse(g, [0])), f, a, k)),
    ("defdict_missing", lambda f, a, k: collections.defaultdict(lambda: f(*a, **k))[0]),
    ("methodcaller_call", lambda f, a, k: operator.methodcaller("__call__", *a, **k)(f)),
    ("uncached_lru_cache_wrapper", lambda f, a, k: functools.lru_cache(maxsize=0)(f)(*a, **k)),
)


def _wrap(target: str, adapter: Adapter, counts: dict[str, int]) -> None:
    """Replace ``target`` ("module:function" or "module:Class.method") by a wrapper calling it through ``adapter``."""
    modname, attr = target.split(":")
    module = importlib.import_module(modname)
    if "." in attr:
        owner: Any = getattr(module, attr.split(".")[0])
        name = attr.split(".")[1]
        original = owner.__dict__[name]
    else:
        owner, name, original = module, attr, getattr(module, attr)
    counts[target] = 0

    def wrapper(*a: Any, **k: Any) -> Any:
        counts[target] += 1
        return adapter(original, a, k)

    if owner is not module:
        setattr(owner, name, wrapper)
        return
    for other in list(sys.modules.values()):
        if not getattr(other, "__name__", "").startswith("draft_report"):
            continue
        if getattr(other, name, None) is original:
            setattr(other, name, wrapper)
        for value in list(vars(other).values()):  # e.g. assemble._READERS
            if isinstance(value, dict):
                for key, item in list(value.items()):
                    if item is original:
                        value[key] = wrapper


def measured(args: argparse.Namespace) -> None:
    from claim_speed import REPORTS

    from draft_report.checking.engine import check_document
    from draft_report.reading import read_report

    reports = [p for p in REPORTS if p.name.startswith(args.report)]

    def run() -> None:
        for p in reports:
            doc = read_report(p)
            if args.check:
                check_document(doc)

    run()  # warm: lazy patterns, per-format tables
    counts: dict[str, int] = {}
    for (cname, adapter), target in zip(ADAPTERS, args.functions, strict=False):
        _wrap(target, adapter, counts)
        print(f"{cname}\t{target}")
    gc.disable()
    for _ in range(args.calls):
        run()
    print(f"reports\t{len(reports)}\t")
    for target, n in counts.items():
        print(f"calls\t{target}\t{n}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("functions", nargs="+", help="module:function or module:Class.method")
    ap.add_argument("--calls", type=int, default=2, help="rounds over the reports")
    ap.add_argument("--check", action="store_true", help="check each report after reading it")
    ap.add_argument("--report", default="", help="only the reports whose file name starts with this")
    args = ap.parse_args(argv)
    if len(args.functions) > len(ADAPTERS):
        ap.error(f"at most {len(ADAPTERS)} functions per run")
    if os.environ.get("FUNCTION_INSTRUCTIONS_CHILD"):
        measured(args)
        return 0
    stdout, costs = under_callgrind(__file__, argv if argv is not None else sys.argv[1:], "FUNCTION_INSTRUCTIONS_CHILD")
    names: dict[str, str] = {}
    calls: dict[str, int] = {}
    reports = 1
    for line in stdout.splitlines():
        parts = line.split("\t")
        if parts[0] == "reports":
            reports = int(parts[1])
        elif parts[0] == "calls":
            calls[parts[1]] = int(parts[2])
        elif len(parts) == 2:
            names[parts[0]] = parts[1]
    rounds = args.calls * reports
    print(f"inclusive instructions per report, {args.calls} rounds over {reports} reports "
          f"(valgrind callgrind, PYTHONHASHSEED=0, gc off; ~1.5 k per call is the wrapper's)")
    for cname, target in names.items():
        cost, n = costs.get(cname, 0), calls.get(target, 0)
        print(f"  {target:<60} {cost / rounds / 1e3:9.1f} k  {n / rounds:7.1f} calls  {cost / max(n, 1) / 1e3:8.2f} k/call")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
