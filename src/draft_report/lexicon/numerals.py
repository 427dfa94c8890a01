"""Numbers with their measure words, as written in Chinese report prose.

``find_quantities(text)`` returns every number that is followed by a measure word
(件 条 篇 次 场 期 个 项 份 元 万元 人次 …): Arabic with or without thousands separators
("1,234件" = 1234), pdftotext's spaced thousands ("3 119 件"), and Chinese numerals
("三十七条" = 37, "两件" = 2, "一百二十件" = 120; read by ``cn_numbers``, agreeing with cn2an).

What is *not* a quantity: ordinals (第二十条, 第3次), list markers (一是, "1."), document
numbers (国令第711号, 〔2021〕30号), dates and years (2023年1月18日), phone numbers and
postcodes, percentages, set phrases without a measure word (三安全一稳定, 三审三校, 二十大),
idioms such as 一次性 or 每一件, and quoted slogans that open with a Chinese numeral
(“四个意识”, “两个确立”, “一件事一次办”).
"""

from __future__ import annotations

import re
from functools import lru_cache

from draft_report.lexicon.cn_numbers import cn_to_int, int_to_cn
from draft_report.records import dataclass
from draft_report.regex_cache import regex

# Longest first so that 万元 wins over 元 and 人次 over 人.
UNITS: tuple[str, ...] = (
    "万元", "亿元", "人次",
    "件", "条", "篇", "次", "场", "期", "个", "项", "份", "元", "人", "家", "批", "宗", "例", "名", "起", "封",
)
MONEY_UNITS: frozenset[str] = frozenset({"元", "万元", "亿元"})
# Measure words that, for Chinese numerals, make idioms too often (一起 = together).
_CN_SKIP_UNITS = frozenset({"起"})

_UNIT_RE = "|".join(UNITS)
_APPROX_AFTER = "余多"
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
CHINESE_DIGITS = _CN_DIGITS

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_FULLWIDTH_DIGITS = "０１２３４５６７８９"

# A number not preceded by a digit, "." or a thousands separator (a "," after a digit: “件,178件” is two
# numbers, an ASCII comma between clauses): written as a first digit, then the lookbehinds
# (the same test as a leading ``(?<![\d.])(?<!\d,)``, but a pattern that starts with a digit lets the
# regex engine skip to digits — more than ten times faster on CJK prose).
_ARABIC_REST = r"(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d{0,2}(?: \d{3})+(?=\s*[余多]?\s*(?:" + _UNIT_RE + r"))|\d*(?:\.\d+)?)"
_ARABIC_TAIL = r"(?P<gap>\s*)(?P<wan>万(?!元))?(?P<approx>[余多])?\s*(?P<unit>" + _UNIT_RE + r")"
_ARABIC = regex(r"(?P<num>\d(?<![\d.]\d)(?<!\d,\d)" + _ARABIC_REST + ")" + _ARABIC_TAIL)
# ``[…][…]*`` rather than ``[…]+``: a pattern that opens with a character set (not a repeat) lets the
# regex engine test one character per position instead of starting a match at each (three times faster).
_CHINESE = regex(
    r"(?P<num>[" + _CN_DIGITS + r"][" + _CN_DIGITS + r"]*)(?P<wan>)(?P<approx>[余多])?(?P<unit>" + _UNIT_RE + r")"
)
# ``_ARABIC`` and ``_CHINESE`` in one pass (``_scan``): led by one set of every first character, each
# alternative checking its own with a lookbehind (as ``checking.scope.led_alternation``). An Arabic
# match has lastindex 5 (its number is the lead digit and group 1), a Chinese one 8 (the lead numeral
# and group 6; approximation 7, unit 8). No Chinese match holds a digit, and a Chinese match of
# ``_CHINESE`` that starts inside an Arabic one is 万 / 亿 alone (“3万件”, “5亿元”: no numeral), so the
# one pass finds every quantity the two passes find (tests/test_claims_one_pass.py).
# The set that leads ``_NUMBER``: every decimal digit ``\d`` matches, written as the ranges of the
# Basic Multilingual Plane's (Unicode 14, CPython 3.11) and every character above it — a set
# tested by one table look-up per character, where ``\d`` asks the Unicode database. A superset is
# enough: each alternative checks its first character again (``(?<=\d)``, ``(?<=[…])``), so only the
# positions tried change, never a match (tests/test_claims_one_pass.py: every ``\d`` is in the set).
_DECIMAL_LEAD = (
    "0-9\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef"
    "\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9"
    "\u0f20-\u0f29\u1040-\u1049\u1090-\u1099\u17e0-\u17e9\u1810-\u1819\u1946-\u194f\u19d0-\u19d9\u1a80-\u1a89"
    "\u1a90-\u1a99\u1b50-\u1b59\u1bb0-\u1bb9\u1c40-\u1c49\u1c50-\u1c59\ua620-\ua629\ua8d0-\ua8d9\ua900-\ua909"
    "\ua9d0-\ua9d9\ua9f0-\ua9f9\uaa50-\uaa59\uabf0-\uabf9\uff10-\uff19\U00010000-\U0010ffff"
)
_NUMBER = regex(
    r"[" + _DECIMAL_LEAD + _CN_DIGITS + r"](?:(?<=\d)(?<![\d.]\d)(?<!\d,\d)(" + _ARABIC_REST + ")" + _ARABIC_TAIL
    + r"|(?<=[" + _CN_DIGITS + r"])([" + _CN_DIGITS + r"]*)([余多])?(" + _UNIT_RE + r"))"
)
_ARABIC_LAST = 5  # ``_NUMBER``'s lastindex for an Arabic match

