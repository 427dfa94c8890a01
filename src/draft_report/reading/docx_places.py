"""Where a line of a Word file is, in words a Word user can follow.

Word has no line numbers, so a finding in a .docx is located by paragraph — “第5段（“2023年，
夏县乡村振兴局……”）”, counting the non-empty paragraphs outside tables from the title on, as
a reader counts them on the page — or by table row — “表三“（三）不予公开 1.属于国家秘密”行”,
named by the row's labels (the table by its official name when the reader recognised it).
"""

from __future__ import annotations

from draft_report.reading.blocks import compact
from draft_report.reading.docx_body import Body, RowLine
from draft_report.tables import layout as L

_HEAD_CHARS = 12
_TABLE_NAMES = {"t2.": "表二", "t3.": "表三", "t4.": "表四"}
# Labels that span a whole block of rows and say nothing about which row it is.
_BLOCK_LABELS = {L.T3_RESULTS_LABEL}


def _opening(text: str) -> str:
    text = compact(text)
    return text if len(text) <= _HEAD_CHARS else text[:_HEAD_CHARS] + "……"


def _is_number(text: str) -> bool:
    t = compact(text).replace(",", "").replace(".", "", 1)
    return t.isdigit()


def _row_label(row: RowLine) -> str:
    labels: list[str] = []
    for text in row.texts:
        if not text.strip() or _is_number(text):
            break
        if compact(text) not in _BLOCK_LABELS:
            labels.append(" ".join("".join(text.splitlines()).split()))  # a label broken over lines is one
    return " ".join(labels)


def line_places(body: Body, cell_lines: dict[str, int]) -> dict[int, str]:
    """Line number (as ``docx_body`` numbers them) → where it is in the Word file, in Chinese."""
    table_of_line: dict[int, str] = {}
    for cell_id, line in cell_lines.items():
        name = _TABLE_NAMES.get(cell_id[:3])
        if name:
            table_of_line.setdefault(line, name)
    places: dict[int, str] = {}
    paragraphs = 0
    for bl in body.lines:
        if bl.row is not None:
            table = table_of_line.get(bl.line) or f"第{bl.row.table_index + 1}个表格"
            label = _row_label(bl.row)
            places[bl.line] = f"{table}“{label}”行" if label else f"{table}第{bl.row.row_index + 1}行"
        else:
            paragraphs += 1
            places[bl.line] = f"第{paragraphs}段（“{_opening(bl.text)}”）"
    return places
