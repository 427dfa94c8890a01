"""The lexicon's keywords compiled once per list of facts: one automaton and static tables.

Binding a number (``lexicon.binding``) asks which facts the keywords around it name, and whether
each fact's conditions hold. Nothing of that depends on the sentence but the positions, so a
``KeywordIndex`` holds, built once per list of facts:

- every keyword in one compiled alternation written as a trie (``trie_pattern``), and per keyword
  the keyword occurrences its match stands for (``expansion``: its prefixes at its start, the
  keywords inside it, and where a keyword may start inside it and run past its end; worked out
  for a keyword when a text first holds it) — so one ``split`` of a clause lists every keyword
  occurrence, overlapping ones included;
- per keyword, the facts it names (``entries``: ``FactEntry``, in the order of the list), each
  with its conditions compiled (``fact_rules.FactRule``) and the binding to return when it is the
  only answer (``FactEntry.bound``: one shared record per fact);
- the facts that may take a word from earlier in the sentence (``elliptic``) and one pattern that
  finds any word their clause must name (``elliptic_named``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from draft_report.lexicon.bound import Binding
from draft_report.lexicon.elliptic_rules import EllipticRules
from draft_report.lexicon.fact_rules import FactRule, alternation
from draft_report.lexicon.fields import Fact
from draft_report.regex_cache import compile_now


def trie_pattern(words: Sequence[str], gap: str = "") -> str:
    """A regex matching the longest of ``words`` at a position: the words as a trie of branches
    (“受理(?:申请)?” rather than “受理申请|受理”), each branch starting with its own character, so a
    scan tries one branch per character instead of one per word. ``gap``: a pattern allowed between
    a word's characters (``r"\\s*"``: the words with any whitespace inside)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + (gap + rest if (rest := emit(child)) else "") for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body  # greedy: the longer word first

    return emit(trie)


class FactEntry:
    """One fact of a ``KeywordIndex``: its place in the list (``order``), its priority, its units, its
    conditions (``plain``: the unit is all there is to check; else ``rule``, compiled on first use,
    ``compiled_rule``) and the binding that names it alone (``bound``, shared)."""

    __slots__ = ("bound", "fact", "order", "plain", "priority", "rule", "units")

    def __init__(self, order: int, fact: Fact) -> None:
        self.order = order
        self.fact = fact
        self.priority = fact.priority
        self.units = frozenset(fact.units)
        self.plain = not (fact.requires or fact.requires_all or fact.excludes or fact.sentence_excludes
                          or fact.context is not None)
        self.rule: FactRule | None = None
        self.bound = Binding(fact, (), 1.0)

    def compiled_rule(self) -> FactRule:
        """``rule``, compiled now if it was not yet (a report names a few of the lexicon's facts)."""
        rule = self.rule
        if rule is None:
            rule = self.rule = FactRule(self.fact)
        return rule


# A fact a keyword names, ranked (``KeywordIndex.ranked``): ((priority, nearness, keyword length), -order, entry).
Ranked = tuple[tuple[int, int, int], int, FactEntry]

# Where keywords start inside a trie match of keyword ``kw``: (offset, keywords, continuations) — the
# keywords that start there and end within ``kw``, longest first, and the rests of the keywords that
# start there and run past the end of ``kw`` (when the text after the match goes on with one of them,
# the automaton is asked at that position: ``KeywordIndex.found``).
Expansion = tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...]


