"""表二/表三/表四 from the blocks of their region, matched through ``tables.layout``.

Each of 表二 and 表三 is read in the format its labels show (2021 or the 2019 trial format:
表二's columns, 表三's single （六）其他处理 row); when the labels do not tell, in the
format of the report's year (``TableRead.year``). Both formats are defined in
``tables.layout``; the matching below is the same for both.

Numbers are read positionally: 表二 per item (3 values for 第（一）项, 1 for the others),
表三 7 values per row in column order, 表四 15 values in the order rv, ld, lr (or three
labelled rows of 5). A blank cell stays ``None``; a cell that holds something unusable, or a
row whose values cannot be put in their columns, is recorded as ``unreadable`` with its raw
text; a cell of a table that is present but whose row was not found is ``missing``.
"""

from __future__ import annotations

from dataclasses import field
from functools import cache
from itertools import chain, repeat
from operator import attrgetter

from draft_report.limits import MAX_NUMBER_DIGITS
from draft_report.models.document import CellIssue, TableNote
from draft_report.models.tables import TablePart, Tables
from draft_report.reading.blocks import SIGNED, Block, compact, is_dash, norm_key, parse_number
from draft_report.reading.runs import (
    MARGIN,
    MATCH,
    Entry,
    Placement,
    RowSpec,
    RowSpecs,
    Value,
    align,
    entries_of,
    is_subtotal,
    merge_split_runs,
    raw_of,
    value_cells,
)
from draft_report.records import dataclass
from draft_report.regex_cache import regex
from draft_report.tables import layout as L

# Strings of the 2019 试行 format (spec §6), compared without spaces and after NFKC.
OLD_FORMAT_MARKERS: tuple[str, ...] = (
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "政府集中采购",
    "采购项目数量",
    "采购总金额",
    "第二十条第（九）项",
)
_TABLE_OF_PREFIX = {"t2.": "table2", "t3.": "table3", "t4.": "table4"}
_MARKER_FORMS = str.maketrans({"(": "（", ")": "）", "／": "/"})  # as the markers are written
OLD_SINGLE_OTHER_ROW = "表三“（六）其他处理”只有一行，没有“1.申请人无正当理由逾期不补正…”等三个子项"

_ANCHORS = {
    "table2": regex(r"第二十条|信息内容|本年制发件数"),
    "table3": regex(r"勾稽关系|申请人情况|本年新收政府信息公开申请"),
    "table4": regex(r"^行政复议|结果维持|尚未审结|未经复议直接起诉|复议后起诉"),
}


def _column_keys(layout: L.Layout, first_block: bool = False) -> frozenset[str]:
    """The 表二 column labels that only this format prints (compared as ``norm_key``)."""
    blocks = layout.t2_blocks[:1] if first_block else layout.t2_blocks
    own = {norm_key(m.label) for b in blocks for m in b.measures}
    own |= {norm_key(v) for b in blocks for m in b.measures for v in m.variants}
    other = {norm_key(m.label) for lay in L.LAYOUTS.values() if lay is not layout
             for b in lay.t2_blocks for m in b.measures}
    return frozenset(k for k in own if not any(k in o or o in k for o in other))


_T2_COLUMN_KEYS = {name: _column_keys(lay) for name, lay in L.LAYOUTS.items()}
_T2_FIRST_KEYS = {name: _column_keys(lay, first_block=True) for name, lay in L.LAYOUTS.items()}


