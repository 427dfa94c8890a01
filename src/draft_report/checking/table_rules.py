"""Table rules: identities H1–H4, values H5, blank cells H6, unreadable cells, and cells vs data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from draft_report.checking import table_causes as C
from draft_report.checking.findings import Finding, Location
from draft_report.checking.prose import fmt
from draft_report.models.document import ReportDocument
from draft_report.models.tables import TablePart
from draft_report.regex_cache import regex
from draft_report.sections import TABLE_SECTION
from draft_report.tables import identities as I
from draft_report.tables import layout as L

_TABLE_OF_PREFIX = {"t2": "table2", "t3": "table3", "t4": "table4"}
_TABLE_NAME = {"table2": "表二", "table3": "表三", "table4": "表四"}
_NUMBER = regex(r"^[-−－]?\d+(?:\.\d+)?$")


def _bad_number(raw: str, decimal: bool) -> bool:
    """A number that breaks H5: negative, or with decimals in a count cell."""
    text = raw.replace(",", "").strip()
    if not _NUMBER.match(text):
        return False
    negative = text[0] in "-−－"
    return negative or (not decimal and "." in text)


def _table_key(cell_id: str) -> str:
    return _TABLE_OF_PREFIX[cell_id.split(".", 1)[0]]


def _layout_of(doc: ReportDocument, cell_id: str) -> L.Layout:
    return doc.tables.table2.layout if cell_id.startswith("t2.") else doc.tables.table3.layout


def info_of(doc: ReportDocument, cell_id: str) -> L.CellInfo:
    """The cell's description in the wording of the report's format."""
    info = L.cell_info(cell_id, _layout_of(doc, cell_id))
    if info is None:
        raise KeyError(cell_id)
    return info


def describe(doc: ReportDocument, cell_id: str) -> str:
    return L.describe_cell(cell_id, _layout_of(doc, cell_id))


def cell_location(doc: ReportDocument, cell_id: str, info: L.CellInfo | None = None) -> Location:
    """Where a cell is (``info``: its ``info_of``, when the caller has it already)."""
    info = info or info_of(doc, cell_id)
    return Location(
        section=TABLE_SECTION[_table_key(cell_id)],
        table=info.table,
        row=info.row,
        column=info.column,
        line=doc.cell_lines.get(cell_id),
        excerpt=doc.table_lines.get(cell_id),
        cell_id=cell_id,
    )


def _found_tables(doc: ReportDocument) -> set[str]:
    found = set(doc.tables_found)
    if not found:  # a drafted document, or a reader that did not record it: infer from values
        found = {part.key for part in _parts(doc) if part.filled()}
    return found


def _parts(doc: ReportDocument) -> tuple[TablePart, TablePart, TablePart]:
    return doc.tables.table2, doc.tables.table3, doc.tables.table4


# a table's cell ids in printed order, per (table, format name): built once
_CELL_IDS: dict[tuple[str, str], tuple[str, ...]] = {}


def _blank_cells(part: TablePart) -> list[str]:
    """A table's blank cells, in printed order."""
    values = part.filled()
    key = (part.key, part.layout.name)
    ids = _CELL_IDS.get(key)
    if ids is None:
        ids = _CELL_IDS[key] = tuple(part.cell_ids())
    if len(values) == len(ids):
        return []  # every cell filled (the usual case): nothing to scan
    return [cid for cid in ids if cid not in values]


def _identity_values(doc: ReportDocument) -> dict[str, int | float]:
    """The cells identities are made of (表三, 表四) that hold a readable value."""
    values = {**doc.tables.table3.filled(), **doc.tables.table4.filled()}
    for issue in doc.cell_issues:
        if issue.problem == "unreadable":
            values.pop(issue.cell_id, None)
    return values


def _differing(doc: ReportDocument, data_cells: dict[str, Any], get: Callable[[str], int | float | None]) -> dict[str, float]:
    """表三/表四 cells whose (read) value differs from the data's: cell → the data's value (``get``: the
    identity cells, ``None`` for any other)."""
    out: dict[str, float] = {}
    for cid, expected in _expected_cells(doc, data_cells).items():
        actual = get(cid)
        if expected is not None and actual is not None and abs(float(expected) - float(actual)) > 1e-6:
            out[cid] = float(expected)
    return out


