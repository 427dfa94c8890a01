"""Forgiving reading of numbers and dates typed by hand into the data file.

Staff type “１２” (full-width), “12件”, “三十五”, “1,286” or “2026年1月20日”. Each of these has one
meaning, so the loader accepts it and says what it read (a notice naming the line and field);
anything still ambiguous is left for the model validation to reject with its Chinese message.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from draft_report.logs.values import date_from_text

# numeric fields outside the tables: (section, field) and list items (section, list, field)
_NUMBER_FIELDS: dict[str, tuple[str, ...]] = {
    "fees": ("notices_issued", "notices_amount_yuan", "collected_yuan", "notices_paid"),
}
_LIST_NUMBER_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("activity", "publications"): ("count",),
    ("activity", "events"): ("count", "participants"),
}
_TABLES = ("table2", "table3", "table4")

_UNIT = re.compile(r"(?:万元|元|件|条|次|个|人次|人|场|期|篇|项)$")
_CN_NUMERAL = re.compile(r"^[零〇一二两三四五六七八九十百千万]+$")

LineOf = Callable[[tuple[Any, ...]], "int | str | None"]


_MONEY_UNITS = ("万元", "元")


def read_number(value: str, field: str = "") -> int | float | None:
    """The number a hand-typed cell means, or None when it is not unambiguously one number.

    ``field`` is the field name: a money unit is converted to the field's own unit (“35000元”
    in ``amount_wan`` is 3.5 万元) and is not accepted in a count field."""
    text = unicodedata.normalize("NFKC", value).strip().replace(" ", "")
    unit_match = _UNIT.search(text)
    unit = unit_match.group(0) if unit_match else ""
    text = _UNIT.sub("", text)
    number = _plain_number(text)
    if number is None or not unit:
        return number
    money_field = field.endswith(("_wan", "_yuan"))
    if (unit in _MONEY_UNITS) != money_field:
        return None
    if field.endswith("_wan") and unit == "元":
        converted = number / 10000
    elif field.endswith("_yuan") and unit == "万元":
        converted = number * 10000
    else:
        return number
    return int(converted) if float(converted).is_integer() else converted


def _plain_number(text: str) -> int | float | None:
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", text):
        text = text.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    if _CN_NUMERAL.fullmatch(text):
        import cn2an  # only for a count written in Chinese numerals (≈ 0.3 s to import)

        try:
            number = cn2an.cn2an(text.replace("两", "二"), "strict")
        except (ValueError, KeyError):
            return None
        return int(number) if float(number).is_integer() else None
    return None


def read_date(value: str) -> dt.date | None:
    """2026/1/20, 2026.1.20, 2026年1月20日 (also with full-width digits) → a date."""
    return date_from_text(value)


def _describe(loc: tuple[Any, ...], line_of: LineOf | None) -> str:
    path = ".".join(f"[{p + 1}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
    line = line_of(loc) if line_of else None
    if isinstance(line, str):  # a workbook cell such as 表二!B5
        return line
    return f"第{line}行 {path}" if line else path


# lists where an empty item (“- ” with nothing after it) is a left-over bullet, not data
_TOP_LISTS = ("problems", "measures", "previous_problems")
_NESTED_LISTS = {
    "notes": ("lead", "proactive", "on_request", "management", "platforms", "supervision"),
    "other_matters": ("other",),
    "activity": ("publications", "events"),
}


def _drop_empty_items(raw: dict[str, Any]) -> dict[tuple[str, ...], list[int]]:
    """Drop empty items in place; return, per list that lost any, the original index of each kept item."""
    kept_at: dict[tuple[str, ...], list[int]] = {}

    def clean(container: dict[str, Any], key: str, where: tuple[str, ...]) -> None:
        items = container.get(key)
        if not isinstance(items, list):
            return
        kept = [i for i, v in enumerate(items) if not (v is None or (isinstance(v, str) and not v.strip()))]
        if len(kept) != len(items):
            container[key] = [items[i] for i in kept]
            kept_at[where] = kept

    for key in _TOP_LISTS:
        clean(raw, key, (key,))
    for section, keys in _NESTED_LISTS.items():
        block = raw.get(section)
        if isinstance(block, dict):
            for key in keys:
                clean(block, key, (section, key))
    return kept_at


# lists of sentences (not of records): an item “要点: 内容” was meant as one sentence
_TEXT_LISTS: tuple[tuple[str, ...], ...] = (
    ("problems",),
    ("measures",),
    ("other_matters", "other"),
    *(("notes", k) for k in _NESTED_LISTS["notes"]),
)


def _text_list_containers(raw: dict[str, Any]) -> list[tuple[tuple[str, ...], dict[str, Any]]]:
    out = []
    for where in _TEXT_LISTS:
        container: Any = raw
        for part in where[:-1]:
            container = container.get(part) if isinstance(container, dict) else None
        if isinstance(container, dict) and where[-1] in container:
            out.append((where, container))
    return out


def _single_text_as_list(raw: dict[str, Any]) -> None:
    """“lead: 调整了领导小组” (one sentence without “- ”) is a list of one sentence."""
    for where, container in _text_list_containers(raw):
        value = container[where[-1]]
        if isinstance(value, str):
            container[where[-1]] = [line.strip() for line in value.splitlines() if line.strip()]


def _colon_items(raw: dict[str, Any], line_of: LineOf | None) -> list[str]:
    """“- 强化组织领导: 局党组……” reads in YAML as a one-key mapping; join it back into the sentence."""
    notices: list[str] = []
    for where, container in _text_list_containers(raw):
        items = container.get(where[-1])
        if not isinstance(items, list):
            continue
        for i, item in enumerate(items):
            if isinstance(item, dict) and len(item) == 1:
                (key, value), = item.items()
                if isinstance(key, str) and isinstance(value, (str, int, float)):
                    items[i] = f"{key}：{value}"
                    notices.append(
                        f"数据文件{_describe((*where, i), line_of)}：“{key}: {value}”中的英文冒号加空格会被当作“名称: 值”，"
                        f"已按一句话“{items[i]}”读取；要点中的冒号请用中文“：”"
                    )
    return notices


def _original_loc(loc: tuple[Any, ...], kept_at: dict[tuple[str, ...], list[int]]) -> tuple[Any, ...]:
    """A validation location after empty items were dropped → the location in the file."""
    for where, kept in kept_at.items():
        n = len(where)
        if loc[:n] == where and len(loc) > n and isinstance(loc[n], int) and loc[n] < len(kept):
            return (*where, kept[loc[n]], *loc[n + 1 :])
    return loc


def normalize_raw(raw: dict[str, Any], line_of: LineOf | None = None) -> tuple[list[str], LineOf | None]:
    """Rewrite, in place, hand-typed numbers and dates that have one meaning.

    Empty list items (a bullet “- ” left with nothing after it) are dropped silently. Returns the
    notices and a ``line_of`` for validation locations of the rewritten data (items counted as in
    the file).
    """
    notices: list[str] = []

    def fix_number(container: dict[str, Any], key: str, loc: tuple[Any, ...]) -> None:
        value = container.get(key)
        if not isinstance(value, str):
            return
        number = read_number(value, key)
        if number is None:
            return
        container[key] = number
        unit = " 万元" if key.endswith("_wan") else " 元" if key.endswith("_yuan") else ""
        notices.append(f"数据文件{_describe(loc, line_of)}：“{value}”按 {number}{unit} 读取")

    for table in _TABLES:
        rows = raw.get(table)
        if not isinstance(rows, dict):
            continue
        for row_id, row in rows.items():
            if isinstance(row, dict):
                for col in list(row):
                    fix_number(row, col, (table, row_id, col))
    for section, names in _NUMBER_FIELDS.items():
        block = raw.get(section)
        if isinstance(block, dict):
            for name in names:
                fix_number(block, name, (section, name))
    for (section, listname), names in _LIST_NUMBER_FIELDS.items():
        block = raw.get(section)
        items = block.get(listname) if isinstance(block, dict) else None
        if isinstance(items, list):
            for i, item in enumerate(items):
                if isinstance(item, dict):
                    for name in names:
                        fix_number(item, name, (section, listname, i, name))
    _single_text_as_list(raw)
    notices.extend(_colon_items(raw, line_of))
    kept_at = _drop_empty_items(raw)
    if isinstance(raw.get("year"), str):
        text = unicodedata.normalize("NFKC", raw["year"]).strip().removesuffix("年度").removesuffix("年")
        if re.fullmatch(r"\d{4}", text):
            notices.append(f"数据文件{_describe(('year',), line_of)}：“{raw['year']}”按 {text} 读取")
            raw["year"] = int(text)
    value = raw.get("publication_date")
    if isinstance(value, str):
        date = read_date(value)
        if date is not None:
            raw["publication_date"] = date
            notices.append(
                f"数据文件{_describe(('publication_date',), line_of)}：“{value}”按 {date.isoformat()} 读取"
            )
    if not kept_at or line_of is None:
        return notices, line_of
    file_line_of = line_of

    def remapped(loc: tuple[Any, ...]) -> int | str | None:
        return file_line_of(_original_loc(loc, kept_at))

    return notices, remapped
