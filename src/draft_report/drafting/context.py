"""The facts the templates may write, computed from a dataset.

Every number a template prints comes from here, and every value here comes from the tables
or the aggregates of the dataset — nothing is invented. Zero cases are explicit flags so the
templates can phrase them naturally (“全年未收到政府信息公开申请”).
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any

from draft_report.drafting import facts
from draft_report.models.data import ReportData
from draft_report.models.tables import Tables
from draft_report.records import dataclass
from draft_report.sections import OVERVIEW_TOPICS, SECTION_BY_KEY
from draft_report.tables import layout as L

# Outcome groups of 表三 as the prose names them, with the rows each one sums.
_OUTCOME_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("予以公开", ("r3_1_open",)),
    ("部分公开", ("r3_2_partial",)),
    ("不予公开", tuple(r.id for r in L.T3_ROWS if r.category == "（三）不予公开")),
    ("无法提供", tuple(r.id for r in L.T3_ROWS if r.category == "（四）无法提供")),
    ("不予处理", tuple(r.id for r in L.T3_ROWS if r.category == "（五）不予处理")),
    ("其他处理", tuple(r.id for r in L.T3_ROWS if r.category == "（六）其他处理")),
)
# Which sub-topic of section 一 mentions which kind of work event, and how it is counted.
_EVENT_PLACES: dict[str, tuple[str, str, str]] = {
    # kind: (sub-topic, verb phrase, measure word)
    "政策解读": ("proactive", "开展政策解读", "次"),
    "新闻发布会": ("proactive", "召开新闻发布会", "场"),
    "培训": ("supervision", "组织政务公开业务培训", "次"),
    "检查": ("supervision", "开展政务公开监督检查", "次"),
    "督查": ("supervision", "开展政务公开督查", "次"),
    "自查": ("supervision", "开展政务公开自查", "次"),
    "政府开放日": ("proactive", "举办政府开放日活动", "次"),
    "开放日": ("proactive", "举办政府开放日活动", "次"),
    "在线访谈": ("proactive", "开展在线访谈", "次"),
}
_CHANNEL_KEY = re.compile(r"^publications\.channel:(?P<channel>.+?)(?:\.column:(?P<column>.+))?$")
_COLUMN_KEY = re.compile(r"^publications\.column:(?P<column>.+)$")
_EVENT_KEY = re.compile(r"^events\.kind:(?P<kind>.+)$")
_PARTICIPANTS = ".participants"
# Notes longer than this read as items of their own (“1.强化组织领导……”), not as clauses.
_ITEM_MIN_CHARS = 25


@dataclass
class Count:
    label: str
    n: int

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "n": self.n}


@dataclass
class Channel:
    name: str
    n: int
    columns: list[Count] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "n": self.n, "columns": [c.as_dict() for c in self.columns]}


def _int(value: int | float | None) -> int:
    return int(value or 0)


def _aggregate_items(dataset: Any) -> list[tuple[str, int]]:
    aggregates = getattr(dataset, "aggregates", None)
    if aggregates is None:
        return []
    items = aggregates.items() if hasattr(aggregates, "items") else []
    return [(str(k), int(v)) for k, v in items if v is not None]


_WEBSITE = re.compile(r"网站|门户|网页")


def _platform_notes(dataset: Any) -> str:
    """The agency's own account of its platforms (notes under （四）), as one text."""
    notes = getattr(getattr(dataset, "data", None), "notes", None)
    return "".join(getattr(notes, "platforms", None) or [])


def _channel_rank(name: str, platforms: str, order: dict[str, int]) -> tuple[int, int, int]:
    """Channels in the order of the agency's platforms, not of their counts: the government
    website first (it is the first platform of every agency), then the channels in the order the
    agency's platform notes name them, then in the order the data lists them."""
    mentioned = platforms.find(name)
    return (
        0 if _WEBSITE.search(name) else 1,
        mentioned if mentioned >= 0 else len(platforms) + 1,
        order.get(name, len(order)),
    )


