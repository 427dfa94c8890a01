"""The whole-text prefilters of ``extract_claims`` skip only searches that cannot match."""

from __future__ import annotations

from draft_report.checking.claims import _ZERO, _ZERO_FIRST, extract_claims


def test_every_zero_marker_starts_with_a_listed_character() -> None:
    head, _, _ = _ZERO.pattern.removeprefix("(?:").partition("无(?!")  # 无 with its lookahead: one word
    words = [*filter(None, head.split("|")), "无"]
    assert len(words) > 10 and all("(" not in w for w in words)
    assert {w[0] for w in words} <= set(_ZERO_FIRST)
    for w in words:
        assert _ZERO.match(w + "收到申请"), w


def test_zero_and_scope_claims_still_found_with_the_prefilters() -> None:
    text = "本年度未收到政府信息公开申请。截至6月底，受理申请3件。全年无行政复议。"
    claims = extract_claims(text)
    assert [c.kind for c in claims if c.kind == "zero"] == ["zero", "zero"]
    scoped = [c for c in claims if c.kind == "number"]
    assert scoped and scoped[0].scope is not None and "截至" in scoped[0].scope
