"""Claims without a number about how a table's parts split (paraphrased real sentences, round 2)."""

from __future__ import annotations

from draft_report.checking.claims import extract_claims
from draft_report.checking.universal import UNSURE


def _zeros(text: str) -> list[tuple[str, str]]:
    return [(c.text, c.fact.id) for c in extract_claims(text) if c.kind == "zero" and c.fact is not None]


def test_all_applicants_natural_persons_means_no_organisation_requests() -> None:
    got = _zeros("2024年，本办共受理政府信息公开申请27件（含上年结转2件），申请人全部为公民。")
    assert got == [("全部为公民", "requests_new_org")]
    assert _zeros("区政府办共收到9份政府信息公开申请，均为自然人申请。") == [("均为自然人", "requests_new_org")]
    assert _zeros("本局收到申请3件，均为法人或其他组织提出。") == [("均为法人或其他组织", "requests_new_np")]


def test_all_kept_means_no_other_results_in_the_groups_named() -> None:
    claims = [c for c in extract_claims("办理因上年度申请引发行政复议1件、引发行政诉讼2件，均维持结果。") if c.kind == "zero"]
    assert len(claims) == 1 and claims[0].confidence == UNSURE
    ids = set(claims[0].fact.id.split("+"))
    assert ids == {f"{g}_{c}" for g in ("review", "litigation") for c in ("fix", "other", "pending")}
    only_review = [c for c in extract_claims("行政复议2件，均维持。") if c.kind == "zero"]
    assert only_review[0].fact.id == "review_fix+review_other+review_pending"


def test_no_universal_without_requests_or_a_group() -> None:
    assert _zeros("收到留言56条，均为群众咨询。") == []
    assert _zeros("维持现有栏目设置，均为常态化工作。") == []


def test_a_negated_verb_of_receiving_is_a_zero_claim() -> None:
    assert _zeros("2024年度，本街道办事处未接收到政府信息公开申请。") == [("未接收到政府信息公开申请", "requests_new")]
    assert _zeros("本局没有受理政府信息公开申请。") == [("没有受理政府信息公开申请", "requests_new")]


def test_an_ascii_comma_between_clauses_is_no_thousands_separator() -> None:
    claims = [c for c in extract_claims("依申请公开引起行政复议5件,2件经协调后申请人撤销,3件尚未审结。") if c.kind == "number"]
    assert [c.value for c in claims] == [5, 2, 3]
    assert claims[-1].fact is not None and claims[-1].fact.id == "review_pending"
    assert [c.value for c in extract_claims("收到1,234件。") if c.kind == "number"] == [1234]


def test_carry_over_named_verb_first_or_with_qu_nian() -> None:
    got = [(c.text, c.fact.id if c.fact else None) for c in extract_claims("新收到依申请公开政府信息80件，结转上年度办理4件。")]
    assert got == [("80件", "requests_new"), ("4件", "requests_carry_in")]
    got = [c.fact.id for c in extract_claims("共收到申请7件，办理答复8件（其中1件为去年结转）。") if c.fact]
    assert got[-1] == "requests_carry_in"
    got = [c.fact.id for c in extract_claims("办理申请61件，办结54件，结转下一年办理7件。") if c.fact]
    assert got[-1] == "requests_carry_out"