@dataclass
class TableRead:
    """What reading a report's tables produced: values, cell issues, lines, notes."""

    tables: Tables = field(default_factory=Tables)
    year: int | None = None  # the report's year: decides the format when the labels do not
    found: list[str] = field(default_factory=list)
    issues: list[CellIssue] = field(default_factory=list)
    cell_lines: dict[str, int] = field(default_factory=dict)
    table_lines: dict[str, str] = field(default_factory=dict)
    markers: list[str] = field(default_factory=list)
    notes: list[TableNote] = field(default_factory=list)
    zone: set[int] = field(default_factory=set)  # id() of the blocks that belong to tables

    def _put_value(self, cid: str, value: Value, *, decimal: bool = False, signed: bool = False) -> None:
        """Store one value that is not a plain count or a blank (those ``put_row`` stores itself)."""
        text, kind, line = value
        if is_dash(text):  # "—", "/", "无": blank with a note, never guessed as 0
            self.tables.set(cid, None)
            self.issues.append(CellIssue(cell_id=cid, problem="placeholder", raw=text, line=line))
            return
        if signed:
            signed_text = compact(text).replace("−", "-").replace("－", "-")
            if SIGNED.match(signed_text):  # 2019 “本年增/减”: “-8” is a decrease of 8
                self.tables.set(cid, int(signed_text))
                return
        number = parse_number(text, decimal=decimal) if kind == "number" else None
        if number is None:
            self.issues.append(CellIssue(cell_id=cid, problem="unreadable", raw=text, line=line))
            return
        self.tables.set(cid, number)

    def put_row(self, cids: list[str], vals: list[Value], raw: str,
                measures: tuple[L.T2Measure, ...] | None = None) -> None:
        """Store a row's values, ``raw``: the row's text (``raw_of``) for quoting. Every cell's
        line and row text is recorded; the common cells — plain ASCII counts and blanks — are
        written to the tables at once, in one update; the rest one by one (``_put_value``)."""
        if len(cids) != len(vals):
            raise ValueError(f"{len(cids)} cells, {len(vals)} values")
        texts, kinds, lines = zip(*vals, strict=True) if vals else ((), (), ())
        self.cell_lines.update(zip(cids, lines, strict=True))
        self.table_lines.update(dict.fromkeys(cids, raw))
        if plain_counts(texts, kinds):  # the common row: one update, no test per cell
            self._part_of(cids[0]).update_count_cells(cids, map(COUNT_VALUES.__getitem__, texts), [])
            return
        row: dict[str, int | None] = {}
        for n, (cid, (text, kind, _)) in enumerate(zip(cids, vals, strict=True)):
            if kind == "blank":
                row[cid] = None
            elif kind == "number" and text.isdigit() and text.isascii() and len(text) <= MAX_NUMBER_DIGITS:
                row[cid] = int(text)
            elif measures is None:
                self._put_value(cid, vals[n])
            else:
                self._put_value(cid, vals[n], decimal=measures[n].decimal, signed=measures[n].signed)
        if row:  # the cells of one row are cells of one table
            self._part_of(cids[0]).update(row)

    def _part_of(self, cid: str) -> TablePart:
        """``tables.table_of(cid)`` for a cell id of the layout (looked up by its prefix)."""
        part: TablePart = getattr(self.tables, _TABLE_OF_PREFIX[cid[:3]])
        return part

    def put_count_runs(self, rows: list[tuple[list[str], Entry]]) -> None:
        """``put_row`` of runs of one table whose values are all plain counts and blanks
        (``Entry.counts``), as many as their cell ids (``fits_counts``): stored at once, in order
        (one update of each dictionary for all of them; the dictionaries get the same keys in the
        same order as run by run)."""
        if not rows:
            return
        cid_lists = [cids for cids, _ in rows]
        entries = [entry for _, entry in rows]
        counts: list[tuple[list[str], list[int]]] = [entry.counts for entry in entries]  # type: ignore[misc]
        cids = list(chain.from_iterable(cid_lists))
        self.cell_lines.update(zip(cids, chain.from_iterable([lines for _, lines in counts])))  # noqa: B905
        self.table_lines.update(zip(cids, chain.from_iterable(map(repeat, map(raw_of, entries), map(len, cid_lists)))))  # noqa: B905
        part: TablePart = getattr(self.tables, _TABLE_OF_PREFIX[cids[0][:3]])  # ``_part_of``
        _store(part, cids, list(chain.from_iterable([texts for texts, _ in counts])))
        rows.clear()

    def unreadable_row(self, cids: list[str], entry: Entry) -> None:
        raw = raw_of(entry)
        for cid in cids:
            self.cell_lines[cid] = entry.block.line
            self.table_lines[cid] = raw
            self.issues.append(CellIssue(cell_id=cid, problem="unreadable", raw=raw, line=entry.block.line))

    def missing(self, cids: list[str], raw: str | None = None, line: int | None = None) -> None:
        for cid in cids:
            self.issues.append(CellIssue(cell_id=cid, problem="missing", raw=raw, line=line))


