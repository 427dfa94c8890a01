"""Headings, sub-headings, title, signature and date, recognised from paragraph text.

Section headings are mapped to the six standard sections by their title words, never by
their number (Shanghai numbers its own sections and restarts at 一 for the tables).
Numbering and punctuation variants ("一、" "一." "一 、"), wording variants ("…及整改措施",
the sample's truncated "…行政诉讼情") and a heading glued to its text ("六、其他需要报告的
事项2023 年，…") are accepted; the heading is kept as written so the checker can judge it.
表三's own row labels ("四、结转下年度继续办理", "三、本年度办理结果") are not headings.
"""

from __future__ import annotations

import datetime as dt
import re

from draft_report.reading.blocks import compact, has_cjk, norm_key
from draft_report.reading.traditional import FOLD
from draft_report.records import dataclass
from draft_report.regex_cache import regex
from draft_report.sections import SECTIONS
from draft_report.tables import layout as L

_NUM = "一二三四五六七八九十"
# "一、总体情况", "一．总体情况", and "第一部分 总体情况" / "第一部分：总体情况"
_HEADING = regex(rf"^(?:([{_NUM}]{{1,3}})[、.．,，]|第([{_NUM}]{{1,3}})部分[、.．,，:：]?)\s*(.+)$")
_HEADING_START = frozenset(_NUM + "第")  # what a match of _HEADING starts with (a cheap test first)
_NUMBER_PREFIX = regex(rf"^\s*(?:[{_NUM}]{{1,3}}\s*[、.．,，]|第\s*[{_NUM}]{{1,3}}\s*部分\s*[、.．,，:：]?)\s*")
_SUBHEADING = regex(rf"^[（(]([{_NUM}]{{1,3}})[）)]")
_DATE = regex(
    r"^(\d{4}|[〇零○Ｏ一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(\d{1,2}|[一二三四五六七八九十]{1,3})日$"
)
_YEAR_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0"}
_CN_YEAR = regex(r"([〇零○Ｏ一二三四五六七八九]{4})年")
_TITLE_YEAR_FIRST = regex(r"^(\d{4})年度?(.+?)(?:政府信息公开|政务公开|信息公开)")
_TITLE_AGENCY_FIRST = regex(r"^(.+?)(\d{4})年度?")
_REPORT_NAME = regex(r"政府信息公开|政务公开|信息公开|年度报告|[（(【\[]$")

# Strong title words per section; then weak words, used only for sections not yet found.
_STRONG: dict[str, tuple[tuple[str, ...], ...]] = {
    "overview": (("总体情况",),),
    "proactive": (("主动公开政府信息",),),
    "requests": (("收到", "申请"), ("处理政府信息公开申请",)),
    "review_litigation": (("行政复议",), ("行政诉讼",), ("复议", "诉讼")),
    "problems": (("存在的主要问题",), ("问题", "改进"), ("问题", "整改")),
    "other": (("其他需要报告",), ("其他事项",)),
}
_WEAK: dict[str, tuple[tuple[str, ...], ...]] = {
    # section 一 under the names it carried before 2021: 概述 (the 2008 outline), …的基本情况, 总体工作情况
    "overview": (("概述",), ("基本情况",), ("总体",)),
    "proactive": (("主动公开",),),
    "requests": (("依申请",), ("公开申请",)),
    "problems": (("问题",),),
    "other": (("其他",),),
}
# Standard titles and known wordings, for splitting a heading glued to its paragraph.
_GLUED_TITLES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [(s.key, s.title) for s in SECTIONS]
        + [
            ("problems", "存在的主要问题及整改措施"),
            ("problems", "存在的主要问题及整改情况"),
            ("review_litigation", "政府信息公开行政复议和行政诉讼情况"),
        ],
        key=lambda kt: -len(kt[1]),
    )
)
_BARE_TITLES = frozenset(t for _, t in _GLUED_TITLES)
# What a heading's text starts with after ``strip``: a numbering character, a bare title's first
# character, or a zero-width space that ``compact`` removes (then the full test decides).
_FIRST_CHARS = _HEADING_START | {t[0] for t in _BARE_TITLES} | {"\u200b", "\ufeff"}
_T3_TOP_LABELS = tuple(
    norm_key(x)[1:]  # without the number: 本年新收…, 上年结转…, 本年度办理结果, 结转下年度继续办理
    for x in (L.T3_ROWS[0].label, L.T3_ROWS[1].label, L.T3_RESULTS_LABEL, L.T3_ROWS[-1].label)
)
_T3_TOP_PREFIXES = tuple(lbl[:6] for lbl in _T3_TOP_LABELS)
MAX_TITLE = 30
_TOC_ENTRY = regex(r"(?:[.…·．。]{2,}|…)\s*\d{1,3}$")
# Two CJK characters (``blocks.CJK``) anywhere in a text: one search, not a list of every one.
TWO_CJK = regex(r"[\u3400-\u9fff].*?[\u3400-\u9fff]", re.S)


