"""Chinese for every pydantic-core error type, so that no English validation text reaches a user.

``loading.errors`` has the wording tuned for the data file's common mistakes and falls back to
``PYDANTIC_MESSAGES`` here; a type missing from both is shown as “取值无效” — never pydantic's
English ``msg``. Templates may use the error's ``ctx`` fields ({ge}, {max_length} …).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_DATE = "应为日期，格式如 2024-01-31"
_MAPPING = "应为键值对（形如“名称: 值”）"
_LIST = "应为列表（每项以“- ”开头）"

PYDANTIC_MESSAGES: dict[str, str] = {
    "no_such_attribute": "是未知字段",
    "json_invalid": "不是有效的 JSON",
    "json_type": "应为 JSON 文本",
    "needs_python_object": "取值类型不对",
    "recursion_loop": "存在循环引用（别名引用了自身）",
    "recursion_depth_exceeded": "嵌套层数过深",
    "missing": "缺少必填项",
    "frozen_field": "不能修改",
    "frozen_instance": "不能修改",
    "extra_forbidden": "是未知字段（可能拼写有误）",
    "invalid_key": "不能作为字段名",
    "get_attribute_error": "无法读取",
    "model_type": _MAPPING,
    "model_attributes_type": _MAPPING,
    "dataclass_type": _MAPPING,
    "dataclass_exact_type": _MAPPING,
    "named_tuple_type": _LIST,
    "default_factory_not_called": "取值无效",
    "none_required": "应为空",
    "greater_than": "应大于 {gt}",
    "greater_than_equal": "应为不小于 {ge} 的数",
    "less_than": "应小于 {lt}",
    "less_than_equal": "应不大于 {le}",
    "multiple_of": "应为 {multiple_of} 的整数倍",
    "finite_number": "应为有限的数（不能是 inf、nan 或超出范围的数）",
    "too_short": "至少应有 {min_length} 项",
    "too_long": "最多只能有 {max_length} 项",
    "iterable_type": _LIST,
    "iteration_error": "列表中有无法读取的项",
    "string_type": "应为文字",
    "string_unicode": "应为文字（含有无法识别的字符）",
    "string_too_short": "不能为空",
    "string_too_long": "最多 {max_length} 个字",
    "string_pattern_mismatch": "格式不对",
    "string_not_ascii": "只能包含英文字母、数字和符号",
    "enum": "应为以下之一：{expected}",
    "dict_type": _MAPPING,
    "frozen_dict_type": _MAPPING,
    "ordered_dict_type": _MAPPING,
    "counter_type": _MAPPING,
    "mapping_type": _MAPPING,
    "list_type": _LIST,
    "deque_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "set_item_not_hashable": "列表中有不能比较的项（例如键值对）",
    "frozen_set_type": _LIST,
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_parsing_size": "数字过大",
    "int_from_float": "应为整数（件数不能有小数）",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bytes_type": "应为文字",
    "bytes_too_short": "太短",
    "bytes_too_long": "太长",
    "bytes_invalid_encoding": "编码无效",
    "value_error": "取值无效",
    "assertion_error": "取值无效",
    "literal_error": "应为以下之一：{expected}",
    "missing_sentinel_error": "取值无效",
    "ellipsis_error": "取值无效",
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": "应为日期（不含时间），格式如 2024-01-31",
    "date_past": "应为过去的日期",
    "date_future": "应为将来的日期",
    "time_type": "应为时间，格式如 09:30",
    "time_parsing": "应为时间，格式如 09:30",
    "datetime_type": "应为日期时间，格式如 2024-01-31 09:30",
    "datetime_parsing": "应为日期时间，格式如 2024-01-31 09:30",
    "datetime_object_invalid": "日期时间无效",
    "datetime_from_date_parsing": "应为日期时间，格式如 2024-01-31 09:30",
    "datetime_past": "应为过去的时间",
    "datetime_future": "应为将来的时间",
    "timezone_naive": "不应带时区",
    "timezone_aware": "应带时区",
    "timezone_offset": "时区不对",
    "time_delta_type": "应为时长",
    "time_delta_parsing": "应为时长",
    "is_instance_of": "取值类型不对",
    "is_subclass_of": "取值类型不对",
    "callable_type": "取值类型不对",
    "union_tag_invalid": "类型标记无效",
    "union_tag_not_found": "缺少类型标记",
    "arguments_type": "取值类型不对",
    "missing_argument": "缺少必填项",
    "unexpected_keyword_argument": "是未知字段",
    "missing_keyword_only_argument": "缺少必填项",
    "unexpected_positional_argument": "多余的值",
    "missing_positional_only_argument": "缺少必填项",
    "multiple_argument_values": "重复填写",
    "url_type": "应为网址",
    "url_parsing": "应为网址，例如 https://www.example.gov.cn",
    "url_syntax_violation": "网址格式不对",
    "url_too_long": "网址太长",
    "url_scheme": "网址应以 http:// 或 https:// 开头",
    "uuid_type": "格式不对",
    "uuid_parsing": "格式不对",
    "uuid_version": "格式不对",
    "decimal_type": "应为数字",
    "decimal_parsing": "应为数字",
    "decimal_max_digits": "数字位数过多（最多 {max_digits} 位）",
    "decimal_max_places": "小数位数过多（最多 {decimal_places} 位）",
    "decimal_whole_digits": "整数部分位数过多",
    "fraction_type": "应为数字",
    "fraction_parsing": "应为数字",
    "complex_type": "应为数字",
    "complex_str_parsing": "应为数字",
}

_CJK = re.compile(r"[\u4e00-\u9fff]")


def pydantic_text(kind: str, ctx: Mapping[str, Any] | None = None) -> str:
    """Chinese for a pydantic error of type ``kind`` (“取值无效” when unknown)."""
    template = PYDANTIC_MESSAGES.get(kind, "取值无效")
    try:
        return template.format(**{k: _shown(v) for k, v in (ctx or {}).items()})
    except (KeyError, IndexError, ValueError):
        return template.split("{")[0].rstrip("：:，, ") or "取值无效"


def _shown(value: Any) -> str:
    text = str(value)
    return text.replace("'", "").replace(" or ", "、").replace(", ", "、")


def is_chinese(text: str) -> bool:
    """Whether a validator's own message is written for the user (has Chinese in it)."""
    return bool(_CJK.search(text))


__all__ = ["PYDANTIC_MESSAGES", "is_chinese", "pydantic_text"]