class _CountValues(dict[str, int]):
    """``int`` of a plain count's digits: looked up for the usual ones ("0" … "999"), else ``int``
    (``int`` of a text is a conversion of the text first: slower than a look-up)."""

    def __missing__(self, text: str) -> int:
        return int(text)


COUNT_VALUES = _CountValues(zip(map(str, range(1000)), range(1000), strict=True))


class _CellValues(dict[str, int | None]):
    """``COUNT_VALUES`` and a blank cell ("" → None): the texts of ``Entry.counts`` as ``put_row``
    stores them."""

    def __missing__(self, text: str) -> int:
        return int(text)


_CELL_VALUES = _CellValues({**COUNT_VALUES, "": None})


def _store(part: TablePart, cids: list[str], texts: list[str]) -> None:
    """Store the texts of ``Entry.counts`` (plain counts, "" for a blank) in their cells, as
    ``put_row`` stores them: a count as ``int``, a blank as None (the cell emptied)."""
    if "" in texts:  # (the blanks' cells: where the text is "")
        blanks = [cid for cid, text in zip(cids, texts) if not text]  # noqa: B905
        part.update_count_cells(cids, map(_CELL_VALUES.__getitem__, texts), blanks)
    else:
        part.update_count_cells(cids, map(COUNT_VALUES.__getitem__, texts), [])


def plain_counts(texts: tuple[str, ...], kinds: tuple[str, ...]) -> bool:
    """Every value a plain count (ASCII digits, not too long): what ``put_row`` stores as ``int``
    cell by cell, tested for the whole row at once."""
    digits = "".join(texts)
    return (digits.isdigit() and digits.isascii() and kinds.count("number") == len(kinds) and all(texts)
            and (len(digits) <= MAX_NUMBER_DIGITS or max(map(len, texts)) <= MAX_NUMBER_DIGITS))


def _specs_t2(layout: L.Layout = L.LAYOUT_2021) -> RowSpecs:
    return RowSpecs(
        RowSpec.of(item.id, len(block.measures), (item.label, *item.variants))
        for block in layout.t2_blocks
        for item in block.items
    )


def _specs_t3(layout: L.Layout = L.LAYOUT_2021) -> RowSpecs:
    return RowSpecs(RowSpec.of(r.id, len(L.T3_COLUMNS), (r.label, *r.variants)) for r in layout.t3_rows)


def _specs_t4() -> RowSpecs:
    return RowSpecs(RowSpec.of(g.id, len(L.T4_COLUMNS), (g.full_label, g.label)) for g in L.T4_GROUPS)


_SPECS_T2 = {name: _specs_t2(lay) for name, lay in L.LAYOUTS.items()}
_SPECS_T3 = {name: _specs_t3(lay) for name, lay in L.LAYOUTS.items()}
SPECS_T2 = _SPECS_T2[L.LAYOUT_2021.name]
SPECS_T3 = _SPECS_T3[L.LAYOUT_2021.name]
SPECS_T4 = _specs_t4()
T2_WIDE = max(len(b.measures) for b in L.T2_BLOCKS)  # 第（一）项: 3 values per item
_T2_ITEMS = {
    name: {item.id: (block, item) for block in lay.t2_blocks for item in block.items}
    for name, lay in L.LAYOUTS.items()
}
_T3_CATEGORY_OTHER = norm_key(L.T3_CATEGORIES[-1])  # 六其他处理
_T3_OTHER_ROWS = [r.id for r in L.T3_ROWS if r.category == L.T3_CATEGORIES[-1]]


_BLOCK = attrgetter("block")
_EXTRA_BLOCKS = attrgetter("extra_blocks")


