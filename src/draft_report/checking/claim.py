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
