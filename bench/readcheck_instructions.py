"""Instructions of read + check per report and of check per 1,000 prose characters, counted by valgrind.

    python bench/readcheck_instructions.py [--calls 3]

The two in-process figures of bench/speed.py, as instruction counts (stable under load, unlike wall
times): ``check_document(read_report(path))`` of each fixture report (bench/speed.py REPORTS) through
``functools.reduce``, and ``check_document`` of the 10× report through ``itertools.accumulate``;
callgrind's inclusive cost of each wrapper is that work alone. Each figure is printed with its budget
from docs/performance.md. Whatever ``draft_report`` is importable is measured (PYTHONPATH=src: the
pure code; a non-editable install: compiled modules where mypyc built them), so the same command
compares both. Needs valgrind.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib.util
import itertools
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import meta_and_costs  # noqa: E402

# The instruction budgets of docs/performance.md (pure Python, this bench's reports).
READ_CHECK_BUDGET = 10.0e6
PER_KCHAR_BUDGET = 2.6e6


def _verdict(value: float, budget: float) -> str:
    return f"[budget ≤ {budget / 1e6:.2f} M: {'within' if value <= budget else 'OVER'}]"


def measured(calls: int) -> None:
    import speed

    from draft_report.checking import check_document
    from draft_report.reading import read_report, read_text

    doc10 = read_text(speed.repeated_prose(speed.REPORT.read_text(encoding="utf-8"), 10), fmt="text")
    for path in speed.REPORTS:  # warm: lazy patterns and tables
        check_document(read_report(path))
    check_document(doc10)
    gc.disable()
    functools.reduce(lambda a, _: [check_document(read_report(p)) for p in speed.REPORTS], range(calls), None)
    list(itertools.accumulate(range(calls + 1), lambda a, _: (check_document(doc10), 0)[1]))
    spec = importlib.util.find_spec("draft_report.checking.claims")
    compiled = spec is not None and spec.origin is not None and spec.origin.endswith((".so", ".pyd"))
    print(f"meta\t{calls}\t{len(speed.REPORTS)}\t{speed.prose_chars(doc10)}\t{int(compiled)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=3, help="rounds over the reports / calls on the 10× report")
    args = ap.parse_args(argv)
    if os.environ.get("READCHECK_INSTRUCTIONS_CHILD"):
        measured(args.calls)
        return 0
    (calls, reports, chars, compiled), costs = meta_and_costs(
        __file__, argv if argv is not None else sys.argv[1:], "READCHECK_INSTRUCTIONS_CHILD",
        ("functools_reduce", "accumulate_next"))
    per_report = costs["functools_reduce"] / calls / reports
    per_kchar = costs["accumulate_next"] / calls / (chars / 1000)
    print(f"{'compiled (mypyc)' if compiled else 'pure Python'}: {calls} calls (valgrind callgrind, "
          f"PYTHONHASHSEED=0, gc off)")
    print(f"  read + check per report          {per_report / 1e6:8.3f} M instr  ({reports} reports)"
          f"  {_verdict(per_report, READ_CHECK_BUDGET)}")
    print(f"  check per 1,000 prose chars, 10× {per_kchar / 1e6:8.3f} M instr  ({chars} chars)"
          f"  {_verdict(per_kchar, PER_KCHAR_BUDGET)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
