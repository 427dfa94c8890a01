"""Instructions of claim extraction (``document_claims``) per claim, counted by valgrind.

    python bench/extract_instructions.py [--calls 3] [--long 10]

Runs itself under ``valgrind --tool=callgrind`` (PYTHONHASHSEED=0, gc disabled) and calls
``document_claims`` on section 一 of huaian_2024 repeated ``--long`` times (bench/claim_speed.py
``long_report``) through a C-level wrapper (``functools.reduce``), so callgrind's inclusive cost of
that wrapper is the extraction alone (binding included). A second run routes every
``bind_indexed`` call of ``checking.claims`` through ``itertools.starmap``: its inclusive cost is
the binding's share (lexicon.binding and what it calls), the rest is extraction proper (numbers,
sentences, claims, scope, rows). ``check_document`` is measured too (``itertools.accumulate``), for
the whole per-1,000-characters figure. Needs valgrind and callgrind_annotate. When checking.claims
is compiled with mypyc (a non-editable install), its calls do not go through the module attribute,
so the binding share is not split out and only the totals are printed.
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import long_report_args, meta_and_costs  # noqa: E402


def measured(args: argparse.Namespace) -> None:
    """Under valgrind: ``--calls`` extractions, then as many with binding routed through starmap."""
    from claim_speed import long_report

    from draft_report.checking import check_document
    from draft_report.checking import claims as C
    from draft_report.checking.fact_source import FactSource
    from draft_report.checking.prose import document_claims

    doc, chars = long_report(args.long)
    facts = FactSource.from_document(doc).facts()
    n_claims = len(document_claims(doc, facts))
    check_document(doc)  # warm: lazy patterns and tables
    gc.disable()
    n = args.calls
    functools.reduce(lambda a, _: document_claims(doc, facts), range(n), None)
    list(itertools.accumulate(range(n + 1), lambda a, _: (check_document(doc), 0)[1]))
    real = C.bind_indexed
    starmap = itertools.starmap

    def routed(*a: Any) -> Any:
        return next(starmap(real, (a,)))

    C.bind_indexed = routed  # type: ignore[assignment]
    list(itertools.groupby(range(n), key=lambda _: (document_claims(doc, facts), 0)[1]))
    C.bind_indexed = real
    print(f"meta\t{n}\t{chars}\t{n_claims}")


def main(argv: list[str] | None = None) -> int:
    args = long_report_args(__doc__, argv, 3, "calls of document_claims / check_document", "EXTRACT_INSTRUCTIONS_CHILD", measured)
    if args is None:
        return 0
    (calls, chars, n_claims), costs = meta_and_costs(
        __file__, argv if argv is not None else sys.argv[1:], "EXTRACT_INSTRUCTIONS_CHILD",
        ("functools_reduce", "accumulate_next", "groupby_next"))
    extraction = costs["functools_reduce"] / calls
    check = costs["accumulate_next"] / calls
    routed = costs["groupby_next"] / calls
    print(f"section 一 ×{args.long}: {chars} prose chars, {n_claims} claims, {calls} calls "
          f"(valgrind callgrind, PYTHONHASHSEED=0, gc off)")
    print(f"  check_document      {check / 1e6:8.2f} M instr  {check / chars:8.0f} per char  "
          f"{check / n_claims / 1e3:6.1f} k per claim")
    print(f"  document_claims     {extraction / 1e6:8.2f} M instr  {extraction / chars:8.0f} per char  "
          f"{extraction / n_claims / 1e3:6.1f} k per claim")
    if "starmap_next" not in costs:
        # compiled (mypyc) checking.claims calls bind_indexed directly: the reroute does not reach it
        print("    (binding not split out: checking.claims is compiled, its calls bypass the module attribute)")
        return 0
    binding = costs["starmap_next"] / calls
    print(f"    binding (routed)  {binding / 1e6:8.2f} M instr  {binding / n_claims / 1e3:6.1f} k per claim")
    rest = routed - binding
    print(f"    extraction proper {rest / 1e6:8.2f} M instr  {rest / n_claims / 1e3:6.1f} k per claim "
          f"(routing overhead included: {(routed - extraction) / 1e6:.2f} M)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
