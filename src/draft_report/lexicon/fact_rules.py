"""A fact's conditions on the words around a number, compiled once per fact.

``binding._allowed(fact, window, unit, before)`` is the definition: the unit is one of the fact's,
one of ``requires`` stands in the clause (or, in a short clause, earlier in the sentence), all of
``requires_all`` do, none of ``excludes`` does, none of ``sentence_excludes`` stands earlier in the
sentence unless the clause names one of ``sentence_excludes_unless``, and ``context`` is the word
of ``context_family`` named last. ``FactRule.allows`` answers the same with one regex search per
word list (a compiled alternation of the words) instead of a generator over the words, and reads
"earlier in the sentence" as a prefix of the sentence's text (``text[:end]``) without copying it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from draft_report.lexicon.fields import Fact
from draft_report.regex_cache import compile_now


class Sentence(Protocol):
    """What a rule reads of the sentence: everything before a number (``SentenceIndex.before``)."""

    def before(self, start: int) -> tuple[str, int]: ...

    def last_named(self, start: int, family: tuple[str, ...]) -> str | None:
        """``last_named_in(*before(start), family)``."""
        ...

# A clause this short (spaces removed) may take a required word (申请) from earlier in the sentence:
# “共受理申请21件（本年新收19件、上年结转2件）”.
SHORT_CLAUSE = 8


_ANY_OF: dict[tuple[str, ...], re.Pattern[str]] = {}  # facts share word lists (_NOT_PROACTIVE …)


def any_of(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern that finds any of ``words`` (None for no words): ``p.search(s)`` is ``any(w in s …)``."""
    if not words:
        return None
    found = _ANY_OF.get(words)
    if found is None:
        if len(_ANY_OF) >= 1024:  # word lists of facts made from a dataset's keys: bounded all the same
            _ANY_OF.clear()
        found = _ANY_OF[words] = compile_now(alternation(words))
    return found


def alternation(words: Iterable[str]) -> str:
    """A pattern of any of ``words``, the longest first (equal lengths by text): the same words give
    the same pattern, a ``regex_cache`` key, whatever their order."""
    return "|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w))))


def last_named_in(text: str, end: int, family: Sequence[str]) -> str | None:
    """``binding.last_named(text[:end], family)`` without the copy: of ``family``, the word named
    last in ``text[:end]`` (the longest at a tie)."""
    best_end, best_len = -1, -1
    found = None
    for w in family:
        idx = text.rfind(w, 0, end)
        if idx >= 0:
            size = len(w)
            if idx + size > best_end or (idx + size == best_end and size > best_len):
                best_end, best_len, found = idx + size, size, w
    return found


class FactRule:
    """``binding._allowed`` for one fact, compiled (see the module doc)."""

    __slots__ = ("context", "context_family", "excludes", "requires", "requires_all", "sentence_excludes",
                 "units", "unless")

    def __init__(self, fact: Fact) -> None:
        self.units = frozenset(fact.units)
        self.requires = any_of(fact.requires)
        self.requires_all = fact.requires_all
        self.excludes = any_of(fact.excludes)
        self.sentence_excludes = any_of(fact.sentence_excludes)
        self.unless = any_of(fact.sentence_excludes_unless)
        self.context = fact.context
        self.context_family = fact.context_family

    def allows(self, window: str, unit: str | None, sentence: Sentence, start: int) -> bool:
        """``binding._allowed(fact, window, unit, before)``, ``before`` the compact text of the
        sentence before ``start`` (``sentence.before(start)``, looked at only when needed)."""
        if unit is not None and unit not in self.units:
            return False
        for w in self.requires_all:
            if w not in window:
                return False
        if self.excludes is not None and self.excludes.search(window) is not None:
            return False
        requires = self.requires
        if requires is not None and requires.search(window) is None:
            if len(window) > SHORT_CLAUSE:
                return False
            text, end = sentence.before(start)
            if requires.search(text, 0, end) is None:
                return False
        sentence_excludes = self.sentence_excludes
        if sentence_excludes is not None and (self.unless is None or self.unless.search(window) is None):
            text, end = sentence.before(start)
            if sentence_excludes.search(text, 0, end) is not None:
                return False
        if self.context is None:
            return True
        return sentence.last_named(start, self.context_family) == self.context
