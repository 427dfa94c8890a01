"""The verdict on each claim of the prose: the public claim API of the checker and the drafting loop.

A claim (``checking.claims.Claim``) is one number of the prose with the measure(s) it may
state. ``assess`` evaluates it against a ``FactSource`` (the data file or the report's tables)
and returns a ``ClaimCheck``:

- ``readings``: every plausible reading of the claim — (measure label, the table cells / data
  items it sums, the operation, the value the data gives). The first is the most likely one.
  “受理申请N件” reads as 新收 or as 新收 + 上年结转; “办理N件” as 办结 or 受理; “政府网站和微信
  公众号发布…60条” as the sum of two channels; “占比52.6%” as a ratio of two measures.
- ``verdict``:

  ``agrees``                 the number agrees with at least one reading (a range “40余条”
                             contains it; a percentage matches to its printed decimals);
  ``disagrees_unambiguous``  the binding is sure (confidence ≥ ``SURE``, all readings give one
                             value) and the number disagrees with every reading → an **error**;
                             the only case where a repair may say “改为 Y” (``expected``);
  ``disagrees_ambiguous``    it disagrees with every reading, but the readings give different
                             values, the binding is unsure, or the figure is an approximation
                             outside its fuzzy bound → a **warning** naming the candidates;
  ``scoped``                 it disagrees, but the sentence narrows it to a sub-unit (“区政府办代表
                             区政府”) → a **warning** naming the scope; or to a moment or a period
                             (“截至6月底”, “上半年”) → **info** naming it (not the year's figure);
  ``unbound``                no measure, or the data has no value for it (blank cell, no
                             ``--data``, 同比 without ``--previous``) → **info**, never passed silently.

- ``start``/``end``: the span of the number in the text given to ``check_claims`` (after any
  余/多 suffix), ``text`` as written, ``value`` and, for approximations, ``low``/``high``.
- ``confidence``: how sure the binding is (1.0: the label stands right before the number).
- ``finding``: the checker's finding for it (None when it agrees).

``check_claims(text, source)`` runs extraction and assessment over one paragraph; the drafting
loop builds its repair requests from these checks (a value to write only from an unambiguous
disagreement).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from draft_report.checking.claims import Claim, extract_claims
from draft_report.checking.fact_source import FactSource
from draft_report.checking.findings import Finding, Location
from draft_report.checking.row_scope import t3_grid
from draft_report.checking.scope import is_moment
from draft_report.lexicon.applicants import columns_label
from draft_report.lexicon.fields import Fact
from draft_report.records import dataclass
from draft_report.tables import layout as L
from draft_report.tables.grid import format_value

Verdict = Literal["agrees", "disagrees_unambiguous", "disagrees_ambiguous", "unbound", "scoped"]
SURE = 0.75  # a binding at least this sure may give an error


@dataclass(frozen=True)
class Reading:
    """One plausible reading of a claim: a measure over the data and the value it has there."""

    label: str  # Chinese: “本年新收政府信息公开申请”, “予以公开＋部分公开”, “予以公开 ÷ 办理结果总计”
    items: tuple[str, ...]  # cell ids (t3.r1_new.total), data fields (fees.collected_yuan), aggregate keys
    op: str  # "cell" | "sum" | "ratio" | "change"
    expected: float | None  # the value under this reading; None when the data has none
    fact_id: str = ""


@dataclass(frozen=True)
class ClaimCheck:
    """A claim with its readings and verdict (see the module docstring)."""

    claim: Claim
    start: int  # span of the number in the text given to ``check_claims``
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    readings: tuple[Reading, ...]
    verdict: Verdict
    confidence: float
    finding: Finding | None = None

    @property
    def expected(self) -> float | None:
        """The value to write instead — only for an unambiguous disagreement."""
        if self.verdict != "disagrees_unambiguous" or not self.readings:
            return None
        return self.readings[0].expected

    @property
    def resolved(self) -> bool:
        return self.verdict == "agrees"


def fmt(v: float | int | None) -> str:
    """A value in a message: blank is “空白”; numbers as the tables print them (no ``:g`` rounding)."""
    return "空白" if v is None else format_value(v)


def _items(fact: Fact) -> tuple[str, ...]:
    if fact.parts:
        return tuple(i for p in fact.parts for i in _items(p))
    if fact.cells:
        return fact.cells
    if fact.data_field:
        return (fact.data_field,)
    return (fact.aggregate,) if fact.aggregate else ()


def _cells_label(cells: Sequence[str]) -> str:
    grid = t3_grid(cells)
    if grid is not None and grid[1] != ("total",):
        rows, columns = grid
        return f"{'＋'.join(L.T3_ROW_BY_ID[r].short for r in rows)}（{columns_label(columns)}）"
    names = []
    for cid in cells:
        parts = cid.split(".")
        row = L.T3_ROW_BY_ID.get(parts[1]) if len(parts) == 3 and parts[0] == "t3" else None
        names.append(row.short if row is not None else L.describe_cell(cid))
    return "＋".join(names)


def fact_readings(fact: Fact, source: FactSource) -> list[Reading]:
    """The fact's own reading and its legitimate variants (受理 = 新收, or 新收 + 上年结转)."""
    hit = source.readings_cache.get(id(fact))
    if hit is not None and hit[0] is fact:  # the same fact object: the same readings
        return list(hit[1])
    values = iter(reading_values(fact, source))
    op = "sum" if len(_items(fact)) > 1 else "cell"
    out = [Reading(fact.label, _items(fact), op, next(values), fact.id)]
    for cells in fact.also_accept:
        out.append(Reading(_cells_label(cells), tuple(cells), "sum", next(values), fact.id))
    for key in fact.accept_aggregates:
        out.append(Reading(f"{fact.label}（合计，同一信息多渠道只计一次）", (key,), "sum", next(values), fact.id))
    source.readings_cache[id(fact)] = (fact, out)
    return list(out)


