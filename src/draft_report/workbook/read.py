"""Read ``data.xlsx`` into the data file's structure, remembering the sheet and cell of every value.

The result goes through the same normalisation and validation as data.yaml, so the same data
gives the same report byte for byte. Messages name the cell as Excel does: ``表三!E12``.
A table sheet left entirely blank is "not filled in" (the loader says 表三尚未填写 unless a
register provides it); the official labels are compared so that an inserted or deleted row
is reported instead of shifting every number.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import field
from pathlib import Path
from typing import Any

from draft_report.errors import InputError
from draft_report.records import dataclass
from draft_report.tables import layout as L
from draft_report.workbook import form as F
from draft_report.workbook.cells import SheetCells, read_sheets

WHAT = "数据工作簿"


@dataclass
class WorkbookData:
    raw: dict[str, Any]
    where: dict[tuple[Any, ...], str] = field(default_factory=dict)  # data location → “表三!E12”
    blank_tables: list[str] = field(default_factory=list)  # table2/table3/table4 left entirely blank
    dropped: dict[str, Any] = field(default_factory=dict)  # those tables as given (pre-filled rows)
    notices: list[str] = field(default_factory=list)

    def where_of(self, loc: tuple[Any, ...]) -> str | None:
        """The cell of a location, or of its nearest enclosing location that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.where:
                return self.where[loc]
            loc = loc[:-1]
        return None


def ref(sheet: str, row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{sheet}!{get_column_letter(col)}{row}"


def _key(text: Any) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))