# Characters that, right before a number, make it an ordinal, an idiom or part of a word.
_ORDINAL_BEFORE = "第"
_CN_WORD_BEFORE = set("统唯之进同逐每各单某任哪这那另其万划专初星周")
_AFTER_UNIT_IDIOM = set("性式制化")
# "7个工作日", "四个季度", "3个月": spans of time, not counts.
_TIME_SPANS = ("工作日", "自然日", "月", "季度", "小时", "年", "日", "星期", "周", "百分点", "多月")
_AFTER_UNIT = (*sorted(_AFTER_UNIT_IDIOM), *_TIME_SPANS)  # ``_idiom_after`` as one ``startswith``
_AFTER_UNIT_FIRST = frozenset(w[0] for w in _AFTER_UNIT)  # … tried only after one of these
_APPROX_BEFORE = ("约", "近", "超过", "逾", "超", "大约", "将近")
# A quoted slogan that opens with a Chinese numeral: “四个意识”, “两个确立”, “一件事一次办”.
_OPEN_QUOTES, _CLOSE_QUOTES = "“\"‘「『", "”\"’」』"
_SLOGAN_TAIL = 6


@dataclass(frozen=True)
class Quantity:
    """One number with its measure word, found at ``start:end`` of the text."""

    start: int
    end: int
    raw: str  # the text as written, e.g. "3 119 件" or "三十七条"
    value: float
    unit: str
    approx: bool = False  # 余/多/约/近 — an approximate figure, never compared exactly
    numeral: str = "arabic"  # arabic | chinese

    @property
    def int_value(self) -> int | None:
        return int(self.value) if float(self.value).is_integer() else None


def normalise_digits(text: str) -> str:
    """Full-width digits → ASCII (same length, so offsets stay valid)."""
    # str.translate is slow on CJK text (a table lookup per character): most texts have none. Ten
    # substring tests cost less than one regex pass ("[０-９]": a set test per character).
    for d in _FULLWIDTH_DIGITS:
        if d in text:
            return text.translate(_FULLWIDTH)
    return text


def parse_arabic(s: str) -> float:
    s = s.replace(",", "").replace(" ", "")
    return float(s)


@lru_cache(maxsize=4096)
def parse_chinese(s: str) -> int | None:
    """"三十七" → 37, "两" → 2, "一百二十" → 120; None when it is not a number (``cn_numbers``)."""
    return cn_to_int(s)


# Characters before an Arabic number that may make it no quantity (an ordinal: 第 with spaces; a
# percentage or a decimal: "%", "."): a number after any other character skips those tests.
_BEFORE_CHECK = frozenset(" 第%％.")


def _approx_before(text: str, start: int, lo: int = 0) -> bool:
    return text[max(lo, start - 3) : start].rstrip().endswith(_APPROX_BEFORE)


def _is_ordinal(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] == _ORDINAL_BEFORE


def _idiom_after(text: str, end: int) -> bool:
    if end < len(text) and text[end] in _AFTER_UNIT_IDIOM:
        return True
    return text.startswith(_TIME_SPANS, end)


def _quoted_slogan(text: str, start: int, end: int, stop: int | None = None) -> bool:
    """True when the numeral opens a short quoted phrase: “四个意识”, “一件事一次办” (the closing
    quote looked for before ``stop``)."""
    if start == 0 or text[start - 1] not in _OPEN_QUOTES:
        return False
    tail = text[end : min(end + _SLOGAN_TAIL + 1, len(text) if stop is None else stop)]
    close = next((i for i, ch in enumerate(tail) if ch in _CLOSE_QUOTES), None)
    return close is not None and not any(ch in "，,。；;：:、" for ch in tail[:close])


