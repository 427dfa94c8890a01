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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
import jinja2.meta

from draft_report import resources
from draft_report.drafting import context as C
from draft_report.drafting import facts as F
from draft_report.drafting.templating import jinja_env
from draft_report.sections import OVERVIEW_TOPICS, SECTION_BY_KEY, SECTIONS, report_title

Message = dict[str, str]
SECTION_TEMPLATES = {"overview": "overview.j2", "problems": "problems.j2"}
SYSTEM_TEMPLATE = "system.j2"
REPAIR_TEMPLATE = "repair.j2"


@dataclass(frozen=True)
class FactLine:
    """One figure the model may write: ``field`` is the data field (cell id or aggregate key)."""

    field: str
    label: str
    value: int | float
    unit: str

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


def facts_sheet(dataset: Any) -> list[FactLine]:
    """Every figure sections 一 and 五 may cite: the lexicon's facts (``lexicon.fields.facts_for``),
    the same facts the checker binds prose numbers to."""
    from draft_report.lexicon.fields import facts_for

    return [
        FactLine(fact_field(fact), fact.label, value, fact.units[0]) for fact, value in facts_for(dataset)
    ]


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
    ctx = {
        **_base(dataset),
        "heading": SECTION_BY_KEY[key].heading,
        "subheadings": expected_subheadings(key, dataset),
        "facts": facts_sheet(dataset),
    }
    if key == "overview":
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


def repair_messages(key: str, dataset: Any, draft_text: str, findings: Sequence[str]) -> RenderedPrompt:
    """Bounded repair request: the system prompt, the facts sheet, the last draft and what is wrong
    with it — not the conversation so far."""
    ctx = {**section_context(key, dataset), "draft": draft_text.strip(), "findings": list(findings)}
    used: list[str] = []
    system = _render(SYSTEM_TEMPLATE, ctx, used)
    user = _render(REPAIR_TEMPLATE, ctx, used)
    return RenderedPrompt(
        [{"role": "system", "content": system}, {"role": "user", "content": user}],
        tuple(used),
        templates_hash(used),
    )
