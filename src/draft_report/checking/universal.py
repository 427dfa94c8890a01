"""Claims without a number about how a table's parts split: “申请人全部为公民”, “均为自然人申请”,
“（复议、诉讼）均维持结果”.

A universal statement over a set the lexicon knows says every member is of one part; the table is
then checked on the parts it excludes, as zero claims: all applicants 自然人 → the 法人或其他组织
columns of 本年新收 are 0 (and all 法人 → 自然人 is 0); every 行政复议 / 行政诉讼 the sentence names
维持 → their 纠正, 其他结果 and 尚未审结 are 0. The words leave room (the set may be a subset the
sentence narrowed, carried-over requests may count), so these claims are never sure: a table that
contradicts one gives a warning, not an error (``UNSURE``).
"""

from __future__ import annotations

from draft_report.checking.claim import Claim
from draft_report.lexicon.fields import FACT_BY_ID, Fact, sum_fact
from draft_report.regex_cache import regex

UNSURE = 0.6  # below ``claim_check.SURE``: a contradiction is a warning
_ALL = r"(?:均|全部|全|都|皆|一律)"
_APPLICANTS = regex(
    _ALL + r"(?:为|是|系|属于?|来自)?(?:于)?(自然人|公民|个人|群众|法人或其他组织|法人和其他组织|法人|企业)")
_KEEP = regex(_ALL + r"(?:予以|被|为|是)?(?:结果)?维持")
_NATURAL = ("自然人", "公民", "个人", "群众")
_KEEP_OTHERS = ("fix", "other", "pending")


def may_be_universal(sentence: str) -> bool:
    """A cheap test first: a universal needs 申请 (applicants) or 维持 (results), and a word of “all”."""
    if "申请" not in sentence and "维持" not in sentence:
        return False
    return "均" in sentence or "全部" in sentence or "都" in sentence or "皆" in sentence or "一律" in sentence \
        or "全为" in sentence or "全是" in sentence


def _zero(fact_ids: list[str], sentence: str, start: int, end: int, offset: int) -> Claim | None:
    """One zero claim on the sum of ``fact_ids`` (one statement, one finding)."""
    members: list[Fact] = [f for i in fact_ids if (f := FACT_BY_ID.get(i)) is not None]
    if not members:
        return None
    fact = members[0] if len(members) == 1 else sum_fact(members, complete=False)
    return Claim("zero", sentence[start:end], 0.0, None, fact, sentence, start, end, confidence=UNSURE,
                 sentence_start=offset)


def universal_claims(sentence: str, offset: int = 0) -> list[Claim]:
    """The zero claims a universal statement of ``sentence`` implies (see the module docstring)."""
    out: list[Claim] = []
    if "申请" in sentence:
        for m in _APPLICANTS.finditer(sentence):
            # “申请人全部为公民”: the 申请 the statement is about stands before it (not “…，均为自然人” of 留言)
            if "申请" not in sentence[: m.start()] and "申请" not in sentence[m.end(): m.end() + 3]:
                continue
            other = "requests_new_org" if m.group(1) in _NATURAL else "requests_new_np"
            c = _zero([other], sentence, m.start(), m.end(), offset)
            if c is not None:
                out.append(c)
    if "维持" in sentence:
        for m in _KEEP.finditer(sentence):
            before = sentence[: m.start()]
            groups = [g for g, w in (("review", "复议"), ("litigation", "诉讼")) if w in before]
            c = _zero([f"{g}_{col}" for g in groups for col in _KEEP_OTHERS], sentence, m.start(), m.end(), offset)
            if c is not None:
                out.append(c)
    return out