@dataclass(frozen=True)
class Heading:
    """A section heading as parsed: its number, title, and any text glued after it."""

    number: str
    title: str  # as written, after the number
    heading: str  # the heading as written
    rest: str  # text glued after the heading ("" when none)


def _is_t3_label(title: str) -> bool:
    return norm_key(title).startswith(_T3_TOP_PREFIXES)


# Every character ``str.isspace`` holds true (tests/test_reading_fast_paths.py checks the list).
WHITESPACE = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                       "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# What a text ``may_be_heading`` starts with: tested with one ``in`` by a caller that tests every line.
HEADING_STARTS = _FIRST_CHARS | WHITESPACE


def may_be_heading(text: str) -> bool:
    """False when ``parse_heading(text)`` is surely None: the cheap test of its first character,
    for a caller that tests every paragraph line."""
    return text[:1] in HEADING_STARTS


def parse_heading(text: str) -> Heading | None:
    """A numbered section heading ("一、总体情况"), possibly glued to its first paragraph."""
    stripped = text.strip()
    if stripped[:1] not in _FIRST_CHARS:  # the cheap test that rules out most paragraphs
        return None
    key = compact(stripped)
    m = _HEADING.match(key) if key[:1] in _HEADING_START else None
    if not m:
        if key in _BARE_TITLES:  # an unnumbered standard heading on its own line
            return Heading("", stripped, stripped, "")
        return None
    number, title = m.group(1) or m.group(2), m.group(3)
    if _is_t3_label(title):
        return None
    if len(title) <= MAX_TITLE and "。" not in title and TWO_CJK.search(title) is not None:
        # (then it holds CJK) the title as written: the key's own when the line holds no whitespace
        # (``_NUMBER_PREFIX`` then ends where ``_HEADING``'s title starts)
        return Heading(number, title if key == stripped else _after_number(stripped), stripped, "")
    if not has_cjk(title):
        return None
    for _, standard in _GLUED_TITLES:
        if title.startswith(standard) and len(title) > len(standard):
            return _glued(stripped, number, title, len(standard))
    end = _variant_title_end(title)
    if end is not None:  # "五、政府信息公开工作存在的主要问题及改进情况2023年，…": a real wording, glued
        return _glued(stripped, number, title, end)
    return None


def _glued(stripped: str, number: str, title: str, n_title: int) -> Heading:
    """The heading whose title is the first ``n_title`` characters of ``title`` (compacted), the rest
    of the line being its first paragraph."""
    cut = _cut_after(stripped, len(compact(stripped)) - len(title) + n_title)
    rest = stripped[cut:].strip()
    if not has_cjk(rest) and not any(c.isdigit() for c in rest):
        rest = ""  # "一、总体情况。" / "一、总体情况：" — punctuation only
    return Heading(number, _after_number(stripped[:cut]), stripped[:cut].strip(), rest)


# Every section title, standard or as real reports word it, is a noun phrase ending in one of these heads
# (总体情况, …申请情况, …改进情况/改进措施/整改措施, 其他需要报告的事项 / 其他事项).
_TITLE_HEAD = regex(r"情况|措施|事项")


def _variant_title_end(title: str) -> int | None:
    """Where a numbered line's title ends when it is glued to its text in a wording other than the
    standard ones: at the first title head (情况/措施/事项) within ``MAX_TITLE`` characters such that the
    words before it (no 。: a title is not a sentence) name one section strongly (``_STRONG``) and text
    follows. None: no such title."""
    for m in _TITLE_HEAD.finditer(title, 0, MAX_TITLE):
        head = title[: m.end()]
        if m.end() < len(title) and "。" not in head and any(_names(head, alts) for alts in _STRONG.values()):
            return m.end()
    return None


def _after_number(text: str) -> str:
    m = _NUMBER_PREFIX.match(text)
    return text[m.end():].strip() if m else text.strip()