def reading_values(fact: Fact, source: FactSource, value: float | None = None) -> list[float | None]:
    """The value of each reading ``fact_readings`` gives, in its order (no labels built): the
    fact's (``value`` when the caller has it already), each ``also_accept`` sum's, each
    ``accept_aggregates`` key's."""
    values = [source.value(fact) if value is None else value]
    values += [source.cells_sum(cells) for cells in fact.also_accept]
    aggregates = source.aggregates
    for key in fact.accept_aggregates:
        v = aggregates.get(key) if aggregates is not None else None
        values.append(float(v) if v is not None else None)
    return values


def readings_of(claim: Claim, source: FactSource) -> list[Reading]:
    """Every plausible reading of ``claim`` (empty when it binds to nothing)."""
    if claim.fact is None:
        return []
    facts = (claim.fact, *claim.alternatives)
    if claim.kind == "percent":
        return _ratio_readings(facts, claim.denominators, source)
    if claim.kind == "change":
        return _change_readings(claim, facts, source)
    out: list[Reading] = []
    for f in facts:
        out += fact_readings(f, source)
    if claim.parent is not None and claim.fact.columns:
        out = _inherited(claim.parent, out, source)
    return out


def _rows(r: Reading) -> frozenset[str]:
    return frozenset(i.split(".")[1] for i in r.items if i.startswith("t3."))


def _inherited(parent: Claim, readings: list[Reading], source: FactSource) -> list[Reading]:
    """An applicant number's readings over the rows its parent's value agrees with (``row_scope``):
    “受理21件（含上年结转2件），其中自然人…” — 21 is 新收 + 上年结转, so is the 其中. Rows the parent
    does not count (the 新收 reading of a parent not linked by 其中) stay; no agreement: all stay."""
    facts = {f.id: f for f in (parent.fact, *parent.alternatives) if f is not None}
    theirs = readings_of(parent, source)
    agreeing = {_rows(r) for r in theirs if _matches(parent, r, facts.get(r.fact_id))}
    if not agreeing:
        return readings
    every = {_rows(r) for r in theirs}
    kept = [r for r in readings if _rows(r) not in every or _rows(r) in agreeing]
    return kept or readings


def _ratio_readings(nums: Sequence[Fact], dens: Sequence[Fact], source: FactSource) -> list[Reading]:
    out = []
    for n in nums:
        for rn in fact_readings(n, source):
            for d in dens:
                for rd in fact_readings(d, source):
                    value = None
                    if rn.expected is not None and rd.expected:
                        value = 100 * rn.expected / rd.expected
                    out.append(Reading(f"{rn.label} ÷ {rd.label}", rn.items + rd.items, "ratio", value, n.id))
    return out


