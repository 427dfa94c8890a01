"""The report as a Word document laid out like an official document (GB/T 9704, spec §8).

``write_docx(doc, path, findings=None)`` writes a new .docx (refuses nothing: callers decide
about overwriting); ``annotate_docx(src, findings, dst)`` writes a commented COPY of a
reviewer's file and never touches ``src``. Layout lives in ``docx_styles``, tables in
``docx_tables``, comments in ``docx_comments``.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import docx
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from draft_report.errors import InputError
from draft_report.models.document import ReportDocument
from draft_report.reading.docx import open_docx
from draft_report.rendering.docx_comments import MARKER, annotate_document
from draft_report.rendering.docx_styles import (
    FANGSONG,
    HEITI,
    KAITI,
    LATIN,
    LINE_PITCH,
    SIZE_BODY,
    SIZE_TITLE,
    STYLE_SIGNATURE,
    STYLE_TITLE,
    XIAOBIAOSONG,
    setup_document,
)
from draft_report.rendering.docx_tables import add_grid_table
from draft_report.rendering.title import title_lines
from draft_report.safety.atomic import Saver, save_with
from draft_report.safety.paths import check_output
from draft_report.sections import TABLE_SECTION
from draft_report.tables.grid import table2_grid, table3_grid, table4_grid
from draft_report.textfiles import xml_safe

_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_GRIDS = {"table2": table2_grid, "table3": table3_grid, "table4": table4_grid}
_W = nsdecls("w")
# Paragraph style ids (a style looked up by name costs a scan of styles.xml per paragraph).
_NORMAL, _HEADING = None, {1: "Heading1", 2: "Heading2", 3: "Heading3"}
_HIGHLIGHT = '<w:highlight w:val="yellow"/>'


def _rpr(font: str, size: float, extra: str = "") -> str:
    half = int(round(size * 2))
    return (
        f'<w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{font}" w:cs="{LATIN}" '
        f'w:hint="eastAsia"/><w:b w:val="0"/><w:bCs w:val="0"/><w:sz w:val="{half}"/>'
        f'<w:szCs w:val="{half}"/>{extra}</w:rPr>'
    )


def _runs(text: str, font: str, size: float) -> str:
    """Runs of ``text``; 【待核实】 markers get a yellow highlight so reviewers see them."""
    plain, marked = _rpr(font, size), _rpr(font, size, _HIGHLIGHT)
    out = []
    for part in re.split(f"({re.escape(MARKER)})", text):
        if part:
            r_pr = marked if part == MARKER else plain
            out.append(f'<w:r>{r_pr}<w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
    return "".join(out)


class _Body:
    """Paragraphs appended to a document's body as XML, parsed once at the end."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.parts: list[str] = []

    def paragraph(self, content: str, style: str | None = None, p_pr: str = "") -> None:
        style_el = f'<w:pStyle w:val="{style}"/>' if style else ""
        props = f"<w:pPr>{style_el}{p_pr}</w:pPr>" if style_el or p_pr else ""
        # characters no Word file can hold (control characters) are dropped: ``textfiles.xml_safe``
        self.parts.append(xml_safe(f"<w:p>{props}{content}</w:p>"))

    def flush(self) -> None:
        if not self.parts:
            return
        body = self.document.element.body
        holder = parse_xml(f"<w:body {_W}>{''.join(self.parts)}</w:body>")
        sect_pr = body.find(qn("w:sectPr"))
        for el in list(holder):
            if sect_pr is not None:
                sect_pr.addprevious(el)
            else:
                body.append(el)
        self.parts.clear()


def _title(body: _Body, title: str) -> None:
    lines = title_lines(title)
    r_pr = _rpr(XIAOBIAOSONG, SIZE_TITLE)
    texts = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    if MARKER in title:
        body.paragraph(_runs(title, XIAOBIAOSONG, SIZE_TITLE), STYLE_TITLE)
    else:
        body.paragraph(f"<w:r>{r_pr}{texts}</w:r>", STYLE_TITLE)


def _tables_to_draw(doc: ReportDocument) -> set[str]:
    # a drafted document carries every table; a read one only those found in the source
    if doc.tables_found:
        return set(doc.tables_found)
    return set(_GRIDS)