def _broken_by_data(doc: ReportDocument, data_cells: dict[str, Any]) -> dict[str, list[C.Failure]]:
    """With ``--data``: cell → the failing identities its difference from the data accounts for."""
    tables = doc.tables
    compiled = I.compiled_for(tables.table3_layout)
    if compiled.all_hold(tables.table3.filled(), tables.table4.filled()):
        return {}  # no identity fails
    values = _identity_values(doc)
    get = values.get
    failing, _ = C.evaluate(compiled, values)
    return C.data_causes(failing, get, _differing(doc, data_cells, get)) if failing else {}


def _names(failures: tuple[C.Failure, ...] | list[C.Failure]) -> str:
    return "；".join(f"{f.identity.name}（{fmt(f.left)} ≠ {fmt(f.right)}）" for f in failures)


def _cause_rule(cause: C.Cause) -> str:
    """The rule a cause is filed under: the identity whose total it is, else a column identity."""
    for f in cause.failures:
        if f.identity.total_cell == cause.cell_id:
            return f.identity.rule
    rules = [f.identity.rule for f in cause.failures]
    return next((r for r in ("H2", "H1", "H4") if r in rules), rules[0])


def _stated(claims: Sequence[Any]) -> dict[str, list[Any]]:
    """Cell → the prose claims that state its value (a number bound to exactly that cell)."""
    out: dict[str, list[Any]] = {}
    for lc in claims:
        c = lc.claim
        if c.kind != "number" or c.fact is None or c.approx or len(c.fact.cells) != 1:
            continue
        out.setdefault(c.fact.cells[0], []).append(lc)
    return out


def table_identity_findings(
    doc: ReportDocument, dataset: Any = None, claims: Sequence[Any] = ()
) -> tuple[list[Finding], set[tuple[int | None, str]]]:
    """H1–H4, one finding per root cause: with ``dataset``, identities broken by cells that differ
    from the data are left to those cells' ``data.cell_mismatch`` findings; a cell that alone
    explains several broken identities — or whose balancing value the prose (``claims``) states —
    is named once as their likely cause; what remains is reported per identity, without blaming
    its total. Returns the findings and the (line, stated value) of the prose claims folded into
    a cause: their ``prose.mismatch`` is the same root cause and is not reported again."""
    folded: set[tuple[int | None, str]] = set()
    tables = doc.tables
    compiled = I.compiled_for(tables.table3_layout)
    if compiled.all_hold(tables.table3.filled(), tables.table4.filled()):
        return [], folded  # every identity holds with every cell read (the usual report)
    values = _identity_values(doc)
    get = values.get
    failing, holding = C.evaluate(compiled, values)
    if not failing:
        return [], folded  # every identity that can be evaluated holds
    stated_claims = _stated(claims) if dataset is None else {}
    stated = {cid: {float(lc.claim.value) for lc in lcs} for cid, lcs in stated_claims.items()}
    if dataset is not None:
        by_data = C.data_causes(failing, get, _differing(doc, dataset.data.tables().cells(), get))
        explained = {f.identity for fs in by_data.values() for f in fs}
        failing = [f for f in failing if f.identity not in explained]
    out: list[Finding] = []
    confirmed = C.holding_cells(holding)  # cells that agree with the other identities they are in
    causes = C.inferred_causes(failing, holding, get, stated, confirmed)
    for cause in causes:
        n = len(cause.failures)
        said = ""
        if cause.stated:
            lcs = [lc for lc in stated_claims[cause.cell_id] if abs(lc.claim.value - cause.expected) < 1e-9]
            said = f"；文中“{lcs[0].claim.text}”也是 {fmt(cause.expected)}"
            folded |= {(lc.line, lc.claim.shown_value) for lc in lcs}
        out.append(Finding(
            f"table.identity.{_cause_rule(cause)}", "error",
            f"{describe(doc, cause.cell_id)}可能有误：报告为 {fmt(cause.actual)}，按勾稽关系应为 {fmt(cause.expected)}"
            f"——只改这一格，它所在的 {n} 项勾稽关系就都成立：{_names(cause.failures)}{said}",
            cell_location(doc, cause.cell_id), fmt(cause.expected), fmt(cause.actual)))
    covered = {f.identity for cause in causes for f in cause.failures}
    for f in failing:
        if f.identity in covered:
            continue
        ident, left, right = f.identity, f.left, f.right
        cell = ident.total_cell or ident.lhs[0]
        loc = cell_location(doc, cell)
        if ident.total_cell and cell in confirmed:
            # the total agrees with the other identities it is in: one of the parts is wrong
            msg = (f"{ident.name}不成立：各项之和为 {fmt(right)}，而{describe(doc, cell)}为 {fmt(left)}；"
                   "该总计与其他勾稽关系相符，应是其中某一项有误（表格本身无法判断是哪一项）")
            out.append(Finding(f"table.identity.{ident.rule}", "error", msg,
                               Location(section=loc.section, table=loc.table, row=None, column=loc.column,
                                        line=loc.line, excerpt=loc.excerpt),
                               fmt(left), fmt(right)))
            continue
        if ident.total_cell:
            # any of the identity's cells may be the wrong one: point at the row, blame no cell
            msg = (f"{ident.name}不成立：{describe(doc, cell)}为 {fmt(left)}，各项之和为 {fmt(right)}"
                   "（总计或其中某一项有误，表格本身无法判断是哪一格）")
            loc = Location(section=loc.section, table=loc.table, row=loc.row, line=loc.line, excerpt=loc.excerpt)
            out.append(Finding(f"table.identity.{ident.rule}", "error", msg, loc, fmt(right), fmt(left)))
            continue
        msg = f"{ident.name}不成立：左边合计 {fmt(left)}，右边合计 {fmt(right)}"
        loc = Location(section=loc.section, table=loc.table, column=loc.column, line=loc.line, excerpt=loc.excerpt)
        out.append(Finding(f"table.identity.{ident.rule}", "error", msg, loc, fmt(right), fmt(left)))
    return out, folded