def _change_readings(claim: Claim, facts: Sequence[Fact], source: FactSource) -> list[Reading]:
    prev = source.previous
    out = []
    sign = -1.0 if claim.comparison and any(w in claim.comparison for w in ("减少", "下降", "降低", "少")) else 1.0
    for f in facts:
        for r in fact_readings(f, source):
            before = None
            if prev is not None:
                pf = [x for x in fact_readings(f, prev) if x.items == r.items]
                before = pf[0].expected if pf else None
            value = None
            if r.expected is not None and before is not None:
                diff = r.expected - before
                value = sign * (100 * diff / before if claim.unit == "%" and before else diff)
            out.append(Reading(f"{r.label}（较上年变化）", r.items, "change", value, f.id))
    return out


def _matches(claim: Claim, reading: Reading, fact: Fact | None) -> bool:
    expected = reading.expected
    if expected is None:
        return False
    return _value_matches(claim, expected, fact)


def _value_matches(claim: Claim, expected: float, fact: Fact | None) -> bool:
    """``claim`` agrees with a reading whose value is ``expected`` (``fact``: the reading's measure)."""
    if claim.kind == "percent" or (claim.kind == "change" and claim.unit == "%"):
        tol = 10.0 ** -claim.decimals
        return abs(expected - claim.value) < tol + 1e-9
    if claim.low is not None and claim.high is not None:
        return claim.low - 1e-9 <= expected <= claim.high + 1e-9
    factor = fact.factor(claim.unit) if fact is not None else 1.0
    return _close(expected, claim.value, factor)


def _close(expected: float, claimed: float, factor: float) -> bool:
    """Equal; for a claim in another unit (元 for 万元), equal to the precision of ``expected``."""
    if factor == 1:
        return abs(expected - claimed) < 1e-9
    decimals = min(max(len(f"{expected:.4f}".rstrip("0").split(".")[1]), 2), 4)  # 万元 to at least 0.01
    return abs(expected - claimed * factor) <= 0.5 * 10 ** -decimals + 1e-12


def _hard_side(claim: Claim, expected: float) -> bool:
    """An approximation violated on its stated side: “40余条” for 37, “近百条” for 120."""
    if claim.low is None or claim.high is None:
        return True
    return (claim.low == claim.value and expected < claim.low) or (claim.high == claim.value and expected > claim.high)


@dataclass(frozen=True)
class Assessment:
    """The verdict on one claim, the readings behind it and how sure it is."""

    verdict: Verdict
    readings: tuple[Reading, ...]
    confidence: float
    scope: str | None


def assess_claim(claim: Claim, source: FactSource) -> Assessment:
    """The verdict on one claim (see the module docstring)."""
    readings = readings_of(claim, source)
    facts = {f.id: f for f in (claim.fact, *claim.alternatives) if f is not None}
    scope: str | None = claim.scope  # set by ``extract_claims`` (a sub-unit or a moment before the number)
    known = [r for r in readings if r.expected is not None]
    if not known:
        return Assessment("unbound", tuple(readings), claim.confidence, scope)
    if any(_matches(claim, r, facts.get(r.fact_id)) for r in known):
        return Assessment("agrees", tuple(readings), claim.confidence, scope)
    if scope is not None:
        return Assessment("scoped", tuple(readings), claim.confidence, scope)
    # One value under every reading of the primary measure, no competing measure, a sure binding.
    primary_id = claim.fact.id if claim.fact else ""
    own = {round(r.expected, 6) for r in known if r.expected is not None and r.fact_id == primary_id}
    competing = {round(r.expected, 6) for r in known if r.expected is not None and r.fact_id != primary_id}
    first = next((r.expected for r in known if r.fact_id == primary_id and r.expected is not None), None)
    sure = (
        first is not None and claim.confidence >= SURE and not (competing - own) and _hard_side(claim, first)
        # an applicant number over several rows (新收, or 新收 + 上年结转) is sure only when they agree
        and not (claim.fact is not None and claim.fact.columns and len(own) > 1)
    )
    return Assessment("disagrees_unambiguous" if sure else "disagrees_ambiguous", tuple(readings), claim.confidence,
                      scope)


