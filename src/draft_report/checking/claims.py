"""Claims in the prose: numbers with their measure word, and zero claims (未收到…申请).

``extract_claims(text)`` splits the text into sentences, finds every quantity
(``lexicon.numerals``) and every zero claim, and binds each to the lexicon fact it quotes
(``lexicon.binding``). A claim that binds to nothing keeps ``fact=None``: the checker lists
it as unverified, it is never silently passed.

One exception, by rule: a bare Chinese 一 or 两 with a measure word that binds to no fact is an
article or an idiom, not a count — “作为一项重要任务”, “一个中心”, “一件事一次办”, “两个维护”.
Written as a digit (“1件”) it stays a claim; bound (“受理申请一件”) it is checked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from draft_report.checking.claim import Claim
from draft_report.checking.ratios import comparison_words, percent_claims
from draft_report.checking.row_scope import CONTINUES, inherit_rows, kind_of_previous_clause, last_row_claim
from draft_report.checking.scope import may_have_markers, scope_before, scope_markers
from draft_report.lexicon.approx import approx_range, approx_word
from draft_report.lexicon.binding import (
    Binding,
    bind_indexed,
    bind_zero,
    clause_window,
    fold_parentheses,
    keyword_index,
)
from draft_report.lexicon.fields import FACTS, Fact, sum_fact
from draft_report.lexicon.numerals import CHINESE_DIGITS, Quantity, find_quantities, normalise_digits
from draft_report.lexicon.sentence_index import SentenceIndex
from draft_report.records_replace import replace
from draft_report.regex_cache import regex

_ENDS = "。！？!?；;\n"
SENTENCE_END = regex(f"[{_ENDS}]")
# Zero markers: a negation that says something did not happen at all.
_ZERO = regex(
    r"(?:未收到|没有收到|未接到|没有接到|未受理|未发生|没有发生|未产生|未出现|未收取|没有收取|未发出|未曾收到|未有"
    r"|没有|零|无(?!法|正当|力|需|论|关|疑|缝|纸|效|偿|意|理|从|奈|私|序|障|误|限|线|人|形|不|视|须|一|损|异|缘|愧|数|比|条|所|非))"
)
# Every alternative of ``_ZERO`` starts with one of these.
_ZERO_FIRST = "未没零无"
_OBJECT_END = regex(r"[，,。；;！？!?：:\n（(]")
# More numbers than this in one sentence are not bound one by one (a table pasted as prose, or a
# hostile file): the sentence gets one unbound claim instead — time and memory stay linear.
MAX_NUMBERS_PER_SENTENCE = 200
# Chinese numerals that, bound to nothing, are articles or idioms rather than counts.
IDIOM_NUMERALS: frozenset[str] = frozenset({"一", "两"})


# A piece of text up to and with its closing punctuation (``SENTENCE_END``).
_PIECE = regex(f"[^{_ENDS}]*[{_ENDS}]")


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pieces of ``text``, each with its closing punctuation (blank ones left out)."""
    start = 0
    for piece in _PIECE.findall(text):  # strings, not match objects: the offsets are running lengths
        if not piece.isspace():  # ``piece.strip()`` is not empty
            yield start, piece
        start += len(piece)
    if text[start:].strip():
        yield start, text[start:]


def _zero_claims(sentence: str, facts: Sequence[Fact], quantities: Sequence[Quantity], offset: int = 0) -> list[Claim]:
    out: list[Claim] = []
    for m in _ZERO.finditer(sentence):
        end_m = _OBJECT_END.search(sentence, m.end())
        obj_end = end_m.start() if end_m else len(sentence)
        obj = sentence[m.end() : obj_end]
        if any(m.end() <= q.start < obj_end for q in quantities):
            continue  # "没有超过 3 件" is a number, not a zero claim
        for fact in bind_zero(facts, m.group(0), obj):
            out.append(Claim("zero", sentence[m.start() : obj_end], 0, None, fact, sentence, m.start(), obj_end,
                             sentence_start=offset))
    return out


def is_idiom_numeral(raw: str, numeral: str) -> bool:
    """True for a bare Chinese 一 / 两 before its measure word (“一项”, “两个”)."""
    return numeral == "chinese" and raw[:1] in IDIOM_NUMERALS and raw[1:2] not in CHINESE_DIGITS


