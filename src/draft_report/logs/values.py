"""Cell values of log files: dates, counts and choices, each with a Chinese error naming line and column."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from draft_report.errors import InputError
from draft_report.logs.readers import LogRow

T = TypeVar("T")

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TIME = re.compile(r"(?<=\d)[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def cell_error(path: Path, row: LogRow, column: str, message: str) -> InputError:
    return InputError(message, path=str(path), where=f"第{row.line}行“{column}”列")


def required(path: Path, row: LogRow, column: str) -> Any:
    value = row.get(column)
    if value is None:
        raise cell_error(path, row, column, f"“{column}”不能为空")
    return value


def parse_date(path: Path, row: LogRow, column: str, *, optional: bool = False) -> dt.date | None:
    """2024-01-31, 2024/1/31, 2024.1.31, 2024年1月31日, 20240131, or an Excel date cell."""
    value = row.get(column)
    if value is None:
        if optional:
            return None
        raise cell_error(path, row, column, f"“{column}”不能为空，应为日期，例如 2024-01-31")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    date = date_from_text(text)
    if date is not None:
        return date
    raise cell_error(path, row, column, f"“{text}”不是有效日期，应写成 2024-01-31 的形式")


def date_from_text(value: str) -> dt.date | None:
    """2024-01-31, 2024/1/31, 2024.1.31, 2024年1月31日, 20240131, full-width digits, a trailing
    “0:00” (Excel writes “2025/3/5 0:00” for a date cell saved as CSV); None if not a valid date."""
    text = _TIME.sub("", unicodedata.normalize("NFKC", value).strip())
    m = _DATE.match(text) or _COMPACT.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse_count(path: Path, row: LogRow, column: str) -> int | None:
    """A non-negative integer such as 60 or “60人”; blank → None."""
    value = row.get(column)
    if value is None:
        return None
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, (int, float)) and float(value).is_integer() and value >= 0:
        return int(value)
    text = re.sub(r"[人名次个]$", "", str(value).strip())
    if text.isdigit():
        return int(text)
    raise cell_error(path, row, column, f"“{value}”不是不小于 0 的整数")


def normalize_choice(text: str) -> str:
    """Drop spaces, punctuation and leading numbering so “（三）1.属于国家秘密” ≈ “属于国家秘密”."""
    t = re.sub(r"[\s　·•、，,.。:：;；“”\"'‘’()（）\-—_/]", "", str(text))
    t = re.sub(r"^[一二三四五六七八九十\d]+", "", t)
    return t


def parse_choice(
    path: Path,
    row: LogRow,
    column: str,
    choices: Mapping[str, T],
    allowed_text: str,
    show: Callable[[T], str] | None = None,
) -> T:
    """Look a cell up in ``choices`` (keys normalized with ``normalize_choice``); a value that is
    not one of them gets a “是否应为……？” naming the nearest choice (``show`` spells it out)."""
    value = row.get(column)
    if value is None:
        raise cell_error(path, row, column, f"“{column}”不能为空；{allowed_text}")
    key = normalize_choice(str(value))
    if key in choices:
        return choices[key]
    hint = did_you_mean(str(value), choices, show) if show is not None else ""
    raise cell_error(path, row, column, f"“{value}”不是可用的取值{hint}；{allowed_text}")


MAX_ROW_ERRORS = 20


def parse_each(rows: list[LogRow], path: Path, title: str, parse_one: Callable[[LogRow], T]) -> list[T]:
    """``parse_one`` for every row; all bad rows are reported together (the first 20, then a count)."""
    out: list[T] = []
    bad: list[InputError] = []
    for row in rows:
        try:
            out.append(parse_one(row))
        except InputError as err:
            bad.append(err)
    if len(bad) == 1:
        raise bad[0]
    if bad:
        lines = []
        for one in bad[:MAX_ROW_ERRORS]:
            prefix = f"{one.path}（{one.where}）：" if one.where else f"{one.path}："
            lines.append(f"  {one.where or ''}：{str(one).removeprefix(prefix)}")
        more = f"\n  ……另有 {len(bad) - MAX_ROW_ERRORS} 行有误，未逐一列出" if len(bad) > MAX_ROW_ERRORS else ""
        raise InputError(f"{title}有 {len(bad)} 行填写有误，请逐行改正：\n" + "\n".join(lines) + more, path=str(path))
    return out


def closest_choice(value: str, choices: Mapping[str, T], *, cutoff: float = 0.8) -> tuple[str, T] | None:
    """(matched key, choice) for a slightly misspelt value (“本机关不掌握相关信息”), if only one fits.

    Every key scoring within 0.05 of the best must lead to the same choice; otherwise None.
    """
    key = normalize_choice(value)
    if not key:
        return None
    scored = sorted(
        ((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in choices), reverse=True
    )
    if not scored or scored[0][0] < cutoff:
        return None
    best_score, best_key = scored[0]
    rivals = {choices[k] for score, k in scored if score >= best_score - 0.05}
    if len(rivals) != 1:
        return None
    return best_key, choices[best_key]


def did_you_mean(value: str, choices: Mapping[str, T], show: Callable[[T], str] = str, *, cutoff: float = 0.5) -> str:
    """“；是否应为“（四）无法提供 1.本机关不掌握相关政府信息”？” for a value close to one choice, else "".

    A value contained in (or containing) the keys of exactly one choice counts as close; otherwise
    the best ``difflib`` ratio above ``cutoff`` must point at one choice only."""
    key = normalize_choice(value)
    if not key:
        return ""
    contained = {choices[k] for k in choices if k and (key in k or (len(k) >= 2 and k in key))}
    if len(contained) == 1:
        return f"；是否应为“{show(next(iter(contained)))}”？"
    scored = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in choices), reverse=True)
    if not scored or scored[0][0] < cutoff:
        return ""
    best = scored[0][0]
    rivals = {choices[k] for score, k in scored if score >= best - 0.05}
    if len(rivals) != 1:
        return ""
    return f"；是否应为“{show(next(iter(rivals)))}”？"
