"""Where every field of the data lives in ``data.xlsx``: one definition for writer and reader.

The table sheets (表二/表三/表四) are placed from ``tables.grid`` — the same grids the Markdown,
HTML and Word renderers draw — so the row labels and merged headers are the official ones.
The other sheets are forms (one field per row) and lists (one item per row).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import Literal

from draft_report.records import dataclass
from draft_report.sections import SECTION_BY_KEY
from draft_report.tables import grid as G
from draft_report.tables import identities as I
from draft_report.tables import layout as L

Kind = Literal["text", "int", "decimal", "date", "year", "choice", "longtext"]
Loc = tuple[str | int, ...]

SHEET_BASIC = "基本信息"
SHEET_T2 = "表二"
SHEET_T3 = "表三"
SHEET_T4 = "表四"
SHEET_NOTES = "要点"
SHEET_PROBLEMS = "问题与措施"
SHEET_ACTIVITY = "发布与活动"
SHEET_FEES = "信息处理费"
SHEET_OTHER = "其他事项"
SHEET_HELP = "填表说明"


@dataclass(frozen=True)
class FormField:
    path: tuple[str, ...]  # e.g. ("agency", "name")
    label: str
    hint: str = ""
    kind: Kind = "text"
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Form:
    """A sheet of fields, one per row: 项目 | 填写内容 | 说明 | 来源."""

    sheet: str
    title: str
    fields: tuple[FormField, ...]
    first_row: int = 3

    def row_of(self, f: FormField) -> int:
        return self.first_row + self.fields.index(f)


KIND_CHOICES = ("部门", "人民政府")
FEE_STANDARDS = ("按件", "按量", "按件和按量")

BASIC = Form(
    SHEET_BASIC,
    "基本信息",
    (
        FormField(("agency", "name"), "机关全称", "例如“夏县乡村振兴局”（必填）"),
        FormField(("agency", "kind"), "机关类型", "部门（1月31日前发布）或 人民政府（本级政府年报，3月31日前发布）", "choice", KIND_CHOICES),
        FormField(("agency", "short_name"), "正文自称", "例如“我局”“我县”；不填时按机关名称推断"),
        FormField(("agency", "signature"), "落款单位", "不填时使用机关全称"),
        FormField(("year",), "报告年度", "例如 2024（必填）", "year"),
        FormField(("publication_date",), "发布日期", "落款日期，例如 2025-01-20", "date"),
        FormField(("agency", "contact", "office"), "联系部门", "序言中的联系方式（可选）"),
        FormField(("agency", "contact", "address"), "地址"),
        FormField(("agency", "contact", "postcode"), "邮编"),
        FormField(("agency", "contact", "phone"), "电话"),
        FormField(("agency", "contact", "email"), "电子邮箱"),
        FormField(("agency", "contact", "website"), "年报发布网站"),
        FormField(("preface",), "序言", "可选；不填时按标准写法生成", "longtext"),
        FormField(("logs", "publications"), "信息发布记录文件", "可选，例如 publications.csv（与本文件放在同一文件夹）"),
        FormField(("logs", "events"), "工作活动记录文件", "可选，例如 events.csv"),
        FormField(("logs", "requests"), "依申请公开登记台账文件", "可选，例如 requests.csv；填写后表三由台账生成，表三工作表留空"),
        FormField(("logs", "cases"), "复议诉讼案件清单文件", "可选，例如 cases.csv；填写后表四由清单生成，表四工作表留空"),
    ),
)

FEES = Form(
    SHEET_FEES,
    "第六部分：信息处理费（国办函〔2020〕109号；金额单位：元）",
    (
        FormField(("fees", "standard"), "收费标准", "按件、按量 或 按件和按量；未收费可不填", "choice", FEE_STANDARDS),
        FormField(("fees", "notices_issued"), "本年发出收费通知件数", "不填按 0 计", "int"),
        FormField(("fees", "notices_amount_yuan"), "收费通知金额合计（元）", "应为 10 元的整数倍；不填按 0 计", "decimal"),
        FormField(("fees", "collected_yuan"), "实际收取金额（元）", "不填按 0 计", "decimal"),
        FormField(("fees", "notices_paid"), "已按通知缴费的件数", "可选", "int"),
    ),
)

OTHER = Form(
    SHEET_OTHER,
    "第六部分：其他需要报告的事项（可选）",
    (
        FormField(("other_matters", "work_points"), "政务公开工作要点落实情况", "", "longtext"),
        FormField(("other_matters", "proposals"), "人大代表建议和政协委员提案办理结果公开情况", "", "longtext"),
        FormField(("other_matters", "innovations"), "创新举措、特色亮点", "", "longtext"),
    ),
)

FORMS: tuple[Form, ...] = (BASIC, FEES, OTHER)


@dataclass(frozen=True)
class ListColumn:
    key: str  # field name in the item, or "" for a list of plain strings
    label: str
    kind: Kind = "text"
    choices: tuple[str, ...] = ()
    width: int = 16
    open_choices: bool = False  # drop-down suggests, other values allowed


@dataclass(frozen=True)
class ListBlock:
    """A list with one item per row, starting at ``first_row`` in ``first_col`` (1-based)."""

    sheet: str
    name: str  # Chinese name of the block, for messages
    columns: tuple[ListColumn, ...]
    first_row: int = 3
    first_col: int = 1
    capacity: int = 100  # rows prepared (unlocked, validated) for input
    header_row: int = 2


NOTE_TOPICS: tuple[tuple[str, str], ...] = (
    ("lead", "总体情况开头段"),
    ("proactive", "（一）主动公开情况"),
    ("on_request", "（二）依申请公开情况"),
    ("management", "（三）政府信息管理情况"),
    ("platforms", "（四）政府信息公开平台建设情况"),
    ("supervision", "（五）监督保障情况"),
)
PROBLEM_KINDS: tuple[tuple[str, str], ...] = (
    ("problems", "存在的问题"),
    ("measures", "改进措施"),
    ("previous_problems", "上年度报告提出的问题"),
)
CHANNEL_SUGGESTIONS = ("政务网站", "政府网站", "微信公众号", "政务微博", "政务新媒体", "政务服务大厅", "公开栏", "新闻发布会")
EVENT_SUGGESTIONS = ("培训", "政策解读", "新闻发布会", "检查", "座谈会", "政府开放日")

NOTES = ListBlock(
    SHEET_NOTES,
    "要点",
    (
        ListColumn("topic", "小节", "choice", tuple(label for _, label in NOTE_TOPICS), 30),
        ListColumn("text", "要点（一行一条，起草时编入正文；数字请与表格一致）", "longtext", width=90),
    ),
    capacity=200,
)
PROBLEMS = ListBlock(
    SHEET_PROBLEMS,
    "问题与措施",
    (
        ListColumn("kind", "类别", "choice", tuple(label for _, label in PROBLEM_KINDS), 24),
        ListColumn("text", "内容（一行一条）", "longtext", width=60),
        ListColumn("rectification", "本年度整改情况（仅“上年度报告提出的问题”填写）", "longtext", width=60),
    ),
    capacity=100,
)
PUBLICATIONS = ListBlock(
    SHEET_ACTIVITY,
    "信息发布条数",
    (
        ListColumn("channel", "发布渠道", "choice", CHANNEL_SUGGESTIONS, 16, open_choices=True),
        ListColumn("column", "栏目（可不填）", width=16),
        ListColumn("count", "本年发布条数", "int", width=14),
    ),
    capacity=60,
)
EVENTS = ListBlock(
    SHEET_ACTIVITY,
    "工作活动次数",
    (
        ListColumn("kind", "活动类型", "choice", EVENT_SUGGESTIONS, 16, open_choices=True),
        ListColumn("count", "本年次数", "int", width=12),
        ListColumn("participants", "参加人次（可不填）", "int", width=16),
    ),
    first_col=5,
    capacity=60,
)
OTHER_LIST = ListBlock(
    SHEET_OTHER,
    "其他需要报告的事项",
    (ListColumn("", "其他需要报告的事项（一行一条）", "longtext", width=90),),
    first_row=9,
    header_row=8,
    capacity=50,
)
LISTS: tuple[ListBlock, ...] = (NOTES, PROBLEMS, PUBLICATIONS, EVENTS, OTHER_LIST)


# ---------------------------------------------------------------------------
# Table sheets, placed from tables.grid
# ---------------------------------------------------------------------------

TABLE_TITLES = {
    "table2": (SHEET_T2, SECTION_BY_KEY["proactive"].heading),
    "table3": (SHEET_T3, SECTION_BY_KEY["requests"].heading),
    "table4": (SHEET_T4, SECTION_BY_KEY["review_litigation"].heading),
}
GRID_TOP = 3  # title in row 1, a hint in row 2, the official table from row 3


@dataclass(frozen=True)
class Placed:
    row: int
    col: int
    cell: G.GridCell

    @property
    def last_row(self) -> int:
        return self.row + self.cell.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.cell.colspan - 1


@dataclass
class TableSheet:
    table: str  # table2 / table3 / table4
    sheet: str
    title: str
    width: int
    placed: list[Placed] = field(default_factory=list)
    value_at: dict[str, tuple[int, int]] = field(default_factory=dict)  # cell id → (row, col)

    @property
    def last_row(self) -> int:
        return max(p.last_row for p in self.placed)


def _blank(_: str) -> None:
    return None


def _grid(table: str) -> G.Grid:
    return {"table2": G.table2_grid, "table3": G.table3_grid, "table4": G.table4_grid}[table](_blank)


def place(table: str) -> TableSheet:
    """The official grid laid onto worksheet coordinates (HTML table placement: spans occupy)."""
    sheet, title = TABLE_TITLES[table]
    grid = _grid(table)
    out = TableSheet(table, sheet, title, grid.width)
    taken: set[tuple[int, int]] = set()
    for r_index, row in enumerate(grid.rows):
        r = GRID_TOP + r_index
        c = 1
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.placed.append(Placed(r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            if cell.cell_id is not None:
                out.value_at[cell.cell_id] = (r, c)
            c += cell.colspan
    return out


TABLE_SHEETS: dict[str, TableSheet] = {t: place(t) for t in TABLE_TITLES}


def total_addends() -> dict[str, tuple[str, ...]]:
    """Total cell → the cells it sums (first identity naming it: row sums before column sums)."""
    out: dict[str, tuple[str, ...]] = {}
    for ident in I.SUM_IDENTITIES:
        if ident.total_cell and ident.total_cell not in out:
            out[ident.total_cell] = ident.rhs
    return out


TOTALS: dict[str, tuple[str, ...]] = total_addends()


def is_total(cell_id: str) -> bool:
    return L.CELL_INFO[cell_id].is_total


def is_decimal(cell_id: str) -> bool:
    return L.CELL_INFO[cell_id].decimal


def cell_loc(cell_id: str) -> Loc:
    """The data-file location of a table cell: ("table3", "r1_new", "np")."""
    prefix, outer, inner = cell_id.split(".")
    table = {"t2": "table2", "t3": "table3", "t4": "table4"}[prefix]
    return (table, outer, inner)


def iter_value_cells(table: str) -> Iterator[tuple[str, int, int]]:
    ts = TABLE_SHEETS[table]
    for cid, (r, c) in ts.value_at.items():
        yield cid, r, c


# 表二's 现行有效 baseline, shown next to the table: (label column, formula column)
BASELINE_COLUMNS = (6, 7)
BASELINE_ITEMS = tuple(item.id for item in L.T2_BLOCKS[0].items)
