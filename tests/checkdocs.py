"""Builders of small ``ReportDocument``s for the checker tests (no reader involved)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from draft_report.logs.aggregates import Aggregates
from draft_report.models.data import ReportData
from draft_report.models.document import Paragraph, ReportDocument, Section
from draft_report.models.tables import Tables
from draft_report.sections import SECTIONS
from draft_report.tables import layout as L

# A consistent set of tables: 5 new + 1 carried in = 4 answered + 2 carried out.
TABLE_VALUES: dict[str, int | float] = {
    "t2.reg.made": 0, "t2.reg.repealed": 0, "t2.reg.valid": 0,
    "t2.norm.made": 3, "t2.norm.repealed": 1, "t2.norm.valid": 12,
    "t2.licensing.decisions": 120, "t2.penalty.decisions": 37, "t2.coercion.decisions": 2,
    "t2.fees.amount_wan": 0,
    "t3.r1_new.np": 4, "t3.r1_new.biz": 1,
    "t3.r2_carry_in.np": 1,
    "t3.r3_1_open.np": 2, "t3.r3_2_partial.np": 1, "t3.r3_4_1.biz": 1,
    "t3.r4_carry_out.np": 2,
    "t4.rv.keep": 1, "t4.rv.fix": 1, "t4.ld.pending": 1, "t4.lr.keep": 2,
}


def make_tables(overrides: dict[str, Any] | None = None) -> Tables:
    tables = Tables()
    for cid in L.all_cell_ids():
        tables.set(cid, 0)
    for cid, v in TABLE_VALUES.items():
        tables.set(cid, v)
    # totals
    for r in L.T3_ROWS:
        if r.id == "r3_7_total":
            continue
        tables.set(L.t3_cell_id(r.id, "total"), sum(tables.get(L.t3_cell_id(r.id, c.id)) or 0 for c in L.T3_PART_COLUMNS))
    for c in L.T3_COLUMNS:
        tables.set(L.t3_cell_id("r3_7_total", c.id),
                   sum(tables.get(L.t3_cell_id(r.id, c.id)) or 0 for r in L.T3_RESULT_ROWS))
    for g in L.T4_GROUPS:
        tables.set(L.t4_cell_id(g.id, "total"), sum(tables.get(L.t4_cell_id(g.id, c.id)) or 0 for c in L.T4_PART_COLUMNS))
    for cid, v in (overrides or {}).items():
        tables.set(cid, v)
    return tables


DEFAULT_TEXT: dict[str, list[str]] = {
    "overview": [
        "2023年，我局认真贯彻《中华人民共和国政府信息公开条例》，全年受理政府信息公开申请5件，答复4件（含上年结转申请1件），另有2件结转下年度继续办理。",
        "全年制发行政规范性文件3件。发生政府信息公开行政复议2件，其中结果维持1件，结果纠正1件；行政诉讼3件。",
    ],
    "proactive": [],
    "requests": [],
    "review_litigation": [],
    "problems": [
        "一是政策解读形式还不够丰富；二是依申请公开答复的规范性有待提高。针对上年度报告指出的问题，已完成整改。",
        "下一步，我局将加强业务培训，规范答复文书，丰富解读形式。",
    ],
    "other": ["本年度未收取信息处理费。"],
}


def make_doc(
    text: dict[str, list[str]] | None = None,
    *,
    tables: Tables | None = None,
    year: int = 2023,
    agency: str = "某县某局",
    headings: dict[str, str] | None = None,
    order: list[str] | None = None,
    date: dt.date | None = dt.date(2024, 1, 20),
    lines: list[str] | None = None,
    **extra: Any,
) -> ReportDocument:
    text = {**DEFAULT_TEXT, **(text or {})}
    by_key = {s.key: s for s in SECTIONS}
    sections = []
    line = 1
    for key in order or [s.key for s in SECTIONS]:
        sdef = by_key[key]
        paras = []
        for t in text.get(key, []):
            line += 1
            paras.append(Paragraph(text=t, line=line))
        sections.append(Section(key=key, heading=(headings or {}).get(key, sdef.heading), line=line, paragraphs=paras))
        line += 1
    return ReportDocument(
        title=f"{agency}{year}年度政府信息公开工作年度报告",
        agency=agency,
        year=year,
        sections=sections,
        tables=tables if tables is not None else make_tables(),
        tables_found=["table2", "table3", "table4"],
        lines=lines or [],
        signature=agency,
        date=date,
        source="测试报告",
        **extra,
    )


def make_dataset(tables: Tables | None = None, *, year: int = 2023, aggregates: dict[str, int] | None = None,
                 fees: dict[str, Any] | None = None, kind: str = "部门") -> Any:
    tables = tables if tables is not None else make_tables()
    data = ReportData(
        agency={"name": "某县某局", "kind": kind},
        year=year,
        table2=tables.table2.nested(),
        table3=tables.table3.nested(),
        table4=tables.table4.nested(),
        fees=fees or {},
    )
    return SimpleNamespace(data=data, aggregates=Aggregates(aggregates or {}), path="data.yaml")


def rules(result: Any, severity: str | None = None) -> list[str]:
    return [f.rule for f in result.findings if severity is None or f.severity == severity]
