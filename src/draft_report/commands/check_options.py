"""The options of ``draft-report check``, described once (no command framework needed).

This description drives two things:

- the typer command in ``commands.check`` takes each parameter's flags, metavar and help from here
  (``tests/test_cli_check_fast.py`` checks the built click command against this description);
- ``parse``, a small strict parser used by ``cli.main`` for ``draft-report check …`` so that a
  plain check starts without loading typer. It accepts only argument lists it fully understands;
  anything else (``--help``, an unknown or repeated option, a missing value, ``--``, ``--x=y``, a
  value that looks like an option …) returns None and the typer command handles it, so help
  pages, usage errors and suggestions stay those of typer.

Written by hand rather than with ``argparse``: argparse would have to be told to accept exactly
what click accepts and to never print its own (English) errors, which is more code than this.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

PATH = "path"  # a file name, becomes ``pathlib.Path``
FLAG = "flag"  # a boolean switch without a value
CHOICE = "choice"  # one word of ``choices``; passed on as written (``run_check`` normalises and validates)


class Param:
    """One parameter of ``check``: the keyword of ``run_check`` it fills, its flags (empty: the argument)."""

    __slots__ = ("choices", "default", "dest", "flags", "help", "kind", "metavar")

    def __init__(self, dest: str, flags: tuple[str, ...], kind: str, help: str, *, metavar: str | None = None,
                 default: Any = None, choices: tuple[str, ...] = ()) -> None:
        self.dest = dest
        self.flags = flags
        self.kind = kind
        self.help = help
        self.metavar = metavar
        self.default = default
        self.choices = choices

    @property
    def is_argument(self) -> bool:
        return not self.flags


REPORT = Param("report", (), PATH, "要核查的报告：.md、.txt、.html、.docx 或 PDF（须有文字层）", metavar="报告文件")
PARAMS: tuple[Param, ...] = (
    REPORT,
    Param("data", ("--data",), PATH, "本年度数据文件（data.xlsx 或 YAML/JSON）：表格与正文数字逐项对照",
          metavar="数据文件"),
    Param("previous", ("--previous",), PATH,
          "上年度数据文件（.xlsx/.yaml/.json）或上年度报告：核对结转、现行有效件数、整改与雷同",
          metavar="上年数据或报告"),
    Param("fmt", ("--format",), CHOICE, "输出格式：text（给人看）或 json（给工具用）", metavar="text|json",
          default="text", choices=("text", "json")),
    Param("no_info", ("--no-info",), FLAG, "文本输出中不列出“提示”（未能核对的数字等）", default=False),
    Param("annotate", ("--annotate",), PATH,
          "（仅 .docx）另存一份带批注的副本：每条问题批注在对应段落或单元格；原文件不改动", metavar="批注副本文件"),
    Param("force", ("--force",), FLAG, "覆盖已存在的批注副本（--annotate 的输出文件）", default=False),
    Param("verbose", ("--verbose", "-v"), FLAG, "每条问题后注明规则编号（反馈问题或对照说明文档时使用）", default=False),
)
BY_DEST = {p.dest: p for p in PARAMS}
_BY_FLAG = {flag: p for p in PARAMS for flag in p.flags}


def parse(args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments of ``run_check`` for ``args`` (what follows ``check``), or None when the
    typer command must handle them (see the module's docstring)."""
    values: dict[str, Any] = {}
    rest = iter(args)
    for token in rest:
        if not token or token == "-" or token == "--":
            return None
        if token.startswith("-"):
            param = _BY_FLAG.get(token)
            if param is None or param.dest in values:
                return None
            if param.kind == FLAG:
                values[param.dest] = True
                continue
            value = next(rest, None)
            if not value or value.startswith("-"):
                return None
            values[param.dest] = Path(value) if param.kind == PATH else value
        elif REPORT.dest in values:
            return None  # a second argument: typer's usage error
        else:
            values[REPORT.dest] = Path(token)
    if REPORT.dest not in values:
        return None
    return {p.dest: values.get(p.dest, p.default) for p in PARAMS}