class KeywordIndex:
    """Every keyword of a list of facts in one compiled alternation (an automaton in effect), and the
    static tables of binding (see the module doc).

    ``occurrences(text)`` finds every keyword at every position: the alternation is written as a
    trie (``trie_pattern``: one branch per next character, longer keywords first), so a match is
    the longest keyword starting at its position and the engine tests a few characters per
    position, whatever the number of keywords; the keywords that are its prefixes start there
    too, and those starting inside it are known from the keyword alone (``expansion``)."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        keywords = sorted({kw for f in facts for kw in f.keywords}, key=len, reverse=True)
        trie = trie_pattern(keywords)
        self.pattern: re.Pattern[str] | None = compile_now(trie) if keywords else None
        # the same automaton with a group: ``split`` gives the text between matches and the matches
        self._split = compile_now("(" + trie + ")").split if keywords else None
        known = set(keywords)  # the keywords that are prefixes of each, longest first
        self.prefixes: dict[str, tuple[str, ...]] = {
            kw: tuple(p for p in (kw[:n] for n in range(len(kw), 0, -1)) if p in known) for kw in keywords
        }
        self._known = known
        self._rests: dict[str, list[str]] | None = None  # per proper prefix of keywords, their rests
        # per keyword met so far: (stands for itself alone, the occurrences a match of it at 0 stands
        # for when no keyword runs past it, the rests of those that may) — see ``info``
        self._infos: dict[str, tuple[bool, tuple[tuple[int, int, str], ...], tuple[str, ...]]] = {}
        self._lone: dict[str, tuple[list[Ranked], list[Ranked]]] = {}  # ``ranked`` of a lone match, per keyword
        self.entries: dict[str, tuple[FactEntry, ...]] = {}
        # the facts with keywords of each family (None: of no family), in order (``binding._named``)
        self.members: dict[str | None, list[FactEntry]] = {}
        for order, f in enumerate(facts):
            entry: FactEntry | None = None
            for kw in dict.fromkeys(f.keywords):
                entry = entry or FactEntry(order, f)
                self.entries[kw] = (*self.entries.get(kw, ()), entry)
            if entry is not None:
                self.members.setdefault(f.family, []).append(entry)
        # the facts that may take a word from earlier in the sentence (``binding._elliptic``), and the
        # words one of them must find in the clause: one search rules them all out
        self.elliptic: list[Fact] = [f for f in facts if f.elliptic or f.requires_in_sentence]
        self.zero_facts: list[Fact] = [f for f in facts if f.context is None and f.zero_phrases]  # (``bind_zero``)
        words = {w for f in self.elliptic for w in ((f.qualifiers or f.requires) if f.elliptic else f.keywords)}
        self.elliptic_named: re.Pattern[str] = compile_now(alternation(words))
        self._elliptic_rules: EllipticRules | None = None

    def elliptic_rules(self) -> EllipticRules:
        """``elliptic``, compiled (``elliptic_rules``; on first use: few reports need it)."""
        rules = self._elliptic_rules
        if rules is None:
            rules = self._elliptic_rules = EllipticRules(self.elliptic)
        return rules

    def occurrences(self, text: str) -> list[tuple[int, str]]:
        """(position, keyword) of every keyword occurrence in ``text``, in order of position (the
        longest first at one position)."""
        return [(p, kw) for p, _, kw in self.found(text)]

    def found(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, keyword) of every keyword occurrence in ``text``, in order of position (the
        longest first at one position): one ``split`` by the automaton (its matches do not overlap),
        each match expanded by the keyword's static ``expansion``."""
        split = self._split
        if split is None:
            return []
        parts = split(text)
        return self._occurrences(text, parts) if len(parts) > 1 else []

    def _occurrences(self, text: str, parts: list[str]) -> list[tuple[int, int, str]]:
        """``found`` from the ``split`` of ``text`` by the automaton (a match at least)."""
        n = len(parts)
        infos = self._infos
        if n == 3:  # one match (the common case in a clause)
            kw = parts[1]
            p = len(parts[0])
            simple, inside, continued = infos.get(kw) or self.info(kw)
            if simple:
                return [(p, p + len(kw), kw)]
            if not continued or not text.startswith(continued, p + len(kw)):
                return list(inside) if p == 0 else [(p + a, p + b, w) for a, b, w in inside]
        out: list[tuple[int, int, str]] = []
        p = 0
        for k in range(1, n, 2):
            p += len(parts[k - 1])
            kw = parts[k]
            size = len(kw)
            simple, inside, continued = infos.get(kw) or self.info(kw)
            if simple:
                out.append((p, p + size, kw))
            elif not continued or not text.startswith(continued, p + size):
                out += [(p + a, p + b, w) for a, b, w in inside]
            else:
                self._expand(text, p, kw, out)
            p += size
        return out

    def ranked(self, text: str, left: bool) -> Sequence[Ranked]:
        """(rank, -order, entry) of each fact a keyword occurrence in ``text`` names, highest first
        (``binding._side``): the rank is (priority, nearness, keyword length), nearness measured
        from the end of ``text`` (``left``: the text before a number) or from its start; a fact
        named twice is there twice. A lone match of the automaton that stands for what its keyword
        stands for (no keyword runs on past it) has its list made once (``_lone``): only its place
        in ``text`` differs, which adds the same to every nearness and changes no comparison."""
        split = self._split
        if split is None:
            return ()
        parts = split(text)
        n = len(parts)
        if n == 1:
            return ()
        if n == 3:
            kw = parts[1]
            simple, _, continued = self._infos.get(kw) or self.info(kw)
            if simple or not continued or not text.startswith(continued, len(parts[0]) + len(kw)):
                lone = self._lone.get(kw) or self._lone_ranked(kw)
                return lone[0] if left else lone[1]
        entries = self.entries
        edge = len(text)
        out: list[Ranked] = []
        for s, e, kw in self._occurrences(text, parts):
            near = e - edge if left else -s
            for entry in entries[kw]:
                out.append(((entry.priority, near, e - s), -entry.order, entry))
        out.sort(reverse=True)  # highest rank first, the first of the list first at one rank
        return out

    def _lone_ranked(self, kw: str) -> tuple[list[Ranked], list[Ranked]]:
        """``ranked`` of a text that is one match of ``kw`` alone, as a left and as a right side."""
        inside = (self._infos.get(kw) or self.info(kw))[1]
        entries = self.entries
        left = [((en.priority, b, b - a), -en.order, en) for a, b, w in inside for en in entries[w]]
        right = [((en.priority, -a, b - a), -en.order, en) for a, b, w in inside for en in entries[w]]
        left.sort(reverse=True)
        right.sort(reverse=True)
        found = self._lone[kw] = (left, right)
        return found

    def info(self, kw: str) -> tuple[bool, tuple[tuple[int, int, str], ...], tuple[str, ...]]:
        """What a match of ``kw`` stands for, worked out from its ``expansion`` on first use: whether
        it stands for itself alone; the occurrences it stands for, as (start, end, keyword) for a
        match at 0 (all of them when no keyword may run past it, else those ending within it); the
        rests of the keywords that may start inside it and run past it (``_expand``)."""
        e = self.expansion(kw)
        inside = tuple((i, i + len(w), w) for i, words, _ in e for w in words)
        continued = tuple(c for _, _, cs in e for c in cs)
        found = self._infos[kw] = (e == ((0, (kw,), ()),), inside, continued)
        return found

    def expansion(self, kw: str) -> Expansion:
        """Where keywords start inside a match of keyword ``kw`` (``Expansion``)."""
        rests = self._rests
        if rests is None:
            rests = self._rests = {}
            for k in self._known:
                for n in range(1, len(k)):
                    rests.setdefault(k[:n], []).append(k[n:])
        return _expansion(kw, self.prefixes, self._known, rests)

    def _expand(self, text: str, p: int, kw: str, out: list[tuple[int, int, str]]) -> None:
        """Append the occurrences that a match of ``kw`` at ``p`` stands for (``expansion``), when
        the text after it may continue a keyword that starts inside it."""
        end = p + len(kw)
        for offset, words, continuations in self.expansion(kw):
            q = p + offset
            if continuations and text.startswith(continuations, end):  # ask the automaton there
                assert self.pattern is not None
                longest = self.pattern.match(text, q)
                assert longest is not None  # the keyword continued here matches at least
                words = self.prefixes[longest.group()]
            out += [(q, q + len(w), w) for w in words]


