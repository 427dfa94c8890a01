"""Agency names are not measure words: “市信访局共受理政府信息公开申请21件” is about requests to an
agency called 信访局, not the 信访举报投诉 row of 表三.

A lexicon keyword directly followed by an organisation suffix (局, 委, 厅, 署, 办公室, 办事处, 中心, 办 — not
办理/办结/办件 …) is the head of an agency's name. ``mask_agency_names`` blanks such keywords (same length, so
offsets stay) before a sentence's numbers are bound; the rest of the sentence binds as it would without the
name (“…因政府信息公开工作被申请行政复议0件” is then about 行政复议).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from draft_report.lexicon.fields import Fact
from draft_report.regex_cache import regex

# The characters an organisation suffix starts with: a sentence without one holds no agency name.
_SUFFIX_FIRST = "局委厅署办中"
_SUFFIX = r"(?:局|委员会|委|厅|署|办公室|办事处|中心|办(?![理结件复法事案]))"
_BLANK = "\u3000"  # whitespace: ``compact`` drops it, as it drops the blanks of ``fold_parentheses``
_LAST: tuple[Sequence[Fact], re.Pattern[str]] | None = None


def _pattern(facts: Sequence[Fact]) -> re.Pattern[str]:
    global _LAST
    last = _LAST
    if last is not None and last[0] is facts:
        return last[1]
    # a fixed order (longest first, then by text): the regex cache must not depend on the hash seed
    words = sorted({k for f in facts for k in f.keywords if len(k) >= 2}, key=lambda k: (-len(k), k))
    pat = regex(f"(?:{'|'.join(map(re.escape, words))})(?={_SUFFIX})")
    _LAST = (facts, pat)
    return pat


def mask_agency_names(text: str, facts: Sequence[Fact]) -> str:
    """``text`` with every keyword that heads an agency name (信访局, 政务公开办) blanked, same length."""
    if not any(c in text for c in _SUFFIX_FIRST):
        return text
    pat = _pattern(facts)
    if pat.search(text) is None:
        return text
    return pat.sub(lambda m: _BLANK * len(m.group(0)), text)