def _text(value: Any) -> Any:
    """A text field: numbers typed as numbers (邮编 999001, a phone number) become their digits."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _number(value: Any, *, decimal: bool = False) -> Any:
    if isinstance(value, float) and value.is_integer() and not decimal:
        return int(value)
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    if isinstance(value, str):
        return value.strip() or None
    return value


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time(0) else value
    if isinstance(value, str):
        return value.strip() or None
    return value


def _convert(value: Any, kind: str, *, decimal: bool = False) -> Any:
    if kind in ("int", "decimal", "year"):
        return _number(value, decimal=decimal or kind == "decimal")
    if kind == "date":
        return _date(value)
    return _text(value)


def _set(raw: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    cur = raw
    for part in path[:-1]:
        cur = cur.setdefault(part, {})
    cur[path[-1]] = value


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.sheets: dict[str, SheetCells] = {s.title: s for s in read_sheets(path, WHAT)}
        self.out = WorkbookData(raw={})

    def error(self, where: str, message: str) -> InputError:
        return InputError(message, path=str(self.path), where=where)

    def sheet(self, name: str) -> SheetCells:
        ws = self.sheets.get(name)
        if ws is None:
            raise InputError(
                f"缺少工作表“{name}”；数据工作簿应由 draft-report init 生成（工作表可以增加，但不要删除或改名）",
                path=str(self.path),
            )
        return ws

    def expect_label(self, ws: SheetCells, row: int, col: int, label: str) -> None:
        found = ws.get(row, col)
        if found is None or _key(found) != _key(label):
            shown = f"“{found}”" if found is not None else "空白"
            raise self.error(
                ref(ws.title, row, col),
                f"此处应为“{label}”，实际为{shown}；请不要在受保护的表格中插入、删除或移动行列"
                "（表格须与 draft-report init 生成的一致）",
            )

    # --- forms and lists -----------------------------------------------------------
    def form(self, form: F.Form) -> None:
        ws = self.sheet(form.sheet)
        for f in form.fields:
            r = form.row_of(f)
            self.expect_label(ws, r, 1, f.label)
            value = _convert(ws.get(r, 2), f.kind)
            self.out.where[f.path] = ref(ws.title, r, 2)
            if value is None:
                continue
            _set(self.out.raw, f.path, value)

    def rows(self, block: F.ListBlock) -> list[tuple[int, list[Any]]]:
        ws = self.sheet(block.sheet)
        for j, col in enumerate(block.columns):
            self.expect_label(ws, block.header_row, block.first_col + j, col.label)
        width = len(block.columns)
        out = []
        for r in ws.rows():
            if r < block.first_row:
                continue
            values = [ws.get(r, block.first_col + j) for j in range(width)]
            if any(v is not None for v in values):
                out.append((r, values))
        return out

    def choice(self, value: Any, pairs: tuple[tuple[str, str], ...], cell: str, what: str) -> str:
        key = _key(value)
        for k, label in pairs:
            if key in (_key(label), k, _key(label).lstrip("（一二三四五）()")):
                return k
        from draft_report.logs.values import did_you_mean

        labels = [label for _, label in pairs]
        hint = did_you_mean(str(value), {_key(x): x for x in labels})
        raise self.error(cell, f"{what}“{value}”不是可选的值{hint}；应为以下之一：{'、'.join(labels)}")

    def notes(self) -> None:
        notes: dict[str, list[str]] = {}
        for r, (topic, text) in self.rows(F.NOTES):
            if text is None:
                continue
            if topic is None:
                raise self.error(ref(F.SHEET_NOTES, r, 1), "已填写要点，但没有选择小节；请从下拉列表选择")
            key = self.choice(topic, F.NOTE_TOPICS, ref(F.SHEET_NOTES, r, 1), "小节")
            items = notes.setdefault(key, [])
            self.out.where[("notes", key, len(items))] = ref(F.SHEET_NOTES, r, 2)
            items.append(_text(text))
        if notes:
            self.out.raw["notes"] = notes

    def problems(self) -> None:
        lists: dict[str, list[Any]] = {}
        for r, (kind, text, rect) in self.rows(F.PROBLEMS):
            if text is None and rect is None:
                continue
            if kind is None:
                raise self.error(ref(F.SHEET_PROBLEMS, r, 1), "已填写内容，但没有选择类别；请从下拉列表选择")
            key = self.choice(kind, F.PROBLEM_KINDS, ref(F.SHEET_PROBLEMS, r, 1), "类别")
            items = lists.setdefault(key, [])
            i = len(items)
            if key == "previous_problems":
                items.append({"problem": _text(text), "rectification": _text(rect)})
                self.out.where[(key, i)] = ref(F.SHEET_PROBLEMS, r, 2)
                self.out.where[(key, i, "problem")] = ref(F.SHEET_PROBLEMS, r, 2)
                self.out.where[(key, i, "rectification")] = ref(F.SHEET_PROBLEMS, r, 3)
                continue
            if rect is not None:
                raise self.error(
                    ref(F.SHEET_PROBLEMS, r, 3), "整改情况只用于“上年度报告提出的问题”；本行的类别不是上年度问题"
                )
            items.append(_text(text))
            self.out.where[(key, i)] = ref(F.SHEET_PROBLEMS, r, 2)
        self.out.raw.update(lists)

    def counts(self, block: F.ListBlock, section: str, name: str) -> None:
        items: list[dict[str, Any]] = []
        for r, values in self.rows(block):
            item: dict[str, Any] = {}
            i = len(items)
            for j, col in enumerate(block.columns):
                value = _convert(values[j], col.kind)
                cell = ref(block.sheet, r, block.first_col + j)
                self.out.where[(section, name, i, col.key)] = cell
                if value is not None:
                    item[col.key] = value
            self.out.where[(section, name, i)] = ref(block.sheet, r, block.first_col)
            items.append(item)
        if items:
            self.out.raw.setdefault(section, {})[name] = items

    def other_list(self) -> None:
        items: list[Any] = []
        for r, (text,) in self.rows(F.OTHER_LIST):
            self.out.where[("other_matters", "other", len(items))] = ref(F.SHEET_OTHER, r, 1)
            items.append(_text(text))
        if items:
            self.out.raw.setdefault("other_matters", {})["other"] = items

    # --- tables ----------------------------------------------------------------------
    def table(self, table: str) -> None:
        ts = F.TABLE_SHEETS[table]
        ws = self.sheet(ts.sheet)
        for p in ts.placed:
            if p.cell.cell_id is None and p.cell.text:
                self.expect_label(ws, p.row, p.col, p.cell.text)
        values: dict[str, Any] = {}
        for cid, (r, c) in ts.value_at.items():
            value = _number(ws.get(r, c), decimal=F.is_decimal(cid))
            loc = F.cell_loc(cid)
            self.out.where[loc] = ref(ts.sheet, r, c)
            if F.is_total(cid):
                if value is not None:
                    values[cid] = value  # a formula's cached result or a typed total: compared with the parts
                continue
            values[cid] = value
        from draft_report.loading.guards import unfilled

        raw_table: dict[str, dict[str, Any]] = {}
        for cid, value in values.items():
            _, outer, inner = F.cell_loc(cid)
            raw_table.setdefault(str(outer), {})[str(inner)] = value
        if unfilled(table, {cid: v for cid, v in values.items() if not F.is_total(cid)}):
            self.out.blank_tables.append(table)
            self.out.dropped[table] = raw_table
            return
        self.out.raw[table] = raw_table
        if table == "table2":
            self.baseline(ws, ts)

    def baseline(self, ws: SheetCells, ts: F.TableSheet) -> None:
        """Last year's 现行有效 next to 表二: a notice when this year's count does not follow from it."""
        label_col, _ = F.BASELINE_COLUMNS
        t2 = self.out.raw.get("table2") or {}
        for item in F.BASELINE_ITEMS:
            r = ts.value_at[L.t2_cell_id(item, "made")][0]
            base = ws.get(r, label_col)
            if not isinstance(base, (int, float)) or isinstance(base, bool):
                continue
            row = t2.get(item) or {}
            made, repealed, valid = row.get("made"), row.get("repealed"), row.get("valid")
            if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (made, repealed, valid)):
                continue
            expected = base + made - repealed  # type: ignore[operator]
            if expected != valid:
                label = next(i.label for b in L.T2_BLOCKS for i in b.items if i.id == item)
                self.out.notices.append(
                    f"{ref(ts.sheet, r, ts.value_at[L.t2_cell_id(item, 'valid')][1])}：{label}现行有效件数为 {valid}，"
                    f"而上年现行有效 {base:g} + 本年制发 {made} − 本年废止 {repealed} = {expected:g}；"
                    "如有清理、调整请在正文说明，否则请核对"
                )

    def read(self) -> WorkbookData:
        self.form(F.BASIC)
        for table in ("table2", "table3", "table4"):
            self.table(table)
        self.notes()
        self.problems()
        self.counts(F.PUBLICATIONS, "activity", "publications")
        self.counts(F.EVENTS, "activity", "events")
        self.form(F.FEES)
        self.form(F.OTHER)
        self.other_list()
        return self.out


def read_workbook(path: Path) -> WorkbookData:
    """The data workbook as the data file's structure; ``InputError`` naming sheet and cell."""
    return _Reader(Path(path)).read()
