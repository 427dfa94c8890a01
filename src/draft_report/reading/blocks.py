"""The common currency of every reader: a sequence of blocks.

A front end (text, Markdown, HTML) turns its source into ``Block``s: a paragraph line (one
cell) or a table row (a list of cell texts), each with the source line of every cell. The
section finder and the table readers only ever see blocks, so a new format is one new
front end.

Also here: the normalisation used to compare labels and headings (full-width/ASCII,
"1." vs "1、", curly quotes, internal spaces) and the classification of a cell as a
number, a blank, text, or a value that cannot be read.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import field
from functools import lru_cache
from operator import add
from typing import Literal

from draft_report.limits import MAX_NUMBER_DIGITS
from draft_report.reading.traditional import FOLD
from draft_report.records import dataclass
from draft_report.regex_cache import regex

# Whitespace as it appears in copied Word/PDF/web text (NBSP, ideographic space, zero-width).
_SPACES = regex(r"[\s\u00a0\u3000\u200b\ufeff]+")
# Everything that is not a letter, a digit or a CJK character is ignored when comparing labels.
_NOT_KEY = regex(r"[^0-9A-Za-z\u3400-\u9fff]+")
_NUMBER = regex(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
# A value cell that holds something, but not a number we may use: dashes, slashes,
# a number with a unit, digits mixed with letters ("1O").
_PLACEHOLDER = regex(r"^(?:[-‐‑‒–—―－~～/／\\×xX*＊]+|无|空|不适用|[0-9][0-9.,]*\s*(?:件|个|条|项|万元|元|次)|[0-9][0-9A-Za-z.,]*)$")
# What agencies print for "nothing" in a count cell: dashes, a slash, 无. Read as blank with a
# note, never as 0 — the national format asks for 0, and a dash may also mean "not counted".
_DASH = regex(r"^(?:[-‐‑‒–—―－]{1,4}|[/／]|无)$")
# A number written with its unit ("12件", "3.5万元"): the unit must fit the cell (see parse_number).
_WITH_UNIT = regex(r"^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(件|个|条|项|次|宗|起|人次|万元|元)$")
_COUNT_UNITS = frozenset({"件", "个", "条", "项", "次", "宗", "起", "人次"})
CJK = regex(r"[\u3400-\u9fff]")  # one CJK character


# ``_SPACES`` without the characters ``str.split()`` already splits on (``\s`` in a str pattern
# is exactly ``str.isspace``): when none of these is in a text, ``split`` does what ``_SPACES``
# does, at C speed and without a regex step per character.
NOT_SPLIT = ("\u200b", "\ufeff")


def compact(text: str) -> str:
    """The text with every kind of whitespace removed."""
    if text.isalnum():  # letters, digits, CJK only: nothing to remove (the common case of a cell)
        return text
    if NOT_SPLIT[0] in text or NOT_SPLIT[1] in text:
        return _SPACES.sub("", text)
    return "".join(text.split())


def clean(text: str) -> str:
    """Trim surrounding whitespace of every kind and collapse inner runs to one space."""
    if text.isalnum():
        return text
    if NOT_SPLIT[0] in text or NOT_SPLIT[1] in text:
        return _SPACES.sub(" ", text).strip()
    return " ".join(text.split())


# Memoised helpers keep only short strings (labels, cell values), so that the caches stay
# small whatever a hostile report holds.
CACHED_LENGTH = 200


def norm_key(text: str) -> str:
    """Comparison key: NFKC, punctuation and spaces dropped ("（二）部分公开" → "二部分公开"), the
    traditional forms of the labels' characters folded to simplified ("規章" → "规章", ``traditional``).

    Cached for short texts: the same labels recur in every table region and every report."""
    return _norm_key_cached(text) if len(text) <= CACHED_LENGTH else _norm_key(text)


def _norm_key(text: str) -> str:
    t = unicodedata.normalize("NFKC", text)
    if "(" in t and not t.isascii():
        t = _PINYIN.sub("", t)
    return _NOT_KEY.sub("", t).translate(FOLD)


# A pinyin reading in brackets after a character, as some mirror sites print them in converted
# pages ("規(guī)章", "主動(dòng)"): letters with at least one tone mark. Dropped from the key (the
# reading is no part of the label; a bracketed Latin word without a tone mark is kept).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = regex(rf"\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")


_norm_key_cached = lru_cache(maxsize=4096)(_norm_key)


def _is_digits(text: str) -> bool:
    """Only ASCII digits (the common value cell): NFKC and whitespace removal leave it as is."""
    return text.isdigit() and text.isascii()


def bigrams(key: str) -> frozenset[str]:
    if len(key) < 2:
        return frozenset({key}) if key else frozenset()
    return frozenset(map(add, key, key[1:]))  # key[i] + key[i + 1] for every i


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


CellKind = Literal["number", "numbers", "blank", "bad", "text"]


def classify_cell(text: str) -> CellKind:
    """What a table cell holds: a number, nothing, an unusable value, or label text (cached
    for short cells: the same labels and values recur in every table)."""
    if _is_digits(text):
        return "number"
    return _classify_cached(text) if len(text) <= CACHED_LENGTH else _classify(text)


def _classify(text: str) -> CellKind:
    n = unicodedata.normalize("NFKC", text)
    t = compact(n)
    if not t:
        return "blank"
    tokens = n.split()
    if len(tokens) > 1 and all(_NUMBER.match(x) for x in tokens):
        return "numbers"  # "10 1": values whose cell boundary was lost — or "3 119"; never one number
    if _NUMBER.match(t) or _WITH_UNIT.match(t):
        return "number"
    if _PLACEHOLDER.match(t) or not has_cjk(t):
        return "bad"  # something other than a label where a value belongs ("x?", "N/A", "—")
    return "text"


_classify_cached = lru_cache(maxsize=8192)(_classify)


def classify_cells(cells: list[str]) -> list[CellKind]:
    """``classify_cell`` of every cell of a row; short cells through the cache in one ``map``
    (a plain count is classified as the cache classifies it: "number")."""
    if len("".join(cells)) <= CACHED_LENGTH:
        return list(map(_classify_cached, cells))
    return [classify_cell(c) for c in cells]


# A signed whole number ("-8", "+3"): the 2019 format's “本年增/减” column; elsewhere it is an
# unusable value (a negative count), never part of a label.
SIGNED = regex(r"^[+\-−－]\d+$")


def is_value_token(token: str) -> bool:
    """A whitespace-separated token of a text line that stands for a value (a number, a dash)."""
    if _is_digits(token):
        return True  # the common value: a plain number
    t = compact(unicodedata.normalize("NFKC", token))
    return bool(t) and _VALUE_TOKEN.match(t) is not None


# One alternation of the four value patterns (each anchored): it matches where one of them does.
_VALUE_TOKEN = regex("|".join(f"(?:{p.pattern})" for p in (_NUMBER, _WITH_UNIT, _PLACEHOLDER, SIGNED)))


def is_dash(text: str) -> bool:
    """A cell printed as "—", "-", "/" or "无": nothing was written, read as blank (not 0)."""
    if _is_digits(text):
        return False
    return _DASH.match(compact(unicodedata.normalize("NFKC", text))) is not None


def parse_number(text: str, *, decimal: bool) -> int | float | None:
    """The value of a number cell, or None when it is not usable for this cell.

    A unit after the number is accepted when it fits the cell: a count unit (件, 条 …) in a
    count cell, 万元 in the fee cell (万元); "5000元" in a 万元 cell is not converted."""
    if _is_digits(text):
        return int(text) if len(text) <= MAX_NUMBER_DIGITS else None
    t = compact(unicodedata.normalize("NFKC", text))
    unit = _WITH_UNIT.match(t)
    if unit is not None:
        t = unit.group(1)
        if (unit.group(2) == "万元") != decimal or unit.group(2) == "元":
            return None
    t = t.replace(",", "")
    if not _NUMBER.match(t):
        return None
    if sum(ch.isdigit() for ch in t) > MAX_NUMBER_DIGITS:  # 10^400 is no count: not a usable value
        return None
    if "." in t:
        if not decimal:
            return None
        return float(t)
    return int(t)


@dataclass(slots=True)
class Block:
    """One paragraph line or one table row of the source."""

    line: int  # 1-based source line of the first cell
    cells: list[str]
    cell_lines: list[int]
    raw: str  # the source text of the block, for quoting
    kind: Literal["para", "row"] = "para"
    md_level: int = 0  # Markdown heading level (1..6); 0 when not a Markdown heading
    joinable: bool = False  # a wrapped text line that may continue the previous paragraph
    extra_lines: Sequence[int] = ()  # lines that continue the last cell (one-cell-per-line tables)
    _key: str | None = field(default=None, repr=False, compare=False)
    # the paragraph, or the row's cells joined: set as the block is made (a front end that changes
    # a row's cells after making it sets it again)
    text: str = field(default="", repr=False, compare=False)
    # ``clean(raw)`` when the front end has it at hand (a plain text report's line), else None
    clean_raw: str | None = field(default=None, repr=False, compare=False)

    def __init__(self, line: int, cells: list[str], cell_lines: list[int], raw: str,
                 kind: Literal["para", "row"] = "para", md_level: int = 0, joinable: bool = False,
                 extra_lines: Sequence[int] = (), _key: str | None = None, text: str | None = None,
                 clean_raw: str | None = None) -> None:
        # written out (not a generated ``__init__``): a report makes a block per line
        self.line = line
        self.cells = cells
        self.cell_lines = cell_lines
        self.raw = raw
        self.kind = kind
        self.md_level = md_level
        self.joinable = joinable
        self.extra_lines = extra_lines  # (no list of its own per block: most have none)
        self._key = _key
        if text is None:
            text = "".join(cells) if kind == "row" else (cells[0] if cells else "")
        self.text = text
        self.clean_raw = clean_raw

    @property
    def key(self) -> str:
        """``compact(text)``, computed once (the table readers test every block's text)."""
        if self._key is None:
            self._key = compact(self.text)
        return self._key


def para(line: int, text: str, raw: str | None = None, *, md_level: int = 0) -> Block:
    return Block(line=line, cells=[text], cell_lines=[line], raw=raw if raw is not None else text,
                 md_level=md_level)


def row(cells: list[str], cell_lines: list[int], raw: str) -> Block:
    return Block(line=cell_lines[0] if cell_lines else 0, cells=cells, cell_lines=cell_lines, raw=raw,
                 kind="row")
