"""The plain tables a reader fills: values are checked on ``set`` (a reader must not store
garbage), cells of the other format read as blank, copies are independent."""

from __future__ import annotations

import copy
import math

import pytest

from draft_report.models.tables import InvalidCellValue, TablePart, Tables
from draft_report.tables import layout as L


def test_counts_and_amounts_are_stored_as_int_and_float() -> None:
    t = Tables()
    t.set("t3.r1_new.np", 2.0)
    t.set("t2.fees.amount_wan", 3)
    assert t.get("t3.r1_new.np") == 2 and isinstance(t.get("t3.r1_new.np"), int)
    assert t.get("t2.fees.amount_wan") == 3.0 and isinstance(t.get("t2.fees.amount_wan"), float)
    t.set("t3.r1_new.np", None)
    assert t.get("t3.r1_new.np") is None


@pytest.mark.parametrize(("cell", "value"), [
    ("t3.r1_new.np", -1), ("t3.r1_new.np", 2.5), ("t3.r1_new.np", math.inf), ("t3.r1_new.np", "十二"),
    ("t4.rv.keep", -3), ("t2.norm.made", -1), ("t2.fees.amount_wan", -0.5), ("t2.fees.amount_wan", math.nan),
    ("t3.r1_new.np", [1]),
])
def test_set_refuses_what_no_cell_may_hold(cell: str, value: object) -> None:
    t = Tables()
    with pytest.raises(InvalidCellValue, match=cell.replace(".", r"\.")):
        t.set(cell, value)
    assert t.get(cell) is None


def test_the_2019_change_column_is_signed() -> None:
    t = Tables.of_layout(L.LAYOUT_2019)
    signed = sorted(L.SIGNED_CELLS)[0]
    t.set(signed, -8)
    assert t.get(signed) == -8


def test_cells_of_the_other_format_read_blank_and_cannot_be_set() -> None:
    t = Tables.of_layout(L.LAYOUT_2019)
    only_2021 = next(c for c in L.LAYOUT_2021.all_cell_ids() if c not in L.LAYOUT_2019.all_cell_ids())
    assert not t.has_cell(only_2021) and t.get(only_2021) is None
    with pytest.raises(KeyError):
        t.set(only_2021, 1)
    with pytest.raises(KeyError):
        t.get("t9.x.y")
    assert list(t.cells()) == L.LAYOUT_2019.all_cell_ids()


def test_copies_are_independent_and_compare_by_value() -> None:
    t = Tables()
    t.set("t4.rv.keep", 1)
    for other in (t.copy(), copy.deepcopy(t)):
        assert other == t
        other.set("t4.rv.keep", 2)
        assert t.get("t4.rv.keep") == 1 and other != t
    assert TablePart("table3", L.LAYOUT_2019) != TablePart("table3")


def test_rows_and_nested_shape() -> None:
    t = Tables()
    t.set("t3.r1_new.np", 4)
    assert t.table3.row("r1_new")["np"] == 4
    assert t.table3.nested()["r1_new"]["np"] == 4
    with pytest.raises(KeyError):
        t.table3.row("nope")


def test_update_stores_a_row_as_set_does_each_cell() -> None:
    row: dict[str, object] = {"t3.r1_new.np": 5, "t3.r1_new.biz": None, "t2.fees.amount_wan": 3, "t4.rv.keep": 2.0}
    by_update, by_set = Tables(), Tables()
    by_set.set("t3.r1_new.biz", 7)
    by_update.set("t3.r1_new.biz", 7)
    by_update.update(row)
    for cid, value in row.items():
        by_set.set(cid, value)
    assert by_update == by_set
    assert isinstance(by_update.get("t2.fees.amount_wan"), float) and isinstance(by_update.get("t4.rv.keep"), int)
    assert by_update.get("t3.r1_new.biz") is None


@pytest.mark.parametrize(("cell", "value"), [("t3.r1_new.np", -1), ("t3.r1_new.np", True), ("t2.fees.amount_wan", -2)])
def test_update_checks_what_is_not_a_plain_count(cell: str, value: object) -> None:
    t = Tables()
    if value is True:
        t.update({cell: value})  # a bool is checked (as set checks it), not stored as is
        assert t.get(cell) == 1 and type(t.get(cell)) is int
        return
    with pytest.raises(InvalidCellValue):
        t.update({cell: value})


def test_update_refuses_a_cell_no_table_has() -> None:
    with pytest.raises(KeyError):
        Tables().update({"t3.nope.np": 1})
    with pytest.raises(KeyError):
        TablePart("table3").update({"t2.norm.made": 1})


def test_a_copy_is_updated_as_the_original() -> None:
    original = Tables.of_layout(L.LAYOUT_2019)
    copied = original.copy()
    copied.update({"t2.procurement.amount_wan": 2, "t2.fees.change": -3, "t3.r1_new.np": 4})
    assert copied.get("t2.procurement.amount_wan") == 2.0 and copied.get("t2.fees.change") == -3
    assert copied.get("t3.r1_new.np") == 4 and original.get("t3.r1_new.np") is None
