"""Wall time of ``check_document`` without claim extraction, for side-by-side runs of two versions.

    python bench/judging_ab.py                          # this checkout's code
    PYTHONPATH=/tmp/old/src python bench/judging_ab.py  # an older version's (git archive REV src | tar -x -C /tmp/old)

Everything ``check_document`` does but ``document_claims`` (its claims are extracted beforehand):
judging, table rules, structure, staleness, assembly. Per report (bench/claim_speed.py REPORTS,
mean over them) and on section 一 of huaian_2024 repeated 10×. Best of 15 rounds (gc off): on a
shared machine the minimum drifts least with load; run the two versions alternately and compare.
``bench/check_instructions.py`` gives the same split in instructions.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_speed import REPORTS, long_report  # noqa: E402

from draft_report.checking import engine  # noqa: E402
from draft_report.checking.fact_source import FactSource  # noqa: E402
from draft_report.checking.prose import document_claims  # noqa: E402
from draft_report.reading import read_text  # noqa: E402


def best(fn: Callable[[], object], calls: int = 30, rounds: int = 15) -> float:
    fn()
    out = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        out = min(out, (time.perf_counter() - start) / calls)
    return out


def main() -> int:
    docs = [read_text(p.read_text(encoding="utf-8"), source=p.name, fmt="text") for p in REPORTS]
    long = long_report(10)[0]
    claims = {id(d): document_claims(d, FactSource.from_document(d).facts()) for d in [*docs, long]}
    engine.document_claims = lambda doc, facts: claims[id(doc)]  # type: ignore[assignment]
    gc.disable()
    per_report = best(lambda: [engine.check_document(d) for d in docs]) / len(docs)
    ten = best(lambda: engine.check_document(long), calls=10)
    print(f"check without extraction: per report {per_report * 1e6:.0f} µs, section 一 ×10 {ten * 1e6:.0f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
