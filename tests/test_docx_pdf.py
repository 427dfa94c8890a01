"""The drafted .docx through LibreOffice headless: PDF page count, and .docx files LibreOffice writes.

Skipped (with the reason) where LibreOffice is not installed; CI does not depend on it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from draft_report.rendering.docx import write_docx
from soffice_convert import Conversion, convert_all
from test_docx_support import sample_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) 未安装：跳过需要 LibreOffice 的检查"
)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The drafted sample as .docx and its HTML preview, through LibreOffice once for the module:
    ``report.pdf`` (docx → PDF), ``from-lo/report.docx`` (our docx re-saved by LibreOffice) and
    ``from-lo/preview.docx`` (the HTML preview saved as Word). All three in one soffice run where
    it can (tests/soffice_convert.py); the tests only read the results (and run on one xdist
    worker, which runs whole modules: tests/suite_schedule.py)."""
    from draft_report.rendering.html import render_html

    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) 未安装：跳过需要 LibreOffice 的检查")
    folder = tmp_path_factory.mktemp("soffice")
    profile = folder / "lo-profile"
    doc = sample_document()
    report = folder / "report.docx"
    write_docx(doc, report)
    html = folder / "preview.html"
    html.write_text(render_html(doc), encoding="utf-8")
    word = "MS Word 2007 XML"
    convert_all(
        SOFFICE,
        [
            Conversion(report, "writer_pdf_Export", folder / "report.pdf"),
            Conversion(report, word, folder / "from-lo" / "report.docx"),
            Conversion(html, word, folder / "from-lo" / "preview.docx"),
        ],
        profile,
    )
    return folder


def _pages(pdf: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
        found = re.search(r"^Pages:\s+(\d+)", out, re.M)
        assert found is not None
        return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@needs_soffice
def test_sample_converts_to_a_pdf_of_the_expected_length(converted: Path) -> None:
    pdf = converted / "report.pdf"
    assert pdf.is_file()
    # The drafted sample lays out on 6 A4 pages here (22 lines of 3号 per page plus three tables);
    # the range allows for other viewers substituting the official fonts.
    assert 4 <= _pages(pdf) <= 8
    # the PDF exported from Word reads back to the drafted tables and sections (reading/pdf.py)
    from draft_report.reading import read_report

    back = read_report(pdf)
    doc = sample_document()
    assert back.tables == doc.tables and back.cell_issues == []
    assert [s.heading for s in back.sections] == [s.heading for s in doc.sections]
    assert (back.agency, back.year, back.date) == (doc.agency, doc.year, doc.date)


@needs_soffice
def test_docx_written_by_libreoffice_reads_the_same(converted: Path) -> None:
    """A .docx from another producer (LibreOffice: our docx re-saved, and the HTML preview saved as
    Word) reads to the same tables, sections, paragraphs, signature and date."""
    from draft_report.reading.docx import read_docx

    doc = sample_document()
    for name in ("report.docx", "preview.docx"):
        back = read_docx(converted / "from-lo" / name)
        assert back.tables == doc.tables
        assert [s.key for s in back.sections] == [s.key for s in doc.sections]
        assert [[p.text for p in s.paragraphs] for s in back.sections] == [
            [p.text for p in s.paragraphs] for s in doc.sections
        ]
        assert (back.title, back.signature, back.date) == (doc.title, doc.signature, doc.date)
        assert back.cell_issues == []
