"""A phrasing bank generated from phenomena, over the claims of real reports.

Each ``Template`` states one or more measures of a report's own tables the way a bureau or a
model writes them: verb and measure variants, compound and listed labels (sums), scope inherited
from a parent clause, 其中/分别/涉及, approximations (余/多/近/约), percentages, 同比/较上年, and
numbers scoped to a moment or a sub-unit. ``render(template, values)`` fills the slots from the
report's tables and gives the **true** sentence and, for one chosen slot, a **wrong** one (the
number changed so that it disagrees with every plausible reading the template declares).

Slots: ``{N}`` an exact value; ``{N~余}``/``{N~多}``/``{N~近}``/``{N~约}`` an approximation of it;
``{A!B}`` A's value, whose wrong version is B's value (a reading the words exclude);
``{pct:A/B}`` / ``{pct1:A/B}`` a percentage with 0 / 1 decimals; ``{chg:N}`` a change from last
year (“增加3件” / “减少2件”; needs last year's values); ``{part:N}`` a value that is not the year's
total (a moment or a sub-unit: never wrong, never an alarm). ``{YEAR}``/``{NEXT}`` the report's year.

The split: a template is **held out** when ``held_out(template.id)`` (a hash of its id, about a
quarter). The held-out templates are never looked at while tuning the checker; the bench reports
both splits separately. Written before the claim binding was tuned.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    id: str  # phenomenon:variant
    text: str
    avoid: tuple[str, ...] = ()  # slots whose values are plausible readings too (a wrong number avoids them)

    @property
    def phenomenon(self) -> str:
        return self.id.split(":")[0]


def held_out(template_id: str) -> bool:
    return int(hashlib.sha1(template_id.encode("utf-8")).hexdigest(), 16) % 4 == 0


T = Template
TEMPLATES: tuple[Template, ...] = (
    # --- 新收: verb variants --------------------------------------------------------------------
    T("receive:1", "全年共收到政府信息公开申请{N}件。", ("T",)),
    T("receive:2", "本年度新收政府信息公开申请{N}件。", ("T",)),
    T("receive:3", "全年接收依申请公开政府信息申请{N}件。", ("T",)),
    T("receive:4", "{YEAR}年，我单位受理政府信息公开申请{N}件。", ("T",)),
    T("receive:5", "全年共接到公民、法人和其他组织提出的政府信息公开申请{N}件。", ("T",)),
    T("receive:6", "本年度新收各类政府信息公开申请共计{N}件。", ("T",)),
    T("receive:7", "全年依申请公开政府信息{N}件。", ("T", "D")),
    # --- 受理 covering carried-over requests: scope from the parenthesis / the clause ----------------
    T("received_total:1", "全年共受理政府信息公开申请{T}件（含上年结转{C}件）。", ("N",)),
    T("received_total:2", "全年新收政府信息公开申请{N}件，加上上年结转的{C}件，共计{T}件。", ("N",)),
    T("received_total:3", "本年度共办理政府信息公开申请{T}件，其中上年结转{C}件。", ("N", "D")),
    T("received_total:4", "受理政府信息公开申请{T}件，含上年度结转申请{C}件。", ("N",)),
    T("received_total:5", "全年需办理的政府信息公开申请共{T}件（本年新收{N}件、上年结转{C}件）。", ("D",)),
    T("received_total:6", "连同上年结转的{C}件，全年共受理申请{T}件。", ("N",)),
    # --- 办结 / 答复 / 处理 / 办理 ------------------------------------------------------------------
    T("closed:1", "全年办结政府信息公开申请{D}件。", ()),
    T("closed:2", "本年度共答复政府信息公开申请{D}件。", ()),
    T("closed:3", "{D}件申请均已在法定期限内办结。", ()),
    T("closed:4", "全年共处理政府信息公开申请{D}件。", ("T", "N")),
    T("closed:5", "办理完毕政府信息公开申请{D}件。", ()),
    T("closed:6", "全年共办理政府信息公开申请{D}件。", ("T", "N")),
    T("closed:7", "已按期答复申请人{D}件。", ()),
    # --- 结转下年度 and its variants ------------------------------------------------------------
    T("carry_out:1", "另有{O}件结转下年度继续办理。", ()),
    T("carry_out:2", "{O}件申请转入下年度办理。", ()),
    T("carry_out:3", "因答复期限尚未届满，{O}件申请顺延至下年度答复。", ()),
    T("carry_out:4", "结转至{NEXT}年继续办理的申请{O}件。", ()),
    T("carry_out:5", "尚有{O}件申请结转到下一年度办理。", ()),
    T("carry_out:6", "全年受理政府信息公开申请{N}件，办结{D}件，结转下年度{O}件。", ("T",)),
    T("carry_out:7", "跨年度继续办理的申请{O}件。", ()),
    # --- 办理结果: listed, compound labels ----------------------------------------------------------
    T("results:1", "其中予以公开{OP}件，部分公开{PA}件，不予公开{W}件，无法提供{U}件。", ()),
    T("results:2", "公开（含部分公开）{OPA}件。", ("OP",)),
    T("results:3", "同意公开和部分公开的共{OPA}件。", ()),
    T("results:4", "不予公开和无法提供的共{WU}件。", ()),
    T("results:5", "因本机关不掌握相关政府信息等原因无法提供的{U}件。", ()),
    T("results:6", "不予处理{NP}件，其他处理{OT}件。", ()),
    T("results:7", "办结的申请中，予以公开{OP}件、部分公开{PA}件、不予公开{W}件、无法提供{U}件、不予处理{NP}件、其他处理{OT}件。", ()),
    T("results:8", "答复结果为予以公开的{OP}件。", ()),
    # --- 申请人: 其中 under a parent, scope inherited ------------------------------------------------
    T("applicants:1", "全年共收到政府信息公开申请{N}件，其中自然人{NPA}件，法人或其他组织{ORG}件。", ("T",)),
    T("applicants:2", "从申请主体看，自然人申请{NPA}件、法人或其他组织申请{ORG}件。", ()),
    T("applicants:3", "全年共受理申请{T}件（含上年结转{C}件），其中法人或其他组织{ORGT}件。", ("N", "ORG")),
    T("applicants:4", "申请人中，自然人提出申请{NPA}件。", ()),
    T("applicants:5", "{NPA}件申请由自然人提出，{ORG}件由法人或其他组织提出。", ()),
    T("applicants:6", "新收申请中，法人或其他组织提出{ORG}件。", ()),
    # --- percentages --------------------------------------------------------------------------
    T("percent:1", "全年办结{D}件，其中予以公开{OP}件，占{pct1:OP/D}%。", ()),
    T("percent:2", "予以公开和部分公开的占办结总数的{pct:OPA/D}%。", ()),
    T("percent:3", "全年受理申请{T}件（含上年结转{C}件），办结率为{pct:D/T}%。", ("N",)),
    T("percent:4", "自然人申请{NPA}件，占比{pct1:NPA/N}%。", ()),
    T("percent:5", "行政复议{RV}件，其中结果维持{RVK}件，占{pct:RVK/RV}%。", ()),
    T("percent:6", "无法提供的{U}件，占办结总数的{pct1:U/D}%。", ()),
    # --- approximations -------------------------------------------------------------------------
    T("approx:1", "全年受理政府信息公开申请{N~余}件。", ("T",)),
    T("approx:2", "全年作出行政许可决定{LIC~余}件。", ()),
    T("approx:3", "全年作出行政处罚决定近{PEN~近}件。", ()),
    T("approx:4", "全年办结政府信息公开申请约{D~约}件。", ()),
    T("approx:5", "全年新收申请{N~多}件。", ("T",)),
    T("approx:6", "作出行政强制决定{COE~余}件。", ()),
    # --- 表四 ------------------------------------------------------------------------------------
    T("review:1", "全年发生政府信息公开行政复议{RV}件、行政诉讼{LIT}件。", ()),
    T("review:2", "因政府信息公开被申请行政复议{RV}件。", ()),
    T("review:3", "涉及政府信息公开的行政复议和行政诉讼共{RVLIT}件。", ()),
    T("review:4", "行政复议{RV}件，其中维持{RVK}件，纠正{RVF}件。", ()),
    T("review:5", "被提起政府信息公开行政诉讼{LIT}件，其中结果维持{LK}件。", ()),
    T("review:6", "政府信息公开行政复议案件{RV}起。", ()),
    # --- 表二 decisions: compound and listed labels -------------------------------------------------
    T("decisions:1", "全年公示行政许可、行政处罚决定共计{LP}件。", ()),
    T("decisions:2", "许可和处罚决定合计{LP}件。", ()),
    T("decisions:3", "作出行政许可决定{LIC}件、行政处罚决定{PEN}件。", ()),
    T("decisions:4", "全年作出行政许可{LIC}件，行政处罚{PEN}件，行政强制{COE}件。", ()),
    T("decisions:5", "行政许可和行政处罚决定分别为{LIC}件、{PEN}件。", ()),
    T("decisions:6", "公开行政处罚决定{PEN}件。", ()),
    # --- 表二 documents ---------------------------------------------------------------------------
    T("documents:1", "全年制发行政规范性文件{NM}件。", ()),
    T("documents:2", "本年新制定规范性文件{NM}件，废止{NR}件，现行有效{NV}件。", ()),
    T("documents:3", "截至年底，现行有效的行政规范性文件{NV}件。", ()),
    T("documents:4", "印发行政规范性文件{NM}件。", ()),
    T("documents:5", "清理后现行有效规范性文件{NV}件。", ()),
    # --- scope: a moment, a period, a sub-unit (never an alarm) --------------------------------------
    T("scoped:1", "截至6月底，现行有效行政规范性文件{part:NV}件。", ()),
    T("scoped:2", "上半年受理政府信息公开申请{part:N}件。", ()),
    T("scoped:3", "其中，区政府办公室受理政府信息公开申请{part:N}件。", ()),
    T("scoped:4", "一季度作出行政处罚决定{part:PEN}件。", ()),
    T("scoped:5", "截至目前，已办结申请{part:D}件。", ()),
    # --- 同比 / 较上年 (checked with last year's figures) --------------------------------------------
    T("change:1", "全年受理政府信息公开申请{N}件，较上年{chg:N}。", ("T",)),
    T("change:2", "全年新收政府信息公开申请{N}件，同比{chg:N}。", ("T",)),
    T("change:3", "作出行政许可决定{LIC}件，比上年{chg:LIC}。", ()),
    T("change:4", "全年发生政府信息公开行政复议{RV}件，较上年{chg:RV}。", ()),
    T("change:5", "作出行政处罚决定{PEN}件，与上年相比{chg:PEN}。", ()),
)


def values_of(tables: object) -> dict[str, float]:
    """The slot values of one report's tables (missing cells leave slots out)."""
    get = tables.get  # type: ignore[attr-defined]

    def cell(cid: str) -> float | None:
        v = get(cid)
        return float(v) if v is not None else None

    def total(*cids: str) -> float | None:
        vs = [cell(c) for c in cids]
        return None if any(v is None for v in vs) else float(sum(vs))  # type: ignore[arg-type]

    rows3 = lambda prefix: [f"t3.{r}.total" for r in _T3_RESULT_ROWS if r.startswith(prefix)]  # noqa: E731
    org_cols = ("biz", "sci", "npo", "law", "oth")
    out: dict[str, float | None] = {
        "N": cell("t3.r1_new.total"), "C": cell("t3.r2_carry_in.total"),
        "T": total("t3.r1_new.total", "t3.r2_carry_in.total"), "D": cell("t3.r3_7_total.total"),
        "O": cell("t3.r4_carry_out.total"), "OP": cell("t3.r3_1_open.total"), "PA": cell("t3.r3_2_partial.total"),
        "OPA": total("t3.r3_1_open.total", "t3.r3_2_partial.total"),
        "W": total(*rows3("r3_3_")), "U": total(*rows3("r3_4_")), "NP": total(*rows3("r3_5_")),
        "OT": total(*rows3("r3_6_")), "WU": total(*rows3("r3_3_"), *rows3("r3_4_")),
        "NPA": cell("t3.r1_new.np"), "ORG": total(*(f"t3.r1_new.{c}" for c in org_cols)),
        "ORGT": total(*(f"t3.{r}.{c}" for r in ("r1_new", "r2_carry_in") for c in org_cols)),
        "RV": cell("t4.rv.total"), "LIT": total("t4.ld.total", "t4.lr.total"),
        "RVLIT": total("t4.rv.total", "t4.ld.total", "t4.lr.total"), "RVK": cell("t4.rv.keep"),
        "RVF": cell("t4.rv.fix"), "LK": total("t4.ld.keep", "t4.lr.keep"),
        "NM": cell("t2.norm.made"), "NV": cell("t2.norm.valid"), "NR": cell("t2.norm.repealed"),
        "LIC": cell("t2.licensing.decisions"), "PEN": cell("t2.penalty.decisions"),
        "LP": total("t2.licensing.decisions", "t2.penalty.decisions"), "COE": cell("t2.coercion.decisions"),
        "LPC": total("t2.licensing.decisions", "t2.penalty.decisions", "t2.coercion.decisions"),
        "U1": cell("t3.r3_4_1.total"), "W6": cell("t3.r3_3_6.total"),
        "NPAT": total("t3.r1_new.np", "t3.r2_carry_in.np"), "BIZ": cell("t3.r1_new.biz"),
        # applicant columns of other rows (tuning templates of bench/phrasing_applicants.py)
        "SCI": cell("t3.r1_new.sci"), "NPO": cell("t3.r1_new.npo"), "LAW": cell("t3.r1_new.law"),
        "OTH": cell("t3.r1_new.oth"), "BIZLAW": total("t3.r1_new.biz", "t3.r1_new.law"),
        "NPC": cell("t3.r2_carry_in.np"), "NPD": cell("t3.r3_7_total.np"), "BIZD": cell("t3.r3_7_total.biz"),
        "ORGD": total(*(f"t3.r3_7_total.{c}" for c in org_cols)), "NPCO": cell("t3.r4_carry_out.np"),
        "OPNP": cell("t3.r3_1_open.np"),
        # the 2019 trial format's 表二 (a 2019/2020 report) and its single （六）其他处理 row
        "NM19": cell("t2.norm.new_made"), "NP19": cell("t2.norm.new_public"), "NT19": cell("t2.norm.public_total"),
        "SERV": cell("t2.services.decisions"), "PROC": cell("t2.procurement.items"),
        "PROCW": cell("t2.procurement.amount_wan"), "OT19": cell("t3.r3_6.total"),
    }
    return {k: v for k, v in out.items() if v is not None}