def _mark_zone(out: TableRead, blocks: list[Block], entries: list[Entry], table: str, placed: list[Entry]) -> None:
    """Record the blocks from the table's first anchor/row to its last placed run (or, when
    nothing could be placed, its last row or run)."""
    anchor = _ANCHORS[table]
    first = next((i for i, (b, e) in enumerate(zip(blocks, entries, strict=True))
                  if "。" not in b.text and (b.kind == "row" or e.has_value or anchor.search(b.key))), None)
    if first is None:
        return
    used = set(map(id, map(_BLOCK, placed)))
    if any(map(_EXTRA_BLOCKS, placed)):  # the further blocks of merged runs
        used.update(id(b) for p in placed for b in p.extra_blocks)
    backwards = range(len(blocks) - 1, -1, -1)
    last = next((i for i in backwards if id(blocks[i]) in used), None)
    if last is None:
        last = next((i for i in backwards if entries[i].has_value or (i >= first and blocks[i].kind == "row")), None)
    if last is not None:
        out.zone.update(map(id, blocks[first : last + 1]))


def _has_anchor(blocks: list[Block], table: str) -> bool:
    anchor = _ANCHORS[table]
    return any("。" not in b.text and anchor.search(b.key) for b in blocks)


def _choose(evidence: set[str], year: int | None) -> L.Layout:
    """The format the labels show; when they show none or both, the format of the year."""
    if len(evidence) == 1:
        return L.LAYOUTS[next(iter(evidence))]
    return L.layout_for_year(year)


def table2_layout(blocks: list[Block], year: int | None) -> L.Layout:
    """表二's format from its column labels, else the year's. A table that mixes the two is
    read in the format of its 第（一）项 columns (本年制发件数 … or 本年新制作数量 …); the rows of
    the other format's blocks then do not fit and are reported unreadable, never guessed."""
    texts = [norm_key(b.text) for b in blocks if "。" not in b.text]
    # a key is in one of the texts when it is in them joined ("\n" is in no key)
    joined = "\n".join(texts) if texts else None
    for keys in (_T2_FIRST_KEYS, _T2_COLUMN_KEYS):
        evidence = {name for name, ks in keys.items() if joined is not None and any(k in joined for k in ks)}
        if len(evidence) == 1:
            return L.LAYOUTS[evidence.pop()]
    return L.layout_for_year(year)


def old_format_markers(blocks: list[Block]) -> list[str]:
    """The ``OLD_FORMAT_MARKERS`` the blocks hold, each once, in the order they are met: by the
    first block holding it, then in the list's order. The blocks' texts are searched joined, in
    one pass per marker (a marker holds no "\n"; a block's ``key`` no whitespace)."""
    joined = "\n".join([b.key for b in blocks])
    if "(" in joined or ")" in joined or "／" in joined:  # (``translate`` is a dictionary look-up per character)
        joined = joined.translate(_MARKER_FORMS)
    found = []
    for i, marker in enumerate(OLD_FORMAT_MARKERS):
        at = joined.find(marker)
        if at >= 0:
            found.append((joined.count("\n", 0, at), i, marker))
    return [marker for _, _, marker in sorted(found)]


def read_table2(blocks: list[Block], out: TableRead) -> None:
    layout = table2_layout(blocks, out.year)
    specs = _SPECS_T2[layout.name]
    raw_entries = entries_of(blocks)
    entries = merge_split_runs(raw_entries, T2_WIDE)
    placed, _ = align(entries, specs, ordered=False)
    if not placed and not _has_anchor(blocks, "table2"):
        return
    out.found.append("table2")
    if layout is not L.LAYOUT_2021:
        out.tables.table2 = Tables.of_layout(layout).table2
    _mark_zone(out, blocks, raw_entries, "table2", [p.entry for p in placed.values()])
    out.markers += [m for m in old_format_markers(blocks) if m not in out.markers]
    counted: list[tuple[list[str], Entry]] = []  # runs of plain counts, stored together
    empty = _empty_rows(raw_entries, specs, placed)
    for spec, cids, measures in _T2_ROWS[layout.name]:
        p = placed.get(spec.key)
        if p is None:
            _blank_or_missing(out, cids, empty.get(spec.key))
            continue
        if fits_counts(cids, p.entry):
            counted.append((cids, p.entry))
            continue
        out.put_count_runs(counted)  # (first: the cells are stored in the order of the rows)
        vals = value_cells(p.entry, spec.width)
        if vals is None:
            out.unreadable_row(cids, p.entry)
            continue
        out.put_row(cids, vals, raw_of(p.entry), measures)
    out.put_count_runs(counted)


