"""The one definition of the official tables: the 2021 format (国办公开办函〔2021〕30号) and
the 2019 trial format (国办公开办函〔2019〕60号, used for the 2019 and 2020 reports).

Everything else derives from this module: the pydantic table models, the renderers
(Markdown/HTML/Word go through ``tables.grid``), the readers' label matching and the
checker's identities (``tables.identities``). Change the format here and everything follows.

The module-level constants (``T2_BLOCKS``, ``T3_ROWS`` …) are the 2021 format, the one the
toolkit drafts in. ``LAYOUT_2021`` and ``LAYOUT_2019`` bundle each format's definition;
``layout_for_year`` picks the one a report of a given year is written in. 表三's columns and
表四 are the same in both formats; 表三's rows differ only in （六）其他处理 (one row in 2019,
three sub-rows in 2021), so the shared rows keep the same cell ids.

Cell ids are global strings:
- 表二: ``t2.<item>.<measure>``, e.g. ``t2.reg.made``, ``t2.fees.amount_wan``;
- 表三: ``t3.<row>.<column>``, e.g. ``t3.r1_new.np``, ``t3.r3_7_total.total``;
- 表四: ``t4.<group>.<column>``, e.g. ``t4.rv.keep``, ``t4.lr.total``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from typing import Any, ParamSpec, TypeVar, cast

from draft_report.records import dataclass

# ---------------------------------------------------------------------------
# 表二 主动公开政府信息情况
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class T2Measure:
    """A column of a 表二 block (本年制发件数 …): what is counted for each of the block's items."""

    id: str
    label: str
    decimal: bool = False  # only the 万元 amounts may have decimals
    signed: bool = False  # 2019 “本年增/减”: a decrease is written as a negative number
    variants: tuple[str, ...] = ()  # other spellings of the column label seen in reports


@dataclass(frozen=True)
class T2Item:
    """A row of a 表二 block (规章, 行政许可 …)."""

    id: str
    label: str
    variants: tuple[str, ...] = ()  # other spellings seen in published reports


@dataclass(frozen=True)
class T2Block:
    """One block of 表二 (one article item of 第二十条): its items × its measures are its cells."""

    caption: str  # e.g. 第二十条第（一）项
    article_item: str  # （一）
    measures: tuple[T2Measure, ...]
    items: tuple[T2Item, ...]


T2_BLOCKS: tuple[T2Block, ...] = (
    T2Block(
        caption="第二十条第（一）项",
        article_item="（一）",
        measures=(
            T2Measure("made", "本年制发件数"),
            T2Measure("repealed", "本年废止件数"),
            T2Measure("valid", "现行有效件数"),
        ),
        items=(
            T2Item("reg", "规章"),
            T2Item("norm", "行政规范性文件", variants=("规范性文件",)),
        ),
    ),
    T2Block(
        caption="第二十条第（五）项",
        article_item="（五）",
        measures=(T2Measure("decisions", "本年处理决定数量"),),
        items=(T2Item("licensing", "行政许可"),),
    ),
    T2Block(
        caption="第二十条第（六）项",
        article_item="（六）",
        measures=(T2Measure("decisions", "本年处理决定数量"),),
        items=(T2Item("penalty", "行政处罚"), T2Item("coercion", "行政强制")),
    ),
    T2Block(
        caption="第二十条第（八）项",
        article_item="（八）",
        measures=(T2Measure("amount_wan", "本年收费金额（单位：万元）", decimal=True),),
        items=(T2Item("fees", "行政事业性收费"),),
    ),
)

T2_HEADER_LABEL = "信息内容"
T2_WIDTH = 4  # the whole of 表二 is one 4-column grid


def t2_cell_id(item: str, measure: str) -> str:
    return f"t2.{item}.{measure}"


def t2_cells() -> list[tuple[str, T2Block, T2Item, T2Measure]]:
    """Every 表二 cell in reading order: (cell id, block, item, measure)."""
    return [
        (t2_cell_id(item.id, m.id), block, item, m)
        for block in T2_BLOCKS
        for item in block.items
        for m in block.measures
    ]