_T3_RESULT_ROWS = (
    "r3_1_open", "r3_2_partial", *(f"r3_3_{i}" for i in range(1, 9)), *(f"r3_4_{i}" for i in range(1, 4)),
    *(f"r3_5_{i}" for i in range(1, 6)), *(f"r3_6_{i}" for i in range(1, 4)),
)
_SLOT = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Rendered:
    template: Template
    true: str
    wrong: str | None  # None: no slot can be made wrong (scope-only, or no last year's values)
    note: str  # the slot changed in the wrong version


def _sig_step(v: float) -> float:
    digits = len(str(int(v)))
    return float(10 ** max(digits - 2, 0)) if v >= 100 else float(10 ** max(digits - 1, 0))


def _approx(v: float, word: str) -> float | None:
    if v < 10:
        return None
    step = _sig_step(v)
    if word in ("余", "多"):
        return math.floor(v / step) * step
    if word == "近":
        return math.ceil(v / step) * step
    return round(v / step) * step


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _change(v: float, prev: float, unit: str = "件") -> str | None:
    d = v - prev
    if d == 0:
        return None
    return f"{'增加' if d > 0 else '减少'}{_fmt(abs(d))}{unit}"


def render(template: Template, values: Mapping[str, float], year: int, rng: random.Random,
           previous: Mapping[str, float] | None = None) -> Rendered | None:
    """The true sentence and a wrong one; None when a slot's value is missing or does not fit."""
    slots = _SLOT.findall(template.text)
    true_parts: dict[str, str] = {}
    wrongable: list[str] = []
    for slot in slots:
        if slot == "YEAR":
            true_parts[slot] = str(year)
            continue
        if slot == "NEXT":
            true_parts[slot] = str(year + 1)
            continue
        if slot.startswith(("pct:", "pct1:")):
            num, den = slot.split(":", 1)[1].split("/")
            if num not in values or den not in values or not values[den]:
                return None
            decimals = 1 if slot.startswith("pct1") else 0
            true_parts[slot] = f"{100 * values[num] / values[den]:.{decimals}f}"
            wrongable.append(slot)
            continue
        if slot.startswith("chg:"):
            key = slot[4:]
            if previous is None or key not in previous or key not in values:
                return None
            text = _change(values[key], previous[key])
            if text is None:
                return None
            true_parts[slot] = text
            wrongable.append(slot)
            continue
        if slot.startswith("part:"):
            key = slot[5:]
            if key not in values:
                return None
            true_parts[slot] = _fmt(math.floor(values[key] * 0.6))
            continue
        key, _, word = slot.partition("~")
        key = key.partition("!")[0]  # {A!B}: the wrong version writes B's value (see _wrong)
        if key not in values:
            return None
        if word:
            stated = _approx(values[key], word)
            if stated is None:
                return None
            true_parts[slot] = _fmt(stated) + (word if word in ("余", "多") else "")
        else:
            true_parts[slot] = _fmt(values[key])
        wrongable.append(slot)
    true = _SLOT.sub(lambda m: true_parts[m.group(1)], template.text)
    if not wrongable:
        return Rendered(template, true, None, "")
    slot = rng.choice(wrongable)
    wrong_text = _wrong(slot, values, template, rng, previous)
    if wrong_text is None:
        return Rendered(template, true, None, "")
    parts = dict(true_parts)
    parts[slot] = wrong_text
    wrong = _SLOT.sub(lambda m: parts[m.group(1)], template.text)
    return Rendered(template, true, wrong if wrong != true else None, f"{slot}: {true_parts[slot]} → {wrong_text}")


