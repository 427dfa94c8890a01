"""The drafting interface: one object that writes the free-text sections 一 and 五.

Sections 二/三/四 (the tables) and 六 (fees, other matters) are deterministic and composed
by ``drafting.compose``; only the two narrative sections go through a ``SectionDrafter``, so
the offline templates and an LLM can be swapped without touching anything else.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from draft_report.models.document import Paragraph
from draft_report.records import dataclass

if TYPE_CHECKING:  # the loader is built by another module; only its attributes are used here
    from draft_report.loading import Dataset

DraftedSection = Literal["overview", "problems"]
DRAFTED_SECTIONS: tuple[DraftedSection, ...] = ("overview", "problems")


@dataclass
class SectionDraft:
    """The paragraphs of one drafted section and where they came from.

    ``provenance`` is free-form but JSON-serialisable; the offline drafter records the
    templates used, the data fields and aggregates it read, and the sub-topics for which the
    data had no notes (``generic_topics``) so the user can be told to complete them.
    """

    paragraphs: list[Paragraph]
    provenance: dict[str, Any] = field(default_factory=dict)


@runtime_checkable
class SectionDrafter(Protocol):
    """Writes section ``overview`` (一、总体情况) or ``problems`` (五、存在的主要问题及改进情况)."""

    name: str

    def draft(self, key: DraftedSection, dataset: Dataset) -> SectionDraft: ...
