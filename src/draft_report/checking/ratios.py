"""Percentages and comparisons with last year, as claims over two measures.

A percentage is a ratio claim: its numerator is the measure named in its clause (“办结率” →
办结; “予以公开占比” → 予以公开) or, for “占比/占…的”, the number just before it (“予以公开50件，
占52.6%”); its denominator is the measure named after 占 (“占办结总数的”), else the measure the
numerator is a part of (a 办理结果 row → 办理结果总计 and 受理 总数; a 申请人 column → 新收; a
channel → all information), else the first number of the sentence. Verified to the printed
decimals. A percentage with no ratio word or no binding is not listed (合格率100%: the data has no such measure).

A number right after 同比/较上年/比上年 … 增加/减少 (“较上年增加12件”, “同比增长15%”) is a change,
not a level: verified only with last year's figures (``--previous``), else unbound (info).
"""

from __future__ import annotations

from collections.abc import Sequence

from draft_report.checking.claim import Claim
from draft_report.checking.topic import after_foreign_count, unbound_before
from draft_report.lexicon.binding import bind_claim
from draft_report.lexicon.fields import FACT_BY_ID, Fact
from draft_report.regex_cache import regex

# “(?<![\d.])\d+” written as a first digit then the lookbehind: a pattern that starts with a digit is scanned fast.
_PERCENT = regex(r"(\d(?<![\d.]\d)\d*(?:\.(\d+))?)\s*[%％]")
_COMPARISON = regex(
    r"(?:同比|较上年度?|比上年度?|较去年|比去年|与上年相比|与去年相比|较上一年度?|比上一年度?|环比)"
    r"[^，,。；;]{0,8}?(?:增加|增长|减少|下降|上升|降低|提高|提升|多|少)了?(?:约|近)?\s*$"
)
_CLAUSE_END = "，,；;。：:！？!?\n"
_RATIO_WORDS = ("占比", "比例", "比重", "占")


def comparison_words(sentence: str, start: int) -> str | None:
    """“较上年增加” when the number at ``start`` states a change from last year; else None."""
    before = sentence[max(0, start - 24) : start]
    if "比" not in before and "较" not in before:
        return None  # every opening of ``_COMPARISON`` holds 比 or 较: no regex pass needed
    m = _COMPARISON.search(before)
    return m.group(0).strip() if m else None


def _clause_start(sentence: str, pos: int) -> int:
    i = pos - 1
    while i >= 0 and sentence[i] not in _CLAUSE_END:
        i -= 1
    return i + 1


# Words a share's clause may hold besides its label (“其中占”, “分别约占”): no label of their own.
_SHARE_FILLERS = regex(r"其中|分别|合计|总共|共计|大约|约|共|仅|均|各|达|的|\s")


def _own_label(before_ratio: str) -> bool:
    """True when the clause names a part of its own before 占 (“其他情况”, “其余”), not only fillers; a clause
    with a number (“不予公开178件、占5.8%”) gives its share to that number."""
    return not any(c.isdigit() for c in before_ratio) and len(_SHARE_FILLERS.sub("", before_ratio)) >= 2


def _bound(facts: Sequence[Fact], sentence: str, at: int, lo: int) -> list[Fact]:
    """The measure(s) named in ``sentence[lo:at]`` right before ``at`` (lists summed), units not checked."""
    b = bind_claim(facts, sentence, at, at, None, lo, at)
    return [b.fact, *b.alternatives] if b.fact is not None else []


def _default_denominators(num: Fact) -> list[Fact]:
    """The whole the numerator's measure is a part of."""
    cells = [c for p in (num.parts or (num,)) for c in p.cells]
    ids: list[str] = []
    if cells and all(c.startswith("t3.r3_") for c in cells):
        ids = ["requests_closed", "requests_new"]
    elif cells and all(c.startswith("t3.r1_new") for c in cells):
        ids = ["requests_new"]
    elif num.id in ("requests_closed", "requests_carry_out", "requests_carry_in"):
        ids = ["requests_new"]
    elif num.id.startswith("review_"):
        ids = ["review_total"]
    elif num.id.startswith("litigation_"):
        ids = ["litigation_total"]
    out = [FACT_BY_ID[i] for i in ids if i in FACT_BY_ID]
    if num.family_total or (num.parts and num.parts[0].family_total):
        key = num.family_total or num.parts[0].family_total
        out.append(Fact(key or "", "全部信息", (), aggregate=key))
    return out


def percent_claims(sentence: str, offset: int, facts: Sequence[Fact], numbers: Sequence[Claim],
                   original: str | None = None) -> list[Claim]:
    """The percentages of one sentence as ratio (or change) claims.

    ``sentence``: the sentence with its labels folded (``fold_parentheses``); ``original``: as written."""
    if "%" not in sentence and "％" not in sentence:
        return []  # no percentage: nothing below would match
    original = sentence if original is None else original
    out: list[Claim] = []
    for m in _PERCENT.finditer(sentence):
        start, end = m.start(), m.end()
        value = float(m.group(1))
        decimals = len(m.group(2) or "")
        clause_at = _clause_start(sentence, start)
        clause = sentence[clause_at:start]
        earlier = [c for c in numbers if c.end <= start and c.fact is not None and c.kind == "number"]
        comparison = comparison_words(sentence, start)
        base = dict(sentence=original, start=start, end=end, sentence_start=offset, decimals=decimals)
        if comparison is not None:
            named = _bound(facts, sentence, start, clause_at)
            if not named and earlier:
                named = [earlier[-1].fact, *earlier[-1].alternatives]  # type: ignore[list-item]
            fact = named[0] if named else None
            out.append(Claim("change", m.group(0), value, "%", fact, alternatives=tuple(named[1:]),
                             comparison=comparison, confidence=0.8, **base))  # type: ignore[arg-type]
            continue
        nums: list[Fact] = []
        dens: list[Fact] = []
        ratio = next((w for w in _RATIO_WORDS if w in clause), None)
        if "率" in clause and ratio is None:
            if after_foreign_count(sentence, start, numbers):
                continue  # “收到市长信箱来信7件，全部答复，答复率100%”: the rate of that topic
            nums = _bound(facts, sentence, clause_at + clause.rindex("率"), clause_at)
            dens = _default_denominators(nums[0]) if nums else []
        elif ratio is not None:
            at = clause.rindex(ratio)
            nums = _bound(facts, sentence, clause_at + at, clause_at)
            if not nums:
                # the number just before (“通过网络申请12件，占57%”): when it is bound to nothing, neither is its share
                if unbound_before(numbers, clause_at + at):
                    continue
                if _own_label(clause[:at]):
                    continue  # “…，其他情况占5.2%”: a part the clause names itself (no measure), not the number before
                prior = [c for c in earlier if c.end <= clause_at + at] or earlier
                if prior:
                    nums = [prior[-1].fact, *prior[-1].alternatives]  # type: ignore[list-item]
            named_den = _bound(facts, sentence, start, clause_at + at + len(ratio)) if ratio != "占比" else []
            if named_den:
                dens = named_den
            elif nums:
                dens = _default_denominators(nums[0])
                first = next((c.fact for c in numbers if c.fact is not None and c.kind == "number"), None)
                if not dens and first is not None and first.id != nums[0].id:
                    dens = [first]
        if not nums or not dens:  # a rate of something the data does not hold (合格率100%): not a claim
            continue
        out.append(Claim("percent", m.group(0), value, "%", nums[0], alternatives=tuple(nums[1:]),
                         denominators=tuple(dens), confidence=0.9, **base))  # type: ignore[arg-type]
    return out
