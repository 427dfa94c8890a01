"""Render the chat messages sent to the model from the jinja2 files in ``prompts/``.

Every prompt is a file: ``system.j2`` (the register), ``overview.j2`` and ``problems.j2`` (one
per drafted section), ``repair.j2`` (findings + last draft), and the partials they include
(``_facts_sheet.j2``, ``_sections.j2``). The environment is strict (a missing variable is an
error, never an empty string) and does no HTML escaping.

The facts sheet lists every figure the model may cite, each with its Chinese label and the data
field it comes from; the prompts say that numbers come only from it or from the agency's notes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import jinja2
import jinja2.meta

from draft_report import resources
from draft_report.drafting import context as C
from draft_report.drafting import facts as F
from draft_report.drafting.base import DraftedSection
from draft_report.drafting.templating import jinja_env
from draft_report.records import dataclass
from draft_report.sections import OVERVIEW_TOPICS, SECTION_BY_KEY, SECTIONS, report_title

Message = dict[str, str]
SECTION_TEMPLATES = {"overview": "overview.j2", "problems": "problems.j2"}
SYSTEM_TEMPLATE = "system.j2"
REPAIR_TEMPLATE = "repair.j2"


@dataclass(frozen=True)
class FactLine:
    """One figure the model may write: ``field`` is the data field (cell id or aggregate key);
    ``label`` the words to write it with in prose (checked to bind back to the same data item);
    ``under`` True when it only reads right after the item above (“其中自然人11件”)."""

    field: str
    label: str
    value: int | float
    unit: str
    under: bool = False

    @property
    def text(self) -> str:
        return f"{self.label}：{F.fmt_num(self.value)}{self.unit}"


@dataclass(frozen=True)
class RenderedPrompt:
    messages: list[Message]
    templates: tuple[str, ...]  # every file the messages were rendered from (includes too)
    template_hash: str  # sha256 over those files' sources, in order


@lru_cache(maxsize=1)
def prompt_env() -> jinja2.Environment:
    return jinja_env(resources.prompts_dir(), autoescape=False)


def _source(name: str) -> str:
    env = prompt_env()
    assert env.loader is not None
    return env.loader.get_source(env, name)[0]


def template_closure(name: str) -> list[str]:
    """``name`` and every template it includes, imports or extends, depth first."""
    out = [name]
    refs = jinja2.meta.find_referenced_templates(prompt_env().parse(_source(name)))
    for ref in refs:
        if ref is None:
            raise ValueError(f"{name}: dynamic template references are not allowed in prompts")
        out.extend(t for t in template_closure(ref) if t not in out)
    return out


def _render(name: str, context: dict[str, Any], used: list[str]) -> str:
    used.extend(t for t in template_closure(name) if t not in used)
    return prompt_env().get_template(name).render(context).strip() + "\n"


def templates_hash(names: Sequence[str]) -> str:
    """A short digest of the prompt files (names and sources) a message was rendered from."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + _source(name).encode() + b"\0")
    return "sha256:" + digest.hexdigest()[:16]


# --- facts sheet ------------------------------------------------------------------------------


def fact_field(fact: Any) -> str:
    """The data field a lexicon fact reads: table cells, an aggregate key or a data-file field."""
    if fact.cells:
        return "+".join(fact.cells)
    return str(fact.aggregate or fact.data_field or fact.id)


_INTERNAL_NOTE = re.compile(r"（(?:\d+项合计|次数|元|件|万元|合计|直接起诉＋复议后起诉)）")


def _binds_back(words: str, fact: Any, value: float, dataset: Any) -> bool:
    from draft_report.checking.claim_check import check_claims
    from draft_report.drafting.llm.draft_claims import source_for

    checks = check_claims(words, source_for(dataset))
    return (
        len(checks) >= 1
        and checks[-1].verdict == "agrees"
        and bool(checks[-1].readings)
        and checks[-1].readings[0].fact_id == fact.id
    )


def prose_label(fact: Any, value: float, dataset: Any, parent: str | None = None) -> tuple[str, bool] | None:
    """Words for ``fact`` that a drafter can put right before the number and the checker reads back
    as the same item: the label without internal notes (“（8项合计）”, “（次数）”), the label without
    any brackets, or one of the fact's own phrases; else, after the item above, “其中<phrase>”."""
    unit = fact.units[0]
    shown = F.fmt_num(value)
    candidates = [_INTERNAL_NOTE.sub("", fact.label), re.sub(r"（[^）]*）", "", fact.label)]
    candidates += sorted(fact.keywords, key=len, reverse=True)
    for words in dict.fromkeys(c for c in candidates if c):
        if _binds_back(f"{words}{shown}{unit}。", fact, value, dataset):
            return words, False
    if parent is not None:
        for words in dict.fromkeys(sorted(fact.keywords, key=len, reverse=True)):
            if _binds_back(f"{parent}，其中{words}{shown}{unit}。", fact, value, dataset):
                return f"其中{words}", True
    return None


_SHEETS: dict[int, tuple[Any, list[FactLine]]] = {}  # the last datasets' sheets (a run drafts two sections)


def facts_sheet(dataset: Any) -> list[FactLine]:
    """``build_facts_sheet``, computed once per dataset."""
    hit = _SHEETS.get(id(dataset))
    if hit is not None and hit[0] is dataset:
        return hit[1]
    sheet = build_facts_sheet(dataset)
    if len(_SHEETS) >= 4:
        _SHEETS.clear()
    _SHEETS[id(dataset)] = (dataset, sheet)
    return sheet


