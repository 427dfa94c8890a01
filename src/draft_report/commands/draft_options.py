"""The parameters of ``draft-report draft``, described once (no command framework needed).

The typer command in ``commands.draft`` takes flags, metavars and help from here, and ``cli.main``
parses a plain ``draft-report draft …`` with ``parse`` (``cli_parse``) and calls
``commands.draft_run.run_draft_command`` directly, so that a draft starts without typer (about a
fifth of a cold offline draft). Whatever ``parse`` does not fully understand (``--help``, usage
errors, ``DRAFT_REPORT_LLM`` set …) goes to the typer command (``tests/test_cli_draft_fast.py``
compares the two).
"""

from __future__ import annotations

from typing import Any

from draft_report import cli_parse
from draft_report.cli_parse import FLAG, PATH, TEXT, Param

PARAMS: tuple[Param, ...] = (
    Param("data", (), PATH, "数据文件（data.xlsx、data.yaml 或 data.json）或其所在文件夹", metavar="数据文件"),
    Param("output", ("--output", "-o"), PATH, "输出文件夹，报告写入其中的 report.md 等文件", metavar="输出文件夹",
          required=True),
    Param("formats", ("--format", "-f"), TEXT, "输出格式：md、html、docx，可用逗号分隔或重复填写；默认 md",
          metavar="md,html,docx", multiple=True),
    Param("force", ("--force",), FLAG, "覆盖已存在的输出文件（审核人员修改过的稿件将丢失）", default=False),
    # --- LLM drafting of sections 一 and 五 (helper LLM; see docs/llm.md) ---
    Param("llm", ("--llm",), FLAG,
          "用大模型（OpenAI 兼容接口）起草第一、五部分，并与数据逐项核对；未配置接口地址或密钥时照常离线起草并提示如何配置",
          default=False, envvar="DRAFT_REPORT_LLM"),
    Param("base_url", ("--base-url",), TEXT,
          "接口地址，例如 http://127.0.0.1:8000/v1（环境变量 DRAFT_REPORT_BASE_URL 或 OPENAI_BASE_URL）",
          metavar="接口地址"),
    Param("model", ("--model",), TEXT, "模型名称（环境变量 DRAFT_REPORT_MODEL 或 OPENAI_MODEL）", metavar="模型名称"),
    Param("api_key", ("--api-key",), TEXT, "API 密钥（环境变量 DRAFT_REPORT_API_KEY 或 OPENAI_API_KEY）；不会写入任何输出",
          metavar="密钥"),
    Param("provider", ("--provider",), TEXT,
          "预设服务商：openai、deepseek、qwen（dashscope）、ollama、vllm，或配置文件中自定义的名称", metavar="服务商"),
    # numbers arrive as text so that a bad value gets a Chinese message from config.resolve_config
    Param("timeout", ("--timeout",), TEXT, "单次请求超时（秒），默认 60", metavar="秒数"),
    Param("temperature", ("--temperature",), TEXT, "采样温度，默认 0.3", metavar="0到2"),
    Param("max_repair_rounds", ("--max-repair-rounds",), TEXT, "数字与数据不符时请模型改正的最多轮数，默认 2",
          metavar="轮数"),
)
BY_DEST = {p.dest: p for p in PARAMS}
RUN = "draft_report.commands.draft_run:run_draft_command"  # the function the parsed options are for
# modules the command always loads: imported up front, with the garbage collector paused (cli)
NEEDS = ("draft_report.loading", "draft_report.drafting.compose")


def parse(args: list[str]) -> dict[str, Any] | None:
    """Keyword arguments of ``run_draft_command`` for ``args`` (what follows ``draft``), or None: typer's turn."""
    return cli_parse.parse(PARAMS, args)
