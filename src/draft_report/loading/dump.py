"""Validated data back to plain values and to a commented data.yaml (``draft-report convert``).

Only what the person entered is written: table totals are left out (the loader derives them),
and so are empty lists and blank fields, so data → YAML → data gives the same ``ReportData``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from draft_report.loading.template import table_lines
from draft_report.models.data import ReportData
from draft_report.tables import layout as L

_ORDER = (
    "agency",
    "year",
    "publication_date",
    "preface",
    "table2",
    "table3",
    "table4",
    "notes",
    "problems",
    "measures",
    "previous_problems",
    "fees",
    "other_matters",
    "activity",
    "logs",
)
_TABLES = ("table2", "table3", "table4")


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        out = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def data_to_raw(data: ReportData) -> dict[str, Any]:
    """The data file's structure for ``data``: tables without totals, nothing blank or empty."""
    raw: dict[str, Any] = _prune(data.model_dump(mode="python", exclude={"table2", "table3", "table4"}))
    for name in _TABLES:
        table = getattr(data, name)
        if table is None:
            continue
        rows: dict[str, dict[str, Any]] = {}
        for cid, value in table.cells().items():
            if L.CELL_INFO[cid].is_total:
                continue
            _, outer, inner = cid.split(".")
            rows.setdefault(outer, {})[inner] = value
        raw[name] = rows
    return {k: raw[k] for k in _ORDER if k in raw}


def _block(key: str, value: Any) -> str:
    text: str = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=10_000)
    return text


def render_yaml(raw: dict[str, Any], *, source: str = "") -> str:
    """A data.yaml for ``raw`` (as ``data_to_raw`` gives it), tables in the commented row layout."""
    head = ["# 政府信息公开工作年度报告 数据文件（国办公开办函〔2021〕30号格式）"]
    if source:
        head.append(f"# 由 {source} 转换生成（draft-report convert）")
    parts = ["\n".join(head) + "\n"]
    for key in _ORDER:
        if key not in raw:
            continue
        if key in _TABLES:
            table = raw[key]

            def get(cid: str, table: dict[str, Any] = table) -> Any:
                _, outer, inner = cid.split(".")
                return (table.get(outer) or {}).get(inner)

            parts.append("\n".join(table_lines(key, get)).lstrip("\n") + "\n")
        else:
            value = raw[key]
            if isinstance(value, dt.datetime):
                value = value.date()
            parts.append(_block(key, value))
    return "\n".join(parts)
