"""Read a log file (CSV or XLSX, Chinese headers) into rows keyed by canonical header.

Headers are validated against a ``LogSpec``: a missing required header or an unknown one is
an ``InputError`` that names it and lists the expected headers. Every row keeps its line
number (the CSV line, or the worksheet row) for messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from draft_report.errors import InputError
from draft_report.records import dataclass
from draft_report.textfiles import read_text_file

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")  # .txt: Excel's “Unicode 文本” (tab-separated UTF-16)
LOG_SUFFIXES = (*TEXT_SUFFIXES, ".xlsx", ".xlsm")
COMMON_OPTIONAL = ("序号", "编号")  # other columns (备注, 申请人姓名 …) are left out with a notice


@dataclass(frozen=True)
class Column:
    name: str  # canonical Chinese header, as written by ``init``
    required: bool = True  # header must be present (its cells may still be optional)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class LogSpec:
    key: str  # publications / events / requests / cases
    title: str  # Chinese name of the log, for messages
    columns: tuple[Column, ...]

    @property
    def headers(self) -> list[str]:
        """Headers written into templates, in order."""
        return [c.name for c in self.columns]

    def expected_text(self) -> str:
        req = "、".join(c.name for c in self.columns if c.required)
        opt = [c.name for c in self.columns if not c.required] + list(COMMON_OPTIONAL)
        return f"应有的列：{req}；可选列：{'、'.join(opt)}；其他列（如申请人姓名、联系电话、备注）读取时略去"


@dataclass(frozen=True)
class LogRow:
    line: int
    values: dict[str, Any]  # canonical header → str | date | number | None (blank)

    def get(self, name: str) -> Any:
        return self.values.get(name)


def normalize_header(text: str) -> str:
    """Drop spaces, BOM, a leading '*' and a trailing parenthesised hint: “办结日期（未办结留空）”."""
    h = re.sub(r"\s+", "", str(text)).lstrip("\ufeff*＊")
    return re.sub(r"[（(][^（()）]*[）)]$", "", h)


def _map_headers(
    raw: list[Any], spec: LogSpec, path: Path, line: int, ignored: list[str] | None = None
) -> dict[int, str]:
    """Column index → canonical header. Columns the log does not use (申请人姓名, 联系电话, 经办人 …)
    are left out and their names appended to ``ignored``; a missing required column is an error
    that names the unrecognised headers (a misspelt one is usually the missing column)."""
    lookup: dict[str, str] = {}
    for col in spec.columns:
        for name in (col.name, *col.aliases):
            lookup[normalize_header(name)] = col.name
    for name in COMMON_OPTIONAL:
        lookup[name] = name
    where = f"第{line}行（表头）"
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    for i, cell in enumerate(raw):
        if cell is None or str(cell).strip() == "":
            continue
        key = normalize_header(cell)
        if key not in lookup:
            unknown.append(str(cell).strip())
            continue
        canonical = lookup[key]
        if canonical in mapping.values():
            raise InputError(f"{spec.title}的表头中“{canonical}”列出现了两次", path=str(path), where=where)
        mapping[i] = canonical
    missing = [c.name for c in spec.columns if c.required and c.name not in mapping.values()]
    if missing:
        from draft_report.logs.values import did_you_mean

        names = {normalize_header(n): c.name for c in spec.columns if c.name in missing for n in (c.name, *c.aliases)}
        hints = "、".join(f"“{u}”{did_you_mean(u, names).removeprefix('；')}" for u in unknown)
        seen = f"；表头中有未知列{hints}" if unknown else ""
        raise InputError(
            f"{spec.title}的表头缺少列“{'”“'.join(missing)}”{seen}；{spec.expected_text()}",
            path=str(path),
            where=where,
        )
    if ignored is not None:
        ignored.extend(unknown)
    return mapping


def _clean(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    if isinstance(value, str):
        v = value.strip().replace("\u3000", "")
        return v or None
    return value


def _header_index(body: list[tuple[int, list[Any]]], spec: LogSpec) -> int:
    """Skip title rows above the header (a single filled cell that is not a header name)."""
    known = {normalize_header(n) for c in spec.columns for n in (c.name, *c.aliases)}
    for i, (_, cells) in enumerate(body):
        filled = [c for c in cells if _clean(c) is not None]
        hits = sum(1 for c in filled if normalize_header(c) in known)
        if hits >= min(2, len(filled)):
            return i
    # no row names two known columns: the first row of several cells is the (faulty) header
    for i, (_, cells) in enumerate(body):
        if sum(1 for c in cells if _clean(c) is not None) > 1:
            return i
    return 0


def _is_comment(cells: list[Any]) -> bool:
    """A note line of the template (“# 办理结果：…”) above the header: not a record."""
    first = next((c for c in (_clean(c) for c in cells) if c is not None), None)
    return isinstance(first, str) and first.startswith(("#", "＃"))


_TOTAL_ROW = re.compile(r"^(?:合计|总计|小计|共计|总数)[:：]?$")


def _is_total_row(cells: list[Any]) -> bool:
    """A “合计” row added under the records in Excel: not a record (the program counts)."""
    filled = [c for c in (_clean(c) for c in cells) if c is not None]
    return bool(filled) and isinstance(filled[0], str) and bool(_TOTAL_ROW.match(re.sub(r"\s+", "", filled[0])))


def _rows(
    raw_rows: list[tuple[int, list[Any]]],
    spec: LogSpec,
    path: Path,
    skipped: list[int] | None = None,
    ignored: list[str] | None = None,
) -> list[LogRow]:
    body = [(n, r) for n, r in raw_rows if any(_clean(c) is not None for c in r) and not _is_comment(r)]
    if not body:
        raise InputError(f"{spec.title}是空的，至少需要一行表头；{spec.expected_text()}", path=str(path))
    start = _header_index(body, spec)
    header_line, header = body[start]
    extra: list[str] = []
    mapping = _map_headers(header, spec, path, header_line, extra)
    if ignored is not None:
        ignored.extend(extra)
    named = {i for i, cell in enumerate(header) if _clean(cell) is not None}
    out: list[LogRow] = []
    for line, cells in body[start + 1 :]:
        if _is_total_row(cells):
            if skipped is not None:
                skipped.append(line)
            continue
        values = {name: None for name in mapping.values()}
        for i, cell in enumerate(cells):
            value = _clean(cell)
            if i in mapping:
                values[mapping[i]] = value
            elif value is not None and i not in named:
                raise InputError(
                    f"{spec.title}中本行第{i + 1}列有内容“{value}”，但表头没有对应的列",
                    path=str(path),
                    where=f"第{line}行",
                )
        out.append(LogRow(line, values))
    return out


def _read_csv(path: Path, spec: LogSpec) -> list[tuple[int, list[Any]]]:
    text = read_text_file(
        path,
        what=f"{spec.title}（CSV）",
        hint="可能是另存时选错了格式，请在 Excel 中另存为“CSV UTF-8”或 .xlsx",
        empty_hint=f"，至少需要一行表头；{spec.expected_text()}",
    )
    sample = text[:2048]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    try:
        start = 1
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"CSV 格式错误：{csv_problem_text(str(exc))}", path=str(path), where=f"第{reader.line_num}行") from None
    return rows


