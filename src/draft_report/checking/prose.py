"""Prose vs tables/data: every claim in sections 一, 五, 六 (and the preface) is compared.

The values come from the data file when one is given (``--data``), otherwise from the
report's own tables (a cell the reader could not read gives no value: the claim is then
unverified, never guessed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from draft_report.checking.claims import Claim, extract_claims
from draft_report.checking.findings import Finding, Location
from draft_report.lexicon.fields import FACTS, Fact, accepted_values, aggregate_facts, fact_value
from draft_report.models.document import Paragraph, ReportDocument
from draft_report.models.tables import Tables
from draft_report.tables.grid import format_value

# Sections whose prose is checked (the table sections 二三四 only when they carry prose).
PROSE_SECTIONS: tuple[str, ...] = ("preface", "overview", "problems", "other")
TABLE_SECTIONS: tuple[str, ...] = ("proactive", "requests", "review_litigation")


@dataclass
class FactSource:
    """Where fact values come from: the data file, or the report's own tables."""

    tables: Tables | None
    data: Any = None
    aggregates: Any = None
    unreadable: frozenset[str] = frozenset()
    name: str = "报告表格"

    @classmethod
    def from_dataset(cls, dataset: Any) -> FactSource:
        return cls(dataset.data.tables(), dataset.data, dataset.aggregates, frozenset(), "数据文件")

    @classmethod
    def from_document(cls, doc: ReportDocument) -> FactSource:
        bad = frozenset(i.cell_id for i in doc.cell_issues if i.problem == "unreadable")
        return cls(doc.tables, None, None, bad, "报告表格")

    def facts(self) -> list[Fact]:
        extra = aggregate_facts(self.aggregates.keys()) if self.aggregates is not None else []
        return list(FACTS) + extra

    def value(self, fact: Fact) -> float | None:
        check: Callable[[str], bool] = self.unreadable.__contains__
        return fact_value(fact, self.tables, data=self.data, aggregates=self.aggregates, unreadable=check)

    def accepts(self, fact: Fact, value: float) -> bool:
        """True when ``value`` is one of the fact's other legitimate readings."""
        values = accepted_values(fact, self.tables, self.unreadable.__contains__, self.aggregates)
        return any(abs(v - value) < 1e-9 for v in values)

    def where(self, fact: Fact) -> str:
        if fact.cells and self.data is None:
            return fact.source
        return f"{self.name}（{fact.source}）" if fact.cells else self.name


def fmt(v: float | int | None) -> str:
    """A value in a message: blank is “空白”; numbers as the tables print them (no ``:g`` rounding)."""
    return "空白" if v is None else format_value(v)


def looks_like_table(text: str) -> bool:
    """A paragraph that is table residue (cells, separators) rather than prose."""
    if "\t" in text or "|" in text:
        return True
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return True
    digits = sum(c.isdigit() for c in chars)
    return digits / len(chars) > 0.3


# A sentence whose subject is a sub-unit speaking for itself: “区政府办代表区政府受理申请17件”,
# “市政府本级…”, “其中，区政府办公室…”. Its number may cover less than the report's tables (the
# whole government and its departments), so a mismatch there is a scope question for a person
# (warning ``prose.scope_mismatch``), not a proven contradiction. 人大代表 / 党代表 are not subjects.
SCOPE_MARKERS = re.compile(
    r"(?<!人大)(?<!党)(?<!职工)代表(?!建议|提出|意见|委员|性)[^，,。；;]{0,6}?(?:政府|机关|单位|部门|局|委(?!员))"
    r"|本级|其中[，,]?[^，,。；;]{0,8}?(?:政府办|办公室|办公厅|局|委|中心|街道|乡镇|镇政府|乡政府)"
    r"|政府办|政府办公室|政府办公厅"
)

# Words that make the marker an object rather than the subject (按照区政府办要求, 向区政府办报送).
_NOT_SUBJECT = ("按照", "根据", "依据", "配合", "协助", "会同", "向", "经", "由", "对", "对照", "在")


def scope_marker(sentence: str, claim_start: int) -> str | None:
    """The words that say the sentence speaks for a sub-unit, found before the claim; else None."""
    found = []
    for m in SCOPE_MARKERS.finditer(sentence[:claim_start]):
        clause = re.split(r"[，,；;：:]", sentence[: m.start()])[-1]
        if not any(w in clause for w in _NOT_SUBJECT):  # “按照区政府办要求”: not the subject
            found.append(m.group(0))
    return max(found, key=len) if found else None


