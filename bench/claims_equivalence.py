"""Equivalence harness for speed work on the checker: record what ``check_document`` says, compare later.

    python bench/claims_equivalence.py record OUT.json [--seeds 2] [--drafted 8]
    python bench/claims_equivalence.py compare OUT.json [--seeds 2] [--drafted 8]
    python bench/claims_equivalence.py record OUT.json --root /work/main   # main's code and benches

A speed change must not change a single finding. This records, for every case, the full ``repr`` of
every finding of ``check_document`` and a digest of every claim ``document_claims`` extracts (fact,
alternatives, offsets, scope, confidence …), and ``compare`` re-runs the same cases and lists the
cases whose findings or claims differ. Cases:

- every report of /work/shared/data/real_reports (when present), the seed report
  /work/shared/seeds/000_*.txt (when present) and every text report of tests/fixtures
  (real_reports, seeds, variants, format2019, hostile), each checked alone and against its own
  tables as a data file;
- section 一 of huaian_2024 repeated 10× (the speed bench's long report);
- every sentence of bench/bank_bench.py (true and ``--seeds`` wrong versions of every template over
  every report) inserted into its report, checked as the bank bench checks it (with ``--previous``
  for 洪泽 2024);
- ``--drafted`` seeded random datasets drafted offline to Markdown and checked with their data.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# ``--root DIR`` runs another checkout's code and benches (e.g. /work/main, to record main's behaviour)
if "--root" in sys.argv:
    ROOT = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
    sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import bank_bench as BB  # noqa: E402
import mutations as M  # noqa: E402
import phrasing_bank as B  # noqa: E402
from check_bench import as_dataset  # noqa: E402
from equivalence_diff import differing, print_differences  # noqa: E402
from speed import repeated_prose  # noqa: E402

from draft_report.checking import check_document  # noqa: E402
from draft_report.checking.fact_source import FactSource  # noqa: E402
from draft_report.checking.prose import document_claims  # noqa: E402
from draft_report.models.document import ReportDocument  # noqa: E402
from draft_report.reading import read_text  # noqa: E402

SHARED = Path("/work/shared")
FIXTURE_DIRS = ("real_reports", "seeds", "variants", "format2019", "hostile")


def report_paths() -> list[Path]:
    paths = sorted((SHARED / "data" / "real_reports").glob("*.txt")) + sorted((SHARED / "seeds").glob("000_*.txt"))
    for d in FIXTURE_DIRS:
        paths += sorted((ROOT / "tests" / "fixtures" / d).glob("*.txt"))
    return paths


BY_ID = False  # ``--by-id``: facts in a claim's digest by their ids (a lexicon change that adds a field
# to ``Fact`` or a word to a fact changes every ``repr``, not what any claim says)


def _claim_text(lc: Any) -> str:
    if not BY_ID:
        return repr(lc)
    c = lc.claim
    ids = lambda fs: tuple(f.id for f in fs)  # noqa: E731
    parent = None if c.parent is None else (c.parent.text, c.parent.start, c.parent.fact and c.parent.fact.id)
    return repr((c.kind, c.text, c.value, c.unit, c.fact and c.fact.id, c.fact and c.fact.cells, ids(c.alternatives),
                 c.scope, c.comparison, ids(c.denominators), c.confidence, c.start, c.end, c.sentence_start,
                 c.low, c.high, c.approx, c.decimals, parent, lc.section, lc.line))


def record(doc: ReportDocument, dataset: Any = None, previous: Any = None) -> dict[str, Any]:
    """The findings (full repr) and a digest of the claims of one check."""
    result = check_document(doc, dataset, previous)
    source = FactSource.from_dataset(dataset) if dataset is not None else FactSource.from_document(doc)
    claims = document_claims(doc, source.facts())
    digest = hashlib.sha256("\n".join(map(_claim_text, claims)).encode()).hexdigest()[:16]
    return {"findings": [repr(f) for f in result.findings], "claims": digest, "n_claims": len(claims)}


def cases(seeds: int, drafted: int) -> Iterator[tuple[str, dict[str, Any]]]:
    for path in report_paths():
        text = path.read_text(encoding="utf-8", errors="replace")
        doc = read_text(text, source=path.name, fmt="text")
        where = "shared" if path.is_relative_to(SHARED) else "fixtures"
        yield f"report:{where}/{path.parent.name}/{path.name}", record(doc)
        yield f"report+data:{where}/{path.parent.name}/{path.name}", record(doc, as_dataset(doc))
    huaian = (ROOT / "tests/fixtures/real_reports/huaian_2024.txt").read_text(encoding="utf-8")
    yield "huaian_2024x10", record(read_text(repeated_prose(huaian, 10), fmt="text"))
    for path in BB.REPORTS:
        text = path.read_text(encoding="utf-8")
        doc = BB.read(text, path.name)
        year = doc.year or 2023
        prev_doc = None
        if path.name in BB.PREVIOUS:
            prev_path = path.parent / BB.PREVIOUS[path.name]
            prev_doc = BB.read(prev_path.read_text(encoding="utf-8"), prev_path.name)
        values = B.values_of(doc.tables)
        previous = B.values_of(prev_doc.tables) if prev_doc is not None else {
            k: float(int(v * 0.8)) for k, v in values.items()}
        for t in BB.ALL_TEMPLATES:
            for seed in range(seeds):
                rng = random.Random(f"{path.name}:{t.id}:{seed}")
                r = B.render(t, values, year, rng, previous)
                if r is None:
                    break
                for kind, sentence in (("true", r.true), ("wrong", r.wrong)):
                    if sentence is None or (kind == "true" and seed):
                        continue
                    mutated = BB.insert(text, doc, sentence)
                    if mutated is None:
                        continue
                    yield (f"bank:{path.name}:{t.id}:{seed}:{kind}",
                           record(BB.read(mutated, path.name), previous=prev_doc))
    if drafted:
        from random_datasets import dataset

        from draft_report.drafting.compose import compose_document
        from draft_report.drafting.offline import OfflineDrafter
        from draft_report.rendering.markdown import render_markdown

        for n in range(drafted):
            ds = dataset(n)
            md = render_markdown(compose_document(ds, OfflineDrafter()))
            yield f"drafted:{n}", record(M.read_md(md), ds)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--seeds", type=int, default=2, help="wrong versions per bank template and report")
    ap.add_argument("--drafted", type=int, default=8, help="random drafted reports checked with their data")
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code and benches run")
    ap.add_argument("--by-id", action="store_true", help="digest a claim's facts by id (see ``BY_ID``)")
    args = ap.parse_args(argv)
    global BY_ID
    BY_ID = args.by_id
    import draft_report

    print(f"code: {Path(draft_report.__file__).parent}")
    t0 = time.perf_counter()
    got = dict(cases(args.seeds, args.drafted))
    elapsed = time.perf_counter() - t0
    n_findings = sum(len(v["findings"]) for v in got.values())
    n_claims = sum(v["n_claims"] for v in got.values())
    if args.mode == "record":
        args.file.write_text(json.dumps(got, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"recorded {len(got)} cases, {n_findings} findings, {n_claims} claims in {elapsed:.1f} s → {args.file}")
        return 0
    want: dict[str, Any] = json.loads(args.file.read_text(encoding="utf-8"))
    differ = differing(want, got)
    print(f"compared {len(got)} cases ({len(want)} recorded), {n_findings} findings, {n_claims} claims "
          f"in {elapsed:.1f} s: {len(differ)} differ")

    def claims_note(a: Any, b: Any) -> str | None:
        if a["claims"] == b["claims"]:
            return None
        return f"claims digest {a['claims']} ({a['n_claims']}) → {b['claims']} ({b['n_claims']})"

    print_differences(differ, want, got, findings=lambda v: v["findings"], note=claims_note)
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
