"""PyYAML's and the json module's syntax messages ("mapping values are not allowed here",
"Expecting ',' delimiter") in Chinese.

Every message PyYAML's scanner, parser, composer, constructor and reader and Python's json
decoder can produce is matched here; the user sees only the Chinese text (and the line/column,
given by the caller). An unrecognised problem gets a generic Chinese sentence, never English.
"""

from __future__ import annotations

import re

_CHAR = r"'(?P<ch>(?:[^'\\]|\\.)*)'"

_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"mapping values are not allowed here", "此处不能出现“名称: 值”（常见原因：缩进不一致，或冒号后缺少空格）"),
    (r"could not find expected ':'", "缺少冒号（“名称: 值”中的英文冒号和其后的空格）"),
    (r"found character '\\t' that cannot start any token", "不能用制表符（Tab）缩进，请改用空格"),
    (rf"found character {_CHAR} that cannot start any token", "出现了不能开头的字符“{ch}”（例如 @、` 或 Tab），如需使用请给整个值加引号"),
    (r"found character .* that cannot start any token", "出现了不能开头的字符（例如 Tab 或 @、`）"),
    (r"expected <block end>, but found '-'", "列表项“- ”的缩进与上一行不一致"),
    (r"expected <block end>, but found .*", "缩进不一致：这一行的缩进与上一级不匹配"),
    (r"found duplicate anchor.*", "重复的锚点（&名称）"),
    (r"found undefined alias.*", "引用了未定义的别名（*名称）"),
    (r"found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
    (r"found unexpected document separator", "引号内出现了文档分隔符“---”或“...”（引号未闭合？）"),
    (r"invalid indentation or unclosed '\[' or '\{'", "缩进有误，或方括号“[”、花括号“{”未闭合"),
    (r"sequence entries are not allowed here", "此处不能出现列表项“- ”（常见原因：缩进不一致）"),
    (r"mapping keys are not allowed here", "此处不能出现“? ”开头的键"),
    (r"expected alphabetic or numeric character, but found .*", "锚点或别名（& 或 * 之后）应为字母或数字"),
    (r"expected a digit or '\.', but found .*", "YAML 版本号格式有误"),
    (r"expected a digit or ' ', but found .*", "YAML 版本号格式有误"),
    (r"expected a digit, but found .*", "YAML 版本号格式有误"),
    (r"expected ' ', but found .*", "指令后缺少空格"),
    (r"expected a comment or a line break, but found .*", "此处之后应为换行或注释（常见原因：引号后面还有多余的字符）"),
    (r"expected '>', but found .*", "标签缺少“>”"),
    (r"expected indentation indicator in the range 1-9, but found 0", "“|”或“>”后的缩进数字应为 1～9"),
    (r"expected chomping or indentation indicators, but found .*", "“|”或“>”后只能跟 +、- 或 1～9"),
    (r"expected escape sequence of \d+ hexadecimal numbers, but found .*", "双引号中的转义序列（\\x、\\u）格式有误；如需写反斜杠请用单引号"),
    (r"found unknown escape character .*", "双引号中出现了无法识别的转义字符“\\”；如需写反斜杠请改用单引号或写成“\\\\”"),
    (r"expected '!', but found .*", "标签格式有误（“!”）"),
    (r"expected URI(?: escape sequence of 2 hexadecimal numbers)?, but found .*", "标签格式有误"),
    (r"expected '<document start>', but found .*", "文件开头的格式有误（“%”指令之后应为“---”）"),
    (r"found duplicate YAML directive", "重复的 %YAML 指令"),
    (r"found incompatible YAML document.*", "不支持的 YAML 版本"),
    (r"duplicate tag handle .*", "重复的 %TAG 指令"),
    (r"found undefined tag handle .*", "使用了未定义的标签前缀"),
    (r"found non-specific tag '!'", "不支持单独的“!”标签"),
    (r"expected the node content, but found .*", "此处缺少内容（例如“- ”或“名称:”后直接出现了“]”“}”或“,”）"),
    (r"expected ',' or '\]', but got .*", "方括号列表“[…]”中应以英文逗号分隔各项，并以“]”结束"),
    (r"expected ',' or '\}', but got .*", "花括号“{…}”中应以英文逗号分隔各项，并以“}”结束"),
    (r"expected a single document in the stream", "文件中只能有一个文档（不要用“---”分隔多个文档）"),
    (r"found duplicate key.*", "重复的字段名"),
    (r"found unconstructable recursive node", "别名（*名称）引用了自身"),
    (r"found unhashable key", "字段名不能是列表或键值对"),
    (r"expected a mapping (?:or list of mappings )?for merging, but found .*", "合并键“<<”后应为键值对"),
    (r"could not determine a constructor for the tag .*", "不支持的 YAML 标签（“!”或“!!”开头的类型，例如 !!python/object）；数据文件只需普通的文字、数字和日期"),
    (r".*codec can't decode byte.*", "文件中有无法按 UTF-8 解码的字节"),
    (r"unacceptable character #x(?P<code>[0-9a-fA-F]+).*", "文件中有不可见的控制字符（U+{code}），请删除后重试"),
    (r"expected (?:a scalar|a sequence|a mapping).*", "此处的值类型不符合 YAML 语法"),
    (r".*nesting depth.*", "嵌套层数过深（括号或缩进层级过多）"),
)

_COMPILED = tuple((re.compile(pattern, re.S), text) for pattern, text in _PATTERNS)


def yaml_problem_text(problem: str) -> str:
    """Chinese for one PyYAML ``problem`` string."""
    problem = problem.strip()
    for pattern, text in _COMPILED:
        m = pattern.fullmatch(problem)
        if m:
            groups = {k: (v or "").upper() if k == "code" else (v or "") for k, v in m.groupdict().items()}
            return text.format(**groups) if groups else text
    return "此处的内容无法按 YAML 格式解析（请检查缩进、英文冒号后的空格和引号是否成对）"


_JSON: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), text)
    for pattern, text in (
        (r"Expecting value", "此处缺少值（或多了一个逗号；文字应加英文双引号）"),
        (r"Expecting property name enclosed in double quotes", "字段名应加英文双引号（或最后一项后面多了逗号）"),
        (r"Expecting ',' delimiter", "缺少英文逗号“,”（各项之间应以逗号分隔）"),
        (r"Expecting ':' delimiter", "缺少英文冒号“:”（字段名和值之间）"),
        (r"Unterminated string starting at", "引号未闭合"),
        (r"Invalid control character at", "引号内有控制字符（例如直接换行或 Tab），请改用 \\n、\\t"),
        (r"Invalid \\escape", "无法识别的转义字符“\\”；如需写反斜杠请写成“\\\\”"),
        (r"Invalid \\uXXXX escape", "\\u 转义格式有误（应为 \\u 加四位十六进制数）"),
        (r"Extra data", "JSON 内容结束后还有多余的内容（只能有一个顶层对象）"),
    )
)


def json_problem_text(msg: str) -> str:
    """Chinese for one ``json.JSONDecodeError.msg``."""
    for pattern, text in _JSON:
        if pattern.match(msg):
            return text
    return "此处的内容无法按 JSON 格式解析"


__all__ = ["json_problem_text", "yaml_problem_text"]
