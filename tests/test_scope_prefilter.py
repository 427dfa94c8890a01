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
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        if SCOPE_MARKERS.search(s):
            seen += 1
            assert may_have_markers(s), s
    assert seen > 300