def known_values(fact: Fact, source: FactSource) -> tuple[float, ...]:
    """The values of the fact's readings that the data has (``fact_readings`` with a value), in
    order; computed once per fact object and source (the facts are fixed for one check)."""
    hit = source.known_cache.get(id(fact))
    if hit is not None and hit[0] is fact:
        return hit[1]
    value = source.value(fact)  # ``reading_values`` without its Nones, in its order
    if not fact.also_accept and not fact.accept_aggregates:  # (most facts)
        known: tuple[float, ...] = () if value is None else (value,)
    else:
        known = tuple(v for v in reading_values(fact, source, value) if v is not None)
    source.known_cache[id(fact)] = (fact, known)
    return known


NOT_PLAIN = frozenset({"percent", "change"})  # kinds whose readings are not their facts' own


def plain_verdict(claim: Claim, source: FactSource) -> Verdict | None:
    """``assess_claim``'s verdict when it follows from the known values of the claim's facts
    alone (``known_values``): "agrees" when one of them matches the claim, "unbound" when there
    are none; None when it does not (the claim disagrees: ``assess_claim`` decides) or when the
    claim is not of the plain shape this covers — bound, not a percentage or a change, and
    inheriting no rows from a parent, so that its readings are exactly its facts'
    ``fact_readings``."""
    fact = claim.fact
    if fact is None or claim.kind in NOT_PLAIN:
        return None
    if claim.parent is not None and fact.columns:
        return None  # ``_inherited`` may drop readings
    if not claim.alternatives:
        hit = source.known_cache.get(id(fact))  # ``known_values``, its memo read here (once per claim)
        known = hit[1] if hit is not None and hit[0] is fact else known_values(fact, source)
        if not known:
            return "unbound"
        if not fact.unit_factors and (claim.low is None or claim.high is None):  # ``_close`` at factor 1
            value = claim.value
            for e in known:
                if abs(e - value) < 1e-9:
                    return "agrees"
            return None
        return "agrees" if any(_value_matches(claim, e, fact) for e in known) else None
    alternatives = claim.alternatives
    facts = {f.id: f for f in (fact, *alternatives)}
    pairs = [(e, facts[f.id]) for f in (fact, *alternatives) for e in known_values(f, source)]
    if not pairs:
        return "unbound"
    return "agrees" if any(_value_matches(claim, e, f) for e, f in pairs) else None


def unbound_finding(claim: Claim, loc: Location, source: FactSource | None = None) -> Finding:
    """The finding for a claim whose verdict is “unbound” (or that holds too many numbers):
    bound to no measure, or to one the data has no value for (``source``: where the values
    come from, needed only for a bound claim)."""
    if claim.kind == "too_many":
        return Finding("prose.too_many_numbers", "info",
                       f"此句含{claim.text}，超过逐一核对的上限，未逐一核对（可能是粘贴的表格），请人工核对", loc, None, None)
    fact = claim.fact
    if fact is None:
        return Finding("prose.unverified", "info", f"未能核对：“{claim.text}”没有对应的数据项", loc, None,
                       _shown(claim))
    assert source is not None
    if claim.kind == "change" and source.previous is None:
        why = "这是与上年的比较，未提供上年报告或数据（--previous），无法核对"
    elif fact.cells and source.data is None:
        why = "表格中该项空白或无法读取"
    elif source.data is None:
        why = "未提供数据文件（--data），无法核对"
    else:
        why = "数据文件中没有该项"
    return Finding("prose.unverified", "info", f"未能核对：“{claim.text}”对应“{fact.label}”，但{why}", loc, None,
                   _shown(claim))


def _shown(claim: Claim) -> str:
    v = claim.value
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _candidates(readings: Sequence[Reading], unit: str | None) -> str:
    seen: list[str] = []
    for r in readings:
        text = f"“{r.label}”为 {fmt(round(r.expected, 2) if r.op in ('ratio', 'change') and r.expected is not None else r.expected)}{'%' if r.op == 'ratio' else ''}"
        if text not in seen:
            seen.append(text)
    return "、".join(seen[:4])


