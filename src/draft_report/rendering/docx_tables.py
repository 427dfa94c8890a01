"""表二/表三/表四 as Word tables, drawn from ``tables.grid`` (merged headers via ``cell.merge``).

Table text is 宋体 五号 (表二) or 小五 (表三/表四, which have 10 and 15 columns), single line
spacing, no first-line indent and not snapped to the body's 28.95 pt grid, so rows stay compact.
The grid's header rows repeat on page breaks (``w:tblHeader``), rows never split across pages,
every cell has a border, and the fixed column widths add up to the 156 mm text block.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Twips
from docx.table import Table, _Cell

from draft_report.rendering.docx_styles import (
    SIZE_TABLE,
    SIZE_TABLE_SMALL,
    SONGTI,
    STYLE_TABLE_HEADER,
    STYLE_TABLE_TEXT,
    TEXT_WIDTH,
    child,
    put,
    style_run,
)
from draft_report.tables.grid import Grid, GridCell

CELL_MARGIN = 57  # 1 mm left/right padding inside cells


def column_widths(grid: Grid) -> list[int]:
    """Twips per grid column, summing to the text block width."""
    if grid.table == "table2":
        labels = [2845]
    elif grid.table == "table3":
        labels = [620, 1160, 2485]  # 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密
    else:
        labels = []
    n = grid.width - len(labels)
    widths = labels + [(TEXT_WIDTH - sum(labels)) // n] * n
    widths[-1] += TEXT_WIDTH - sum(widths)
    return widths


def _borders(tag: str, edges: tuple[str, ...]) -> BaseOxmlElement:
    """``w:tblBorders`` / ``w:tcBorders`` with a thin black single line on ``edges``."""
    borders = OxmlElement(tag)
    for edge in edges:
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    return borders


def _set_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    put(tbl_pr, _borders("w:tblBorders", ("top", "left", "bottom", "right", "insideH", "insideV")))
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", 0), ("left", CELL_MARGIN), ("bottom", 0), ("right", CELL_MARGIN)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(width))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    put(tbl_pr, margins)


def _cell_borders(cell: _Cell) -> None:
    put(cell._tc.get_or_add_tcPr(), _borders("w:tcBorders", ("top", "left", "bottom", "right")))


def _fixed_layout(table: Table, widths: list[int]) -> None:
    tbl_pr = table._tbl.tblPr
    tbl_w = child(tbl_pr, "w:tblW")
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    table.autofit = False  # python-docx writes w:tblLayout w:type="fixed"
    for col, width in zip(table.columns, widths, strict=True):
        col.width = Twips(width)
    for row in table.rows:
        for idx, cell in enumerate(row.cells):
            cell.width = Twips(widths[idx])


def _mark_header_row(table: Table, index: int) -> None:
    tr_pr = table.rows[index]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    tr_pr.append(el)


def _no_split(table: Table) -> None:
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))


def _fill(cell: _Cell, gc: GridCell, *, size: float, bold: bool, align: WD_ALIGN_PARAGRAPH) -> None:
    paragraph = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph._p.style = STYLE_TABLE_HEADER if bold else STYLE_TABLE_TEXT  # style ids (a name lookup is slow)
    paragraph.alignment = align
    run = paragraph.add_run(gc.text)
    style_run(run, SONGTI, size, bold=bold)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def add_grid_table(document: DocxDocument, grid: Grid) -> tuple[Table, dict[str, _Cell]]:
    """Append ``grid`` as a Word table; return it and the map cell id → Word cell."""
    n_rows = len(grid.rows)
    table = document.add_table(rows=n_rows, cols=grid.width)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = column_widths(grid)
    _set_borders(table)
    _fixed_layout(table, widths)
    size = SIZE_TABLE if grid.table == "table2" else SIZE_TABLE_SMALL

    placed: list[tuple[int, int, GridCell]] = []
    occupied: set[tuple[int, int]] = set()
    for r, row in enumerate(grid.rows):
        c = 0
        for gc in row:
            while (r, c) in occupied:
                c += 1
            placed.append((r, c, gc))
            for dr in range(gc.rowspan):
                for dc in range(gc.colspan):
                    occupied.add((r + dr, c + dc))
            c += gc.colspan

    # every cell fetched once before merging: table.cell() re-reads the whole grid on each call,
    # and merging only removes cells inside the merged areas, which are never used again
    matrix = [list(row.cells) for row in table.rows]
    cells: dict[str, _Cell] = {}
    for r, c, gc in placed:
        cell = matrix[r][c]
        if gc.rowspan > 1 or gc.colspan > 1:
            cell = cell.merge(matrix[r + gc.rowspan - 1][c + gc.colspan - 1])
        is_head_row = r < grid.header_rows or all(g.cell_id is None for g in grid.rows[r])
        row_label = grid.table == "table3" and not is_head_row and gc.cell_id is None and gc.rowspan == 1
        align = WD_ALIGN_PARAGRAPH.LEFT if row_label else WD_ALIGN_PARAGRAPH.CENTER
        _fill(cell, gc, size=size, bold=is_head_row, align=align)
        if is_head_row:  # a header row never ends a page
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
        if gc.cell_id is not None:
            cells[gc.cell_id] = cell

    for tc in table._tbl.iter(qn("w:tc")):  # merged-away cells keep an empty paragraph: make it compact
        for p in tc.iter(qn("w:p")):
            if p.pPr is None or p.pPr.pStyle is None:
                p.style = STYLE_TABLE_TEXT
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                _cell_borders(cell)
    for i in range(grid.header_rows):
        _mark_header_row(table, i)
    _no_split(table)
    return table, cells
