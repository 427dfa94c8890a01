"""Read the data file (YAML or JSON) into plain Python values, with line numbers for YAML.

YAML is parsed once, with libyaml (``CSafeLoader``) when PyYAML was built with it; the node tree
for line numbers is composed only when a message or notice needs a line. A key given twice in
one mapping (two ``problems:``) is refused naming both lines instead of silently keeping the last.
The workbook form (data.xlsx) is read by ``draft_report.workbook``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from draft_report.errors import InputError
from draft_report.limits import MAX_DATA_FILE_BYTES, MAX_NESTING_DEPTH, MAX_NUMBER_DIGITS, exceeded
from draft_report.loading.sanity import check_data_values
from draft_report.loading.syntax_messages import json_problem_text, yaml_problem_text
from draft_report.textfiles import read_text_file

DATA_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")
DEFAULT_NAMES = ("data.yaml", "data.yml", "data.json", "data.xlsx")
WORKBOOK_SUFFIXES = (".xlsx",)

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(yaml.YAMLError):
    def __init__(self, key: str, first: int, second: int) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


class DataLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe loading (libyaml's parser when available) that refuses a key given twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    raise DuplicateKeyError(key_node.value, seen[key_node.value], line)
                seen[key_node.value] = line
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]

def resolve_data_path(path: Path) -> Path:
    """A data file, or a folder holding data.yaml / data.yml / data.json."""
    if path.is_dir():
        found = [path / name for name in DEFAULT_NAMES if (path / name).is_file()]
        if len(found) > 1:
            names = "、".join(p.name for p in found)
            raise InputError(
                f"文件夹中同时有 {names}，不能确定以哪一个为准；请直接指定数据文件"
                f"（例如 {found[0]}），或把不再使用的那个移出文件夹",
                path=str(path),
            )
        if found:
            return found[0]
        raise InputError(f"文件夹中没有数据文件（应有 {' 或 '.join(DEFAULT_NAMES)}）", path=str(path))
    if not path.exists():
        raise InputError("数据文件不存在", path=str(path))
    if path.suffix.lower() not in DATA_SUFFIXES:
        hint = "；旧版 .xls 请在 Excel 中另存为 .xlsx" if path.suffix.lower() == ".xls" else ""
        raise InputError(
            f"数据文件应为 Excel 工作簿（.xlsx）、YAML（.yaml/.yml）或 JSON（.json），实际扩展名为“{path.suffix}”{hint}",
            path=str(path),
        )
    return path


def read_text(path: Path) -> str:
    """The decoded text of the data file (policy: ``draft_report.textfiles``)."""
    return read_text_file(
        path,
        what="数据文件",
        hint="数据文件应为 UTF-8 编码的 YAML 或 JSON 文本",
        empty_hint="（至少需要 agency 和 year）",
        max_bytes=MAX_DATA_FILE_BYTES,
    )


def _yaml_message(exc: yaml.YAMLError, text: str = "") -> tuple[str, str | None]:
    mark = getattr(exc, "problem_mark", None)
    problem = (getattr(exc, "problem", None) or str(exc)).strip()
    where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark is not None else None
    position = getattr(exc, "position", None)  # a ReaderError (a control character) has a position only
    if where is None and isinstance(position, int) and text:
        where = f"第{text.count(chr(10), 0, position) + 1}行"
    return f"YAML 语法错误：{yaml_problem_text(problem)}", where


def _too_deep(path: Path) -> InputError:
    return exceeded(
        "数据文件的嵌套层数", MAX_NESTING_DEPTH, unit="层", path=str(path),
        hint="数据文件的层级通常不超过 5 层，请检查缩进或括号",
    )


def _long_number(path: Path, where: str | None = None) -> InputError:
    return exceeded(
        "数字的位数", MAX_NUMBER_DIGITS, unit="位", path=str(path), where=where,
        hint="件数、金额不会有这么多位，请检查是否多输入了数字",
    )


_DIGITS = re.compile(r"[-+]?[0-9_,]+(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")


def parse_data_text(text: str, path: Path) -> Any:
    """The parsed value (YAML parsed once; see ``line_finder`` for line numbers)."""
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"JSON 语法错误：{json_problem_text(exc.msg)}", path=str(path), where=f"第{exc.lineno}行第{exc.colno}列"
            ) from None
        except RecursionError:
            raise _too_deep(path) from None
        except ValueError:  # an integer of thousands of digits (Python's int-string limit)
            raise _long_number(path) from None
    _full_width_colon(text, path)
    try:
        return yaml.load(text, Loader=DataLoader)  # noqa: S506 - DataLoader is a safe loader
    except DuplicateKeyError as exc:
        raise InputError(
            f"“{exc.key}”在同一层出现了两次（第{exc.first}行和第{exc.second}行），后一个会覆盖前一个；"
            "请合并为一处",
            path=str(path),
            where=f"第{exc.second}行",
        ) from None
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # libyaml's own cap (1,000 levels)
            raise _too_deep(path) from None
        message, where = _yaml_message(_pure_python_error(text) or exc, text)
        raise InputError(message, path=str(path), where=where) from None
    except RecursionError:
        raise _too_deep(path) from None
    except ValueError:  # a date such as 2025-02-30 that YAML reads as a timestamp, or a huge number
        try:
            bad = _bad_scalar(compose(text))
        except RecursionError:
            raise _too_deep(path) from None
        where = f"第{bad.start_mark.line + 1}行" if bad is not None else None
        if bad is not None and _DIGITS.fullmatch(bad.value.strip()):
            raise _long_number(path, where) from None
        shown = f"“{bad.value[:40]}”" if bad is not None else ""
        raise InputError(
            f"{shown}不是有效的日期，日期应写成 2024-01-31 的形式（月份 1～12，日期不超过当月天数）",
            path=str(path),
            where=where,
        ) from None


def _pure_python_error(text: str) -> yaml.YAMLError | None:
    """libyaml's messages name less (“found character that cannot start any token” without the
    Tab); the pure-Python parser, run only on a file that failed, gives the detailed one."""
    if _BaseLoader is yaml.SafeLoader:
        return None
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return exc
    except (RecursionError, ValueError):
        return None
    return None


def compose(text: str) -> yaml.Node | None:
    """The YAML node tree (line numbers), composed on demand."""
    try:
        return yaml.compose(text, Loader=_BaseLoader)  # type: ignore[no-any-return]
    except yaml.YAMLError:
        return None


_FULL_WIDTH_KEY = re.compile(r"^\s*(?:-\s*)?(?P<key>[A-Za-z_][A-Za-z0-9_]*)\s*[：︰]")


def _full_width_colon(text: str, path: Path) -> None:
    """“year：2024” (Chinese colon after a field name) — YAML would report a later line."""
    for number, line in enumerate(text.splitlines(), start=1):
        m = _FULL_WIDTH_KEY.match(line)
        if m:
            raise InputError(
                f"字段名“{m['key']}”后面的冒号是中文冒号“：”，应为英文“:”，并在其后留一个空格"
                f"（例如“{m['key']}: ……”）",
                path=str(path),
                where=f"第{number}行",
            )


def _bad_scalar(node: yaml.Node | None) -> yaml.ScalarNode | None:
    """The first scalar that the YAML constructor cannot build (for the line number)."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        try:
            yaml.SafeLoader("").construct_object(node, deep=True)
        except ValueError:
            return node
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else [n for pair in node.value for n in pair]
    for child in children:
        found = _bad_scalar(child)
        if found is not None:
            return found
    return None


