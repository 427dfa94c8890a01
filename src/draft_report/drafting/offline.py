"""The embedded default drafter: sections 一 and 五 from jinja2 templates, no network.

The templates (``templates/overview.j2``, ``templates/problems.j2``) weave the agency's notes
into standard-register prose and write every number from the tables and aggregates of the
dataset (``drafting.context``). Sub-topics with no notes get a short generic sentence that
states no figure; they are listed in the provenance (``generic_topics``) so the command can
ask the user to complete them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from draft_report.drafting import context as ctx
from draft_report.drafting.base import DraftedSection, SectionDraft
from draft_report.drafting.note_check import mark_contradictions
from draft_report.drafting.templating import render_paragraphs
from draft_report.sections import OVERVIEW_TOPIC_BY_KEY

if TYPE_CHECKING:
    from draft_report.loading import Dataset

TEMPLATES: dict[str, str] = {"overview": "overview.j2", "problems": "problems.j2"}


class OfflineDrafter:
    """``SectionDrafter`` that fills jinja2 templates; deterministic and offline."""

    name = "offline"

    def __init__(self) -> None:
        # per section: note figures that contradict the data, marked in the draft (exit 1)
        self.unresolved_by_section: dict[str, list[Any]] = {}

    def draft(self, key: DraftedSection, dataset: Dataset) -> SectionDraft:
        missing: list[str] = []
        if key == "overview":
            context = ctx.overview_context(dataset)
            generic = _generic_overview_topics(context)
            missing = _missing_government_items(context)
        elif key == "problems":
            context = ctx.problems_context(dataset)
            generic = _generic_problem_parts(context)
            if not context["previous"]:
                missing.append("上年度报告所提问题的整改情况（previous_problems）")
        else:
            raise ValueError(f"OfflineDrafter cannot draft section {key!r}")
        template = TEMPLATES[key]
        paragraphs = render_paragraphs(template, context)
        paragraphs, unresolved = mark_contradictions(key, paragraphs, dataset)
        self.unresolved_by_section[key] = unresolved
        provenance: dict[str, Any] = {
            "drafter": self.name,
            "template": template,
            "generic_topics": generic,
            "missing_content": missing,
        }
        if unresolved:
            provenance["unresolved"] = [u.to_dict() for u in unresolved]
        return SectionDraft(paragraphs=paragraphs, provenance=provenance)


def _generic_overview_topics(context: dict[str, Any]) -> list[str]:
    """Sub-topic headings of section 一 written without any notes or data of their own."""
    notes = context["notes"]
    events = context["events"]
    empty: list[str] = []
    if not (
        context["publications"]["total"]
        or context["table2"]
        or events["proactive"]
        or notes["proactive"]["points"]
    ):
        empty.append("proactive")
    for key in ("management", "platforms", "supervision"):
        if not notes[key]["points"]:  # the generic sentence is used even when events are counted
            empty.append(key)
    return [OVERVIEW_TOPIC_BY_KEY[k].heading for k in empty]


def _generic_problem_parts(context: dict[str, Any]) -> list[str]:
    missing = []
    if not context["problems"]:
        missing.append("存在的主要问题")
    if not context["measures"]:
        missing.append("改进措施")
    return missing


# Article 50(四): 各级人民政府 report the results of 工作考核、社会评议和责任追究 (spec §2.4).
_GOVERNMENT_ITEMS: tuple[tuple[str, str], ...] = (("考核", "工作考核"), ("评议", "社会评议"), ("责任追究", "责任追究"))


def _missing_government_items(context: dict[str, Any]) -> list[str]:
    if not context["is_government"]:
        return []
    text = "".join(context["notes"]["supervision"]["points"])
    absent = [label for word, label in _GOVERNMENT_ITEMS if word not in text]
    if not absent:
        return []
    return [f"（五）监督保障情况中的{'、'.join(absent)}结果情况（人民政府年报应当包括）"]
