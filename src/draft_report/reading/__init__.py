"""Read a report in any format into the same ``ReportDocument``.

``read_report(path)`` dispatches on the file suffix: .md/.markdown → Markdown, .txt/.text →
plain text, .html/.htm → HTML, .docx → ``reading.docx.read_docx`` (imported lazily). Each
front end turns its source into blocks (``reading.blocks``); one core
(``reading.assemble``) finds sections and reads the tables, so the checker never knows
where a report came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, TypeVar

from draft_report.errors import InputError
from draft_report.limits import MAX_REPORT_PARAGRAPHS, check_limit
from draft_report.models.document import ReportDocument
from draft_report.reading.assemble import build_document
from draft_report.reading.blocks import has_cjk
from draft_report.reading.files import read_source_text, split_lines, unsupported_format
from draft_report.reading.text_blocks import text_blocks

Format = Literal["text", "markdown", "html"]
_T = TypeVar("_T")

_SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

__all__ = ["read_html", "read_markdown", "read_report", "read_text"]


def read_text(text: str, *, source: str | None = None, fmt: Format = "text") -> ReportDocument:
    """Read a report held in a string (``fmt``: text, markdown or html)."""
    if fmt == "markdown":
        return read_markdown(text, source=source)
    if fmt == "html":
        return read_html(text, source=source)
    lines = _bounded(split_lines(text), source)
    return build_document(text_blocks(lines), lines, source=source, fmt="text")


def _bounded(items: list[_T], source: str | None, what: str = "报告的行数") -> list[_T]:
    check_limit(len(items), MAX_REPORT_PARAGRAPHS, what, unit="行", path=source)
    return items


def read_markdown(text: str, *, source: str | None = None) -> ReportDocument:
    from draft_report.reading.markdown_blocks import markdown_blocks  # lazy: not for a plain-text report

    lines = _bounded(split_lines(text), source)
    return build_document(markdown_blocks(lines), lines, source=source, fmt="markdown")


def read_html(text: str, *, source: str | None = None) -> ReportDocument:
    """Read an HTML page.

    ``lines`` are the source lines with their tags removed and line numbers are HTML source
    lines — unless the page is minified into a few long lines: then ``lines`` are the page's
    text lines (one per paragraph or table row) and line numbers count those.
    """
    from draft_report.reading.html_blocks import html_blocks, renumber, strip_tags  # lazy: not for plain text

    lines = [strip_tags(x) for x in _bounded(split_lines(text), source)]
    try:
        blocks = html_blocks(text)
    except (ValueError, TypeError, RecursionError):  # lxml refuses the document
        raise InputError("无法解析 HTML：文件内容不是有效的网页（或结构嵌套过深）", path=source) from None
    _bounded(blocks, source, "报告的段落和表格行数")
    if len(lines) * 3 < len(blocks):
        lines = renumber(blocks)
    return build_document(blocks, lines, source=source, fmt="html")


def _sniff(text: str) -> str:
    head = text[:2000].lower()
    return "html" if ("<html" in head or "<table" in head or "<body" in head) else "text"


def read_report(path: Path | str) -> ReportDocument:
    """Read a report file of any supported format; InputError when it cannot be read at all."""
    path = Path(path)
    suffix = path.suffix.lower()
    unsupported = unsupported_format(path)
    if unsupported is not None:
        raise InputError(unsupported, path=str(path))
    fmt = _SUFFIXES.get(suffix)
    if fmt == "docx":
        from draft_report.reading.docx import read_docx  # lazy: python-docx only when needed

        return read_docx(path)
    if fmt == "pdf":
        from draft_report.reading.pdf import read_pdf  # lazy: pdfplumber only when needed

        return read_pdf(path)
    text = read_source_text(path)
    if fmt is None:
        fmt = _sniff(text)
    if not has_cjk(text):
        raise InputError("文件中没有中文内容，不是政府信息公开工作年度报告", path=str(path))
    return read_text(text, source=str(path), fmt=fmt)  # type: ignore[arg-type]