# ---------------------------------------------------------------------------
# 表三 收到和处理政府信息公开申请情况
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class T3Column:
    """A column of 表三: one kind of applicant (自然人, 商业企业 …) or the total."""

    id: str
    label: str
    is_total: bool = False


T3_COLUMNS: tuple[T3Column, ...] = (
    T3Column("np", "自然人"),
    T3Column("biz", "商业企业"),
    T3Column("sci", "科研机构"),
    T3Column("npo", "社会公益组织"),
    T3Column("law", "法律服务机构"),
    T3Column("oth", "其他"),
    T3Column("total", "总计", is_total=True),
)
T3_PART_COLUMNS: tuple[T3Column, ...] = tuple(c for c in T3_COLUMNS if not c.is_total)
T3_ORG_COLUMNS: tuple[T3Column, ...] = T3_PART_COLUMNS[1:]


@dataclass(frozen=True)
class T3Row:
    """A row of 表三: applications received, carried over, and each way of handling them."""

    id: str
    label: str  # the row's own (innermost) label, as printed
    category: str | None = None  # e.g. （三）不予公开 for its sub-rows
    is_result: bool = False  # one of the 21 addends of （七）总计
    is_total: bool = False
    variants: tuple[str, ...] = ()  # other spellings seen in published reports
    short: str = ""  # a short Chinese name for messages
    merges: tuple[str, ...] = ()  # 2019: the 2021 rows this single row stands for

    @property
    def full_label(self) -> str:
        return f"{self.category}{self.label}" if self.category else self.label

    @property
    def name(self) -> str:
        return self.short or self.full_label


T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANT_HEADER = "申请人情况"
T3_ORG_HEADER = "法人或其他组织"
T3_RESULTS_LABEL = "三、本年度办理结果"

_C3 = "（三）不予公开"
_C4 = "（四）无法提供"
_C5 = "（五）不予处理"
_C6 = "（六）其他处理"

T3_ROWS: tuple[T3Row, ...] = (
    T3Row("r1_new", "一、本年新收政府信息公开申请数量", short="本年新收申请"),
    T3Row("r2_carry_in", "二、上年结转政府信息公开申请数量", short="上年结转申请"),
    T3Row("r3_1_open", "（一）予以公开", is_result=True, short="予以公开"),
    T3Row(
        "r3_2_partial",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        is_result=True,
        short="部分公开",
    ),
    T3Row("r3_3_1", "1.属于国家秘密", _C3, True, short="不予公开·属于国家秘密"),
    T3Row(
        "r3_3_2",
        "2.其他法律行政法规禁止公开",
        _C3,
        True,
        variants=("2.其他法律行政止公开",),
        short="不予公开·其他法律行政法规禁止公开",
    ),
    T3Row("r3_3_3", "3.危及“三安全一稳定”", _C3, True, short="不予公开·危及“三安全一稳定”"),
    T3Row("r3_3_4", "4.保护第三方合法权益", _C3, True, short="不予公开·保护第三方合法权益"),
    T3Row("r3_3_5", "5.属于三类内部事务信息", _C3, True, short="不予公开·属于三类内部事务信息"),
    T3Row("r3_3_6", "6.属于四类过程性信息", _C3, True, short="不予公开·属于四类过程性信息"),
    T3Row("r3_3_7", "7.属于行政执法案卷", _C3, True, short="不予公开·属于行政执法案卷"),
    T3Row("r3_3_8", "8.属于行政查询事项", _C3, True, short="不予公开·属于行政查询事项"),
    T3Row("r3_4_1", "1.本机关不掌握相关政府信息", _C4, True, short="无法提供·本机关不掌握相关政府信息"),
    T3Row("r3_4_2", "2.没有现成信息需要另行制作", _C4, True, short="无法提供·没有现成信息需要另行制作"),
    T3Row("r3_4_3", "3.补正后申请内容仍不明确", _C4, True, short="无法提供·补正后申请内容仍不明确"),
    T3Row("r3_5_1", "1.信访举报投诉类申请", _C5, True, short="不予处理·信访举报投诉类申请"),
    T3Row("r3_5_2", "2.重复申请", _C5, True, short="不予处理·重复申请"),
    T3Row("r3_5_3", "3.要求提供公开出版物", _C5, True, short="不予处理·要求提供公开出版物"),
    T3Row("r3_5_4", "4.无正当理由大量反复申请", _C5, True, short="不予处理·无正当理由大量反复申请"),
    T3Row(
        "r3_5_5",
        "5.要求行政机关确认或重新出具已获取信息",
        _C5,
        True,
        short="不予处理·要求行政机关确认或重新出具已获取信息",
    ),
    T3Row(
        "r3_6_1",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        _C6,
        True,
        short="其他处理·逾期不补正",
    ),
    T3Row(
        "r3_6_2",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        _C6,
        True,
        short="其他处理·逾期未缴费",
    ),
    T3Row("r3_6_3", "3.其他", _C6, True, short="其他处理·其他"),
    T3Row("r3_7_total", "（七）总计", is_total=True, short="办理结果总计"),
    T3Row("r4_carry_out", "四、结转下年度继续办理", short="结转下年度继续办理"),
)

