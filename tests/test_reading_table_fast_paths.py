"""The table readers' fast paths give exactly what the general path gives.

Each fast path handles the common case (a row of label cells and plain counts, a row of plain
counts to store) and hands everything else to the general code; here both are run — the fast
path switched off by monkeypatching — on random rows and on every fixture report, and must
agree on every field."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from draft_report.reading import read_report, runs, table_reader
from draft_report.reading.blocks import Block
from draft_report.tables import layout as L

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm", ".docx"))

# cells a table row holds: labels, counts, numerals, blanks, placeholders, odd digits
_CELLS = ["规章", "（一）予以公开", "1.属于国家秘密", "二", "十二", " 三", "商业企业", "x", "—", "/", "无", "",
          "0", "12", "3119", "1 2", "１２", "²", "12件", "1,234", "1.5", "007", "9" * 31, "-8", "a1", "规章 ",
          "\u200b五", "三、", "本年" * 120]


def _general(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch the fast paths off: every row is classified cell by cell and stored cell by cell."""
    monkeypatch.setattr(runs, "_plain_row", lambda cells, lines, block: None)
    monkeypatch.setattr(runs, "_sparse_row", lambda cells, lines, block: None)
    monkeypatch.setattr(runs, "_label_row", lambda cells, block: None)
    monkeypatch.setattr(table_reader, "plain_counts", lambda texts, kinds: False)
    monkeypatch.setattr(table_reader, "put_counts", lambda out, cids, entry: False)
    monkeypatch.setattr(table_reader, "fits_counts", lambda cids, entry: False)
    monkeypatch.setattr(runs, "_placed_by_labels", lambda entries, specs: None)


def _entry_fields(e: runs.Entry) -> tuple[object, ...]:
    return (e.label, runs.values_of(e), e.explicit, e.has_value, e.pre, e.post, e.extra_blocks)


def _rows(rng: random.Random, n: int) -> list[list[str]]:
    rows = []
    for _ in range(n):
        label = rng.choices(_CELLS, k=rng.randint(0, 3))
        values = [rng.choice(_CELLS[12:] if rng.random() < 0.3 else ["0", "12", "3119", "7"]) for _ in range(rng.randint(0, 8))]
        rows.append(label + values)
    return rows


def test_plain_row_entry_is_the_general_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(14)
    rows = _rows(rng, 20000)
    blocks = [Block(1, cells, list(range(1, len(cells) + 1)), "\t".join(cells), "row") for cells in rows]
    entries = [runs.entry_of(b) for b in blocks]
    fast = [_entry_fields(e) for e in entries]
    # ``values`` holds as many values as ``values_of`` makes (its texts, when ``counts`` is set)
    assert all(len(e.values) == len(runs.values_of(e)) and (e.counts is None or e.values is e.counts[0])
               for e in entries)
    plain = sum(1 for cells, b in zip(rows, blocks, strict=True) if runs._plain_row(cells, b.cell_lines, b) is not None)
    sparse = sum(1 for cells, b in zip(rows, blocks, strict=True) if runs._sparse_row(cells, b.cell_lines, b) is not None)
    labels = sum(1 for cells, b in zip(rows, blocks, strict=True) if runs._label_row(cells, b) is not None)
    with monkeypatch.context() as m:
        _general(m)
        general = [_entry_fields(runs.entry_of(b)) for b in blocks]
    assert plain > 2000  # the fast paths are taken often, and not always
    assert sparse > 500
    assert labels > 100
    assert plain + sparse + labels < len(rows)
    for cells, f, g in zip(rows, fast, general, strict=True):
        assert f == g, cells


def _state(read: table_reader.TableRead) -> tuple[object, ...]:
    return (repr(read.tables), read.issues, read.cell_lines, read.table_lines)


