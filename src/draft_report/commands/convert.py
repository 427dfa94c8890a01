"""``draft-report convert SRC DST``: move a data file between data.yaml / data.json and data.xlsx.

The source is read and validated exactly as ``draft`` reads it (blank tables stay blank), so the
converted file drafts the same report byte for byte. Nothing existing is overwritten without
``--force``; the target is written whole or not at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from draft_report.cli_app import app
from draft_report.errors import InputError

TARGET_SUFFIXES = (".xlsx", ".yaml", ".yml", ".json")


def write_data(target: Path, raw: dict[str, Any], *, source: str = "") -> None:
    """Write ``raw`` (the data file's structure) as .xlsx, .yaml/.yml or .json, whole or not at all."""
    from draft_report.safety.atomic import save_with, write_text

    suffix = target.suffix.lower()
    if suffix == ".xlsx":
        from draft_report.workbook.write import build_workbook

        save_with(target, build_workbook(raw).save)
        return
    if suffix == ".json":
        text = json.dumps(raw, ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        from draft_report.loading.dump import render_yaml

        text = render_yaml(raw, source=source)
    write_text(target, text)


def convert(source: Path, target: Path, *, force: bool = False) -> list[str]:
    """Convert; returns the notices of reading the source."""
    from draft_report.loading.dataset import read_raw, validate_raw
    from draft_report.loading.dump import data_to_raw

    if target.suffix.lower() not in TARGET_SUFFIXES:
        raise InputError(
            f"目标文件应为 .xlsx、.yaml、.yml 或 .json，实际扩展名为“{target.suffix}”", path=str(target)
        )
    from draft_report.safety.paths import check_output

    found = read_raw(source)
    if target.is_dir():
        raise InputError("目标是一个文件夹；请给出文件名，例如 data.xlsx", path=str(target))
    check_output(target, inputs=[found.path])
    if (target.exists() or target.is_symlink()) and not force:
        raise InputError("目标文件已存在；为避免覆盖，本次未写入。确需覆盖请加 --force", path=str(target))
    if not target.parent.is_dir():
        raise InputError("目标文件所在的文件夹不存在", path=str(target))
    data = validate_raw(found)
    write_data(target, data_to_raw(data), source=found.path.name)
    return found.notices


CONVERT_HELP = """在 YAML/JSON 数据文件与 Excel 数据工作簿（data.xlsx）之间转换。

\b
示例：
  draft-report convert mydata/data.yaml mydata/data.xlsx
  draft-report convert mydata/data.xlsx mydata/data.yaml

转换前按起草时的规则读取并校验源文件；转换后的文件起草出的报告与源文件完全相同。
已存在的目标文件不会被覆盖，除非加 --force。"""


@app.command("convert", help=CONVERT_HELP)
def convert_command(
    source: Annotated[Path, typer.Argument(metavar="源文件", help="data.yaml、data.json 或 data.xlsx（也可以是其所在文件夹）")],
    target: Annotated[Path, typer.Argument(metavar="目标文件", help="要写出的文件：.xlsx、.yaml 或 .json")],
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的目标文件")] = False,
) -> None:
    notices = convert(source, target, force=force)
    typer.echo(f"已写入 {target}")
    for notice in notices:
        typer.echo(f"提示：{notice}")
    others = [p for p in target.parent.glob("data.*") if p.name != target.name and p.suffix.lower() in TARGET_SUFFIXES]
    if target.stem == "data" and others:
        typer.echo(
            f"提示：文件夹中还有 {'、'.join(p.name for p in others)}；起草时请直接指定要用的数据文件，"
            "或把不再使用的文件移出文件夹"
        )