T3_ROW_BY_ID: dict[str, T3Row] = {r.id: r for r in T3_ROWS}
T3_COLUMN_BY_ID: dict[str, T3Column] = {c.id: c for c in T3_COLUMNS}
T3_RESULT_ROWS: tuple[T3Row, ...] = tuple(r for r in T3_ROWS if r.is_result)
T3_CATEGORIES: tuple[str, ...] = (_C3, _C4, _C5, _C6)
# Rows that are printed under "三、本年度办理结果" (22 rows: 21 results + （七）总计)
T3_RESULTS_BLOCK: tuple[T3Row, ...] = tuple(r for r in T3_ROWS if r.is_result or r.is_total)


def t3_cell_id(row: str, column: str) -> str:
    return f"t3.{row}.{column}"


# ---------------------------------------------------------------------------
# 表四 政府信息公开行政复议、行政诉讼情况
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class T4Column:
    """A column of 表四: one outcome (结果维持 …) or the total of a group."""

    id: str
    label: str
    is_total: bool = False


@dataclass(frozen=True)
class T4Group:
    """A column group of 表四: 行政复议, or one of the two 行政诉讼 groups."""

    id: str
    label: str
    parent: str | None = None  # 行政诉讼 for the two litigation groups

    @property
    def full_label(self) -> str:
        return f"{self.parent}（{self.label}）" if self.parent else self.label


T4_COLUMNS: tuple[T4Column, ...] = (
    T4Column("keep", "结果维持"),
    T4Column("fix", "结果纠正"),
    T4Column("other", "其他结果"),
    T4Column("pending", "尚未审结"),
    T4Column("total", "总计", is_total=True),
)
T4_PART_COLUMNS: tuple[T4Column, ...] = tuple(c for c in T4_COLUMNS if not c.is_total)

T4_REVIEW = "行政复议"
T4_LITIGATION = "行政诉讼"
T4_GROUPS: tuple[T4Group, ...] = (
    T4Group("rv", T4_REVIEW),
    T4Group("ld", "未经复议直接起诉", parent=T4_LITIGATION),
    T4Group("lr", "复议后起诉", parent=T4_LITIGATION),
)
T4_GROUP_BY_ID: dict[str, T4Group] = {g.id: g for g in T4_GROUPS}


def t4_cell_id(group: str, column: str) -> str:
    return f"t4.{group}.{column}"


def t4_cells() -> list[tuple[str, T4Group, T4Column]]:
    """Every 表四 cell in printed order: rv(5), ld(5), lr(5)."""
    return [(t4_cell_id(g.id, c.id), g, c) for g in T4_GROUPS for c in T4_COLUMNS]


def t3_cells() -> list[tuple[str, T3Row, T3Column]]:
    """Every 表三 cell in printed order, row by row."""
    return [(t3_cell_id(r.id, c.id), r, c) for r in T3_ROWS for c in T3_COLUMNS]


def all_cell_ids() -> list[str]:
    return [c[0] for c in t2_cells()] + [c[0] for c in t3_cells()] + [c[0] for c in t4_cells()]


