"""Walk a Word document's body in order: paragraphs and table rows as numbered lines.

Tracked changes are read as accepted (inserted text kept, deleted text dropped). A merged
cell is read once per row: python-docx returns the same cell for every grid position it
covers, and positions are de-duplicated by the underlying ``w:tc`` element. Line numbers count the
non-empty paragraphs and table rows (1-based) and are what docx findings point at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from draft_report.reading.docx_numbering import Numbering, load_numbering
from draft_report.records import dataclass

_SKIP = {qn("w:del"), qn("w:moveFrom"), qn("w:delText"), qn("w:instrText")}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def element_text(el: etree._Element) -> str:
    """Visible text of a paragraph (or any element), tracked changes accepted."""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == _MC_FALLBACK:
                continue
            if tag == qn("w:t"):
                out.append(child.text or "")
            elif tag == qn("w:tab"):
                out.append("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                out.append("\n")
            elif tag == qn("w:tbl"):
                continue  # nested tables are read as their own cells, not as paragraph text
            else:
                walk(child)

    walk(el)
    return "".join(out)


def _paragraph_text(p: etree._Element, numbering: Numbering | None) -> str:
    label = numbering.label(p) if numbering is not None else ""
    return label + element_text(p)


def cell_text(cell: _Cell, numbering: Numbering | None = None) -> str:
    return "\n".join(_paragraph_text(p, numbering) for p in cell._tc.iterchildren(qn("w:p"))).strip()


@dataclass
class RowLine:
    table_index: int
    row_index: int
    cells: list[_Cell]  # unique cells of the row, left to right
    texts: list[str]


@dataclass
class BodyLine:
    """One line: a non-empty paragraph or one table row."""

    line: int
    text: str
    paragraph: DocxParagraph | None = None
    row: RowLine | None = None


@dataclass
class Body:
    lines: list[BodyLine] = field(default_factory=list)
    tables: list[list[RowLine]] = field(default_factory=list)


def _unique_cells(row_cells: list[_Cell]) -> list[_Cell]:
    seen: set[int] = set()
    out: list[_Cell] = []
    for cell in row_cells:
        key = id(cell._tc)
        if key not in seen:
            seen.add(key)
            out.append(cell)
    return out


def _row_cells(table: Table, index: int) -> list[_Cell]:
    row = table.rows[index]
    try:
        cells = list(row.cells)
    except (IndexError, ValueError):  # malformed spans: fall back to the row's own w:tc
        cells = [_Cell(tc, table) for tc in row._tr.tc_lst]
    # python-docx gives a vertically merged position the cell at the top of the merge, so a
    # row keeps its full label ("三、本年度办理结果 （三）不予公开 1.属于国家秘密")
    return _unique_cells(cells)


def _blocks(parent: etree._Element) -> Iterator[etree._Element]:
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


def walk_body(document: DocxDocument) -> Body:
    body = Body()
    parent = document._body
    numbering = load_numbering(document)
    for el in _blocks(document.element.body):
        if el.tag == qn("w:p"):
            text = _paragraph_text(el, numbering)
            if not text.strip():
                continue
            body.lines.append(BodyLine(len(body.lines) + 1, text, paragraph=DocxParagraph(el, parent)))
            continue
        table = Table(el, parent)
        t_index = len(body.tables)
        rows: list[RowLine] = []
        seen: dict[etree._Element, str] = {}  # a vertically merged cell is read (and numbered) once
        for r in range(len(table.rows)):
            cells = _row_cells(table, r)
            texts = []
            for c in cells:
                if c._tc not in seen:
                    seen[c._tc] = cell_text(c, numbering)
                texts.append(seen[c._tc])
            row = RowLine(t_index, r, cells, texts)
            rows.append(row)
            line_text = "\t".join(t.replace("\n", "") for t in texts)
            body.lines.append(BodyLine(len(body.lines) + 1, line_text, row=row))
        body.tables.append(rows)
    return body
