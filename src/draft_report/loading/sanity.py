"""Checks on a parsed data file before anything else reads it: nesting depth, number size and
invisible control characters (which no Word file can hold, so they are refused up front instead
of failing after half the outputs are written).

One iterative walk (``walk``) serves every check of a parsed data file (also ``loading.guards``),
so a hostile file nested thousands deep cannot exhaust the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from draft_report.errors import InputError
from draft_report.limits import MAX_DATA_VALUES, MAX_NESTING_DEPTH, MAX_NUMBER_DIGITS, exceeded
from draft_report.textfiles import XML_UNSAFE

FORBIDDEN_CHARS = XML_UNSAFE

# loc → a YAML/JSON line (int), a workbook cell (“表三!E12”) or None
Where = Callable[[tuple[Any, ...]], "int | str | None"]


def field_path(loc: tuple[Any, ...]) -> str:
    """A location in the parsed data as users read it: ``problems[2].rectification``."""
    return ".".join(f"[{p + 1}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


def place(loc: tuple[Any, ...], where: Where | None) -> str | None:
    """Where a value is, as users read it: ``第12行，字段 problems[2]`` for a YAML/JSON line,
    the workbook cell (“表三!E12”) when ``where`` gives one, else the field path alone."""
    at = where(loc) if where is not None and loc else None
    if isinstance(at, str):
        return at
    path = field_path(loc)
    if isinstance(at, int) and at:
        return f"第{at}行，字段 {path}"
    return f"字段 {path}" if path else None


def walk(value: Any, path: Path) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every value of a parsed data file with its location, in document order. Iterative (a file
    nested thousands deep cannot exhaust the stack); a container shared through YAML aliases is
    visited once; nesting deeper than ``MAX_NESTING_DEPTH`` is refused."""
    stack: list[tuple[tuple[Any, ...], Any]] = [((), value)]
    seen: set[int] = set()
    while stack:
        loc, item = stack.pop()
        if isinstance(item, (dict, list)):
            if id(item) in seen:
                continue
            seen.add(id(item))
        if len(loc) > MAX_NESTING_DEPTH:
            raise exceeded(
                "数据文件的嵌套层数", MAX_NESTING_DEPTH, unit="层", path=str(path),
                hint="数据文件的层级通常不超过 5 层，请检查缩进或括号",
            )
        yield loc, item
        if isinstance(item, dict):
            stack.extend((loc + (key,), child) for key, child in reversed(list(item.items())))
        elif isinstance(item, list):
            stack.extend((loc + (i,), item[i]) for i in range(len(item) - 1, -1, -1))


def char_name(ch: str) -> str:
    names = {"\x00": "空字符 NUL", "\x1b": "转义符 ESC", "\x7f": "删除符 DEL", "\ufffe": "非字符", "\uffff": "非字符"}
    return f"U+{ord(ch):04X}" + (f"，{names[ch]}" if ch in names else "")


def check_data_values(value: Any, path: Path, where: Where | None = None) -> None:
    """Raise ``InputError`` (exit 2) naming the field for: nesting deeper than
    ``MAX_NESTING_DEPTH``, an integer longer than ``MAX_NUMBER_DIGITS`` digits, or a text (or
    field name) holding an invisible control character."""
    _check_expanded_size(value, path)
    for loc, item in walk(value, path):
        if isinstance(item, dict):
            for key in item:
                if isinstance(key, str):
                    _check_text(key, loc + (key,), path, where, is_key=True)
        elif isinstance(item, str):
            _check_text(item, loc, path, where)
        elif isinstance(item, int) and not isinstance(item, bool):
            _check_int(item, loc, path, where)


def _check_expanded_size(value: Any, path: Path) -> None:
    """Refuse a file whose YAML aliases (``*name``) expand to more than ``MAX_DATA_VALUES`` values
    (“billion laughs”): every later reader would walk the expanded tree. Sizes are memoised per
    shared object, so this costs one visit per distinct list or map."""
    def too_many() -> InputError:
        return exceeded(
            "数据文件（展开别名“*名称”后）的取值个数", MAX_DATA_VALUES, unit="个", path=str(path),
            hint="数据文件通常只有几百个取值；别名层层引用会成倍展开（“YAML 炸弹”），请不要使用别名",
        )

    sizes: dict[int, int] = {}
    order: list[Any] = []
    stack = [value]
    while stack:  # containers in an order where children come after their parents
        item = stack.pop()
        if isinstance(item, (dict, list)) and id(item) not in sizes:
            sizes[id(item)] = 0
            order.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
            if len(order) > MAX_DATA_VALUES:
                raise too_many()
    for item in reversed(order):  # children first
        children = item.values() if isinstance(item, dict) else item
        total = 1 + sum(sizes.get(id(c), 1) if isinstance(c, (dict, list)) else 1 for c in children)
        sizes[id(item)] = total
        if total > MAX_DATA_VALUES:
            raise too_many()


def _check_text(text: str, loc: tuple[Any, ...], path: Path, where: Where | None, *, is_key: bool = False) -> None:
    m = FORBIDDEN_CHARS.search(text)
    if m is None:
        return
    before = text[max(0, m.start() - 12) : m.start()]
    context = f"（位于“{FORBIDDEN_CHARS.sub('', before)}”之后）" if before.strip() else ""
    what = "字段名" if is_key else "内容"
    raise InputError(
        f"{what}中有不可见的控制字符（{char_name(m.group())}）{context}；"
        "这类字符无法写入 Word 等文件，常因从网页或其他软件复制而来，请删除后重试",
        path=str(path),
        where=place(loc, where),
    )


def _check_int(value: int, loc: tuple[Any, ...], path: Path, where: Where | None) -> None:
    if -(10**MAX_NUMBER_DIGITS) < value < 10**MAX_NUMBER_DIGITS:
        return
    raise exceeded(
        "数字的位数", MAX_NUMBER_DIGITS, unit="位", path=str(path), where=place(loc, where),
        hint="件数、金额不会有这么多位，请检查是否多输入了数字",
    )


__all__ = ["FORBIDDEN_CHARS", "Where", "char_name", "check_data_values", "field_path", "place", "walk"]