def read_table3(blocks: list[Block], out: TableRead) -> None:
    raw_entries = entries_of(blocks)
    subtotal = _may_name_subtotal(blocks)
    extra = _extra_column(blocks) if subtotal else None
    width = len(L.T3_COLUMNS) + (extra is not None)
    entries = merge_split_runs(raw_entries, width)
    placed, loose = align(entries, SPECS_T3, ordered=True)
    if extra is None and subtotal:
        extra = _inferred_extra_column(blocks, raw_entries, [p.entry for p in placed.values()])
        if extra is not None:
            entries = merge_split_runs(raw_entries, width + 1)
            placed, loose = align(entries, SPECS_T3, ordered=True)
    if not placed and not _has_anchor(blocks, "table3"):
        return
    out.found.append("table3")
    # the format: three （六） sub-rows (2021) or one （六）其他处理 row (2019), else the year's
    evidence: set[str] = set()
    if any(k in placed for k in _T3_OTHER_ROWS):
        evidence.add(L.LAYOUT_2021.name)
    elif any(_T3_CATEGORY_OTHER in norm_key(run.label + "".join(run.pre)) and not is_subtotal(run.label)
             for run in loose):
        evidence.add(L.LAYOUT_2019.name)
        out.markers.append(OLD_SINGLE_OTHER_ROW)
    layout = _choose(evidence, out.year)
    specs = _SPECS_T3[layout.name]
    if layout is not L.LAYOUT_2021:
        out.tables.table3 = Tables.of_layout(layout).table3
        placed, loose = align(entries, specs, ordered=True)
    _mark_zone(out, blocks, raw_entries, "table3", [p.entry for p in placed.values()])
    if extra is not None:
        out.notes.append(TableNote(
            table="表三", line=extra[1].line, raw=compact(extra[1].raw.replace("\t", " ")) or None,
            message="表三多出非标准的“小计”列（法人或其他组织合计）：2021 年版格式没有此列，"
                    "已按标准的 7 列读取，小计列未计入",
        ))
    drop = extra[0] if extra is not None else None
    counted: list[tuple[list[str], Entry]] = []  # runs of plain counts, stored together
    empty = _empty_rows(raw_entries, specs, placed)
    for spec, cids in _T3_ROWS[layout.name]:
        p = placed.get(spec.key)
        if p is None:
            _blank_or_missing(out, cids, empty.get(spec.key))
            continue
        if drop is None and fits_counts(cids, p.entry):
            counted.append((cids, p.entry))
            continue
        out.put_count_runs(counted)  # (first: the cells are stored in the order of the rows)
        _put_row(out, cids, p, drop=drop)
    out.put_count_runs(counted)
    for run in loose:
        if is_subtotal(run.label or "".join(run.pre)):
            _subtotal_row(out, run, extra[0] if extra is not None else None, layout)


def _empty_rows(entries: list[Entry], specs: RowSpecs, placed: dict[str, Placement]) -> dict[str, Entry]:
    """The rows of a table printed without a single value — the format's template left empty,
    its cells dropped by the page's text (“规章” / “规范性文件” / “第二十条第（五）项” …): each
    unplaced row whose label stands on a line of its own, by that line. Nothing when any value
    is found in the region (then a row without values may be one whose cells were lost: missing)."""
    if placed or any(e.has_value for e in entries):
        return {}
    rows: dict[str, Entry] = {}
    for e in entries:
        if e.values or not e.label or "。" in e.label:
            continue
        best, spec, second = specs.best_label(e.label)
        if spec is not None and best >= MATCH and best - second >= MARGIN:
            rows.setdefault(spec.key, e)
    return rows


