"""Bounded reading of an .xlsx file: only the cells that hold values, with a cap on everything.

openpyxl's ordinary reading builds every cell of the used range — a 5 KB file with one
formatted cell at Z1048576 means 27 million cells (tens of seconds, gigabytes). Read-only mode
still yields an empty row for every row in between. Here each worksheet's XML is streamed by
openpyxl's own sheet parser (the one read-only mode uses) and only cells holding a value are
kept, so time and memory follow the file's content, not its claimed dimensions. Merged ranges
are kept as rectangles, never expanded. The caps below turn anything larger than a real data
workbook into a clear Chinese message.

Used by the data workbook (``workbook.read``) and by XLSX registers (``logs.readers``).
"""

from __future__ import annotations

import zipfile
from dataclasses import field
from pathlib import Path
from typing import Any

from draft_report.errors import InputError
from draft_report.records import dataclass

MAX_FILE_BYTES = 20_000_000  # an .xlsx file on disk
MAX_UNPACKED_BYTES = 200_000_000  # all parts of the zip, uncompressed (zip bombs)
MAX_VALUE_CELLS = 500_000  # cells holding a value, per worksheet
MAX_ROW = 1_048_576  # Excel's own limit
MAX_COLUMN = 200  # a register or data sheet never needs more columns
MAX_MERGES = 20_000
MAX_SHEETS = 100


@dataclass
class SheetCells:
    """The cells of one worksheet that hold a value, keyed by (row, column), both 1-based."""

    title: str
    values: dict[tuple[int, int], Any] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col

    def get(self, row: int, column: int) -> Any:
        return self.values.get((row, column))

    def rows(self) -> list[int]:
        """Row numbers that hold at least one value, in order."""
        return sorted({r for r, _ in self.values})

    def row_values(self, row: int, width: int | None = None) -> list[Any]:
        cols = [c for r, c in self.values if r == row]
        n = width if width is not None else (max(cols) if cols else 0)
        return [self.values.get((row, c)) for c in range(1, n + 1)]

    def dense_rows(self) -> list[tuple[int, list[Any]]]:
        """(row number, values from column A) for every row holding a value — rows in between skipped."""
        by_row: dict[int, dict[int, Any]] = {}
        for (r, c), v in self.values.items():
            by_row.setdefault(r, {})[c] = v
        out = []
        for r in sorted(by_row):
            cells = by_row[r]
            out.append((r, [cells.get(c) for c in range(1, max(cells) + 1)]))
        return out


def _check_zip(path: Path, what: str) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"无法读取{what}（{exc.strerror or exc}）", path=str(path)) from None
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{what}过大（{size // 1_000_000} MB，上限 {MAX_FILE_BYTES // 1_000_000} MB）；"
            "请删去与本年度无关的工作表或记录后再试",
            path=str(path),
        )
    try:
        with zipfile.ZipFile(path) as zf:
            unpacked = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError(
            f"无法读取 Excel 文件（{what}）：不是有效的 .xlsx 文件（可能已损坏，或是改了扩展名的其他文件）",
            path=str(path),
        ) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            f"{what}解压后过大（{unpacked // 1_000_000} MB，上限 {MAX_UNPACKED_BYTES // 1_000_000} MB），"
            "不像是正常的数据表格，已拒绝读取",
            path=str(path),
        )


def open_workbook(path: Path, what: str = "Excel 文件") -> Any:
    """An openpyxl workbook in read-only mode (cached formula results, not formulas)."""
    _check_zip(path, what)
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise InputError(
            f"无法读取 Excel 文件（{what}，{type(exc).__name__}）；请确认是 Excel 保存的 .xlsx 文件", path=str(path)
        ) from None
    if len(wb.worksheets) > MAX_SHEETS:
        wb.close()
        raise InputError(f"{what}的工作表过多（{len(wb.worksheets)} 个）", path=str(path))
    return wb


def read_sheet(wb: Any, ws: Any, path: Path, what: str = "Excel 文件") -> SheetCells:
    """Stream one worksheet of ``open_workbook``'s result; only cells holding a value are kept."""
    from openpyxl.worksheet._reader import WorkSheetParser

    out = SheetCells(ws.title)
    where = f"工作表“{ws.title}”"
    try:
        with ws._get_source() as src:
            parser = WorkSheetParser(
                src,
                ws._shared_strings,
                data_only=True,
                epoch=wb.epoch,
                date_formats=wb._date_formats,
                timedelta_formats=wb._timedelta_formats,
            )
            for _, row in parser.parse():
                for cell in row:
                    value = cell["value"]
                    if value is None or (isinstance(value, str) and not value.strip()):
                        continue
                    r, c = cell["row"], cell["column"]
                    if c > MAX_COLUMN or r > MAX_ROW:
                        raise InputError(
                            f"{where}第{r}行第{c}列有内容，超出可读取的范围（最多 {MAX_COLUMN} 列）；"
                            "请删去表格右侧或下方多余的内容",
                            path=str(path),
                        )
                    out.values[(r, c)] = value
                    if len(out.values) > MAX_VALUE_CELLS:
                        raise InputError(
                            f"{where}有内容的单元格超过 {MAX_VALUE_CELLS} 个，超出可读取的范围", path=str(path)
                        )
            merged = getattr(parser, "merged_cells", None)
            refs = [m.ref for m in getattr(merged, "mergeCell", None) or []]
    except InputError:
        raise
    except Exception as exc:  # damaged XML inside the zip
        raise InputError(f"无法读取{what}的{where}（{type(exc).__name__}）", path=str(path)) from None
    if len(refs) > MAX_MERGES:
        raise InputError(f"{where}的合并单元格过多（{len(refs)} 处，上限 {MAX_MERGES}）", path=str(path))
    from openpyxl.utils.cell import range_boundaries

    for ref in refs:
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if None in (min_col, min_row, max_col, max_row):
            continue
        out.merges.append((int(min_row), int(min_col), int(max_row), int(max_col)))  # type: ignore[arg-type]
    return out


def read_sheets(path: Path, what: str = "Excel 文件") -> list[SheetCells]:
    """Every worksheet of the file, in order (chart sheets skipped)."""
    wb = open_workbook(path, what)
    try:
        return [read_sheet(wb, ws, path, what) for ws in wb.worksheets if hasattr(ws, "_get_source")]
    finally:
        wb.close()