def test_put_row_of_plain_counts_is_the_cell_by_cell_put(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(15)
    targets = [
        ["t2.procurement.items", "t2.procurement.amount_wan"],  # 2019: a count and an amount (万元)
        ["t2.fees.prev_items", "t2.fees.change"],  # 2019: a signed change
        [L.t3_cell_id("r1_new", c.id) for c in L.T3_COLUMNS],
        [cid for cid, _, _ in L.t4_cells()],
        ["t2.reg.made", "t2.reg.repealed", "t2.reg.valid"],
    ]
    cases = []
    for _ in range(3000):
        cids = rng.choice(targets)
        vals = []
        for i in range(len(cids)):
            text = rng.choice(["0", "12", "3119", "7"]) if rng.random() < 0.85 else rng.choice(_CELLS)
            kind = runs._VALUE_KIND.get(runs.classify_cell(text), "bad")
            vals.append((text, kind, i + 1))
        cases.append((cids, vals))
    results = _put_rows(cases)
    with monkeypatch.context() as m:
        _general(m)
        general = _put_rows(cases)
    assert results == general


def _put_rows(cases: list[tuple[list[str], list[tuple[str, str, int]]]]) -> list[object]:
    """Each case put into a fresh read of each layout: the read's state, or the error it raised."""
    out: list[object] = []
    for layout in (L.LAYOUT_2021, L.LAYOUT_2019):
        for cids, vals in cases:
            read = table_reader.TableRead()
            read.tables = table_reader.Tables.of_layout(layout)
            try:
                read.put_row(cids, vals, "raw")
                out.append(_state(read))
            except (KeyError, ValueError) as exc:
                out.append(repr(exc))
    return out


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_reports_read_the_same_without_the_fast_paths(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        fast = repr(read_report(path))
    except Exception as exc:  # an input error is part of what is read
        fast = repr(exc)
    with monkeypatch.context() as m:
        _general(m)
        try:
            general = repr(read_report(path))
        except Exception as exc:
            general = repr(exc)
    assert fast == general


def test_put_row_of_a_plain_run_is_the_general_put(monkeypatch: pytest.MonkeyPatch) -> None:
    """``put_counts`` (a run of plain counts stored from ``Entry.counts``) against ``put_row``."""
    rng = random.Random(16)
    cids = table_reader._t3_row_cids(L.T3_ROWS[0].id)
    spec = table_reader.SPECS_T3[0]
    rows = [cells for cells in _rows(rng, 20000) if 7 <= len(cells) <= 9]
    rows += [["规章", *["9" * 31] * 7], ["规章", "9" * 16, "9" * 15, *["1"] * 5], ["规章", "１２", *["1"] * 6]]

    def put_all() -> list[object]:
        results: list[object] = []
        for cells in rows:
            block = Block(1, cells, list(range(1, len(cells) + 1)), "\t".join(cells), "row")
            entry = runs.entries_of([block])[0]
            read = table_reader.TableRead()
            try:
                table_reader._put_row(read, cids, runs.Placement(entry, spec, True))
                results.append(_state(read))
            except (KeyError, ValueError) as exc:
                results.append(repr(exc))
        return results

    fast = put_all()
    with monkeypatch.context() as m:
        _general(m)
        general = put_all()
    assert len(rows) > 1000
    assert fast == general


def test_a_comparison_key_is_its_own_key() -> None:
    """``align`` looks a context (already ``norm_key``-ed) up as a label: ``norm_key`` of a key is the key."""
    from draft_report.reading.blocks import norm_key

    pool = ["（一）", "①", "㈠", "Ⅳ", "ｱ", "ﬁ", "e\u0301", "\u3000", "规章", "１２", "a", "Z", "9", "。", "\u200b", "〇", "豈", "𠀀"]
    rng = random.Random(22)
    for _ in range(20000):
        text = "".join(rng.choices(pool, k=rng.randint(0, 8)))
        key = norm_key(text)
        assert norm_key(key) == key, text


def test_align_by_labels_is_the_general_align(monkeypatch: pytest.MonkeyPatch) -> None:
    """``_placed_by_labels`` (every run placed by its own label) against ``align``'s general path,
    on random tables of official labels, near labels, subtotals, blank rows, label-only lines and
    bare values, with every table's rows; and it is taken often, and not always."""
    rng = random.Random(23)
    labels: list[str] = ["", "小计", "（三）不予公开小计", "合计", "说明", "申请人情况", "自然人", "形，不计其他情形）"]
    for specs_labels in ([r.label for r in L.T3_ROWS], [i.label for b in L.T2_BLOCKS for i in b.items],
                         [g.full_label for g in L.T4_GROUPS], [r.label for r in L.LAYOUT_2019.t3_rows]):
        labels += specs_labels
        labels += [x[:-2] for x in specs_labels if len(x) > 4]  # near labels
    values = ["0", "3", "12", "", "—", "x"]
    tables = [table_reader.SPECS_T3, table_reader.SPECS_T2, table_reader.SPECS_T4,
              table_reader._SPECS_T3[L.LAYOUT_2019.name], table_reader._SPECS_T2[L.LAYOUT_2019.name]]
    taken = 0
    cases: list[tuple[list[Block], tuple[object, ...], bool, object]] = []  # blocks, specs, ordered, fast result
    for _ in range(4000):
        specs = rng.choice(tables)
        blocks = []
        for n in range(rng.randint(0, 14)):
            label = rng.choice(labels) if rng.random() < 0.9 else ""
            cells = [label] if label else []
            width = rng.choice([0, 0, specs[0].width, specs[0].width, 2, 7])
            cells += [rng.choice(values) if rng.random() < 0.2 else rng.choice(["0", "5"]) for _ in range(width)]
            if rng.random() < 0.1:
                cells = [""] * max(width, 1) if not label else [label, *[""] * width]
            blocks.append(Block(n + 1, cells or [label], [n + 1] * max(len(cells), 1), "\t".join(cells), "row"))
        by_labels = runs._placed_by_labels(runs.entries_of(blocks), specs) is not None  # either order
        for ordered in (True, False):
            fast = runs.align(runs.entries_of(blocks), specs, ordered=ordered)
            taken += by_labels
            cases.append((blocks, specs, ordered, _by_position(fast)))
    # the general path of every case, with the shortcut switched off once (not once per case)
    with monkeypatch.context() as m:
        m.setattr(runs, "_placed_by_labels", lambda entries, specs: None)
        for blocks, specs, ordered, fast in cases:
            general = runs.align(runs.entries_of(blocks), specs, ordered=ordered)
            assert fast == _by_position(general), [b.cells for b in blocks]
    assert len(cases) // 10 < taken < len(cases)


def _by_position(result: tuple[dict[str, runs.Placement], list[runs.Entry]]) -> object:
    """Placements and loose runs by the line, label and values of their run (the runs of two
    calls are different objects)."""
    placed, loose = result

    def pos(e: runs.Entry) -> object:
        return (e.block.line, e.label, runs.values_of(e))

    return ([(k, pos(p.entry), p.spec.key, p.inline) for k, p in placed.items()], [pos(r) for r in loose])


def test_old_format_markers_in_one_pass_are_the_block_by_block_markers() -> None:
    """``old_format_markers`` (the blocks searched joined) against the definition: block by block,
    the markers each block holds in the list's order, each once."""
    def reference(blocks: list[Block]) -> list[str]:
        markers: list[str] = []
        for b in blocks:
            text = b.key.translate(table_reader._MARKER_FORMS)
            markers += [m for m in table_reader.OLD_FORMAT_MARKERS if m in text and m not in markers]
        return markers

    pieces = [*table_reader.OLD_FORMAT_MARKERS, "本年增／减", "第二十条第(九)项", "规章", "信息内容", " ", "\t", "。"]
    rng = random.Random(31)
    found = 0
    for _ in range(3000):
        blocks = []
        for n in range(rng.randint(0, 6)):
            text = "".join(rng.choices(pieces, k=rng.randint(0, 4)))
            blocks.append(Block(n + 1, [text], [n + 1], text))
        expected = reference(blocks)
        found += len(expected) > 1
        assert table_reader.old_format_markers(blocks) == expected, [b.text for b in blocks]
    assert found > 500


def test_drop_out_of_order_is_the_anchor_by_anchor_definition() -> None:
    """``_drop_out_of_order`` (the latest row before and the earliest after a run, by bisection)
    against the definition: a run placed by its context is dropped when any run placed by its own
    label stands before it on the same or a later row, or after it on the same or an earlier row."""
    def reference(placed: dict[str, runs.Placement], specs: list[runs.RowSpec], run_list: list[runs.Entry]) -> None:
        order = {s.key: i for i, s in enumerate(specs)}
        position = {id(r): i for i, r in enumerate(run_list)}
        anchors = sorted((position[id(p.entry)], order[k]) for k, p in placed.items() if p.inline)
        for key, p in list(placed.items()):
            if p.inline:
                continue
            pos, idx = position[id(p.entry)], order[key]
            for apos, aidx in anchors:
                if (apos < pos and aidx >= idx) or (apos > pos and aidx <= idx):
                    del placed[key]
                    break

    rng = random.Random(41)
    dropped = kept = 0
    for specs in (table_reader.SPECS_T3, table_reader.SPECS_T2, list(table_reader.SPECS_T4)):
        for _ in range(3000):
            n = rng.randint(0, 12)
            run_list = [runs.Entry(Block(i + 1, ["x"], [i + 1], "x"), "x", [("1", "number", i + 1)], True, True)
                        for i in range(n)]
            keys = rng.sample([s.key for s in specs], min(n, len(specs), rng.randint(0, n)))
            chosen = rng.sample(run_list, len(keys))
            spec_of = {s.key: s for s in specs}
            placed = {k: runs.Placement(e, spec_of[k], rng.random() < 0.6) for k, e in zip(keys, chosen, strict=True)}
            expected = dict(placed)
            reference(expected, list(specs), run_list)
            runs._drop_out_of_order(placed, specs, run_list)
            assert placed == expected
            assert list(placed) == list(expected)
            dropped += len(keys) - len(placed)
            kept += sum(not p.inline for p in placed.values())
    assert dropped > 1000 and kept > 1000


def test_merge_split_runs_is_the_entry_by_entry_definition() -> None:
    """``merge_split_runs`` (the entries before the first label-less one taken as they are) against
    the definition: entry by entry, consecutive label-less runs joined when only together they hold
    ``width`` values."""
    def reference(entries: list[runs.Entry], width: int) -> list[runs.Entry]:
        out: list[runs.Entry] = []
        i = 0
        while i < len(entries):
            e = entries[i]
            if e.values and not e.label and len(e.values) < width:
                total, j = len(e.values), i + 1
                while j < len(entries) and entries[j].values and not entries[j].label and total < width:
                    total += len(entries[j].values)
                    j += 1
                if total == width and j - i > 1:
                    out.append(runs.new_entry(e.block, "", [v for x in entries[i:j] for v in runs.values_of(x)], False,
                                              [x.block for x in entries[i + 1 : j]]))
                    i = j
                    continue
            out.append(e)
            i += 1
        return out

    rng = random.Random(42)
    merged = 0
    for _ in range(3000):
        blocks = []
        for n in range(rng.randint(0, 10)):
            cells = ([rng.choice(["规章", "说明", "（一）予以公开"])] if rng.random() < 0.5 else [])
            cells += rng.choices(["0", "3", ""], k=rng.choice([0, 1, 2, 3, 4, 7]))
            cells = cells or ["说明"]
            blocks.append(Block(n + 1, cells, [n + 1] * len(cells), "\t".join(cells), "row"))
        entries = runs.entries_of(blocks)
        for width in (3, 7):
            got, expected = runs.merge_split_runs(entries, width), reference(entries, width)
            assert [_entry_fields(e) for e in got] == [_entry_fields(e) for e in expected]
            merged += len(got) < len(entries)
    assert merged > 200


def test_update_count_cells_is_update() -> None:
    """``TablePart.update_count_cells`` (counts stored in one update, blanks removed after) against
    ``update`` cell by cell: the same values in the same order, or the same error."""
    from draft_report.models.tables import Tables

    rng = random.Random(43)
    for layout in (L.LAYOUT_2021, L.LAYOUT_2019):
        tables = Tables.of_layout(layout)
        for part in (tables.table2, tables.table3, tables.table4):
            ids = [*part.cell_ids(), "t3.nowhere.np"]
            for _ in range(500):
                start = {cid: rng.randint(0, 9) for cid in rng.sample(ids[:-1], rng.randint(0, 6))}
                values = {cid: rng.choice([None, 0, 3, 12]) for cid in rng.sample(ids, rng.randint(1, 8))}
                results = []
                for how in ("update", "blanks"):
                    copy = part.copy()
                    copy.update(start)
                    try:
                        if how == "update":
                            copy.update(values)
                        else:
                            copy.update_count_cells(list(values), iter(values.values()),
                                                    [c for c, v in values.items() if v is None])
                        results.append(list(copy.filled().items()))
                    except (KeyError, ValueError) as exc:
                        results.append([repr(exc), *copy.filled().items()])
                assert results[0] == results[1], (start, values)


def test_no_subtotal_column_without_a_small_character() -> None:
    """``_may_name_subtotal`` False (no 小 nor ⼩ in any block): neither ``_extra_column`` nor
    ``_inferred_extra_column`` finds a 小计 column — read_table3 skips both then."""
    pieces = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计", "小计", "⼩计", "小 计",
              "计", "小", "3", "0", " "]
    rng = random.Random(61)
    seen = found = 0
    for _ in range(2000):
        blocks = []
        for n in range(rng.randint(1, 5)):
            cells = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 2))) for _ in range(rng.randint(1, 9))]
            blocks.append(Block(n + 1, cells, [n + 1] * len(cells), "\t".join(cells), "row"))
        entries = runs.entries_of(blocks)
        extra = table_reader._extra_column(blocks)
        inferred = table_reader._inferred_extra_column(blocks, entries, entries)
        found += extra is not None or inferred is not None
        if not table_reader._may_name_subtotal(blocks):
            seen += 1
            assert extra is None and inferred is None, [b.cells for b in blocks]
    assert seen > 60 and found > 5, (seen, found)


def test_entries_of_a_one_word_paragraph_line_is_entry_of() -> None:
    """``entries_of``'s label-only entry of a one-word paragraph line against ``entry_of`` of every block."""
    pieces = ["申请人情况", "第二十条第（一）项", "0", "97", "二", "—", "x", "。", " ", "\u3000", "\u200b", "1,234", "12件", "本年" * 50]
    rng = random.Random(62)
    blocks = []
    for n in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        blocks.append(Block(n + 1, [text], [n + 1], text))
    fast = runs.entries_of(blocks)
    assert [_entry_fields(e) for e in fast] == [_entry_fields(runs.entry_of(b)) for b in blocks]
    assert all(e.block is b for e, b in zip(fast, blocks, strict=True))
    taken = sum(1 for b in blocks if b.text and b.text.isprintable() and " " not in b.text)
    assert 500 < taken < 3500