def _blank_or_missing(out: TableRead, cids: list[str], label_only: Entry | None) -> None:
    """A row not found among the runs: blank when it is printed without values in an empty table
    (``_empty_rows``), else missing."""
    if label_only is None:
        out.missing(cids)
        return
    raw = raw_of(label_only)
    for cid in cids:
        out.tables.set(cid, None)
        out.cell_lines[cid] = label_only.block.line
        out.table_lines[cid] = raw


@cache
def _t2_row_cids(layout: str, item: str) -> list[str]:
    """The cell ids of a 表二 item in column order (the same for every report)."""
    block, _ = _T2_ITEMS[layout][item]
    return [L.t2_cell_id(item, m.id) for m in block.measures]


def fits_counts(cids: list[str], entry: Entry) -> bool:
    """Whether the run is one of plain counts and blanks, one per cell (``put_counts`` and
    ``TableRead.put_count_runs`` store it)."""
    return entry.counts is not None and len(entry.counts[0]) == len(cids)


def put_counts(out: TableRead, cids: list[str], entry: Entry) -> bool:
    """``put_row`` of one run of plain counts and blanks (``TableRead.put_count_runs``); False
    (nothing stored) when the run is not such a run (``fits_counts``)."""
    if not fits_counts(cids, entry):
        return False
    out.put_count_runs([(cids, entry)])
    return True


@cache
def _t3_row_cids(row: str) -> list[str]:
    """The cell ids of a 表三 row in column order (the same for every report)."""
    return [L.t3_cell_id(row, c.id) for c in L.T3_COLUMNS]


# each format's rows with their cell ids (and 表二's measures), in the order the readers store them
_T2_ROWS = {name: [(spec, _t2_row_cids(name, spec.key), _T2_ITEMS[name][spec.key][0].measures) for spec in specs]
            for name, specs in _SPECS_T2.items()}
_T3_ROWS = {name: [(spec, _t3_row_cids(spec.key)) for spec in specs] for name, specs in _SPECS_T3.items()}
_T3_COLUMN_KEYS = [norm_key(c.label) for c in L.T3_COLUMNS]
_SUBTOTAL_KEY = "小计"


_TEXT = attrgetter("text")
# The characters whose NFKC holds 小 (the Kangxi radical ⼩ is one); no character's but 计's holds 计.
_SMALL = ("小", "\u2f29")


def _may_name_subtotal(blocks: list[Block]) -> bool:
    """False when no block can name a 小计 column (``_extra_column``, ``_inferred_extra_column``): no
    block's text holds 小 or a character whose NFKC is 小 (looked for in the texts joined, at once)."""
    joined = "\n".join(map(_TEXT, blocks))
    return _SMALL[0] in joined or _SMALL[1] in joined


def _extra_column(blocks: list[Block]) -> tuple[int, Block] | None:
    """(position among the values, header block) of an unofficial 小计 column of 表三.

    Only a header that names 小计 among at least three of the standard applicant columns
    counts; the position is where 小计 stands among them (自然人 first, 总计 last)."""
    for b in blocks:
        if "计" not in b.text:  # no token of it can be 小计 (no other character's NFKC holds 计)
            continue
        tokens = b.cells if b.kind == "row" else b.text.split()
        keys = [norm_key(t) for t in tokens]
        if _SUBTOTAL_KEY not in keys or sum(k in _T3_COLUMN_KEYS for k in keys) < 3:
            continue
        seq = [k for k in keys if k in _T3_COLUMN_KEYS or k == _SUBTOTAL_KEY]
        if seq[0] != _T3_COLUMN_KEYS[0]:
            seq.insert(0, _T3_COLUMN_KEYS[0])
        if seq[-1] != _T3_COLUMN_KEYS[-1]:
            seq.append(_T3_COLUMN_KEYS[-1])
        if len(seq) == len(L.T3_COLUMNS) + 1 and seq.count(_SUBTOTAL_KEY) == 1:
            return seq.index(_SUBTOTAL_KEY), b
    return None


