"""Instructions per number of binding, and per claim of extraction, counted by valgrind.

    python bench/bind_instructions.py [--calls 5] [--long 10] [--no-valgrind]

Binding a number to a lexicon fact (``lexicon.binding.bind_indexed``) is replayed exactly as claim
extraction calls it (``checking.claims._numbers``: one ``SentenceIndex`` per sentence, then every
number of the sentence in a row), with the calls recorded from one ``document_claims`` of section 一
of huaian_2024 repeated ``--long`` times (bench/claim_speed.py ``long_report``). The replay runs
under ``valgrind --tool=callgrind`` (PYTHONHASHSEED=0, gc off) through a C-level wrapper of its own
(``itertools.starmap``), so callgrind's inclusive cost of that wrapper is the replay's cost alone;
``document_claims`` of the whole report runs through another wrapper (``itertools.groupby``), and
the zero claims' binding (``bind_zero``, every zero marker of the fixture reports) through a third
(``itertools.takewhile``). ``--no-valgrind`` prints the call counts only. Needs valgrind and
callgrind_annotate.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import named_units, under_callgrind  # noqa: E402

Call = Callable[[], object]
WRAPPERS: dict[str, Callable[[Call, int], object]] = {
    "starmap_next": lambda f, n: list(itertools.starmap(f, [()] * n)),
    "groupby_next": lambda f, n: list(itertools.groupby(range(n), key=lambda _: (f(), 0)[1])),
    "takewhile_next": lambda f, n: list(itertools.takewhile(lambda _: (f(), True)[1], range(n))),
}


def recorded_calls(doc: Any, facts: Any) -> list[tuple[Any, list[tuple[Any, ...]]]]:
    """(sentence text, [bind_indexed's arguments after the sentence index]) of each sentence, in order."""
    from draft_report.checking import claims as C
    from draft_report.checking.prose import document_claims

    sentences: list[tuple[Any, list[tuple[Any, ...]]]] = []
    real = C.bind_indexed

    def spy(facts: Any, index: Any, ctx: Any, *args: Any) -> Any:
        if not sentences or sentences[-1][0] is not ctx:
            sentences.append((ctx, []))
        sentences[-1][1].append(args)
        return real(facts, index, ctx, *args)

    C.bind_indexed = spy  # type: ignore[assignment]
    try:
        document_claims(doc, facts)
    finally:
        C.bind_indexed = real
    return [(ctx.text, calls) for ctx, calls in sentences]


def zero_calls() -> list[tuple[str, str]]:
    """(marker, object) of every zero marker of the fixture reports, as ``claims._zero_claims`` binds them."""
    from claim_speed import REPORTS

    from draft_report.checking import claims as C

    found: list[tuple[str, str]] = []
    real = C.bind_zero

    def spy(facts: Any, phrase: str, obj: str) -> Any:
        found.append((phrase, obj))
        return real(facts, phrase, obj)

    C.bind_zero = spy  # type: ignore[assignment]
    try:
        for p in REPORTS:
            C.extract_claims(p.read_text(encoding="utf-8"))
    finally:
        C.bind_zero = real
    return found


def workloads(times: int) -> dict[str, tuple[str, int, Call]]:
    """wrapper name → (what, units per call, one call)."""
    from claim_speed import long_report

    from draft_report.checking.fact_source import FactSource
    from draft_report.checking.prose import document_claims
    from draft_report.lexicon.binding import bind_indexed, bind_zero, keyword_index
    from draft_report.lexicon.fields import FACTS
    from draft_report.lexicon.sentence_index import SentenceIndex

    doc, chars = long_report(times)
    facts = FactSource.from_document(doc).facts()
    index = keyword_index(facts)
    sentences = recorded_calls(doc, facts)
    numbers = sum(len(calls) for _, calls in sentences)
    n_claims = len(document_claims(doc, facts))
    zeros = zero_calls()

    def replay() -> None:
        for text, calls in sentences:
            ctx = SentenceIndex(text)
            for args in calls:
                bind_indexed(facts, index, ctx, *args)

    def zero_replay() -> None:
        for phrase, obj in zeros:
            bind_zero(FACTS, phrase, obj)

    print(f"# section 一 ×{times}: {chars} prose chars, {n_claims} claims, {numbers} numbers bound in "
          f"{len(sentences)} sentences; {len(zeros)} zero markers")
    return {
        "starmap_next": ("binding, per number (bind_indexed replay)", numbers, replay),
        "groupby_next": ("document_claims, per claim", n_claims, lambda: document_claims(doc, facts)),
        "takewhile_next": ("bind_zero, per zero marker", len(zeros), zero_replay),
    }


def measured(args: argparse.Namespace) -> None:
    loads = workloads(args.long)
    for _, _, call in loads.values():
        call()  # warm: lazy patterns, per-fact rules
    gc.disable()
    for cname, (what, units, call) in loads.items():
        WRAPPERS[cname](call, args.calls)
        print(f"{cname}\t{what}\t{units}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=5, help="replays of each workload")
    ap.add_argument("--long", type=int, default=10, help="section 一 of huaian_2024 repeated this many times")
    ap.add_argument("--no-valgrind", action="store_true", help="only print the workloads' sizes")
    args = ap.parse_args(argv)
    if args.no_valgrind:
        workloads(args.long)
        return 0
    if os.environ.get("BIND_INSTRUCTIONS_CHILD"):
        measured(args)
        return 0
    stdout, costs = under_callgrind(__file__, argv if argv is not None else sys.argv[1:], "BIND_INSTRUCTIONS_CHILD")
    print(*(line for line in stdout.splitlines() if line.startswith("# ")), sep="\n")
    names = named_units(stdout)
    print(f"instructions per unit, {args.calls} calls (valgrind callgrind, PYTHONHASHSEED=0, gc off)")
    for cname, (name, units) in names.items():
        if cname in costs and units:
            print(f"  {name:<44} {costs[cname] / args.calls / units / 1e3:8.1f} k   ({units} per call)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
