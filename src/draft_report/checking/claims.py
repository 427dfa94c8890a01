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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from draft_report.lexicon.binding import bind_number, bind_zero
from draft_report.lexicon.fields import FACTS, Fact
from draft_report.lexicon.numerals import CHINESE_DIGITS, find_quantities, normalise_digits

SENTENCE_END = re.compile(r"[。！？!?；;\n]")
# Zero markers: a negation that says something did not happen at all.
_ZERO = re.compile(
    r"(?:未收到|没有收到|未接到|没有接到|未受理|未发生|没有发生|未产生|未出现|未收取|没有收取|未发出|未曾收到|未有"
    r"|没有|零|无(?!法|正当|力|需|论|关|疑|缝|纸|效|偿|意|理|从|奈|私|序|障|误|限|线|人|形|不|视|须|一|损|异|缘|愧|数|比|条|所|非))"
)
_OBJECT_END = re.compile(r"[，,。；;！？!?：:\n（(]")
# Chinese numerals that, bound to nothing, are articles or idioms rather than counts.
IDIOM_NUMERALS: frozenset[str] = frozenset({"一", "两"})


@dataclass(frozen=True)
class Claim:
    kind: str  # "number" | "zero"
    text: str  # as written: "3 119 件" / "未收到信息公开相关申请"
    value: float
    unit: str | None
    fact: Fact | None
    sentence: str
    start: int  # offset of the claim in the sentence
    end: int
    approx: bool = False
    numeral: str = "arabic"

    @property
    def shown_value(self) -> str:
        v = self.value
        return str(int(v)) if float(v).is_integer() else str(v)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) pieces of ``text``, each with its closing punctuation."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        piece = text[start : m.end()]
        if piece.strip():
            yield start, piece
        start = m.end()
    if text[start:].strip():
        yield start, text[start:]


def _zero_claims(sentence: str, facts: Sequence[Fact]) -> list[Claim]:
    out: list[Claim] = []
    quantities = find_quantities(sentence)
    for m in _ZERO.finditer(sentence):
        end_m = _OBJECT_END.search(sentence, m.end())
        obj_end = end_m.start() if end_m else len(sentence)
        obj = sentence[m.end() : obj_end]
        if any(m.end() <= q.start < obj_end for q in quantities):
            continue  # "没有超过 3 件" is a number, not a zero claim
        for fact in bind_zero(facts, m.group(0), obj):
            out.append(Claim("zero", sentence[m.start() : obj_end], 0, None, fact, sentence, m.start(), obj_end))
    return out


def is_idiom_numeral(raw: str, numeral: str) -> bool:
    """True for a bare Chinese 一 / 两 before its measure word (“一项”, “两个”)."""
    return numeral == "chinese" and raw[:1] in IDIOM_NUMERALS and raw[1:2] not in CHINESE_DIGITS


def extract_claims(text: str, facts: Sequence[Fact] | None = None) -> list[Claim]:
    """Every number-with-measure-word and every zero claim in ``text``, bound to facts."""
    facts = FACTS if facts is None else facts
    text = normalise_digits(text)
    claims: list[Claim] = []
    for _, sent in sentences(text):
        qs = find_quantities(sent)
        for i, q in enumerate(qs):
            prev_end = qs[i - 1].end if i else 0
            next_start = qs[i + 1].start if i + 1 < len(qs) else None
            fact = bind_number(facts, sent, q.start, q.end, q.unit, prev_end, next_start)
            if fact is None and is_idiom_numeral(q.raw, q.numeral):
                continue
            claims.append(Claim("number", q.raw, q.value, q.unit, fact, sent, q.start, q.end, q.approx, q.numeral))
        claims.extend(_zero_claims(sent, facts))
    return claims