def _inferred_extra_column(blocks: list[Block], entries: list[Entry], rows: list[Entry]) -> tuple[int, Block] | None:
    """The 小计 column when the header names 小计 but its column labels are broken (pdftotext):
    the position is the one whose value equals the sum of the five organisation columns in every
    row of 8 values; when no single reading fits, nothing is inferred (the rows stay unreadable)."""
    header = next((b for b, e in zip(blocks, entries, strict=True)
                   if not e.has_value and _SUBTOTAL_KEY in b.key and "。" not in b.text), None)
    if header is None:
        return None
    width = len(L.T3_COLUMNS) + 1
    rows8 = [vals for e in rows if (vals := value_cells(e, width)) is not None]
    if not rows8 or 2 * len(rows8) < len(rows):
        return None
    nums = [[parse_number(raw, decimal=False) if kind == "number" else None for raw, kind, _ in vals] for vals in rows8]
    total = width - 1
    fits = [
        k for k in range(1, total)
        if all(
            vs[k] is not None and None not in (rest := [v for i, v in enumerate(vs) if i not in (0, k, total)])
            and vs[k] == sum(rest)  # type: ignore[arg-type]
            for vs in nums
        )
    ]
    readings = {tuple(tuple(v for i, v in enumerate(vs) if i != k) for vs in nums) for k in fits}
    return (fits[0], header) if fits and len(readings) == 1 else None


def _row_values(entry: Entry, width: int, drop: int | None) -> tuple[list[Value] | None, Value | None]:
    """The row's standard values, and the value of the unofficial column when there is one."""
    if drop is None:
        return value_cells(entry, width), None
    vals = value_cells(entry, width + 1)
    if vals is None:
        return value_cells(entry, width), None  # this row left the extra cell out
    return vals[:drop] + vals[drop + 1 :], vals[drop]


def _put_row(out: TableRead, cids: list[str], p: Placement, drop: int | None = None) -> None:
    if drop is None and put_counts(out, cids, p.entry):
        return
    vals, extra = _row_values(p.entry, len(cids), drop)
    if vals is None:
        out.unreadable_row(cids, p.entry)
        return
    raw = raw_of(p.entry)
    out.put_row(cids, vals, raw)
    if extra is None:
        return
    orgs = [out.tables.get(cid) for cid in cids if cid.rsplit(".", 1)[1] in _T3_ORG_IDS]
    sub = parse_number(extra[0], decimal=False) if extra[1] == "number" else None
    if sub is not None and all(v is not None for v in orgs) and sub != sum(orgs):  # type: ignore[arg-type]
        label = L.CELL_INFO[cids[0]].row
        out.notes.append(TableNote(
            table="表三", line=extra[2], raw=raw,
            message=f"表三“{label}”行的非标准“小计”列为 {sub}，五类法人或其他组织之和为 {sum(orgs)}",  # type: ignore[arg-type]
        ))


_T3_ORG_IDS = frozenset(c.id for c in L.T3_ORG_COLUMNS)


def _subtotal_row(out: TableRead, run: Entry, drop: int | None, layout: L.Layout) -> None:
    """An inserted 小计/合计 row: noted, never counted; compared with its category when it names one."""
    raw = raw_of(run) if run.label else compact("".join(run.pre)) + " " + raw_of(run)
    msg = f"表三有非标准的小计行“{raw}”：2021 年版格式没有此行，未计入任何标准行（不重复计算）"
    key = norm_key(run.label or "".join(run.pre))
    category = next((c for c in layout.t3_categories if norm_key(c)[1:] in key), None)
    vals, _ = _row_values(run, len(L.T3_COLUMNS), drop)
    if category is not None and vals is not None:
        rows = [r for r in layout.t3_rows if r.category == category]
        diffs: list[str] = []
        for col, v in zip(L.T3_COLUMNS, vals, strict=True):
            given = parse_number(v[0], decimal=False) if v[1] == "number" else None
            items = [out.tables.get(L.t3_cell_id(r.id, col.id)) for r in rows]
            if given is not None and all(x is not None for x in items) and given != sum(items):  # type: ignore[arg-type]
                diffs.append(f"“{col.label}”列为 {given}，各项之和为 {sum(items)}")  # type: ignore[arg-type]
        if diffs:
            msg += f"；且与“{category}”各项之和不一致：" + "，".join(diffs)
    out.notes.append(TableNote(table="表三", message=msg, line=run.block.line, raw=raw))


