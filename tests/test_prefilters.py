"""``may_have_markers``: the substring pre-test never hides a scope marker the regex would find."""

from __future__ import annotations

import random
from pathlib import Path

from draft_report.checking.scope import SCOPE_MARKERS, may_have_markers, scope_markers

FIXTURES = Path(__file__).parent / "fixtures"
# one sentence per alternative of SCOPE_MARKERS
EXAMPLES = (
    "区政府办代表区政府受理申请17件", "市政府本级受理申请3件", "其中，区政府办公室受理5件", "政府办公厅收到2件",
    "截至6月底，共受理9件", "截止目前办结4件", "上半年受理3件", "下半年受理3件", "第一季度受理1件", "二季度受理2件",
    "1-6月受理8件", "3月份受理2件",
)


def test_every_alternative_is_seen_by_the_pre_test() -> None:
    for s in EXAMPLES:
        assert SCOPE_MARKERS.search(s), s
        assert may_have_markers(s), s
    assert not may_have_markers("全年受理政府信息公开申请21件，办结20件。")


def test_no_marker_of_the_fixture_reports_is_missed() -> None:
    lines = [line for p in sorted(FIXTURES.rglob("*.txt")) for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    found = 0
    for line in lines:
        if SCOPE_MARKERS.search(line):
            found += 1
            assert may_have_markers(line), line
        if not may_have_markers(line):
            assert scope_markers(line) == []
    assert found >= 5


def test_random_strings_of_marker_pieces() -> None:
    rng = random.Random(14)
    pieces = ("截", "至", "止", "6", "12", "月", "底", "份", "日", "代表", "人大", "政府", "办", "局", "其中", "，", "本级",
              "上", "下", "半年", "第", "一", "季度", "-", "至", " ", "受理", "申请", "3件")
    seen = 0
    for _ in range(3000):
        s = "".join(rng.choices(pieces, k=rng.randint(1, 10)))
        if SCOPE_MARKERS.search(s):
            seen += 1
            assert may_have_markers(s), s
    assert seen > 300


def test_comparison_words_without_bi_or_jiao_is_none_as_the_regex_says() -> None:
    from draft_report.checking.ratios import _COMPARISON, comparison_words

    openings = ("同比", "较上年", "较上年度", "比上年", "较去年", "比去年", "与上年相比", "与去年相比", "较上一年度", "比上一年", "环比")
    for o in openings:
        s = f"受理申请95件，{o}增加12件"
        assert comparison_words(s, s.index("12")) == f"{o}增加"
    rng = random.Random(3)
    pieces = (*openings, "增加", "减少", "了", "约", "，", "受理", "申请", "件", " ", "比", "较", "上年", "多")
    for _ in range(3000):
        s = "".join(rng.choices(pieces, k=rng.randint(1, 8))) + "12件"
        at = len(s) - 3
        m = _COMPARISON.search(s[max(0, at - 24) : at])
        assert comparison_words(s, at) == (m.group(0).strip() if m else None), s


def test_kind_of_previous_clause_sees_every_applicant_phrase() -> None:
    from draft_report.checking.row_scope import kind_of_previous_clause
    from draft_report.lexicon.applicants import APPLICANT_KINDS
    from draft_report.lexicon.fields import FACTS

    for k in APPLICANT_KINDS:
        for p in k.phrases:
            s = f"从申请主体看，以{p}为主，共95件"
            b = kind_of_previous_clause(s, s.index("95"), "件", FACTS)
            if not any(w in s for w in k.excludes) and any(f.columns == k.columns for f in FACTS):
                assert b.fact is not None, p
