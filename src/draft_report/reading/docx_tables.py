"""Which Word table cell holds a given table cell id (for comments on an edited file).

The values themselves are read by the shared table reader (``reading.table_reader``) from
the rows ``docx_body`` produced; it records the row line of each cell (``cell_lines``).
Here only the column is worked out: value cells are the last cells of their row, in the
column order of ``tables.layout`` (表三 7, 表四 15 or a labelled row of 5, 表二 1 or 3).
"""

from __future__ import annotations

from docx.table import _Cell

from draft_report.models.document import ReportDocument
from draft_report.reading.docx_body import Body
from draft_report.tables import layout as L


def _value_slots(cell_id: str) -> list[tuple[int, int]]:
    """Possible (row value width, index of the cell among the row's values)."""
    parts = cell_id.split(".")
    if len(parts) != 3:
        return []
    table, outer, inner = parts
    if table == "t3":
        ids = [c.id for c in L.T3_COLUMNS]
        return [(len(ids), ids.index(inner))] if inner in ids else []
    if table == "t4":
        ids = [cid for cid, _, _ in L.t4_cells()]
        if cell_id not in ids:
            return []
        n = len(L.T4_COLUMNS)  # one row of 15, or three labelled rows of 5
        return [(len(ids), ids.index(cell_id)), (n, ids.index(cell_id) % n)]
    if table == "t2":
        for block in L.T2_BLOCKS:
            if any(i.id == outer for i in block.items):
                ids = [m.id for m in block.measures]
                return [(len(ids), ids.index(inner))] if inner in ids else []
    return []


def locate_cells(doc: ReportDocument, body: Body) -> dict[str, _Cell]:
    """cell id → the Word cell that holds its value, for every cell the reader placed."""
    out: dict[str, _Cell] = {}
    for cid, line in doc.cell_lines.items():
        if not 1 <= line <= len(body.lines):
            continue
        row = body.lines[line - 1].row
        if row is None:
            continue
        for width, index in _value_slots(cid):
            if len(row.cells) >= width:  # the values are the last ``width`` cells
                out[cid] = row.cells[len(row.cells) - width + index]
                break
    return out