def read_table4(blocks: list[Block], out: TableRead) -> None:
    width = len(L.T4_GROUPS) * len(L.T4_COLUMNS)
    raw_entries = entries_of(blocks)
    entries = merge_split_runs(raw_entries, width)
    placed, _ = align(entries, SPECS_T4, ordered=True)
    cids = _T4_CIDS
    horizontal = next((e for e in entries if e.has_value and value_cells(e, width) is not None
                       and not _other_tables_row(e.label)), None)
    if horizontal is None and not placed and not _has_anchor(blocks, "table4"):
        return
    out.found.append("table4")
    used = [p.entry for p in placed.values()] + ([horizontal] if horizontal is not None else [])
    _mark_zone(out, blocks, raw_entries, "table4", used)
    if horizontal is not None:
        out.put_row(cids, value_cells(horizontal, width) or [], raw_of(horizontal))
        return
    if placed:  # the vertical layout: one labelled row of 5 per group
        for spec in SPECS_T4:
            group_cids = [L.t4_cell_id(spec.key, c.id) for c in L.T4_COLUMNS]
            p = placed.get(spec.key)
            if p is None:
                out.missing(group_cids)
            else:
                _put_row(out, group_cids, p)
        return
    if _read_table4_transposed(blocks, entries, out):
        return
    candidate = next((e for e in entries if e.has_value and len(e.values) >= len(L.T4_COLUMNS)), None)
    if candidate is not None:
        out.unreadable_row(cids, candidate)
    else:
        out.missing(cids)


_T4_CIDS = [cid for cid, _, _ in L.t4_cells()]


def _other_tables_row(label: str) -> bool:
    """A run labelled as a row of 表二 or 表三 ("一、本年新收…数量"): never 表四's row of 15 values,
    even when blank filler cells after its own values make it 15 long (a web page's colspans)."""
    if not label:
        return False
    for specs in (SPECS_T3, SPECS_T2):
        best, spec, second = specs.best_label(label)
        if spec is not None and best >= MATCH and best - second >= MARGIN:
            return True
    return False
_SPECS_T4_MEASURES = RowSpecs(RowSpec.of(c.id, len(L.T4_GROUPS), (c.label,)) for c in L.T4_COLUMNS)
_T4_GROUP_KEYS = [(g.id, norm_key(g.label)) for g in L.T4_GROUPS]


def _read_table4_transposed(blocks: list[Block], entries: list[Entry], out: TableRead) -> bool:
    """表四 printed transposed: five rows (结果维持 … 总计) of three values, under a header that
    names the three groups (行政复议 / 未经复议直接起诉 / 复议后起诉) — their order is taken from it."""
    order: list[str] | None = None
    for b in blocks:
        key = norm_key(b.text)
        pos = {gid: key.find(k) for gid, k in _T4_GROUP_KEYS}
        if all(p >= 0 for p in pos.values()) and not _has_digits(key):
            order = sorted(pos, key=lambda g: pos[g])
            break
    if order is None:
        return False
    placed, _ = align(entries, _SPECS_T4_MEASURES, ordered=False)
    if not placed:
        return False
    for col in L.T4_COLUMNS:
        p = placed.get(col.id)
        cids = [L.t4_cell_id(g, col.id) for g in order]
        if p is None:
            out.missing(cids)
        else:
            _put_row(out, cids, p)
    return True


def _has_digits(text: str) -> bool:
    return any(c.isdigit() for c in text)
