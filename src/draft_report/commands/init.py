"""``draft-report init DIR``: write a fill-in folder — the data workbook (data.xlsx) or, with
``--yaml``, a commented data.yaml — plus CSV register templates.

One data file per folder, so there is one truth: staff get the workbook (Excel is where they
work); data.yaml stays for those who prefer text, and ``convert`` moves a folder between the two.
``--from LAST_YEAR_REPORT`` pre-fills what last year's report already says (``loading.prefill``).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from draft_report.cli_app import app
from draft_report.errors import InputError
from draft_report.safety.atomic import FileSet

if TYPE_CHECKING:
    from draft_report.loading.prefill import Prefill

DATA_FILE = "data.yaml"
WORKBOOK_FILE = "data.xlsx"
_PLACEHOLDER = "（请填写机关全称）"


def _workbook_raw(agency: str, year: int, kind: str, prefill: Prefill | None) -> dict[str, Any]:
    raw: dict[str, Any] = {"agency": {"name": None if agency == _PLACEHOLDER else agency, "kind": kind}, "year": year}
    if prefill is not None:
        for key, value in prefill.raw.items():
            if key == "agency":
                raw["agency"].update({k: v for k, v in value.items() if k not in ("name",) or agency == _PLACEHOLDER})
            else:
                raw[key] = value
    return raw


def write_folder(
    folder: Path,
    *,
    agency: str,
    year: int,
    kind: str = "部门",
    force: bool = False,
    workbook: bool = False,
    prefill: Prefill | None = None,
) -> tuple[list[Path], list[Path]]:
    """Write the fill-in files; returns (written, kept). Existing files are never overwritten."""
    if folder.exists() and not folder.is_dir():
        raise InputError("已存在同名文件，不是文件夹", path=str(folder))
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InputError(
            "文件夹不是空的；为避免覆盖已有文件，请换一个新文件夹，或加 --force（已有文件仍保留不动）",
            path=str(folder),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"无法创建文件夹（{exc.strerror or exc}）", path=str(folder)) from None
    # the templates need the data models (pydantic): loaded when a folder is written, not for --help
    from draft_report.loading.template import LOG_FILE_NAMES, LOG_SPECS, csv_template, data_template

    files: dict[str, tuple[str, str]] = {}
    if not workbook:
        files[DATA_FILE] = (
            data_template(folder=str(folder), agency=agency, year=year, kind=kind, blank=True, prefill=prefill),
            "utf-8",
        )
    for spec in LOG_SPECS:
        files[LOG_FILE_NAMES[spec.key]] = (csv_template(spec), "utf-8-sig")  # BOM so Excel reads UTF-8
    written: list[Path] = []
    kept: list[Path] = []
    with FileSet() as staged:  # all the fill-in files, or none (full disk, Ctrl-C)
        if workbook:
            target = folder / WORKBOOK_FILE
            if target.exists() or target.is_symlink():
                kept.append(target)
            else:
                from draft_report.workbook.write import build_workbook

                raw = _workbook_raw(agency, year, kind, prefill)
                extras: dict[str, Any] = {}
                if prefill is not None:
                    extras = {"sources": prefill.sources, "baseline": prefill.baseline}
                staged.add_stream(target, build_workbook(raw, **extras).save)
                written.append(target)
        for name, (text, encoding) in files.items():
            target = folder / name
            if target.exists() or target.is_symlink():
                kept.append(target)
                continue
            staged.add_text(target, text, encoding=encoding)
            written.append(target)
    return written, kept


def parse_year(text: str) -> int:
    """“2025”, “2025年”, “２０２５”, “二〇二五” → 2025; anything else is an input error."""
    t = unicodedata.normalize("NFKC", text).strip().removesuffix("年度").removesuffix("年")
    t = t.translate(str.maketrans("〇零一二三四五六七八九", "00123456789"))
    if not re.fullmatch(r"\d{4}", t):
        raise InputError(f"--year 应为四位数字的年度，例如 2025，实际为“{text}”")
    return int(t)


INIT_HELP = """新建一个待填写的数据文件夹：Excel 数据工作簿 data.xlsx（与官方表样相同的表二、表三、表四，
以及要点、问题与措施、信息处理费等工作表）和各类台账的 CSV 模板；加 --yaml 则写带中文注释的 data.yaml。

