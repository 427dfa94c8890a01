"""Help pages and usage lines in Chinese, laid out by display width.

typer's own help (click's formatter) prints "Usage:", "Options:", "[required]", "[default: …]",
"[env var: …]" and type placeholders such as ``<path>``, and it measures a Chinese character as one
column, so the columns of a Chinese help page do not line up. ``ChineseCommand`` and
``ChineseGroup`` replace only the formatting (``format_help`` / ``format_usage``); parsing stays
typer's. The layout is written here (about a hundred lines) rather than patched into click's
``HelpFormatter`` because that formatter's width arithmetic is what is wrong for Chinese text.
"""

from __future__ import annotations

import inspect
import shutil
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from typer.core import TyperCommand, TyperGroup

USAGE_LABEL = "用法："
OPTIONS_METAVAR = "[选项]"
SUBCOMMAND_METAVAR = "命令 [参数与选项]"
REQUIRED_NOTE = "必填"
HELP_OPTION_TEXT = "显示帮助信息并退出"

# Placeholder for a value when a declaration gives no ``metavar`` (by click/typer type name).
_TYPE_PLACEHOLDERS = {
    "path": "路径",
    "file": "文件",
    "filename": "文件",
    "directory": "文件夹",
    "text": "文字",
    "str": "文字",
    "string": "文字",
    "integer": "整数",
    "int": "整数",
    "float": "数值",
    "boolean": "是或否",
    "bool": "是或否",
    "uuid": "编号",
    "datetime": "日期时间",
}
_NO_LINE_START = set("，。、；：？！）》」』”’】〕…%％,.;:?!)]}")
_MAX_WIDTH = 100
_MAX_NAME_COLUMN = 30


# --- text layout ---------------------------------------------------------------------------


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese (wide/full-width) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _tokens(text: str) -> list[str]:
    """Break points: each wide character alone, runs of narrow non-space characters, single spaces."""
    out: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or unicodedata.east_asian_width(ch) in "WF":
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        else:
            word += ch
    if word:
        out.append(word)
    return out


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def join_lines(text: str) -> str:
    """Lines of one paragraph joined: no space where a line break falls between Chinese characters."""
    out = ""
    for line in (part.strip() for part in text.splitlines()):
        if not line:
            continue
        if out and not (_is_wide(out[-1]) or _is_wide(line[0])):
            out += " "
        out += line
    return out


def short_help(command: Any) -> str:
    """A command's line in the command list: its ``short_help``, else the first sentence of its help."""
    if getattr(command, "short_help", None):
        return join_lines(command.short_help)
    first = join_lines(inspect.cleandoc(command.help or "").partition("\f")[0].split("\n\n")[0])
    for stop in ("。", "；"):
        head, sep, _ = first.partition(stop)
        if sep:
            return head + ("。" if stop == "。" else "")
    return first