def _expansion(kw: str, prefixes: dict[str, tuple[str, ...]], known: set[str], rests: dict[str, list[str]]) -> Expansion:
    """Where keywords start inside a match of ``kw`` (``Expansion``). At offset ``i`` the keywords
    that start there and end within ``kw`` are the keywords among the prefixes of ``kw[i:]``; one
    may run past the end only when ``kw[i:]`` is a proper prefix of a keyword (a key of ``rests``):
    the text after the match then goes on with the rest of such a keyword (``continuations``)."""
    out: list[tuple[int, tuple[str, ...], tuple[str, ...]]] = [(0, prefixes[kw], ())]  # a match is the longest
    for i in range(1, len(kw)):
        rest = kw[i:]
        inside = tuple(rest[:n] for n in range(len(rest), 0, -1) if rest[:n] in known)
        continuations = tuple(sorted(rests.get(rest, ())))
        if inside or continuations:
            out.append((i, inside, continuations))
    return tuple(out)


_INDEXES: dict[tuple[str, ...], KeywordIndex] = {}
_MAX_INDEXES = 64
_LAST: list[tuple[Sequence[Fact], KeywordIndex]] = []


def keyword_index(facts: Sequence[Fact]) -> KeywordIndex:
    """The (cached) keyword index of ``facts`` — the same list object costs one identity check."""
    if _LAST and _LAST[0][0] is facts:
        return _LAST[0][1]
    index = _index_by_ids(facts)
    _LAST[:] = [(facts, index)]
    return index


def _index_by_ids(facts: Sequence[Fact]) -> KeywordIndex:
    key = tuple(f.id for f in facts)
    index = _INDEXES.get(key)
    if index is None:
        if len(_INDEXES) >= _MAX_INDEXES:
            _INDEXES.clear()
        index = _INDEXES[key] = KeywordIndex(facts)
    return index
