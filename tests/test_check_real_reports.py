"""The checker on each shared real report and the sample report (tests/fixtures copies).

Expected findings are listed per report; the only true errors in these published reports are
洪泽 2023's 表四 (totals that do not add up); 洪泽 2024's “区政府办代表区政府受理…17 件” vs 表三's 95
is a scope warning (the office speaking for itself; the table covers the whole government).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_report.checking import check_document
from draft_report.reading import read_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL = FIXTURES / "real_reports"
SAMPLE = FIXTURES / "seeds" / "xiaxian_2023.txt"


def check(path: Path, previous: Path | None = None):
    prev = read_report(previous) if previous else None
    return check_document(read_report(path), previous=prev)


def of(result, rule: str):
    return [f for f in result.findings if f.rule == rule]


def errors(result) -> list[tuple[str, str | None]]:
    return sorted((f.rule, f.location.cell_id) for f in result.by_severity("error"))


def test_huaian_2024_is_clean_and_its_prose_reconciles() -> None:
    result = check(REAL / "huaian_2024.txt")
    assert errors(result) == []
    assert result.by_severity("warning") == []
    # 受理 3119 / 答复 3050 / 上年结转 34 / 顺延 103 / 复议 351 … / 诉讼 46 are all verified, not listed
    unverified = " ".join(f.location.excerpt or "" for f in of(result, "prose.unverified"))
    assert "3119" not in unverified and "行政诉讼 46" not in unverified
    assert any(f.actual == "12" for f in of(result, "prose.unverified"))  # 新闻发布会 12 场: no data given


def test_hongze_2023_table4_inconsistency_is_found() -> None:
    result = check(REAL / "huaian-hongze_2023.txt")
    # 行政复议 10 1 0 0 | 0 and 复议后起诉 5 0 0 0 | 0: which cell is wrong cannot be told, none is blamed
    assert errors(result) == [("table.identity.H4", None), ("table.identity.H4", None)]
    rv = next(f for f in of(result, "table.identity.H4") if f.location.row == "行政复议")
    assert "总计”列为 0，各项之和为 11" in rv.message and "无法判断" in rv.message
    assert any("（六）其他处理" in f.message for f in of(result, "structure.old_format"))
    # the single-row （六） is reported once, not again as three blank sub-rows
    assert not [f for f in of(result, "table.blank.H6") if (f.location.cell_id or "").startswith("t3.r3_6_")]


def test_hongze_2024_prose_vs_table3_is_a_scope_warning() -> None:
    result = check(REAL / "huaian-hongze_2024.txt")
    assert result.by_severity("error") == []
    (f,) = of(result, "prose.scope_mismatch")
    assert f.severity == "warning" and (f.expected, f.actual) == ("95", "17") and "代表区政府" in f.message
    assert "受理政府信息公开申请 17 件" in f.location.excerpt and f.location.section == "overview"


def test_hongze_cross_year() -> None:
    result = check(REAL / "huaian-hongze_2024.txt", previous=REAL / "huaian-hongze_2023.txt")
    assert of(result, "cross.carry_over.X1") == []  # 0 carried out in 2023, 0 carried in in 2024
    assert of(result, "cross.valid_count.X2") == []  # 5 + 3 − 0 = 8 行政规范性文件
    assert of(result, "cross.rectification.X4")  # 2024 五 does not say how 2023's problems were fixed
    assert errors(result) == []


def test_shuyang_2023_quirks_are_warnings_not_errors() -> None:
    result = check(REAL / "shuyang-fagaiju_2023.txt")
    assert errors(result) == []
    assert of(result, "table.blank.H6")  # organisation columns left blank: blank is not 0
    assert [f.actual for f in of(result, "structure.heading_wording")] == ["五、存在的主要问题及整改措施"]
    assert [f.actual for f in of(result, "structure.old_format")] == ["规范性文件"]
    # "全年受理网络问政182件" is not a disclosure request: unverified, not a mismatch with 表三's 26
    assert any(f.actual == "182" for f in of(result, "prose.unverified"))


def test_shanghai_2024_degrades_gracefully() -> None:
    result = check(REAL / "shanghai-kewei_2024.txt")
    assert errors(result) == []
    assert of(result, "structure.heading_missing")  # the extraction lost “存在的主要问题及改进情况”
    assert not of(result, "prose.mismatch")


def test_sample_report_defects() -> None:
    result = check(SAMPLE)
    assert errors(result) == []
    assert [f.actual for f in of(result, "structure.heading_wording")] == ["四、政府信息公开行政复议、行政诉讼情"]
    assert [f.actual for f in of(result, "stale.topic")] == ["疫情防控"]
    assert of(result, "structure.fee_statement_missing")
    assert not of(result, "prose.zero_claim")  # 全年未收到…申请 and 表三 is all zeros


@pytest.mark.parametrize("path", [*sorted(REAL.glob("*.txt")), SAMPLE], ids=lambda p: p.name)
def test_no_traceback_and_json_round_trip(path: Path) -> None:
    import json

    result = check(path)
    data = json.loads(result.to_json())
    assert data["summary"]["errors"] == len(result.by_severity("error"))
