"""``draft-report init DIR``: write a fill-in folder (commented data.yaml + CSV templates)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path
from typing import Annotated

import typer

from draft_report.cli_app import app
from draft_report.errors import InputError
from draft_report.loading.template import LOG_FILE_NAMES, LOG_SPECS, csv_template, data_template
from draft_report.safety.atomic import FileSet

DATA_FILE = "data.yaml"


def write_folder(
    folder: Path, *, agency: str, year: int, kind: str = "部门", force: bool = False
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
    files: dict[str, tuple[str, str]] = {
        DATA_FILE: (data_template(folder=str(folder), agency=agency, year=year, kind=kind), "utf-8")
    }
    for spec in LOG_SPECS:
        files[LOG_FILE_NAMES[spec.key]] = (csv_template(spec), "utf-8-sig")  # BOM so Excel reads UTF-8
    written: list[Path] = []
    kept: list[Path] = []
    with FileSet() as staged:  # all the fill-in files, or none (full disk, Ctrl-C)
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


@app.command("init", help="新建一个待填写的数据文件夹：带中文注释的 data.yaml 和各类台账的 CSV 模板。")
def init_command(
    folder: Annotated[Path, typer.Argument(help="要创建的文件夹（应为空文件夹或不存在）")],
    agency: Annotated[
        str, typer.Option("--agency", "-a", help="机关全称，例如“夏县乡村振兴局”")
    ] = "（请填写机关全称）",
    year: Annotated[str | None, typer.Option("--year", "-y", help="报告年度，例如 2025；默认为上一年")] = None,
    kind: Annotated[str, typer.Option("--kind", help="机关类型：部门 或 人民政府")] = "部门",
    force: Annotated[
        bool, typer.Option("--force", help="允许写入非空文件夹；同名的已有文件仍保留，不会被覆盖")
    ] = False,
) -> None:
    year_number = parse_year(year) if year is not None else dt.date.today().year - 1
    if kind not in ("部门", "人民政府"):
        raise InputError(f"--kind 应为“部门”或“人民政府”，实际为“{kind}”")
    if not 2021 <= year_number <= 2100:
        raise InputError(f"--year 应为 2021 年以后的年度，实际为 {year_number}")
    written, kept = write_folder(folder, agency=agency, year=year_number, kind=kind, force=force)
    for path in written:
        typer.echo(f"已写入 {path}")
    for path in kept:
        typer.echo(f"已存在，未覆盖 {path}")
    typer.echo(f"请填写 {folder / DATA_FILE}，然后运行：draft-report draft {folder} -o 输出文件夹")
