"""Checker findings as Word comments on the paragraph or table cell they concern.

A finding is placed, in order of preference, on: the table cell named by ``location.cell_id``;
the Word line named by ``location.line`` (lines as numbered by ``reading.docx_body``, i.e. as
reported when the checker read this very file); the paragraph containing
``location.excerpt``; the heading of ``location.section``; the first cell of
``location.table``; otherwise the title. Findings are duck-typed (``checking.Finding`` or a
dict with the same fields) so this module does not depend on the checker's internals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from docx.document import Document as DocxDocument
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from draft_report.reading.blocks import compact
from draft_report.reading.docx import DocxRead, parse_docx

AUTHOR = "draft-report 核对"
INITIALS = "DR"
MARKER = "【待核实】"
_TABLE_PREFIX = {
    "table2": "t2.",
    "table3": "t3.",
    "table4": "t4.",
    "表二": "t2.",
    "表三": "t3.",
    "表四": "t4.",
}


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def comment_text(finding: Any) -> str:
    """【待核实】错误：…（应为：…；报告中为：…） — the wording of ``checking.finding_text``."""
    from draft_report.checking.finding_text import finding_text

    return MARKER + finding_text(finding)


def _paragraph_runs(paragraph: DocxParagraph) -> list[Run]:
    runs = list(paragraph.runs)
    if not runs:
        runs = [paragraph.add_run()]
    return runs


def _cell_runs(cell: _Cell) -> list[Run]:
    paragraphs = cell.paragraphs or [cell.add_paragraph()]
    runs = [r for p in paragraphs for r in p.runs]
    return runs or [paragraphs[0].add_run()]


def _target(read: DocxRead, finding: Any) -> list[Run] | None:
    loc = _get(finding, "location")
    cell_id = _get(loc, "cell_id")
    if cell_id and cell_id in read.cells:
        return _cell_runs(read.cells[cell_id])
    line = _get(loc, "line")
    if isinstance(line, int) and 1 <= line <= len(read.body.lines):
        bl = read.body.lines[line - 1]
        if bl.paragraph is not None:
            return _paragraph_runs(bl.paragraph)
        if bl.row is not None and bl.row.cells:
            return _cell_runs(bl.row.cells[0])
    excerpt = compact(str(_get(loc, "excerpt") or ""))
    if excerpt:
        for probe in (excerpt, excerpt[:12]):
            for bl in read.body.lines:
                if bl.paragraph is not None and probe and probe in compact(bl.text):
                    return _paragraph_runs(bl.paragraph)
    section = _get(loc, "section")
    if section and section in read.section_lines:
        bl = read.body.lines[read.section_lines[section] - 1]
        if bl.paragraph is not None:
            return _paragraph_runs(bl.paragraph)
    prefix = _TABLE_PREFIX.get(str(_get(loc, "table") or ""))
    if prefix:
        for cid, cell in read.cells.items():
            if cid.startswith(prefix):
                return _cell_runs(cell)
    for bl in read.body.lines:
        if bl.paragraph is not None:
            return _paragraph_runs(bl.paragraph)
    return None


def annotate_document(document: DocxDocument, findings: Iterable[Any], read: DocxRead | None = None) -> int:
    """Add one comment per finding; return how many were placed."""
    findings = list(findings)
    if not findings:
        return 0
    read = read or parse_docx(document)
    placed = 0
    for finding in findings:
        runs = _target(read, finding)
        if runs is None:
            continue
        document.add_comment(runs, text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        placed += 1
    return placed