def cell_findings(doc: ReportDocument) -> list[Finding]:
    """H5 (values), unreadable cells, H6 (blank cells, grouped by row) and missing tables."""
    out: list[Finding] = []
    issues = {i.cell_id: i for i in doc.cell_issues}
    unreadable: dict[tuple[str, str, str, int | None], list[tuple[L.CellInfo, Location]]] = {}
    for cid, issue in issues.items():
        if issue.problem != "unreadable" or cid not in L.CELL_INFO:
            continue
        raw = (issue.raw or "").strip()
        info = info_of(doc, cid)
        loc = cell_location(doc, cid, info)
        if issue.line is not None and loc.line is None:
            loc = Location(**{**loc.to_dict(), "line": issue.line})
        if _bad_number(raw, info.decimal):
            out.append(Finding("table.value.H5", "error",
                               f"{info.description}应为不小于 0 的{'数' if info.decimal else '整数'}，报告中为“{raw}”",
                               loc, "整数 ≥ 0", raw))
        else:
            unreadable.setdefault((info.table, info.row, raw, loc.line), []).append((info, loc))
    # a row of a found table that the reader could not locate (extraction damage): not blank
    missing_rows: dict[tuple[str, str], list[str]] = {}
    tables_found = set(doc.tables_found)
    for cid, issue in issues.items():
        if issue.problem == "missing" and not issue.raw and cid in L.CELL_INFO and _table_key(cid) in tables_found:
            info = info_of(doc, cid)
            missing_rows.setdefault((info.table, info.row), []).append(cid)
    out += missing_row_findings(doc, missing_rows)
    for (table, row, raw, _line), cells in unreadable.items():
        first, loc = cells[0]
        cols = "、".join(info.column for info, _ in cells)
        where = first.description if len(cells) == 1 else f"{table}“{row}”行 {len(cells)} 个单元格（{cols}）"
        out.append(Finding("table.unreadable", "warning", f"{where}无法读取（原文“{raw or '？'}”），未作推测",
                           Location(**{**loc.to_dict(), "column": cols}), None, raw or None))
    for note in doc.table_notes:
        section = TABLE_SECTION.get({"表二": "table2", "表三": "table3", "表四": "table4"}.get(note.table, ""))
        out.append(Finding("table.format_deviation", "warning", note.message,
                           Location(section=section, table=note.table, line=note.line, excerpt=note.raw)))
    found = _found_tables(doc)
    for key, section in TABLE_SECTION.items():
        name = _TABLE_NAME[key]
        if key not in found:
            out.append(Finding("structure.table_missing", "warning", f"未找到{name}（或其中没有可读取的数字）",
                               Location(section=section, table=name)))
            continue
    not_blank = {cid for cid, issue in issues.items() if issue.problem == "unreadable"}
    not_blank.update(c for cids in missing_rows.values() for c in cids)
    blank = [cid for part in _parts(doc) if part.key in found for cid in _blank_cells(part) if cid not in not_blank]
    out += blank_findings(doc, blank)
    return out


