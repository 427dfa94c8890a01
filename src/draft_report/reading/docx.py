"""Read a Word (.docx) report into the same ``ReportDocument`` every reader returns.

``read_docx(path)`` walks the body in order (``docx_body``: tracked changes accepted, merged
cells read once), turns paragraphs and table rows into the blocks every reader shares
(``reading.blocks``) and lets the one core (``reading.assemble``) find the title, sections,
tables, signature and date. ``parse_docx`` also returns where every line and table cell
lives in the Word file, which ``rendering.docx_comments`` uses to attach findings.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.table import _Cell

from draft_report.errors import InputError
from draft_report.models.document import ReportDocument
from draft_report.reading.assemble import build_document
from draft_report.reading.blocks import Block, para, row
from draft_report.reading.docx_body import Body, walk_body
from draft_report.reading.docx_guard import check_body, check_package, translate_open_error
from draft_report.reading.docx_places import line_places
from draft_report.reading.docx_tables import locate_cells
from draft_report.records import dataclass


@dataclass
class DocxRead:
    """The report read from a Word file, and where its lines and table cells are in that file."""

    document: ReportDocument
    body: Body
    cells: dict[str, _Cell] = field(default_factory=dict)  # cell id → Word cell holding its value
    section_lines: dict[str, int] = field(default_factory=dict)  # section key → heading line


def body_blocks(body: Body) -> list[Block]:
    """Word lines as the shared reader's blocks: a paragraph (split at manual line breaks) or a row."""
    blocks: list[Block] = []
    for bl in body.lines:
        if bl.row is not None:
            blocks.append(row(list(bl.row.texts), [bl.line] * len(bl.row.texts), bl.text))
            continue
        for part in bl.text.split("\n"):
            if part.strip():
                blocks.append(para(bl.line, part.strip(), bl.text))
    return blocks


def parse_docx(document: DocxDocument, *, source: str | None = None) -> DocxRead:
    body = walk_body(document)
    doc = build_document(body_blocks(body), [bl.text for bl in body.lines], source=source, fmt="docx")
    sections: dict[str, int] = {}
    for s in doc.sections:
        if s.key is not None and s.line is not None:
            sections.setdefault(s.key, s.line)
    doc.line_places = line_places(body, doc.cell_lines)
    return DocxRead(doc, body, locate_cells(doc, body), sections)


def open_docx(path: Path) -> DocxDocument:
    """Open a .docx or raise ``InputError`` in Chinese naming the file; hostile packages and
    bodies are refused first (``docx_guard``)."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise InputError(f"找不到 Word 文件：{path}")
    check_package(path)
    try:
        document = docx.Document(str(path))
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure to parse an untrusted package is the file's fault
        raise translate_open_error(exc, path) from None
    check_body(document, path)
    return document


def read_docx(path: Path) -> ReportDocument:
    """Paragraphs and tables of a .docx in body order → ``ReportDocument``."""
    path = Path(path)
    return parse_docx(open_docx(path), source=str(path)).document


__all__ = ["DocxRead", "body_blocks", "open_docx", "parse_docx", "read_docx"]
