"""Reader figures: per fixture, cells read / blank / unreadable / missing, sections found, and
the median time to read one report (pure Python, one core).

    python bench/read_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from draft_report.reading import read_report
from draft_report.tables import layout as L

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = [*sorted((ROOT / "tests" / "fixtures" / "real_reports").glob("*.txt")),
            ROOT / "tests" / "fixtures" / "seeds" / "xiaxian_2023.txt"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    total_cells = len(L.all_cell_ids())
    medians: list[float] = []
    print(f"{'report':28} {'read':>5} {'blank':>5} {'unread':>6} {'miss':>5} {'tables':>7} {'sections':>9} {'median':>9}")
    for path in FIXTURES:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            doc = read_report(path)
            times.append(time.perf_counter() - start)
        issues = {i.cell_id: i.problem for i in doc.cell_issues}
        unreadable = sum(1 for p in issues.values() if p == "unreadable")
        missing = sum(1 for p in issues.values() if p == "missing")
        values = doc.tables.cells()
        read = sum(1 for cid, v in values.items() if v is not None and cid not in issues)
        blank = sum(1 for cid, v in values.items() if v is None and cid not in issues
                    and cid.split(".")[0] in {t.replace("table", "t") for t in doc.tables_found})
        sections = sum(1 for s in doc.sections if s.key)
        median = statistics.median(times) * 1000
        medians.append(median)
        print(f"{path.name:28} {read:5} {blank:5} {unreadable:6} {missing:5} {len(doc.tables_found):>5}/3 "
              f"{sections:>7}/6 {median:7.2f} ms")
    print(f"cells per report: {total_cells}; median read time over all reports: {statistics.median(medians):.2f} ms "
          f"({1000 / statistics.median(medians):.0f} reports/s)")


if __name__ == "__main__":
    main()
