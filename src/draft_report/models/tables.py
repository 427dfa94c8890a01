"""表二/表三/表四 as plain values: one dict cell id → value per table, plus the table's format.

``Tables`` holds one ``TablePart`` of each table; ``get``/``set`` accept any global cell id
(``t3.r1_new.np``). Table 2 and table 3 come in the 2021 format or the 2019 trial format
(``tables.layout``), read as published; ``Tables.get`` of a cell that only the other format
has is ``None`` (not given), never an error. A cell is ``None`` when it is blank: blank is
never silently zero.

These are what readers fill, what the drafter renders and what the checker reconciles. They
are plain classes, not pydantic models, so that reading and checking a report stays cheap and
never imports pydantic; ``set`` still refuses what no table may hold (a negative count except in
the 2019 “本年增/减” column, a fractional count, a negative or NaN amount) with ``ValueError``.
The agency's data file is validated by the pydantic models of ``models.table_input``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field

from draft_report.records import dataclass
from draft_report.tables import layout as L

Value = int | float | None
TABLE_KEYS = ("table2", "table3", "table4")
_PREFIX_TABLE = {"t2": "table2", "t3": "table3", "t4": "table4"}


class InvalidCellValue(ValueError):
    """A value no table cell may hold (names the cell and what is expected)."""


@dataclass(frozen=True)
class _CellKind:
    """What a cell may hold: a count (default), an amount in 万元, or a signed change."""

    decimal: bool = False  # an amount (万元): a float ≥ 0
    signed: bool = False  # 2019 “本年增/减”: an integer of any sign


_COUNT = _CellKind()


def _kinds(table: str, layout: L.Layout) -> dict[str, _CellKind]:
    if table == "table2":
        return {cid: _CellKind(m.decimal, m.signed) for cid, _, _, m in layout.t2_cells()}
    if table == "table3":
        return {cid: _COUNT for cid, _, _ in layout.t3_cells()}
    return {cid: _COUNT for cid, _, _ in layout.t4_cells()}


# every table's cells in printed order, per format (computed once)
_KINDS: dict[tuple[str, str], dict[str, _CellKind]] = {
    (table, layout.name): _kinds(table, layout) for table in TABLE_KEYS for layout in L.LAYOUTS.values()
}


# the cells that hold a whole number (not an amount in 万元), per table and format
_COUNTS: dict[tuple[str, str], frozenset[str]] = {
    key: frozenset(cid for cid, kind in kinds.items() if not kind.decimal) for key, kinds in _KINDS.items()
}


def checked_value(cell_id: str, value: object, kind: _CellKind) -> Value:
    """``value`` as the cell stores it: an int count or a float amount; ``InvalidCellValue`` otherwise.

    Accepts what the former pydantic models accepted in lax mode: ints, integral floats and
    numeric strings for counts; ints, floats and numeric strings for amounts.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        value = int(value)
    if kind.decimal:
        try:
            amount = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise InvalidCellValue(f"{cell_id}：应为数字，不是 {value!r}") from None
        if not amount >= 0:  # also NaN
            raise InvalidCellValue(f"{cell_id}：应为不小于 0 的数，不是 {value!r}")
        return amount
    if isinstance(value, float):
        if not value.is_integer():
            raise InvalidCellValue(f"{cell_id}：应为整数，不是 {value!r}")
        count = int(value)
    elif isinstance(value, int):
        count = value
    elif isinstance(value, str):
        try:
            count = int(value.strip())
        except ValueError:
            raise InvalidCellValue(f"{cell_id}：应为整数，不是 {value!r}") from None
    else:
        raise InvalidCellValue(f"{cell_id}：应为整数，不是 {value!r}")
    if count < 0 and not kind.signed:
        raise InvalidCellValue(f"{cell_id}：应为不小于 0 的整数，不是 {value!r}")
    return count


