"""表二/表三/表四 as Word tables, drawn from ``tables.grid`` and written as WordprocessingML.

Each table is built as one XML string and parsed once: merged cells are written directly as
``w:gridSpan`` / ``w:vMerge`` (python-docx's ``cell.merge`` re-reads the whole grid on every
call and was 72 % of the time spent writing a report), paragraph styles are given by id and
run properties are one prepared fragment per kind of cell.

Table text is 宋体 五号 (表二) or 小五 (表三/表四, which have 10 and 15 columns), single line
spacing, no first-line indent and not snapped to the body's 28.95 pt grid, so rows stay compact.
Rows never split across pages; the grid's header rows repeat on page breaks (``w:tblHeader``);
表二, which has no header row of its own, is kept on one page (every row keeps with the next).
Every cell has a border and the fixed column widths add up to the 156 mm text block.

表三's columns are sized so every header word stays whole at 小五 (9 pt = 180 twips a
character): the applicant columns are four characters wide, so “社会公益组织” and
“法律服务机构” break only between words (社会公益 / 组织); the category column breaks after
“（三）”; “三、本年度办理结果” is printed vertically as in the official table.
"""

from __future__ import annotations

import functools
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.table import Table

from draft_report.rendering.docx_styles import (
    LATIN,
    SIZE_TABLE,
    SIZE_TABLE_SMALL,
    SONGTI,
    STYLE_TABLE_HEADER,
    STYLE_TABLE_TEXT,
    TEXT_WIDTH,
)
from draft_report.tables import layout as L
from draft_report.tables.grid import Grid, GridCell

CELL_MARGIN = 57  # 1 mm left/right padding inside cells
CHAR_SMALL = int(SIZE_TABLE_SMALL * 20)  # one 小五 character: 180 twips
_SLACK = 30  # rounding room so a line of exactly n characters never wraps


def chars_wide(n: int, char: int = CHAR_SMALL) -> int:
    """Twips of a column that holds ``n`` characters on a line (cell padding included)."""
    return n * char + 2 * CELL_MARGIN + _SLACK


# 表三: the vertical 办理结果 label (one character), the category column (“（三）” / “不予公开”:
# four characters), then the row labels take what is left.
T3_RESULTS_COLUMN = chars_wide(1) + 90
T3_CATEGORY_COLUMN = chars_wide(4)
# Characters per line in each applicant column: 自然人 3; 商业企业, 科研机构 4; 社会公益组织 and
# 法律服务机构 break after four characters, at the word boundary; 其他 and 总计 2.
_T3_COLUMN_CHARS = {"np": 3, "oth": 2, "total": 2}
T3_VERTICAL = {L.T3_RESULTS_LABEL}


def _t3_data_width(column_id: str) -> int:
    return chars_wide(_T3_COLUMN_CHARS.get(column_id, 4))


