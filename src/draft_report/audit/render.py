"""The audit as text (one line per report), CSV (opens in Excel) and JSON (every finding).

Every output lists all files: the reports checked (with the other formats of the same
report that were not audited), the reports that could not be read and the files skipped,
each with its reason.

CSV cells that begin with "=", "+", "-", "@" (or a TAB/CR) are prefixed with an apostrophe so
that Excel shows them as text and never runs them as a formula (a report's text is untrusted).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import field
from typing import Any

from draft_report.audit import TEXT_MARK
from draft_report.audit.collect import Skipped
from draft_report.audit.run import AuditRow
from draft_report.records import dataclass

CSV_HEADER = ("报告文件", "机关", "年度", "错误", "警告", "提示", "结论", "首个错误或警告", "同一报告的其他格式", "上年度报告")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Audit:
    """The whole audit: one row per report, and the files left out."""

    rows: list[AuditRow]
    unreadable: list[Skipped] = field(default_factory=list)  # reports in formats no reader handles
    skipped: list[Skipped] = field(default_factory=list)
    previous_dir: str | None = None

    @property
    def unreadable_count(self) -> int:
        return sum(1 for r in self.rows if r.result is None) + len(self.unreadable)

    @property
    def with_errors(self) -> int:
        return sum(1 for r in self.rows if r.result is not None and r.result.has_errors)

    @property
    def with_warnings(self) -> int:
        return sum(1 for r in self.rows if r.result is not None and not r.result.has_errors and r.counts()[1])

    @property
    def checked(self) -> int:
        return sum(1 for r in self.rows if r.result is not None)

    def all_unreadable(self) -> list[Skipped]:
        return [Skipped(r.path, r.unreadable or "") for r in self.rows if r.result is None] + self.unreadable

    def summary(self) -> dict[str, Any]:
        return {
            "reports": len(self.rows) + len(self.unreadable),
            "checked": self.checked,
            "with_errors": self.with_errors,
            "with_warnings": self.with_warnings,
            "unreadable": self.unreadable_count,
            "skipped": len(self.skipped),
            "other_formats": sum(len(r.also) for r in self.rows),
        }


def escape_cell(value: str) -> str:
    """A CSV cell Excel will not evaluate: a leading = + - @ TAB CR gets an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cells(row: AuditRow) -> list[str]:
    errors, warnings, info = row.counts()
    agency = (row.result.agency if row.result else None) or ""
    year = (row.result.year if row.result else None) or ""
    return [
        str(row.path), agency, str(year), str(errors), str(warnings), str(info), row.verdict, row.first_problem(),
        "；".join(str(p) for p in row.also), str(row.previous or row.previous_note or ""),
    ]


def render_text(audit: Audit) -> str:
    lines = []
    for row in audit.rows:
        path, agency, year, errors, warnings, info, _, first, _, _ = _cells(row)
        who = f"{agency} {year}年度".strip() if agency or year else ""
        if row.result is None:
            lines.append(f"× {path}：无法读取 —— {first}")
        else:
            mark = "×" if row.result.has_errors else ("!" if int(warnings) else "✓")
            line = f"{mark} {path}（{who}）：错误 {errors}，警告 {warnings}，提示 {info}"
            if first:
                line += f"\n    {first}"
            lines.append(line)
        if row.also:
            lines.append(f"    同一报告的其他格式（未重复核查）：{'、'.join(str(p) for p in row.also)}")
        if row.previous is not None:
            lines.append(f"    上年度报告：{row.previous}")
        elif row.previous_note and audit.previous_dir:
            lines.append(f"    未做跨年度核对：{row.previous_note}")
    for item in audit.unreadable:
        lines.append(f"× {item.path}：无法读取 —— {item.reason}")
    if audit.skipped:
        lines.append("")
        lines.append(f"跳过的文件（{len(audit.skipped)} 个，不是报告）：")
        lines += [f"  - {s.path}：{s.reason}" for s in audit.skipped]
    s = audit.summary()
    passed = s["checked"] - s["with_errors"]
    lines.append("")
    lines.append(f"共 {s['reports']} 份报告：通过 {passed} 份，有错误 {s['with_errors']} 份，无法读取 {s['unreadable']} 份。")
    lines.append("逐份详情：draft-report check 报告文件")
    return "\n".join(lines)


def render_text_file(audit: Audit) -> str:
    """The text summary as written to a file: marked on its first line, so no later audit reads it."""
    return f"{TEXT_MARK}（本文件由 draft-report audit 生成）\n{render_text(audit)}\n"


def render_csv(audit: Audit) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_HEADER)
    for row in audit.rows:
        writer.writerow([escape_cell(c) for c in _cells(row)])
    for item in audit.unreadable:
        writer.writerow([escape_cell(c) for c in (str(item.path), "", "", "0", "0", "0", "无法读取", item.reason, "", "")])
    return buf.getvalue()


def report_dict(row: AuditRow) -> dict[str, Any]:
    base: dict[str, Any] = {"path": str(row.path), "other_formats": [str(p) for p in row.also]}
    if row.previous is not None or row.previous_note:
        base["previous"] = str(row.previous) if row.previous is not None else None
        base["previous_note"] = row.previous_note
    if row.result is None:
        return {**base, "readable": False, "error": row.unreadable}
    return {**base, "readable": True, **row.result.to_dict()}


def render_json(audit: Audit) -> str:
    reports = [report_dict(r) for r in audit.rows]
    reports += [{"path": str(u.path), "other_formats": [], "readable": False, "error": u.reason} for u in audit.unreadable]
    data = {
        "generator": "draft-report audit",
        "reports": reports,
        "skipped": [{"path": str(s.path), "reason": s.reason} for s in audit.skipped],
        "summary": audit.summary(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
