"""Applicant kinds bind to 表三 columns over the rows of their parent clause (``checking.row_scope``),
and an explicit 新收 qualifier excludes the carried-over reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkdocs import make_tables
from draft_report.checking.claim_check import ClaimCheck, check_claims
from draft_report.checking.fact_source import FactSource

# make_tables: 新收 5 (自然人 4, 商业企业 1), 上年结转 1 (自然人), 办结 4 (自然人 3: 予以公开 2, 部分公开 1;
# 商业企业 1: 无法提供), 结转下年度 2 (自然人)
SOURCE = FactSource(make_tables())
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def checks(text: str) -> list[ClaimCheck]:
    return [c for c in check_claims(text, SOURCE) if c.claim.kind == "number"]


def last(text: str) -> ClaimCheck:
    return checks(text)[-1]


def test_true_breakdowns_of_any_row_are_silent() -> None:
    for text in (
        "全年收到政府信息公开申请5件，其中公民申请4件、企业申请1件。",
        "全年办结申请4件，其中自然人申请3件、企业1件。",
        "结转下年度继续办理的申请2件，其中自然人2件。",
        "予以公开2件，其中自然人2件。",
        "上年结转的1件申请中，自然人1件。",
        "共受理申请6件（含上年结转1件），其中自然人5件、法人1件。",
        "本年新收的申请中，自然人提出4件，法人或其他组织提出1件。",
        "从申请人类型看，自然人4件，商业企业1件，科研机构0件，法律服务机构0件，其他0件。",
        "律师事务所提出申请0件。",
        "自然人和法人共提出申请5件。",
        "全年共办结申请4件。其中，自然人3件，法人或其他组织1件。",
    ):
        found = checks(text)
        assert found and all(c.verdict == "agrees" for c in found), (text, [(c.text, c.verdict) for c in found])


def test_breakdown_of_the_closed_requests_is_checked_against_that_row() -> None:
    c = last("全年办结申请4件，其中自然人申请4件。")  # 办结 自然人 is 3 (新收 自然人 is 4)
    assert c.verdict == "disagrees_unambiguous" and c.expected == 3
    assert c.readings[0].items == ("t3.r3_7_total.np",)
    assert c.finding is not None and c.finding.severity == "error" and "办理结果总计（自然人）" in c.finding.message
    c = last("结转下年度继续办理的申请2件，其中自然人1件。")
    assert c.verdict == "disagrees_unambiguous" and c.readings[0].items == ("t3.r4_carry_out.np",)
    c = last("予以公开2件，其中自然人1件。")
    assert c.verdict == "disagrees_unambiguous" and c.readings[0].items == ("t3.r3_1_open.np",)


def test_the_parents_value_decides_its_rows() -> None:
    # 6 = 新收 + 上年结转: the 其中 counts carried-over requests too (自然人 4 + 1)
    c = last("共受理申请6件（含上年结转1件），其中自然人4件。")
    assert c.verdict == "disagrees_unambiguous" and c.expected == 5
    assert c.readings[0].items == ("t3.r1_new.np", "t3.r2_carry_in.np")
    # 5 = 新收 alone: so is the 其中
    c = last("全年收到申请5件，其中自然人5件。")
    assert c.verdict == "disagrees_unambiguous" and c.expected == 4


def test_an_ambiguous_scope_disagreeing_with_every_reading_is_a_warning_naming_them() -> None:
    # not linked by 其中: the 办结 row, or 新收 as usual
    c = last("全年办结申请4件，自然人申请6件。")
    assert c.verdict == "disagrees_ambiguous" and c.expected is None
    assert c.finding is not None and c.finding.severity == "warning"
    assert "办理结果总计（自然人）" in c.finding.message and "本年新收申请（自然人）" in c.finding.message
    assert last("全年办结申请4件，自然人申请4件。").verdict == "agrees"  # the 新收 reading
    # 受理 = 新收, or 新收 + 上年结转
    assert last("受理自然人申请5件。").verdict == "agrees"
    c = last("受理自然人申请7件。")
    assert c.verdict == "disagrees_ambiguous" and {r.expected for r in c.readings} == {4, 5}


def test_kinds_short_forms_and_sums_bind_to_their_columns() -> None:
    c = last("企业提出政府信息公开申请2件。")
    assert c.verdict == "disagrees_unambiguous" and c.readings[0].items == ("t3.r1_new.biz",)
    c = last("法人申请2件。")  # 法人 = the five organisation columns
    assert c.verdict == "disagrees_unambiguous" and c.expected == 1 and len(c.readings[0].items) == 5
    c = last("自然人和法人共提出申请6件。")  # every applicant: the 总计 column
    assert c.verdict == "disagrees_unambiguous" and c.readings[0].items == ("t3.r1_new.total",)
    c = last("从申请人类型看，自然人4件，商业企业1件，其他2件。")  # a bare 其他 after kinds: the 其他 column
    assert c.verdict == "disagrees_unambiguous" and c.readings[0].items == ("t3.r1_new.oth",)
    # the object of a request, not its applicant
    assert last("因涉及个人隐私不予公开的申请0件。").claim.fact is None or \
        last("因涉及个人隐私不予公开的申请0件。").claim.fact.columns == ()


def test_an_explicit_new_qualifier_excludes_the_carried_over_reading() -> None:
    c = last("本年新收政府信息公开申请6件。")  # 6 = 新收 + 上年结转: not what 本年新收 says
    assert c.verdict == "disagrees_unambiguous" and c.expected == 5 and len(c.readings) == 1
    assert last("全年受理政府信息公开申请6件。").verdict == "agrees"  # 受理 may include them
    c = last("本年新收申请5件，其中自然人5件。")
    assert c.verdict == "disagrees_unambiguous" and c.expected == 4
    assert last("全年新收到政府信息公开申请5件。").verdict == "agrees"


def test_a_bare_sum_after_a_clause_naming_a_kind_reads_as_that_kind_or_all_requests() -> None:
    c = last("从申请主体看，以自然人为主，共4件。")
    assert c.verdict == "agrees" and c.readings[0].items == ("t3.r1_new.np",)
    assert last("从申请主体看，以自然人为主，共5件。").verdict == "agrees"  # all requests
    c = last("从申请主体看，以自然人为主，共9件。")
    assert c.verdict == "disagrees_ambiguous" and c.finding is not None and c.finding.severity == "warning"


def test_words_that_are_not_requests_do_not_bind_a_kind() -> None:
    (c,) = checks("征求意见期间，公民提出意见30条。")
    assert c.claim.fact is None or not c.claim.fact.columns


def test_respectively_over_kinds_and_a_clause_after_a_semicolon() -> None:
    found = checks("全年共收到申请5件，其中自然人、法人或其他组织分别为4件、1件。")
    assert [c.verdict for c in found] == ["agrees"] * 3
    assert found[1].readings[0].items == ("t3.r1_new.np",)
    c = checks("全年共收到申请5件，其中自然人、法人或其他组织分别为4件、2件。")[-1]
    assert c.verdict == "disagrees_unambiguous" and c.expected == 1
    # a sentence after ； continues the one before: the kind takes 申请 from it
    c = last("从申请人类型看，自然人4件；法人或其他组织3件。")
    assert c.verdict == "disagrees_unambiguous" and c.expected == 1


class _Everything(str):
    def __contains__(self, _: object) -> bool:
        return True


def test_kind_of_previous_clause_pre_test_passes_over_nothing_it_would_bind(monkeypatch: pytest.MonkeyPatch) -> None:
    """The look at the character before the number (``_BARE_SUM_ENDS``) only skips numbers the whole
    test would not bind: the same binding with and without it, at every number of every fixture."""
    from draft_report.checking import row_scope as R
    from draft_report.checking.claims import sentences
    from draft_report.lexicon.fields import FACTS
    from draft_report.lexicon.numerals import find_quantities

    cases = []
    extra = ["从申请主体看，以自然人为主，共95件", "以法人为主， 共计 3件", "自然人申请为主,为 4件", "企业， 12件"]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*.txt"))]
    for text in [*texts, *extra]:
        for _, sent in sentences(text):
            cases += [(sent, q.start, q.unit) for q in find_quantities(sent)]
    fast = [R.kind_of_previous_clause(s, start, unit, FACTS) for s, start, unit in cases]
    monkeypatch.setattr(R, "_BARE_SUM_ENDS", _Everything())
    assert fast == [R.kind_of_previous_clause(s, start, unit, FACTS) for s, start, unit in cases]
    assert sum(b.fact is not None for b in fast) >= 3
