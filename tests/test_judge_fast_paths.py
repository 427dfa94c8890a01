"""The judging fast paths give what the definitions give.

``prose_findings`` settles a claim bound to nothing, and one whose value a reading of its facts has,
or whose facts the data has no value for, without building its readings (``plain_verdict``, ``known_values``, ``reading_values``,
``FactSource.cells_sum``). Checked here against ``judge`` / ``assess_claim`` / ``fact_readings`` /
``variant_values`` on every claim of the fixture reports (against their own tables) and of a drafted
report (against its data file, which has aggregates and money facts), each claim also with its value
moved onto every value its readings have and off them, as an approximation, and with its
alternatives dropped.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from draft_report.checking.claim import Claim
from draft_report.checking.claim_check import (
    assess_claim,
    fact_readings,
    known_values,
    plain_verdict,
    reading_values,
)
from draft_report.checking.fact_source import FactSource
from draft_report.checking.prose import LocatedClaim, document_claims, judge, prose_findings
from draft_report.lexicon.fields import Fact
from draft_report.models.document import ReportDocument
from draft_report.reading import read_report, read_text

ROOT = Path(__file__).resolve().parent
REPORTS = sorted((ROOT / "fixtures/real_reports").glob("*.txt")) + sorted((ROOT / "fixtures/variants").glob("*.txt"))


def _drafted() -> tuple[ReportDocument, FactSource]:
    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.loading.dataset import load_dataset
    from draft_report.rendering.markdown import render_markdown

    dataset = load_dataset(ROOT.parent / "examples/scjg-2024/data.yaml")
    text = render_markdown(compose_document(dataset, OfflineDrafter()))
    return read_text(text, source="drafted.md", fmt="markdown"), FactSource.from_dataset(dataset)


NAMES = [path.name for path in REPORTS] + ["drafted"]


@functools.cache
def _document(name: str) -> tuple[ReportDocument, FactSource]:
    """A fixture report read (with its own tables as the facts), or the drafted one: read when a
    test first needs it, once per process (not while every xdist worker collects the tests)."""
    if name == "drafted":
        return _drafted()
    doc = read_report(next(path for path in REPORTS if path.name == name))
    return doc, FactSource.from_document(doc)


def _variants(claim: Claim, source: FactSource) -> Iterator[Claim]:
    """The claim, and copies of it whose value is on and off each value its readings have."""
    yield claim
    if claim.fact is None:
        return
    values = {r.expected for f in (claim.fact, *claim.alternatives) for r in fact_readings(f, source)}
    for v in sorted(x for x in values if x is not None):
        for value in (v, v + 1, v / 10_000, round(v * 1.03, 1)):
            yield dataclasses.replace(claim, value=value)
            yield dataclasses.replace(claim, value=value, low=value - 2, high=value)
    if claim.alternatives:
        yield dataclasses.replace(claim, alternatives=())


@pytest.mark.parametrize("name", NAMES)
def test_plain_verdict_is_assess_claims_when_it_gives_one(name: str) -> None:
    doc, source = _document(name)
    decided: Counter[str] = Counter()
    for lc in document_claims(doc, source.facts()):
        for claim in _variants(lc.claim, source):
            fresh = dataclasses.replace(source, _values={}, readings_cache={}, known_cache={})
            verdict = assess_claim(claim, fresh).verdict
            fast = plain_verdict(claim, source)
            assert fast is None or fast == verdict, (name, claim.text, claim.value)
            shaped = claim.fact is not None and claim.kind not in ("percent", "change") and not (
                claim.parent is not None and claim.fact.columns)
            if shaped:  # the shape it covers: it gives every "agrees" and "unbound" there
                assert fast == (verdict if verdict in ("agrees", "unbound") else None), (name, claim.text, claim.value)
                decided[verdict] += 1
            else:
                assert fast is None
    if name in ("huaian_2024.txt", "drafted"):
        assert decided["agrees"] and decided["disagrees_unambiguous"] + decided["disagrees_ambiguous"]


@pytest.mark.parametrize("name", NAMES)
def test_prose_findings_are_judge_of_every_claim(name: str) -> None:
    doc, source = _document(name)
    claims = document_claims(doc, source.facts())
    moved = [LocatedClaim(c, lc.section, lc.line) for lc in claims for c in _variants(lc.claim, source)]
    for some in (claims, moved):
        fresh = dataclasses.replace(source, _values={}, readings_cache={}, known_cache={})
        want = [f for lc in some if (f := judge(lc, fresh)) is not None]
        assert prose_findings(some, source) == want


@pytest.mark.parametrize("name", NAMES)
def test_reading_values_are_the_readings_values(name: str) -> None:
    doc, source = _document(name)
    for fact in source.facts():
        readings = fact_readings(fact, dataclasses.replace(source, _values={}, readings_cache={}, known_cache={}))
        assert reading_values(fact, source) == [r.expected for r in readings]
        assert known_values(fact, source) == tuple(r.expected for r in readings if r.expected is not None)
        assert known_values(fact, source) is known_values(fact, source)  # once per fact
        for cells in fact.also_accept:
            variant = source.variant_values(Fact(fact.id, fact.label, (), also_accept=(cells,)))
            assert source.cells_sum(cells) == (variant[0] if variant else None)


def test_cells_sum_leaves_out_unreadable_and_blank_cells() -> None:
    doc = read_report(ROOT / "fixtures/real_reports/huaian_2024.txt")
    source = FactSource.from_document(doc)
    cells = ("t3.r1_new.total", "t3.r2_carry_in.total")
    assert source.cells_sum(cells) == float(sum(doc.tables.get(c) or 0 for c in cells))
    assert dataclasses.replace(source, unreadable=frozenset({cells[1]})).cells_sum(cells) is None
    doc.tables.set(cells[0], None)
    assert source.cells_sum(cells) is None
    assert FactSource(None).cells_sum(cells) is None


def test_a_location_built_without_the_class_call_is_the_constructors() -> None:
    from draft_report.checking.findings import Location, sentence_location

    for section, line, excerpt in (("overview", 3, "受理申请12件。"), (None, None, None), ("preface", 0, "")):
        loc = sentence_location(section, line, excerpt)
        want = Location(section=section, line=line, excerpt=excerpt)
        assert type(loc) is Location and loc == want and hash(loc) == hash(want) and repr(loc) == repr(want)
        assert loc.__dict__ == want.__dict__ and list(loc.__dict__) == list(want.__dict__)
        with pytest.raises(dataclasses.FrozenInstanceError):
            loc.line = 4  # type: ignore[misc]
