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
from draft_report.drafting.templating import render_paragraphs
from draft_report.sections import OVERVIEW_TOPIC_BY_KEY

if TYPE_CHECKING:
    from draft_report.loading import Dataset

TEMPLATES: dict[str, str] = {"overview": "overview.j2", "problems": "problems.j2"}


class OfflineDrafter:
    """``SectionDrafter`` that fills jinja2 templates; deterministic and offline."""

    name = "offline"

    def draft(self, key: DraftedSection, dataset: Dataset) -> SectionDraft:
        if key == "overview":
            context = ctx.overview_context(dataset)
            generic = _generic_overview_topics(context)
        elif key == "problems":
            context = ctx.problems_context(dataset)
            generic = _generic_problem_parts(context)
        else:
            raise ValueError(f"OfflineDrafter cannot draft section {key!r}")
        template = TEMPLATES[key]
        paragraphs = render_paragraphs(template, context)
        provenance: dict[str, Any] = {
            "drafter": self.name,
            "template": template,
            "generic_topics": generic,
        }
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
        if not (notes[key]["points"] or events[key]):
            empty.append(key)
    return [OVERVIEW_TOPIC_BY_KEY[k].heading for k in empty]


def _generic_problem_parts(context: dict[str, Any]) -> list[str]:
    missing = []
    if not context["problems"]:
        missing.append("存在的主要问题")
    if not context["measures"]:
        missing.append("改进措施")
    return missing
