"""The 依申请 register → 表三, with the carry-over across the year boundary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from draft_report.errors import InputError
from draft_report.logs.readers import read_log
from draft_report.logs.requests import (
    OUTCOME_CHOICES,
    REQUESTS_SPEC,
    Request,
    derive_table3,
    parse_requests,
    register_notices,
)
from draft_report.logs.values import normalize_choice
from draft_report.models.data import complete_table
from draft_report.tables import identities as I
from draft_report.tables import layout as L

D = dt.date


def parse(tmp_path: Path, *lines: str) -> list[Request]:
    p = tmp_path / "requests.csv"
    p.write_text("收到日期,申请人类型,办理结果,办结日期\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return parse_requests(read_log(p, REQUESTS_SPEC), p)


def req(
    received: dt.date, closed: dt.date | None, outcome: str | None = "r3_1_open", who: str = "np"
) -> Request:
    return Request(1, received, who, outcome if closed else None, closed)


def test_year_boundary_rules() -> None:
    register = [
        req(D(2023, 6, 1), D(2023, 12, 31)),  # closed before the year: left out
        req(D(2023, 12, 31), D(2024, 1, 1), "r3_2_partial"),  # carry-in, closed in the year
        req(D(2023, 12, 20), None),  # carry-in, still open: carry-out too
        req(D(2024, 1, 1), D(2024, 12, 31), "r3_5_2", "biz"),  # new, closed on the last day
        req(D(2024, 12, 31), D(2025, 1, 2), "r3_1_open", "law"),  # new, closed next year: carry-out
        req(D(2025, 1, 1), None),  # received after the year: left out
    ]
    s = derive_table3(register, 2024)
    t = s.table
    assert (s.new, s.carry_in, s.closed, s.carry_out, s.closed_before, s.received_after) == (2, 2, 2, 2, 1, 1)
    assert t.get("t3.r1_new.biz") == 1 and t.get("t3.r1_new.law") == 1 and t.get("t3.r1_new.np") == 0
    assert t.get("t3.r2_carry_in.np") == 2
    assert t.get("t3.r3_2_partial.np") == 1
    assert t.get("t3.r3_5_2.biz") == 1
    assert t.get("t3.r3_1_open.law") == 0  # closed in 2025: not a 2024 result
    assert t.get("t3.r4_carry_out.np") == 1 and t.get("t3.r4_carry_out.law") == 1


def test_identities_hold_by_construction() -> None:
    register = [
        req(
            D(2023, 11, 1) + dt.timedelta(days=i * 9),
            None if i % 5 == 0 else D(2024, 1, 1) + dt.timedelta(days=i * 11),
            L.T3_RESULT_ROWS[i % 21].id,
            L.T3_PART_COLUMNS[i % 6].id,
        )
        for i in range(60)
    ]
    t = derive_table3(register, 2024).table
    complete_table(t, "table3")  # raises on any violated identity
    for ident in I.IDENTITIES:
        if ident.rule in ("H1", "H2", "H3"):
            left, right = ident.evaluate(t.get)
            assert left == right, ident.name


def test_carry_out_of_one_year_is_carry_in_of_the_next() -> None:
    register = [
        req(D(2023, 12, 28), None),
        req(D(2023, 12, 29), D(2024, 1, 5), who="biz"),
        req(D(2023, 3, 1), D(2023, 3, 9)),
        req(D(2024, 2, 1), D(2024, 2, 9)),
    ]
    y2023 = derive_table3(register, 2023).table
    y2024 = derive_table3(register, 2024).table
    for col in L.T3_PART_COLUMNS:
        assert y2023.get(f"t3.r4_carry_out.{col.id}") == y2024.get(f"t3.r2_carry_in.{col.id}")
    assert y2024.get("t3.r2_carry_in.biz") == 1


def test_notices_say_how_many_were_left_out_and_carried_in() -> None:
    s = derive_table3(
        [req(D(2022, 5, 1), D(2022, 5, 9)), req(D(2023, 12, 30), None), req(D(2025, 2, 1), None)], 2024
    )
    text = "\n".join(register_notices(s, 2024, "台账 r.csv"))
    assert "2 条记录不属于 2024 年度" in text
    assert "1 件在 2024 年以前已办结" in text and "1 件在 2024 年以后收到" in text
    assert "1 件 2023 年及以前收到" in text


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("予以公开", "r3_1_open"),
        ("（一）予以公开", "r3_1_open"),
        ("部分公开", "r3_2_partial"),
        ("不予公开·保护第三方合法权益", "r3_3_4"),
        ("不予公开-保护第三方合法权益", "r3_3_4"),
        ("保护第三方合法权益", "r3_3_4"),
        ("（三）不予公开 4.保护第三方合法权益", "r3_3_4"),
        ("本机关不掌握相关政府信息", "r3_4_1"),
        ("重复申请", "r3_5_2"),
        ("逾期不补正", "r3_6_1"),
        ("其他处理·逾期未缴费", "r3_6_2"),
        ("2.其他法律行政止公开", "r3_3_2"),
        ("r3_6_3", "r3_6_3"),
    ],
)
def test_outcome_accepts_labels_and_short_forms(text: str, row: str) -> None:
    assert OUTCOME_CHOICES[normalize_choice(text)] == row


def test_every_result_row_can_be_named_by_its_label_and_short_name() -> None:
    for row in L.T3_RESULT_ROWS:
        assert OUTCOME_CHOICES[normalize_choice(row.full_label)] == row.id
        assert OUTCOME_CHOICES[normalize_choice(row.short)] == row.id


def test_parse_register_with_aliases(tmp_path: Path) -> None:
    rs = parse(
        tmp_path,
        "2024/1/5,公民,予以公开,2024年1月20日",
        "20240301,企业,,",
        "2024.3.2,律师事务所,重复申请,2024-03-09",
    )
    assert [(r.applicant, r.outcome, r.closed) for r in rs] == [
        ("np", "r3_1_open", D(2024, 1, 20)),
        ("biz", None, None),
        ("law", "r3_5_2", D(2024, 3, 9)),
    ]
    assert rs[1].line == 3


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("2024-01-05,自然人,同意公开,2024-01-09", "办理结果", "不是可用的取值"),
        ("2024-01-05,外国人,予以公开,2024-01-09", "申请人类型", "应为以下之一：自然人、商业企业"),
        ("2024-13-05,自然人,予以公开,2024-01-09", "收到日期", "不是有效日期"),
        ("去年,自然人,予以公开,2024-01-09", "收到日期", "不是有效日期"),
        (",自然人,予以公开,2024-01-09", "收到日期", "不能为空"),
        ("2024-01-05,自然人,予以公开,", "办结日期", "办理结果留空"),
        ("2024-01-05,自然人,,2024-01-09", "办理结果", "办理结果为空"),
        ("2024-01-05,自然人,予以公开,2024-01-01", "办结日期", "早于收到日期"),
    ],
)
def test_bad_rows_name_line_and_column(tmp_path: Path, line: str, column: str, expected: str) -> None:
    with pytest.raises(InputError) as err:
        parse(tmp_path, "2024-01-02,自然人,予以公开,2024-01-03", line)
    msg = str(err.value)
    assert "requests.csv" in msg and "第3行" in msg and f"“{column}”列" in msg
    assert expected in msg
