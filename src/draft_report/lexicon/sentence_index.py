"""One sentence, indexed once and shared by every number in it (binding stays linear in the text).

Binding a number looks at the clause around it with spaces removed (``binding.clause_window``),
at everything before it (``before``) and at the lexicon keywords named there. ``SentenceIndex``
makes each of these cheap and linear in the sentence, whatever the number of numbers in it:

- a clause boundary is one regex search for a delimiter: forward in the sentence for the end of
  the clause after a number, forward in the reversed sentence for the start of the clause before
  it (``clause``). A number's clause is bounded by its neighbours, so the clauses of all the
  numbers of a sentence add up to at most twice the sentence;
- the sentence with spaces removed (``compact``) and a map from offsets in the sentence to offsets
  in ``compact`` (``cpos``), made on first use, so that everything before a number is a prefix of
  one string (``before``) — only a few facts' conditions look there;
- for the window API (``window``, ``occurrences``): the positions of clause delimiters (per
  delimiter set) and every keyword occurrence in ``compact`` (one pass of the lexicon's compiled
  alternation, ``keyword_index.KeywordIndex.scan``) as sorted arrays, so that a clause boundary is
  one bisection and the keywords of a window are a bisected range.

The results are exactly those of the per-number scans (tests/test_sentence_index.py,
tests/test_binding_compiled.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Protocol

from draft_report.regex_cache import compile_now, regex

_WS = regex(r"\s")
# The clause delimiters of ``binding.CLAUSE_DELIMITERS`` (written out here: binding imports this module).
CLAUSE = "，,；;。！？!?：:、（）()【】《》\n"
_CLAUSE = regex("[" + re.escape(CLAUSE) + "]")
_DELIMITER_RES: dict[str, re.Pattern[str]] = {}


class Occurrences(Protocol):
    def scan(self, text: str) -> tuple[list[int], list[int], list[str]]: ...


def _delimiter_re(chars: str) -> re.Pattern[str]:
    pattern = _DELIMITER_RES.get(chars)
    if pattern is None:
        pattern = _DELIMITER_RES[chars] = compile_now("[" + re.escape(chars) + "]")
    return pattern


def delimiter_pattern(chars: str) -> re.Pattern[str]:
    """The pattern of one of ``chars`` (for ``SentenceIndex.clause``; compiled once per set)."""
    return _delimiter_re(chars)


def _space_positions(text: str, count: int) -> list[int]:
    """The offsets of the ``count`` whitespace characters of ``text``: found with ``str.find`` when
    they are all plain spaces (the common case: “共受理申请 3119 件”), else with the ``\\s`` regex."""
    if text.count(" ") != count:
        return [m.start() for m in _WS.finditer(text)]
    out: list[int] = []
    find = text.find
    i = find(" ")
    while i >= 0:
        out.append(i)
        i = find(" ", i + 1)
    return out


class SentenceIndex:
    """Clauses, spaces, clause delimiters and keyword occurrences of one sentence (see the module doc)."""

    __slots__ = ("_compact", "_delims", "_index", "_reversed", "_spaces", "occ_end", "occ_kw", "occ_pos",
                 "respectively", "text")

    def __init__(self, text: str, index: Occurrences) -> None:
        self.text = text
        self._index = index
        self.respectively = "分别" in text  # (``binding._respectively``: only such a sentence lists members so)
        self._compact: str | None = None
        self._spaces: list[int] = []
        self._reversed: str | None = None
        self._delims: dict[str, list[int]] = {}
        # start, end and keyword of every keyword occurrence in ``compact`` (``scanned``)
        self.occ_pos: list[int] | None = None
        self.occ_end: list[int] = []
        self.occ_kw: list[str] = []

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
        if end < hi:
            m = found.search(text, end, hi)
            right = text[end : m.start() if m is not None else hi]
        else:
            right = ""
        return "".join(left.split()), "".join(right.split())

    def before(self, start: int) -> tuple[str, int]:
        """(``compact``, the offset in it of ``start``): ``compact[:offset]`` is everything before ``start``."""
        compact = self.compact
        spaces = self._spaces
        return compact, (start - bisect_left(spaces, start) if spaces else start)

    def scanned(self) -> list[int]:
        """The starts of the keyword occurrences (``occ_pos``), found on first use."""
        pos = self.occ_pos
        if pos is None:
            pos, self.occ_end, self.occ_kw = self._index.scan(self.compact)
            self.occ_pos = pos
        return pos

    def cpos(self, i: int) -> int:
        """The offset in ``compact`` of offset ``i`` of the sentence (spaces before it dropped)."""
        self.compact  # noqa: B018 - makes the spaces' offsets
        return i - bisect_left(self._spaces, i) if self._spaces else i

    def _delimiters(self, chars: str) -> list[int]:
        found = self._delims.get(chars)
        if found is None:
            found = self._delims[chars] = [m.start() for m in _delimiter_re(chars).finditer(self.text)]
        return found

    def window(self, start: int, end: int, prev_end: int, next_start: int | None,
               delimiters: str) -> tuple[int, int, int, int]:
        """(left_start, left_end, right_start, right_end) in ``compact`` of the clause around
        ``text[start:end]`` — the same windows as ``binding.clause_window``."""
        text = self.text
        delims = self._delims.get(delimiters)
        if delims is None:
            delims = self._delimiters(delimiters)
        lo = prev_end if prev_end > 0 else 0
        i = start - 1
        if i >= lo:
            k = bisect_left(delims, start) - 1  # the last delimiter before start
            i = delims[k] if k >= 0 and delims[k] >= lo else lo - 1
        n = len(text)
        hi = n if next_start is None or next_start > n else next_start
        j = end
        if j < hi:
            k = bisect_left(delims, end)  # the first delimiter at or after end
            j = delims[k] if k < len(delims) and delims[k] < hi else hi
        self.compact  # noqa: B018 - makes the spaces' offsets
        spaces = self._spaces
        if not spaces:
            return i + 1, start, end, j
        return (i + 1 - bisect_left(spaces, i + 1), start - bisect_left(spaces, start),
                end - bisect_left(spaces, end), j - bisect_left(spaces, j))

    def occurrences(self, a: int, b: int) -> list[tuple[int, str]]:
        """(position, keyword) of every keyword that lies within ``compact[a:b]``, in order."""
        starts = self.scanned()
        ends, kws = self.occ_end, self.occ_kw
        return [(starts[k], kws[k]) for k in range(bisect_left(starts, a), bisect_left(starts, b)) if ends[k] <= b]
