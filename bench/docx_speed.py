"""Word figures: median time to write and to read the drafted sample report, and its size;
also every fixture report read from text, written as Word and read back (tables equal?).

    python bench/docx_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset
from draft_report.reading import read_report
from draft_report.reading.docx import read_docx
from draft_report.rendering.docx import write_docx

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = [
    *sorted((ROOT / "tests" / "fixtures" / "real_reports").glob("*.txt")),
    ROOT / "tests" / "fixtures" / "seeds" / "xiaxian_2023.txt",
]


def _median_ms(fn, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    doc = compose_document(load_dataset(ROOT / "examples" / "xiaxian-2023" / "data.yaml"), OfflineDrafter())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.docx"
        write_ms = _median_ms(lambda: write_docx(doc, path), args.runs)
        read_ms = _median_ms(lambda: read_docx(path), args.runs)
        print(
            f"sample xiaxian-2023: write_docx {write_ms:.0f} ms, read_docx {read_ms:.0f} ms, "
            f"{path.stat().st_size} bytes (median of {args.runs})"
        )
        for source in FIXTURES:
            original = read_report(source)
            write_docx(original, path)
            back = read_docx(path)
            same = back.tables == original.tables and [s.key for s in back.sections] == [
                s.key for s in original.sections
            ]
            print(f"  {source.stem:28} text → docx → read: {'same' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
