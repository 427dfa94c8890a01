"""Walk a Word document's body in order: paragraphs and table rows as numbered lines.

Tracked changes are read as accepted (inserted text kept, deleted text dropped). A merged
cell is read once per row: python-docx returns the same cell for every grid position it
covers, and positions are de-duplicated by the underlying ``w:tc`` element. Line numbers count the
non-empty paragraphs and table rows (1-based) and are what docx findings point at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from draft_report.reading.docx_numbering import Numbering, load_numbering
from draft_report.records import dataclass

_SKIP = {qn("w:del"), qn("w:moveFrom"), qn("w:delText"), qn("w:instrText")}
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_T, _TAB, _TBL, _P, _TC = qn("w:t"), qn("w:tab"), qn("w:tbl"), qn("w:p"), qn("w:tc")
_BREAKS = (qn("w:br"), qn("w:cr"))


def element_text(el: etree._Element) -> str:
    """Visible text of a paragraph (or any element), tracked changes accepted."""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP or tag == _MC_FALLBACK:
                continue
            if tag == _T:
                out.append(child.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag in _BREAKS:
                out.append("\n")
            elif tag == _TBL:
                continue  # nested tables are read as their own cells, not as paragraph text
            else:
                walk(child)

    walk(el)
    return "".join(out)


def _paragraph_text(p: etree._Element, numbering: Numbering | None) -> str:
    label = numbering.label(p) if numbering is not None else ""
    return label + element_text(p)


def cell_text(cell: _Cell, numbering: Numbering | None = None) -> str:
    return "\n".join(_paragraph_text(p, numbering) for p in cell._tc.iterchildren(_P)).strip()


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


class _MergeRoots:
    """The ``w:tc`` whose content each cell of a table shows: python-docx's ``_Row.cells``
    without its per-cell XPath searches.

    python-docx resolves a cell continuing a vertical merge (``w:vMerge`` without ``restart``) to
    the ``w:tc`` at the same grid offset in the row above, recursively, with two XPath queries per
    step (the row above, the cell's offset); on a table with a tall merged label column that was
    most of the time of reading a Word report. Here the rows are indexed once and each resolved
    cell is remembered, so a merge of any height costs one step per row. Everything else is
    python-docx's own (``grid_span``, ``grid_before``, ``tc_at_grid_offset``), evaluated in the
    same order, so the same malformed spans raise the same errors (``tests/test_docx_read.py``
    compares both on damaged and real documents)."""

    def __init__(self, trs: list[Any]) -> None:
        self._trs = trs
        # keyed by the elements themselves (as ``seen`` in walk_body): a dict key keeps lxml's
        # proxy alive, so the element found again through the tree is the same object
        self._above: dict[Any, Any] = {tr: trs[i - 1] if i else None for i, tr in enumerate(trs)}
        self._root: dict[Any, Any] = {}

    def _resolved(self, tc: Any) -> Any:
        """The tc holding the content shown at ``tc`` (itself unless it continues a merge)."""
        if tc.vMerge != "continue":
            return tc
        done = self._root.get(tc)
        if done is not None:
            return done
        tr = tc.getparent()
        above = self._above.get(tr) if tr is not None else None
        if above is None:
            raise ValueError("no tr above topmost tr in w:tbl")
        offset = tr.grid_before + sum(t.grid_span for t in tc.itersiblings(_TC, preceding=True))
        root = self._resolved(above.tc_at_grid_offset(offset))
        self._root[tc] = root
        return root

    def cells(self, table: Table, index: int) -> list[_Cell]:
        """``table.rows[index].cells``: one ``_Cell`` per grid position (a spanning cell repeated)."""
        out: list[_Cell] = []
        for tc in self._trs[index].tc_lst:
            root = self._resolved(tc)
            cell = _Cell(root, table)
            out.extend(cell for _ in range(root.grid_span))
        return out


def _row_cells(table: Table, index: int, roots: _MergeRoots | None = None) -> list[_Cell]:
    try:
        cells = roots.cells(table, index) if roots is not None else list(table.rows[index].cells)
    except (IndexError, ValueError):  # malformed spans: fall back to the row's own w:tc
        cells = [_Cell(tc, table) for tc in table.rows[index]._tr.tc_lst]
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
        trs = list(table._tbl.tr_lst)
        roots = _MergeRoots(trs)
        for r in range(len(trs)):
            cells = _row_cells(table, r, roots)
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
