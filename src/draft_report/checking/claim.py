"""``Claim``: one number of the prose with the measure(s) it may state (see ``checking.claims``)."""

from __future__ import annotations

from draft_report.lexicon.fields import Fact
from draft_report.records import dataclass


@dataclass(frozen=True)
class Claim:
    """One number (or zero statement) of the prose and the measure(s) it may state.

    ``fact`` is the most likely measure (None: unbound); ``alternatives`` are other measures the
    words allow (“办理” = 办结, or 新收 + 上年结转); ``low``/``high`` the range an approximate
    figure stands for (“40余条” → 40…50); ``scope`` the words that narrow it to a moment or a
    sub-unit (“截至6月底”, “区政府办代表区政府”); ``parent`` the number an applicant number
(“其中自然人12件”) is a breakdown of; ``comparison`` the words of a change
    (“较上年增加”); ``denominators`` the measures a percentage is taken of; ``confidence`` how
    sure the binding is (1.0: the label stands right before the number, nothing competes).
    ``start``/``end`` are offsets in ``sentence``; ``sentence_start`` the sentence's offset in the
    text given to ``extract_claims`` (so ``sentence_start + start`` is the span in that text).
    """

    kind: str  # "number" | "zero" | "percent" | "change"
    text: str  # as written: "3 119 件" / "未收到信息公开相关申请" / "52.6%"
    value: float
    unit: str | None
    fact: Fact | None
    sentence: str
    start: int  # offset of the claim in the sentence
    end: int
    approx: bool = False
    numeral: str = "arabic"
    low: float | None = None  # an approximate figure: the range it stands for (inclusive)
    high: float | None = None
    alternatives: tuple[Fact, ...] = ()
    scope: str | None = None
    comparison: str | None = None
    denominators: tuple[Fact, ...] = ()
    confidence: float = 1.0
    sentence_start: int = 0
    decimals: int = 0  # printed decimals of a percentage (its tolerance)
    # the number whose 表三 rows an applicant number inherits (“受理21件（含上年结转2件），其中自然人…”):
    # only the rows of the parent's readings that agree with the parent's value are read (row_scope)
    parent: Claim | None = None

    @property
    def shown_value(self) -> str:
        v = self.value
        return str(int(v)) if float(v).is_integer() else str(v)


_new = object.__new__
_set = object.__setattr__
# every field of a ``Claim`` at its default, in order: a number claim's ``__dict__`` is a copy of it with
# the fields ``number_claim`` takes set (``Claim.__init__`` builds the same dict from its twenty arguments)
_BLANK: dict[str, object] = vars(Claim("number", "", 0.0, None, None, "", 0, 0))


def number_claim(kind: str, text: str, value: float, unit: str | None, fact: Fact | None, sentence: str, start: int,
                 end: int, approx: bool, numeral: str, low: float | None, high: float | None,
                 alternatives: tuple[Fact, ...], comparison: str | None, confidence: float, sentence_start: int) -> Claim:
    """``Claim(kind, text, value, unit, fact, sentence, start, end, approx, numeral, low, high, alternatives,
    comparison=comparison, confidence=confidence, sentence_start=sentence_start)``: the same record (its
    ``__dict__`` as ``__init__`` sets it, one dict of every field), made from a copy of a blank claim's
    dict — a third of the cost of the twenty-argument call, paid for every number of the prose."""
    d = _BLANK.copy()
    d["kind"] = kind
    d["text"] = text
    d["value"] = value
    d["unit"] = unit
    d["fact"] = fact
    d["sentence"] = sentence
    d["start"] = start
    d["end"] = end
    d["approx"] = approx
    d["numeral"] = numeral
    d["low"] = low
    d["high"] = high
    d["alternatives"] = alternatives
    d["comparison"] = comparison
    d["confidence"] = confidence
    d["sentence_start"] = sentence_start
    claim: Claim = _new(Claim)
    _set(claim, "__dict__", d)
    return claim
