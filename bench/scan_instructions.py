"""Instructions of the numeral pass (``numerals.scan_quantities``) against the whole check, by valgrind.

    python bench/scan_instructions.py [--calls 3] [--long 10]

Runs itself under ``valgrind --tool=callgrind`` (PYTHONHASHSEED=0, gc disabled) on section 一 of
huaian_2024 repeated ``--long`` times (bench/claim_speed.py ``long_report``), each stage called
``--calls`` times through its own C-level wrapper, all in one process (so start-up, compilation and
bytecode caching cancel out; separate runs differ by millions of instructions):

- ``check_document`` of the report (``itertools.accumulate``): the whole;
- ``scan_quantities`` of every prose paragraph (``itertools.starmap``): the numeral pass as the
  checker runs it;
- ``_NUMBER.finditer`` of every paragraph (``functools.reduce``): the regex pass alone;
- a pattern of ``_NUMBER``'s leading character set alone (``itertools.groupby``): what scanning the
  text one set test per character and making a match object per numeral costs, with no match
  attempt.

Measured at 23:40 UTC 2026-11-30 (×10: 15,218 chars, 243 claims): check_document ≈ 36.9 M, the
numeral pass ≈ 7.0 M (19 %), of which the regex pass ≈ 4.2 M and the lead set alone ≈ 2.7 M; the
rest (≈ 2.8 M, ≈ 11 k per quantity) is ``_scan``'s Python per match. Tried and rejected the same
evening (same script): a ``str.find`` of the measure words and ``_NUMBER.match`` only in the run of
numerals before each (9.4 M: the finds and the loops cost more than the tries they save), a last
alternative that swallows the rest of a digit run (4.23 M vs 4.17 M), measure words as one character
set (4.12 M, within noise), atomic groups for the number (no gain).
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import long_report_args, meta_and_costs  # noqa: E402


def measured(args: argparse.Namespace) -> None:
    """Under valgrind: each stage ``--calls`` times through its own wrapper."""
    from claim_speed import long_report

    from draft_report.checking import check_document
    from draft_report.lexicon import numerals as N

    doc, chars = long_report(args.long)
    paras = [p.text for s in doc.sections for p in s.paragraphs] + [p.text for p in doc.preface]
    number = re.compile(N._NUMBER.pattern)
    lead = re.compile("[" + N._DECIMAL_LEAD + N.CHINESE_DIGITS + "]")
    quantities = sum(len(N.scan_quantities(p)) for p in paras)
    check_document(doc)  # warm: lazy patterns and tables
    n = args.calls
    gc.disable()
    list(itertools.accumulate(range(n + 1), lambda a, _: (check_document(doc), 0)[1]))
    list(itertools.starmap(lambda: [N.scan_quantities(p) for p in paras], [()] * n))
    functools.reduce(lambda a, _: [list(number.finditer(p)) for p in paras], range(n), None)
    list(itertools.groupby(range(n), key=lambda _: ([list(lead.finditer(p)) for p in paras], 0)[1]))
    print(f"meta\t{n}\t{chars}\t{quantities}")


def main(argv: list[str] | None = None) -> int:
    args = long_report_args(__doc__, argv, 3, "calls of each stage", "SCAN_INSTRUCTIONS_CHILD", measured)
    if args is None:
        return 0
    stages = (("check_document", "accumulate_next"), ("scan_quantities pass", "starmap_next"),
              ("_NUMBER.finditer pass", "functools_reduce"), ("lead set alone", "groupby_next"))
    (calls, chars, quantities), costs = meta_and_costs(
        __file__, argv if argv is not None else sys.argv[1:], "SCAN_INSTRUCTIONS_CHILD",
        [wrapper for _, wrapper in stages])
    whole = costs["accumulate_next"] / calls
    print(f"section 一 ×{args.long}: {chars} prose chars, {quantities} quantities, {calls} calls "
          f"(valgrind callgrind, PYTHONHASHSEED=0, gc off)")
    for name, wrapper in stages:
        cost = costs[wrapper] / calls
        print(f"  {name:22} {cost / 1e6:7.2f} M instr  {cost / chars:6.0f} per char  {cost / whole:6.1%} of the check")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
