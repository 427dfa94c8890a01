"""Instructions per call of each rule of ``check_document`` (claims precomputed), counted by valgrind.

    python bench/check_instructions.py [--calls 5] [--long 10] [--steps identities,cells,years]

Wall times on a shared machine drift with its load; instruction counts do not. This runs itself
under ``valgrind --tool=callgrind`` (PYTHONHASHSEED=0) and calls each rule through its own
C-level wrapper from ``itertools``/``functools`` (``starmap``, ``functools.reduce`` …, which no
rule uses), so that callgrind's inclusive cost of that wrapper is the rule's cost alone: no
subtraction of runs, no start-up in the figure. The reports are tests/fixtures/real_reports and the
seed (bench/claim_speed.py REPORTS), each with its claims extracted beforehand, and, with
``--long N``, section 一 of huaian_2024 repeated N times. Needs valgrind and callgrind_annotate.
"""

from __future__ import annotations

import argparse
import collections
import contextvars
import functools
import itertools
import operator
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import named_units, under_callgrind  # noqa: E402

Call = Callable[[], object]
# one C function per rule: callgrind attributes the rule's instructions to it (inclusive); none of them
# may be used by the code measured (map, filter, iter(f, sentinel) are: their inclusive cost mixes)
WRAPPERS: tuple[tuple[str, Callable[[Call, int], object]], ...] = (
    ("starmap_next", lambda f, n: list(itertools.starmap(f, [()] * n))),
    ("functools_reduce", lambda f, n: functools.reduce(lambda a, _: f(), range(n), None)),
    ("accumulate_next", lambda f, n: list(itertools.accumulate(range(n + 1), lambda a, _: (f(), 0)[1]))),
    ("groupby_next", lambda f, n: list(itertools.groupby(range(n), key=lambda _: (f(), 0)[1]))),
    ("takewhile_next", lambda f, n: list(itertools.takewhile(lambda _: (f(), True)[1], range(n)))),
    ("dropwhile_next", lambda f, n: list(itertools.dropwhile(lambda _: (f(), True)[1], range(n)))),
    ("filterfalse_next", lambda f, n: list(itertools.filterfalse(lambda _: (f(), False)[1], range(n)))),
    ("defdict_missing", lambda f, n: [collections.defaultdict(f)[k] for k in range(n)]),
    ("methodcaller_call", lambda f, n: [operator.methodcaller("__call__")(f) for _ in range(n)]),
    ("uncached_lru_cache_wrapper", lambda f, n: [functools.lru_cache(maxsize=0)(f)() for _ in range(n)]),
    ("context_run", lambda f, n: [contextvars.copy_context().run(f) for _ in range(n)]),
)


def rules(docs: list[Any], steps: list[str] | None = None) -> list[tuple[str, Call]]:
    """(name, one call of the rule over every document) for each group of rules and the whole check
    (the default), or for each of ``steps`` (names of ``STEPS``)."""
    from draft_report.checking import engine as E
    from draft_report.checking import staleness as St
    from draft_report.checking import structure as S
    from draft_report.checking import table_rules as T
    from draft_report.checking.fact_source import FactSource
    from draft_report.checking.prose import document_claims, prose_findings

    pre = [(d, document_claims(d, FactSource.from_document(d).facts())) for d in docs]
    claims = {id(d): c for d, c in pre}
    E.document_claims = lambda doc, facts: claims[id(doc)]  # type: ignore[assignment]  # the check without extraction

    def each(rule: Callable[[Any, Any], object]) -> Call:
        return lambda: [rule(d, c) for d, c in pre]

    every: dict[str, Callable[[Any, Any], object]] = {
        "prose findings (judging)": lambda d, c: prose_findings(c, FactSource.from_document(d)),
        "table identities + cells": lambda d, c: (T.table_identity_findings(d, None, c), T.cell_findings(d)),
        "headings, problems, overview, fees": lambda d, c: (
            S.heading_findings(d), S.problems_findings(d), S.overview_topic_findings(d, None), S.fee_findings(d, c)),
        "old format": lambda d, c: S.old_format_findings(d, E.format_year(d, d.year)),
        "staleness": lambda d, c: St.staleness_findings(d, d.year, None),
        "check_document without extraction": lambda d, c: E.check_document(d),
        # finer steps (``--steps``)
        "source": lambda d, c: FactSource.from_document(d),
        "identities": lambda d, c: T.table_identity_findings(d, None, c),
        "cells": lambda d, c: T.cell_findings(d),
        "headings": lambda d, c: S.heading_findings(d),
        "problems": lambda d, c: S.problems_findings(d),
        "overview": lambda d, c: S.overview_topic_findings(d, None),
        "overview subheadings": lambda d, c: S._subheadings(d.section("overview")),
        "overview text": lambda d, c: d.section("overview").text,
        "fees": lambda d, c: S.fee_findings(d, c),
        "format year": lambda d, c: E.format_year(d, d.year),
        "years": lambda d, c: St.year_findings(d, d.year),
        "topics": lambda d, c: St.topic_findings(d, d.year),
        "deadline": lambda d, c: St.deadline_findings(d, d.year),
    }
    names = steps or [*every][:6]
    return [(name, each(every[name])) for name in names]


def measured(args: argparse.Namespace) -> None:
    """Under valgrind: every rule ``--calls`` times through its wrapper; print which is which."""
    from claim_speed import REPORTS, long_report

    from draft_report.reading import read_text

    if args.long:
        docs = [long_report(args.long)[0]]
    else:
        docs = [read_text(p.read_text(encoding="utf-8"), source=p.name, fmt="text") for p in REPORTS
                if not args.report or p.name.startswith(args.report)]
    named = rules(docs, args.steps.split(",") if args.steps else None)
    for _, call in named:
        call()  # warm: lazy patterns, per-format tables
    for (cname, wrap), (name, call) in zip(WRAPPERS, named, strict=False):
        wrap(call, args.calls)
        print(f"{cname}\t{name}\t{len(docs)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=5, help="calls of each rule (over every document)")
    ap.add_argument("--long", type=int, default=0, help="section 一 of huaian_2024 repeated this many times instead")
    ap.add_argument("--report", default="", help="only the report whose file name starts with this")
    ap.add_argument("--steps", default="", help=f"comma-separated rule steps (at most {len(WRAPPERS)}) instead of the groups")
    args = ap.parse_args(argv)
    if os.environ.get("CHECK_INSTRUCTIONS_CHILD"):
        measured(args)
        return 0
    stdout, costs = under_callgrind(__file__, argv if argv is not None else sys.argv[1:], "CHECK_INSTRUCTIONS_CHILD")
    names = named_units(stdout)
    what = f"section 一 ×{args.long}" if args.long else f"per report ({args.report or 'real reports + seed'})"
    print(f"instructions per call, {what}, {args.calls} calls (valgrind callgrind, PYTHONHASHSEED=0)")
    for cname, (name, docs) in names.items():
        if cname in costs:
            print(f"  {name:<36} {costs[cname] / args.calls / docs / 1e3:10.1f} k")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
