"""The character-set step of the standard regex compiler, without a loop per code point.

``re._compiler._optimize_charset`` turns a character class into the engine's representation. For a
class holding a character beyond Latin-1 (any Chinese character or punctuation) it fills a
65,536-entry map one code point at a time (a range like ``[\\u3400-\\u9fff]`` is some 27,000
steps, done twice), then cuts the map into 256 chunks in a Python loop. Most of the package's
patterns have such classes (``[。：:]``, ``[一二三四五六七八九十]``): compiling them was most of
what compiling the package's patterns costs, which a ``check`` without a regex cache (the first run
after installing, a cache directory that cannot be written) pays on every run.

``optimize_charset`` computes the very same result from the class's spans: merged intervals give
the runs, only the chunks a span touches are built, every other chunk is the zero chunk, and
chunks are numbered in the same order (first appearance from code point 0 up). A class under
``IGNORECASE`` (case folding per code point) is handed to the standard function. The standard
function is the same in CPython 3.10 to 3.13; ``tests/test_regex_charset.py`` compares both on
every pattern of the package and on random classes. ``code`` puts it in place while one of the
package's own patterns is compiled (``regex_cache``), and only then.
"""

from __future__ import annotations

from typing import Any

try:
    from re import _compiler  # type: ignore[attr-defined]  # (3.11+; mypy checks as 3.10)
    from re._constants import BIGCHARSET, CHARSET, LITERAL, NEGATE, RANGE  # type: ignore[import-not-found]

    STANDARD: Any = _compiler._optimize_charset
except (ImportError, AttributeError):  # pragma: no cover - older or other interpreters
    _compiler = None
    STANDARD = None

_ZERO = bytes(256)
_BMP_END = 0x10000


def optimize_charset(charset: list[tuple[Any, Any]], iscased: Any = None, fixup: Any = None,
                     fixes: Any = None) -> tuple[list[tuple[Any, Any]], bool]:
    """What ``re._compiler._optimize_charset(charset, iscased, fixup, fixes)`` returns."""
    if fixup:  # case-insensitive: folded code point by code point, as the standard does
        return STANDARD(charset, iscased, fixup, fixes)  # type: ignore[no-any-return]
    out: list[tuple[Any, Any]] = []
    tail: list[tuple[Any, Any]] = []
    spans: list[tuple[int, int]] = []
    size = 256  # the standard's map grows to the whole BMP once a code point beyond Latin-1 appears
    for op, av in charset:
        if op is LITERAL:
            lo = hi = av
        elif op is RANGE:
            lo, hi = av
        else:
            (out if op is NEGATE else tail).append((op, av))
            continue
        if hi >= 256:
            size = _BMP_END
        if hi >= _BMP_END:  # beyond the BMP: kept as it is (its BMP part still goes in the map)
            tail.append((op, av))
            hi = _BMP_END - 1
        if lo <= hi:
            spans.append((lo, hi))
    runs: list[list[int]] = []
    for lo, hi in sorted(spans):
        if runs and lo <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], hi)
        else:
            runs.append([lo, hi])
    if len(runs) <= 2:  # literals and ranges
        out.extend((LITERAL, lo) if lo == hi else (RANGE, (lo, hi)) for lo, hi in runs)
        out += tail
        return (out if len(out) < len(charset) else charset), False
    if size == 256:
        charmap = bytearray(256)
        for lo, hi in runs:
            charmap[lo:hi + 1] = b"\x01" * (hi + 1 - lo)
        out.append((CHARSET, _compiler._mk_bitmap(charmap)))
    else:
        out.append((BIGCHARSET, _big_charset(runs)))
    out += tail
    return out, False


def _big_charset(runs: list[list[int]]) -> list[int]:
    """The BIGCHARSET words: the number of distinct chunks, the chunk number of each of the 256
    chunks of the BMP, the chunks' bitmaps (chunks numbered in order of first appearance)."""
    touched: dict[int, bytearray] = {}
    for lo, hi in runs:
        for index in range(lo >> 8, (hi >> 8) + 1):
            chunk = touched.get(index)
            if chunk is None:
                chunk = touched[index] = bytearray(256)
            base = index << 8
            start, end = max(lo, base) - base, min(hi, base + 255) - base
            chunk[start:end + 1] = b"\x01" * (end + 1 - start)
    numbers: dict[bytes, int] = {}
    data = bytearray()
    first_zero = next((i for i in range(256) if i not in touched), None)
    mapping = bytearray(256)
    order = sorted(touched)
    if first_zero is not None:
        order.append(first_zero)
        order.sort()
    for index in order:
        bits = bytes(touched[index]) if index in touched else _ZERO
        number = numbers.get(bits)
        if number is None:
            number = numbers[bits] = len(numbers)
            data += bits
        mapping[index] = number
    if first_zero is not None:
        zero_number = numbers[_ZERO]
        for index in range(256):
            if index not in touched:
                mapping[index] = zero_number
    words: list[int] = _compiler._mk_bitmap(data)
    words[0:0] = [len(numbers), *_compiler._bytes_to_codes(mapping)]
    return words


def code(parsed: Any, flags: int) -> list[int]:
    """``re._compiler._code(parsed, flags)`` with ``optimize_charset`` in place of the standard
    step for the time of the call (the same program; another thread compiling meanwhile gets the
    same results too)."""
    _compiler._optimize_charset = optimize_charset
    try:
        return _compiler._code(parsed, flags)  # type: ignore[no-any-return]
    finally:
        _compiler._optimize_charset = STANDARD
