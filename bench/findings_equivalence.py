"""Equivalence harness over the fixture corpus: every finding of ``check_document``, recorded and compared.

    python bench/findings_equivalence.py record OUT.json
    python bench/findings_equivalence.py compare OUT.json

``claims_equivalence.py`` and ``table_equivalence.py`` cover text reports and their mutants; this
covers every *format*: every tests/fixtures/**/*.txt|md|html|docx|pdf read with ``read_report`` and
the examples drafted offline to Markdown, HTML and Word and read back. Each document is checked
alone, against its own tables as a data file, and with itself as last year's report (``--previous``);
the drafted ones also against their data file. A finding is recorded whole: its ``repr`` (rule,
severity, message, every location field including the Word ``place``, expected, actual) and the
line ``finding_text`` prints for it.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from check_bench import as_dataset  # noqa: E402
from equivalence_diff import record_or_compare  # noqa: E402

from draft_report.checking import check_document  # noqa: E402
from draft_report.checking.finding_text import finding_text  # noqa: E402
from draft_report.errors import InputError  # noqa: E402
from draft_report.models.document import ReportDocument  # noqa: E402
from draft_report.reading import read_report  # noqa: E402

SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")


def findings(doc: ReportDocument, dataset: Any = None, previous: Any = None) -> list[str]:
    result = check_document(doc, dataset, previous)
    return [f"{f!r} | {finding_text(f, verbose=True)}" for f in result.findings]


def checks(name: str, doc: ReportDocument, dataset: Any = None) -> Iterator[tuple[str, list[str]]]:
    yield f"{name}", findings(doc)
    yield f"{name}+tables", findings(doc, as_dataset(doc))
    yield f"{name}+previous", findings(doc, previous=doc)  # the wrong year: cross-year checks skipped
    if doc.year is not None:  # itself as last year's report: every cross-year check runs
        yield f"{name}+last-year", findings(doc, previous=dataclasses.replace(doc, year=doc.year - 1))
    if dataset is not None:
        yield f"{name}+data", findings(doc, dataset)


def cases() -> Iterator[tuple[str, list[str]]]:
    for path in sorted((ROOT / "tests/fixtures").rglob("*")):
        if path.suffix not in SUFFIXES or path.name == "README.md":
            continue
        try:
            doc = read_report(path)
        except InputError as e:
            yield f"{path.relative_to(ROOT)}:error", [str(e)]
            continue
        yield from checks(str(path.relative_to(ROOT)), doc)
    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.loading.dataset import load_dataset
    from draft_report.rendering.docx import write_docx
    from draft_report.rendering.html import render_html
    from draft_report.rendering.markdown import render_markdown

    tmp = ROOT / "out" / "findings_equivalence"  # a fixed path: file names are in findings
    tmp.mkdir(parents=True, exist_ok=True)
    for data in sorted((ROOT / "examples").glob("*/data.yaml")):
        ds = load_dataset(data)
        drafted = compose_document(ds, OfflineDrafter())
        out = tmp / data.parent.name
        out.with_suffix(".md").write_text(render_markdown(drafted), encoding="utf-8")
        out.with_suffix(".html").write_text(render_html(drafted), encoding="utf-8")
        write_docx(drafted, out.with_suffix(".docx"))
        for suffix in (".md", ".html", ".docx"):
            yield from checks(f"examples/{data.parent.name}{suffix}", read_report(out.with_suffix(suffix)), ds)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("record", "compare"))
    ap.add_argument("file", type=Path)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    got = dict(cases())
    elapsed = time.perf_counter() - t0
    return record_or_compare(args.mode, args.file, got, elapsed)


if __name__ == "__main__":
    raise SystemExit(main())
