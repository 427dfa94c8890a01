"""The 行政复议/行政诉讼 case list → 表四 for the report year.

A case is counted in the year it was filed (立案日期). Its column is its result when it was
concluded (审结日期) on or before 31 December, otherwise 尚未审结. Cases filed in other years
are left out with a notice (they belong to the table of the year they were filed).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from draft_report.logs.readers import Column, LogRow, LogSpec
from draft_report.logs.values import cell_error, normalize_choice, parse_choice, parse_date, parse_each
from draft_report.models.table_input import Table4
from draft_report.records import dataclass
from draft_report.tables import layout as L

CASES_SPEC = LogSpec(
    key="cases",
    title="行政复议、行政诉讼案件清单",
    columns=(
        Column("类型", aliases=("案件类型",)),
        Column("是否经复议", aliases=("是否复议后起诉", "复议后起诉")),
        Column("结果", aliases=("审理结果", "案件结果")),
        Column("立案日期", aliases=("收到日期", "受理日期")),
        Column("审结日期", aliases=("结案日期",)),
        Column("案号", required=False),
    ),
)

KIND_CHOICES = {
    normalize_choice(k): v
    for k, v in {"行政复议": "rv", "复议": "rv", "行政诉讼": "lit", "诉讼": "lit"}.items()
}
YES_NO = {
    normalize_choice(k): v
    for k, v in {"是": True, "否": False, "经复议": True, "未经复议": False, "Y": True, "N": False}.items()
}
RESULT_CHOICES: dict[str, str] = {}
for _col in L.T4_PART_COLUMNS:
    RESULT_CHOICES[normalize_choice(_col.label)] = _col.id
    RESULT_CHOICES[normalize_choice(_col.label.removeprefix("结果").removesuffix("结果"))] = _col.id
RESULT_CHOICES[normalize_choice("未审结")] = "pending"
RESULT_CHOICES[normalize_choice("其他")] = "other"
RESULT_TEXT = "应为以下之一：维持、纠正、其他、尚未审结"


@dataclass(frozen=True)
class Case:
    line: int
    group: str  # 表四 group id: rv / ld / lr
    result: str  # 表四 column id: keep / fix / other / pending
    filed: dt.date
    closed: dt.date | None
    number: str | None = None


def parse_cases(rows: list[LogRow], path: Path) -> list[Case]:
    return parse_each(rows, path, CASES_SPEC.title, lambda row: _case(row, path))


_KIND_LABELS = {"rv": "行政复议", "lit": "行政诉讼"}
_RESULT_LABELS = {c.id: c.label for c in L.T4_PART_COLUMNS}


def _case(row: LogRow, path: Path) -> Case:
    kind = parse_choice(
        path, row, "类型", KIND_CHOICES, "应为“行政复议”或“行政诉讼”", _KIND_LABELS.__getitem__
    )
    if kind == "rv":
        if row.get("是否经复议") is not None and YES_NO.get(normalize_choice(row.get("是否经复议"))):
            raise cell_error(path, row, "是否经复议", "行政复议案件的“是否经复议”应留空或填“否”")
        group = "rv"
    else:
        via = parse_choice(
            path,
            row,
            "是否经复议",
            YES_NO,
            "行政诉讼案件应填写“是”（复议后起诉）或“否”（未经复议直接起诉）",
        )
        group = "lr" if via else "ld"
    result = parse_choice(
        path, row, "结果", RESULT_CHOICES, RESULT_TEXT, _RESULT_LABELS.__getitem__
    )
    filed = parse_date(path, row, "立案日期")
    assert filed is not None
    closed = parse_date(path, row, "审结日期", optional=True)
    if result == "pending" and closed is not None:
        raise cell_error(path, row, "审结日期", "结果为“尚未审结”，审结日期应留空")
    if result != "pending" and closed is None:
        raise cell_error(path, row, "审结日期", "已有审理结果的案件应填写审结日期")
    if closed is not None and closed < filed:
        raise cell_error(path, row, "审结日期", f"审结日期 {closed} 早于立案日期 {filed}")
    number = row.get("案号")
    return Case(row.line, group, result, filed, closed, str(number) if number else None)


@dataclass
class CaseSummary:
    table: Table4  # type: ignore[valid-type]
    counted: int = 0
    filed_before: int = 0
    filed_after: int = 0


def derive_table4(cases: list[Case], year: int) -> CaseSummary:
    """表四 for ``year`` (totals not yet filled)."""
    end = dt.date(year, 12, 31)
    table = Table4()
    for group in L.T4_GROUPS:
        for col in L.T4_PART_COLUMNS:
            table.set(L.t4_cell_id(group.id, col.id), 0)
    summary = CaseSummary(table)
    for case in cases:
        if case.filed.year < year:
            summary.filed_before += 1
            continue
        if case.filed.year > year:
            summary.filed_after += 1
            continue
        column = case.result if case.closed is not None and case.closed <= end else "pending"
        cid = L.t4_cell_id(case.group, column)
        table.set(cid, (table.get(cid) or 0) + 1)
        summary.counted += 1
    return summary


def case_notices(summary: CaseSummary, year: int, name: str) -> list[str]:
    left = summary.filed_before + summary.filed_after
    if not left:
        return []
    parts = []
    if summary.filed_before:
        parts.append(f"{summary.filed_before} 件在 {year} 年以前立案")
    if summary.filed_after:
        parts.append(f"{summary.filed_after} 件在 {year} 年以后立案")
    return [f"{name}：{left} 件案件不属于 {year} 年度（{'，'.join(parts)}），已略去"]
