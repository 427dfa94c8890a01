"""``draft-report draft DATA -o OUT``: the typer command.

A plain ``draft-report draft …`` does not come here: ``cli.main`` parses it with
``commands.draft_options`` and calls ``commands.draft_run.run_draft_command`` directly. This
command serves what that parser leaves to typer (``--help``, usage errors, suggestions,
``DRAFT_REPORT_LLM``); its parameters take their flags, metavars and help from ``draft_options``,
and it calls the same ``run_draft_command``. The drafting itself (``run_draft`` and its steps) is
in ``commands.draft_run``; the names are importable from here too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from draft_report.cli_app import app, typer_param
from draft_report.commands.draft_options import BY_DEST
from draft_report.commands.draft_run import (  # noqa: F401  (the names other modules import from here)
    FORMATS,
    Renderer,
    dataset_inputs,
    draft_notices,
    output_paths,
    parse_formats,
    run_draft,
    run_draft_command,
    self_check,
    self_check_notice,
    write_report,
    writers,
)

DRAFT_HELP = """根据数据文件起草完整的年度报告（默认离线起草，不需要大模型）。

\b
示例：
  draft-report draft examples/xiaxian-2023/data.yaml -o out/xiaxian
  draft-report draft mydata/ -o out --format md,html,docx

输出文件：输出文件夹/report.md（以及 report.html、report.docx）。已存在的输出文件不会被覆盖，除非加 --force。"""


@app.command("draft", help=DRAFT_HELP)
def draft_command(
    data: Annotated[Path, typer_param(BY_DEST["data"])],
    output: Annotated[Path, typer_param(BY_DEST["output"])],
    formats: Annotated[list[str] | None, typer_param(BY_DEST["formats"])] = None,
    force: Annotated[bool, typer_param(BY_DEST["force"])] = False,
    llm: Annotated[bool, typer_param(BY_DEST["llm"])] = False,
    base_url: Annotated[str | None, typer_param(BY_DEST["base_url"])] = None,
    model: Annotated[str | None, typer_param(BY_DEST["model"])] = None,
    api_key: Annotated[str | None, typer_param(BY_DEST["api_key"])] = None,
    provider: Annotated[str | None, typer_param(BY_DEST["provider"])] = None,
    timeout: Annotated[str | None, typer_param(BY_DEST["timeout"])] = None,
    temperature: Annotated[str | None, typer_param(BY_DEST["temperature"])] = None,
    max_repair_rounds: Annotated[str | None, typer_param(BY_DEST["max_repair_rounds"])] = None,
) -> None:
    run_draft_command(
        data, output, formats, force, llm, base_url, model, api_key, provider, timeout, temperature,
        max_repair_rounds,
    )