def column_widths(grid: Grid) -> list[int]:
    """Twips per grid column, summing to the text block width."""
    if grid.table == "table2":
        widths = [2845]
        n = grid.width - 1
        widths += [(TEXT_WIDTH - 2845) // n] * n
    elif grid.table == "table3":
        data = [_t3_data_width(c.id) for c in L.T3_COLUMNS]
        labels = TEXT_WIDTH - sum(data) - T3_RESULTS_COLUMN - T3_CATEGORY_COLUMN
        widths = [T3_RESULTS_COLUMN, T3_CATEGORY_COLUMN, labels, *data]
    else:
        widths = [TEXT_WIDTH // grid.width] * grid.width
    widths[-1] += TEXT_WIDTH - sum(widths)
    return widths


def _border_xml(tag: str, edges: tuple[str, ...]) -> str:
    inner = "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>' for e in edges)
    return f"<w:{tag}>{inner}</w:{tag}>"


_TBL_BORDERS = _border_xml("tblBorders", ("top", "left", "bottom", "right", "insideH", "insideV"))
_TC_BORDERS = _border_xml("tcBorders", ("top", "left", "bottom", "right"))
_CELL_MARGINS = (
    "<w:tblCellMar>"
    f'<w:top w:w="0" w:type="dxa"/><w:left w:w="{CELL_MARGIN}" w:type="dxa"/>'
    f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
    "</w:tblCellMar>"
)


def _run_properties(size: float, *, bold: bool) -> str:
    half_points = int(round(size * 2))
    b = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    return (
        f'<w:rPr><w:rFonts w:ascii="{LATIN}" w:hAnsi="{LATIN}" w:eastAsia="{SONGTI}" w:cs="{LATIN}" '
        f'w:hint="eastAsia"/>{b}<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    )


def _paragraph(text: str, *, r_pr: str, style: str, align: str, keep_next: bool) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    p_pr = f'<w:pPr><w:pStyle w:val="{style}"/>{keep}<w:jc w:val="{align}"/></w:pPr>'
    if not text:
        return f"<w:p>{p_pr}</w:p>"
    parts = text.split("\n")
    runs = "<w:r>" + r_pr + "<w:br/>".join(f'<w:t xml:space="preserve">{escape(t)}</w:t>' for t in parts) + "</w:r>"
    return f"<w:p>{p_pr}{runs}</w:p>"


def _cell(
    width: int,
    *,
    span: int,
    merge: str | None,
    content: str,
    vertical: bool = False,
) -> str:
    tc_pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tc_pr += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        tc_pr += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        tc_pr += "<w:vMerge/>"
    tc_pr += _TC_BORDERS
    if vertical:
        tc_pr += '<w:textDirection w:val="tbRlV"/>'
    tc_pr += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{tc_pr}</w:tcPr>{content}</w:tc>"


def _width(text: str) -> float:
    """Printed width in characters: Chinese characters 1, digits and Latin letters ½."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _break_points(text: str) -> list[int]:
    """Where a label may break: after “）”, “，” or “、”, before “（”."""
    points = [i + 1 for i, ch in enumerate(text[:-1]) if ch in "）)，、"]
    points += [i for i, ch in enumerate(text) if ch in "（(" and i > 0]
    return sorted(set(points))


def break_label(text: str, per_line: float) -> str:
    """``text`` with one line break at a phrase boundary when it does not fit ``per_line`` characters.

    Among the boundaries where both lines fit, the most even split wins; when none fits, the
    viewer wraps the text itself.
    """
    if "\n" in text or _width(text) <= per_line:
        return text
    fitting = [
        (max(_width(text[:i]), _width(text[i:])), i)
        for i in _break_points(text)
        if _width(text[:i]) <= per_line and _width(text[i:]) <= per_line
    ]
    if not fitting:
        return text
    _, at = min(fitting)
    return f"{text[:at]}\n{text[at:]}"


def _display_text(grid: Grid, gc: GridCell, width: int) -> str:
    """Cell text as printed: 表三's long labels break at a phrase boundary (“（三）” / “不予公开”)."""
    if grid.table != "table3" or gc.cell_id is not None or gc.text in T3_VERTICAL:
        return gc.text
    per_line = (width - 2 * CELL_MARGIN - _SLACK) / CHAR_SMALL
    return break_label(gc.text, per_line)


_GAP = GridCell("")
Slot = tuple[int, int | None, int]  # column, index of the grid cell in its row (None: continuation), span


def _place(grid: Grid) -> list[list[tuple[int, GridCell | None, int]]]:
    """Per row, the cells in column order: (column, grid cell or None for a merge continuation, span)."""
    shape = tuple(tuple((c.rowspan, c.colspan) for c in row) for row in grid.rows)
    slots = _slots(shape, grid.width)
    return [
        [(c, None if i is None else (_GAP if i < 0 else grid.rows[r][i]), span) for c, i, span in row]
        for r, row in enumerate(slots)
    ]


@functools.lru_cache(maxsize=16)
def _slots(shape: tuple[tuple[tuple[int, int], ...], ...], width: int) -> list[list[Slot]]:
    """Where each cell of a grid of this shape goes (the three tables' shapes never change: cached)."""
    starts: dict[tuple[int, int], tuple[int, int]] = {}  # (row, column) → (index in row, colspan)
    below: dict[tuple[int, int], int] = {}  # rows covered by a vertical merge: (row, column) → colspan
    occupied: set[tuple[int, int]] = set()
    for r, row in enumerate(shape):
        c = 0
        for i, (rowspan, colspan) in enumerate(row):
            while (r, c) in occupied:
                c += 1
            starts[(r, c)] = (i, colspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied.add((r + dr, c + dc))
                if dr:
                    below[(r + dr, c)] = colspan
            c += colspan
    placed: list[list[Slot]] = []
    for r in range(len(shape)):
        cells: list[Slot] = []
        c = 0
        while c < width:
            if (r, c) in starts:
                i, colspan = starts[(r, c)]
                cells.append((c, i, colspan))
                c += colspan
            elif (r, c) in below:
                cells.append((c, None, below[(r, c)]))
                c += below[(r, c)]
            else:  # a ragged grid: fill the gap so Word's grid stays rectangular
                cells.append((c, -1, 1))
                c += 1
        placed.append(cells)
    return placed


def table_xml(grid: Grid) -> str:
    """The ``w:tbl`` element of ``grid`` as an XML string (namespaces declared)."""
    widths = column_widths(grid)
    size = SIZE_TABLE if grid.table == "table2" else SIZE_TABLE_SMALL
    r_pr_head = _run_properties(size, bold=True)
    r_pr_text = _run_properties(size, bold=False)
    keep_all = grid.table == "table2"  # no header row to repeat: keep the whole table on one page
    last = len(grid.rows) - 1
    out = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>{_TBL_BORDERS}'
        f'<w:tblLayout w:type="fixed"/>{_CELL_MARGINS}'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>'
    ]
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    for r, cells in enumerate(_place(grid)):
        row = grid.rows[r]
        is_head_row = r < grid.header_rows or all(g.cell_id is None for g in row)
        keep_next = (is_head_row or keep_all) and r < last  # a header row never ends a page
        tr_pr = "<w:cantSplit/>" + ("<w:tblHeader/>" if r < grid.header_rows else "")
        out.append(f"<w:tr><w:trPr>{tr_pr}</w:trPr>")
        for c, gc, span in cells:
            width = sum(widths[c : c + span])
            if gc is None:
                empty = _paragraph("", r_pr="", style=STYLE_TABLE_TEXT, align="center", keep_next=keep_next)
                out.append(_cell(width, span=span, merge="continue", content=empty))
                continue
            lead = grid.table == "table3" and gc.text == L.T3_NOTE
            bold = is_head_row and not lead
            row_label = grid.table == "table3" and not is_head_row and gc.cell_id is None and gc.rowspan == 1
            content = _paragraph(
                _display_text(grid, gc, width),
                r_pr=r_pr_head if bold else r_pr_text,
                style=STYLE_TABLE_HEADER if bold else STYLE_TABLE_TEXT,
                align="left" if row_label else "center",
                keep_next=keep_next,
            )
            merge = "restart" if gc.rowspan > 1 else None
            vertical = grid.table == "table3" and gc.text in T3_VERTICAL
            out.append(_cell(width, span=span, merge=merge, content=content, vertical=vertical))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def add_grid_table(document: DocxDocument, grid: Grid) -> Table:
    """Append ``grid`` as a Word table at the end of the body; return it."""
    tbl = parse_xml(table_xml(grid))
    body = document.element.body
    sect_pr = body.find(tbl.tag.replace("tbl", "sectPr"))
    if sect_pr is not None:
        sect_pr.addprevious(tbl)
    else:
        body.append(tbl)
    return Table(tbl, document._body)
