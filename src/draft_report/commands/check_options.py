"""The parameters of ``draft-report check``, described once (no command framework needed).

This description drives two things:

- the typer command in ``commands.check`` takes each parameter's flags, metavar and help from here
  (``tests/test_cli_check_fast.py`` checks the built click command against this description);
- ``parse`` (``cli_parse``), used by ``cli.main`` for ``draft-report check …`` so that a plain check
  starts without loading typer; whatever it does not fully understand goes to the typer command.
"""

from __future__ import annotations

from typing import Any

from draft_report import cli_parse
from draft_report.cli_parse import FLAG, PATH, TEXT, Param

REPORT = Param("report", (), PATH, "要核查的报告：.md、.txt、.html、.docx 或 PDF（须有文字层）", metavar="报告文件")
PARAMS: tuple[Param, ...] = (
    REPORT,
    Param("data", ("--data",), PATH, "本年度数据文件（data.xlsx 或 YAML/JSON）：表格与正文数字逐项对照",
          metavar="数据文件"),
    Param("previous", ("--previous",), PATH,
          "上年度数据文件（.xlsx/.yaml/.json）或上年度报告：核对结转、现行有效件数、整改与雷同",
          metavar="上年数据或报告"),
    Param("fmt", ("--format",), TEXT, "输出格式：text（给人看）或 json（给工具用）", metavar="text|json",
          default="text", choices=("text", "json")),
    Param("no_info", ("--no-info",), FLAG, "文本输出中不列出“提示”（未能核对的数字等）", default=False),
    Param("annotate", ("--annotate",), PATH,
          "（仅 .docx）另存一份带批注的副本：每条问题批注在对应段落或单元格；原文件不改动", metavar="批注副本文件"),
    Param("force", ("--force",), FLAG, "覆盖已存在的批注副本（--annotate 的输出文件）", default=False),
    Param("verbose", ("--verbose", "-v"), FLAG, "每条问题后注明规则编号（反馈问题或对照说明文档时使用）", default=False),
)
BY_DEST = {p.dest: p for p in PARAMS}
RUN = "draft_report.commands.check_run:run_check"  # the function the parsed options are for
# modules the command always loads: imported up front, with the garbage collector paused (cli)
NEEDS = ("draft_report.reading", "draft_report.checking")


def parse(args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments of ``run_check`` for ``args`` (what follows ``check``), or None: typer's turn."""
    return cli_parse.parse(PARAMS, args)
