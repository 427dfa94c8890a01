"""Claim extraction speed: reports per second, time per 1,000 prose characters, a hostile sentence.

    python bench/claim_speed.py [--repeat 20]

Prints, in-process on one core (medians, with min and max):

1. read + check of each fixture report (tests/fixtures/real_reports + the sample): ms per report
   and reports per second;
2. check of long reports — section 一 of huaian_2024 repeated to 10× and 100× its length —
   in ms per 1,000 prose characters (linear in the text means the figure stays flat);
3. one sentence with 10,000 numbers (issue 12): time and peak memory of ``extract_claims``;
4. a yardstick: a fixed pure-Python loop timed in the same run, so figures from a busy machine can
   be compared (divide by it).
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from draft_report.checking import check_document
from draft_report.checking.claims import extract_claims
from draft_report.models.document import ReportDocument
from draft_report.reading import read_text

ROOT = Path(__file__).resolve().parent.parent
REPORTS = (*sorted((ROOT / "tests/fixtures/real_reports").glob("*.txt")), ROOT / "tests/fixtures/seeds/xiaxian_2023.txt")


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def spread(xs: list[float], scale: float = 1000.0) -> str:
    return f"median {statistics.median(xs) * scale:.2f} (min {min(xs) * scale:.2f}, max {max(xs) * scale:.2f})"


def long_report(times: int) -> tuple[ReportDocument, int]:
    text = (ROOT / "tests/fixtures/real_reports/huaian_2024.txt").read_text(encoding="utf-8")
    doc = read_text(text, source="huaian_2024.txt", fmt="text")
    sec = doc.section("overview")
    assert sec is not None and sec.line is not None
    lines = text.split("\n")
    body = [p.text for p in sec.paragraphs]
    long_text = "\n".join(lines[: sec.line] + body * times + lines[sec.line:])
    d = read_text(long_text, source=f"huaian_2024_x{times}.txt", fmt="text")
    chars = sum(len(p.text) for s in d.sections for p in s.paragraphs) + sum(len(p.text) for p in d.preface)
    return d, chars


def yardstick() -> None:
    s = 0
    for i in range(200_000):
        s += i


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args(argv)
    ys = timed(yardstick, args.repeat)
    print(f"yardstick (200k-step Python loop): {spread(ys)} ms")
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in REPORTS]
    per_report: list[float] = []
    for _ in range(args.repeat):
        for name, text in texts:
            t = time.perf_counter()
            check_document(read_text(text, source=name, fmt="text"))
            per_report.append(time.perf_counter() - t)
    med = statistics.median(per_report)
    print(f"read + check, {len(texts)} reports × {args.repeat}: {spread(per_report)} ms per report "
          f"= {1 / med:.0f} reports/s")
    for times in (10, 100):
        doc, chars = long_report(times)
        xs = timed(lambda d=doc: check_document(d), max(3, args.repeat // (5 if times == 10 else 20)))
        per_k = [x / (chars / 1000) for x in xs]
        print(f"check of the {times}× report ({chars} prose characters): {spread(xs)} ms; "
              f"per 1,000 characters {spread(per_k)} ms")
    sentence = "、".join(f"{i}件" for i in range(10_000)) + "。"
    tracemalloc.start()
    t = time.perf_counter()
    claims = extract_claims(sentence)
    elapsed = time.perf_counter() - t
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"one sentence with 10,000 numbers ({len(sentence)} characters): {elapsed * 1000:.1f} ms, "
          f"peak {peak / 1e6:.1f} MB, {len(claims)} claim(s): {claims[0].kind if claims else '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