def wrap(text: str, width: int) -> list[str]:
    """Wrap mixed Chinese/Latin text to ``width`` columns without splitting a Latin word.

    Closing punctuation never starts a line (it stays with the character before it)."""
    lines: list[str] = []
    line = ""
    for token in _tokens(" ".join(join_lines(text).split())):
        if line and display_width(line + token) > width and token != " " and token[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = ""
        if token == " " and not line:
            continue
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def terminal_width() -> int:
    return max(40, min(_MAX_WIDTH, shutil.get_terminal_size((80, 24)).columns))


def definition_list(rows: Sequence[tuple[str, str]], width: int, indent: int = 2) -> list[str]:
    """Two aligned columns: name and description, the description wrapped under itself."""
    if not rows:
        return []
    name_col = min(max(display_width(name) for name, _ in rows), _MAX_NAME_COLUMN) + 2
    text_width = max(20, width - indent - name_col)
    out: list[str] = []
    for name, text in rows:
        body = wrap(text, text_width) if text else [""]
        if display_width(name) + 2 > name_col:
            out.append(" " * indent + name)
            out.extend(" " * (indent + name_col) + part for part in body if part)
            continue
        out.append((" " * indent + _pad(name, name_col) + body[0]).rstrip())
        out.extend(" " * (indent + name_col) + part for part in body[1:])
    return out


def paragraphs(text: str, width: int, indent: int = 2) -> list[str]:
    """Help text: blank-line separated paragraphs, wrapped; a paragraph starting with ``\\b`` is kept as written."""
    out: list[str] = []
    for block in inspect.cleandoc(text).partition("\f")[0].split("\n\n"):
        if not block.strip():
            continue
        if out:
            out.append("")
        if block.startswith("\b"):
            out.extend((" " * indent + line).rstrip() for line in block[1:].strip("\n").splitlines())
        else:
            out.extend(" " * indent + line for line in wrap(block, width - indent))
    return out


# --- parameters ---------------------------------------------------------------------------


def _type_placeholder(param: Any) -> str:
    choices = getattr(getattr(param, "type", None), "choices", None)
    if choices is None:
        choices = getattr(getattr(param, "type_descriptor", None), "choices", None)
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    names = [getattr(getattr(param, "type", None), "name", None)]
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    names.append(getattr(annotation, "__name__", None))
    for name in names:
        if isinstance(name, str) and name.lower() in _TYPE_PLACEHOLDERS:
            return _TYPE_PLACEHOLDERS[name.lower()]
    return "值"


def placeholder(param: Any) -> str:
    """What to type for a parameter: its declared ``metavar``, else a Chinese word for its type."""
    metavar = getattr(param, "metavar", None)
    text = metavar if metavar else _type_placeholder(param)
    if getattr(param, "nargs", 1) != 1 and not text.endswith("..."):
        text += "..."
    return text


def _is_flag(param: Any) -> bool:
    return bool(getattr(param, "is_flag", False) or getattr(param, "count", False))


def _option_name(param: Any) -> str:
    opts = sorted(param.opts, key=lambda o: (o.startswith("--"), o))
    names = ", ".join(opts)
    if getattr(param, "secondary_opts", None):
        names += " / " + ", ".join(param.secondary_opts)
    return names if _is_flag(param) else f"{names} {placeholder(param)}"


def _default_text(param: Any) -> str | None:
    if getattr(param, "show_default", True) is False or _is_flag(param) or getattr(param, "required", False):
        return None
    default = getattr(param, "default", None)
    if callable(default) or default is None or default == "" or isinstance(default, (list, tuple)):
        return None
    default = getattr(default, "value", default)
    return str(default)


def _envvar_text(param: Any) -> str | None:
    envvar = getattr(param, "envvar", None)
    if not envvar or getattr(param, "show_envvar", True) is False:
        return None
    names = envvar if isinstance(envvar, str) else "、".join(str(e) for e in envvar)
    return f"也可用环境变量 {names} 设置"


def parameter_help(param: Any) -> str:
    """A parameter's description with the notes click adds in English, here in Chinese."""
    text = (getattr(param, "help", None) or "").strip()
    notes: list[str] = []
    if getattr(param, "required", False) and getattr(param, "param_type_name", None) == "option":
        notes.append(REQUIRED_NOTE)  # an argument without brackets in the usage line is required anyway
    default = _default_text(param)
    if default is not None and "默认" not in text:
        notes.append(f"默认 {default}")
    envvar = _envvar_text(param)
    if envvar is not None and "环境变量" not in text:
        notes.append(envvar)
    if notes:
        text = "；".join([text.rstrip("。；"), *notes] if text else notes)
    return text


def usage_pieces(command: Any, ctx: Any) -> list[str]:
    pieces: list[str] = []
    params = list(command.get_params(ctx))
    if any(p.param_type_name == "option" and not getattr(p, "hidden", False) for p in params):
        pieces.append(OPTIONS_METAVAR)
    for param in params:
        if param.param_type_name != "argument":
            continue
        name = placeholder(param)
        pieces.append(name if param.required else f"[{name}]")
    return pieces


def usage_line(command: Any, ctx: Any) -> str:
    pieces = usage_pieces(command, ctx)
    if isinstance(command, TyperGroup):
        pieces.append(SUBCOMMAND_METAVAR)
    return f"{USAGE_LABEL}{' '.join([ctx.command_path, *pieces])}"


def help_page(command: Any, ctx: Any, commands: Iterable[tuple[str, Any]] = ()) -> str:
    """The whole help page of a command or of the command group."""
    width = terminal_width()
    out = [usage_line(command, ctx)]
    if command.help:
        out.append("")
        out.extend(paragraphs(command.help, width))
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if param.param_type_name == "argument":
            arguments.append((placeholder(param), parameter_help(param)))
        else:
            help_text = parameter_help(param)
            if set(param.opts) <= set(ctx.help_option_names):
                help_text = HELP_OPTION_TEXT
            options.append((_option_name(param), help_text))
    rows = [(name, short_help(cmd)) for name, cmd in commands if not cmd.hidden]
    for title, items in (("参数：", arguments), ("选项：", options), ("命令：", rows)):
        if items:
            out.extend(["", title, *definition_list(items, width)])
    if command.epilog:
        out.append("")
        out.extend(paragraphs(command.epilog, width))
    return "\n".join(out) + "\n"


# --- typer classes ---------------------------------------------------------------------------


class ChineseCommand(TyperCommand):
    """A typer command whose help page and usage line are Chinese."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(usage_line(self, ctx) + "\n")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(help_page(self, ctx))


class ChineseGroup(TyperGroup):
    """The command group: Chinese help page listing the commands, Chinese usage line."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write(usage_line(self, ctx) + "\n")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        listed = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None:
                listed.append((name, cmd))
        formatter.write(help_page(self, ctx, listed))
