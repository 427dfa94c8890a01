"""Chinese wording for the command-line framework's own usage errors.

typer/click phrase usage errors in English ("Missing argument 'DATA'."). Staff read Chinese,
so ``usage_error_text`` rewrites the common ones; anything unrecognised is shown as it is.
"""

from __future__ import annotations

import re
from typing import Any

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Missing argument '?([^'.]+)'?\.?(.*)$"), "缺少参数 {0}。{1}"),
    (re.compile(r"^Missing option '?([^'.]+(?:' / '[^'.]+)?)'?\.?(.*)$"), "缺少选项 {0}。{1}"),
    (re.compile(r"^Missing parameter: (.+)$"), "缺少参数 {0}。"),
    (re.compile(r"^Option '([^']+)' requires an argument\.?$"), "选项 {0} 后面需要填写一个值。"),
    (re.compile(r"^Option '([^']+)' requires (\d+) arguments\.?$"), "选项 {0} 后面需要填写 {1} 个值。"),
    (
        re.compile(r"^No such option: (\S+)(?:\s+(?:Did you mean (\S+)\?|\(Possible options: ([^)]+)\)))?$"),
        "没有选项 {0}。{1}",
    ),
    (
        re.compile(r"^No such command '([^']+)'\.?(?:\s+Did you mean '([^']+)'\?)?$"),
        "没有命令 {0}。{1}",
    ),
    (re.compile(r"^Missing command\.?$"), "缺少命令；可用命令见 draft-report --help。"),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$"), "多余的参数：{0}。"),
    (re.compile(r"^Invalid value for (.+?): (.+)$"), "{0} 的取值无效：{1}"),
    (re.compile(r"^Invalid value: (.+)$"), "取值无效：{0}"),
)


def usage_error_text(message: str) -> str:
    """Translate one usage-error message into Chinese (unchanged when not recognised)."""
    text = message.strip()
    for pattern, template in _PATTERNS:
        m = pattern.match(text)
        if m:
            groups = [g or "" for g in m.groups()]
            if template.startswith("没有"):
                suggestion = next((g for g in groups[1:] if g), "")
                groups = [groups[0], f"是否要用 {suggestion}？" if suggestion else ""]
            return template.format(*(g.strip().replace("' / '", " / ") for g in groups)).strip()
    return text


def _parameter_name(param: Any) -> str:
    """How a parameter is named in a message: an option by its flag, an argument by its placeholder."""
    from draft_report.cli_help import placeholder

    if getattr(param, "param_type_name", None) == "option":
        opts = sorted(getattr(param, "opts", []) or [], key=lambda o: (o.startswith("--"), o))
        return f"{' / '.join(opts)} {placeholder(param)}".strip()
    return placeholder(param)


def usage_error_message(ex: Exception) -> str:
    """The Chinese message of a framework usage error (structured where the exception allows it)."""
    param = getattr(ex, "param", None)
    kind = type(ex).__name__
    if kind == "MissingParameter" and param is not None:
        what = "选项" if getattr(param, "param_type_name", None) == "option" else "参数"
        return f"缺少{what}：{_parameter_name(param)}。"
    if kind == "NoSuchOption" and getattr(ex, "option_name", None):
        possibilities = sorted(getattr(ex, "possibilities", None) or [])
        hint = f"是否要用 {'、'.join(possibilities)}？" if possibilities else ""
        return f"没有选项 {ex.option_name}。{hint}"  # type: ignore[attr-defined]
    message = ex.format_message() if hasattr(ex, "format_message") else str(ex)
    return usage_error_text(message)


def usage_hint(command_path: str | None) -> str:
    return f"用 {command_path or 'draft-report'} --help 查看用法。"
