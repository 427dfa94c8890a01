"""Instructions of each stage of claim extraction, counted by valgrind in one process.

    python bench/claims_stages.py [--calls 2] [--long 10]

Runs itself under ``valgrind --tool=callgrind`` (PYTHONHASHSEED=0, gc disabled) on section 一 of
huaian_2024 repeated ``--long`` times (bench/claim_speed.py ``long_report``). ``document_claims`` is
called ``--calls`` times plain (``functools.reduce``: the whole), then as many times with each stage
routed through a C-level wrapper of its own that the measured code does not use, so that wrapper's
inclusive cost is that stage alone (each routed call adds a Python frame, ≈ 1 k instructions, outside
the stage):

- ``extract_claims`` per paragraph (``functools.partial``): the rest of ``document_claims`` is
  ``claims_in``'s loop, the paragraph tests and the ``LocatedClaim`` records;
- ``scan_quantities`` (``itertools.takewhile``): the numeral pass;
- ``bind_indexed`` (``itertools.starmap``): binding;
- ``_number_claim`` (``itertools.dropwhile``): a number's claim record (approximation, comparison);
- ``_hit_sentences`` (``itertools.filterfalse``): finding the sentences that hold a hit;
- ``scope_markers`` (``itertools.groupby``): the scope markers of a sentence;
- within binding, ``SentenceIndex.clause`` (``filter``): a number's clause.

``check_document`` is measured too (``itertools.accumulate``).

Measured at 00:15 UTC 2026-12-01 on main c1b47aa (×10: 15,218 chars, 243 claims): check_document
36.80 M (151.5 k per claim), document_claims 31.89 M; scan_quantities 6.92 M (28.5 k per claim),
bind_indexed 10.1 M (41.6 k; of it SentenceIndex.clause ≈ 2.2 M), _number_claim 3.12 M (12.8 k, the
record included), _hit_sentences 1.56 M (6.4 k), scope_markers 1.40 M (5.8 k); the rest of
extract_claims (the sentence loop, labels, rows, percentages, zeros, scope) ≈ 8 M. ×100: the same
per character (2,435 vs 2,418 for the check): the wall time per character that grows from 10× to
100× is not in the instructions (nor in the cyclic gc: ≈ 1–2 % of the check's instructions either way).

Tried the same session, measured here and dropped (behaviour identical, claims 0/2583, findings 0/162):
- binding every number of a sentence in one call (``bind_quantities``: the clause found inline, a
  lone keyword's static ranked list, ``_side`` the only call on the common path, the rest through
  the general per-number body with what was found): check_document 36.80 → 37.29 M (+1.3 %). The
  opcodes per claim stay at ≈ 1,470 (sys.settrace opcode count): the calls it removes were never
  the cost, the logic they run is, and a fused loop runs all of it;
- ``number_claim`` as one 20-key dict display instead of a blank claim's dict copied and 16 fields
  stored: +0.7 M (+2 %: the copy of a same-shaped dict is cheaper than building one);
- ``LocatedClaim`` records made without the class call (a dict display set as ``__dict__``):
  −0.09 M (−0.25 %), not worth a second way to build the record;
- scope markers given to the claims when they are made (no ``replace`` per scoped claim, ≈ 1 %):
  not identical — a parent carried into the next sentence (``row_scope``) is today the unscoped
  claim, and it would become the scoped one (a different ``repr`` in every child's digest).
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import long_report_args, meta_and_costs  # noqa: E402

# (wrapper symbol, module, attribute, label)
STAGES = (
    ("partial_vectorcall", "prose", "extract_claims", "extract_claims (per paragraph)"),
    ("takewhile_next", "claims", "scan_quantities", "  scan_quantities"),
    ("starmap_next", "claims", "bind_indexed", "  bind_indexed"),
    ("dropwhile_next", "claims", "_number_claim", "  _number_claim"),
    ("filterfalse_next", "claims", "_hit_sentences", "  _hit_sentences"),
    ("groupby_next", "claims", "scope_markers", "  scope_markers"),
    ("filter_next", "SentenceIndex", "clause", "    SentenceIndex.clause"),
)


def _routes(real: Callable[..., Any], wrapper: str) -> Callable[..., Any]:
    """``real`` called through the C function ``wrapper``."""
    if wrapper == "partial_vectorcall":
        return lambda *a: functools.partial(real, *a)()
    if wrapper == "starmap_next":
        return lambda *a: next(itertools.starmap(real, (a,)))
    if wrapper == "takewhile_next":
        def taken(*a: Any) -> Any:
            out: list[Any] = []
            next(itertools.takewhile(lambda x: out.append(real(*x)) is None, (a,)))
            return out[0]
        return taken
    if wrapper == "dropwhile_next":
        def dropped(*a: Any) -> Any:
            out: list[Any] = []
            next(itertools.dropwhile(lambda x: out.append(real(*x)) is not None, (a,)))
            return out[0]
        return dropped
    if wrapper == "filterfalse_next":
        def filtered(*a: Any) -> Any:
            out: list[Any] = []
            next(itertools.filterfalse(lambda x: out.append(real(*x)) is not None, (a,)))
            return out[0]
        return filtered
    if wrapper == "filter_next":
        def filtered_in(*a: Any) -> Any:
            out: list[Any] = []
            next(filter(lambda x: out.append(real(*x)) is None, (a,)))
            return out[0]
        return filtered_in
    assert wrapper == "groupby_next"

    def grouped(*a: Any) -> Any:
        out: list[Any] = []
        next(itertools.groupby((a,), key=lambda x: out.append(real(*x))))
        return out[0]
    return grouped


def measured(args: argparse.Namespace) -> None:
    from claim_speed import long_report

    from draft_report.checking import check_document
    from draft_report.checking import claims as C
    from draft_report.checking import prose as P
    from draft_report.checking.fact_source import FactSource
    from draft_report.checking.prose import document_claims
    from draft_report.lexicon.sentence_index import SentenceIndex

    modules: dict[str, Any] = {"claims": C, "prose": P, "SentenceIndex": SentenceIndex}
    doc, chars = long_report(args.long)
    facts = FactSource.from_document(doc).facts()
    n_claims = len(document_claims(doc, facts))
    check_document(doc)  # warm: lazy patterns and tables
    gc.disable()
    n = args.calls
    functools.reduce(lambda a, _: document_claims(doc, facts), range(n), None)
    list(itertools.accumulate(range(n + 1), lambda a, _: (check_document(doc), 0)[1]))
    saved = []
    for wrapper, module, name, _ in STAGES:
        mod = modules[module]
        real = getattr(mod, name)
        saved.append((mod, name, real))
        setattr(mod, name, _routes(real, wrapper))
    for _ in range(n):
        document_claims(doc, facts)
    for mod, name, real in saved:
        setattr(mod, name, real)
    print(f"meta\t{n}\t{chars}\t{n_claims}")


def main(argv: list[str] | None = None) -> int:
    args = long_report_args(__doc__, argv, 2, "calls of document_claims / check_document", "CLAIMS_STAGES_CHILD", measured)
    if args is None:
        return 0
    (calls, chars, n_claims), costs = meta_and_costs(
        __file__, argv if argv is not None else sys.argv[1:], "CLAIMS_STAGES_CHILD",
        ("functools_reduce", "accumulate_next", *(w for w, *_ in STAGES)))
    print(f"section 一 ×{args.long}: {chars} prose chars, {n_claims} claims, {calls} calls "
          f"(valgrind callgrind, PYTHONHASHSEED=0, gc off)")
    rows = [("check_document", costs["accumulate_next"]), ("document_claims", costs["functools_reduce"])]
    rows += [(label, costs[w]) for w, _, _, label in STAGES]
    for label, cost in rows:
        per = cost / calls
        print(f"  {label:32s} {per / 1e6:7.2f} M  {per / chars:6.0f} per char  {per / n_claims / 1e3:6.1f} k per claim")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
