"""Chinese numerals ↔ integers, for report prose: “三十七” → 37, “两百” → 200, 120 → “一百二十”.

Written here rather than calling cn2an: the checker meets a Chinese numeral in most reports
(“一项”, “两个”), and importing cn2an costs ≈ 76 ms of a cold ``check`` (its regex tables), while
these two functions are a few dozen lines. They agree with cn2an's ``cn2an(s, "smart")`` and
``an2cn(n)`` on every integer 0…100 000 (tests/test_cn_numbers.py) and return None on what is not
a well-formed numeral (“十百”, “万”).
"""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}
_NAMES = "零一二三四五六七八九"


def _section(s: str) -> int | None:
    """A numeral below 10 000 (“三千零五十”); None when malformed."""
    total = 0
    number: int | None = None
    last_unit = 10_000
    zero = False
    for ch in s:
        if ch in _DIGITS:
            d = _DIGITS[ch]
            if d == 0:
                if number is not None:
                    return None
                zero = True
                continue
            if number is not None:
                return None  # two digits in a row: 三四
            number = d
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:
                return None
            if number is None:
                if total or zero:  # 一百零十 is not a numeral; a leading 十 is 10
                    return None
                number = 1
            total += number * unit
            last_unit, number, zero = unit, None, False
        else:
            return None
    if number is not None:
        total += number
    return total


def cn_to_int(s: str) -> int | None:
    """The value of a Chinese numeral, or None when it is not one."""
    if not s:
        return None
    if len(s) > 1 and all(ch in _DIGITS and ch != "两" for ch in s):  # 二〇二三: digit by digit
        return int("".join(str(_DIGITS[ch]) for ch in s))
    if s in ("万", "亿", "千", "百"):
        return None
    total = 0
    rest = s
    for big in ("亿", "万"):
        if big in rest:
            head, _, rest = rest.partition(big)
            if big in rest or not head:
                return None
            value = cn_to_int(head) if big == "亿" else _section(head)
            if value is None:
                return None
            total += value * _BIG[big]
    if rest:
        if rest[0] in ("零", "〇"):
            rest = rest[1:]
        tail = _section(rest) if rest else 0
        if tail is None:
            return None
        total += tail
    return total


def _section_cn(n: int) -> str:
    out: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_NAMES[d] + name)
    return "".join(out)


def int_to_cn(n: int) -> str:
    """“一百二十” for 120, “十二” for 12, “一万零五” for 10005 (as cn2an's ``an2cn``)."""
    if n == 0:
        return "零"
    if n < 0:
        return "负" + int_to_cn(-n)
    parts: list[str] = []
    groups = []
    while n:
        groups.append(n % 10_000)
        n //= 10_000
    names = ["", "万", "亿", "万亿"]
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(parts)
            continue
        if parts and (need_zero or g < 1000):
            parts.append("零")
        parts.append(_section_cn(g) + names[i])
        need_zero = False
    text = "".join(parts)
    if text.startswith("一十"):
        text = text[1:]
    return text
