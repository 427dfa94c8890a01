"""The elliptic facts' conditions compiled once per list of facts (``binding._elliptic``).

A clause that names only part of a fact takes the rest from earlier in the sentence: a
``Fact.elliptic`` fact's clause names one of its qualifiers (废止, 现行有效 …) and the object comes
from before; a ``Fact.requires_in_sentence`` fact's clause names one of its keywords (企业, 公民 …)
and the verb comes from before. The definition (``binding._elliptic``'s docstring) asks, per fact,
whether each of its words stands in the clause; here one pass of an automaton of all their words
lists the words the clause holds (``EllipticRules.present``), and a fact none of whose words is
there is passed over with one set test. The fact's word lists become regex alternations
(``fact_rules.any_of``) and its words sorted longest first (the first of its list at a tie), so the
longest one named is the first one present.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from draft_report.lexicon.fact_rules import any_of
from draft_report.lexicon.fields import Fact

# An elliptic clause: apart from the qualifier word, at most this many characters ("另废止", "同时废止").
ELLIPTIC_REST = 4


class EllipticRule:
    """One elliptic fact, compiled: what ``binding._elliptic`` asks of it."""

    __slots__ = ("elliptic", "excludes", "fact", "named", "priority", "rest", "targets", "units", "words")

    def __init__(self, fact: Fact) -> None:
        self.fact = fact
        self.elliptic = fact.elliptic  # else ``requires_in_sentence``
        words = (fact.qualifiers or fact.requires) if fact.elliptic else fact.keywords
        # the words the clause must name, longest first (``max(..., key=len)``: the first of the list at a tie)
        self.named = tuple(w for _, w in sorted(enumerate(words), key=lambda iw: (-len(iw[1]), iw[0])))
        self.words = frozenset(words)
        self.units = frozenset(fact.units)
        self.excludes: re.Pattern[str] | None = any_of(fact.excludes)
        self.rest = ELLIPTIC_REST if fact.elliptic else 1  # at most this much else in the clause
        # the words looked for before the number: the object of an elliptic fact, the verb of the other kind
        self.targets = fact.keywords if fact.elliptic else fact.requires
        self.priority = fact.priority


class EllipticRules:
    """The elliptic facts of a list of facts, compiled (``rules``), and an automaton of every word their
    clauses must name (``present``)."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        from draft_report.lexicon.keyword_index import KeywordIndex  # (it builds this class)

        self.rules = [EllipticRule(f) for f in facts]
        words = tuple(sorted({w for r in self.rules for w in r.words}))
        self._words = KeywordIndex([Fact("elliptic", "elliptic", words)]) if words else None

    def present(self, clause: str) -> set[str]:
        """The words of ``rules`` that stand in ``clause`` (each ``w in clause``)."""
        return {w for _, _, w in self._words.found(clause)} if self._words is not None else set()