def finding_for(claim: Claim, a: Assessment, source: FactSource, loc: Location) -> Finding | None:
    """The checker's finding for one assessed claim (None when it agrees)."""
    c = claim
    if a.verdict == "agrees":
        return None
    if c.kind == "too_many" or a.verdict == "unbound":
        return unbound_finding(c, loc, source)
    fact = c.fact
    shown_value = _shown(c)
    assert fact is not None
    first = a.readings[0]
    expected: float = next(r.expected for r in (first, *a.readings) if r.expected is not None)
    factor = fact.factor(c.unit) if c.kind == "number" else 1.0
    if c.kind in ("percent", "change"):
        shown = fmt(round(expected, 2))
    else:
        shown = fmt(round(expected / factor, 2)) if factor != 1 else fmt(expected)
    unit_note = f"（折合{c.unit}）" if factor != 1 else ""
    where = source.where(fact)
    label = first.label
    if a.verdict == "scoped" and a.scope is not None and is_moment(a.scope):
        return Finding(
            "prose.unverified", "info",
            f"未能核对：“{c.text}”是“{a.scope}”的数字，而“{label}”{where}为全年数字 {shown}，口径不同", loc, None,
            shown_value,
        )
    if a.verdict == "scoped":
        text = _mismatch_text(c, label, where, shown, unit_note, shown_value)
        return Finding(
            "prose.scope_mismatch", "warning",
            f"{text}。句中“{a.scope}”表明所述可能只是某一时点、期间、下属单位或本级的数字，而表格的统计范围（全年、全机关）可能更大，请核实口径",
            loc, shown, shown_value,
        )
    if a.verdict == "disagrees_ambiguous":
        if c.low is not None and c.high is not None and len({r.fact_id for r in a.readings}) == 1:
            return Finding(
                "prose.approx_mismatch", "warning",
                f"约数“{c.text}”（约 {fmt(c.low)}～{fmt(c.high)}）与“{label}”不太相符：{where}为 {shown}，请核实",
                loc, shown, shown_value,
            )
        return Finding(
            "prose.ambiguous_mismatch", "warning",
            f"文中“{c.text}”可能指{_candidates(a.readings, c.unit)}，与其中任何一项都不一致，请核实所指并修改",
            loc, None, shown_value,
        )
    text = _mismatch_text(c, label, where, shown, unit_note, shown_value)
    if c.kind == "zero" or (c.kind == "number" and c.value == 0):
        return Finding("prose.zero_claim", "error", f"文中称“{c.text}”，但“{label}”{where}为 {shown}", loc, shown,
                       shown_value)
    return Finding("prose.mismatch", "error", text, loc, shown, shown_value)


def _mismatch_text(c: Claim, label: str, where: str, shown: str, unit_note: str, value: str) -> str:
    if c.kind == "percent":
        return f"文中“{c.text}”与“{label}”不一致：按{where}计算为 {shown}%，文中写作 {value}%"
    if c.kind == "change":
        return f"文中“{c.text}”与“{label}”不一致：按本年与上年数据计算为 {shown}，文中写作 {value}"
    if c.low is not None and c.high is not None:
        return f"约数“{c.text}”与“{label}”不一致：{where}为 {shown}，不在 {fmt(c.low)}～{fmt(c.high)} 之内"
    return f"文中“{c.text}”与“{label}”不一致：{where}为 {shown}{unit_note}，文中写作 {value}"


def assess(claim: Claim, source: FactSource, loc: Location | None = None, offset: int = 0) -> ClaimCheck:
    """Assess one claim; ``offset``: where the text given to ``extract_claims`` starts."""
    a = assess_claim(claim, source)
    loc = loc or Location(excerpt=claim.sentence.strip())
    start = offset + claim.sentence_start + claim.start
    return ClaimCheck(
        claim, start, offset + claim.sentence_start + claim.end, claim.text, claim.value, claim.low, claim.high,
        a.readings, a.verdict, a.confidence, finding_for(claim, a, source, loc),
    )


def check_claims(text: str, source: FactSource | Any, section: str | None = None,
                 line: int | None = None) -> list[ClaimCheck]:
    """Every claim of one paragraph with its readings and verdict.

    ``source``: a ``FactSource``, or a loaded ``Dataset`` (the drafting loop's data)."""
    if not isinstance(source, FactSource):
        source = FactSource.from_dataset(source)
    out = []
    for c in extract_claims(text, source.facts()):
        loc = Location(section=section, line=line, excerpt=c.sentence.strip())
        out.append(assess(c, source, loc))
    return out
