"""Numbers with measure words: Arabic, spaced (pdftotext), Chinese numerals; what is not a claim."""

from __future__ import annotations

import pytest

from draft_report.checking.claims import extract_claims
from draft_report.lexicon.numerals import find_quantities, replace_number


def values(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234件", [(1234, "件")]),
        ("受理 3 119 件，答复 3050 件", [(3119, "件"), (3050, "件")]),
        ("三十七条", [(37, "条")]),
        ("两件", [(2, "件")]),
        ("一百二十件", [(120, "件")]),
        ("新闻发布会 12 场，公报 6 期", [(12, "场"), (6, "期")]),
        ("收取信息处理费 3940 元", [(3940, "元")]),
        ("收费金额 1.5万元", [(1.5, "万元")]),
        ("培训 120 人次", [(120, "人次")]),
        ("１２件", [(12, "件")]),
    ],
)
def test_reads_quantities(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "一是加强组织领导，二是完善制度",
        "第二十条第（一）项",
        "《条例》（国令第711号）",
        "国办公开办函〔2021〕30号",
        "2023年1月18日",
        "统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日",
        "电话：0517-83605210，邮编：223001",
        "合格率均为 100%",
        "危及“三安全一稳定”",
        "落实“三审三校”制度",
        "党的二十大精神",
        "1.强化组织领导",
        "一次性告知",
        "所有申请均在20个工作日内办结",
        "在四个季度的检查中",
        "第 3 次会议",
        "每一件申请",
        "统一部署",
    ],
)
def test_not_claims(text: str) -> None:
    assert find_quantities(text) == []
    assert extract_claims(text) == []


def test_approximate_figures_are_marked() -> None:
    (q,) = find_quantities("主动公开各类政府信息 5500 余条")
    assert q.value == 5500 and q.approx
    (q,) = find_quantities("发布信息约300条")
    assert q.approx


def test_replace_number_keeps_style() -> None:
    (q,) = find_quantities("三十七条")
    assert replace_number(q, 38) == "三十八条"
    (q,) = find_quantities("3 119 件")
    assert replace_number(q, 3120) == "3120 件"