def missing_row_findings(doc: ReportDocument, missing_rows: dict[tuple[str, str], list[str]]) -> list[Finding]:
    """A row of a found table that the reader could not locate: one warning per row — and one for
    each stretch of two or more such rows in a row (a table cut off by a web page's excerpt, a
    missing page), naming its first and last row, and saying so when nothing is read after it."""
    out: list[Finding] = []
    by_table: dict[str, list[tuple[str, list[str]]]] = {}
    for (table, row), cids in missing_rows.items():
        by_table.setdefault(table, []).append((row, cids))
    for table, rows in by_table.items():
        section = TABLE_SECTION.get(_table_key(rows[0][1][0]))
        order = _row_order(doc, rows[0][1][0])
        runs: list[list[tuple[str, list[str]]]] = []
        for row, cids in sorted(rows, key=lambda rc: order.get(rc[0], len(order))):
            at = order.get(row)
            last = runs[-1][-1][0] if runs else None
            if runs and at is not None and last in order and order[last] + 1 == at:
                runs[-1].append((row, cids))
            else:
                runs.append([(row, cids)])
        for run in runs:
            first, cids = run[0]
            if len(run) == 1:
                msg = (f"{table}“{first}”行未能在报告中找到或对应（{len(cids)} 个单元格未读取，"
                       "可能是排版或转换打乱了该行），未作推测")
            else:
                cells = sum(len(c) for _, c in run)
                end = " —— 其后没有可读取的行，表格可能被截断或缺页" if order.get(run[-1][0]) == len(order) - 1 else ""
                msg = (f"{table}自“{first}”行至“{run[-1][0]}”行共 {len(run)} 行未能在报告中找到或对应"
                       f"（{cells} 个单元格未读取{end}；也可能是排版或转换打乱了这些行），未作推测")
            out.append(Finding("table.unreadable", "warning", msg, Location(section=section, table=table, row=first),
                               None, None))
    return out


def _row_order(doc: ReportDocument, cell_id: str) -> dict[str, int]:
    """The position of each row (as ``CellInfo.row`` names it) of the cell's table, in printed order."""
    return _rows_in_order(_layout_of(doc, cell_id))[cell_id.split(".", 1)[0]]


@L.per_layout
def _rows_in_order(layout: L.Layout) -> dict[str, dict[str, int]]:
    """``_row_order`` of each table of a format (by its cell ids' prefix "t2", "t3", "t4"): built once."""
    out: dict[str, dict[str, int]] = {"t2": {}, "t3": {}, "t4": {}}
    for cid in layout.all_cell_ids():
        info = L.cell_info(cid, layout)
        rows = out[cid.split(".", 1)[0]]
        if info is not None and info.row not in rows:
            rows[info.row] = len(rows)
    return out


def blank_findings(doc: ReportDocument, blank: list[str]) -> list[Finding]:
    """H6, grouped: 表三 columns blank in every row as one finding, the other blanks per row."""
    out: list[Finding] = []
    if not blank:
        return out
    blank_set = set(blank)
    for part in _parts(doc):  # a table without a single number: one finding, not one per row
        if part.filled():
            continue
        empty = [cid for cid in blank if cid.startswith(part.key.replace("table", "t") + ".")]
        if len(empty) > 1:
            n_rows = len({info_of(doc, cid).row for cid in empty})
            name = _TABLE_NAME[part.key]
            loc = cell_location(doc, empty[0])
            out.append(Finding("table.blank.H6", "warning",
                               f"{name}没有填写任何数字：{n_rows} 行 {len(empty)} 个单元格全部空白"
                               "（空白不等于 0，没有发生应填 0）",
                               Location(section=loc.section, table=name, line=loc.line, excerpt=loc.excerpt,
                                        cell_id=empty[0]), "0 或具体数字", "空白"))
            blank_set -= set(empty)
    t3_rows = doc.tables.table3_layout.t3_rows
    whole = [(c, cells) for c, cells in _t3_column_cells(doc.tables.table3_layout) if cells <= blank_set]
    whole_cols = [c for c, _ in whole]
    if whole_cols and len(whole_cols) < len(L.T3_COLUMNS):
        cols = "、".join(c.label for c in whole_cols)
        first = L.t3_cell_id(t3_rows[0].id, whole_cols[0].id)
        loc = cell_location(doc, first)
        out.append(Finding("table.blank.H6", "warning",
                           f"表三“{cols}”列整列空白（{len(t3_rows)} 行）：空白不等于 0，没有发生应填 0",
                           Location(section=loc.section, table="表三", column=cols, line=loc.line,
                                    excerpt=loc.excerpt, cell_id=first),
                           "0 或具体数字", "空白"))
        for _, cells in whole:
            blank_set -= cells
    dashes = {i.cell_id: (i.raw or "").strip() for i in doc.cell_issues if i.problem == "placeholder"}
    rows: dict[tuple[str, str, str], list[L.CellInfo]] = {}
    for cid in blank:
        if cid in blank_set:
            info = info_of(doc, cid)
            rows.setdefault((info.table, info.row, dashes.get(cid, "")), []).append(info)
    for (table, row, dash), infos in rows.items():
        cols = "、".join(info.column for info in infos)
        first = infos[0].cell_id
        loc = cell_location(doc, first, infos[0])
        if dash:
            msg = (f"{table}“{row}”行有 {len(infos)} 个单元格填写为“{dash}”（{cols}）：按空白处理，未当作 0，"
                   "涉及的勾稽关系未核对；没有发生应填 0")
        else:
            msg = f"{table}“{row}”行有 {len(infos)} 个单元格空白（{cols}）：空白不等于 0，没有发生应填 0"
        out.append(Finding("table.blank.H6", "warning", msg,
                           Location(section=loc.section, table=table, row=row, column=cols, line=loc.line,
                                    excerpt=loc.excerpt, cell_id=first),
                           "0 或具体数字", dash or "空白"))
    return out


