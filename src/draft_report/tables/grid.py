"""Printed layout of 表二/表三/表四 as grids of cells with row and column spans.

Every renderer (Markdown's embedded HTML, HTML, Word) draws these grids, so merged headers
and labels are defined once, here, from ``tables.layout``. Only the top-left cell of a
merged area appears in ``rows``; covered positions are simply absent, as in HTML.

A grid is drawn in the format of its tables: pass ``layout`` (``Tables.layout_of(table)``, e.g.
a 2020 report read in the 2019 trial format), or a ``Tables.get`` getter, whose tables know
their format; otherwise the 2021 format is drawn.
"""

from __future__ import annotations

from collections.abc import Callable

from draft_report.records import dataclass
from draft_report.tables import layout as L

Getter = Callable[[str], int | float | None]


@dataclass(frozen=True)
class GridCell:
    """One cell of a rendered table: its text, spans, and the value cell it shows (if any)."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    cell_id: str | None = None  # set on value cells


@dataclass(frozen=True)
class Grid:
    """An official table laid out as rows of cells, shared by every renderer."""

    table: str  # table2 / table3 / table4
    width: int
    header_rows: int  # how many leading rows are header rows (repeated on page breaks)
    rows: tuple[tuple[GridCell, ...], ...]


def format_value(value: int | float | None) -> str:
    """Blank stays blank; whole numbers print without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value)


def _value(get: Getter, cid: str) -> GridCell:
    return GridCell(format_value(get(cid)), cell_id=cid)


def _layout(get: Getter, layout: L.Layout | None, table: str) -> L.Layout:
    if layout is not None:
        return layout
    owner = getattr(get, "__self__", None)
    found = getattr(owner, f"{table}_layout", None)
    return found if isinstance(found, L.Layout) else L.LAYOUT_2021


def table2_grid(get: Getter, layout: L.Layout | None = None) -> Grid:
    rows: list[tuple[GridCell, ...]] = []
    for block in _layout(get, layout, "table2").t2_blocks:
        rows.append((GridCell(block.caption, colspan=L.T2_WIDTH, header=True),))
        # one column per measure; the last one spans what is left (1 measure → 3 columns)
        n = len(block.measures)
        spans = [1] * (n - 1) + [L.T2_WIDTH - n]
        rows.append(
            (GridCell(L.T2_HEADER_LABEL, header=True),)
            + tuple(GridCell(m.label, colspan=sp, header=True) for m, sp in zip(block.measures, spans, strict=True))
        )
        for item in block.items:
            rows.append(
                (GridCell(item.label, header=True),)
                + tuple(
                    GridCell(format_value(get(L.t2_cell_id(item.id, m.id))), colspan=sp,
                             cell_id=L.t2_cell_id(item.id, m.id))
                    for m, sp in zip(block.measures, spans, strict=True)
                )
            )
    return Grid("table2", L.T2_WIDTH, 0, tuple(rows))


def table3_grid(get: Getter, layout: L.Layout | None = None) -> Grid:
    t3_rows = _layout(get, layout, "table3").t3_rows
    data_cols = len(L.T3_COLUMNS)
    width = 3 + data_cols
    rows: list[tuple[GridCell, ...]] = [
        (
            GridCell(L.T3_NOTE, rowspan=3, colspan=3, header=True),
            GridCell(L.T3_APPLICANT_HEADER, colspan=data_cols, header=True),
        ),
        (
            GridCell(L.T3_COLUMNS[0].label, rowspan=2, header=True),
            GridCell(L.T3_ORG_HEADER, colspan=len(L.T3_ORG_COLUMNS), header=True),
            GridCell(L.T3_COLUMNS[-1].label, rowspan=2, header=True),
        ),
        tuple(GridCell(c.label, header=True) for c in L.T3_ORG_COLUMNS),
    ]

    def values(row_id: str) -> tuple[GridCell, ...]:
        return tuple(_value(get, L.t3_cell_id(row_id, c.id)) for c in L.T3_COLUMNS)

    results_block = tuple(r for r in t3_rows if r.is_result or r.is_total)
    seen_categories: set[str] = set()
    for row in t3_rows:
        lead: list[GridCell] = []
        if not (row.is_result or row.is_total):
            rows.append((GridCell(row.label, colspan=3, header=True),) + values(row.id))
            continue
        if row is results_block[0]:
            lead.append(GridCell(L.T3_RESULTS_LABEL, rowspan=len(results_block), header=True))
        if row.category is None:
            lead.append(GridCell(row.label, colspan=2, header=True))
        else:
            if row.category not in seen_categories:
                seen_categories.add(row.category)
                count = sum(1 for r in t3_rows if r.category == row.category)
                lead.append(GridCell(row.category, rowspan=count, header=True))
            lead.append(GridCell(row.label, header=True))
        rows.append(tuple(lead) + values(row.id))
    return Grid("table3", width, 3, tuple(rows))


def table4_grid(get: Getter, layout: L.Layout | None = None) -> Grid:  # 表四 is the same in every format
    n = len(L.T4_COLUMNS)
    review, *litigation = L.T4_GROUPS
    rows: list[tuple[GridCell, ...]] = [
        (
            GridCell(review.label, colspan=n, header=True),
            GridCell(L.T4_LITIGATION, colspan=n * len(litigation), header=True),
        ),
        tuple(GridCell(c.label, rowspan=2, header=True) for c in L.T4_COLUMNS)
        + tuple(GridCell(g.label, colspan=n, header=True) for g in litigation),
        tuple(GridCell(c.label, header=True) for _ in litigation for c in L.T4_COLUMNS),
        tuple(_value(get, cid) for cid, _, _ in L.t4_cells()),
    ]
    return Grid("table4", n * len(L.T4_GROUPS), 3, tuple(rows))


def all_grids(get: Getter, layout: L.Layout | None = None) -> list[Grid]:
    return [table2_grid(get, layout), table3_grid(get, layout), table4_grid(get)]