def publications(dataset: Any) -> dict[str, Any]:
    """Publications per channel (with columns) and the total, from the aggregates."""
    channels: dict[str, Channel] = {}
    columns: list[Count] = []
    total: int | None = None
    for key, n in _aggregate_items(dataset):
        if key == "publications.total":
            total = n
            continue
        m = _CHANNEL_KEY.match(key)
        if m:
            ch = channels.setdefault(m["channel"], Channel(m["channel"], 0))
            if m["column"]:
                if n > 0:
                    ch.columns.append(Count(m["column"], n))
            else:
                ch.n = n
            continue
        m = _COLUMN_KEY.match(key)
        if m:
            columns.append(Count(m["column"], n))
    for ch in channels.values():
        if ch.n == 0 and ch.columns:
            ch.n = sum(c.n for c in ch.columns)
    platforms = _platform_notes(dataset)
    order = {name: i for i, name in enumerate(channels)}
    listed = sorted(
        (ch for ch in channels.values() if ch.n > 0), key=lambda ch: _channel_rank(ch.name, platforms, order)
    )
    for ch in listed:
        ch.columns.sort(key=lambda c: (-c.n, c.label))
    columns.sort(key=lambda c: (-c.n, c.label))
    if total is None:
        total = sum(ch.n for ch in listed) if listed else sum(c.n for c in columns)
    return {
        "total": total,
        "channels": [ch.as_dict() for ch in listed],
        "columns": [c.as_dict() for c in columns if c.n > 0],
    }


def events(dataset: Any) -> dict[str, list[dict[str, Any]]]:
    """Work events per kind, placed under the sub-topic that reports them."""
    placed: dict[str, list[dict[str, Any]]] = {t.key: [] for t in OVERVIEW_TOPICS}
    counts = dict(_aggregate_items(dataset))
    for key, n in counts.items():
        m = _EVENT_KEY.match(key)
        if not m or n <= 0 or key.endswith(_PARTICIPANTS):
            continue
        kind = m["kind"]
        topic, verb, unit = _EVENT_PLACES.get(kind, ("management", f"开展{kind}", "次"))
        phrase = f"{verb}{n}{unit}"
        participants = counts.get(f"{key}{_PARTICIPANTS}")
        if participants:
            phrase += f"（共{participants}人次参加）"
        placed[topic].append({"kind": kind, "phrase": phrase, "n": n, "participants": participants})
    return placed


def requests(tables: Tables) -> dict[str, Any]:
    """表三 totals as the prose reports them."""
    get = tables.get
    outcomes = []
    for label, rows in _OUTCOME_GROUPS:
        n = sum(_int(get(L.t3_cell_id(r, "total"))) for r in rows)
        if n:
            outcomes.append({"label": label, "n": n})
    orgs = sum(_int(get(L.t3_cell_id("r1_new", c.id))) for c in L.T3_ORG_COLUMNS)
    return {
        "new": _int(get("t3.r1_new.total")),
        "carry_in": _int(get("t3.r2_carry_in.total")),
        "closed": _int(get("t3.r3_7_total.total")),
        "carry_out": _int(get("t3.r4_carry_out.total")),
        "persons": _int(get("t3.r1_new.np")),
        "organisations": orgs,
        "outcomes": outcomes,
    }


def review_litigation(tables: Tables) -> dict[str, Any]:
    """表四: totals and the non-zero outcomes of each group."""
    out: dict[str, Any] = {}
    for group in L.T4_GROUPS:
        parts = [
            {"label": c.label, "n": _int(tables.get(L.t4_cell_id(group.id, c.id)))}
            for c in L.T4_PART_COLUMNS
        ]
        out[group.id] = {
            "total": _int(tables.get(L.t4_cell_id(group.id, "total"))),
            "parts": [p for p in parts if p["n"]],
        }
    litigation_parts: dict[str, int] = {}
    for gid in ("ld", "lr"):
        for c in L.T4_PART_COLUMNS:
            litigation_parts[c.label] = litigation_parts.get(c.label, 0) + _int(
                tables.get(L.t4_cell_id(gid, c.id))
            )
    out["review"] = out["rv"]
    out["litigation"] = {
        "total": out["ld"]["total"] + out["lr"]["total"],
        "parts": [{"label": k, "n": v} for k, v in litigation_parts.items() if v],
    }
    return out


def table2(tables: Tables) -> list[str]:
    """Non-zero 表二 facts as short clauses (only what happened is worth a sentence)."""
    get = tables.get
    phrases: list[str] = []
    if _int(get("t2.reg.made")):
        phrases.append(f"制发规章{_int(get('t2.reg.made'))}件")
    if _int(get("t2.norm.made")):
        phrases.append(f"制发行政规范性文件{_int(get('t2.norm.made'))}件")
    decisions = [
        f"{label}决定{_int(get(f't2.{item}.decisions'))}件"
        for item, label in (("licensing", "行政许可"), ("penalty", "行政处罚"), ("coercion", "行政强制"))
        if _int(get(f"t2.{item}.decisions"))
    ]
    if decisions:  # one verb for the list: 作出行政许可决定128件、行政处罚决定46件
        phrases.append("作出" + "、".join(decisions))
    return phrases


