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

import re
from collections.abc import Iterable, Iterator, Sequence

from draft_report.checking.claim import Claim, number_claim
from draft_report.checking.ratios import comparison_words, percent_claims
from draft_report.checking.row_scope import CONTINUES, inherit_rows, kind_of_previous_clause, last_row_claim
from draft_report.checking.scope import may_have_markers, scope_before, scope_markers
from draft_report.checking.topic import (
    channel_part,
    channel_total,
    channel_zero,
    continues_foreign_topic,
    names_a_channel,
)
from draft_report.checking.universal import may_be_universal, universal_claims
from draft_report.lexicon.agency_names import mask_agency_names
from draft_report.lexicon.approx import approx_range, approx_word
from draft_report.lexicon.binding import (
    Binding,
    KeywordIndex,
    bind_indexed,
    bind_zero,
    clause_window,
    fold_parentheses,
    keyword_index,
    left_clause,
)
from draft_report.lexicon.fields import FACTS, Fact, sum_fact
from draft_report.lexicon.numerals import (
    CHINESE_DIGITS,
    SENTENCE_END,
    SENTENCE_ENDS,
    QuantityTuple,
    normalise_digits,
    scan_quantities,
)
from draft_report.lexicon.sentence_index import SentenceIndex
from draft_report.records_replace import replace
from draft_report.regex_cache import regex