def _close(expected: float, claimed: float, factor: float) -> bool:
    """Equal; for a claim in another unit (元 for 万元), equal to the precision of ``expected``."""
    if factor == 1:
        return abs(expected - claimed) < 1e-9
    decimals = min(max(len(f"{expected:.4f}".rstrip("0").split(".")[1]), 2), 4)  # 万元 to at least 0.01
    return abs(expected - claimed * factor) <= 0.5 * 10 ** -decimals + 1e-12


@dataclass(frozen=True)
class LocatedClaim:
    claim: Claim
    section: str | None
    line: int | None


def claims_in(section: str | None, paragraphs: Iterable[Paragraph], facts: Sequence[Fact]) -> list[LocatedClaim]:
    out: list[LocatedClaim] = []
    for p in paragraphs:
        if p.kind == "subheading" and not any(ch.isdigit() for ch in p.text):
            continue
        if section in TABLE_SECTIONS and looks_like_table(p.text):
            continue
        text = p.text.replace("\r", "")
        for c in extract_claims(text, facts):
            out.append(LocatedClaim(c, section, p.line))
    return out


def document_claims(doc: ReportDocument, facts: Sequence[Fact]) -> list[LocatedClaim]:
    out = claims_in("preface", doc.preface, facts)
    for sec in doc.sections:
        if sec.key in TABLE_SECTIONS and not any(not looks_like_table(p.text) for p in sec.paragraphs):
            continue
        out += claims_in(sec.key, sec.paragraphs, facts)
    return out


def _excerpt(c: Claim) -> str:
    return c.sentence.strip()


def judge(lc: LocatedClaim, source: FactSource) -> Finding | None:
    """The finding for one claim: mismatch (error), or unverified (info); None when it agrees."""
    c = lc.claim
    loc = Location(section=lc.section, line=lc.line, excerpt=_excerpt(c))
    fact = c.fact
    if fact is None:
        return Finding(
            "prose.unverified", "info", f"未能核对：“{c.text}”没有对应的数据项", loc, None, c.shown_value
        )
    expected = source.value(fact)
    if expected is None:
        if fact.cells and source.data is None:
            why = "表格中该项空白或无法读取"
        elif source.data is None:
            why = "未提供数据文件（--data），无法核对"
        else:
            why = "数据文件中没有该项"
        return Finding(
            "prose.unverified", "info", f"未能核对：“{c.text}”对应“{fact.label}”，但{why}", loc, None, c.shown_value
        )
    if c.approx:
        return Finding(
            "prose.unverified", "info",
            f"约数未核对：“{c.text}”对应“{fact.label}”，{source.where(fact)}为 {fmt(expected)}", loc,
            fmt(expected), c.shown_value,
        )
    factor = fact.factor(c.unit)
    if _close(expected, c.value, factor) or (c.kind == "number" and source.accepts(fact, c.value)):
        return None
    where = source.where(fact)
    shown = fmt(round(expected / factor, 2)) if factor != 1 else fmt(expected)
    unit_note = f"（折合{c.unit}）" if factor != 1 else ""
    scope = scope_marker(c.sentence, c.start)
    if c.kind == "zero" or c.value == 0:  # “未收到…申请” and “申请0件” are the same claim
        rule, text = "prose.zero_claim", f"文中称“{c.text}”，但“{fact.label}”{where}为 {shown}"
    else:
        rule = "prose.mismatch"
        text = f"文中“{c.text}”与“{fact.label}”不一致：{where}为 {shown}{unit_note}，文中写作 {c.shown_value}"
    if scope is not None:
        return Finding(
            "prose.scope_mismatch", "warning",
            f"{text}。句中“{scope}”表明所述可能只是下属单位或本级的数字，而表格的统计范围可能更大，请核实口径", loc,
            shown, c.shown_value,
        )
    return Finding(rule, "error", text, loc, shown, c.shown_value)


def prose_findings(claims: Iterable[LocatedClaim], source: FactSource) -> list[Finding]:
    out: list[Finding] = []
    for lc in claims:
        f = judge(lc, source)
        if f is not None:
            out.append(f)
    return out


def check_prose(section_key: str, paragraphs: list[Paragraph], dataset: Any) -> list[Finding]:
    """Claims in one drafted section vs the data (used by the LLM repair loop)."""
    source = FactSource.from_dataset(dataset)
    return prose_findings(claims_in(section_key, paragraphs, source.facts()), source)
