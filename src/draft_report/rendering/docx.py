"""The report as a Word document laid out like an official document (GB/T 9704, spec §8).

``write_docx(doc, path, findings=None)`` writes a new .docx (refuses nothing: callers decide
about overwriting); ``annotate_docx(src, findings, dst)`` writes a commented COPY of a
reviewer's file and never touches ``src``. Layout lives in ``docx_styles``, tables in
``docx_tables``, comments in ``docx_comments``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from draft_report.errors import InputError
from draft_report.models.document import ReportDocument
from draft_report.reading.docx import open_docx
from draft_report.rendering.docx_comments import MARKER, annotate_document
from draft_report.rendering.docx_styles import (
    FANGSONG,
    HEITI,
    KAITI,
    LINE_PITCH,
    SIZE_BODY,
    SIZE_TITLE,
    STYLE_SIGNATURE,
    STYLE_TITLE,
    XIAOBIAOSONG,
    setup_document,
    style_run,
)
from draft_report.rendering.docx_tables import add_grid_table
from draft_report.safety.atomic import Saver, save_with
from draft_report.safety.paths import check_output
from draft_report.sections import REPORT_TITLE_SUFFIX, TABLE_SECTION
from draft_report.tables.grid import table2_grid, table3_grid, table4_grid
from draft_report.textfiles import xml_safe

_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_TITLE_CHARS_PER_LINE = 20  # 156 mm / 22 pt
_GRIDS = {"table2": table2_grid, "table3": table3_grid, "table4": table4_grid}


def _add_text(paragraph: DocxParagraph, text: str, font: str, size: float) -> None:
    """Runs of ``text``; 【待核实】 markers get a yellow highlight so reviewers see them.
    Characters no Word file can hold (control characters) are dropped (``textfiles.xml_safe``)."""
    for part in re.split(f"({re.escape(MARKER)})", xml_safe(text)):
        if not part:
            continue
        run = paragraph.add_run(part)
        style_run(run, font, size)
        if part == MARKER:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def title_lines(title: str) -> list[str]:
    """Break a long title before 政府信息公开工作年度报告 (a whole-word, top-heavy break)."""
    if len(title) <= _TITLE_CHARS_PER_LINE:
        return [title]
    suffix = REPORT_TITLE_SUFFIX
    if title.endswith(suffix) and len(title) > len(suffix):
        return [title[: -len(suffix)], suffix]
    return [title]


def _title(document: DocxDocument, title: str) -> None:
    paragraph = document.add_paragraph(style=STYLE_TITLE)
    for i, line in enumerate(title_lines(title)):
        if i:
            br = paragraph.add_run()
            style_run(br, XIAOBIAOSONG, SIZE_TITLE)
            br.add_break()
        _add_text(paragraph, line, XIAOBIAOSONG, SIZE_TITLE)


def _body(document: DocxDocument, text: str) -> None:
    _add_text(document.add_paragraph(style="Normal"), text, FANGSONG, SIZE_BODY)


def _subheading(document: DocxDocument, text: str) -> None:
    level2 = bool(_LEVEL2.match(text))
    paragraph = document.add_paragraph(style="Heading 2" if level2 else "Heading 3")
    _add_text(paragraph, text, KAITI if level2 else FANGSONG, SIZE_BODY)


def _tables_to_draw(doc: ReportDocument) -> set[str]:
    # a drafted document carries every table; a read one only those found in the source
    if doc.tables_found:
        return set(doc.tables_found)
    return set(_GRIDS)


def _space_before(paragraph: DocxParagraph, twips: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    spacing = p_pr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        p_pr.append(spacing)
    spacing.set(qn("w:before"), str(twips))


def build_docx(doc: ReportDocument) -> DocxDocument:
    """A python-docx ``Document`` of the whole report (not saved)."""
    document = docx.Document()
    setup_document(document)
    if doc.title:
        _title(document, doc.title)
    for p in doc.preface:
        _body(document, p.text)
    draw = _tables_to_draw(doc)
    table_for = {section: table for table, section in TABLE_SECTION.items()}
    for section in doc.sections:
        heading = document.add_paragraph(style="Heading 1")
        _add_text(heading, section.heading, HEITI, SIZE_BODY)
        for p in section.paragraphs:
            if p.kind == "subheading":
                _subheading(document, p.text)
            else:
                _body(document, p.text)
        table = table_for.get(section.key or "")
        if table in draw:
            add_grid_table(document, _GRIDS[table](doc.tables.get))
    if doc.signature:
        sig = document.add_paragraph(style=STYLE_SIGNATURE)
        _space_before(sig, 2 * LINE_PITCH)
        _add_text(sig, doc.signature, FANGSONG, SIZE_BODY)
    if doc.date:
        date = document.add_paragraph(style=STYLE_SIGNATURE)
        if not doc.signature:
            _space_before(date, 2 * LINE_PITCH)
        _add_text(date, f"{doc.date.year}年{doc.date.month}月{doc.date.day}日", FANGSONG, SIZE_BODY)
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
    save_with(dst, document.save)
    return placed