@L.per_layout
def _t3_column_cells(layout: L.Layout) -> tuple[tuple[L.T3Column, frozenset[str]], ...]:
    """Each 表三 column of the format with the ids of its cells in every row (built once per format)."""
    return tuple((c, frozenset(L.t3_cell_id(r.id, c.id) for r in layout.t3_rows)) for c in L.T3_COLUMNS)


def _expected_cells(doc: ReportDocument, data_cells: dict[str, int | float | None]) -> dict[str, int | float | None]:
    """The data's value of every cell of the report's format. A 2019-format report's single
    （六）其他处理 row is the sum of the data's three sub-rows; cells only the data's format has
    (表二 of the other format) are not compared."""
    out: dict[str, int | float | None] = {}
    rows: dict[str, L.T3Row] | None = None  # 表三's rows by id, built when first needed
    for cid in (c for part in _parts(doc) for c in part.cell_ids()):
        if cid in data_cells:
            out[cid] = data_cells[cid]
            continue
        if not cid.startswith("t3."):
            continue
        _, row_id, col = cid.split(".")
        rows = rows if rows is not None else doc.tables.table3_layout.t3_row_by_id
        row = rows.get(row_id)
        if row is not None and row.merges:
            parts = [data_cells.get(L.t3_cell_id(r, col)) for r in row.merges]
            out[cid] = None if any(v is None for v in parts) else sum(v for v in parts if v is not None)
    return out


def data_findings(doc: ReportDocument, dataset: Any) -> list[Finding]:
    """Every table cell of the report vs the data file."""
    out: list[Finding] = []
    data_cells = dataset.data.tables().cells()
    found = _found_tables(doc)
    bad = {i.cell_id: i.raw for i in doc.cell_issues if i.problem == "unreadable"}
    dashes = {i.cell_id for i in doc.cell_issues if i.problem == "placeholder"}
    broken = _broken_by_data(doc, data_cells)
    values = {**doc.tables.table2.filled(), **doc.tables.table3.filled(), **doc.tables.table4.filled()}
    for cid, expected in _expected_cells(doc, data_cells).items():
        if _table_key(cid) not in found:
            continue
        if cid in bad:
            raw = bad[cid] or ""
            out.append(Finding("data.cell_mismatch", "error",
                               f"{describe(doc, cid)}无法读取（原文“{raw}”），无法与数据核对：数据为 {fmt(expected)}",
                               cell_location(doc, cid), fmt(expected), f"无法读取：{raw}"))
            continue
        actual = values.get(cid)
        if expected is None and actual is None:
            continue
        if actual is None and expected == 0 and cid in dashes:
            continue  # "—" for a 0 of the data: the H6 warning already asks for a written 0
        if expected is not None and actual is not None and abs(float(expected) - float(actual)) < 1e-6:
            continue
        msg = f"{describe(doc, cid)}与数据不一致：数据为 {fmt(expected)}，报告为 {fmt(actual)}"
        if cid in broken:
            msg += f"；由此 {len(broken[cid])} 项勾稽关系不成立：{_names(broken[cid])}"
        out.append(Finding("data.cell_mismatch", "error", msg, cell_location(doc, cid), fmt(expected), fmt(actual)))
    return out