def extract_claims(text: str, facts: Sequence[Fact] | None = None) -> list[Claim]:
    """Every number-with-measure-word, percentage and zero claim in ``text``, bound to facts.

    Linear in the text: quantities are found once per sentence; a sentence with more than
    ``MAX_NUMBERS_PER_SENTENCE`` numbers is not bound number by number (one unbound claim says so)."""
    facts = FACTS if facts is None else facts
    index = keyword_index(facts)
    text = normalise_digits(text)
    claims: list[Claim] = []
    # the sentence before, its numbers, and the parent it inherited (row_scope)
    prev_labels, carried = "", None
    prev_numbers: list[Claim] = []
    # whole-text tests: a text without the first character of any zero marker (or without any word
    # of a scope marker) has none in any of its sentences — their searches are skipped
    zeros = any(ch in text for ch in _ZERO_FIRST)
    scopes = may_have_markers(text)
    for offset, sent in sentences(text):
        qs = find_quantities(sent, normalised=True)
        if not qs and "%" not in sent and "％" not in sent and not (zeros and any(ch in sent for ch in _ZERO_FIRST)):
            # no number, percentage or zero marker: nothing to claim; the next sentence may read its labels
            prev_labels, prev_numbers, carried = fold_parentheses(sent), [], None
            continue
        if len(qs) > MAX_NUMBERS_PER_SENTENCE:
            q = qs[0]
            claims.append(Claim("too_many", f"{len(qs)}个数字", float(len(qs)), None, None, sent, q.start, q.start,
                                sentence_start=offset))
            continue
        numbers: list[Claim] = []
        labels = fold_parentheses(sent)  # same offsets; digit-free parentheses belong to the label
        # a sentence that starts with 其中, or follows a ；, continues the one before: bound with it as context
        continues = bool(qs) and (CONTINUES.match(sent) is not None or prev_labels.rstrip().endswith(("；", ";")))
        context = prev_labels if continues else ""
        shift = len(context)
        if qs:
            ctx = SentenceIndex(context + labels, index)  # built once, shared by the sentence's numbers
        for i, q in enumerate(qs):
            prev_end = qs[i - 1].end + shift if i else 0
            next_start = qs[i + 1].start + shift if i + 1 < len(qs) else None
            binding = bind_indexed(facts, index, ctx, q.start + shift, q.end + shift, q.unit, prev_end, next_start)
            if binding.fact is None:
                binding = _sum_of_earlier(labels, q, prev_end - shift if i else 0, numbers)
            if binding.fact is None and not numbers:
                binding = kind_of_previous_clause(labels, q.start, q.unit, facts)
            if binding.fact is None and is_idiom_numeral(q.raw, q.numeral):
                continue
            numbers.append(_number_claim(sent, offset, q, binding, numbers))
        # the parent a continuing sentence may inherit: the last row number of the one before (or its parent)
        carried = (last_row_claim(prev_numbers, prev_labels) or carried) if continues else None
        numbers = inherit_rows(numbers, labels, facts, carried)
        prev_labels, prev_numbers = labels, numbers
        found = numbers + percent_claims(labels, offset, facts, numbers, sent)
        if zeros:
            found += _zero_claims(sent, facts, qs, offset)
        markers = scope_markers(sent) if found and scopes and may_have_markers(sent) else []
        if markers:  # found once per sentence; each claim takes those before it (most take none)
            found = [c if (scope := scope_before(markers, c.start)) is None else replace(c, scope=scope)
                     for c in found]
        claims.extend(found)
    return claims


_UNBOUND = Binding(None)
_SUM_WORDS = ("共计", "合计", "总计", "累计", "一共", "总共", "共")


def _sum_of_earlier(sentence: str, q: Quantity, prev_end: int, earlier: Sequence[Claim]) -> Binding:
    """“新收申请19件，加上上年结转2件，共计21件”: a clause naming only a sum word states the sum of the
    measures counted before it in the sentence (a reading, not a sure one)."""
    parts: list[Fact] = []
    for c in earlier:
        if c.kind == "number" and c.fact is not None and c.unit == q.unit and all(p.id != c.fact.id for p in parts):
            parts.append(c.fact)
    if len(parts) < 2:
        return _UNBOUND
    left, _ = clause_window(sentence, q.start, q.end, prev_end)
    if not any(w in left for w in _SUM_WORDS) or len(left) > 6:
        return _UNBOUND
    return Binding(sum_fact(parts, complete=False), (), 0.7)


_APPROX_AFTER = ("以上", "以下", "以内", "左右")


def _number_claim(sent: str, offset: int, q: Quantity, binding: Binding, earlier: Sequence[Claim]) -> Claim:
    start, end = q.start, q.end
    word = None
    if q.approx or sent.startswith(_APPROX_AFTER, end):  # the two characters after the number
        word = approx_word(sent[max(0, start - 4) : start], q.raw, sent[end : end + 2])
    low = high = None
    if word is not None:
        low, high = approx_range(q.value, word)
    elif q.approx:  # 1.2万条: rounded to its printed digits
        low, high = approx_range(q.value, "约")
    comparison = comparison_words(sent, q.start)
    fact, alternatives, confidence = binding.fact, binding.alternatives, binding.confidence
    if fact is not None and fact.exclusive and fact.also_accept:
        left, _ = clause_window(sent, q.start, q.end)
        if any(w in left for w in fact.exclusive):
            fact = replace(fact, also_accept=())  # 本年新收 N 件: 新收 alone, not 新收 + 上年结转
    kind = "number"
    if comparison is not None:
        kind = "change"
        if fact is None:  # “受理申请95件，同比增加12件”: the measure of the number before
            prior = next((c for c in reversed(earlier) if c.kind == "number" and c.fact is not None), None)
            if prior is not None:
                fact, alternatives, confidence = prior.fact, prior.alternatives, min(prior.confidence, 0.8)
    return Claim(
        kind, q.raw, q.value, q.unit, fact, sent, q.start, q.end, q.approx or word is not None, q.numeral,
        low=low, high=high, alternatives=alternatives, scope=None, comparison=comparison,
        confidence=confidence, sentence_start=offset,
    )
