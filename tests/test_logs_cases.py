"""The 复议/诉讼 case list → 表四."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_report.errors import InputError
from draft_report.logs.cases import CASES_SPEC, Case, case_notices, derive_table4, parse_cases
from draft_report.logs.readers import read_log
from draft_report.models.data import complete_table

HEADER = "类型,是否经复议,结果,立案日期,审结日期,案号"


def parse(tmp_path: Path, *lines: str) -> list[Case]:
    p = tmp_path / "cases.csv"
    p.write_text(HEADER + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return parse_cases(read_log(p, CASES_SPEC), p)


def test_cases_to_table4(tmp_path: Path) -> None:
    cases = parse(
        tmp_path,
        "行政复议,,维持,2024-04-08,2024-06-05,A1",
        "行政复议,否,纠正,2024-05-08,2024-07-05,A2",
        "行政复议,,维持,2024-11-08,2025-01-15,A3",  # concluded next year: pending at year end
        "行政诉讼,否,尚未审结,2024-11-20,,B1",
        "行政诉讼,是,其他,2024-02-01,2024-09-01,B2",
        "行政诉讼,是,结果维持,2023-02-01,2024-03-01,B3",  # filed last year: left out
    )
    s = derive_table4(cases, 2024)
    t = s.table
    complete_table(t, "table4")
    assert (t.get("t4.rv.keep"), t.get("t4.rv.fix"), t.get("t4.rv.pending"), t.get("t4.rv.total")) == (
        1,
        1,
        1,
        3,
    )
    assert (t.get("t4.ld.pending"), t.get("t4.ld.total")) == (1, 1)
    assert (t.get("t4.lr.other"), t.get("t4.lr.keep"), t.get("t4.lr.total")) == (1, 0, 1)
    assert (s.counted, s.filed_before, s.filed_after) == (5, 1, 0)
    assert "1 件案件不属于 2024 年度（1 件在 2024 年以前立案）" in case_notices(s, 2024, "清单")[0]


@pytest.mark.parametrize(
    ("line", "column", "expected"),
    [
        ("行政诉讼,,维持,2024-04-08,2024-06-05", "是否经复议", "复议后起诉"),
        ("行政复议,是,维持,2024-04-08,2024-06-05", "是否经复议", "应留空"),
        ("信访,,维持,2024-04-08,2024-06-05", "类型", "行政复议"),
        ("行政复议,,驳回,2024-04-08,2024-06-05", "结果", "维持、纠正、其他、尚未审结"),
        ("行政复议,,尚未审结,2024-04-08,2024-06-05", "审结日期", "应留空"),
        ("行政复议,,维持,2024-04-08,", "审结日期", "应填写审结日期"),
        ("行政复议,,维持,2024-04-08,2024-02-05", "审结日期", "早于立案日期"),
        ("行政复议,,维持,四月,2024-06-05", "立案日期", "不是有效日期"),
    ],
)
def test_bad_case_rows(tmp_path: Path, line: str, column: str, expected: str) -> None:
    with pytest.raises(InputError) as err:
        parse(tmp_path, line)
    msg = str(err.value)
    assert "cases.csv" in msg and "第2行" in msg and f"“{column}”列" in msg and expected in msg