def _read_xlsx(path: Path, spec: LogSpec | None = None) -> list[tuple[int, list[Any]]]:
    """Rows of the first worksheet holding the log (skips a 填表说明 sheet before it).

    Only cells holding values are read (``workbook.cells``): a formatted cell at Z1048576 or a
    merge over a million rows in a small file costs what the file holds, not what it claims."""
    from draft_report.workbook.cells import read_sheets

    what = spec.title if spec is not None else "Excel 文件"
    found: list[tuple[int, list[Any]]] | None = None
    for sheet in read_sheets(path, what):
        rows = sheet.dense_rows()
        _fill_vertical_merges(sheet, rows)
        if found is None:
            found = rows
        if spec is not None and _names_columns(rows, spec):
            return rows
    return found or []


def _names_columns(rows: list[tuple[int, list[Any]]], spec: LogSpec) -> bool:
    """Some row of the sheet names at least two columns of the log."""
    known = {normalize_header(n) for c in spec.columns for n in (c.name, *c.aliases)}
    return any(sum(1 for c in cells if c is not None and normalize_header(c) in known) >= 2 for _, cells in rows)


def _fill_vertical_merges(sheet: Any, rows: list[tuple[int, list[Any]]]) -> None:
    """A cell merged down over several rows (e.g. one “培训” for three rows) holds for each of them.

    Only rows that hold values of their own are filled (a merge reaching row 1,000,000 costs
    nothing beyond them); merges within one row (a title over the columns) are left as they are."""
    import bisect

    numbers = [n for n, _ in rows]
    for min_row, min_col, max_row, max_col in sheet.merges:
        if max_row == min_row:
            continue
        value = sheet.get(min_row, min_col)
        start = bisect.bisect_left(numbers, min_row)
        stop = bisect.bisect_right(numbers, max_row)
        for i in range(start, stop):
            cells = rows[i][1]
            for c in range(min_col, min(max_col, min_col + 50) + 1):
                while len(cells) < c:
                    cells.append(None)
                cells[c - 1] = value


def read_log(
    path: Path, spec: LogSpec, skipped: list[int] | None = None, ignored: list[str] | None = None
) -> list[LogRow]:
    """Rows of a log file (first worksheet for XLSX); raises ``InputError`` on any problem.

    “合计” rows under the records are left out; their line numbers go to ``skipped`` if given.
    Columns the log does not use are left out; their headers go to ``ignored`` if given.
    """
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise InputError("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV", path=str(path))
    if suffix not in LOG_SUFFIXES:
        raise InputError(f"{spec.title}应为 CSV、XLSX 或 Excel 另存的“Unicode 文本”（.txt）文件，实际扩展名为“{path.suffix}”", path=str(path))
    if not path.is_file():
        raise InputError(f"找不到{spec.title}文件", path=str(path))
    raw = _read_csv(path, spec) if suffix in TEXT_SUFFIXES else _read_xlsx(path, spec)
    return _rows(raw, spec, path, skipped, ignored)


_CSV_PROBLEMS = (
    ("new-line character seen in unquoted field", "引号之外出现了单独的回车符（文件的换行符混杂），请用 Excel 或记事本另存为 CSV 后重试"),
    ("field larger than field limit", "某个单元格的内容过长（常见原因：引号未闭合，后面的内容都被当成了同一个单元格）"),
    ("line contains nul", "文件中有空字符（NUL），不像是文本格式的 CSV"),
    ("expected after", "引号后面应紧跟逗号或换行（引号不成对？单元格中的引号请写成两个 \"\"）"),
    ("unexpected end of data", "文件意外结束（引号未闭合）"),
)


def csv_problem_text(message: str) -> str:
    """Chinese for a ``csv.Error`` message (never Python's English text)."""
    lowered = message.lower()
    for key, text in _CSV_PROBLEMS:
        if key in lowered:
            return text
    return "无法按 CSV 格式读取（请检查引号是否成对、各行的列数是否一致）"
