"""Approximate figures as ranges: “40余条” → 40…50, “近百条” → 80…100, “约300件” → 285…315.

The vocabulary (after Microsoft Recognizers-Text's Chinese number ranges): a suffix 余/多 or
a prefix 超过/逾/超 means “at least N, below the next step of N's last digit” (40余 → [40, 50],
5500余 → [5500, 5600]); 以上 after the number, at least N; 近/将近/接近 and 不到/不足/以下, at most N and
not far below (0.8·N); 约/大约/左右, around N (half a step or 5 %, whichever is larger). The
bound that equals N is the stated side (“40余条” for 37 is plainly wrong); the other bound is fuzzy.
"""

from __future__ import annotations

import math

_AT_LEAST_BEFORE = ("超过", "逾", "超")
_AT_MOST_BEFORE = ("将近", "接近", "近", "不到", "不足", "少于")
_AROUND_BEFORE = ("大约", "约")
_AT_LEAST_AFTER = ("以上",)
_AT_MOST_AFTER = ("以下", "以内")
_AROUND_AFTER = ("左右",)
APPROX_SUFFIX = "余多"


def _step(value: float) -> float:
    """The place value of the last non-zero digit of an integer: 40 → 10, 5500 → 100, 37 → 1."""
    if value <= 0 or not float(value).is_integer():
        return 1.0
    n = int(value)
    step = 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


def approx_word(before: str, raw: str, after: str) -> str | None:
    """The approximation word of a number: its suffix in ``raw`` (余/多), a prefix ending
    ``before``, or a suffix starting ``after``; None for an exact figure."""
    for ch in APPROX_SUFFIX:
        if ch in raw:
            return ch
    head = before.rstrip()
    for w in _AT_LEAST_BEFORE + _AT_MOST_BEFORE + _AROUND_BEFORE:
        if head.endswith(w):
            return w
    for w in _AT_LEAST_AFTER + _AT_MOST_AFTER + _AROUND_AFTER:
        if after.startswith(w):
            return w
    return None


def approx_range(value: float, word: str) -> tuple[int | float, float]:
    """The inclusive range a figure ``value`` with approximation ``word`` stands for (the low end of an
    at-most word is ``math.floor``'s int: compiled code must not turn it into a float)."""
    step = _step(value)
    if word in APPROX_SUFFIX:
        return value, value + step
    if word in _AT_LEAST_BEFORE or word in _AT_LEAST_AFTER:
        return value, math.inf
    if word in _AT_MOST_BEFORE or word in _AT_MOST_AFTER:
        return math.floor(value * 0.8), value
    half = max(step / 2, 0.05 * value)
    return value - half, value + half
