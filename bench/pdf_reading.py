"""Pages per second for reading PDF reports: the reader with its two extraction engines, and the floors.

Measured in one run, interleaved, on the three official PDFs of tests/fixtures/real_pdfs
(16 pages):

- ``read_pdf``: the whole reader — characters, rulings, table cells, paragraphs, the parsed report —
  with its default engine (pypdfium2 extracts characters and paths, pdfplumber's table finder
  builds the cells) and with DRAFT_REPORT_PDF_ENGINE=pdfplumber (pdfminer.six extracts);
- ``pdfplumber objects``: only what pdfminer.six parses (chars, lines, rects) — the floor of any
  pdfplumber-based reader;
- ``pypdfium2 text+boxes+paths``: extraction only with pypdfium2 (every character with its box,
  the page text, the bounds of every path object) — the floor of the default engine.

    python bench/pdf_reading.py [--repeat 5]

Prints min / median / max seconds per document set and pages/s from the median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "tests" / "fixtures" / "real_pdfs").glob("*.pdf"))


def _read_pdf(path: Path) -> None:
    from draft_report.reading.pdf import ENGINE_ENV, read_pdf

    os.environ.pop(ENGINE_ENV, None)
    read_pdf(path)


def _read_pdf_plumber(path: Path) -> None:
    from draft_report.reading.pdf import ENGINE_ENV, read_pdf

    os.environ[ENGINE_ENV] = "pdfplumber"
    try:
        read_pdf(path)
    finally:
        os.environ.pop(ENGINE_ENV, None)


def _plumber_objects(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            _ = (page.chars, page.lines, page.rects)
            page.close()


def _pdfium(path: Path) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            text = page.get_textpage()
            for i in range(text.count_chars()):
                text.get_charbox(i)
            text.get_text_range()
            for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
                obj.get_bounds()
    finally:
        pdf.close()


def _pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for p in paths:
        pdf = pdfium.PdfDocument(str(p))
        total += len(pdf)
        pdf.close()
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paths = PDFS
    pages = _pages(paths)
    cases: dict[str, Callable[[Path], None]] = {
        "read_pdf, pypdfium2 engine (default)": _read_pdf,
        "read_pdf, pdfplumber engine": _read_pdf_plumber,
        "pdfplumber objects only": _plumber_objects,
        "pypdfium2 text+boxes+paths": _pdfium,
    }
    for fn in cases.values():  # warm up: imports, font caches
        fn(paths[0])
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.repeat):
        for name, fn in cases.items():
            start = time.perf_counter()
            for p in paths:
                fn(p)
            times[name].append(time.perf_counter() - start)
    print(f"{len(paths)} PDFs, {pages} pages, {args.repeat} runs each (interleaved)")
    base = statistics.median(times[next(iter(cases))])
    print(f"{'':40} {'min s':>8} {'median s':>9} {'max s':>8} {'pages/s':>9} {'vs default':>10}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:40} {min(ts):8.3f} {med:9.3f} {max(ts):8.3f} {pages / med:9.1f} {base / med:9.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
