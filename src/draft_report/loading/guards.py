"""Values that parse but mean nothing in a data file, and tables that were never filled in.

- ``true``/``false`` (YAML also reads yes/no/on/off so) and Excel's TRUE/FALSE: no field of the
  data is a truth value, and pydantic would quietly turn ``true`` in a count into 1;
- ``.inf``/``.nan`` (and a float too large for a float): the table would print “inf”;
- a table whose every cell is blank — the fill-in template as ``init`` wrote it — is “not filled
  in”: it is treated as absent, so a register can provide it, and otherwise the loader stops
  with “表三尚未填写” instead of drafting a clean “全年未收到申请” report.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from draft_report.errors import InputError
from draft_report.loading.sanity import Where, place, walk

TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}


def refuse_odd_values(raw: Any, path: Path, where: Where | None = None) -> None:
    """Raise ``InputError`` at the first truth value or non-finite number anywhere in ``raw``."""
    for loc, item in walk(raw, path):
        if isinstance(item, bool):
            shown = "true" if item else "false"
            raise InputError(
                f"“{shown}”是真假值，不是数字或文字（YAML 把 true/false/yes/no/on/off 读作真假值）；"
                "件数请填数字，文字请加引号",
                path=str(path),
                where=place(loc, where),
            )
        if isinstance(item, float) and not math.isfinite(item):
            raise InputError(f"“{item}”不是有限的数值；请填写实际的数字", path=str(path), where=place(loc, where))


# Rows that ``init --from`` pre-fills from last year's report: alone they do not make a table filled in.
PREFILLED_ROWS = {"table3": ("r2_carry_in",)}


def _all_blank(name: str, table: Any) -> bool:
    if table is None:
        return True
    if not isinstance(table, dict):
        return False
    for row_id, row in table.items():
        if row_id in PREFILLED_ROWS.get(name, ()):
            continue
        if isinstance(row, dict):
            if any(v is not None for v in row.values()):
                return False
        elif row is not None:
            return False
    return True


def unfilled(name: str, cells: dict[str, Any]) -> bool:
    """Every cell blank, apart from pre-filled rows (``cells``: cell id → value, totals excluded)."""
    keep = PREFILLED_ROWS.get(name, ())
    return all(v is None for cid, v in cells.items() if cid.split(".")[1] not in keep)


def drop_blank_tables(raw: dict[str, Any]) -> dict[str, Any]:
    """Remove tables given with every cell blank (or as an empty key, or with only pre-filled rows);
    return them by name, as they were given (a pre-filled 上年结转 is compared with a register later)."""
    dropped: dict[str, Any] = {}
    for name in TABLE_NAMES:
        if name in raw and _all_blank(name, raw[name]):
            dropped[name] = raw.pop(name)
    return dropped


def prefilled_carry_in(table: Any) -> dict[str, Any]:
    """The 上年结转 cells of a dropped 表三 that hold a value (column id → value)."""
    row = table.get("r2_carry_in") if isinstance(table, dict) else None
    return {k: v for k, v in row.items() if v is not None} if isinstance(row, dict) else {}
