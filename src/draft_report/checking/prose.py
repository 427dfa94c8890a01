"""Prose vs tables/data: every claim in sections 一, 五, 六 (and the preface) is compared.

The values come from the data file when one is given (``--data``), otherwise from the
report's own tables (a cell the reader could not read gives no value: the claim is then
unverified, never guessed).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from draft_report.checking.claim_check import (
    NOT_PLAIN,
    assess_claim,
    finding_for,
    fmt,
    known_values,
    plain_verdict,
    unbound_finding,
)
from draft_report.checking.claims import Claim, extract_claims
from draft_report.checking.fact_source import FactSource
from draft_report.checking.findings import Finding, Location, sentence_location
from draft_report.lexicon.fields import Fact
from draft_report.models.document import Paragraph, ReportDocument
from draft_report.records import dataclass
from draft_report.regex_cache import regex

__all__ = ["FactSource", "LocatedClaim", "check_prose", "claims_in", "document_claims", "fmt", "judge",
           "prose_findings"]

_SPACE = regex(r"\s+")
# Sections whose prose is checked (the table sections 二三四 only when they carry prose).
PROSE_SECTIONS: tuple[str, ...] = ("preface", "overview", "problems", "other")
TABLE_SECTIONS: tuple[str, ...] = ("proactive", "requests", "review_litigation")


def looks_like_table(text: str) -> bool:
    """A paragraph that is table residue (cells, separators) rather than prose."""
    if "\t" in text or "|" in text:
        return True
    chars = _SPACE.sub("", text)  # ``\s`` is ``str.isspace``
    if not chars:
        return True
    digits = sum(map(str.isdigit, chars))
    return digits / len(chars) > 0.3


@dataclass(frozen=True)
class LocatedClaim:
    """A number claim of the prose with the section and line it was found in."""

    claim: Claim
    section: str | None
    line: int | None


def claims_in(section: str | None, paragraphs: Iterable[Paragraph], facts: Sequence[Fact]) -> list[LocatedClaim]:
    out: list[LocatedClaim] = []
    for p in paragraphs:
        if p.kind == "subheading" and not any(ch.isdigit() for ch in p.text):
            continue
        if section in TABLE_SECTIONS and looks_like_table(p.text):
            continue
        found = extract_claims(p.text.replace("\r", ""), facts)
        if found:
            line = p.line
            out += [LocatedClaim(c, section, line) for c in found]
    return out


def document_claims(doc: ReportDocument, facts: Sequence[Fact]) -> list[LocatedClaim]:
    out = claims_in("preface", doc.preface, facts)
    for sec in doc.sections:
        if sec.key in TABLE_SECTIONS and not any(not looks_like_table(p.text) for p in sec.paragraphs):
            continue
        out += claims_in(sec.key, sec.paragraphs, facts)
    return out


def judge(lc: LocatedClaim, source: FactSource) -> Finding | None:
    """The finding for one claim: mismatch (error), ambiguous/scoped (warning), unverified (info);
    None when it agrees. See ``checking.claim_check`` for the contract."""
    c = lc.claim
    assessment = assess_claim(c, source)
    if assessment.verdict == "agrees":  # ``finding_for`` says nothing then: no location to build
        return None
    loc = Location(section=lc.section, line=lc.line, excerpt=c.sentence.strip())
    return finding_for(c, assessment, source, loc)


def prose_findings(claims: Iterable[LocatedClaim], source: FactSource) -> list[Finding]:
    """``judge`` of every claim, the findings in order. The usual claims are settled without
    their readings, in this loop: one of the plain shape (``plain_verdict``) whose value is one
    of the known values of its fact (``known_values``, once per fact) agrees — no call, nothing
    built; one bound to nothing is unverified. The others go through ``plain_verdict`` (bound
    to measures the data has no value for: unverified; agreeing within a tolerance or a range)
    and, when that does not settle them, are judged in full."""
    out: list[Finding] = []
    append = out.append
    memo = source.known_cache  # ``known_values`` per fact object
    for lc in claims:
        c = lc.claim
        fact = c.fact
        if fact is None:  # bound to nothing (or too many numbers): unverified
            append(unbound_finding(c, sentence_location(lc.section, lc.line, c.sentence.strip())))
            continue
        if not c.alternatives and c.kind not in NOT_PLAIN and (c.parent is None or not fact.columns):
            hit = memo.get(id(fact))
            known = hit[1] if hit is not None and hit[0] is fact else known_values(fact, source)
            # equal to a known value: ``plain_verdict``'s match at factor 1 outside a range
            if c.value in known and not fact.unit_factors and (c.low is None or c.high is None):
                continue
        verdict = plain_verdict(c, source)
        if verdict == "agrees":
            continue
        if verdict == "unbound":
            append(unbound_finding(c, sentence_location(lc.section, lc.line, c.sentence.strip()), source))
            continue
        f = judge(lc, source)
        if f is not None:
            append(f)
    return out


def check_prose(section_key: str, paragraphs: list[Paragraph], dataset: Any) -> list[Finding]:
    """Claims in one drafted section vs the data (used by the LLM repair loop)."""
    source = FactSource.from_dataset(dataset)
    return prose_findings(claims_in(section_key, paragraphs, source.facts()), source)
