"""What a drafted section claims, and which of its claims a draft may not keep.

The one place where the drafting loop reads the checker's claim model
(``checking.claim_check.check_claims``: each number with its span, readings and verdict) and adds
the rules a *draft* must follow on top of what a published report may say:

* a number whose value is *explained* by its clause (it equals an item the clause names, or a
  sum of two or three of them: “许可和处罚决定共1433件”, “其中本年新收18件”) is true, whatever
  the binding made of it — it is never corrected and never marked;
* a number that disagrees with its data item under the only reading the words allow
  (``disagrees_unambiguous``) is a ``mismatch`` — the one kind whose repair may name the value;
* ``disagrees_ambiguous`` / ``scoped`` / ``unbound`` numbers are ``ambiguous`` / ``unbound`` unless
  the agency's own notes say the same thing (``notes.NoteQuantities``: same number, same unit, same
  words around it); a note number written with another value is a ``note_mismatch``;
* percentages and year-on-year changes (``rate``, ``comparison``), dates and document numbers
  (``date``, ``doc_number``) and any other figure (``figure``: “5个工作日”) must come from the notes;
* an approximation (“20余件”, “约40条”) is an ``approx`` issue unless the notes write it — even one
  that agrees under some reading (“20余件” agrees with 新收＋结转 = 20 but may mean 新收 = 18);
* an agreeing claim and a note-backed one are fine.

Each ``Issue`` carries the exact span (``end`` is after any 余/多 suffix and the measure word):
the 【待核实】 mark goes there, exactly one per issue (``repair.mark_issues``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import asdict, field
from typing import TYPE_CHECKING, Any

from draft_report.drafting.llm.notes import NoteQuantities, note_quantities
from draft_report.models.document import Paragraph
from draft_report.records import dataclass

if TYPE_CHECKING:
    from draft_report.checking.claim_check import ClaimCheck
    from draft_report.loading import Dataset

Kind = str  # mismatch | ambiguous | unbound | note_mismatch | approx | rate | comparison | date | doc_number | figure
# the kinds whose repair may give a value to write (an unambiguous data item, or a note's own words)
VALUE_KINDS = frozenset({"mismatch", "note_mismatch"})

_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:至\d{1,2}月(?:\d{1,2}日)?)?|\d{4}年\d{1,2}月")
_DOC_NO = re.compile(r"[〔\[［（(]\d{4}[〕\]］）)]\s*\d+\s*号|第\s*\d+\s*号")
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_SENTENCE = re.compile(r"[^。！？；\n]*[。！？；]?")


@dataclass(frozen=True)
class Issue:
    """One thing in a draft that may not stay as written (see the module docstring)."""

    paragraph: int  # index into the section's paragraphs
    start: int  # span in that paragraph's text; the mark goes at ``end``
    end: int
    text: str  # the words as written
    kind: Kind
    sentence: str
    value: str | None = None  # the number as written
    expected: str | None = None  # the value to write: only for VALUE_KINDS
    label: str | None = None  # the data item (facts-sheet label) of a mismatch
    candidates: tuple[str, ...] = ()  # what an ambiguous number may mean
    note: str | None = None  # the notes' own words for a note_mismatch
    message: str = ""  # Chinese, for the terminal and the provenance

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Number:
    """A number of the draft with what it is (for comparing drafts before and after a repair)."""

    paragraph: int
    start: int
    end: int
    text: str
    value: float
    key: str  # the data item it reads (first reading's items) or "" when unbound
    true: bool  # agrees with the data, is explained by the sentence, or is the notes' own figure


@dataclass
class SectionClaims:
    issues: list[Issue] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)


def _fmt(v: float | None) -> str | None:
    if v is None:
        return None
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _sentence_at(text: str, pos: int) -> str:
    for m in _SENTENCE.finditer(text):
        if m.start() <= pos < max(m.end(), m.start() + 1):
            return m.group(0).strip()
    return text.strip()


_CLAUSE_STOPS = "，,；;。！？!?：:\n"


_DIGITS = re.compile(r"\d[\d.,]*")


def clause_of(text: str, start: int, end: int) -> tuple[str, str]:
    """The words that belong to the number at ``text[start:end]``, (before, after) it: its clause
    (between clause delimiters), cut after the previous number and before the next one —
    “行政复议1件、行政诉讼2件” gives (“、行政诉讼”, “”) for the second number, never both items."""
    lo = max(text.rfind(ch, 0, start) for ch in _CLAUSE_STOPS) + 1
    his = [i for i in (text.find(ch, end) for ch in _CLAUSE_STOPS) if i >= 0]
    hi = min(his) if his else len(text)
    before = list(_DIGITS.finditer(text, lo, start))
    if before:
        lo = before[-1].end()
    after = _DIGITS.search(text, end, hi)
    if after:
        hi = after.start()
    return text[lo:start], text[end:hi]


_JOINERS = re.compile(r"和|及|与|、|共|合计|总计|累计|总数")


def _named_spans(clause: str, facts: Sequence[tuple[Any, float]], unit: str | None) -> list[tuple[int, int, float]]:
    """(start, end, value) of each item the clause names (its longest keyword found), in its unit."""
    out = []
    for f, v in facts:
        if unit is not None and unit not in f.units:
            continue
        hits = [(clause.find(kw), len(kw)) for kw in f.keywords if kw and kw in clause]
        if hits:
            at, size = max(hits, key=lambda h: h[1])
            out.append((at, at + size, float(v)))
    return out


def explained(value: float, unit: str | None, words: tuple[str, str], facts: Sequence[tuple[Any, float]]) -> bool:
    """The written value is the item named right before it (or, when nothing is named before it,
    right after it), or — when the words before it join items (和、及、共…) — the sum of two or three
    items named at separate places there: a true derived figure the binding could not see
    (“许可和处罚决定共1433件”), never a reason to “correct” it."""
    left, right = words
    named = _named_spans(left, facts, unit)
    single = named or _named_spans(right, facts, unit)
    if any(abs(v - value) < 1e-9 for _, _, v in single):
        return True
    if not _JOINERS.search(left):
        return False
    for k in (2, 3):
        for combo in itertools.combinations(named[:8], k):
            spans = sorted((a, b) for a, b, _ in combo)
            if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
                continue  # two items named by the same words: not a list of items
            if abs(sum(v for _, _, v in combo) - value) < 1e-9:
                return True
    return False


class _Context:
    def __init__(self, dataset: Dataset) -> None:
        from draft_report.lexicon.fields import facts_for

        self.dataset = dataset
        self.facts = [(f, float(v)) for f, v in facts_for(dataset)]
        self.notes: NoteQuantities = note_quantities(dataset)
        data = dataset.data
        self.year = int(data.year)
        pub = getattr(data, "publication_date", None)
        self.allowed_dates = set()
        if pub is not None:
            self.allowed_dates |= {f"{pub.year}年{pub.month}月{pub.day}日", f"{pub.month}月{pub.day}日"}


def _claim_issue(i: int, text: str, c: ClaimCheck, ctx: _Context) -> tuple[Issue | None, bool]:
    """(the issue for one checked claim or None, whether the number is true)."""
    claim = c.claim
    sentence = claim.sentence.strip()
    span = text[c.start : c.end]
    value = _fmt(c.value)
    labels = tuple(dict.fromkeys(r.label for r in c.readings))
    finding = c.finding
    base: dict[str, Any] = {"paragraph": i, "start": c.start, "end": c.end, "text": span, "sentence": sentence, "value": value}
    backed = ctx.notes.backs(span, c.value, claim.unit, text, c.start, c.end)
    if claim.kind in ("percent", "change"):
        if backed:
            return None, True
        kind = "rate" if claim.kind == "percent" else "comparison"
        what = "百分比" if kind == "rate" else "与上年的比较"
        return Issue(**base, kind=kind, candidates=labels,
                     message=f"“{span}”是{what}，数据表和工作要点中都没有，不能写入"), False
    approx = claim.approx or (claim.low is not None and claim.high is not None and claim.low != claim.high)
    if approx and not backed:
        # the rules allow no 余/多/约 unless the notes say so: even an agreeing one is restated exactly
        # (“20余件” agrees with 新收＋结转 = 20 but may stand for 新收 = 18)
        return Issue(**base, kind="approx", candidates=labels,
                     message=f"“{span}”是约数，数据表和工作要点中没有这种写法，需写出准确数字"), c.verdict == "agrees"
    if c.verdict == "agrees":
        return None, True
    # a value equal to an item its own clause names, or to a sum of two or three of them, is true:
    # “许可和处罚决定共1433件”, “其中本年新收18件” — never corrected, never marked
    if claim.kind == "number" and explained(c.value, claim.unit, clause_of(text, c.start, c.end), ctx.facts):
        return None, True
    # an unambiguous contradiction of the data stays one even when a note says so (the note is wrong)
    if c.verdict == "disagrees_unambiguous" and c.expected is not None:
        return Issue(**base, kind="mismatch", expected=_fmt(c.expected), label=labels[0] if labels else None,
                     message=finding.message if finding is not None else f"“{span}”与数据不符"), False
    if backed:
        return None, True
    other = ctx.notes.contradicts(claim.unit, text, c.start, c.end, c.value)
    if other is not None:
        return Issue(**base, kind="note_mismatch", expected=_fmt(other.value), note=other.text,
                     message=f"“{span}”与工作要点不一致：要点中为“{other.text}”"), False
    if c.verdict == "unbound" and not labels:
        return Issue(**base, kind="unbound",
                     message=f"“{span}”在数据表和工作要点中都找不到出处"), False
    return Issue(**base, kind="ambiguous", candidates=labels,
                 message=finding.message if finding is not None else f"“{span}”无法与数据核对"), False


def _other_figures(i: int, text: str, taken: list[tuple[int, int]], ctx: _Context) -> list[Issue]:
    """Dates, document numbers and bare figures (“5个工作日”) that are no claim of the checker."""
    out: list[Issue] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for pattern, kind in ((_DOC_NO, "doc_number"), (_DATE, "date")):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            words = m.group(0)
            if kind == "date" and (words in ctx.allowed_dates or ctx.notes.has_words(words)):
                continue
            if kind == "date" and re.fullmatch(r"\d{1,2}月", words):  # “12月” alone: a month, not a date
                continue
            if kind == "doc_number" and ctx.notes.has_words(words):
                continue
            what = "文号" if kind == "doc_number" else "日期"
            out.append(Issue(i, m.start(), m.end(), words, kind, _sentence_at(text, m.start()),
                             message=f"{what}“{words}”在数据和工作要点中都没有，不能写入"))
    for m in _YEAR.finditer(text):
        taken.append((m.start(1), m.end()))  # years are checked by the structure rules
    for m in _FIGURE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        end = m.end()
        tail = text[end : end + 6]
        if ctx.notes.figure_backed(m.group(0), tail):
            continue
        other = ctx.notes.figure_contradicted(m.group(0), tail)
        sentence = _sentence_at(text, m.start())
        words = text[m.start() : end + min(len(tail), 4)]
        if other is not None:
            out.append(Issue(i, m.start(), end + other.unit_len, text[m.start(): end + other.unit_len], "note_mismatch",
                             sentence, value=m.group(0), expected=_fmt(other.value), note=other.text,
                             message=f"“{words}”与工作要点不一致：要点中为“{other.text}”"))
        else:
            out.append(Issue(i, m.start(), end, m.group(0), "figure", sentence, value=m.group(0),
                             message=f"“{words}”中的数字在数据表和工作要点中都找不到出处"))
    return out


_SOURCES: dict[int, tuple[Any, Any]] = {}
_CONTEXTS: dict[int, tuple[Any, _Context]] = {}


def source_for(dataset: Any) -> Any:
    """The checker's ``FactSource`` for ``dataset``, built once (the tables are built on each call
    of ``data.tables()``; the loop checks every draft and every facts-sheet label against them)."""
    from draft_report.checking.fact_source import FactSource

    hit = _SOURCES.get(id(dataset))
    if hit is not None and hit[0] is dataset:
        return hit[1]
    if len(_SOURCES) >= 4:
        _SOURCES.clear()
    source = FactSource.from_dataset(dataset)
    _SOURCES[id(dataset)] = (dataset, source)
    return source


def context_for(dataset: Any) -> _Context:
    """The dataset's facts, note quantities and allowed dates (``_Context``), built once per dataset
    like ``source_for``: each section of each draft and each repair round is checked against them."""
    hit = _CONTEXTS.get(id(dataset))
    if hit is not None and hit[0] is dataset:
        return hit[1]
    if len(_CONTEXTS) >= 4:
        _CONTEXTS.clear()
    context = _Context(dataset)
    _CONTEXTS[id(dataset)] = (dataset, context)
    return context


def section_claims(paragraphs: Sequence[Paragraph], dataset: Dataset, section: str | None = None) -> SectionClaims:
    """Every issue and every number of a drafted section (text paragraphs only)."""
    from draft_report.checking.claim_check import check_claims

    ctx = context_for(dataset)
    out = SectionClaims()
    for i, p in enumerate(paragraphs):
        if p.kind != "text":
            continue
        text = p.text
        taken: list[tuple[int, int]] = []
        for c in check_claims(text, source_for(dataset), section):
            issue, true = _claim_issue(i, text, c, ctx)
            taken.append((c.start, c.end))
            if issue is not None:
                out.issues.append(issue)
            if c.claim.kind != "zero":
                key = "+".join(c.readings[0].items) if c.readings else ""
                out.numbers.append(Number(i, c.start, c.end, text[c.start : c.end], c.value, key, true))
        out.issues += _other_figures(i, text, taken, ctx)
    out.issues.sort(key=lambda x: (x.paragraph, x.start))
    return out
