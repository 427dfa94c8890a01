"""Arithmetic identities of the tables (spec §4.1 H1–H4), generated from the layout.

``identities_for(layout)`` gives the identities of a format: the 2019 trial format has the
same H1, H3 and H4, and an H2 over its 19 result rows (（六）其他处理 is one row). Neither
format has an identity in 表二 (the 2019 “上一年项目数量 + 本年增/减” is a count of items,
not of decisions, so it relates to no printed cell).

Each identity says ``sum(lhs) == sum(rhs)``. Input validation uses them to derive and
validate totals; the checker uses them to audit published reports. ``derive_totals``
fills blank total cells from their parts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from draft_report.records import dataclass
from draft_report.tables import layout as L


@dataclass(frozen=True)
class Identity:
    """A table identity (勾稽关系): the sum of the ``lhs`` cells equals the sum of the ``rhs`` cells."""

    rule: str  # H1 .. H4
    name: str  # Chinese, for messages
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    total_cell: str | None = None  # the cell that is "the total" when the identity is a sum

    def evaluate(self, get: Callable[[str], int | float | None]) -> tuple[float | None, float | None]:
        """Return (lhs sum, rhs sum); a side is None when any of its cells is blank."""
        return _sum(get, self.lhs), _sum(get, self.rhs)


def _sum(get: Callable[[str], int | float | None], ids: tuple[str, ...]) -> float | None:
    total: float = 0
    for cid in ids:
        v = get(cid)
        if v is None:
            return None
        total += v
    return total


def _h1() -> list[Identity]:
    out = []
    for c in L.T3_COLUMNS:
        out.append(
            Identity(
                "H1",
                f"表三“{c.label}”列：一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度）",
                (L.t3_cell_id("r1_new", c.id), L.t3_cell_id("r2_carry_in", c.id)),
                (L.t3_cell_id("r3_7_total", c.id), L.t3_cell_id("r4_carry_out", c.id)),
            )
        )
    return out


def _h2(layout: L.Layout) -> list[Identity]:
    out = []
    results = layout.t3_result_rows
    for c in L.T3_COLUMNS:
        total = L.t3_cell_id("r3_7_total", c.id)
        out.append(
            Identity(
                "H2",
                f"表三“{c.label}”列：{len(results)}项办理结果之和 = （七）总计",
                (total,),
                tuple(L.t3_cell_id(r.id, c.id) for r in results),
                total_cell=total,
            )
        )
    return out


def _h3(layout: L.Layout) -> list[Identity]:
    out = []
    for r in layout.t3_rows:
        total = L.t3_cell_id(r.id, "total")
        out.append(
            Identity(
                "H3",
                f"表三“{r.name}”行：各类申请人之和 = 总计",
                (total,),
                tuple(L.t3_cell_id(r.id, c.id) for c in L.T3_PART_COLUMNS),
                total_cell=total,
            )
        )
    return out


def _h4() -> list[Identity]:
    out = []
    for g in L.T4_GROUPS:
        total = L.t4_cell_id(g.id, "total")
        out.append(
            Identity(
                "H4",
                f"表四“{g.full_label}”：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计",
                (total,),
                tuple(L.t4_cell_id(g.id, c.id) for c in L.T4_PART_COLUMNS),
                total_cell=total,
            )
        )
    return out


class IdentitySet:
    """A format's identities compiled once over one flat list of the cells they use.

    ``sides(values)`` is one generated function that looks every cell up once (a cell is in two
    or three identities) into a local and adds every identity's two sides in one expression
    (``0 + c3 + c7, 0 + c1, …``: no Python step per identity). A blank cell is NaN there, so a
    side with a blank sums to NaN — the only value unequal to itself."""

    __slots__ = ("_holds", "_sides", "cells", "identities")

    def __init__(self, identities: tuple[Identity, ...]) -> None:
        self.identities = identities
        self.cells: tuple[str, ...] = tuple(dict.fromkeys(c for i in identities for c in (*i.lhs, *i.rhs)))
        # compiled on first use (≈ 3–5 ms per format): a command that never sums a format's
        # tables, e.g. a check of a 2021 report and the 2019 set, does not pay for it
        self._sides: Callable[[Mapping[str, int | float]], tuple[float, ...]] | None = None
        self._holds: Callable[[Mapping[str, int | float], Mapping[str, int | float]], bool] | None = None

    def all_hold(self, table3: Mapping[str, int | float], table4: Mapping[str, int | float]) -> bool:
        """True when every cell of every identity has a value in ``table3`` or ``table4`` (表三's
        and 表四's non-blank cells) and each identity's two sides, added as ``sides`` adds them,
        are equal: then no identity fails, whatever ``sides`` is given (a subset of these
        cells only makes identities unevaluable). False says nothing (blank cells, or some
        identity does not hold exactly): ask ``sides``. The usual report's tables pass here
        with one C call per table to read the cells and no Python step per identity."""
        if self._holds is None:
            self._holds = _holder(self.cells, [(i.lhs, i.rhs) for i in self.identities])
        return self._holds(table3, table4)

    def sides(self, values: Mapping[str, int | float]) -> tuple[float, ...]:
        """Every identity's lhs and rhs sums in a row (lhs₀, rhs₀, lhs₁, rhs₁ …) over ``values``
        (the non-blank cells), each added from 0 in order as ``Identity.evaluate`` adds it; NaN
        for a side with a blank cell."""
        if self._sides is None:
            index = {c: n for n, c in enumerate(self.cells)}
            self._sides = _adder(self.cells, [[index[c] for c in side] for i in self.identities for side in (i.lhs, i.rhs)])
        return self._sides(values)

    def sums(self, values: Mapping[str, int | float]) -> list[tuple[float | None, float | None]]:
        """Each identity's (lhs sum, rhs sum) over ``values`` (the non-blank cells), as
        ``Identity.evaluate`` gives them: a side is None when any of its cells is blank."""
        pairs = iter(self.sides(values))
        return [(None if left != left else left, None if right != right else right) for left, right in zip(pairs, pairs, strict=True)]


def _adder(cells: tuple[str, ...], sides: list[list[int]]) -> Callable[[Mapping[str, int | float]], tuple[float, ...]]:
    """One function of a cell → value mapping giving the sum of each side's cells (positions in
    ``cells``), added from 0 in order, a blank cell as NaN::

        def sides(values):
            get = values.get
            c0 = get('t3.r1_new.np', NAN)
            …
            return (0 + c3 + c7, 0 + c1, …)

    (its source holds only the cell ids and those numbers)."""
    reads = "".join(f"\n    c{n} = get({cid!r}, NAN)" for n, cid in enumerate(cells))
    sums = ", ".join("".join(["0", *(f" + c{n}" for n in side)]) for side in sides)
    namespace: dict[str, Any] = {"NAN": _NAN}
    exec(f"def sides(values):\n    get = values.get{reads}\n    return ({sums},)", namespace)  # built once per format
    add: Callable[[Mapping[str, int | float]], tuple[float, ...]] = namespace["sides"]
    return add


_NAN = float("nan")


def _holder(cells: tuple[str, ...], identities: list[tuple[tuple[str, ...], tuple[str, ...]]]
            ) -> Callable[[Mapping[str, int | float], Mapping[str, int | float]], bool]:
    """One function of 表三's and 表四's value mappings: True when every cell is there and every
    identity's sides (added from 0 in order, as ``_adder`` adds them) are equal::

        def all_hold(t3, t4):
            try:
                c0, c1, … = read3(t3)
                c40, … = read4(t4)
            except KeyError:
                return False
            return 0 + c3 + c7 == 0 + c1 and …

    (``read3``/``read4``: ``operator.itemgetter`` of the table's cells, one C call each)."""
    from operator import itemgetter

    index = {c: n for n, c in enumerate(cells)}
    reads = []
    namespace: dict[str, Any] = {}
    for table, prefix in (("t3", "t3."), ("t4", "t4.")):
        mine = [c for c in cells if c.startswith(prefix)]
        if not mine:
            continue
        namespace[f"read_{table}"] = itemgetter(*mine)
        targets = "".join(f"c{index[c]}, " for c in mine)  # a trailing comma: a tuple even of one
        reads.append(f"\n        {targets}= read_{table}({table})" if len(mine) > 1 else f"\n        c{index[mine[0]]} = read_{table}({table})")
    if sum(1 for c in cells if c.startswith(("t3.", "t4."))) != len(cells):
        raise ValueError("an identity over a cell of neither 表三 nor 表四")

    def side(ids: tuple[str, ...]) -> str:
        return "".join(["0", *(f" + c{index[c]}" for c in ids)])

    equal = " and ".join(f"{side(lhs)} == {side(rhs)}" for lhs, rhs in identities) or "True"
    exec(f"def all_hold(t3, t4):\n    try:{''.join(reads)}\n    except KeyError:\n        return False\n"
         f"    return {equal}", namespace)  # built once per format
    holds: Callable[[Mapping[str, int | float], Mapping[str, int | float]], bool] = namespace["all_hold"]
    return holds


@L.per_layout
def compiled_for(layout: L.Layout) -> IdentitySet:
    """``identities_for(layout)`` compiled for evaluation over many documents (built once per format)."""
    return IdentitySet(tuple(_h3(layout) + _h2(layout) + _h4() + _h1()))


def identities_for(layout: L.Layout) -> tuple[Identity, ...]:
    """Every identity of a format. Row and column sums first, so that a wrong total is
    reported as such before H1."""
    return compiled_for(layout).identities


IDENTITIES: tuple[Identity, ...] = identities_for(L.LAYOUT_2021)
IDENTITIES_2019: tuple[Identity, ...] = identities_for(L.LAYOUT_2019)
SUM_IDENTITIES: tuple[Identity, ...] = tuple(i for i in IDENTITIES if i.total_cell)


def derive_totals(
    get: Callable[[str], int | float | None],
    set_: Callable[[str, int | float | None], None],
    prefix: str = "",
) -> list[str]:
    """Fill every blank total cell whose parts are all present; return the ids filled.

    Row sums (H3) run first so that the 总计 column of the result rows exists before the
    （七）总计 row is summed (H2), which also yields the corner cell.
    """
    filled: list[str] = []
    for rule in ("H3", "H2", "H4", "H3"):
        for ident in SUM_IDENTITIES:
            if ident.rule != rule or ident.total_cell is None or not ident.total_cell.startswith(prefix):
                continue
            if get(ident.total_cell) is not None:
                continue
            value = _sum(get, ident.rhs)
            if value is not None:
                set_(ident.total_cell, int(value))
                filled.append(ident.total_cell)
    return filled