def read_data_file(path: Path) -> tuple[dict[str, Any], str]:
    """The data file's top-level mapping and its text (for ``line_finder``)."""
    text = read_text(path)
    value = parse_data_text(text, path)
    check_data_values(value, path, line_finder(text, path))  # depth, huge numbers, control characters
    if value is None:
        raise InputError("数据文件是空的（至少需要 agency 和 year）", path=str(path))
    if not isinstance(value, dict):
        hint = "；注意冒号应为英文“:”且其后有空格" if "：" in text else ""
        raise InputError(f"数据文件的顶层应为“名称: 值”的键值对，例如“year: 2024”{hint}", path=str(path))
    return value, text


def line_finder(text: str | None, path: Path | None = None) -> Any:
    """Return a function mapping a pydantic loc to the 1-based YAML line of the deepest node found.

    The node tree is composed on the first call (most loads never need a line number)."""
    composed: list[yaml.Node | None] = []

    def line_of(loc: tuple[Any, ...]) -> int | None:
        if text is None or (path is not None and path.suffix.lower() == ".json"):
            return None
        if not composed:
            composed.append(compose(text))
        node = composed[0]
        if node is None:
            return None
        current: yaml.Node = node
        line = None
        for part in loc:
            nxt: yaml.Node | None = None
            if isinstance(current, yaml.MappingNode):
                for key, value in current.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                        nxt = value
                        line = key.start_mark.line + 1
                        break
            elif (
                isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value)
            ):
                nxt = current.value[part]
                line = nxt.start_mark.line + 1
            if nxt is None:
                break
            current = nxt
        return line

    return line_of
