"""One sentence, indexed once and shared by every number in it (binding stays linear in the text).

Binding a number looks at the clause around it with spaces removed (``binding.clause_window``)
and, for a few facts' conditions, at everything before it. ``SentenceIndex`` makes both cheap and
linear in the sentence, whatever the number of numbers in it:

- a clause boundary is one regex search for a delimiter: forward in the sentence for the end of
  the clause after a number, forward in the reversed sentence for the start of the clause before
  it (``clause``). A number's clause is bounded by its neighbours, so the clauses of all the
  numbers of a sentence add up to at most twice the sentence;
- the sentence with spaces removed (``compact``) and the offsets of its spaces, made on first
  use, so that everything before a number is a prefix of one string (``before``).

The keywords of a clause are found by binding itself (``keyword_index.KeywordIndex.found``). The
results are exactly those of the per-number scans (tests/test_sentence_index.py,
tests/test_binding_compiled.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from draft_report.lexicon.fact_rules import last_named_in
from draft_report.regex_cache import compile_now, regex

_WS = regex(r"\s")
# The clause delimiters of ``binding.CLAUSE_DELIMITERS`` (written out here: binding imports this module).
CLAUSE = "，,；;。！？!?：:、（）()【】《》\n"
_CLAUSE = regex("[" + re.escape(CLAUSE) + "]")
_DELIMITER_RES: dict[str, re.Pattern[str]] = {}
_PLUS_ONE = (1).__add__
_MINUS_ONE = (-1).__add__


def delimiter_pattern(chars: str) -> re.Pattern[str]:
    """The pattern of one of ``chars`` (for ``SentenceIndex.clause``; compiled once per set)."""
    pattern = _DELIMITER_RES.get(chars)
    if pattern is None:
        pattern = _DELIMITER_RES[chars] = compile_now("[" + re.escape(chars) + "]")
    return pattern


def _space_positions(text: str, count: int) -> list[int]:
    """The offsets of the ``count`` whitespace characters of ``text``: from the lengths of the pieces
    between them when they are all plain spaces (the common case: “共受理申请 3119 件”; no Python
    loop), else with the ``\\s`` regex."""
    if text.count(" ") != count:
        return [m.start() for m in _WS.finditer(text)]
    # the space after piece k of ``text.split(" ")`` is at the sum of the lengths of pieces 0..k, plus k
    return list(map(_MINUS_ONE, accumulate(map(_PLUS_ONE, map(len, text.split(" ")[:-1])))))


class SentenceIndex:
    """The clauses and the compact text of one sentence (see the module doc)."""

    __slots__ = ("_compact", "_named", "_reversed", "_spaces", "plain", "respectively", "spaced", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.respectively = "分别" in text  # (``binding._respectively``: only such a sentence lists members so)
        # ``plain``: no whitespace but " " (every other whitespace character is unprintable); ``spaced``:
        # whitespace, maybe — a clause's spaces are removed only then, with ``str.replace`` when ``plain``
        self.plain = text.isprintable()
        self.spaced = not self.plain or " " in text
        self._compact: str | None = None
        self._spaces: list[int] = []
        self._reversed: str | None = None
        self._named: tuple[int, tuple[str, ...], str | None] | None = None  # the last ``last_named`` answer

    @property
    def compact(self) -> str:
        """The sentence with its spaces removed (made on first use, with the offsets of the spaces)."""
        compact = self._compact
        if compact is None:
            text = self.text
            compact = "".join(text.split())  # ``str.split`` and ``\s`` agree on what is a space (str.isspace)
            if len(compact) < len(text):
                self._spaces = _space_positions(text, len(text) - len(compact))
            else:
                compact = text
            self._compact = compact
        return compact

    def clause(self, start: int, end: int, prev_end: int, next_start: int | None,
               delimiters: re.Pattern[str] | None = None) -> tuple[str, str]:
        """``binding.clause_window(text, start, end, prev_end, next_start)``: the (left, right) text,
        spaces removed, of the clause around ``text[start:end]``; ``delimiters``: a pattern of one
        delimiter character (``delimiter_pattern``; default: ``CLAUSE``)."""
        found = _CLAUSE if delimiters is None else delimiters
        text = self.text
        n = len(text)
        lo = prev_end if prev_end > 0 else 0
        if start > lo:  # the last delimiter in text[lo:start] is the first one in the reversed text from n - start
            rev = self._reversed
            if rev is None:
                rev = self._reversed = text[::-1]
            m = found.search(rev, n - start, n - lo)
            left = text[n - m.start() if m is not None else lo : start]
        else:
            left = ""
        hi = n if next_start is None or next_start > n else next_start
        if end < hi and not (delimiters is None and text[end] in CLAUSE):  # (most numbers end their clause)
            m = found.search(text, end, hi)
            right = text[end : m.start() if m is not None else hi]
        else:
            right = ""
        if not self.spaced:
            return left, right
        if self.plain:
            return left.replace(" ", ""), right.replace(" ", "") if right else ""
        return "".join(left.split()), "".join(right.split())

    def last_named(self, start: int, family: tuple[str, ...]) -> str | None:
        """``fact_rules.last_named_in(compact, offset, family)`` for everything before ``start``: of
        ``family``, the word named last (the longest at a tie). The last answer is kept: the facts a
        keyword names in each group (维持 in 行政复议 and in 行政诉讼) ask it in a row."""
        named = self._named
        if named is not None and named[0] == start and named[1] == family:
            return named[2]
        text, end = self.before(start)
        found = last_named_in(text, end, family)
        self._named = (start, family, found)
        return found

    def before(self, start: int) -> tuple[str, int]:
        """(``compact``, the offset in it of ``start``): ``compact[:offset]`` is everything before ``start``."""
        compact = self.compact
        spaces = self._spaces
        return compact, (start - bisect_left(spaces, start) if spaces else start)
