"""Arithmetic identities of the tables (spec §4.1 H1–H4), generated from the layout.

Each identity says ``sum(lhs) == sum(rhs)``. Input validation uses them to derive and
validate totals; the checker uses them to audit published reports. ``derive_totals``
fills blank total cells from their parts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from draft_report.tables import layout as L


@dataclass(frozen=True)
class Identity:
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


def _h2() -> list[Identity]:
    out = []
    for c in L.T3_COLUMNS:
        total = L.t3_cell_id("r3_7_total", c.id)
        out.append(
            Identity(
                "H2",
                f"表三“{c.label}”列：21项办理结果之和 = （七）总计",
                (total,),
                tuple(L.t3_cell_id(r.id, c.id) for r in L.T3_RESULT_ROWS),
                total_cell=total,
            )
        )
    return out


def _h3() -> list[Identity]:
    out = []
    for r in L.T3_ROWS:
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


# Row and column sums first, so that a wrong total is reported as such before H1.
IDENTITIES: tuple[Identity, ...] = tuple(_h3() + _h2() + _h4() + _h1())
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
