"""Equivalence harness for speed work on the table/structure rules: record ``check_document``'s findings, compare later.

    python bench/table_equivalence.py record OUT.json [--seeds 3] [--cells 12] [--drafted 4]
    python bench/table_equivalence.py compare OUT.json [same options]

``bench/claims_equivalence.py`` covers the reports as published and prose insertions; the table
rules (identities and their root causes, blanks, unreadable cells, cells vs data), old-format
markers and stale years only show their paths on damaged reports. This records the full ``repr``
of every finding for:

- every text report of tests/fixtures (real_reports, seeds, variants, format2019, hostile) and of
  /work/shared/data/real_reports (when present), alone and with its own tables as data;
- ``--seeds`` mutants of every kind of bench/mutations.py (as bench/check_bench.py makes them) of
  the same reports, each checked alone and with the unmutated report's tables as data;
- for every report, ``--seeds`` seeded documents with one, two or three table cells changed,
  blanked or marked unreadable directly in the read tables (several broken identities at once:
  the root-cause analysis's ambiguous and overlapping cases), alone and with data;
- ``--drafted`` drafted random reports with ``--cells`` single-cell changes each, with their data.
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import mutations as M  # noqa: E402
from check_bench import as_dataset, make_mutant  # noqa: E402
from equivalence_diff import record_or_compare  # noqa: E402

from draft_report.checking import check_document  # noqa: E402
from draft_report.models.document import CellIssue, ReportDocument  # noqa: E402

SHARED = Path("/work/shared")
FIXTURE_DIRS = ("real_reports", "seeds", "variants", "format2019", "hostile")


def report_paths() -> list[Path]:
    paths = sorted((SHARED / "data" / "real_reports").glob("*.txt"))
    for d in FIXTURE_DIRS:
        paths += sorted((ROOT / "tests" / "fixtures" / d).glob("*.txt"))
    return paths


def findings(doc: ReportDocument, dataset: Any = None) -> list[str]:
    return [repr(f) for f in check_document(doc, dataset).findings]


def damaged(doc: ReportDocument, rng: random.Random) -> ReportDocument:
    """A copy of ``doc`` with one to three of its table cells changed, blanked or unreadable."""
    out = copy.deepcopy(doc)
    cells = [c for c, v in out.tables.cells().items() if v is not None and isinstance(v, int)]
    if not cells:
        return out
    for cid in rng.sample(cells, min(len(cells), rng.choice((1, 2, 2, 3)))):
        what = rng.random()
        if what < 0.7:
            out.tables.set(cid, M._new_value(rng, int(out.tables.get(cid) or 0)))
        elif what < 0.85:
            out.tables.set(cid, None)
        else:
            out.tables.set(cid, None)
            out.cell_issues = [*out.cell_issues, CellIssue(cell_id=cid, problem="unreadable", raw="1O", line=doc.cell_lines.get(cid))]
    return out


def cases(seeds: int, cells: int, drafted: int) -> Iterator[tuple[str, list[str]]]:
    for path in report_paths():
        text = path.read_text(encoding="utf-8", errors="replace")
        name = f"{path.parent.name}/{path.name}"
        doc = M.read(text)
        dataset = as_dataset(doc)
        yield f"report:{name}", findings(doc)
        yield f"report+data:{name}", findings(doc, dataset)
        verified = M.verified_claims(doc, set())
        for kind in M.KINDS:
            for seed in range(seeds):
                mutant = make_mutant(kind, text, doc, random.Random(f"{name}:{kind}:{seed}"), verified)
                if mutant is None:
                    continue
                mdoc = M.read(mutant.text)
                yield f"mutant:{name}:{kind}:{seed}", findings(mdoc)
                yield f"mutant+data:{name}:{kind}:{seed}", findings(mdoc, dataset)
        for seed in range(seeds * 4):
            ddoc = damaged(doc, random.Random(f"{name}:damaged:{seed}"))
            yield f"damaged:{name}:{seed}", findings(ddoc)
            yield f"damaged+data:{name}:{seed}", findings(ddoc, dataset)
    if drafted:
        from random_datasets import dataset as random_dataset

        from draft_report.drafting.compose import compose_document
        from draft_report.drafting.offline import OfflineDrafter
        from draft_report.rendering.markdown import render_markdown

        for n in range(drafted):
            ds = random_dataset(n)
            md = render_markdown(compose_document(ds, OfflineDrafter()))
            yield f"drafted:{n}", findings(M.read_md(md), ds)
            found = list(re.finditer(r'data-cell="([^"]+)"[^>]*>(\d+)<', md))
            rng = random.Random(f"table-equivalence:drafted:{n}")
            for m in rng.sample(found, min(cells, len(found))):
                mutated = md[: m.start(2)] + str(M._new_value(rng, int(m.group(2)))) + md[m.end(2):]
                mdoc = M.read_md(mutated)
                yield f"drafted:{n}:{m.group(1)}", findings(mdoc, ds)
                yield f"drafted-nodata:{n}:{m.group(1)}", findings(mdoc)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--seeds", type=int, default=3, help="mutants per kind and damaged documents (×4) per report")
    ap.add_argument("--cells", type=int, default=12, help="cells changed per drafted report")
    ap.add_argument("--drafted", type=int, default=4, help="drafted random reports")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    got = dict(cases(args.seeds, args.cells, args.drafted))
    elapsed = time.perf_counter() - t0
    return record_or_compare(args.mode, args.file, got, elapsed)


if __name__ == "__main__":
    raise SystemExit(main())
