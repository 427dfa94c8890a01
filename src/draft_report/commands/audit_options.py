"""The parameters of ``draft-report audit``, described once (no command framework needed).

The typer command in ``commands.audit`` takes flags, metavars and help from here, and ``cli.main``
parses a plain ``draft-report audit …`` with ``parse`` (``cli_parse``) so that the run — and
every worker process it forks — starts without typer; whatever ``parse`` does not fully
understand goes to the typer command (``tests/test_cli_audit_fast.py`` compares the two).
"""

from __future__ import annotations

from typing import Any

from draft_report import cli_parse
from draft_report.cli_parse import FLAG, INT, PATH, PATHS, TEXT, Param

FORMATS = ("text", "csv", "json", "html")
MAX_JOBS = 256

PARAMS: tuple[Param, ...] = (
    Param("paths", (), PATHS, "报告文件或存放报告的文件夹，可填多个", metavar="报告或文件夹..."),
    Param("fmt", ("--format",), TEXT,
          "输出格式：text（逐份一行）、csv（可用 Excel 打开）、json 或 html；不填时按 -o 的扩展名确定，否则为 text",
          metavar="text|csv|json|html", choices=FORMATS),
    Param("output", ("--output", "-o"), PATH,
          "把结果写入文件（不加则打印）；.html 汇总页同时写出同名的 .csv 和 .json；已存在的文件不会被覆盖，除非加 --force",
          metavar="输出文件"),
    Param("force", ("--force",), FLAG, "覆盖已存在的输出文件（输出文件不能是被核查的报告）", default=False),
    Param("previous_dir", ("--previous-dir",), PATH,
          "上年度报告所在的文件夹：按报告中的机关名称和年度配对同一机关的上年度报告，核对结转等跨年度规则",
          metavar="上年度文件夹"),
    Param("jobs", ("--jobs", "-j"), INT, "并行核查的进程数（默认按处理器核数）", metavar="进程数",
          minimum=1, maximum=MAX_JOBS),
)
BY_DEST = {p.dest: p for p in PARAMS}
RUN = "draft_report.audit.command:run_audit_command"  # the function the parsed options are for
# modules the command always loads: imported up front, with the garbage collector paused (cli)
NEEDS = ("draft_report.reading", "draft_report.checking")


def parse(args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments of ``run_audit_command`` for ``args`` (what follows ``audit``), or None: typer's turn."""
    return cli_parse.parse(PARAMS, args)
