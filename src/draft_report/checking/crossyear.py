"""Cross-year rules with ``--previous`` (last year's data file or report): X1, X2, X4, X5.

When ``--previous`` is not of year N−1 (a report of two years ago, or this year's own data by
mistake), ``cross.previous_year`` warns and the table comparisons X1 and X2 are skipped:
comparing the wrong years would only produce false errors. X4 and X5 still run.
"""

from __future__ import annotations

from typing import Any

from draft_report.checking.findings import Finding, Location
from draft_report.checking.prose import fmt
from draft_report.checking.table_rules import cell_location
from draft_report.models.document import ReportDocument
from draft_report.models.tables import Tables
from draft_report.records import dataclass
from draft_report.regex_cache import regex
from draft_report.tables import layout as L

SIMILARITY_WARN = 0.8
_STRIP = regex(r"[\s\d０-９，。、；：！？“”（）《》,.;:!?()\-]")
_RECTIFY_WORDS = ("上年", "上一年", "去年", "上年度", "整改", "已解决", "得到解决", "有所改善", "改进情况")
_RESTRUCTURE = ("机构改革", "更正", "合并", "撤并", "职能调整")


@dataclass
class PreviousYear:
    """Last year's report or data, as the cross-year rules read it."""

    tables: Tables | None
    sections: dict[str, str]  # section key → prose text (reports only)
    problems: list[str]  # last year's problems (data file) or empty
    year: int | None
    source: str | None


def previous_from(obj: Any) -> PreviousYear:
    """Accept a ``ReportDocument`` (last year's report) or a ``Dataset`` (last year's data)."""
    if isinstance(obj, ReportDocument):
        secs = {s.key: s.text for s in obj.sections if s.key}
        return PreviousYear(obj.tables, secs, [], obj.year, obj.source)
    data = obj.data
    try:
        tables = data.tables()
    except ValueError:
        tables = None
    return PreviousYear(tables, {}, list(data.problems), data.year, str(getattr(obj, "path", "")) or None)


def _shingles(text: str, n: int = 4) -> set[str]:
    t = _STRIP.sub("", text)
    return {t[i : i + n] for i in range(max(0, len(t) - n + 1))}


def similarity(current: str, previous: str) -> float:
    """Share of this year's 4-character shingles that also occur in last year's text."""
    a, b = _shingles(current), _shingles(previous)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a)


def previous_year_finding(year: int | None, prev: PreviousYear) -> Finding | None:
    """A warning when last year's report / data is not of year N−1 (both years known)."""
    if year is None or prev.year is None or prev.year == year - 1:
        return None
    return Finding("cross.previous_year", "warning",
                   f"--previous 提供的是 {prev.year} 年度的报告或数据，不是上一年度（{year - 1} 年）；"
                   "已跳过结转（X1）和现行有效件数（X2）的跨年核对",
                   Location(excerpt=prev.source), str(year - 1), str(prev.year))


def cross_year_findings(doc: ReportDocument, previous: Any, year: int | None = None) -> list[Finding]:
    """``year``: this report's year (the document's, else the data file's)."""
    prev = previous if isinstance(previous, PreviousYear) else previous_from(previous)
    out: list[Finding] = []
    full_text = "\n".join(doc.lines) if doc.lines else "\n".join(s.text for s in doc.sections)
    explained = any(w in full_text for w in _RESTRUCTURE)
    wrong_year = previous_year_finding(doc.year if doc.year is not None else year, prev)
    if wrong_year is not None:
        out.append(wrong_year)
    if prev.tables is not None and wrong_year is None:
        for col in L.T3_COLUMNS:
            now_id = L.t3_cell_id("r2_carry_in", col.id)
            prev_id = L.t3_cell_id("r4_carry_out", col.id)
            now, before = doc.tables.get(now_id), prev.tables.get(prev_id)
            if now is None or before is None or now == before:
                continue
            out.append(Finding("cross.carry_over.X1", "warning" if explained else "error",
                               f"表三“上年结转”（{col.label}）为 {fmt(now)}，上年报告“结转下年度继续办理”为 {fmt(before)}"
                               + ("（报告提到机构调整或更正，请核实）" if explained else ""),
                               cell_location(doc, now_id), fmt(before), fmt(now)))
        for item, label in (("reg", "规章"), ("norm", "行政规范性文件")):
            valid, made, rep = (doc.tables.get(f"t2.{item}.{m}") for m in ("valid", "made", "repealed"))
            before = prev.tables.get(f"t2.{item}.valid")
            if None in (valid, made, rep, before):
                continue
            expected = before + made - rep  # type: ignore[operator]
            if expected != valid:
                out.append(Finding("cross.valid_count.X2", "warning",
                                   f"表二{label}“现行有效件数”为 {fmt(valid)}，按上年 {fmt(before)} + 本年制发 {fmt(made)} − "
                                   f"本年废止 {fmt(rep)} 应为 {fmt(expected)}（修订件可能不增加有效件数，请核实）",
                                   cell_location(doc, f"t2.{item}.valid"), fmt(expected), fmt(valid)))
    problems = doc.section("problems")
    if problems is not None:
        text = problems.text
        if not any(w in text for w in _RECTIFY_WORDS):
            out.append(Finding("cross.rectification.X4", "warning",
                               "第五部分没有说明上年度报告所列问题的整改情况",
                               Location(section="problems", line=problems.line, excerpt=problems.heading),
                               "上年问题整改情况", None))
    for key, name in (("overview", "第一部分“总体情况”"), ("problems", "第五部分“存在的主要问题及改进情况”")):
        sec = doc.section(key)
        before_text = prev.sections.get(key)
        if sec is None or not before_text or len(sec.text) < 50:
            continue
        ratio = similarity(sec.text, before_text)
        if ratio >= SIMILARITY_WARN:
            out.append(Finding("cross.similarity.X5", "warning",
                               f"{name}与上年报告高度相似（相同内容约占 {ratio:.0%}），可能照搬往年文字",
                               Location(section=key, line=sec.line, excerpt=sec.heading),
                               f"< {SIMILARITY_WARN:.0%}", f"{ratio:.0%}"))
    return out
