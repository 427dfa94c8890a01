"""Write ``data.xlsx``: the data workbook in the official table layout, protected except input cells.

``raw`` has the data file's structure (what ``yaml.safe_load`` of data.yaml gives); anything
missing is left blank — a blank cell is "not filled in", never 0. ``sources`` maps a location
to where a pre-filled value came from (shown as a cell comment and in the 来源 column);
``baseline`` holds last year's 现行有效 counts shown next to 表二.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from draft_report.tables import layout as L
from draft_report.workbook import form as F
from draft_report.workbook.guide import guide_lines

_HEADER_FILL = "D9E1F2"
_TOTAL_FILL = "EDEDED"
_INPUT_FILL = "FFFFFF"
_FONT = "宋体"


class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        thin = Side(style="thin", color="808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
        self.total_fill = PatternFill("solid", fgColor=_TOTAL_FILL)
        self.input_fill = PatternFill("solid", fgColor=_INPUT_FILL)
        self.font = Font(name=_FONT, size=11)
        self.bold = Font(name=_FONT, size=11, bold=True)
        self.title = Font(name=_FONT, size=14, bold=True)
        self.hint = Font(name=_FONT, size=10, color="595959")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.unlocked = Protection(locked=False)
        self.locked = Protection(locked=True)


def _get(raw: Mapping[str, Any], loc: tuple[Any, ...]) -> Any:
    cur: Any = raw
    for part in loc:
        if isinstance(cur, Mapping):
            cur = cur.get(part)
        elif isinstance(cur, list) and isinstance(part, int) and part < len(cur):
            cur = cur[part]
        else:
            return None
    return cur


def _cell_value(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, int, float, str)) or value is None:
        return value
    return str(value)


# cell style attribute → (the workbook's table of such styles, the cell's index into it)
_STYLE_SLOTS = {
    "font": ("_fonts", "fontId"),
    "fill": ("_fills", "fillId"),
    "border": ("_borders", "borderId"),
    "alignment": ("_alignments", "alignmentId"),
    "protection": ("_protections", "protectionId"),
}


class _Writer:
    def __init__(self, raw: Mapping[str, Any], sources: Mapping[tuple[Any, ...], str], baseline: Mapping[str, int]):
        from openpyxl import Workbook
        from openpyxl.styles.cell_style import StyleArray

        self._style_array = StyleArray
        self.raw = raw
        self.sources = sources
        self.baseline = baseline
        self.s = _Styles()
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self._style_index: dict[tuple[str, int], int] = {}

    def _style(self, cell: Any, **styles: Any) -> None:
        """``cell.font = …`` etc. for the ``_Styles`` objects, by index. openpyxl hashes the whole
        style object on every assignment to find it in the workbook's table; here each of our few
        style objects is looked up once per workbook. The cell ends up exactly as with assignment."""
        for name, style in styles.items():
            table, slot = _STYLE_SLOTS[name]
            key = (name, id(style))
            index = self._style_index.get(key)
            if index is None:
                index = self._style_index[key] = getattr(self.wb, table).add(style)
            if not cell._style:  # as openpyxl's descriptor: a cell without styles gets its array now
                cell._style = self._style_array()
            setattr(cell._style, slot, index)

    # --- helpers ---------------------------------------------------------------
    def _sheet(self, name: str) -> Any:
        ws = self.wb.create_sheet(name)
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # staff may still widen columns and rows
        ws.protection.formatRows = False
        ws.sheet_view.zoomScale = 100
        return ws

    def _title(self, ws: Any, text: str, width: int, hint: str = "") -> None:
        ws.cell(1, 1, text).font = self.s.title
        if width > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        if hint:
            c = ws.cell(2, 1, hint)
            c.font = self.s.hint
            c.alignment = self.s.left
            if width > 1:
                ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
            ws.row_dimensions[2].height = 30

    def _header(self, cell: Any) -> None:
        s = self.s
        self._style(cell, font=s.bold, fill=s.header_fill, alignment=s.center, border=s.border, protection=s.locked)

    def _input(self, cell: Any, *, wrap: bool = False) -> None:
        s = self.s
        self._style(cell, font=s.font, fill=s.input_fill, border=s.border, protection=s.unlocked,
                    alignment=s.left if wrap else s.center)

    def _source(self, cell: Any, loc: tuple[Any, ...]) -> str | None:
        source = self.sources.get(loc)
        if source:
            from openpyxl.comments import Comment

            comment = Comment(f"预填：{source}", "draft-report")
            comment.width, comment.height = 300, 80
            cell.comment = comment
        return source

    def _validation(self, ws: Any, kind: str, ref: str, choices: tuple[str, ...] = (), open_: bool = False) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        if kind == "int":
            dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            dv.error = "请填写不小于 0 的整数；没有发生的填 0"
        elif kind == "decimal":
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
            dv.error = "请填写不小于 0 的数，可有小数"
        elif kind == "year":
            dv = DataValidation(type="whole", operator="between", formula1="2021", formula2="2100", allow_blank=True)
            dv.error = "请填写四位数字的年度，例如 2024"
        elif kind == "date":
            dv = DataValidation(type="date", operator="greaterThan", formula1="44197", allow_blank=True)
            dv.error = "请填写日期，例如 2025-01-20"
        elif kind == "choice":
            dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
            dv.error = "请从下拉列表中选择：" + "、".join(choices)
            if open_:
                dv.showErrorMessage = False  # suggestions only: other names are allowed
        else:
            return
        dv.errorTitle = "输入有误"
        if kind != "choice" or not open_:
            dv.showErrorMessage = True
        ws.add_data_validation(dv)
        for part in ref.split():
            dv.add(part)

    # --- sheets ----------------------------------------------------------------
    def form(self, form: F.Form) -> None:
        from openpyxl.utils import get_column_letter

        ws = self._sheet(form.sheet)
        self._title(ws, form.title, 4)
        for col, text in enumerate(("项目", "填写内容", "说明", "来源"), start=1):
            self._header(ws.cell(2, col, text))
        for f in form.fields:
            r = form.row_of(f)
            label = ws.cell(r, 1, f.label)
            self._header(label)
            label.alignment = self.s.left
            cell = ws.cell(r, 2, _cell_value(_get(self.raw, f.path)))
            self._input(cell, wrap=True)
            if f.kind == "date":
                cell.number_format = "yyyy-mm-dd"
            elif f.kind == "text" and f.path[-1] in ("postcode", "phone"):
                cell.number_format = "@"
            if f.kind in ("longtext",):
                ws.row_dimensions[r].height = 60
            hint = ws.cell(r, 3, f.hint)
            hint.font = self.s.hint
            hint.alignment = self.s.left
            source = self._source(cell, f.path)
            if source:
                ws.cell(r, 4, source).font = self.s.hint
            self._validation(ws, f.kind, f"{get_column_letter(2)}{r}", f.choices)
        for letter, width in zip("ABCD", (30, 50, 50, 40), strict=True):
            ws.column_dimensions[letter].width = width

    def list_block(self, block: F.ListBlock, items: list[Any]) -> None:
        from openpyxl.utils import get_column_letter

        ws = self.wb[block.sheet] if block.sheet in self.wb.sheetnames else self._sheet(block.sheet)
        last = block.first_row + max(block.capacity, len(items)) - 1
        for j, col in enumerate(block.columns):
            c = block.first_col + j
            self._header(ws.cell(block.header_row, c, col.label))
            letter = get_column_letter(c)
            ws.column_dimensions[letter].width = col.width
            self._validation(ws, col.kind, f"{letter}{block.first_row}:{letter}{last}", col.choices, col.open_choices)
        for r in range(block.first_row, last + 1):
            item = items[r - block.first_row] if r - block.first_row < len(items) else None
            for j, col in enumerate(block.columns):
                value = item if not col.key else (item.get(col.key) if isinstance(item, Mapping) else None)
                cell = ws.cell(r, block.first_col + j, _cell_value(value))
                self._input(cell, wrap=col.kind == "longtext")

    def table(self, table: str) -> None:
        from openpyxl.utils import get_column_letter

        ts = F.TABLE_SHEETS[table]
        ws = self._sheet(ts.sheet)
        hint = "白色单元格逐格填写件数（没有发生的填 0，不要留空）；灰色为官方表头和由公式计算的总计，不可修改。"
        if table == "table2":
            hint = "白色单元格逐格填写（没有发生的填 0）；收费金额单位为万元，可有小数。右侧为上年现行有效件数，供核对。"
        if table == "table3" and _get(self.raw, ("logs", "requests")):
            hint = "本年度表三由依申请公开登记台账生成，此表留空即可；也可以逐格填写，与台账不一致时会报错。"
        if table == "table4" and _get(self.raw, ("logs", "cases")):
            hint = "本年度表四由复议诉讼案件清单生成，此表留空即可；也可以逐格填写，与清单不一致时会报错。"
        self._title(ws, ts.title, ts.width, hint)
        counts: list[str] = []
        decimals: list[str] = []
        for p in ts.placed:
            cell = ws.cell(p.row, p.col)
            cid = p.cell.cell_id
            merged = p.cell.rowspan > 1 or p.cell.colspan > 1
            if merged:  # merged while the first cell has no border yet: openpyxl then derives none
                ws.merge_cells(start_row=p.row, start_column=p.col, end_row=p.last_row, end_column=p.last_col)
            if cid is None:
                cell.value = p.cell.text
                self._header(cell)
                row_label = table == "table3" and p.row >= F.GRID_TOP + 3 and p.cell.rowspan == 1
                if row_label or (table == "table2" and p.col == 1 and p.cell.colspan == 1):
                    cell.alignment = self.s.left
            elif F.is_total(cid):
                addends = F.TOTALS.get(cid, ())
                refs = ",".join(self._ref(ts, a) for a in addends)
                cell.value = f"=SUM({_compact(refs)})" if addends else None
                s = self.s
                self._style(cell, fill=s.total_fill, border=s.border, font=s.bold, alignment=s.center,
                            protection=s.locked)
            else:
                loc = F.cell_loc(cid)
                cell.value = _cell_value(_get(self.raw, loc))
                self._input(cell)
                self._source(cell, loc)
                (decimals if F.is_decimal(cid) else counts).append(cell.coordinate)
            if merged:  # every cell of the range: the thin border (Excel draws the outline from them)
                protection = self.s.unlocked if cid is not None and not F.is_total(cid) else self.s.locked
                for r in range(p.row, p.last_row + 1):  # … and the first cell's protection (as openpyxl's merge)
                    for c in range(p.col, p.last_col + 1):
                        self._style(ws.cell(r, c), border=self.s.border, protection=protection)
        if counts:
            self._validation(ws, "int", " ".join(counts))
        if decimals:
            self._validation(ws, "decimal", " ".join(decimals))
        widths = {"table2": (26, 18, 18, 18), "table3": (8, 12, 40) + (10,) * 7, "table4": (9,) * 15}[table]
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        if table == "table3":
            for p in ts.placed:
                if p.cell.cell_id is None and p.col == 3 and len(p.cell.text) > 20:
                    ws.row_dimensions[p.row].height = 30
        if table == "table2":
            self._baseline(ws, ts)
        # printed on A4 like the official table: one page wide (表三 and 表四 across the page)
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "portrait" if table == "table3" else "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True

    def _ref(self, ts: F.TableSheet, cid: str) -> str:
        from openpyxl.utils import get_column_letter

        r, c = ts.value_at[cid]
        return f"{get_column_letter(c)}{r}"

    def _baseline(self, ws: Any, ts: F.TableSheet) -> None:
        label_col, formula_col = F.BASELINE_COLUMNS
        first = ts.value_at[L.t2_cell_id(F.BASELINE_ITEMS[0], "made")][0]
        self._header(ws.cell(first - 1, label_col, "上年现行有效件数"))
        self._header(ws.cell(first - 1, formula_col, "参考：上年现行有效＋本年制发－本年废止"))
        for item in F.BASELINE_ITEMS:
            made = self._ref(ts, L.t2_cell_id(item, "made"))
            repealed = self._ref(ts, L.t2_cell_id(item, "repealed"))
            r = ts.value_at[L.t2_cell_id(item, "made")][0]
            base = ws.cell(r, label_col, self.baseline.get(item))
            self._input(base)
            source = self.sources.get(("baseline", item))
            if source:
                self._source(base, ("baseline", item))
            ref = base.coordinate
            formula = ws.cell(r, formula_col, f'=IF({ref}="","",{ref}+{made}-{repealed})')
            formula.fill = self.s.total_fill
            formula.border = self.s.border
            formula.alignment = self.s.center
        ws.column_dimensions["E"].width = 3
        ws.column_dimensions["F"].width = 18
        ws.column_dimensions["G"].width = 24
        self._validation(ws, "int", f"F{first}:F{first + len(F.BASELINE_ITEMS) - 1}")

    def guide(self) -> None:
        ws = self.wb.create_sheet(F.SHEET_HELP)
        ws.column_dimensions["A"].width = 120
        for i, (text, style) in enumerate(guide_lines(), start=1):
            cell = ws.cell(i, 1, text)
            cell.alignment = self.s.left
            cell.font = {"title": self.s.title, "head": self.s.bold}.get(style, self.s.font)
        ws.protection.sheet = True

    def build(self) -> Any:
        self.form(F.BASIC)
        for table in ("table2", "table3", "table4"):
            self.table(table)
        notes = self.raw.get("notes") or {}
        note_items = [{"topic": label, "text": t} for key, label in F.NOTE_TOPICS for t in (notes.get(key) or [])]
        self._titled(F.SHEET_NOTES, "第一部分“总体情况”各小节的要点（一行一条；小节从下拉列表选择）", 2)
        self.list_block(F.NOTES, note_items)
        problem_items: list[dict[str, Any]] = []
        for key, label in F.PROBLEM_KINDS:
            for i, item in enumerate(self.raw.get(key) or []):
                if isinstance(item, Mapping):
                    problem_items.append(
                        {
                            "kind": label,
                            "text": item.get("problem"),
                            "rectification": item.get("rectification"),
                            "_locs": {"text": (key, i, "problem"), "rectification": (key, i, "rectification")},
                        }
                    )
                else:
                    problem_items.append({"kind": label, "text": item, "_locs": {"text": (key, i)}})
        self._titled(F.SHEET_PROBLEMS, "第五部分“存在的主要问题及改进情况”（一行一条）", 3)
        self.list_block(F.PROBLEMS, problem_items)
        self._sources_for_list(F.SHEET_PROBLEMS, F.PROBLEMS, problem_items)
        activity = self.raw.get("activity") or {}
        self._titled(F.SHEET_ACTIVITY, "没有信息发布记录、工作活动记录文件时，在此直接填写本年的条数和次数", 7)
        self.list_block(F.PUBLICATIONS, list(activity.get("publications") or []))
        self.list_block(F.EVENTS, list(activity.get("events") or []))
        self.form(F.FEES)
        self.form(F.OTHER)
        self.list_block(F.OTHER_LIST, list((self.raw.get("other_matters") or {}).get("other") or []))
        self.guide()
        self.wb.active = 0
        return self.wb

    def _titled(self, sheet: str, title: str, width: int) -> None:
        ws = self._sheet(sheet)
        self._title(ws, title, width)

    def _sources_for_list(self, sheet: str, block: F.ListBlock, items: list[dict[str, Any]]) -> None:
        ws = self.wb[sheet]
        for i, item in enumerate(items):
            for j, col in enumerate(block.columns):
                loc = item.get("_locs", {}).get(col.key)
                if loc in self.sources:
                    self._source(ws.cell(block.first_row + i, block.first_col + j), loc)


def _compact(refs: str) -> str:
    """“D5,E5,F5,G5” → “D5:G5” when the cells are one run along a row or a column."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    parts = refs.split(",")
    if len(parts) < 3:
        return refs
    coords = [coordinate_from_string(p) for p in parts]
    cols = [column_index_from_string(c) for c, _ in coords]
    rows = [r for _, r in coords]
    same_row = len(set(rows)) == 1 and cols == list(range(cols[0], cols[0] + len(cols)))
    same_col = len(set(cols)) == 1 and rows == list(range(rows[0], rows[0] + len(rows)))
    if same_row or same_col:
        return f"{parts[0]}:{parts[-1]}"
    return refs


def build_workbook(
    raw: Mapping[str, Any],
    *,
    sources: Mapping[tuple[Any, ...], str] | None = None,
    baseline: Mapping[str, int] | None = None,
) -> Any:
    return _Writer(raw, sources or {}, baseline or {}).build()


def write_workbook(
    path: Path,
    raw: Mapping[str, Any],
    *,
    sources: Mapping[tuple[Any, ...], str] | None = None,
    baseline: Mapping[str, int] | None = None,
) -> None:
    """Write the workbook to ``path`` (the caller decides about overwriting and atomicity)."""
    build_workbook(raw, sources=sources, baseline=baseline).save(path)
