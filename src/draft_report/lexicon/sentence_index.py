"""One sentence, indexed once and shared by every number in it (binding stays linear in the text).

Binding a number looks at the clause around it with spaces removed (``binding.clause_window``),
at everything before it (``before``) and at the lexicon keywords named there. Done per number,
that is a scan of the clause, a copy of the sentence's start and a keyword search per number —
quadratic in the numbers of a sentence. ``SentenceIndex`` does each once per sentence:

- the sentence with spaces removed (``compact``) and a map from offsets in the sentence to
  offsets in ``compact`` (``cpos``), so that any window's compact text is one slice;
- the positions of clause delimiters (per delimiter set), so that a clause boundary is one bisection;
- every keyword occurrence in ``compact`` (one ``finditer`` of the lexicon's compiled alternation,
  ``keyword_index.KeywordIndex.scan``) as sorted arrays of starts, ends and keywords, so that the
  keywords of a window are a bisected range of them.

The results are exactly those of the per-number scans: a keyword that fits in a window starts
at a position where the (longest-first) alternation matched in the whole sentence, and it is a
prefix of that longest match, so it is among the occurrences listed there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Protocol

from draft_report.regex_cache import regex

_WS = regex(r"\s")
_DELIMITER_RES: dict[str, re.Pattern[str]] = {}


class Occurrences(Protocol):
    def scan(self, text: str) -> tuple[list[int], list[int], list[str]]: ...


def _delimiter_re(chars: str) -> re.Pattern[str]:
    pattern = _DELIMITER_RES.get(chars)
    if pattern is None:
        pattern = _DELIMITER_RES[chars] = regex("[" + re.escape(chars) + "]")
    return pattern


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
    """Spaces, clause delimiters and keyword occurrences of one sentence (see the module doc)."""

    __slots__ = ("_delims", "_index", "_spaces", "compact", "occ_end", "occ_kw", "occ_pos", "text")

    def __init__(self, text: str, index: Occurrences) -> None:
        self.text = text
        compact = "".join(text.split())  # ``str.split`` and ``\s`` agree on what is a space (str.isspace)
        self._spaces: list[int] = _space_positions(text, len(text) - len(compact)) if len(compact) < len(text) else []
        self.compact = compact if self._spaces else text
        self._index = index
        self._delims: dict[str, list[int]] = {}
        # start, end and keyword of every keyword occurrence in ``compact`` (``scanned``)
        self.occ_pos: list[int] | None = None
        self.occ_end: list[int] = []
        self.occ_kw: list[str] = []

    def scanned(self) -> list[int]:
        """The starts of the keyword occurrences (``occ_pos``), found on first use."""
        pos = self.occ_pos
        if pos is None:
            pos, self.occ_end, self.occ_kw = self._index.scan(self.compact)
            self.occ_pos = pos
        return pos

    def cpos(self, i: int) -> int:
        """The offset in ``compact`` of offset ``i`` of the sentence (spaces before it dropped)."""
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