def _wrong_value(v: float, avoid: set[float], rng: random.Random) -> float:
    for _ in range(50):
        d = rng.randint(1, max(2, int(v) // 5 + 2)) * rng.choice((-1, 1))
        new = v + d
        if new >= 0 and new != v and new not in avoid:
            return new
    return v + 1000


def _wrong(slot: str, values: Mapping[str, float], template: Template, rng: random.Random,
           previous: Mapping[str, float] | None) -> str | None:
    avoid = {values[k] for k in template.avoid if k in values}
    if slot.startswith(("pct:", "pct1:")):
        num, den = slot.split(":", 1)[1].split("/")
        true = 100 * values[num] / values[den]
        decimals = 1 if slot.startswith("pct1") else 0
        for _ in range(20):
            new = true + rng.choice((-1, 1)) * rng.uniform(3, 15)
            if 0 <= new <= 100:
                return f"{new:.{decimals}f}"
        return None
    if slot.startswith("chg:"):
        key = slot[4:]
        assert previous is not None
        d = values[key] - previous[key]
        wrong = abs(d) + rng.randint(1, max(2, int(abs(d)) // 3 + 2))
        return f"{'增加' if d > 0 else '减少'}{_fmt(wrong)}件"
    key, _, word = slot.partition("~")
    key, _, confusable = key.partition("!")
    v = values[key]
    if confusable and values.get(confusable, v) != v:
        return _fmt(values[confusable])  # a value the words exclude (新收 ≠ 新收 + 上年结转)
    if word:
        step = _sig_step(v)
        if word in ("余", "多"):  # stated above the value: plainly wrong
            return _fmt(math.floor(v / step) * step + step * rng.randint(2, 4)) + word
        if word == "近":  # stated well below the value
            return _fmt(max(step, math.floor(v * 0.6 / step) * step))
        return _fmt(round(v * rng.choice((0.5, 1.6)) / step) * step)
    return _fmt(_wrong_value(v, avoid | {v}, rng))
