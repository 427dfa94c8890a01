"""``draft-report schema``: print the JSON Schema of the data file."""

from __future__ import annotations

import json
from typing import Any

import typer

from draft_report.cli_app import app
from draft_report.models.data import ReportData


def data_schema() -> dict[str, Any]:
    schema = ReportData.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "政府信息公开工作年度报告数据文件"
    return schema


@app.command("schema", help="输出数据文件（data.yaml / data.json）的 JSON Schema，可供编辑器校验和自动补全。")
def schema_command() -> None:
    typer.echo(json.dumps(data_schema(), ensure_ascii=False, indent=2))