_ENDS = SENTENCE_ENDS  # (``numerals.SENTENCE_END`` finds one of them)
# A negated verb of receiving (the lexicon's: 收到, 接到, 接收(到), 受理, 收悉): “未接收到申请”, “没有受理”.
_NEGATED_RECEIVING = "|".join(n + v for n in ("未曾", "未", "没有") for v in ("接收到", "收到", "接到", "接收", "受理", "收悉"))
# Zero markers: a negation that says something did not happen at all.
_ZERO = regex(
    r"(?:" + _NEGATED_RECEIVING + r"|未发生|没有发生|未产生|未出现|未收取|没有收取|未发出|未有"
    r"|未制定|未制发|未出台|未印发"  # (未制定规范性文件: nothing issued)
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


def _zero_claims(sentence: str, facts: Sequence[Fact], marks: Iterable[re.Match[str]], starts: Sequence[int],
                 at: int = 0, offset: int = 0) -> list[Claim]:
    """The zero claims of the zero markers ``marks`` (found in a text the sentence starts at ``at`` of);
    ``starts``: where the sentence's quantities start, in that text."""
    out: list[Claim] = []
    for m in marks:
        head, tail = m.start() - at, m.end() - at
        end_m = _OBJECT_END.search(sentence, tail)
        obj_end = end_m.start() if end_m else len(sentence)
        if any(tail <= q - at < obj_end for q in starts):
            continue  # "没有超过 3 件" is a number, not a zero claim
        obj = sentence[tail:obj_end]
        for fact in bind_zero(facts, m.group(0), obj):
            if channel_zero(obj, fact):
                continue  # “无当面申请件”: none by one channel — 表三 does not count requests by channel
            out.append(Claim("zero", sentence[head:obj_end], 0, None, fact, sentence, head, obj_end,
                             sentence_start=offset))
    return out


def is_idiom_numeral(raw: str, numeral: str) -> bool:
    """True for a bare Chinese 一 / 两 before its measure word (“一项”, “两个”)."""
    return numeral == "chinese" and raw[:1] in IDIOM_NUMERALS and raw[1:2] not in CHINESE_DIGITS


def extract_claims(text: str, facts: Sequence[Fact] | None = None) -> list[Claim]:
    """Every number-with-measure-word, percentage and zero claim in ``text``, bound to facts.

    Each sentence (``sentences``) is read on its own, with the sentence before as context; a
    sentence with more than ``MAX_NUMBERS_PER_SENTENCE`` numbers is not bound number by number
    (one unbound claim says so). Linear in the text, in one pass: the quantities, percent signs and
    zero markers of the whole text are found first (``scan_quantities`` gives exactly those of each
    sentence), and only the sentences that hold one are read further (``_hit_sentences``)."""
    facts = FACTS if facts is None else facts
    text = normalise_digits(text)
    quantities = scan_quantities(text)
    zeros = _zero_marks(text)
    percents = "%" in text or "％" in text
    if not quantities and not zeros and not percents:
        return []  # the common paragraph: nothing to claim
    index = keyword_index(facts)
    scopes = may_have_markers(text)  # without any word of a scope marker, no sentence has one
    claims: list[Claim] = []
    # the last sentence read: where it starts, its labels, numbers and the parent it inherited (row_scope)
    last_a, last_labels, last_carried = -1, "", None
    last_numbers: list[Claim] = []
    too_many: set[int] = set()  # where the sentences with too many numbers start
    rev = text[::-1]  # (``_piece_start``)
    for a, b, qs, marks in _hit_sentences(text, rev, quantities, zeros, percents):
        sent = text[a:b]
        if len(qs) > MAX_NUMBERS_PER_SENTENCE:
            q = qs[0]
            claims.append(Claim("too_many", f"{len(qs)}个数字", float(len(qs)), None, None, sent, q[0] - a, q[0] - a,
                                sentence_start=a))
            too_many.add(a)
            continue
        # the state the sentence before left: read it (labels, numbers, carried parent), or the
        # labels of an unread sentence (no claim; folded only now, when a sentence with numbers needs them);
        # the sentence before is the piece ``text[pa:pb]`` (pa -1: none), blank ones and those with too many
        # numbers passed over
        pb = a
        pa = _piece_start(rev, a - 1) if a else -1
        while pa >= 0 and (pa in too_many or text[pa:pb].isspace()):
            pb = pa
            pa = _piece_start(rev, pa - 1) if pa else -1
        if pa == last_a:
            prev_labels, prev_numbers, carried = last_labels, last_numbers, last_carried
        else:
            prev_labels, prev_numbers, carried = (
                mask_agency_names(fold_parentheses(text[pa:pb]), facts) if pa >= 0 and qs else "", [], None)
        # same offsets; digit-free parentheses belong to the label, agency names (信访局) are no label
        labels = mask_agency_names(fold_parentheses(sent), facts)
        numbers: list[Claim] = []
        if qs:
            # a sentence that starts with 其中, or follows a ；, continues the one before: bound with it as context
            continues = ("其中" in sent and CONTINUES.match(sent) is not None) or prev_labels.rstrip().endswith(("；", ";"))
            numbers = _numbers(sent, a, labels, qs, prev_labels if continues else "", facts, index)
            # the parent a continuing sentence may inherit: the last row number of the one before (or its parent)
            carried = (last_row_claim(prev_numbers, prev_labels) or carried) if continues else None
            numbers = inherit_rows(numbers, labels, facts, carried)
        else:
            carried = None
        last_a, last_labels, last_numbers, last_carried = a, labels, numbers, carried
        # (``percent_claims`` finds nothing in a sentence without a percent sign)
        found = numbers + percent_claims(labels, a, facts, numbers, sent) if percents and (
            "%" in sent or "％" in sent) else numbers
        if marks:
            found = found + _zero_claims(sent, facts, marks, [q[0] for q in qs], a, a)
        if may_be_universal(sent) and (universal := universal_claims(sent, a)):
            found = found + universal  # “均为自然人申请”, “均维持”: the parts they exclude are zero
        markers = scope_markers(sent) if found and scopes and may_have_markers(sent) else []
        if markers:  # found once per sentence; each claim takes those before it (most take none)
            found = [c if (scope := scope_before(markers, c.start)) is None else replace(c, scope=scope)
                     for c in found]
        claims.extend(found)
    return claims


def find_all(text: str, chars: str) -> list[int]:
    """The offsets of every character of ``chars`` in ``text``, in order — found with ``str.find``,
    which costs a small fraction of a regex pass over a character set (a set test per character)."""
    found: list[int] = []
    runs = 0
    for ch in chars:
        i = text.find(ch)
        if i >= 0:
            runs += 1
            while i >= 0:
                found.append(i)
                i = text.find(ch, i + 1)
    if runs > 1:
        found.sort()
    return found


def _zero_marks(text: str) -> list[re.Match[str]]:
    """``_ZERO.finditer(text)``: every match starts with one of ``_ZERO_FIRST``, so it is tried there only."""
    marks: list[re.Match[str]] = []
    done = 0
    for i in find_all(text, _ZERO_FIRST):
        if i >= done and (m := _ZERO.match(text, i)) is not None:
            marks.append(m)
            done = m.end()
    return marks


def _piece_start(rev: str, p: int) -> int:
    """Where the piece of the text (``sentences``: up to and with a ``SENTENCE_END``) that holds offset ``p``
    starts; ``rev``: the text reversed (the last sentence end before ``p`` is the first one in ``rev``
    from ``len(rev) - p``)."""
    m = SENTENCE_END.search(rev, len(rev) - p)
    return len(rev) - m.start() if m is not None else 0


def _piece_end(text: str, p: int) -> int:
    """Where the piece that holds offset ``p`` ends (after its ``SENTENCE_END``, or the text's end)."""
    m = SENTENCE_END.search(text, p)
    return m.end() if m is not None else len(text)


def _hit_sentences(text: str, rev: str, quantities: Sequence[QuantityTuple], zeros: Sequence[re.Match[str]],
                   percents: bool) -> list[tuple[int, int, list[QuantityTuple], list[re.Match[str]]]]:
    """(start, end, quantities, zero markers) of each sentence that holds a quantity, a zero marker or a
    percent sign, in order; every other sentence holds no claim. A sentence is found from the hit it
    holds (two searches for a sentence end, one each way), never by splitting the whole text."""
    hits: dict[int, tuple[int, list[QuantityTuple], list[re.Match[str]]]] = {}
    b = -1  # the end of the sentence of the hit before: a hit below it is in that sentence
    got: tuple[int, list[QuantityTuple], list[re.Match[str]]] = (0, [], [])
    for q in quantities:  # in order
        p = q[0]
        if p >= b:
            a = _piece_start(rev, p)
            b = _piece_end(text, p)
            got = hits[a] = (b, [], [])
        got[1].append(q)
    b = -1
    for m in zeros:  # in order
        p = m.start()
        if p >= b:
            a = _piece_start(rev, p)
            found = hits.get(a)
            if found is None:
                b = _piece_end(text, p)
                found = hits[a] = (b, [], [])
            got, b = found, found[0]
        got[2].append(m)
    if percents:
        for sign in "%％":
            i = text.find(sign)
            while i >= 0:
                a = _piece_start(rev, i)
                found = hits.get(a)
                if found is None:
                    found = hits[a] = (_piece_end(text, i), [], [])
                i = text.find(sign, found[0])
    return [(a, *hits[a]) for a in sorted(hits)]


def _numbers(sent: str, offset: int, labels: str, qs: Sequence[QuantityTuple], context: str,
             facts: Sequence[Fact], index: KeywordIndex) -> list[Claim]:
    """The number claims of one sentence (``qs``: its quantities, offsets in the text the sentence
    starts at ``offset`` of), each bound in ``context + labels``."""
    numbers: list[Claim] = []
    shift = len(context) - offset  # text offset → offset in ``context + labels``
    ctx = SentenceIndex(context + labels)  # built once, shared by the sentence's numbers
    n = len(qs)
    prev_end = 0
    compares = "比" in sent or "较" in sent
    by_channel: Fact | None = None  # the measure the sentence's parts by channel (``channel_part``) break down
    channels: bool | None = None  # whether the sentence names a channel: asked once, when a 表三 number needs it
    for i in range(n):
        start, end, raw, value, unit, approx, numeral = qs[i]
        next_start = qs[i + 1][0] + shift if i + 1 < n else None
        binding = bind_indexed(facts, index, ctx, start + shift, end + shift, unit, prev_end, next_start)
        start -= offset
        end -= offset
        fact = binding.fact
        if fact is not None:
            if fact.cells and fact.cells[0].startswith("t3.") and (
                    channels := names_a_channel(labels) if channels is None else channels) and channel_part(
                    labels, start, prev_end - len(context) if i else 0, fact):
                # “通过网络申请12件”: the requests of one channel, which no table counts
                by_channel = by_channel or fact
                binding = _UNBOUND
            elif numbers and numbers[-1].fact is None and continues_foreign_topic(
                    labels, start, prev_end - len(context), fact, numbers):
                binding = _UNBOUND  # “受理群众来信34件，办结34件”: the bare verb continues a topic of no table
        elif by_channel is not None:
            binding = channel_total(labels, start, prev_end - len(context), by_channel)  # “…快递17件，合计122件”
        if binding.fact is None:
            binding = _sum_of_earlier(labels, start, end, unit, prev_end - len(context) if i else 0, numbers)
            if binding.fact is None and not numbers:
                binding = kind_of_previous_clause(labels, start, unit, facts)
            if binding.fact is None and is_idiom_numeral(raw, numeral):
                prev_end = end + len(context)
                continue
        numbers.append(_number_claim(sent, offset, start, end, raw, value, unit, approx, numeral, binding, numbers,
                                     compares))
        prev_end = end + len(context)
    return numbers


_UNBOUND = Binding(None)
_SUM_WORDS = ("共计", "合计", "总计", "累计", "一共", "总共", "共")


def _sum_of_earlier(sentence: str, start: int, end: int, unit: str, prev_end: int, earlier: Sequence[Claim]) -> Binding:
    """“新收申请19件，加上上年结转2件，共计21件”: a clause naming only a sum word states the sum of the
    measures counted before it in the sentence (a reading, not a sure one)."""
    parts: list[Fact] = []
    for c in earlier:
        if c.kind == "number" and c.fact is not None and c.unit == unit and all(p.id != c.fact.id for p in parts):
            parts.append(c.fact)
    if len(parts) < 2:
        return _UNBOUND
    left, _ = clause_window(sentence, start, end, prev_end)
    if not any(w in left for w in _SUM_WORDS) or len(left) > 6:
        return _UNBOUND
    return Binding(sum_fact(parts, complete=False), (), 0.7)


_APPROX_AFTER = ("以上", "以下", "以内", "左右")


def _number_claim(sent: str, offset: int, start: int, end: int, raw: str, value: float, unit: str, approx: bool,
                  numeral: str, binding: Binding, earlier: Sequence[Claim], compares: bool = True) -> Claim:
    """The claim of the quantity ``raw`` at ``sent[start:end]`` (its fields as ``Quantity`` has them);
    ``compares``: False when the sentence holds neither 比 nor 较 (no number of it is a change)."""
    word = None
    if approx or sent.startswith(_APPROX_AFTER, end):  # the two characters after the number
        word = approx_word(sent[max(0, start - 4) : start], raw, sent[end : end + 2])
    low = high = None
    if word is not None:
        low, high = approx_range(value, word)
    elif approx:  # 1.2万条: rounded to its printed digits
        low, high = approx_range(value, "约")
    # every opening of a comparison holds 比 or 较 (``comparison_words``): tested once per sentence
    comparison = comparison_words(sent, start) if compares else None
    fact, alternatives, confidence = binding.fact, binding.alternatives, binding.confidence
    if fact is not None and fact.exclusive and fact.also_accept:
        left = left_clause(sent, start)
        if any(w in left for w in fact.exclusive):
            fact = replace(fact, also_accept=())  # 本年新收 N 件: 新收 alone, not 新收 + 上年结转
    kind = "number"
    if comparison is not None:
        kind = "change"
        if fact is None:  # “受理申请95件，同比增加12件”: the measure of the number before
            prior = next((c for c in reversed(earlier) if c.kind == "number" and c.fact is not None), None)
            if prior is not None:
                fact, alternatives, confidence = prior.fact, prior.alternatives, min(prior.confidence, 0.8)
    # ``Claim(kind, raw, …, alternatives, None, comparison, (), confidence, offset)``: scope None, no denominators
    return number_claim(kind, raw, value, unit, fact, sent, start, end, approx or word is not None, numeral, low, high,
                        alternatives, comparison, confidence, offset)
