"""In-process read, check and per-1,000-characters figures in one line, for side-by-side runs of two versions.

    python bench/inprocess_ab.py                          # the installed (this checkout's) code
    PYTHONPATH=/tmp/old/src python bench/inprocess_ab.py  # an older version's code, e.g. from
                                                          # git archive REV src prompts templates | tar -x -C /tmp/old

Run the two alternately a few times at the same load and compare medians: absolute times drift
with the machine's load, the ratio between versions in the same minute does not. Reports: the
six of ``bench/claim_speed.py`` (fixture real reports + seed); long reports: section 一 of
huaian_2024 repeated 10× and 100×.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_speed import REPORTS, long_report  # noqa: E402

from draft_report.checking import check_document  # noqa: E402
from draft_report.reading import read_text  # noqa: E402


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return statistics.median(out)


def main() -> int:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in REPORTS]
    docs = [read_text(tx, source=n, fmt="text") for n, tx in texts]
    d10, chars10 = long_report(10)
    d100, chars100 = long_report(100)
    for d in (*docs, d10):  # warm-up: lazily compiled tables and patterns
        check_document(d)
    read = median_seconds(lambda: [read_text(tx, source=n, fmt="text") for n, tx in texts], 40) / len(texts)
    check = median_seconds(lambda: [check_document(d) for d in docs], 40) / len(docs)
    per10 = median_seconds(lambda: check_document(d10), 15) / chars10 * 1000
    per100 = median_seconds(lambda: check_document(d100), 3) / chars100 * 1000
    print(f"read {read * 1e3:.2f} ms  check {check * 1e3:.2f} ms  read+check {(read + check) * 1e3:.2f} ms "
          f"= {1 / (read + check):.0f}/s  per 1,000 chars 10× {per10 * 1e3:.2f} ms 100× {per100 * 1e3:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
