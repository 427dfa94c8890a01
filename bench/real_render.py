"""Rendering of templates paraphrased from real reports' prose (bench/phrasing_real.py).

A ``RealTemplate`` is a ``phrasing_bank.Template`` that also carries

- ``kind``: the phenomenon it stands for (``receive``, ``flow``, ``results``, ``zero``, ``notfact`` …);
- ``src``: the SHA-1 (hex) of the source page's URL — the split: ``int(src, 16) % 3 == 0`` is held out;
- ``zero``: measures the words say are zero (“未收到申请”, “未发生行政复议”), and ``equal``: pairs of
  measures the words say are equal (“均维持”: 维持 = 复议总数; “结转至下一年度办理”: 结转 = 新收).

Its **ground truth** is in its slots: every number that names a table figure is a slot (see
``KEY_CELLS`` for the cells each slot names), every number left as written names no table figure
(“发布信息162条”, “办理热线47件”). A template whose ``zero``/``equal`` claim holds in a report's
tables renders a true sentence there (and a wrong one by changing one slot, as ``phrasing_bank``
does); where the claim does not hold, the sentence as rendered is itself the **wrong** version.

Slots beyond ``phrasing_bank``'s: ``{PREV}`` last year; ``{rest:K}`` the remainder of
``{part:K}`` (a breakdown by channel: part + rest = K); ``{ppct:K}``/``{rpct:K}`` (``ppct1``,
``ppct2`` …: decimals) the share of the part / the rest in K; ``{chgpct:K}`` a change from last
year as a percentage (“增长25%”); ``{cn:K}`` K in Chinese numerals.

``render`` also returns the spans of the slots in the true sentence, so a bench can compare what the
checker bound each number to with the ground truth.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import phrasing_bank as B

_SLOT = re.compile(r"\{([^{}]+)\}")
_CN = "零一二三四五六七八九"


@dataclass(frozen=True)
class RealTemplate(B.Template):
    kind: str = ""
    src: str = ""
    zero: tuple[str, ...] = ()
    equal: tuple[tuple[str, str], ...] = ()

    @property
    def phenomenon(self) -> str:
        return self.kind

    @property
    def held_out(self) -> bool:
        return int(self.src, 16) % 3 == 0


@dataclass(frozen=True)
class RealRendered:
    template: RealTemplate
    true: str | None  # None: the zero/equal claim does not hold in these tables
    wrong: str | None
    note: str
    spans: tuple[tuple[int, int, str], ...] = field(default=())  # (start, end, slot) in ``true``


_T3 = "t3.{}.total"
_ORG = ("biz", "sci", "npo", "law", "oth")


def _t3(prefix: str) -> tuple[str, ...]:
    return tuple(_T3.format(r) for r in B._T3_RESULT_ROWS if r.startswith(prefix))


# The table cells each slot names (its sum): the ground truth of a slot.
KEY_CELLS: dict[str, tuple[str, ...]] = {
    "N": ("t3.r1_new.total",), "C": ("t3.r2_carry_in.total",), "T": ("t3.r1_new.total", "t3.r2_carry_in.total"),
    "D": ("t3.r3_7_total.total",), "O": ("t3.r4_carry_out.total",), "OP": ("t3.r3_1_open.total",),
    "PA": ("t3.r3_2_partial.total",), "OPA": ("t3.r3_1_open.total", "t3.r3_2_partial.total"),
    "W": _t3("r3_3_"), "U": _t3("r3_4_"), "NP": _t3("r3_5_"), "OT": _t3("r3_6_"),
    "W6": ("t3.r3_3_6.total",), "U1": ("t3.r3_4_1.total",), "OT3": ("t3.r3_6_3.total",),
    "NPA": ("t3.r1_new.np",), "ORG": tuple(f"t3.r1_new.{c}" for c in _ORG),
    "RV": ("t4.rv.total",), "RVK": ("t4.rv.keep",), "RVF": ("t4.rv.fix",),
    "LIT": ("t4.ld.total", "t4.lr.total"), "LK": ("t4.ld.keep", "t4.lr.keep"),
    "LPEND": ("t4.ld.pending", "t4.lr.pending"),
    "NM": ("t2.norm.made",), "NR": ("t2.norm.repealed",), "NV": ("t2.norm.valid",),
    "RM": ("t2.reg.made",), "RR": ("t2.reg.repealed",),
    "LIC": ("t2.licensing.decisions",), "PEN": ("t2.penalty.decisions",), "COE": ("t2.coercion.decisions",),
    "FEE": ("t2.fees.amount_wan",),
    # round 2 (prose2): a 不予处理 sub-row, 复议后起诉 alone, one applicant column, 复议 results, 不予处理 + 其他处理
    "NP2": ("t3.r3_5_2.total",), "LR": ("t4.lr.total",), "BIZ": ("t3.r1_new.biz",),
    "RVP": ("t4.rv.pending",), "RVO": ("t4.rv.other",), "NPOT": _t3("r3_5_") + _t3("r3_6_"),
}


def values_of(tables: object) -> dict[str, float]:
    """``phrasing_bank.values_of`` plus the slots only real prose needed (sums of ``KEY_CELLS``)."""
    out = B.values_of(tables)
    get = tables.get  # type: ignore[attr-defined]
    for key, cells in KEY_CELLS.items():
        if key in out:
            continue
        vs = [get(c) for c in cells]
        if all(v is not None for v in vs):
            out[key] = float(sum(vs))
    return out


def chinese(v: float) -> str:
    """A small count in Chinese numerals (一, 十二, 三十五); larger ones stay digits."""
    n = int(v)
    if not float(v).is_integer() or n < 0 or n >= 100:
        return B._fmt(v)
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + ("" if ones == 0 else _CN[ones])


def _part(v: float) -> float:
    return float(math.floor(v * 0.6))


def _pct_text(num: float, den: float, slot: str) -> str:
    digits = slot.split(":")[0][-1]
    decimals = int(digits) if digits.isdigit() else 0
    return f"{100 * num / den:.{decimals}f}"


def render(t: RealTemplate, values: Mapping[str, float], year: int, rng: random.Random,
           previous: Mapping[str, float] | None = None) -> RealRendered | None:
    """The true sentence (when the words' zero/equal claims hold), a wrong one, and the slots' spans."""
    if any(k not in values for k in t.zero) or any(a not in values or b not in values for a, b in t.equal):
        return None
    holds = all(values[k] == 0 for k in t.zero) and all(values[a] == values[b] for a, b in t.equal)
    parts: dict[str, str] = {}
    wrongable: list[str] = []
    for slot in _SLOT.findall(t.text):
        if slot in parts:
            continue
        text = _slot_text(slot, values, year, previous)
        if text is None:
            return None
        parts[slot] = text
        if _wrongable(slot):
            wrongable.append(slot)
    true, spans = _fill(t.text, parts)
    if not holds:
        broken = [f"{k}={B._fmt(values[k])}" for k in t.zero if values[k] != 0]
        broken += [f"{a}={B._fmt(values[a])}≠{b}={B._fmt(values[b])}" for a, b in t.equal if values[a] != values[b]]
        return RealRendered(t, None, true, "claim does not hold: " + ", ".join(broken), spans)
    if not wrongable:
        return RealRendered(t, true, None, "", spans)
    slot = rng.choice(wrongable)
    wrong_text = _wrong(slot, values, t, rng, previous)
    if wrong_text is None or wrong_text == parts[slot]:
        return RealRendered(t, true, None, "", spans)
    wrong, _ = _fill(t.text, {**parts, slot: wrong_text})
    return RealRendered(t, true, wrong, f"{slot}: {parts[slot]} → {wrong_text}", spans)


def _fill(text: str, parts: Mapping[str, str]) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    length = 0
    for m in _SLOT.finditer(text):
        out.append(text[pos:m.start()])
        length += m.start() - pos
        value = parts[m.group(1)]
        spans.append((length, length + len(value), m.group(1)))
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), tuple(spans)


def _wrongable(slot: str) -> bool:
    return slot not in ("YEAR", "NEXT", "PREV") and not slot.startswith(
        ("part:", "rest:", "ppct", "rpct", "chgpct:"))


def slot_key(slot: str) -> str | None:
    """The measure a slot states, when it states one of ``KEY_CELLS`` as it stands (exact, approximate,
    Chinese): the ground truth the checker's binding is compared with. None for years, parts, ratios."""
    if slot in ("YEAR", "NEXT", "PREV") or slot.startswith(("part:", "rest:", "ppct", "rpct", "pct", "chg")):
        return None
    if slot.startswith("cn:"):
        slot = slot[3:]
    return slot.partition("~")[0].partition("!")[0]


def _slot_text(slot: str, values: Mapping[str, float], year: int,
               previous: Mapping[str, float] | None) -> str | None:
    if slot == "YEAR":
        return str(year)
    if slot == "NEXT":
        return str(year + 1)
    if slot == "PREV":
        return str(year - 1)
    head, _, key = slot.partition(":")
    if head in ("part", "rest") or head.startswith(("ppct", "rpct")):
        if key not in values or (head not in ("part", "rest") and not values[key]):
            return None
        v = values[key]
        part = _part(v)
        if head == "part":
            return B._fmt(part)
        if head == "rest":
            return B._fmt(v - part)
        return _pct_text(part if head.startswith("ppct") else v - part, v, head)
    if head == "chgpct":
        if previous is None or key not in previous or key not in values or not previous[key]:
            return None
        d = values[key] - previous[key]
        if d == 0:
            return None
        return f"{'增长' if d > 0 else '下降'}{100 * abs(d) / previous[key]:.0f}%"
    if head == "cn":
        return chinese(values[key]) if key in values else None
    # phrasing_bank's own slots
    rendered = B.render(B.Template("x", "{" + slot + "}"), values, year, random.Random(0), previous)
    return rendered.true if rendered is not None else None


def _wrong(slot: str, values: Mapping[str, float], t: RealTemplate, rng: random.Random,
           previous: Mapping[str, float] | None) -> str | None:
    if slot.startswith("cn:"):
        key = slot[3:]
        avoid = {values[k] for k in t.avoid if k in values} | {values[key]}
        return chinese(B._wrong_value(values[key], avoid, rng))
    return B._wrong(slot, values, t, rng, previous)
