"""The drafted .docx through LibreOffice headless → PDF, with the page count of a published report.

Skipped (with the reason) where LibreOffice is not installed; CI does not depend on it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from draft_report.rendering.docx import write_docx
from test_docx_support import sample_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _pages(pdf: Path) -> int:
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        out = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) 未安装：跳过 docx → PDF 转换检查")
def test_sample_converts_to_a_pdf_of_the_expected_length(tmp_path: Path) -> None:
    docx_path = tmp_path / "report.docx"
    write_docx(sample_document(), docx_path)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx_path),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    pdf = tmp_path / "report.pdf"
    assert pdf.is_file()
    # The drafted sample lays out on 6 A4 pages here (22 lines of 3号 per page plus three tables);
    # the range allows for other viewers substituting the official fonts.
    assert 4 <= _pages(pdf) <= 8
