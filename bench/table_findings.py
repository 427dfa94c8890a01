"""One root cause, one finding: a single changed table cell must give one finding naming it.

    python bench/table_findings.py [--cells 25] [--drafted 6] [--json]

For each report (the real reports, the sample, the derived base variant, the invented 2020
report in the 2019 format) and each of 表二/表三/表四, up to ``--cells`` cells (seeded choice) are
changed one at a time in the report's text — verified by re-reading: exactly that cell changes.
Drafted reports (seeded random datasets drafted offline to Markdown) are mutated through their
``data-cell`` attributes. Each mutant is checked without data and with data (the unmutated
report's own tables, or the drafted report's dataset). Per kind (table × with/without data):

- ``one_naming``: exactly one new error/warning finding (not in the unmutated report's check),
  and it names the changed cell (``location.cell_id``);
- ``table_one_naming``: the same, counting only table findings (``table.*``/``data.*``) — a prose
  sentence quoting the changed cell legitimately disagrees with it too;
- ``table_one``: exactly one new table finding, whatever it names;
- ``blames_other_total``: some new finding points at a *total* cell other than the changed one.

表二 has no identity in either format: without data a changed 表二 cell cannot be found (listed,
not hidden). 表四's groups have one identity each: without data any of a group's five cells
could be the wrong one, so the checker names none (reported per identity, not blaming the total).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import mutations as M  # noqa: E402

from draft_report.checking import check_document  # noqa: E402
from draft_report.checking.findings import CheckResult, Finding  # noqa: E402
from draft_report.models.document import ReportDocument  # noqa: E402
from draft_report.tables import layout as L  # noqa: E402

REPORTS: tuple[Path, ...] = (
    *sorted((ROOT / "tests/fixtures/real_reports").glob("*.txt")),
    ROOT / "tests/fixtures/seeds/xiaxian_2023.txt",
    ROOT / "tests/fixtures/variants/base_2023.txt",
    ROOT / "tests/fixtures/format2019/qinglan-scj_2020.txt",
)
# Reports looked at while building the root-cause analysis (tuning); the others are held out.
TUNING = frozenset({"huaian_2024.txt", "shanghai-kewei_2024.txt", "qinglan-scj_2020.txt"})
Stats = dict[str, dict[str, list[int]]]  # kind → metric → [hits, tries]
METRICS = ("one_naming", "table_one_naming", "table_one", "blames_other_total")


def as_dataset(doc: ReportDocument) -> Any:
    tables = doc.tables.copy()
    data = SimpleNamespace(tables=lambda: tables, year=doc.year, agency=SimpleNamespace(kind=None), fees=None)
    return SimpleNamespace(data=data, aggregates=None, path=Path("report-as-data"))


def mutate_cell(text: str, doc: ReportDocument, cid: str, rng: random.Random) -> str | None:
    """The text with ``cid`` changed and nothing else (verified by re-reading), or None."""
    value = doc.tables.get(cid)
    line_no = doc.cell_lines.get(cid)
    if not isinstance(value, int) or line_no is None:
        return None
    lines = text.split("\n")
    no = line_no - 1
    if not 0 <= no < len(lines):
        return None
    before = doc.tables.cells()
    tokens = [m for m in re.finditer(r"(?<![\d.\-])\d+(?![\d.])", lines[no]) if int(m.group()) == value]
    rng.shuffle(tokens)
    for m in tokens:
        new = M._new_value(rng, value)
        mutated = "\n".join(lines[:no] + [lines[no][: m.start()] + str(new) + lines[no][m.end():]] + lines[no + 1:])
        after = M.read(mutated).tables.cells()
        if [c for c in after if after[c] != before.get(c)] == [cid]:
            return mutated
    return None


def _key(f: Finding) -> tuple[Any, ...]:
    """A finding's identity across a mutation: where it is and what rule, not the quoted numbers
    (the mutated row's text, and the values in messages, change with the mutation)."""
    loc = f.location
    return (f.rule, loc.section, loc.table, loc.row, loc.column, loc.cell_id, re.sub(r"\d", "", loc.excerpt or ""))


def score(cid: str, base: CheckResult, result: CheckResult) -> dict[str, bool]:
    keys = {_key(f) for f in base.findings}
    new = [f for f in result.findings if f.severity != "info" and _key(f) not in keys]
    table = [f for f in new if f.rule.startswith(("table.", "data."))]
    totals = {c for c, info in L.CELL_INFO.items() if info.is_total}
    return {
        "one_naming": len(new) == 1 and new[0].location.cell_id == cid,
        "table_one_naming": len(table) == 1 and table[0].location.cell_id == cid,
        "table_one": len(table) == 1,
        "blames_other_total": any(f.location.cell_id in totals and f.location.cell_id != cid for f in new),
    }


def _table(cid: str) -> str:
    return {"t2": "表二", "t3": "表三", "t4": "表四"}[cid.split(".", 1)[0]]


def _tally(stats: Stats, misses: list[str], name: str, cid: str, mutated: Any,
           bases: tuple[CheckResult, CheckResult], dataset: Any) -> None:
    """Check one mutant without and with the data; add its scores and name it if it was missed."""
    for mode, base, ds in (("无数据", bases[0], None), ("有数据", bases[1], dataset)):
        s = score(cid, base, check_document(mutated, ds))
        kind = f"{_table(cid)}·{mode}"
        for metric in METRICS:
            stats[kind][metric][0] += s[metric]
            stats[kind][metric][1] += 1
        if not s["table_one_naming"] and not (cid.startswith("t2.") and ds is None):
            misses.append(f"{name} {kind} {cid}")


def run_reports(cells: int, held_out: bool | None = None) -> tuple[Stats, list[str]]:
    """``held_out``: True → only the held-out reports, False → only the tuning ones, None → all."""
    stats: Stats = defaultdict(lambda: {m: [0, 0] for m in METRICS})
    misses: list[str] = []
    for path in REPORTS:
        if held_out is not None and (path.name not in TUNING) != held_out:
            continue
        text = path.read_text(encoding="utf-8")
        doc = M.read(text)
        dataset = as_dataset(doc)
        bases = check_document(doc), check_document(doc, dataset)
        rng = random.Random(f"table-findings:{path.name}")
        for prefix in ("t2.", "t3.", "t4."):
            ids = [c for c, v in doc.tables.cells().items() if c.startswith(prefix) and isinstance(v, int)]
            rng.shuffle(ids)
            done = 0
            for cid in ids:
                if done >= cells:
                    break
                mutated = mutate_cell(text, doc, cid, rng)
                if mutated is None:
                    continue
                done += 1
                _tally(stats, misses, path.name, cid, M.read(mutated), bases, dataset)
    return stats, misses


def run_drafted(reports: int, cells: int) -> tuple[Stats, list[str]]:
    from random_datasets import dataset

    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.rendering.markdown import render_markdown

    stats: Stats = defaultdict(lambda: {m: [0, 0] for m in METRICS})
    misses: list[str] = []
    for n in range(reports):
        ds = dataset(n)
        md = render_markdown(compose_document(ds, OfflineDrafter()))
        doc = M.read_md(md)
        bases = check_document(doc), check_document(doc, ds)
        found = list(re.finditer(r'data-cell="([^"]+)"[^>]*>(\d+)<', md))
        rng = random.Random(f"table-findings:drafted:{n}")
        for prefix in ("t2.", "t3.", "t4."):
            ms = [m for m in found if m.group(1).startswith(prefix)]
            rng.shuffle(ms)
            for m in ms[:cells]:
                cid, old = m.group(1), int(m.group(2))
                mutated = md[: m.start(2)] + str(M._new_value(rng, old)) + md[m.end(2):]
                mdoc = M.read_md(mutated)
                after, before = mdoc.tables.cells(), doc.tables.cells()
                if [c for c in after if after[c] != before[c]] != [cid]:
                    continue
                _tally(stats, misses, f"drafted-{n}", cid, mdoc, bases, ds)
    return stats, misses


def _rate(pair: list[int]) -> str:
    return f"{pair[0]}/{pair[1]} = {pair[0] / pair[1]:.1%}" if pair[1] else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cells", type=int, default=25, help="cells changed per table per report")
    ap.add_argument("--drafted", type=int, default=6, help="drafted random reports")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    tuning, tuning_misses = run_reports(args.cells, held_out=False)
    real, real_misses = run_reports(args.cells, held_out=True)
    drafted, drafted_misses = run_drafted(args.drafted, args.cells)
    out = {"tuning": {k: dict(v) for k, v in tuning.items()},
           "held_out": {k: dict(v) for k, v in real.items()}, "drafted": {k: dict(v) for k, v in drafted.items()},
           "misses": tuning_misses + real_misses + drafted_misses}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    held = ", ".join(p.name for p in REPORTS if p.name not in TUNING)
    for title, stats in ((f"held-out reports ({held})", real),
                         (f"drafted reports ({args.drafted}, held out)", drafted),
                         (f"tuning reports ({', '.join(sorted(TUNING))})", tuning)):
        print(f"\n== {title}")
        print(f"{'kind':<10} {'one finding naming the cell':>28} {'one table finding naming it':>28} "
              f"{'one table finding':>20} {'blames another total':>22}")
        for kind in sorted(stats):
            s = stats[kind]
            print(f"{kind:<10} {_rate(s['one_naming']):>28} {_rate(s['table_one_naming']):>28} "
                  f"{_rate(s['table_one']):>20} {_rate(s['blames_other_total']):>22}")
    misses = tuning_misses + real_misses + drafted_misses
    print(f"\nmisses (table finding not exactly one naming the cell; 表二 without data excluded): {len(misses)}")
    for m in misses[:40]:
        print("  ", m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