def _cut_after(text: str, n_compact: int) -> int:
    """Index in ``text`` just after its first ``n_compact`` non-space characters."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace() and ch not in "\u00a0\u3000":
            seen += 1
            if seen == n_compact:
                return i + 1
    return len(text)


def section_keys(titles: list[str], empty: list[bool] | None = None) -> list[str | None]:
    """The standard section each heading title names, by its words.

    Strong wording first, then weak wording for the sections still missing; within each,
    headings with content come before empty ones; the first occurrence wins. Entries of a
    table of contents ("二、主动公开政府信息情况……2") name no section. A title printed in traditional
    characters ("一、總體情況", a portal's 繁體 page) names its section as the simplified one does
    (``traditional.FOLD`` folds the characters of the section titles)."""
    keys: list[str | None] = [None] * len(titles)
    compacted = [compact(t).translate(FOLD) for t in titles]
    empties = empty or [False] * len(titles)
    rank = [2 if _TOC_ENTRY.search(t) else int(e) for t, e in zip(compacted, empties, strict=True)]
    for table in (_STRONG, _WEAK):
        for tier in (0, 1):  # table-of-contents entries (tier 2) name no section
            taken = {k for k in keys if k}
            for i, text in enumerate(compacted):
                if keys[i] or rank[i] != tier:
                    continue
                for section, alternatives in table.items():
                    if section not in taken and _names(text, alternatives):
                        keys[i] = section
                        taken.add(section)
                        break
    return keys


def _names(text: str, alternatives: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``text`` holds all the words of one of the alternatives."""
    for words in alternatives:
        for w in words:
            if w not in text:
                break
        else:
            return True
    return False


# The six standard headings, and what may stand right before one printed at the end of a paragraph line.
STANDARD_HEADINGS: tuple[str, ...] = tuple(s.heading for s in SECTIONS)
_SENTENCE_END = frozenset("。；;！!？?）)")


def trailing_heading(text: str) -> int | None:
    """Where a standard section heading printed at the end of a paragraph line starts, right after
    the line's last sentence (a portal that lost the line break: “…电话：0714-1234567）。一、总体情况”);
    None when the line does not end so."""
    t = text.rstrip()
    if not t.endswith(STANDARD_HEADINGS):
        return None
    for h in STANDARD_HEADINGS:
        if t.endswith(h) and len(t) > len(h) and t[-len(h) - 1] in _SENTENCE_END:
            return len(t) - len(h)
    return None


def is_subheading(text: str) -> bool:
    """"（一）主动公开情况" on its own line (not a sentence)."""
    t = text.strip()
    return t[:1] in "（(" and bool(_SUBHEADING.match(t)) and len(compact(t)) <= 40 and "。" not in t


def parse_date(text: str) -> dt.date | None:
    m = _DATE.match(compact(text))
    if not m:
        return None
    year_s, month_s, day_s = m.groups()
    try:
        if not (month_s.isdigit() and day_s.isdigit()):
            import cn2an  # only for a date written in Chinese numerals (cn2an takes long to import)
        year = int(year_s) if year_s.isdigit() else int("".join(_YEAR_DIGITS[c] for c in year_s))
        month = int(month_s) if month_s.isdigit() else int(cn2an.cn2an(month_s, "strict"))
        day = int(day_s) if day_s.isdigit() else int(cn2an.cn2an(day_s, "strict"))
        return dt.date(year, month, day)
    except (ValueError, KeyError):
        return None


def is_title_line(text: str) -> bool:
    t = compact(text)
    return 0 < len(t) <= 40 and "。" not in t and not t.startswith(("根据", "本报告", "按照", "依据"))


def agency_and_year(title: str) -> tuple[str | None, int | None]:
    """(agency, year) from a title such as "淮安市人民政府2024 年政府信息公开工作年度报告"."""
    t = _CN_YEAR.sub(lambda m: "".join(_YEAR_DIGITS[c] for c in m.group(1)) + "年", compact(title))
    m = _TITLE_YEAR_FIRST.match(t)
    if m:
        return (m.group(2) or None), int(m.group(1))
    m = _TITLE_AGENCY_FIRST.match(t)
    if m:
        # "某局政府信息公开工作年度报告（2023年度）": the agency ends where the report's name begins
        agency = _REPORT_NAME.split(m.group(1), maxsplit=1)[0]
        return (agency or None), int(m.group(2))
    return None, None


def is_signature(text: str) -> bool:
    t = compact(text)
    return 0 < len(t) <= 30 and "。" not in t and "，" not in t and has_cjk(t) and parse_heading(text) is None


_SIGNATURE_DATE = regex(
    r"^(.{2,30}?)\s+((?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*\S{1,3}\s*月\s*\S{1,3}\s*日)\s*$"
)


def split_signature_date(text: str) -> tuple[str, dt.date] | None:
    """"沭阳县发展和改革局 2024年1月17日" on one line → (signature, date)."""
    m = _SIGNATURE_DATE.match(text.strip())
    if not m or not is_signature(m.group(1)):
        return None
    day = parse_date(m.group(2))
    return (m.group(1).strip(), day) if day else None


def split_subheading(text: str) -> tuple[str, str] | None:
    """"（一）主动公开情况。2024 年，…" → ("（一）主动公开情况", "2024 年，…"); None otherwise."""
    m = _GLUED_SUBHEADING.match(text.strip())
    if not m:
        return None
    return m.group(1), m.group(2).strip()


_GLUED_SUBHEADING = regex(rf"^([（(][{_NUM}]{{1,3}}[）)][^。，；：:]{{2,30}}?)[。：:]\s*(\S.*)$")
