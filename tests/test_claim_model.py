"""The claim model: readings, verdicts, spans (``checking.claim_check``) — the contract of docs/checker.md."""

from __future__ import annotations

from checkdocs import make_tables
from draft_report.checking.claim_check import check_claims
from draft_report.checking.claims import MAX_NUMBERS_PER_SENTENCE, extract_claims
from draft_report.checking.fact_source import FactSource

# make_tables: 新收 5, 上年结转 1, 办结 4 (予以公开 2, 部分公开 1, 无法提供 1), 结转下年度 2, 许可 120
SOURCE = FactSource(make_tables())


def one(text: str):  # type: ignore[no-untyped-def]
    checks = [c for c in check_claims(text, SOURCE) if c.claim.kind != "zero"]
    assert len(checks) == 1, checks
    return checks[0]


def test_agreeing_with_any_reading_is_not_an_error() -> None:
    assert one("全年受理政府信息公开申请5件。").verdict == "agrees"
    c = one("全年受理政府信息公开申请6件。")  # 新收 + 上年结转
    assert c.verdict == "agrees"
    assert {r.expected for r in c.readings} == {5, 6}


def test_unambiguous_disagreement_is_an_error_with_the_value_to_write() -> None:
    text = "全年受理政府信息公开申请7件。"
    c = one(text)
    assert c.verdict == "disagrees_unambiguous" and c.expected == 5
    assert text[c.start:c.end] == "7件" and c.text == "7件"
    assert c.finding is not None and c.finding.rule == "prose.mismatch" and c.finding.severity == "error"
    assert c.readings[0].items == ("t3.r1_new.total",) and c.readings[0].op == "cell"


def test_span_is_in_the_paragraph_after_earlier_sentences() -> None:
    text = "我局高度重视。全年作出行政许可决定121件。"
    c = one(text)
    assert text[c.start:c.end] == "121件" and c.verdict == "disagrees_unambiguous"


def test_approximations_are_ranges_with_a_stated_side() -> None:
    c = one("全年作出行政许可决定100余件。")
    assert (c.low, c.high, c.verdict) == (100, 200, "agrees")
    c = one("全年作出行政许可决定130余件。")  # 120 is below the stated side: plainly wrong
    assert c.verdict == "disagrees_unambiguous" and c.finding is not None and c.finding.severity == "error"
    c = one("全年作出行政许可决定约200件。")  # beyond the fuzzy side only
    assert c.verdict == "disagrees_ambiguous" and c.finding is not None and c.finding.rule == "prose.approx_mismatch"
    assert c.expected is None


def test_percentages_are_ratios_checked_to_their_decimals() -> None:
    checks = check_claims("全年办结申请4件，其中予以公开2件，占50%。", SOURCE)
    pct = [c for c in checks if c.claim.kind == "percent"]
    assert pct and pct[0].verdict == "agrees" and pct[0].readings[0].op == "ratio"
    checks = check_claims("全年办结申请4件，其中予以公开2件，占60%。", SOURCE)
    (pct2,) = [c for c in checks if c.claim.kind == "percent"]
    assert pct2.verdict in ("disagrees_unambiguous", "disagrees_ambiguous") and pct2.finding is not None


def test_scoped_numbers_name_the_scope() -> None:
    c = one("截至6月底，现行有效行政规范性文件10件。")  # a moment: info, not the year's figure
    assert c.verdict == "scoped" and c.finding is not None and c.finding.severity == "info"
    assert "截至6月底" in c.finding.message
    c = one("其中，区政府办公室受理政府信息公开申请3件。")  # a sub-unit: a warning for a person
    assert c.verdict == "scoped" and c.finding is not None and c.finding.severity == "warning"
    assert "区政府办" in c.finding.message
    assert one("截至2023年12月31日，现行有效行政规范性文件12件。").verdict == "agrees"


def test_change_from_last_year_is_unverified_without_previous() -> None:
    checks = check_claims("全年受理政府信息公开申请5件，较上年增加2件。", SOURCE)
    change = [c for c in checks if c.claim.kind == "change"]
    assert change and change[0].verdict == "unbound" and change[0].finding is not None
    assert change[0].finding.severity == "info" and "上年" in change[0].finding.message


def test_change_from_last_year_is_checked_with_previous() -> None:
    previous = FactSource(make_tables({"t3.r1_new.total": 3, "t3.r1_new.np": 2}))
    source = FactSource(make_tables(), previous=previous)
    ok = [c for c in check_claims("受理政府信息公开申请5件，较上年增加2件。", source) if c.claim.kind == "change"]
    bad = [c for c in check_claims("受理政府信息公开申请5件，较上年增加4件。", source) if c.claim.kind == "change"]
    assert ok[0].verdict == "agrees"
    assert bad[0].verdict in ("disagrees_unambiguous", "disagrees_ambiguous")


def test_many_numbers_in_one_sentence_are_bounded() -> None:
    text = "、".join(f"{i}件" for i in range(10_000)) + "。"
    claims = extract_claims(text)
    assert len(claims) == 1 and claims[0].kind == "too_many"
    checks = check_claims(text, SOURCE)
    assert checks[0].finding is not None and checks[0].finding.rule == "prose.too_many_numbers"
    few = "、".join(f"{i}件" for i in range(MAX_NUMBERS_PER_SENTENCE)) + "。"
    assert len(extract_claims(few)) == MAX_NUMBERS_PER_SENTENCE
