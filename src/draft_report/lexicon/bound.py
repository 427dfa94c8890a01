"""What binding a number gives: the measure(s) it quotes (``Binding``), and the unbound answer."""

from __future__ import annotations

from draft_report.lexicon.fields import Fact
from draft_report.records import dataclass


@dataclass(frozen=True)
class Binding:
    """The measure a number quotes: the most likely ``fact``, other plausible ``alternatives``
    (competing labels of equal rank, or the other measures of a two-measure word such as 办理),
    and how sure the binding is (``confidence``: 1.0 = the label stands in the number's clause)."""

    fact: Fact | None
    alternatives: tuple[Fact, ...] = ()
    confidence: float = 1.0


UNBOUND = Binding(None)  # immutable: one shared instance
