"""Words that narrow a prose number to less than the year's tables: a sub-unit or a moment.

A number in a sentence whose subject is a sub-unit speaking for itself (“区政府办代表区政府受理申请
17件”, “市政府本级…”, “其中，区政府办公室…”) may cover less than the report's tables (the whole
government and its departments); a number “截至6月底”, “上半年”, “一季度” covers part of the year.
A mismatch there is a scope question for a person (warning ``prose.scope_mismatch``), not a proven
contradiction. 人大代表 / 党代表 are not subjects; “截至12月31日”, “截至年底” is the year's end.
"""

from __future__ import annotations

import re

from draft_report.regex_cache import compile_now, regex

# Each alternative as (its first character, the rest), in order.
_SUB_UNIT: tuple[tuple[str, str], ...] = (
    ("代", r"表(?<!人大代表)(?<!党代表)(?<!职工代表)(?!建议|提出|意见|委员|性)[^，,。；;]{0,6}?(?:政府|机关|单位|部门|局|委(?!员))"),
    ("本", "级"),
    ("其", r"中[，,]?[^，,。；;]{0,8}?(?:政府办|办公室|办公厅|局|委|中心|街道|乡镇|镇政府|乡政府)"),
    ("政", "府办"), ("政", "府办公室"), ("政", "府办公厅"),
)
# A moment or a period that is not the whole year: 截至6月底, 截至目前, 上半年, 一季度, 1-6月, 3月份.
_UNTIL: tuple[tuple[str, str], ...] = (
    ("截", r"[至止](?!\s*(?:\d{4}\s*年\s*)?(?:12\s*月\s*31\s*日|12\s*月\s*底|12\s*月\s*末|年\s*底|年\s*末|本年底|本年末|年终))"
           r"[^，,。；;]{0,12}?(?:月底|月末|月份|月\d{1,2}日|日|目前|现在|当前|发稿|本报告)"),
)
# Every match of these holds 半年, 季度, 月 (in that order): a sentence without the word has none.
_HALF: tuple[tuple[str, str], ...] = (("上", "半年"), ("下", "半年"))
_QUARTER: tuple[tuple[str, str], ...] = (("第", "[一二三四1-4]季度"), ("[一二三四1-4]", "季度"))
_MONTH: tuple[tuple[str, str], ...] = (
    (r"\d", r"\d?\s*[-—－~至到]\s*\d{1,2}\s*月"),  # \d{1,2}…
    (r"\d", r"(?<!\d\d)\d?\s*月份"),
)
_MOMENT = _UNTIL + _HALF + _QUARTER + _MONTH
_ALTERNATIVES = _SUB_UNIT + _MOMENT


def alternation(alternatives: tuple[tuple[str, str], ...]) -> str:
    """The alternatives as written: ``first rest | first rest | …`` (the definition)."""
    return "|".join(first + rest for first, rest in alternatives)


def led_alternation(alternatives: tuple[tuple[str, str], ...]) -> str:
    """The same matches as ``alternation``, led by one character set of every first character, each
    alternative checking its own with a lookbehind: a pattern that opens with a set is scanned one
    set test per position, while an alternation starts a match attempt at every position (ten times
    the cost on CJK prose)."""
    firsts = "".join(dict.fromkeys(first.strip("[]") for first, _ in alternatives))
    return f"[{firsts}](?:" + "|".join(f"(?<={first}){rest}" for first, rest in alternatives) + ")"


SCOPE_MARKERS = regex(led_alternation(_ALTERNATIVES))


def _variant(half: bool, quarter: bool, month: bool) -> tuple[tuple[str, str], ...]:
    """The alternatives that may match in a sentence that holds 半年 / 季度 / 月 or not, in order."""
    return _SUB_UNIT + _UNTIL + (_HALF if half else ()) + (_QUARTER if quarter else ()) + (_MONTH if month else ())


# ``SCOPE_MARKERS`` without the alternatives a sentence cannot match (it lacks their word), by
# ``half | quarter << 1 | month << 2``: the same matches, and the set that leads the pattern loses
# the characters only those alternatives start with (上下, 第一二三四, every digit), so a sentence
# with numbers but no 月 is scanned without a digit test per character nor a match attempt per digit.
# Eight static patterns, compiled on first use.
_VARIANTS: list[re.Pattern[str] | None] = [None] * 8


def markers_pattern(sentence: str) -> re.Pattern[str]:
    """The variant of ``SCOPE_MARKERS`` for ``sentence`` (the same matches in it)."""
    key = ("半年" in sentence) | ("季度" in sentence) << 1 | ("月" in sentence) << 2
    pattern = _VARIANTS[key]
    if pattern is None:
        pattern = _VARIANTS[key] = compile_now(led_alternation(_variant(bool(key & 1), bool(key & 2), bool(key & 4))))
    return pattern


# A word every alternative of ``SCOPE_MARKERS`` contains (代表…, 本级, 其中…, 政府办…, 截至…, 上半年 /
# 下半年, …季度, …月 / …月份): a sentence with none of them has no marker, found without the regex.
_MARKER_WORDS = ("月", "其中", "代表", "本级", "政府办", "截", "半年", "季度")


def may_have_markers(sentence: str) -> bool:
    """False when ``sentence`` surely holds no scope marker (a few substring tests, no regex pass)."""
    s = sentence  # ``any(w in sentence for w in _MARKER_WORDS)``, written out: no generator per call
    return ("月" in s or "其中" in s or "代表" in s or "本级" in s or "政府办" in s or "截" in s or "半年" in s
            or "季度" in s)

# Words that make the marker an object rather than the subject (按照区政府办要求, 向区政府办报送).
_NOT_SUBJECT = ("按照", "根据", "依据", "配合", "协助", "会同", "向", "经", "由", "对", "对照", "在")
_CLAUSE = regex(r"[，,；;：:]")


def is_moment(word: str) -> bool:
    """True for a moment or a period (截至6月底, 上半年, 一季度), False for a sub-unit."""
    return word.startswith(("截", "上半", "下半")) or "季度" in word or "月" in word


def scope_markers(sentence: str) -> list[tuple[int, str]]:
    """(end, words) of every scope marker of the sentence that is a subject or a moment — found once
    per sentence; a claim is scoped by the markers that end before it (``scope_before``)."""
    found: list[tuple[int, str]] = []
    for m in markers_pattern(sentence).finditer(sentence):
        word = m.group(0)
        if not is_moment(word):
            clause = _CLAUSE.split(sentence[: m.start()])[-1]
            if any(w in clause for w in _NOT_SUBJECT):  # “按照区政府办要求”: not the subject
                continue
        found.append((m.end(), word))
    return found


def scope_before(markers: list[tuple[int, str]], claim_start: int) -> str | None:
    """The longest marker that ends before the claim; else None."""
    words = [w for end, w in markers if end <= claim_start]
    return max(words, key=len) if words else None
