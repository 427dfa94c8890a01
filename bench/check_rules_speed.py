"""Time of each rule of ``check_document`` on the real reports, and of the whole check.

    python bench/check_rules_speed.py [--calls 200]

For each report of tests/fixtures/real_reports (already read), each rule is called ``--calls``
times and its fastest call is kept (the least disturbed by other processes); the figures are
the mean over the reports, in microseconds. ``prose claims`` is ``document_claims`` (with its
facts); ``non-prose`` is the sum of the table, structure and staleness rules — the part of the
check that is not prose claim extraction and binding. ``python -c pass`` is timed alongside
(one run of the interpreter, in ms) so that figures of different runs can be compared.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import mutations as M  # noqa: E402

from draft_report.checking import check_document  # noqa: E402
from draft_report.checking import engine as E  # noqa: E402
from draft_report.checking import staleness as St  # noqa: E402
from draft_report.checking import structure as S  # noqa: E402
from draft_report.checking import table_rules as T  # noqa: E402
from draft_report.checking.fact_source import FactSource  # noqa: E402
from draft_report.checking.prose import document_claims, prose_findings  # noqa: E402

Rule = Callable[[Any, Any], object]
NON_PROSE: dict[str, Rule] = {
    "table identities": lambda d, c: T.table_identity_findings(d, None, c),
    "table cells": lambda d, c: T.cell_findings(d),
    "headings": lambda d, c: S.heading_findings(d),
    "overview topics": lambda d, c: S.overview_topic_findings(d, None),
    "old format": lambda d, c: S.old_format_findings(d, E.format_year(d, d.year)),
    "problems": lambda d, c: S.problems_findings(d),
    "fees": lambda d, c: S.fee_findings(d, c),
    "staleness": lambda d, c: St.staleness_findings(d, d.year, None),
}
OTHERS: dict[str, Rule] = {
    "prose claims": lambda d, c: document_claims(d, FactSource.from_document(d).facts()),
    "prose findings": lambda d, c: prose_findings(c, FactSource.from_document(d)),
    "check_document": lambda d, c: check_document(d),
}


def fastest(rule: Rule, doc: Any, claims: Any, calls: int) -> float:
    rule(doc, claims)
    best = float("inf")
    clock = time.perf_counter
    for _ in range(calls):
        t0 = clock()
        rule(doc, claims)
        best = min(best, clock() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=200, help="calls per rule and report (the fastest is kept)")
    args = ap.parse_args(argv)
    paths = sorted((ROOT / "tests/fixtures/real_reports").glob("*.txt"))
    docs = [M.read(p.read_text(encoding="utf-8")) for p in paths]
    claims = [document_claims(d, FactSource.from_document(d).facts()) for d in docs]
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"python -c pass: {(time.perf_counter() - t0) * 1000:.1f} ms; {len(docs)} real reports, "
          f"fastest of {args.calls} calls, mean over the reports")
    total = 0.0
    for name, rule in {**NON_PROSE, **OTHERS}.items():
        us = sum(fastest(rule, d, c, args.calls) for d, c in zip(docs, claims, strict=True)) / len(docs) * 1e6
        print(f"  {name:<18} {us:9.1f} µs")
        if name in NON_PROSE:
            total += us
        if name == list(NON_PROSE)[-1]:
            print(f"  {'= non-prose':<18} {total:9.1f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