def find_quantities(text: str, *, normalised: bool = False) -> list[Quantity]:
    """Every number with a measure word in ``text``, in order of appearance.

    ``normalised``: the text's digits are already ASCII (``normalise_digits``)."""
    if not normalised:
        text = normalise_digits(text)
    return [Quantity(*q) for q in scan_quantities(text, by_sentence=False)]


# (start, end, raw, value, unit, approx, numeral): the fields of a ``Quantity``, as one tuple
QuantityTuple = tuple[int, int, str, float, str, bool, str]
# What ends a sentence (``checking.claims.sentences``).
SENTENCE_ENDS = "。！？!?；;\n"
SENTENCE_END = regex(f"[{SENTENCE_ENDS}]")


def scan_quantities(text: str, *, by_sentence: bool = True) -> list[QuantityTuple]:
    """The quantities of ``text`` (digits normalised) as tuples of a ``Quantity``'s fields, in order.

    ``by_sentence``: exactly ``find_quantities`` of each sentence (a piece of the text up to and
    with a character of ``SENTENCE_END``), offsets in ``text`` — one regex pass over the whole
    text instead of one per sentence. No match can hold a sentence end but a line break (``\\s``),
    and every look around a match stays within its sentence but two: the spaces before an
    approximation word (``\\n`` is a space) and the closing quote of a slogan. So the text is
    scanned line by line and those two looks are held to the number's line and sentence
    (tests/test_claims_one_pass.py checks the result against the per-sentence definition).
    Without ``by_sentence``: ``find_quantities`` of the whole text."""
    if not by_sentence or "\n" not in text:
        return _scan(text, 0, len(text), by_sentence)
    found: list[QuantityTuple] = []
    lo = 0
    for line in text.split("\n"):
        hi = min(lo + len(line) + 1, len(text))  # with its "\n"
        found += _scan(text, lo, hi, True)
        lo = hi
    return found


def _scan(text: str, lo: int, hi: int, by_sentence: bool) -> list[QuantityTuple]:
    """``scan_quantities`` of ``text[lo:hi]`` (a line, or the whole text), offsets in ``text``.

    One pass of ``_NUMBER`` finds the Arabic and the Chinese numbers (``_ARABIC``, ``_CHINESE``) in
    order; every test after is a character look-up (``_approx_before`` inlined for Arabic numbers)."""
    found: list[QuantityTuple] = []
    append = found.append
    ordinals = _ORDINAL_BEFORE in text  # without 第 no number is an ordinal
    n = len(text)
    for m in _NUMBER.finditer(text, lo, hi):
        start, end = m.span()
        if m.lastindex == _ARABIC_LAST:
            if start > lo:
                before = text[start - 1]
                if before in _BEFORE_CHECK and ((ordinals and _is_ordinal(text, start)) or before in "%％."):
                    continue
            if end < n and text[end] in _AFTER_UNIT_FIRST and text.startswith(_AFTER_UNIT, end):
                continue  # ``_idiom_after``
            num = text[start : m.end(1)]
            wan, approx_mark, unit = m.group(3, 4, 5)
            value = parse_arabic(num) if "," in num or " " in num else float(num)
            # ``_approx_before(text, start, lo)``
            approx = approx_mark is not None or text[start - 3 if start - 3 > lo else lo : start].rstrip().endswith(
                _APPROX_BEFORE)
            if wan:
                value *= 10000
                approx = approx or not float(num.replace(",", "")).is_integer()
            append((start, end, text[start:end], value, unit, approx, "arabic"))
            continue
        num = text[start : m.end(6)]
        approx_mark, unit = m.group(7, 8)
        if unit in _CN_SKIP_UNITS or (ordinals and _is_ordinal(text, start)) or _idiom_after(text, end):
            continue
        stop = n
        if by_sentence and start > 0 and text[start - 1] in _OPEN_QUOTES:
            end_m = SENTENCE_END.search(text, end)
            stop = end_m.end() if end_m else n
        if _quoted_slogan(text, start, end, stop):
            continue
        if start > lo and (text[start - 1] in _CN_WORD_BEFORE or text[start - 1] in "（(〔["):
            continue
        parsed = parse_chinese(num)
        if parsed is None:
            continue
        approx = bool(approx_mark) or _approx_before(text, start, lo)
        append((start, end, text[start:end], float(parsed), unit, approx, "chinese"))
    return found


def replace_number(quantity: Quantity, new_value: int) -> str:
    """The quantity's raw text with its number replaced (same numeral style)."""
    raw = quantity.raw
    if quantity.numeral == "chinese":
        m = re.match(r"[" + _CN_DIGITS + r"]+", raw)
        assert m is not None
        return int_to_cn(new_value) + raw[m.end() :]
    m = re.match(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+|\d+(?:\.\d+)?", raw)
    assert m is not None
    return str(new_value) + raw[m.end() :]
