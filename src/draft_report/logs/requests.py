"""The 依申请公开 register → 表三 for the report year, with the year-boundary carry-over.

One row per request: received date, applicant type, outcome (a 表三 result row) and closed
date (blank while open). For report year Y:

- received in Y → 一、本年新收; received before Y and not closed before 1 January Y → 二、上年结转;
- of those, closed on or before 31 December Y → counted under its outcome row (三);
  otherwise → 四、结转下年度继续办理.

So the 勾稽关系 (一 + 二 = （七）总计 + 四, per column) hold by construction. Requests closed before
Y or received after Y are left out, with a notice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path

from draft_report.logs.readers import Column, LogRow, LogSpec
from draft_report.logs.values import (
    cell_error,
    closest_choice,
    normalize_choice,
    parse_choice,
    parse_date,
    parse_each,
)
from draft_report.models.table_input import Table3
from draft_report.records import dataclass
from draft_report.tables import layout as L

REQUESTS_SPEC = LogSpec(
    key="requests",
    title="依申请公开登记台账",
    columns=(
        Column("收到日期", aliases=("申请日期", "收到申请日期", "受理日期", "登记日期")),
        Column("申请人类型", aliases=("申请人类别", "申请人")),
        Column("办理结果", aliases=("答复结果", "处理结果", "办理结果类别")),
        Column("办结日期", aliases=("答复日期", "办理完成日期", "完成日期")),
        Column("申请内容", required=False, aliases=("申请事项", "所需信息")),
    ),
)

_APPLICANT_ALIASES: dict[str, tuple[str, ...]] = {
    "np": ("公民", "个人"),
    "biz": ("企业", "公司"),
    "npo": ("公益组织",),
    "law": ("律师事务所", "律所", "律师"),
}


def _applicant_choices() -> dict[str, str]:
    out: dict[str, str] = {}
    for col in L.T3_PART_COLUMNS:
        for name in (col.label, col.id, *_APPLICANT_ALIASES.get(col.id, ())):
            out[normalize_choice(name)] = col.id
    return out


def _outcome_forms(row: L.T3Row) -> list[str]:
    forms = [row.id, row.label, row.full_label, row.short, *row.variants]
    if "·" in row.short:
        forms.append(row.short.split("·", 1)[1])
    if row.category:
        forms.append(f"{row.category}{row.label}")
    if row.id == "r3_2_partial":
        forms.append("部分公开")
    return forms


def _outcome_choices() -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for row in L.T3_RESULT_ROWS:
        for form in _outcome_forms(row):
            seen.setdefault(normalize_choice(form), set()).add(row.id)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and k}


_ROW_NAMES = {r.id: r.name for r in L.T3_RESULT_ROWS}
APPLICANT_CHOICES = _applicant_choices()
OUTCOME_CHOICES = _outcome_choices()
APPLICANT_TEXT = "应为以下之一：" + "、".join(c.label for c in L.T3_PART_COLUMNS)
OUTCOME_TEXT = (
    "应为表三“本年度办理结果”的一行，例如“予以公开”“部分公开”“不予公开·保护第三方合法权益”"
    "“无法提供·本机关不掌握相关政府信息”“不予处理·重复申请”“其他处理·逾期不补正”；可用简称："
    + "、".join(r.name for r in L.T3_RESULT_ROWS)
)


@dataclass(frozen=True)
class Request:
    line: int
    received: dt.date
    applicant: str  # 表三 column id (np/biz/sci/npo/law/oth)
    outcome: str | None  # 表三 result row id, None while open
    closed: dt.date | None
    subject: str | None = None
    outcome_typed: str | None = None  # the register's own wording when it was read as a close match


def parse_requests(rows: list[LogRow], path: Path) -> list[Request]:
    return parse_each(rows, path, REQUESTS_SPEC.title, lambda row: _request(row, path))


def _request(row: LogRow, path: Path) -> Request:
    received = parse_date(path, row, "收到日期")
    assert received is not None
    applicant = _applicant(path, row)
    closed = parse_date(path, row, "办结日期", optional=True)
    outcome, typed = _outcome(path, row)
    if closed is not None and outcome is None:
        raise cell_error(path, row, "办理结果", "已填写办结日期，但办理结果为空；请填写表三中的办理结果")
    if closed is None and outcome is not None:
        raise cell_error(
            path, row, "办结日期", "已填写办理结果，但办结日期为空；尚未办结的申请请将办理结果留空"
        )
    if closed is not None and closed < received:
        raise cell_error(path, row, "办结日期", f"办结日期 {closed} 早于收到日期 {received}")
    subject = row.get("申请内容")
    return Request(row.line, received, applicant, outcome, closed, str(subject) if subject else None, typed)


def outcome_label(row_id: str) -> str:
    """The official wording of a result row: “（四）无法提供 1.本机关不掌握相关政府信息”."""
    row = L.T3_ROW_BY_ID[row_id]
    return f"{row.category} {row.label}" if row.category else row.label


def applicant_label(column_id: str) -> str:
    return L.T3_COLUMN_BY_ID[column_id].label


# Words for the whole 法人或其他组织 group: 表三 needs the kind of organisation.
_ORGANISATION_WORDS = {normalize_choice(w) for w in ("法人", "法人或其他组织", "其他组织", "组织", "单位", "机构")}


def _applicant(path: Path, row: LogRow) -> str:
    value = row.get("申请人类型")
    if value is not None and normalize_choice(str(value)) in _ORGANISATION_WORDS:
        raise cell_error(
            path,
            row,
            "申请人类型",
            f"“{value}”需要细分：表三把法人或其他组织分为商业企业、科研机构、社会公益组织、法律服务机构、其他，"
            "请按申请人的实际类型填写",
        )
    return parse_choice(path, row, "申请人类型", APPLICANT_CHOICES, APPLICANT_TEXT, applicant_label)


def _outcome(path: Path, row: LogRow) -> tuple[str | None, str | None]:
    """(result row id, the typed text if it was only a close match) for the 办理结果 cell."""
    value = row.get("办理结果")
    if value is None:
        return None, None
    if normalize_choice(str(value)) not in OUTCOME_CHOICES:
        close = closest_choice(str(value), OUTCOME_CHOICES)
        if close is not None:
            return close[1], str(value)
    return parse_choice(path, row, "办理结果", OUTCOME_CHOICES, OUTCOME_TEXT, outcome_label), None


@dataclass
class RegisterSummary:
    table: Table3  # type: ignore[valid-type]
    new: int = 0
    carry_in: int = 0
    closed: int = 0
    carry_out: int = 0
    closed_before: int = 0  # left out: closed before the year
    received_after: int = 0  # left out: received after the year
    # (line, typed outcome, result row id) read as a close match of a 表三 label
    close_matches: list[tuple[int, str, str]] = field(default_factory=list)


def derive_table3(requests: list[Request], year: int) -> RegisterSummary:
    """表三 for ``year`` (totals not yet filled: ``models.data.complete_table`` derives them)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    table = Table3()
    for row in L.T3_ROWS:
        if not row.is_total:
            for col in L.T3_PART_COLUMNS:
                table.set(L.t3_cell_id(row.id, col.id), 0)
    summary = RegisterSummary(table)

    def bump(row_id: str, col: str) -> None:
        cid = L.t3_cell_id(row_id, col)
        table.set(cid, (table.get(cid) or 0) + 1)

    for r in requests:
        if r.outcome_typed is not None and r.outcome is not None:
            summary.close_matches.append((r.line, r.outcome_typed, r.outcome))
        if r.received > end:
            summary.received_after += 1
            continue
        if r.received < start:
            if r.closed is not None and r.closed < start:
                summary.closed_before += 1
                continue
            bump("r2_carry_in", r.applicant)
            summary.carry_in += 1
        else:
            bump("r1_new", r.applicant)
            summary.new += 1
        if r.closed is not None and r.closed <= end and r.outcome is not None:
            bump(r.outcome, r.applicant)
            summary.closed += 1
        else:
            bump("r4_carry_out", r.applicant)
            summary.carry_out += 1
    return summary


def register_notices(summary: RegisterSummary, year: int, name: str) -> list[str]:
    notes: list[str] = []
    left = summary.closed_before + summary.received_after
    if left:
        parts = []
        if summary.closed_before:
            parts.append(f"{summary.closed_before} 件在 {year} 年以前已办结")
        if summary.received_after:
            parts.append(f"{summary.received_after} 件在 {year} 年以后收到")
        notes.append(f"{name}：{left} 条记录不属于 {year} 年度（{'，'.join(parts)}），已略去")
    for line, typed, row_id in summary.close_matches:
        notes.append(f"{name} 第{line}行：办理结果“{typed}”按表三“{_ROW_NAMES[row_id]}”计，请核对")
    if summary.carry_in:
        notes.append(
            f"{name}：{summary.carry_in} 件 {year - 1} 年及以前收到、{year} 年 1 月 1 日仍未办结的申请计入上年结转"
        )
    return notes
