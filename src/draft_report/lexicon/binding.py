"""Bind a number in a sentence to the lexicon fact it quotes.

The context is the clause around the number: the text from the previous clause delimiter
(or the previous number) up to the number, and, when that names nothing, the text after the
number up to the next delimiter (or the next number). "受理政府信息公开申请 3119 件，答复
3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）" binds 3119 → 新收, 3050 → 办结,
34 → 上年结转, 103 → 结转下年度. Outcome facts (结果维持 …) also need the group the sentence is
about: the last 行政复议 / 行政诉讼 before the number (and a publication column, the channel).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from draft_report.lexicon.fields import Fact

CLAUSE_DELIMITERS = "，,；;。！？!?：:、（）()【】“”\"《》\n"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Match:
    fact: Fact
    keyword: str
    side: str  # left | right
    distance: int

    def rank(self) -> tuple[int, int, int]:
        return (self.fact.priority, -self.distance, len(self.keyword))


def compact(text: str) -> str:
    return _SPACE.sub("", text)


def clause_window(sentence: str, start: int, end: int, prev_end: int = 0, next_start: int | None = None) -> tuple[str, str]:
    """(left, right) text of the clause around ``sentence[start:end]``, spaces removed."""
    lo = max(prev_end, 0)
    i = start - 1
    while i >= lo and sentence[i] not in CLAUSE_DELIMITERS:
        i -= 1
    left = sentence[i + 1 : start]
    hi = len(sentence) if next_start is None else min(next_start, len(sentence))
    j = end
    while j < hi and sentence[j] not in CLAUSE_DELIMITERS:
        j += 1
    right = sentence[end:j]
    return compact(left), compact(right)


def last_named(before: str, family: tuple[str, ...]) -> str | None:
    """Of the words in ``family``, the one named last in ``before`` (longest wins at a tie)."""
    best: tuple[int, int] | None = None
    found = None
    for w in family:
        idx = before.rfind(w)
        if idx >= 0 and (best is None or (idx + len(w), len(w)) > best):
            best, found = (idx + len(w), len(w)), w
    return found


def _allowed(fact: Fact, window: str, unit: str | None, before: str | None) -> bool:
    if unit is not None and unit not in fact.units:
        return False
    if fact.requires and not any(w in window for w in fact.requires):
        return False
    if fact.requires_all and not all(w in window for w in fact.requires_all):
        return False
    if fact.excludes and any(w in window for w in fact.excludes):
        return False
    if fact.sentence_excludes and before is not None and any(w in before for w in fact.sentence_excludes):
        return False
    if fact.context is not None and (before is None or last_named(before, fact.context_family) != fact.context):
        return False
    return True


def candidates(
    facts: Sequence[Fact], left: str, right: str, unit: str | None, before: str | None
) -> list[Match]:
    """Facts named on the left (preferred) or, failing that, on the right of the number."""
    window = left + right
    for side, text in (("left", left), ("right", right)):
        found: list[Match] = []
        for fact in facts:
            best: Match | None = None
            for kw in fact.keywords:
                idx = text.rfind(kw) if side == "left" else text.find(kw)
                if idx < 0:
                    continue
                dist = len(text) - (idx + len(kw)) if side == "left" else idx
                m = Match(fact, kw, side, dist)
                if best is None or m.rank() > best.rank():
                    best = m
            if best is not None and _allowed(fact, window, unit, before):
                found.append(best)
        if found:
            return found
    return []


def best_match(matches: Sequence[Match]) -> Match | None:
    return max(matches, key=lambda m: m.rank()) if matches else None


def bind_number(
    facts: Sequence[Fact],
    sentence: str,
    start: int,
    end: int,
    unit: str,
    prev_end: int = 0,
    next_start: int | None = None,
) -> Fact | None:
    """The fact the number at ``sentence[start:end]`` quotes, or None."""
    left, right = clause_window(sentence, start, end, prev_end, next_start)
    if "每" in left:  # 每半年一次: a frequency, not a count
        return None
    before = compact(sentence[:start])
    m = best_match(candidates(facts, left, right, unit, before))
    return m.fact if m else None


def bind_zero(facts: Sequence[Fact], phrase: str, obj: str) -> list[Fact]:
    """Facts a zero claim ("未收到" + "政府信息公开申请") is about: the most specific ones."""
    window = compact(phrase + obj)
    usable = [f for f in facts if f.context is None and f.zero_phrases]
    found = candidates(usable, window, "", None, None)
    if found:
        top = max(m.fact.priority for m in found)
        return [m.fact for m in found if m.fact.priority == top]
    # "无政府信息公开申请": the object itself names the fact. Not "没有超期答复的申请" (a qualified
    # object says nothing about the total), and never against the fact's exclusions.
    obj_c = compact(obj)
    if "的" in obj_c or len(obj_c) > 14:
        return []
    return [
        f for f in usable
        if any(w in obj_c for w in f.zero_phrases) and not any(w in window for w in f.excludes)
    ][:1]
