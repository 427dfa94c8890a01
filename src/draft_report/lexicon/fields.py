"""One lexicon of data fields and the Chinese phrases that name them.

Both sides use it: the drafter's facts sheet lists every ``Fact`` with its label and value
(a number the drafter may write), and the checker binds each number it finds in the prose to
a fact through the same phrases (a number the checker can verify).

A fact's value comes from the tables (``cells``: summed) or, for activity logs, from an
aggregate key computed by ``logs`` (``aggregate``). ``keywords`` are the words that, found
near a number, bind it to this fact; ``units`` are the measure words it is counted in.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    id: str
    label: str  # Chinese label for facts sheets and messages
    keywords: tuple[str, ...]  # phrases that name the fact in prose
    units: tuple[str, ...] = ("件",)
    cells: tuple[str, ...] = ()  # summed table cells
    aggregate: str | None = None  # key into the log aggregates (see logs.aggregate)
    zero_phrases: tuple[str, ...] = ()  # zero claims that bind to this fact, e.g. 未收到…申请


TABLE_FACTS: tuple[Fact, ...] = (
    Fact(
        "requests_new",
        "本年新收政府信息公开申请",
        ("新收", "受理", "收到", "接收"),
        cells=("t3.r1_new.total",),
        zero_phrases=("未收到", "没有收到", "未受理", "无"),
    ),
    Fact("requests_carry_in", "上年结转政府信息公开申请", ("上年结转", "上年度结转"), cells=("t3.r2_carry_in.total",)),
    Fact("requests_closed", "本年度办理结果总计（办结）", ("办结", "答复", "办理完毕"), cells=("t3.r3_7_total.total",)),
    Fact(
        "requests_carry_out",
        "结转下年度继续办理",
        ("结转下年度", "结转至下年度", "顺延", "转下一年度", "结转下一年度"),
        cells=("t3.r4_carry_out.total",),
    ),
    Fact("review_total", "政府信息公开行政复议", ("行政复议",), cells=("t4.rv.total",)),
    Fact(
        "litigation_total",
        "政府信息公开行政诉讼（直接起诉＋复议后起诉）",
        ("行政诉讼",),
        cells=("t4.ld.total", "t4.lr.total"),
    ),
    Fact("rules_made", "本年制发规章", ("规章",), cells=("t2.reg.made",)),
    Fact("norms_made", "本年制发行政规范性文件", ("规范性文件",), cells=("t2.norm.made",)),
    Fact("licensing", "行政许可处理决定", ("行政许可",), units=("件", "项", "个"), cells=("t2.licensing.decisions",)),
    Fact("penalty", "行政处罚处理决定", ("行政处罚",), units=("件", "项", "个"), cells=("t2.penalty.decisions",)),
    Fact("coercion", "行政强制处理决定", ("行政强制",), units=("件", "项", "个"), cells=("t2.coercion.decisions",)),
)