class TablePart:
    """One table (``table2``/``table3``/``table4``) in one format: its cells' values."""

    __slots__ = ("_counts", "_kinds", "_values", "key", "layout")

    def __init__(self, key: str, layout: L.Layout = L.LAYOUT_2021, values: Mapping[str, object] | None = None) -> None:
        if key not in TABLE_KEYS:
            raise ValueError(f"unknown table {key!r}")
        self.key = key
        self.layout = layout if key != "table4" else L.LAYOUT_2021
        self._kinds = _KINDS[(key, self.layout.name)]
        self._counts = _COUNTS[(key, self.layout.name)]
        self._values: dict[str, Value] = {}
        for cid, value in (values or {}).items():
            self.set(cid, value)

    def has(self, cell_id: str) -> bool:
        return cell_id in self._kinds

    def get(self, cell_id: str) -> Value:
        if cell_id not in self._kinds:
            raise KeyError(cell_id)
        return self._values.get(cell_id)

    def set(self, cell_id: str, value: object) -> None:
        kind = self._kinds.get(cell_id)
        if kind is None:
            raise KeyError(cell_id)
        checked = checked_value(cell_id, value, kind)
        if checked is None:
            self._values.pop(cell_id, None)
        else:
            self._values[cell_id] = checked

    def update(self, values: Mapping[str, object]) -> None:
        """``set`` of several cells at once (a row as read): a non-negative ``int`` goes
        straight into a count cell; every other value is checked as ``set`` checks it."""
        counts, store, kinds = self._counts, self._values, self._kinds
        for cid, value in values.items():
            if type(value) is int and value >= 0 and cid in counts:
                store[cid] = value
            elif value is None and cid in kinds:  # a blank cell: ``set`` pops it
                store.pop(cid, None)
            else:
                self.set(cid, value)

    def update_count_cells(self, cids: list[str], values: Iterable[int | None], blanks: list[str]) -> None:
        """``update(dict(zip(cids, values)))`` of distinct cells that hold a non-negative ``int`` or
        None (rows of plain counts and blank cells as read), ``blanks`` the cells holding None:
        one dictionary update, then the blanks removed (in C loops), when every cell is a count cell."""
        if self._counts.issuperset(cids):
            store = self._values
            store.update(zip(cids, values))  # noqa: B905  # (the blanks' None removed next: the counts keep their order)
            if blanks:
                deque(map(store.pop, blanks), maxlen=0)
        else:
            self.update(dict(zip(cids, values)))  # noqa: B905

    def cells(self) -> dict[str, Value]:
        """All cells of this table keyed by global cell id, in printed order."""
        values = self._values
        return {cid: values.get(cid) for cid in self._kinds}

    def cell_ids(self) -> Iterator[str]:
        return iter(self._kinds)

    def filled(self) -> Mapping[str, int | float]:
        """The non-blank cells (cell id → value), not a copy — read it, never change it: for code
        that looks many cells up (``.get`` is ``None`` for a blank cell). Not in printed order."""
        return self._values  # type: ignore[return-value]  # holds no None: ``set`` pops blanks

    def row(self, row_id: str) -> dict[str, Value]:
        """One row (表二 item, 表三 row, 表四 group) as column id → value."""
        prefix = f"{self.key.replace('table', 't')}.{row_id}."
        out = {cid[len(prefix):]: self._values.get(cid) for cid in self._kinds if cid.startswith(prefix)}
        if not out:
            raise KeyError(row_id)
        return out

    def nested(self) -> dict[str, dict[str, Value]]:
        """``{row id: {column id: value}}`` — the shape of the data file's tables."""
        out: dict[str, dict[str, Value]] = {}
        for cid in self._kinds:
            _, outer, inner = cid.split(".")
            out.setdefault(outer, {})[inner] = self._values.get(cid)
        return out

    def copy(self) -> TablePart:
        new = TablePart.__new__(TablePart)
        new.key, new.layout, new._kinds, new._values = self.key, self.layout, self._kinds, dict(self._values)
        new._counts = self._counts
        return new

    def __copy__(self) -> TablePart:
        return self.copy()

    def __deepcopy__(self, memo: dict[int, object]) -> TablePart:
        return self.copy()  # values are ints and floats: a copy of the dict is deep

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TablePart):
            return NotImplemented
        return self.key == other.key and self.layout is other.layout and self._values == other._values

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TablePart({self.key!r}, {self.layout.name}, {self._values!r})"


def _part(key: str) -> TablePart:
    return TablePart(key)


@dataclass(slots=True)
class Tables:
    """表二、表三、表四 together; ``get``/``set`` accept any global cell id."""

    table2: TablePart = field(default_factory=lambda: _part("table2"))
    table3: TablePart = field(default_factory=lambda: _part("table3"))
    table4: TablePart = field(default_factory=lambda: _part("table4"))

    def _table(self, cell_id: str) -> TablePart:
        table = _PREFIX_TABLE.get(cell_id[:2]) if cell_id[2:3] == "." else None
        if table is None:
            raise KeyError(cell_id)
        part: TablePart = getattr(self, table)
        return part

    @classmethod
    def of_layout(cls, layout: L.Layout, table2: L.Layout | None = None, table3: L.Layout | None = None) -> Tables:
        """Empty tables of a format (表二 and 表三 may each be given their own)."""
        return cls(table2=TablePart("table2", table2 or layout), table3=TablePart("table3", table3 or layout))

    def layout_of(self, table: str) -> L.Layout:
        """The format of ``table`` (table2 / table3 / table4) as it was read or drafted."""
        return {"table2": self.table2_layout, "table3": self.table3_layout}.get(table, L.LAYOUT_2021)

    @property
    def table2_layout(self) -> L.Layout:
        return self.table2.layout

    @property
    def table3_layout(self) -> L.Layout:
        return self.table3.layout

    def has_cell(self, cell_id: str) -> bool:
        """Whether the tables' format has this cell."""
        try:
            return self._table(cell_id).has(cell_id)
        except KeyError:
            return False

    def get(self, cell_id: str) -> Value:
        """A cell's value; ``None`` when blank or when only the other format has the cell."""
        try:
            return self._table(cell_id).get(cell_id)
        except KeyError:
            if cell_id in L.CELL_INFO:
                return None
            raise

    def set(self, cell_id: str, value: object) -> None:
        self._table(cell_id).set(cell_id, value)

    def table_of(self, cell_id: str) -> TablePart:
        """The table a global cell id belongs to (``KeyError`` when the id names no table)."""
        return self._table(cell_id)

    def update(self, values: Mapping[str, object]) -> None:
        """``set`` of several cells at once (``TablePart.update`` per table)."""
        prefix = next(iter(values), "")[:3]
        if all(cid.startswith(prefix) for cid in values):  # one table's cells (a row): no grouping
            if values:
                self._table(prefix).update(values)
            return
        parts: dict[str, dict[str, object]] = {}
        for cid, value in values.items():
            parts.setdefault(cid[:3], {})[cid] = value
        for prefix, part_values in parts.items():
            self._table(prefix).update(part_values)

    def cells(self) -> dict[str, Value]:
        return {**self.table2.cells(), **self.table3.cells(), **self.table4.cells()}

    def copy(self) -> Tables:
        return Tables(self.table2.copy(), self.table3.copy(), self.table4.copy())

