"""Read a PDF report (with a text layer) into the same ``ReportDocument`` every reader returns.

Characters and rulings are extracted with pypdfium2 (PDFium; ``reading.pdf_pdfium``) and the
table cells found with pdfplumber's table finder on them (``reading.pdf_blocks``); with
``DRAFT_REPORT_PDF_ENGINE=pdfplumber`` pdfminer.six extracts instead (3-4x slower, the same
result on every test PDF). Both libraries are imported lazily, only when a PDF is read. A PDF that cannot be used is
an ``InputError`` naming the file and saying what to do: damaged or not a PDF, encrypted,
too large, a scanned image without a text layer (no OCR is attempted), or text whose font
has no character mapping (it extracts as "(cid:123)").
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from draft_report.errors import InputError
from draft_report.models.document import ReportDocument
from draft_report.reading.assemble import build_document
from draft_report.reading.blocks import has_cjk
from draft_report.reading.pdf_blocks import block_lines, layout_blocks, page_items
from draft_report.reading.pdf_layout import TableGrid, TextLine

MAX_PDF_BYTES = 50 * 1024 * 1024  # an annual report is a few hundred KB to a few MB
MAX_PDF_PAGES = 300  # an annual report has 5 to 30 pages
ENGINE_ENV = "DRAFT_REPORT_PDF_ENGINE"
_CID = re.compile(r"\(cid:\d+\)")
_SCAN_HINT = "请提供原始的 .docx 文件或带文字层的 PDF（由 Word/WPS“另存为 PDF”导出的文件）"


def read_pdf(path: Path | str) -> ReportDocument:
    """The report in a PDF file; ``InputError`` (in Chinese, naming the file) when it cannot be read."""
    path = Path(path)
    src = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"无法读取 PDF 文件（{exc.strerror or exc}）", path=src) from None
    if size > MAX_PDF_BYTES:
        raise InputError(f"PDF 文件过大（{size // (1024 * 1024)} MB，上限 {MAX_PDF_BYTES // (1024 * 1024)} MB）",
                         path=src)
    lines, grids, heights, images = _extract(path) if engine() == "pdfplumber" else _extract_pdfium(path)
    text = "".join(ln.text for ln in lines) + "".join(c or "" for g in grids for r in g.rows for c in r)
    if not text.strip():
        if images:
            raise InputError(
                "这是扫描图像的 PDF（没有文字层），无法读取其中的文字；本工具不做文字识别（OCR）。" + _SCAN_HINT,
                path=src,
            )
        raise InputError("PDF 中没有可读取的文字。" + _SCAN_HINT, path=src)
    if not has_cjk(text):
        if _CID.search(text):
            raise InputError(
                "PDF 中的中文字体没有字符编码映射，文字无法提取（提取结果为“(cid:…)”）。" + _SCAN_HINT, path=src
            )
        raise InputError("PDF 中没有中文内容，不是政府信息公开工作年度报告", path=src)
    blocks, places = layout_blocks(lines, grids, heights)
    doc = build_document(blocks, block_lines(blocks), source=src, fmt="pdf")
    doc.line_places = places  # a finding says “第3页”, not the block number
    return doc


def engine() -> str:
    """``pdfium`` (default: pypdfium2 extracts, pdfplumber finds the cells) or ``pdfplumber``
    (pdfminer.six extracts too; slower, kept for comparison) — ``DRAFT_REPORT_PDF_ENGINE``."""
    return "pdfplumber" if os.environ.get(ENGINE_ENV, "").strip().lower() == "pdfplumber" else "pdfium"


def _extract_pdfium(path: Path) -> tuple[list[TextLine], list[TableGrid], dict[int, float], int]:
    from draft_report.reading.pdf_blocks import PageTooComplex
    from draft_report.reading.pdf_pdfium import extract

    try:
        lines, grids, heights, images, pages = extract(str(path), MAX_PDF_PAGES)
    except PageTooComplex as exc:
        raise InputError(str(exc), path=str(path)) from None
    except Exception:  # PDFium refused the file: let pdfminer.six try before calling it damaged
        return _extract(path)
    if pages > MAX_PDF_PAGES:
        raise InputError(f"PDF 页数过多（{pages} 页，上限 {MAX_PDF_PAGES} 页），不像一份年度报告", path=str(path))
    return lines, grids, heights, images


def _extract(path: Path) -> tuple[list[TextLine], list[TableGrid], dict[int, float], int]:
    import pdfplumber  # lazy: only when a PDF is read

    lines: list[TextLine] = []
    grids: list[TableGrid] = []
    heights: dict[int, float] = {}
    images = 0
    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = pdf.pages
            if len(pages) > MAX_PDF_PAGES:
                raise InputError(f"PDF 页数过多（{len(pages)} 页，上限 {MAX_PDF_PAGES} 页），不像一份年度报告",
                                 path=str(path))
            for number, page in enumerate(pages, start=1):
                heights[number] = float(page.height)
                images += len(page.images)
                page_lines, page_grids = page_items(page, number)
                lines += page_lines
                grids += page_grids
                page.close()  # drop the page's cached layout: memory stays flat over long files
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on a damaged or hostile file
        raise InputError(_open_error(exc), path=str(path)) from None
    return lines, grids, heights, images


def _open_error(exc: BaseException) -> str:
    from draft_report.reading.pdf_blocks import PageTooComplex

    if isinstance(exc, PageTooComplex):
        return str(exc)
    cause: Any = exc
    while getattr(cause, "__cause__", None) is not None or getattr(cause, "__context__", None) is not None:
        nxt = cause.__cause__ or cause.__context__
        if nxt is None or nxt is cause:
            break
        cause = nxt
    names = {type(exc).__name__, type(cause).__name__, str(exc)}
    if any("password" in n.lower() or "encrypt" in n.lower() for n in names):
        return "PDF 文件已加密（需要密码），无法读取；请提供未加密的 PDF 或 .docx 文件"
    return f"无法读取 PDF 文件：文件已损坏或不是 PDF（{type(cause).__name__}）。请重新导出 PDF，或另存为 .docx 后再检查"