# ---------------------------------------------------------------------------
# The 2019 trial format (国办公开办函〔2019〕60号): 表二 and 表三（六） differ
# ---------------------------------------------------------------------------

_PREV = T2Measure("prev_items", "上一年项目数量")
_CHANGE = T2Measure("change", "本年增/减", signed=True, variants=("本年增减", "本年增（减）"))
_DECISIONS_2019 = T2Measure("decisions", "处理决定数量")

T2_BLOCKS_2019: tuple[T2Block, ...] = (
    T2Block(
        caption="第二十条第（一）项",
        article_item="（一）",
        measures=(
            T2Measure("new_made", "本年新制作数量"),
            T2Measure("new_public", "本年新公开数量"),
            T2Measure("public_total", "对外公开总数量"),
        ),
        items=(
            T2Item("reg", "规章"),
            T2Item("norm", "规范性文件", variants=("行政规范性文件",)),
        ),
    ),
    T2Block(
        caption="第二十条第（五）项",
        article_item="（五）",
        measures=(_PREV, _CHANGE, _DECISIONS_2019),
        items=(T2Item("licensing", "行政许可"), T2Item("services", "其他对外管理服务事项")),
    ),
    T2Block(
        caption="第二十条第（六）项",
        article_item="（六）",
        measures=(_PREV, _CHANGE, _DECISIONS_2019),
        items=(T2Item("penalty", "行政处罚"), T2Item("coercion", "行政强制")),
    ),
    T2Block(
        caption="第二十条第（八）项",
        article_item="（八）",
        measures=(_PREV, _CHANGE),
        items=(T2Item("fees", "行政事业性收费"),),
    ),
    T2Block(
        caption="第二十条第（九）项",
        article_item="（九）",
        measures=(
            T2Measure("items", "采购项目数量"),
            T2Measure("amount_wan", "采购总金额", decimal=True),
        ),
        items=(T2Item("procurement", "政府集中采购"),),
    ),
)

# the 2021 rows up to （五）5, then the single （六）其他处理, （七）总计 and 四、结转下年度继续办理
T3_ROWS_2019: tuple[T3Row, ...] = tuple(
    r for r in T3_ROWS if r.category != _C6 and r.id not in ("r3_7_total", "r4_carry_out")
) + (
    T3Row("r3_6", _C6, is_result=True, short="其他处理",
          merges=tuple(r.id for r in T3_ROWS if r.category == _C6)),
    T3_ROW_BY_ID["r3_7_total"],
    T3_ROW_BY_ID["r4_carry_out"],
)


@dataclass(frozen=True)
class Layout:
    """One format's tables: the 表二 blocks and the 表三 rows (表三 columns and 表四 are shared)."""

    name: str  # "2021" / "2019"
    title: str  # for messages
    t2_blocks: tuple[T2Block, ...]
    t3_rows: tuple[T3Row, ...]
    last_year: int | None = None  # the last report year written in this format

    @property
    def t3_columns(self) -> tuple[T3Column, ...]:
        return T3_COLUMNS

    @property
    def t4_groups(self) -> tuple[T4Group, ...]:
        return T4_GROUPS

    @property
    def t3_result_rows(self) -> tuple[T3Row, ...]:
        return tuple(r for r in self.t3_rows if r.is_result)

    @property
    def t3_results_block(self) -> tuple[T3Row, ...]:
        return tuple(r for r in self.t3_rows if r.is_result or r.is_total)

    @property
    def t3_categories(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.category for r in self.t3_rows if r.category))

    @property
    def t3_row_by_id(self) -> dict[str, T3Row]:
        return {r.id: r for r in self.t3_rows}

    def t2_cells(self) -> list[tuple[str, T2Block, T2Item, T2Measure]]:
        return [
            (t2_cell_id(item.id, m.id), block, item, m)
            for block in self.t2_blocks
            for item in block.items
            for m in block.measures
        ]

    def t3_cells(self) -> list[tuple[str, T3Row, T3Column]]:
        return [(t3_cell_id(r.id, c.id), r, c) for r in self.t3_rows for c in T3_COLUMNS]

    def t4_cells(self) -> list[tuple[str, T4Group, T4Column]]:
        return t4_cells()

    def all_cell_ids(self) -> list[str]:
        return [c[0] for c in self.t2_cells()] + [c[0] for c in self.t3_cells()] + [c[0] for c in self.t4_cells()]


