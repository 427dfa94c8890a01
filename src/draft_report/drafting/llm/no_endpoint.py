"""``draft --llm`` with no endpoint configured anywhere: the offline drafter, with a notice.

The standard says offline must always work. When no flag, environment variable or config file
names an endpoint or gives a key (``config.EndpointNotConfigured``), ``draft --llm`` still writes
the report: sections 一 and 五 come from the built-in templates, the notice says how to configure
an endpoint, and the provenance sidecar records ``backend: offline`` with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from draft_report.drafting.base import DraftedSection, SectionDraft, SectionDrafter

if TYPE_CHECKING:
    from draft_report.drafting.llm.repair import Unresolved
    from draft_report.loading import Dataset


class NoEndpointDrafter:
    """A ``SectionDrafter`` for ``--llm`` without an endpoint: offline sections, recorded as such.

    It offers what ``finish_llm_draft`` reads from an ``LLMDrafter`` (``notices``, ``unresolved``,
    ``sections``, ``seconds_outside_model``); ``config`` and ``chat`` are ``None``.
    """

    name = "offline"
    config = None
    chat = None

    def __init__(self, reason: str, fallback: SectionDrafter | None = None) -> None:
        if fallback is None:
            from draft_report.drafting.offline import OfflineDrafter

            fallback = OfflineDrafter()
        self.reason = reason
        self.fallback = fallback
        self.notices: list[str] = [reason]
        self.unresolved: list[Unresolved] = []
        self.sections: dict[str, dict[str, Any]] = {}
        self.seconds_outside_model = 0.0

    def draft(self, key: DraftedSection, dataset: Dataset) -> SectionDraft:
        draft = self.fallback.draft(key, dataset)
        from draft_report.drafting.llm.repair import Unresolved

        self.unresolved += [Unresolved(**u) for u in draft.provenance.get("unresolved") or []]
        provenance = {**draft.provenance, "backend": self.fallback.name, "fallback_reason": self.reason}
        self.sections[key] = provenance
        return SectionDraft(paragraphs=draft.paragraphs, provenance=provenance)