def build_facts_sheet(dataset: Any) -> list[FactLine]:
    """Every figure sections 一 and 五 may cite: the lexicon's facts (``lexicon.fields.facts_for``),
    the same facts the checker binds prose numbers to, each with words that bind back to it.
    A fact no wording of which the checker reads back is left out (the model could not write it
    verifiably)."""
    from draft_report.lexicon.fields import facts_for

    out: list[FactLine] = []
    for fact, value in facts_for(dataset):
        parent = next((f"{x.label}{F.fmt_num(x.value)}{x.unit}" for x in reversed(out) if not x.under), None)
        found = prose_label(fact, value, dataset, parent)
        if found is None:
            continue
        out.append(FactLine(fact_field(fact), found[0], value, fact.units[0], found[1]))
    return out


def zero_items(facts: Sequence[FactLine]) -> list[str]:
    """Labels of the figures that are zero: the prompt groups them into one “全年未……” sentence."""
    return [f.label.removeprefix("其中") for f in facts if not f.value]


def length_target(dataset: Any, key: str) -> int:
    """About as long as the template draft of the section, rounded to 100 characters."""
    from draft_report.drafting.offline import OfflineDrafter

    section: DraftedSection = "overview" if key == "overview" else "problems"
    chars = sum(len(p.text) for p in OfflineDrafter().draft(section, dataset).paragraphs)
    return max(300, round(chars / 100) * 100)


# --- messages ---------------------------------------------------------------------------------


def expected_subheadings(key: str, dataset: Any) -> list[str]:
    """The sub-headings the section must carry, with the exact standard wording."""
    if key == "overview":
        return [t.heading for t in OVERVIEW_TOPICS]
    return [p["heading"] for p in C.problems_context(dataset)["parts"]]


def _base(dataset: Any) -> dict[str, Any]:
    data = dataset.data
    return {
        "agency": data.agency.name,
        "self_ref": F.self_reference(data.agency),
        "year": data.year,
        "title": report_title(data.agency.name, data.year),
        "is_government": data.agency.kind == "人民政府",
        "section_headings": [s.heading for s in SECTIONS],
    }


def section_context(key: str, dataset: Any) -> dict[str, Any]:
    data = dataset.data
    sheet = facts_sheet(dataset)
    ctx = {
        **_base(dataset),
        "heading": SECTION_BY_KEY[key].heading,
        "subheadings": expected_subheadings(key, dataset),
        "facts": [f for f in sheet if f.value],
        "zeros": zero_items(sheet),
        "length_target": length_target(dataset, key),
    }
    if key == "overview":
        ctx["show_lead"] = True
        ctx["lead_notes"] = [n for n in data.notes.lead if n.strip()]
        ctx["topics"] = [
            {"heading": t.heading, "notes": [n for n in getattr(data.notes, t.key) if n.strip()]}
            for t in OVERVIEW_TOPICS
        ]
    else:
        pc = C.problems_context(dataset)
        ctx["parts"] = pc["parts"]
        ctx["problems"] = pc["problems"]
        ctx["measures"] = pc["measures"]
        ctx["previous"] = pc["previous"]
    return ctx


def section_messages(key: str, dataset: Any) -> RenderedPrompt:
    """System + user message asking for section ``key`` (``overview`` or ``problems``)."""
    if key not in SECTION_TEMPLATES:
        raise ValueError(f"no prompt for section {key!r}")
    ctx = section_context(key, dataset)
    used: list[str] = []
    system = _render(SYSTEM_TEMPLATE, ctx, used)
    user = _render(SECTION_TEMPLATES[key], ctx, used)
    return RenderedPrompt(
        [{"role": "system", "content": system}, {"role": "user", "content": user}],
        tuple(used),
        templates_hash(used),
    )


_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def _pairs(text: str) -> set[str]:
    return set(_CJK_PAIR.findall(text))


def relevant_facts(facts: Sequence[FactLine], findings: Sequence[str]) -> list[FactLine]:
    """The facts-sheet lines a repair can use: those whose label shares a two-character word with
    what is to be fixed (its quoted words), or whose value it quotes. Keeps the repair prompt short
    (one round stays under 3k tokens) without losing the labels the model must write."""
    text = "".join(findings)
    words = _pairs(text) - {"数据", "数字", "工作", "要点", "名称", "项目", "这一", "一句", "删去", "改写"}
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    return [f for f in facts if (_pairs(f.label) & words) or F.fmt_num(f.value) in numbers]


def repair_messages(
    key: str, dataset: Any, draft_text: str, findings: Sequence[str], topics: Sequence[str] | None = None
) -> RenderedPrompt:
    """Bounded repair request: the system prompt, the last draft, what is wrong with it, and what
    fixing it needs — the facts-sheet lines that concern it, the notes (of the sub-sections in
    ``topics``, ``""`` for the opening paragraph; all when None) and the rules (the prompt stands on
    its own: nothing “同前”); not the conversation so far."""
    ctx = {**section_context(key, dataset), "draft": draft_text.strip(), "findings": list(findings)}
    ctx["facts"] = relevant_facts(ctx["facts"], findings)
    ctx["zeros"] = []
    if topics is not None and key == "overview":  # only the notes of the sub-sections being fixed
        ctx["show_lead"] = "" in topics
        ctx["topics"] = [t for t in ctx["topics"] if t["heading"] in topics]
    used: list[str] = []
    system = _render(SYSTEM_TEMPLATE, ctx, used)
    user = _render(REPAIR_TEMPLATE, ctx, used)
    return RenderedPrompt(
        [{"role": "system", "content": system}, {"role": "user", "content": user}],
        tuple(used),
        templates_hash(used),
    )