LAYOUT_2021 = Layout("2021", "2021 年版格式（国办公开办函〔2021〕30号）", T2_BLOCKS, T3_ROWS)
LAYOUT_2019 = Layout("2019", "2019 年试行格式（国办公开办函〔2019〕60号）", T2_BLOCKS_2019, T3_ROWS_2019,
                     last_year=2020)
LAYOUTS: dict[str, Layout] = {LAYOUT_2021.name: LAYOUT_2021, LAYOUT_2019.name: LAYOUT_2019}


def layout_for_year(year: int | None) -> Layout:
    """The format a report of ``year`` is written in: the 2019 trial format up to the 2020
    reports, the 2021 format from the 2021 reports on (and when the year is unknown)."""
    if year is not None and LAYOUT_2019.last_year is not None and year <= LAYOUT_2019.last_year:
        return LAYOUT_2019
    return LAYOUT_2021


_Params = ParamSpec("_Params")
_Built = TypeVar("_Built")


def per_layout(build: Callable[_Params, _Built]) -> Callable[_Params, _Built]:
    """``build(*layouts)`` made once per combination of formats and then reused. The layouts are
    found by identity, not by hash: hashing a ``Layout`` walks all its rows (and the few layouts
    are module constants, kept alive here)."""
    made: dict[tuple[int, ...], tuple[tuple[Layout, ...], _Built]] = {}

    def get(*layouts: Layout) -> _Built:
        key = tuple(map(id, layouts))
        hit = made.get(key)
        if hit is None or any(a is not b for a, b in zip(hit[0], layouts, strict=True)):
            hit = made[key] = (layouts, cast(Any, build)(*layouts))
        return hit[1]

    get.__doc__ = build.__doc__
    return cast(Callable[_Params, _Built], get)  # (called with layouts only, positionally)


@dataclass(frozen=True)
class CellInfo:
    """Human-facing description of one cell, for messages."""

    cell_id: str
    table: str  # 表二 / 表三 / 表四
    row: str
    column: str
    is_total: bool = False
    decimal: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def description(self) -> str:
        return f"{self.table}“{self.row}”行“{self.column}”列"


def _build_cell_info(layout: Layout) -> dict[str, CellInfo]:
    info: dict[str, CellInfo] = {}
    for cid, block, item, m in layout.t2_cells():
        info[cid] = CellInfo(cid, "表二", f"{block.caption} {item.label}", m.label, decimal=m.decimal)
    for cid, row, col in layout.t3_cells():
        info[cid] = CellInfo(cid, "表三", row.full_label, col.label, is_total=row.is_total or col.is_total)
    for cid, group, col4 in layout.t4_cells():
        info[cid] = CellInfo(cid, "表四", group.full_label, col4.label, is_total=col4.is_total)
    return info


CELL_INFO_BY_LAYOUT: dict[str, dict[str, CellInfo]] = {name: _build_cell_info(lay) for name, lay in LAYOUTS.items()}
# Every cell of every format (ids shared by both formats mean the same cell; the 2021 wording wins)
CELL_INFO: dict[str, CellInfo] = {**CELL_INFO_BY_LAYOUT["2019"], **CELL_INFO_BY_LAYOUT["2021"]}
SIGNED_CELLS: frozenset[str] = frozenset(
    cid for layout in LAYOUTS.values() for cid, _, _, m in layout.t2_cells() if m.signed
)


def cell_info(cell_id: str, layout: Layout | None = None) -> CellInfo | None:
    """A cell's description in ``layout``'s wording (any format's when not given)."""
    if layout is not None:
        info = CELL_INFO_BY_LAYOUT[layout.name].get(cell_id)
        if info is not None:
            return info
    return CELL_INFO.get(cell_id)


def describe_cell(cell_id: str, layout: Layout | None = None) -> str:
    """“表三“（七）总计”行“自然人”列” — for every Chinese message about a cell."""
    ci = cell_info(cell_id, layout)
    return ci.description if ci else cell_id
