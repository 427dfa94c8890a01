"""表二/表三/表四 from Word table rows, matched by their printed labels (``tables.layout``).

Rows come from ``docx_body`` with merged cells already read once, so a row is its label
cell(s) followed by its value cells. Labels are compared with all whitespace removed (Word
cells often break "商业企业" over two lines). 表二 may be one table or one table per block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.table import _Cell

from draft_report.models.document import CellIssue
from draft_report.models.tables import Tables
from draft_report.reading.docx_body import BodyLine, RowLine
from draft_report.tables import layout as L

_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
# 2019 试行 format markers in 表二 (spec §6)
OLD_MARKERS = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "第二十条第（九）项",
    "政府集中采购",
)


def norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")


def classify(rows: list[RowLine]) -> str | None:
    text = norm("".join("".join(r.texts) for r in rows))
    if "申请人情况" in text or "本年新收政府信息公开申请" in text:
        return "table3"
    if "行政复议" in text and ("行政诉讼" in text or "尚未审结" in text):
        return "table4"
    if "第二十条" in text or ("信息内容" in text and "规章" in text):
        return "table2"
    return None


@dataclass
class TableRead:
    tables: Tables = field(default_factory=Tables)
    found: list[str] = field(default_factory=list)
    issues: list[CellIssue] = field(default_factory=list)
    cell_lines: dict[str, int] = field(default_factory=dict)
    table_lines: dict[str, str] = field(default_factory=dict)
    cells: dict[str, _Cell] = field(default_factory=dict)  # cell id → Word cell
    old_markers: list[str] = field(default_factory=list)


def _parse_value(raw: str, *, decimal: bool) -> tuple[int | float | None, bool]:
    """(value, readable). Blank → (None, True)."""
    text = norm(raw).replace(",", "").replace("，", "")
    if not text:
        return None, True
    if not _NUMBER.match(text):
        return None, False
    number = float(text)
    if decimal:
        return number, True
    if not number.is_integer():
        return None, False
    return int(number), True


class _Collector:
    def __init__(self, out: TableRead, lines: dict[int, BodyLine]) -> None:
        self.out = out
        self.line_of = {(bl.row.table_index, bl.row.row_index): bl for bl in lines.values() if bl.row}

    def put(self, cid: str, row: RowLine, cell: _Cell, raw: str, *, decimal: bool = False) -> None:
        if cid in self.out.cells:
            return  # first occurrence wins
        line = self.line_of[(row.table_index, row.row_index)]
        self.out.cells[cid] = cell
        self.out.cell_lines[cid] = line.line
        self.out.table_lines[cid] = line.text
        value, ok = _parse_value(raw, decimal=decimal)
        if not ok:
            self.out.issues.append(CellIssue(cell_id=cid, problem="unreadable", raw=raw, line=line.line))
            return
        self.out.tables.set(cid, value)


def _label_matches(text: str, label: str, variants: tuple[str, ...] = ()) -> bool:
    t = norm(text)
    return any(t == norm(v) for v in (label, *variants))


def _read_table2(rows: list[RowLine], col: _Collector) -> None:
    block: L.T2Block | None = None
    for row in rows:
        if not row.texts:
            continue
        first = norm(row.texts[0])
        caption = next((b for b in L.T2_BLOCKS if norm(b.caption) in first), None)
        if caption is not None:
            block = caption
            continue
        blocks = [block] if block is not None else list(L.T2_BLOCKS)
        for b in blocks:
            item = next((i for i in b.items if _label_matches(row.texts[0], i.label, i.variants)), None)
            if item is None:
                continue
            values = list(zip(row.cells[1:], row.texts[1:], strict=True))
            for m, (cell, raw) in zip(b.measures, values, strict=False):
                col.put(L.t2_cell_id(item.id, m.id), row, cell, raw, decimal=m.decimal)
            break


def _t3_row(label_texts: list[str]) -> L.T3Row | None:
    for text in reversed(label_texts):
        for r in L.T3_ROWS:
            if _label_matches(text, r.label, r.variants):
                return r
    return None


def _read_table3(rows: list[RowLine], col: _Collector) -> None:
    n = len(L.T3_COLUMNS)
    for row in rows:
        if len(row.cells) <= n:
            continue
        t3 = _t3_row(row.texts[:-n])
        if t3 is None:
            continue
        for c, cell, raw in zip(L.T3_COLUMNS, row.cells[-n:], row.texts[-n:], strict=True):
            col.put(L.t3_cell_id(t3.id, c.id), row, cell, raw)


def _read_table4(rows: list[RowLine], col: _Collector) -> None:
    cells = L.t4_cells()
    labels = {norm(c.label) for c in L.T4_COLUMNS} | {norm(g.label) for g in L.T4_GROUPS}
    for row in rows:
        if len(row.cells) != len(cells):
            continue
        if sum(norm(t) in labels for t in row.texts) > len(cells) // 2:
            continue  # a header row
        for (cid, _, _), cell, raw in zip(cells, row.cells, row.texts, strict=True):
            col.put(cid, row, cell, raw)
        break


def read_tables(tables: list[list[RowLine]], lines: list[BodyLine]) -> TableRead:
    out = TableRead()
    col = _Collector(out, {bl.line: bl for bl in lines})
    readers = {"table2": _read_table2, "table3": _read_table3, "table4": _read_table4}
    for rows in tables:
        kind = classify(rows)
        if kind is None:
            continue
        if kind not in out.found:
            out.found.append(kind)
        readers[kind](rows, col)
        if kind == "table2":
            text = norm("".join("".join(r.texts) for r in rows))
            out.old_markers.extend(m for m in OLD_MARKERS if norm(m) in text and m not in out.old_markers)
    expected = {
        "table2": [c[0] for c in L.t2_cells()],
        "table3": [c[0] for c in L.t3_cells()],
        "table4": [c[0] for c in L.t4_cells()],
    }
    for kind in out.found:
        for cid in expected[kind]:
            if cid not in out.cells:
                out.issues.append(CellIssue(cell_id=cid, problem="missing"))
    return out