\b
示例：
  draft-report init 2025年报 --agency 某县应急管理局 --year 2025
  draft-report init 2025年报 --from 2024年报.docx

--from 读取上年度报告（.docx、.pdf、.html、.md、.txt），预填机关名称、类型、联系方式、落款，
本年的“上年结转”（上年的“结转下年度继续办理”），上年现行有效件数（供核对），
以及上年报告第五部分的问题（整改情况待填写）；每个预填的值都注明来源。
已有文件不会被覆盖。"""


@app.command("init", help=INIT_HELP, short_help="新建一个待填写的数据文件夹：Excel 数据工作簿（或 data.yaml）和各类台账的 CSV 模板。")
def init_command(
    folder: Annotated[Path, typer.Argument(metavar="数据文件夹", help="要创建的文件夹（应为空文件夹或不存在）")],
    agency: Annotated[
        str, typer.Option("--agency", "-a", metavar="机关全称", show_default=False, help="机关全称，例如“夏县乡村振兴局”")
    ] = _PLACEHOLDER,
    year: Annotated[
        str | None,
        typer.Option("--year", "-y", metavar="年度", help="报告年度，例如 2025；默认为上年报告的下一年，或上一年"),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", metavar="部门|人民政府", help="机关类型：部门 或 人民政府；默认为部门，或按上年报告推断"),
    ] = None,
    last_report: Annotated[
        Path | None,
        typer.Option("--from", metavar="上年报告", help="上年度报告（.docx、.pdf、.html、.md、.txt）：预填机关信息、上年结转、上年问题等"),
    ] = None,
    yaml_form: Annotated[
        bool, typer.Option("--yaml", help="写带中文注释的 data.yaml（文本格式），而不是 Excel 工作簿 data.xlsx")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="允许写入非空文件夹；同名的已有文件仍保留，不会被覆盖")
    ] = False,
) -> None:
    prefill = None
    if last_report is not None:
        from draft_report.loading.prefill import prefill_from_report

        prefill = prefill_from_report(last_report)
    if year is not None:
        year_number = parse_year(year)
    elif prefill is not None and prefill.year is not None:
        year_number = prefill.year + 1
    else:
        year_number = dt.date.today().year - 1
    if kind is None:
        kind = str((prefill.raw.get("agency") or {}).get("kind", "部门")) if prefill is not None else "部门"
    if kind not in ("部门", "人民政府"):
        raise InputError(f"--kind 应为“部门”或“人民政府”，实际为“{kind}”")
    if not 2021 <= year_number <= 2100:
        raise InputError(f"--year 应为 2021 年以后的年度，实际为 {year_number}")
    if prefill is not None:
        given = prefill.raw.get("agency") or {}
        if agency == _PLACEHOLDER and "name" in given:
            agency = given["name"]
        elif "name" in given and given["name"] != agency:  # --agency wins; the report's name is not used
            given["name"] = agency
            prefill.sources.pop(("agency", "name"), None)
        if prefill.year is not None and prefill.year != year_number - 1:
            typer.echo(
                f"提示：上年报告是 {prefill.year} 年度的，而本次年度为 {year_number}；上年结转等预填值请核对", err=True
            )
    written, kept = write_folder(
        folder, agency=agency, year=year_number, kind=kind, force=force, workbook=not yaml_form, prefill=prefill
    )
    for path in written:
        typer.echo(f"已写入 {path}")
    for path in kept:
        typer.echo(f"已存在，未覆盖 {path}")
    if prefill is not None:
        from draft_report.loading.prefill import describe

        typer.echo(f"从上年报告预填了 {len(prefill.sources)} 项：")
        for line in describe(prefill):
            typer.echo(f"  · {line}")
        for item in prefill.missing:
            typer.echo(f"  · 未能预填：{item}")
    data_file = DATA_FILE if yaml_form else WORKBOOK_FILE
    typer.echo(f"请填写 {folder / data_file}，然后运行：draft-report draft {folder} -o 输出文件夹")
