"""``records_replace.replace`` gives what ``dataclasses.replace`` gives."""

from __future__ import annotations

import dataclasses

import pytest

from draft_report.checking.claim import Claim
from draft_report.lexicon.fields import FACTS
from draft_report.records import dataclass
from draft_report.records_replace import _is_direct, replace


def test_frozen_records_take_the_direct_path_and_agree_with_dataclasses() -> None:
    assert _is_direct(Claim) and _is_direct(type(FACTS[0]))
    for fact in FACTS:
        for changes in ({"also_accept": ()}, {"label": "x", "priority": 7}):
            got, want = replace(fact, **changes), dataclasses.replace(fact, **changes)
            assert got == want and repr(got) == repr(want) and list(vars(got)) == list(vars(want))
    claim = Claim("number", "3件", 3.0, "件", FACTS[0], "受理3件。", 2, 4)
    got = replace(claim, scope="上半年", confidence=0.5)
    assert got == dataclasses.replace(claim, scope="上半年", confidence=0.5)
    assert claim.scope is None  # the original is left as it was
    with pytest.raises(TypeError):
        replace(claim, nope=1)


def test_other_classes_go_to_dataclasses() -> None:
    @dataclass
    class Mutable:
        """Not frozen."""

        a: int
        b: int = 2

    assert not _is_direct(Mutable)
    assert replace(Mutable(1), b=3) == Mutable(1, 3)
