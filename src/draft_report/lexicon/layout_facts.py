"""The lexicon for the format a report's tables are in: 2021 (``fields.FACTS``) or the 2019 trial format.

A 2019/2020 report is written in the 2019 trial format (``tables.layout.LAYOUT_2019``): its 表二
has no 制发/废止/现行有效 but 本年新制作数量 / 本年新公开数量 / 对外公开总数量 for 规章 and 规范性文件, a
处理决定数量 for 其他对外管理服务事项 too, no 收费金额, and the 政府集中采购 block; its 表三 has one
（六）其他处理 row. Prose claims of such a report (“新制作规范性文件3件”, “对外公开规范性文件总数量27件”,
“政府集中采购项目6个”) must bind to those cells, and nothing may bind to a cell the format lacks.

``facts_for_layouts(t2, t3)`` gives the lexicon for the formats of a report's 表二 and 表三 (each
read on its own): the 2021 lexicon with, for a 2019 表二, the facts of cells the 2019 format lacks
replaced by the facts of its own cells — generated from the layout's blocks, items and measures
(the words of each measure in ``_MEASURE_WORDS``) — and, for a 2019 表三, （六）其他处理 as its single row.
"""

from __future__ import annotations

from dataclasses import replace

from draft_report.lexicon.fields import FACTS, Fact
from draft_report.tables import layout as L

# How prose names each 2019 measure of 第二十条第（一）项: (id suffix, label, required words, priority).
# 制作 is the default reading of an issuing verb (制发, 印发, 出台 …); 新公开 and 对外公开总数 must be named.
_ISSUING = ("制作", "新制作", "制发", "印发", "出台", "制定", "新制定", "发布")
_NOT_ISSUING = ("清理", "审查", "审核", "备案", "评估", "修订", "修改", "征求意见", "解读", "宣传", "梳理", "废止")
_MEASURE_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], int]] = {
    # measure id: (words that must be near the number, words that must not, priority)
    "new_made": ((), ("新公开", "公开总数", "累计", "总数", "现行有效", "有效") + _NOT_ISSUING, 2),
    "new_public": (("新公开", "公开"), ("总数", "累计", "现行有效"), 3),
    "public_total": (("公开总数", "总数", "累计公开", "累计"), (), 4),
}
_DOC_EXCLUDES: dict[str, tuple[str, ...]] = {"reg": ("规章制度",)}
_PROCUREMENT_WORDS = ("集中采购", "政府采购", "采购项目")
_SERVICE_WORDS = ("其他对外管理服务事项", "对外管理服务事项", "管理服务事项")


def _document_facts_2019(layout: L.Layout) -> list[Fact]:
    out: list[Fact] = []
    block = layout.t2_blocks[0]
    for item in block.items:
        words = tuple(dict.fromkeys(w for w in (item.label, *item.variants) if w != "行政规范性文件")) or (item.label,)
        if item.id == "norm":
            words = ("规范性文件",)
        excl = _DOC_EXCLUDES.get(item.id, ())
        for m in block.measures:
            requires, excludes, priority = _MEASURE_WORDS[m.id]
            out.append(Fact(
                f"{item.id}_{m.id}", f"{item.label}（{m.label}）", words, cells=(L.t2_cell_id(item.id, m.id),),
                requires=requires, excludes=excl + excludes, priority=priority, elliptic=bool(requires),
            ))
    return out


def _other_facts_2019() -> list[Fact]:
    return [
        Fact("services", "其他对外管理服务事项处理决定", _SERVICE_WORDS, units=("件", "项", "个", "宗", "起", "份"),
             cells=("t2.services.decisions",), excludes=("信息", "申请", "受理"), priority=2, family="t2.decisions"),
        Fact("procurement_items", "政府集中采购项目数量", _PROCUREMENT_WORDS, units=("个", "项", "次", "件", "批"),
             cells=("t2.procurement.items",), excludes=("金额",), priority=3),
        Fact("procurement_amount_wan", "政府集中采购总金额（万元）", _PROCUREMENT_WORDS + ("采购总金额", "采购金额"),
             units=("万元", "元", "亿元"), cells=("t2.procurement.amount_wan",),
             unit_factors=(("元", 1e-4), ("亿元", 1e4)), priority=3),
    ]


def _in_layout(fact: Fact, cells: frozenset[str]) -> bool:
    own = [c for p in (fact.parts or (fact,)) for c in p.cells]
    return all(c in cells for c in own)


@L.per_layout
def facts_for_layouts(t2: L.Layout = L.LAYOUT_2021, t3: L.Layout = L.LAYOUT_2021) -> tuple[Fact, ...]:
    """The lexicon for a report whose 表二 is in format ``t2`` and 表三 in format ``t3`` (built once
    per pair of formats: the same tuple every time, so the binding's keyword index is found by identity)."""
    if t2 is L.LAYOUT_2021 and t3 is L.LAYOUT_2021:
        return FACTS
    t2_cells = frozenset(c for c, *_ in t2.t2_cells())
    t3_cells = frozenset(c for c, *_ in t3.t3_cells())
    out: list[Fact] = []
    for f in FACTS:
        own = [c for p in (f.parts or (f,)) for c in p.cells]
        if t3 is L.LAYOUT_2019 and f.id == "result_other":
            out.append(replace(f, label="其他处理", cells=("t3.r3_6.total",)))
            continue
        if any(c.startswith("t2.") and c not in t2_cells for c in own):
            continue  # a 2021 表二 cell the 2019 format lacks
        if any(c.startswith("t3.") and c not in t3_cells for c in own):
            continue  # （六）'s 2021 sub-rows
        out.append(f)
    if t2 is L.LAYOUT_2019:
        out += _document_facts_2019(t2) + _other_facts_2019()
    return tuple(out)