def document_stock(tables: Tables) -> str:
    """规章 / 行政规范性文件 repealed this year and in force at year end (表二), as one sentence;
    "" when there are none."""
    get = tables.get
    clauses: list[str] = []
    for verb, col in (("废止", "repealed"), ("现行有效", "valid")):
        parts = [
            f"{label}{_int(get(f't2.{item}.{col}'))}件"
            for item, label in (("reg", "规章"), ("norm", "行政规范性文件"))
            if _int(get(f"t2.{item}.{col}"))
        ]
        if parts:
            lead = "全年废止" if verb == "废止" else "截至年底，现行有效"
            clauses.append(lead + "、".join(parts))
    return "；".join(clauses) + "。" if clauses else ""


def topic_notes(items: list[str], data: ReportData | None = None) -> dict[str, Any]:
    """Notes of one sub-topic and whether they read as numbered items or as one paragraph."""
    given = [body_text(data, i) if data else i for i in (i.strip() for i in items if i and i.strip())]
    cleaned = [facts.strip_numbering(i) for i in given]
    typed_numbers = any(c != g for c, g in zip(cleaned, given, strict=True))  # the user numbered them: keep items
    numbered = len(cleaned) >= 2 and (typed_numbers or all(len(i) >= _ITEM_MIN_CHARS for i in cleaned))
    return {"points": cleaned, "numbered": numbered}


FULL_REGULATION = "《中华人民共和国政府信息公开条例》"
SHORT_REGULATION = "《条例》"


def regulation_name(data: ReportData) -> str:
    """The standard preface defines “（以下简称《条例》）”: after it the body uses the short name."""
    return FULL_REGULATION if data.preface else SHORT_REGULATION


def body_text(data: ReportData, text: str) -> str:
    """A note as the body writes it: the regulation by its defined short name."""
    return text.replace(FULL_REGULATION, regulation_name(data))


def base_context(data: ReportData) -> dict[str, Any]:
    """What every template may use: agency, year, self-reference, the regulation's name."""
    return {
        "regulation": regulation_name(data),
        "agency": data.agency.name,
        "agency_kind": data.agency.kind,
        "we": facts.self_reference(data.agency),
        "year": data.year,
        "is_government": data.agency.kind == "人民政府",
        "sections": {k: s.heading for k, s in SECTION_BY_KEY.items()},
    }


def overview_context(dataset: Any) -> dict[str, Any]:
    data: ReportData = dataset.data
    tables = data.tables()
    notes = data.notes
    return {
        **base_context(data),
        "topics": {t.key: t.heading for t in OVERVIEW_TOPICS},
        "lead_notes": [body_text(data, i) for i in notes.lead if i.strip()],
        "lead_cites_regulation": any("条例" in i for i in notes.lead),
        "notes": {t.key: topic_notes(getattr(notes, t.key), data) for t in OVERVIEW_TOPICS},
        "publications": publications(dataset),
        "events": events(dataset),
        "requests": requests(tables),
        "cases": review_litigation(tables),
        "table2": table2(tables),
        "document_stock": document_stock(tables),
    }


def problems_context(dataset: Any) -> dict[str, Any]:
    data: ReportData = dataset.data
    parts: list[dict[str, str]] = []
    if data.previous_problems:
        parts.append({"key": "previous", "title": "上年度问题整改情况"})
    parts.append({"key": "problems", "title": "存在的主要问题"})
    parts.append({"key": "measures", "title": "改进措施"})
    for i, part in enumerate(parts, start=1):
        part["heading"] = f"（{facts.ordinal(i)}）{part['title']}"
    return {
        **base_context(data),
        "parts": parts,
        "problems": [body_text(data, p) for p in data.problems if p.strip()],
        "measures": [body_text(data, facts.strip_numbering(m)) for m in data.measures if m.strip()],
        "previous": [
            {k: body_text(data, v) for k, v in p.model_dump().items()} for p in data.previous_problems
        ],
    }
