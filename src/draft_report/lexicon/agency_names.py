"""Agency names are not measure words: “市信访局共受理政府信息公开申请21件” is about requests to an
agency called 信访局, not the 信访举报投诉 row of 表三.

A lexicon keyword directly followed by an organisation suffix (局, 委, 厅, 署, 办公室, 办事处, 中心) is the head
of an agency's name. ``mask_agency_names`` blanks such keywords (same length, so
offsets stay) before a sentence's numbers are bound; the rest of the sentence binds as it would without the
name (“…因政府信息公开工作被申请行政复议0件” is then about 行政复议).
"""

from __future__ import annotations

from collections.abc import Sequence

from draft_report.lexicon.fields import Fact
from draft_report.regex_cache import regex

# An organisation suffix; found first (rare), then the keyword ending right before it. A bare 办 (信访办) is
# left out: 办 mostly starts 办理/办结 in this prose, and looking at each would cost every sentence.
_SUFFIX = regex(r"局|委员会|委|厅|署|办公室|办事处|中心")
_BLANK = "\u3000"  # whitespace: ``compact`` drops it, as it drops the blanks of ``fold_parentheses``
_LAST: tuple[Sequence[Fact], frozenset[str], tuple[int, ...]] | None = None


def _keywords(facts: Sequence[Fact]) -> tuple[frozenset[str], tuple[int, ...]]:
    """The keywords of ``facts`` (two characters or more) and their lengths, longest first (kept for the last list)."""
    global _LAST
    last = _LAST
    if last is not None and last[0] is facts:
        return last[1], last[2]
    words = frozenset(k for f in facts for k in f.keywords if len(k) >= 2)
    lengths = tuple(sorted({len(k) for k in words}, reverse=True))
    _LAST = (facts, words, lengths)
    return words, lengths


def mask_agency_names(text: str, facts: Sequence[Fact]) -> str:
    """``text`` with every keyword that heads an agency name (信访局, 政务公开办) blanked, same length."""
    if "局" not in text and "委" not in text and "中心" not in text and "厅" not in text and "署" not in text \
            and "办公室" not in text and "办事处" not in text:
        return text
    words, lengths = _keywords(facts)
    spans: list[tuple[int, int]] = []
    for m in _SUFFIX.finditer(text):
        p = m.start()
        for n in lengths:  # the longest keyword that ends right before the suffix
            if n <= p and text[p - n : p] in words:
                spans.append((p - n, p))
                break
    if not spans:
        return text
    out = list(text)
    for a, b in spans:
        out[a:b] = _BLANK * (b - a)
    return "".join(out)
