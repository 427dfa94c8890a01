"""Checker findings as Word comments on the paragraph or table cell they concern.

A finding is placed, in order of preference, on: the table cell named by ``location.cell_id``;
the Word line named by ``location.line`` (lines as numbered by ``reading.docx_body``, i.e. as
reported when the checker read this very file); the paragraph containing
``location.excerpt``; the heading of ``location.section``; the first cell of
``location.table``; otherwise the title. Findings are duck-typed (``checking.Finding`` or a
dict with the same fields) so this module does not depend on the checker's internals.

In a paragraph, a finding about a number (``actual`` set) is anchored on that number itself
(“66条”, “十九件”): the quantity whose value is ``actual`` — inside the quoted sentence when
there is one — is found with ``lexicon.numerals`` and the runs around it are split so the
comment covers exactly its text. When no such number is found the comment covers the paragraph.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from draft_report.lexicon.numerals import Quantity, find_quantities
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


_QUOTED = re.compile(r"“([^”]{1,40})”")


def _number(value: Any) -> float | None:
    try:
        return float(str(value).replace(",", ""))
    except (TypeError, ValueError):
        return None


def _pick_quantity(text: str, finding: Any) -> Quantity | None:
    """The number in ``text`` the finding is about: its value is ``actual``; inside the quoted
    sentence if that is in ``text``; the one the message quotes (“66条”) if there are several."""
    actual = _number(_get(finding, "actual"))
    if actual is None:
        return None
    candidates = [q for q in find_quantities(text) if q.value == actual]
    if not candidates:
        return None
    excerpt = str(_get(_get(finding, "location"), "excerpt") or "")
    at = text.find(excerpt) if excerpt else -1
    if at >= 0:
        inside = [q for q in candidates if at <= q.start < at + len(excerpt)]
        candidates = inside or candidates
    quoted = set(_QUOTED.findall(str(_get(finding, "message") or "")))
    named = [q for q in candidates if q.raw in quoted]
    return (named or candidates)[0]


def _plain_text_run(run: Run) -> bool:
    """A run holding only its properties and one ``w:t`` (so it can be split by offset)."""
    kids = [el for el in run._r if el.tag != qn("w:rPr")]
    return len(kids) == 1 and kids[0].tag == qn("w:t")


def _split_run(run: Run, at: int) -> Run:
    """Split ``run`` at character ``at``; return the new run holding the text from ``at`` on."""
    text = run.text
    r = run._r
    tail = copy.deepcopy(r)
    r.addnext(tail)
    for el, part in ((r, text[:at]), (tail, text[at:])):
        t = el.find(qn("w:t"))
        t.text = part
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return Run(tail, run._parent)


def _anchor_on_number(runs: list[Run], finding: Any) -> list[Run]:
    """The runs covering exactly the number the finding is about (splitting runs as needed);
    ``runs`` unchanged when the number is not found or sits in runs that cannot be split."""
    text = "".join(r.text for r in runs)
    quantity = _pick_quantity(text, finding)
    if quantity is None:
        return runs
    start, end = quantity.start, quantity.end
    out: list[Run] = []
    offset = 0
    for run in runs:
        length = len(run.text)
        lo, hi = offset, offset + length
        offset = hi
        if hi <= start or lo >= end or length == 0:
            continue
        if not _plain_text_run(run):
            out.append(run)
            continue
        if lo < start:
            run = _split_run(run, start - lo)
            lo = start
        if hi > end:
            _split_run(run, end - lo)
        out.append(run)
    return out or runs


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
        if _get(_get(finding, "location"), "cell_id") is None:
            runs = _anchor_on_number(runs, finding)
        document.add_comment(runs, text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        placed += 1
    return placed
