"""Instructions per report of reading a text report, stage by stage, counted by valgrind.

    python bench/read_instructions.py [--calls 5] [--per-report]

Wall times on a shared machine drift with its load; instruction counts do not. Runs itself under
``valgrind --tool=callgrind`` (PYTHONHASHSEED=0, gc disabled) and calls each stage through its own
C-level wrapper (the trick of bench/check_instructions.py), so that callgrind's inclusive cost of
that wrapper is the stage's cost alone. Stages: ``read_report(path)`` whole (file reading, decoding,
format sniffing included, as bench/speed.py measures it), ``read_text`` of the decoded text, the file
alone (``read_source_text``), lines → blocks (``text_blocks``) and blocks → document
(``build_document``). Reports: bench/claim_speed.py REPORTS. With ``--per-report``, ``read_report``
of each report on its own; with ``--parts``, the parts of ``build_document`` (each table reader on
the regions it is given, headings, paragraphs). Needs valgrind and callgrind_annotate.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import named_units, under_callgrind  # noqa: E402
from check_instructions import WRAPPERS  # noqa: E402

Call = Callable[[], object]
# more C functions that call a stage and that reading never calls itself; ``iter(f, _NEVER)``
# calls ``f`` once per item (a ``map`` here would make a cycle with the maps inside reading,
# and callgrind's inclusive cost of a function in a cycle is not the stage's cost)
_NEVER = object()
MORE_WRAPPERS: tuple[tuple[str, Callable[[Call, int], object]], ...] = (
    ("compress_next", lambda f, n: list(itertools.compress(iter(f, _NEVER), [1] * (n - 1)))),
    ("pairwise_next", lambda f, n: list(itertools.islice(itertools.pairwise(iter(f, _NEVER)), n - 1))),
    ("zip_longest_next", lambda f, n: list(itertools.islice(itertools.zip_longest(iter(f, _NEVER)), n))),
)


# the Python names of the wrappers' C functions: reading must call none of them, or a wrapper's
# inclusive cost holds reading's own calls of it (the 2026-11-30 session met this with accumulate)
_WRAPPER_NAMES = ("starmap", "reduce", "accumulate", "groupby", "takewhile", "dropwhile", "filterfalse",
                  "defaultdict", "methodcaller", "maxsize=0", "copy_context", "compress", "pairwise", "zip_longest")


def wrapper_uses() -> list[str]:
    """"module: name" for each wrapper's function that a module of ``draft_report.reading`` names."""
    found = []
    for path in sorted((ROOT / "src" / "draft_report" / "reading").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {name}" for name in _WRAPPER_NAMES if name in text]
    return found


def parts() -> list[tuple[str, Call, int]]:
    """The parts of ``build_document``: the three table readers on the regions it gives them,
    heading finding and the paragraphs of the whole report (per report)."""
    from claim_speed import REPORTS

    from draft_report.reading import assemble
    from draft_report.reading import table_reader as tr
    from draft_report.reading.files import read_source_text, split_lines
    from draft_report.reading.text_blocks import text_blocks

    lines = [split_lines(read_source_text(p)) for p in REPORTS]
    blocks = [text_blocks(ls) for ls in lines]
    regions: list[tuple[str, list[object], int | None]] = []
    readers = dict(assemble._READERS)

    def recording(name: str) -> Callable[..., None]:
        def record(region: list[object], read: tr.TableRead) -> None:
            regions.append((name, list(region), read.year))
            readers[name](region, read)  # type: ignore[arg-type]
        return record

    assemble._READERS.update({name: recording(name) for name in readers})
    for b, ls in zip(blocks, lines, strict=True):
        assemble.build_document(list(b), ls, source="x", fmt="text")
    assemble._READERS.update(readers)

    def table(name: str) -> Call:
        mine = [(region, year) for n, region, year in regions if n == name]

        def call() -> None:
            for region, year in mine:
                read = tr.TableRead()
                read.year = year
                readers[name](region, read)  # type: ignore[arg-type]
        return call

    n = len(REPORTS)
    return [
        *[(f"read_{name}", table(name), n) for name in readers],
        ("headings", lambda: [[assemble._heading_of(b) for b in bs] for bs in blocks], n),
        ("paragraphs", lambda: [assemble._paragraphs(bs, set(), "text") for bs in blocks], n),
    ]


def stages(per_report: bool) -> list[tuple[str, Call, int]]:
    from claim_speed import REPORTS

    from draft_report.reading import read_report, read_text
    from draft_report.reading.assemble import build_document
    from draft_report.reading.files import read_source_text, split_lines
    from draft_report.reading.text_blocks import text_blocks

    if per_report:
        return [(p.name, lambda p=p: read_report(p), 1) for p in REPORTS]  # type: ignore[misc]
    texts = [(str(p), read_source_text(p)) for p in REPORTS]
    lines = [split_lines(t) for _, t in texts]
    blocks = [text_blocks(ls) for ls in lines]
    n = len(REPORTS)
    return [
        ("read_report (whole)", lambda: [read_report(p) for p in REPORTS], n),
        ("read_text", lambda: [read_text(t, source=s, fmt="text") for s, t in texts], n),
        ("file: read_source_text", lambda: [read_source_text(p) for p in REPORTS], n),
        ("lines -> blocks", lambda: [text_blocks(split_lines(t)) for _, t in texts], n),
        ("blocks -> document", lambda: [build_document(list(b), ls, source="x", fmt="text")
                                        for b, ls in zip(blocks, lines, strict=True)], n),
    ]


def measured(args: argparse.Namespace) -> None:
    named = parts() if args.parts else stages(args.per_report)
    for _, call, _ in named:
        call()  # warm: lazy patterns, per-format tables
    gc.disable()
    for (cname, wrap), (name, call, n) in zip((*WRAPPERS, *MORE_WRAPPERS), named, strict=False):
        wrap(call, args.calls)
        print(f"{cname}\t{name}\t{n}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--calls", type=int, default=5, help="calls of each stage (over every report)")
    ap.add_argument("--per-report", action="store_true", help="read_report of each report on its own")
    ap.add_argument("--parts", action="store_true", help="the parts of build_document instead of the stages")
    args = ap.parse_args(argv)
    if os.environ.get("READ_INSTRUCTIONS_CHILD"):
        measured(args)
        return 0
    clashes = wrapper_uses()
    if clashes:  # the figures would not be the stages' costs
        print("reading calls a wrapper's C function; figures would be wrong: " + ", ".join(clashes), file=sys.stderr)
        return 1
    stdout, costs = under_callgrind(__file__, argv if argv is not None else sys.argv[1:], "READ_INSTRUCTIONS_CHILD")
    names = named_units(stdout)
    print(f"instructions per report, {args.calls} calls (valgrind callgrind, PYTHONHASHSEED=0, gc off)")
    for cname, (name, n) in names.items():
        if cname in costs:
            print(f"  {name:<28} {costs[cname] / args.calls / n / 1e3:10.1f} k")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
