"""The human-readable check report: Chinese, grouped by section, quoting the sentence or cell."""

from __future__ import annotations

from collections.abc import Iterable

from draft_report.checking.finding_text import SEVERITY_LABEL, rule_text, values_text
from draft_report.checking.findings import CheckResult, Finding
from draft_report.sections import SECTION_BY_KEY

SEVERITY_MARK = {"error": "✗", "warning": "!", "info": "·"}
_MAX_EXCERPT = 90


def section_title(key: str | None) -> str:
    if key is None:
        return "全文"
    if key == "preface":
        return "序言"
    sdef = SECTION_BY_KEY.get(key)
    return sdef.heading if sdef else key


def _quote(text: str | None) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) > _MAX_EXCERPT:
        text = text[: _MAX_EXCERPT - 1] + "…"
    return f"“{text}”"


def format_finding(f: Finding, *, verbose: bool = False) -> list[str]:
    """The finding's lines: mark, severity and place, message; the quoted text; 应为/报告中为."""
    where = f"{f.location.place} " if f.location.place else (f"第{f.location.line}行 " if f.location.line else "")
    rule = rule_text(f) if verbose else ""
    lines = [f"  {SEVERITY_MARK[f.severity]} {SEVERITY_LABEL[f.severity]} {where}{f.message}{rule}"]
    quote = _quote(f.location.excerpt)
    if quote and f.location.excerpt and f.location.excerpt not in f.message:
        lines.append(f"      原文：{quote}")
    values = values_text(f) if f.severity != "info" else None
    if values:
        lines.append(f"      {values}")
    return lines


def render_text(result: CheckResult, *, show_info: bool = True, verbose: bool = False) -> str:
    s = result.summary
    head = result.source or "报告"
    who = " ".join(str(x) for x in (result.agency, f"{result.year}年度" if result.year else None) if x)
    out = [f"核查：{head}" + (f"（{who}）" if who else "")]
    out.append(f"对照：{'数据文件 ' + result.data_source if result.data_source else '未提供数据，按报告自身表格核对'}")
    if result.previous_source:
        out.append(f"上年：{result.previous_source}")
    out.append(f"结果：错误 {s['errors']} 项，警告 {s['warnings']} 项，提示 {s['info']} 项")
    groups: dict[str | None, list[Finding]] = {}
    for f in result.findings:
        if f.severity == "info" and not show_info:
            continue
        groups.setdefault(f.location.section, []).append(f)
    for key, items in groups.items():
        out.append("")
        out.append(f"【{section_title(key)}】")
        for f in _sorted(items):
            out.extend(format_finding(f, verbose=verbose))
    out.append("")
    out.append("通过：没有错误。" if not result.has_errors else "未通过：存在错误，请逐项核实。")
    return "\n".join(out)


def _sorted(items: Iterable[Finding]) -> list[Finding]:
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(items, key=lambda f: (order[f.severity], f.location.line or 0))
