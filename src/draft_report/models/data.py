"""Input models: everything an agency provides for one report year.

One YAML/JSON data file per agency-year (see ``loading``). Tables may be typed in directly
or derived from the activity logs (``logs``). Totals are derived when omitted and validated
when given; a blank non-total cell is an input error (blank is not zero).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from draft_report.models.table_input import Table2, Table3, Table4, _TableBase
from draft_report.models.tables import TablePart, Tables
from draft_report.tables import identities as I
from draft_report.tables import layout as L
from draft_report.tables.grid import format_value


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Contact(_Model):
    """序言中的联系方式（可选）。"""

    office: str | None = Field(None, description="联系部门，例如“县政府办公室”")
    address: str | None = Field(None, description="地址")
    postcode: str | None = Field(None, description="邮编")
    phone: str | None = Field(None, description="电话")
    email: str | None = Field(None, description="电子邮箱")
    website: str | None = Field(None, description="年报发布网站")


class Agency(_Model):
    name: str = Field(min_length=1, description="机关全称，例如“夏县乡村振兴局”")
    kind: Literal["部门", "人民政府"] = Field(
        "部门",
        description="部门（1月31日前发布）或 人民政府（本级政府年报，3月31日前发布）",
    )
    short_name: str | None = Field(None, description="正文中的自称，例如“我局”“我县”；省略时按机关名称推断")
    signature: str | None = Field(None, description="落款单位，省略时使用机关全称")
    contact: Contact | None = Field(None, description="序言中的联系方式（可选）")

    @model_validator(mode="after")
    def _filled_in(self) -> Agency:
        for field_name, value in (("name", self.name), ("signature", self.signature), ("short_name", self.short_name)):
            if value and ("请填写" in value or value.strip("…. ") == ""):
                raise ValueError(
                    f"agency.{field_name} 还是模板中的占位文字“{value}”，请改为本机关的实际名称"
                    + ("（或删去此行）" if field_name != "name" else "")
                )
        return self


class OverviewNotes(_Model):
    """第一部分“总体情况”各小节的要点：短句，起草时编入正文。"""

    lead: list[str] = Field(default_factory=list, description="总体情况的开头段要点")
    proactive: list[str] = Field(default_factory=list, description="（一）主动公开情况 要点")
    on_request: list[str] = Field(default_factory=list, description="（二）依申请公开情况 要点")
    management: list[str] = Field(default_factory=list, description="（三）政府信息管理情况 要点")
    platforms: list[str] = Field(default_factory=list, description="（四）政府信息公开平台建设情况 要点")
    supervision: list[str] = Field(default_factory=list, description="（五）监督保障情况 要点")


class PreviousProblem(_Model):
    problem: str = Field(description="上年度报告提出的问题")
    rectification: str = Field(description="本年度整改情况")


class Fees(_Model):
    """第六部分：信息处理费（国办函〔2020〕109号）。"""

    standard: Literal["按件", "按量", "按件和按量"] | None = Field(None, description="收费标准")
    notices_issued: int = Field(0, ge=0, description="本年发出收费通知件数")
    notices_amount_yuan: float = Field(0, ge=0, description="收费通知金额合计（元）")
    collected_yuan: float = Field(0, ge=0, description="实际收取金额（元）")
    notices_paid: int | None = Field(None, ge=0, description="已按通知缴费的件数（可选）")

    @model_validator(mode="after")
    def _consistent(self) -> Fees:
        if self.notices_issued == 0 and self.notices_amount_yuan > 0:
            raise ValueError("未发出收费通知（notices_issued 为 0）时，收费通知金额（notices_amount_yuan）应为 0")
        if self.collected_yuan > self.notices_amount_yuan and self.notices_issued > 0:
            raise ValueError("实际收取金额（collected_yuan）不能大于收费通知金额合计（notices_amount_yuan）")
        if self.notices_issued == 0 and self.collected_yuan > 0:
            raise ValueError("未发出收费通知（notices_issued 为 0）时，实际收取金额（collected_yuan）应为 0")
        if self.notices_paid is not None and self.notices_paid > self.notices_issued:
            raise ValueError("已缴费件数（notices_paid）不能大于发出收费通知件数（notices_issued）")
        return self


class OtherMatters(_Model):
    """第六部分的其他事项（可选）。"""

    work_points: str | None = Field(None, description="政务公开工作要点落实情况")
    proposals: str | None = Field(None, description="人大代表建议和政协委员提案办理结果公开情况")
    innovations: str | None = Field(None, description="创新举措、特色亮点")
    other: list[str] = Field(default_factory=list, description="其他需要报告的事项")


class PublicationCount(_Model):
    """没有发布记录文件时，直接填写的发布条数。"""

    channel: str = Field(min_length=1, description="发布渠道，例如“政务网站”“微信公众号”")
    column: str | None = Field(None, description="栏目，例如“工作动态”“政策文件”；不分栏目时省略")
    count: int = Field(ge=0, description="本年发布条数")


class EventCount(_Model):
    """没有工作活动记录文件时，直接填写的活动次数。"""

    kind: str = Field(min_length=1, description="活动类型，例如“培训”“政策解读”“新闻发布会”“检查”")
    count: int = Field(ge=0, description="本年次数")
    participants: int | None = Field(None, ge=0, description="参加人次合计（可选）")


class ActivityCounts(_Model):
    """直接填写的工作量统计；与活动记录文件并存时，两者必须一致。"""

    publications: list[PublicationCount] = Field(default_factory=list, description="信息发布条数（按渠道、栏目）")
    events: list[EventCount] = Field(default_factory=list, description="工作活动次数（按类型）")


class LogFiles(_Model):
    """活动记录文件（CSV 或 XLSX），路径相对于数据文件所在目录。"""

    publications: str | None = Field(None, description="信息发布记录")
    events: str | None = Field(None, description="工作活动记录（培训、政策解读、新闻发布会、检查等）")
    requests: str | None = Field(None, description="依申请公开登记台账")
    cases: str | None = Field(None, description="行政复议、行政诉讼案件清单")


_OPTIONAL_SECTIONS = ("notes", "fees", "other_matters", "activity", "logs")


class ReportData(_Model):
    """一个机关一个年度的全部数据。"""

    agency: Agency = Field(description="机关信息")
    year: int = Field(ge=2021, le=2100, description="报告年度，例如 2023")
    publication_date: dt.date | None = Field(None, description="发布（落款）日期")
    preface: str | None = Field(None, description="序言（可选）；省略时按标准写法生成")
    table2: Table2 | None = Field(None, description="表二 主动公开政府信息情况")  # type: ignore[valid-type]
    table3: Table3 | None = Field(  # type: ignore[valid-type]
        None, description="表三；提供依申请公开台账时可省略，由台账生成"
    )
    table4: Table4 | None = Field(  # type: ignore[valid-type]
        None, description="表四；提供案件清单时可省略，由清单生成"
    )
    notes: OverviewNotes = Field(default_factory=OverviewNotes, description="第一部分“总体情况”各小节的要点")
    problems: list[str] = Field(default_factory=list, description="存在的主要问题")
    measures: list[str] = Field(default_factory=list, description="改进措施")
    previous_problems: list[PreviousProblem] = Field(
        default_factory=list, description="上年度报告提出的问题及整改情况"
    )
    fees: Fees = Field(default_factory=Fees, description="第六部分：信息处理费收取情况")
    other_matters: OtherMatters = Field(default_factory=OtherMatters, description="第六部分：其他需要报告的事项")
    activity: ActivityCounts = Field(
        default_factory=ActivityCounts, description="直接填写的信息发布条数和工作活动次数（没有活动记录文件时使用）"
    )
    logs: LogFiles = Field(default_factory=LogFiles, description="活动记录文件（路径相对于数据文件所在目录）")

    @model_validator(mode="before")
    @classmethod
    def _empty_sections(cls, raw: Any) -> Any:
        """A YAML section whose lines are all commented out reads as None: treat it as omitted."""
        if isinstance(raw, dict):
            return {k: v for k, v in raw.items() if not (k in _OPTIONAL_SECTIONS and v is None)}
        return raw

    @model_validator(mode="after")
    def _publication_after_year(self) -> ReportData:
        if self.publication_date is not None and self.publication_date.year <= self.year:
            raise ValueError(
                f"发布日期 publication_date（{self.publication_date}）应在报告年度 {self.year} 年结束之后，"
                f"通常为 {self.year + 1} 年 1 月至 3 月"
            )
        return self

    @model_validator(mode="after")
    def _tables_complete(self) -> ReportData:
        for name, table in (("table2", self.table2), ("table3", self.table3), ("table4", self.table4)):
            if table is not None:
                complete_table(table, name)
        return self

    @property
    def signature(self) -> str:
        return self.agency.signature or self.agency.name

    def tables(self) -> Tables:
        """All three tables (a new plain copy each call); raises if one was neither given nor derived."""
        missing = [n for n in ("table2", "table3", "table4") if getattr(self, n) is None]
        if missing:
            raise ValueError(f"缺少表格数据：{'、'.join(missing)}")
        return Tables(*(TablePart(n, values=getattr(self, n).cells()) for n in ("table2", "table3", "table4")))


class CellValueError(ValueError):
    """A table error about one cell; ``cell_id`` lets the loader point at its line."""

    def __init__(self, message: str, cell_id: str) -> None:
        super().__init__(message)
        self.cell_id = cell_id


def complete_table(table: _TableBase, name: str) -> None:
    """Validate that every non-total cell is given, derive blank totals, check the identities.

    Raises ``ValueError`` with a Chinese message naming the cell.
    """
    cells = table.cells()
    blank = [cid for cid, v in cells.items() if v is None and not L.CELL_INFO[cid].is_total]
    if blank:
        shown = "、".join(L.describe_cell(c) for c in blank[:3])
        more = f"等 {len(blank)} 个单元格" if len(blank) > 3 else ""
        raise CellValueError(f"{name} 中 {shown}{more}为空：空白不等于 0，没有发生请填写 0", blank[0])
    prefix = {"table2": "t2.", "table3": "t3.", "table4": "t4."}[name]

    def set_cell(cell_id: str, value: int | float | None) -> None:
        table.set(cell_id, value)  # validated as before; ``cells`` keeps the value the table stores
        cells[cell_id] = table.get(cell_id)

    # the cell values are read from ``cells`` (what ``table.get`` gives, without locating the cell
    # in the model each time; an unknown id is a KeyError either way)
    derived = set(I.derive_totals(cells.__getitem__, set_cell, prefix))
    checks = [i for i in I.IDENTITIES if i.lhs[0].startswith(prefix)]
    # A total the user typed in is the likeliest culprit: report those identities first.
    checks.sort(key=lambda i: 0 if i.total_cell and i.total_cell not in derived else 1)
    for ident in checks:
        left, right = ident.evaluate(cells.__getitem__)
        if left is None or right is None or left == right:
            continue
        if ident.total_cell and ident.total_cell not in derived:
            raise CellValueError(
                f"{name} 勾稽关系不成立：{ident.name}；{L.describe_cell(ident.total_cell)} 填写为 {format_value(left)}，"
                f"按各项计算应为 {format_value(right)}",
                ident.total_cell,
            )
        raise ValueError(f"{name} 勾稽关系不成立：{ident.name}；左边为 {format_value(left)}，右边为 {format_value(right)}")

