"""``claim.number_claim`` builds the very record ``Claim(...)`` builds (the fast path of every number claim)."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_report.checking.claim import Claim, number_claim
from draft_report.checking.claims import extract_claims
from draft_report.lexicon.fields import FACT_BY_ID

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def same_record(got: Claim, want: Claim) -> None:
    assert type(got) is Claim
    assert got == want and hash(got) == hash(want) and repr(got) == repr(want)
    assert list(vars(got).items()) == list(vars(want).items())  # every field, in order


def through_init(c: Claim) -> Claim:
    return Claim(c.kind, c.text, c.value, c.unit, c.fact, c.sentence, c.start, c.end, c.approx, c.numeral, c.low,
                 c.high, c.alternatives, comparison=c.comparison, confidence=c.confidence,
                 sentence_start=c.sentence_start)


@pytest.mark.parametrize("args", [
    ("number", "3 件", 3.0, "件", None, "受理申请3件。", 4, 7, False, "arabic", None, None, (), None, 1.0, 0),
    ("change", "12件", 12.0, "件", FACT_BY_ID["requests_new"], "较上年增加12件", 5, 8, True, "chinese", 10.0, 20.0,
     (FACT_BY_ID["requests_closed"],), "较上年增加", 0.8, 31),
])
def test_number_claim_is_the_record_init_makes(args: tuple[object, ...]) -> None:
    made = number_claim(*args)  # type: ignore[arg-type]
    same_record(made, through_init(made))
    assert made.scope is None and made.denominators == () and made.decimals == 0 and made.parent is None


def test_every_number_claim_of_the_fixtures_is_the_record_init_makes() -> None:
    seen = 0
    for path in sorted(FIXTURES.rglob("*.txt")):
        for c in extract_claims(path.read_text(encoding="utf-8", errors="replace")):
            if c.kind in ("number", "change") and c.unit != "%" and c.scope is None and c.parent is None:
                same_record(c, through_init(c))
                seen += 1
    assert seen > 100

