"""Translate pydantic validation errors into one Chinese message naming the field or cell."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from draft_report.loading.pydantic_messages import is_chinese, pydantic_text
from draft_report.tables import layout as L

_TABLE_PREFIX = {"table2": "t2", "table3": "t3", "table4": "t4"}


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside ``X | None`` or ``list[X]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, tuple):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def describe_loc(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    """(dotted field path, Chinese description) for a pydantic error location."""
    path = ".".join(f"[{p + 1}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")
    if loc and loc[0] in _TABLE_PREFIX:
        strs = [str(p) for p in loc[1:3]]
        if len(strs) == 2:
            cid = f"{_TABLE_PREFIX[str(loc[0])]}.{strs[0]}.{strs[1]}"
            if cid in L.CELL_INFO:
                return path, L.describe_cell(cid)
    current: type[BaseModel] | None = model
    label = ""
    for part in loc:
        if isinstance(part, int):
            label = f"{label}第{part + 1}项" if label else f"第{part + 1}项"
            continue
        if current is None or part not in current.model_fields:
            break
        info = current.model_fields[part]
        desc = (info.description or "").split("；")[0].split("，例如")[0].strip()
        label = desc or label
        current = _inner_model(info.annotation)
    return path, label


_MESSAGES: dict[str, str] = {
    "missing": "缺少必填项",
    "greater_than_equal": "应为不小于 {ge} 的数",
    "greater_than": "应大于 {gt}",
    "less_than_equal": "应不大于 {le}",
    "less_than": "应小于 {lt}",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数（件数不能有小数）",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "string_type": "应为文字",
    "string_too_short": "不能为空",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "date_type": "应为日期，格式如 2024-01-31",
    "date_parsing": "应为日期，格式如 2024-01-31",
    "date_from_datetime_parsing": "应为日期，格式如 2024-01-31",
    "date_from_datetime_inexact": "应为日期（不含时间），格式如 2024-01-31",
    "list_type": "应为列表（每项以“- ”开头）",
    "dict_type": "应为键值对（形如“名称: 值”）",
    "model_type": "应为键值对（形如“名称: 值”）",
    "model_attributes_type": "应为键值对（形如“名称: 值”）",
    "extra_forbidden": "是未知字段（可能拼写有误）",
}


def _expected(err: Mapping[str, Any], model: type[BaseModel]) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "string_type" and err.get("input") is None:
        return "不能为空，请填写"
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace("'", "").replace(" or ", "、").replace(", ", "、")
        return f"应为以下之一：{choices}"
    if kind == "greater_than_equal" and ctx.get("ge") == 0:
        return "不能为负数（应为不小于 0 的数）"
    if kind in ("value_error", "assertion_error"):
        exc = ctx.get("error")
        message = str(exc) if exc is not None else ""
        return message if is_chinese(message) else pydantic_text(kind, ctx)  # never pydantic's English
    if kind == "extra_forbidden":
        parent = _model_at(model, tuple(err["loc"][:-1]))
        allowed = "、".join(parent.model_fields) if parent is not None else ""
        return _MESSAGES[kind] + (f"；可用字段：{allowed}" if allowed else "")
    if kind in ("model_type", "model_attributes_type") and err["loc"][:1] == ("previous_problems",):
        return (
            "每项应写成两行“- problem: 上年度报告提出的问题”和“  rectification: 本年度整改情况”"
            "（只写问题而没有整改情况时，请补上整改情况）"
        )
    if kind == "invalid_key":
        return f"“{err.get('input')}”不能作为字段名（常见原因：数字用逗号分隔了千位，例如 1,286 应写成 1286）"
    if kind == "int_parsing" and "," in str(err.get("input", "")):
        return "应为整数（不要用逗号分隔千位，例如 1,286 应写成 1286）"
    template = _MESSAGES.get(kind)
    if template is None:
        return pydantic_text(kind, ctx)  # every pydantic-core error type, in Chinese
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None or part not in current.model_fields:
            return None
        current = _inner_model(current.model_fields[part].annotation)
    return current


def _shown_input(err: Mapping[str, Any]) -> str:
    if err["type"] in ("missing", "extra_forbidden", "value_error", "invalid_key"):
        return ""
    value = err.get("input")
    if isinstance(value, (dict, list)) or value is None:
        return ""
    text = str(value)
    return f"，实际为“{text[:40]}…”" if len(text) > 40 else f"，实际为“{text}”"


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop pydantic's union/function markers such as 'function-after[...]' or 'list[...]'."""
    return tuple(p for p in loc if isinstance(p, int) or "[" not in str(p))


def translate(
    exc: ValidationError,
    model: type[BaseModel],
    *,
    line_of: typing.Callable[[tuple[Any, ...]], int | str | None] | None = None,
) -> tuple[str, str | None]:
    """(message, where) for the first error; further errors are counted in the message."""
    errors = exc.errors(include_url=False)
    parts: list[str] = []
    where: str | None = None
    for i, err in enumerate(errors[:3]):
        loc = _clean_loc(tuple(err["loc"]))
        if err["type"] == "invalid_key":
            loc = loc[:-1]
        cell_id = getattr((err.get("ctx") or {}).get("error"), "cell_id", None)
        if not loc and cell_id:
            table = {v: k for k, v in _TABLE_PREFIX.items()}[cell_id.split(".")[0]]
            loc = (table, *cell_id.split(".")[1:])
        path, label = describe_loc(model, loc)
        line = line_of(loc) if line_of else None
        here = []
        text = f"{_expected(err, model)}{_shown_input(err)}"
        if isinstance(line, str):  # a workbook cell such as 表三!E12: the label goes into the message
            here.append(line)
            if label and err["type"] != "value_error":
                text = f"{label}：{text}"
        else:
            if line:
                here.append(f"第{line}行")
            if path:
                here.append(f"字段 {path}" + (f"（{label}）" if label else ""))
        if i == 0:
            where = "，".join(here) or None
            parts.append(text)
        else:
            parts.append(f"另：{'，'.join(here)}：{text}" if here else f"另：{text}")
    if len(errors) > 3:
        parts.append(f"（共 {len(errors)} 处错误，仅列出前 3 处）")
    return "\n".join(parts), where