@functools.lru_cache(maxsize=1)
def _blank() -> bytes:
    """An empty document with page, fonts, styles and page numbers set up, as .docx bytes.

    Setting up styles through python-docx looks each one up by name in styles.xml; doing it
    once per process and reopening the result is several times faster than per report.
    """
    document = docx.Document()
    setup_document(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def blank_document() -> DocxDocument:
    """A fresh, set-up document to add the report's body to."""
    return docx.Document(io.BytesIO(_blank()))


def build_docx(doc: ReportDocument) -> DocxDocument:
    """A python-docx ``Document`` of the whole report (not saved)."""
    document = blank_document()
    body = _Body(document)
    if doc.title:
        _title(body, doc.title)
    for p in doc.preface:
        body.paragraph(_runs(p.text, FANGSONG, SIZE_BODY), _NORMAL)
    draw = _tables_to_draw(doc)
    get = doc.tables.cells().get  # every value read once, not looked up cell by cell
    table_for = {section: table for table, section in TABLE_SECTION.items()}
    for section in doc.sections:
        body.paragraph(_runs(section.heading, HEITI, SIZE_BODY), _HEADING[1])
        for p in section.paragraphs:
            if p.kind == "subheading":
                level2 = bool(_LEVEL2.match(p.text))
                font = KAITI if level2 else FANGSONG
                body.paragraph(_runs(p.text, font, SIZE_BODY), _HEADING[2 if level2 else 3])
            else:
                body.paragraph(_runs(p.text, FANGSONG, SIZE_BODY), _NORMAL)
        table = table_for.get(section.key or "")
        if table in draw:
            body.flush()
            add_grid_table(document, _GRIDS[table](get, doc.tables.layout_of(table)))
    gap = f'<w:spacing w:before="{2 * LINE_PITCH}"/>'
    if doc.signature:
        body.paragraph(_runs(doc.signature, FANGSONG, SIZE_BODY), STYLE_SIGNATURE, gap)
    if doc.date:
        date = f"{doc.date.year}年{doc.date.month}月{doc.date.day}日"
        body.paragraph(_runs(date, FANGSONG, SIZE_BODY), STYLE_SIGNATURE, "" if doc.signature else gap)
    body.flush()
    return document


def docx_saver(doc: ReportDocument, findings: Iterable[Any] | None = None) -> Saver:
    """The built .docx as a function writing it to a stream (for ``safety.atomic.FileSet``)."""
    document = build_docx(doc)
    if findings:
        annotate_document(document, findings)
    return document.save


def write_docx(doc: ReportDocument, path: Path, findings: Iterable[Any] | None = None) -> None:
    """Write ``doc`` as an official-layout .docx (atomically); ``findings`` become Word comments."""
    save_with(Path(path), docx_saver(doc, findings))


def annotate_docx(src: Path, findings: Iterable[Any], dst: Path, *, force: bool = False) -> int:
    """Write a copy of the reviewer's ``src`` with one comment per finding to ``dst``.

    ``src`` is never modified; ``dst`` must differ from it and is not overwritten unless
    ``force``. Returns the number of comments added.
    """
    src, dst = Path(src), Path(dst)
    check_output(dst, inputs=[src], where="批注副本")
    if dst.exists() and not force:
        raise InputError(f"输出文件已存在：{dst}。如需覆盖请加 --force")
    document = open_docx(src)
    placed = annotate_document(document, findings)
    from draft_report.audit import ANNOTATED_CATEGORY

    document.core_properties.category = ANNOTATED_CATEGORY  # `audit` never takes the copy for a report
    # Serialise in memory first: a damaged part that python-docx read but cannot write back
    # (fuzz case: an attribute it finds as None) is the input's fault, not a write failure, and
    # nothing half-written may reach ``dst``.
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except (TypeError, ValueError, KeyError, AttributeError, LookupError):
        raise InputError(
            f"{src}：文件内部结构已损坏，能读出正文，但无法在其副本上添加批注。"
            "请用 Word 或 WPS 打开后另存为 .docx 再试"
        ) from None
    save_with(dst, lambda stream: stream.write(buffer.getvalue()))
    return placed
