"""data.xlsx: the official layout from the one table definition, protection and validation, cells
named in errors, blank tables refused, and YAML ↔ workbook giving the same report byte for byte."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from draft_report.cli import main
from draft_report.errors import InputError
from draft_report.loading import load_dataset
from draft_report.tables import grid as G
from draft_report.tables import layout as L
from draft_report.workbook import form as F
from draft_report.workbook.write import build_workbook, write_workbook

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("xiaxian-2023", "scjg-2024")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out + out.err


def copy_example(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(ROOT / "examples" / name, target)
    return target


def cell_of(table: str, cell_id: str) -> str:
    from openpyxl.utils import get_column_letter

    r, c = F.TABLE_SHEETS[table].value_at[cell_id]
    return f"{get_column_letter(c)}{r}"


@pytest.mark.parametrize("example", EXAMPLES)
def test_yaml_and_workbook_give_the_same_report_byte_for_byte(
    example: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_example(example, tmp_path)
    code, text = run(["convert", str(folder / "data.yaml"), str(folder / "data.xlsx")], capsys)
    assert code == 0, text
    assert "还有 data.yaml" in text  # two data files in one folder: the user is told
    code, text = run(["draft", str(folder / "data.yaml"), "-o", str(tmp_path / "from_yaml"), "-f", "md,html"], capsys)
    assert code == 0, text
    code, text = run(["draft", str(folder / "data.xlsx"), "-o", str(tmp_path / "from_xlsx"), "-f", "md,html"], capsys)
    assert code == 0, text
    for name in ("report.md", "report.html"):
        assert (tmp_path / "from_yaml" / name).read_bytes() == (tmp_path / "from_xlsx" / name).read_bytes()
    # and back: the workbook converted to YAML drafts the same report again
    back = folder / "back.yaml"
    code, text = run(["convert", str(folder / "data.xlsx"), str(back)], capsys)
    assert code == 0, text
    code, text = run(["draft", str(back), "-o", str(tmp_path / "from_back")], capsys)
    assert code == 0, text
    assert (tmp_path / "from_back" / "report.md").read_bytes() == (tmp_path / "from_yaml" / "report.md").read_bytes()
    assert load_dataset(back).data == load_dataset(folder / "data.yaml").data


def test_a_folder_with_two_data_files_is_ambiguous(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_example("xiaxian-2023", tmp_path)
    run(["convert", str(folder / "data.yaml"), str(folder / "data.xlsx")], capsys)
    code, text = run(["draft", str(folder), "-o", str(tmp_path / "o")], capsys)
    assert code == 2 and "同时有 data.yaml、data.xlsx" in text
    (folder / "data.yaml").unlink()
    code, text = run(["draft", str(folder), "-o", str(tmp_path / "o")], capsys)
    assert code == 0, text


def test_convert_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_example("xiaxian-2023", tmp_path)
    target = folder / "mine.xlsx"
    target.write_bytes(b"my own workbook")
    code, text = run(["convert", str(folder / "data.yaml"), str(target)], capsys)
    assert code == 2 and "--force" in text and target.read_bytes() == b"my own workbook"
    code, text = run(["convert", str(folder / "data.yaml"), str(folder / "data.yaml"), "--force"], capsys)
    assert code == 2 and "同一个文件" in text and "Traceback" not in text
    code, text = run(["convert", str(folder / "data.yaml"), str(folder / "x.docx")], capsys)
    assert code == 2 and ".xlsx" in text


def _grid_merges(table: str) -> set[tuple[int, int, int, int]]:
    return {
        (p.row, p.col, p.last_row, p.last_col)
        for p in F.TABLE_SHEETS[table].placed
        if p.cell.rowspan > 1 or p.cell.colspan > 1
    }


@pytest.fixture(scope="module")
def blank_workbook(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    """A new workbook as ``write_workbook`` writes it, read back once (the tests only read it)."""
    path = tmp_path_factory.mktemp("blank") / "data.xlsx"
    write_workbook(path, {"agency": {"name": "测试局"}, "year": 2024})
    return load_workbook(path)


@pytest.mark.parametrize("table", ["table2", "table3", "table4"])
def test_table_sheets_follow_the_official_grid(table: str, blank_workbook: Workbook) -> None:
    wb = blank_workbook
    ts = F.TABLE_SHEETS[table]
    ws = wb[ts.sheet]
    grid = {"table2": G.table2_grid, "table3": G.table3_grid, "table4": G.table4_grid}[table](lambda _: None)
    labels = [c.text for row in grid.rows for c in row if c.cell_id is None]
    written = [ws.cell(p.row, p.col).value for p in ts.placed if p.cell.cell_id is None]
    assert written == labels  # every official label, in order
    merges = {(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges if m.min_row >= F.GRID_TOP}
    assert merges == _grid_merges(table)
    assert ws.protection.sheet
    for cid, (r, c) in ts.value_at.items():
        cell = ws.cell(r, c)
        if L.CELL_INFO[cid].is_total:
            assert cell.protection.locked and str(cell.value).startswith("=SUM(")
        else:
            assert not cell.protection.locked and cell.value is None  # input cells start blank
    header = next(p for p in ts.placed if p.cell.cell_id is None)
    assert ws.cell(header.row, header.col).protection.locked
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert "whole" in kinds and (("decimal" in kinds) == (table == "table2"))


@pytest.mark.parametrize("table", ["table2", "table3", "table4"])
def test_every_grid_cell_has_its_styles(table: str, blank_workbook: Workbook) -> None:
    """write.py sets styles by index (``_Writer._style``) and merges before styling a range's first
    cell: every grid cell still reads back with its thin outline (a merged range: the sides on the
    range's outline), headers bold on the header fill and locked, inputs white and unlocked, totals grey."""
    ts = F.TABLE_SHEETS[table]
    ws = blank_workbook[ts.sheet]
    for p in ts.placed:
        first = ws.cell(p.row, p.col)
        for r in range(p.row, p.last_row + 1):
            for c in range(p.col, p.last_col + 1):
                border = ws.cell(r, c).border
                outline = {"left": c == p.col, "right": c == p.last_col, "top": r == p.row, "bottom": r == p.last_row}
                for side, on_outline in outline.items():
                    if on_outline:
                        found = getattr(border, side)
                        assert found.style == "thin" and found.color.rgb == "00808080", (table, r, c, side)
        assert first.font.name == "宋体" and first.alignment.vertical == "center" and first.alignment.wrap_text
        cid = p.cell.cell_id
        if cid is None:
            assert first.font.b and first.fill.fgColor.rgb == "00D9E1F2" and first.protection.locked
        elif L.CELL_INFO[cid].is_total:
            assert first.font.b and first.fill.fgColor.rgb == "00EDEDED" and first.protection.locked
        else:
            assert not first.font.b and first.fill.fgColor.rgb == "00FFFFFF" and not first.protection.locked


def test_table3_totals_are_visible_sums() -> None:
    ts = F.TABLE_SHEETS["table3"]
    r, _ = ts.value_at["t3.r1_new.np"]
    assert F.TOTALS["t3.r1_new.total"] == tuple(f"t3.r1_new.{c.id}" for c in L.T3_PART_COLUMNS)
    assert cell_of("table3", "t3.r1_new.np") == f"D{r}" and cell_of("table3", "t3.r1_new.total") == f"J{r}"


@pytest.fixture(scope="module")
def converted_examples(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """An example folder with its data.yaml converted to data.xlsx (and removed), made once per
    module; tests edit copies (``example_workbook``). Also remembers the data that ``convert``
    wrote into each workbook (``_CONVERTED``), so that ``_edit`` can build it again."""
    from draft_report.loading.dataset import read_raw, validate_raw
    from draft_report.loading.dump import data_to_raw

    made: dict[str, Path] = {}

    def get(example: str) -> Path:
        if example not in made:
            folder = copy_example(example, tmp_path_factory.mktemp("converted"))
            main_args = ["convert", str(folder / "data.yaml"), str(folder / "data.xlsx")]
            with pytest.raises(SystemExit):
                main(main_args)
            raw = data_to_raw(validate_raw(read_raw(folder / "data.yaml")))  # what convert wrote
            (folder / "data.yaml").unlink()
            _CONVERTED[example] = raw
            made[example] = folder
        return made[example]

    return get


@pytest.fixture
def example_workbook(tmp_path: Path, converted_examples: Callable[[str], Path]) -> Callable[..., Path]:
    """``example_workbook(example)``: this test's own copy of a converted example; its data.xlsx."""

    def copy(example: str = "xiaxian-2023") -> Path:
        folder = tmp_path / example
        shutil.copytree(converted_examples(example), folder)
        _EDITS[folder / "data.xlsx"] = (example, [])
        return folder / "data.xlsx"

    return copy


# The data ``convert`` wrote into each example's workbook, and per copy (``example_workbook``)
# the cells edited so far.
_CONVERTED: dict[str, dict[str, Any]] = {}
_EDITS: dict[Path, tuple[str, list[tuple[str, str, object]]]] = {}


def _edit(path: Path, sheet: str, ref: str, value: object) -> None:
    """Type ``value`` into ``sheet!ref`` of an ``example_workbook`` copy and save it, as a person
    does in Excel: the copy is the converted example with this and the earlier edits.

    The workbook is built again from the data ``convert`` wrote (``build_workbook``, ≈ 60 ms)
    rather than loaded with openpyxl (≈ 170 ms: it restyles every merged cell on loading); the
    saved file is the same either way (``test_an_edit_keeps_every_other_cell``)."""
    example, edits = _EDITS[path]
    edits.append((sheet, ref, value))
    wb = build_workbook(_CONVERTED[example])
    for where, cell, typed in edits:
        wb[where][cell] = typed
    wb.save(path)


def test_an_edit_keeps_every_other_cell(example_workbook: Callable[..., Path]) -> None:
    """``_edit`` changes the one cell and keeps the rest of the converted file: every other value
    and formula of every sheet, and the merged ranges."""
    from draft_report.workbook.cells import read_sheets

    def cells(path: Path) -> dict[tuple[str, str], object]:
        wb = load_workbook(path, read_only=True)  # formulas as written
        try:
            return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row
                    if c.value is not None and hasattr(c, "coordinate")}
        finally:
            wb.close()

    path = example_workbook("scjg-2024")
    before, merges = cells(path), [s.merges for s in read_sheets(path)]
    ref = cell_of("table3", "t3.r3_4_1.biz")
    _edit(path, "表三", ref, 7)
    assert before.get(("表三", ref)) != 7
    assert cells(path) == {**before, ("表三", ref): 7}
    assert [s.merges for s in read_sheets(path)] == merges


@pytest.mark.parametrize(
    ("value", "expected"),
    [("很多", "应为整数"), (True, "真假值"), (-1, "不能为负数"), (2.5, "不能有小数")],
)
def test_a_bad_count_names_sheet_and_cell(
    example_workbook: Callable[..., Path], value: object, expected: str
) -> None:
    path = example_workbook()
    ref = cell_of("table3", "t3.r3_4_1.biz")
    _edit(path, "表三", ref, value)
    with pytest.raises(InputError) as err:
        load_dataset(path)
    assert f"表三!{ref}" in str(err.value) and expected in str(err.value)


def test_a_blank_cell_in_a_filled_table_is_named(example_workbook: Callable[..., Path]) -> None:
    path = example_workbook()
    ref = cell_of("table4", "t4.lr.fix")
    _edit(path, "表四", ref, None)
    with pytest.raises(InputError) as err:
        load_dataset(path)
    assert f"表四!{ref}" in str(err.value) and "空白不等于 0" in str(err.value)


def test_a_total_typed_over_the_formula_is_compared(example_workbook: Callable[..., Path]) -> None:
    path = example_workbook()
    ref = cell_of("table3", "t3.r1_new.total")
    _edit(path, "表三", ref, 5)
    with pytest.raises(InputError) as err:
        load_dataset(path)
    assert f"表三!{ref}" in str(err.value) and "应为 0" in str(err.value)


def test_a_number_typed_as_text_reads_with_a_notice_naming_the_cell(
    example_workbook: Callable[..., Path],
) -> None:
    path = example_workbook()
    ref = cell_of("table2", "t2.penalty.decisions")
    _edit(path, "表二", ref, "１２件")
    ds = load_dataset(path)
    assert ds.data.table2.get("t2.penalty.decisions") == 12
    assert any(f"表二!{ref}" in n and "按 12" in n for n in ds.notices)


def test_an_inserted_row_is_reported_not_misread(example_workbook: Callable[..., Path]) -> None:
    path = example_workbook()
    wb = load_workbook(path)
    ws = wb["表三"]
    ws.protection.sheet = False
    ws.insert_rows(8)
    wb.save(path)
    with pytest.raises(InputError) as err:
        load_dataset(path)
    assert "表三!" in str(err.value) and "插入、删除或移动" in str(err.value)


def test_a_missing_sheet_is_named(example_workbook: Callable[..., Path]) -> None:
    path = example_workbook()
    wb = load_workbook(path)
    del wb["要点"]
    wb.save(path)
    with pytest.raises(InputError, match="缺少工作表“要点”"):
        load_dataset(path)


def test_a_note_without_a_topic_and_a_misspelt_topic(example_workbook: Callable[..., Path]) -> None:
    path = example_workbook()
    _edit(path, "要点", "A3", None)
    with pytest.raises(InputError, match=r"要点!A3.*选择小节"):
        load_dataset(path)
    _edit(path, "要点", "A3", "主动公开")
    with pytest.raises(InputError, match=r"要点!A3.*是否应为“（一）主动公开情况”"):
        load_dataset(path)


def test_workbook_lists_keep_their_order_and_topics(example_workbook: Callable[..., Path]) -> None:
    path = example_workbook("scjg-2024")
    ds = load_dataset(path)
    yaml_ds = load_dataset(ROOT / "examples" / "scjg-2024" / "data.yaml")
    assert ds.data.notes == yaml_ds.data.notes
    assert ds.data.previous_problems == yaml_ds.data.previous_problems
    assert ds.data.agency.contact == yaml_ds.data.agency.contact  # 邮编 stays "999001", text
    wb = load_workbook(path, read_only=True)  # (only read: no restyling of every merged cell)
    assert wb["问题与措施"]["A3"].value == "存在的问题"
    wb.close()


def test_guide_sheet_lists_the_allowed_values(tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    write_workbook(path, {})
    wb = load_workbook(path, read_only=True)
    text = "\n".join(str(c.value) for row in wb["填表说明"].iter_rows() for c in row if c.value)
    wb.close()
    for needle in ("本机关不掌握相关政府信息", "法律服务机构", "行政复议、行政诉讼", "尚未审结", "按件和按量", "（五）监督保障情况"):
        assert needle in text


def test_readme_command_1_drafts_without_a_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run(["draft", str(ROOT / "examples" / "xiaxian-2023" / "data.yaml"), "-o", str(tmp_path / "x")], capsys)
    assert code == 0 and "已生成报告" in text and "提示" not in text, text


def test_last_years_valid_count_next_to_table2_is_checked(tmp_path: Path) -> None:
    from draft_report.loading.dump import data_to_raw

    raw = data_to_raw(load_dataset(ROOT / "examples" / "scjg-2024" / "data.yaml").data)
    raw["table2"]["norm"] = {"made": 2, "repealed": 1, "valid": 12}
    path = tmp_path / "data.xlsx"
    write_workbook(path, raw, baseline={"reg": 0, "norm": 9})
    for name in ("publications.csv", "events.csv", "requests.csv", "cases.csv"):
        shutil.copy(ROOT / "examples" / "scjg-2024" / name, tmp_path / name)
    notices = load_dataset(path).notices
    cell = cell_of("table2", "t2.norm.valid")
    assert any(f"表二!{cell}" in n and "上年现行有效 9 + 本年制发 2 − 本年废止 1 = 10" in n for n in notices), notices


def test_check_takes_the_workbook_as_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], example_workbook: Callable[..., Path]
) -> None:
    path = example_workbook()
    code, text = run(["draft", str(path), "-o", str(tmp_path / "out")], capsys)
    assert code == 0, text
    code, text = run(["check", str(tmp_path / "out" / "report.md"), "--data", str(path)], capsys)
    assert code == 0 and "错误 0 项，警告 0 项" in text, text


def test_convert_to_json_drafts_the_same_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_example("scjg-2024", tmp_path)
    code, text = run(["convert", str(folder / "data.yaml"), str(folder / "data.json")], capsys)
    assert code == 0, text
    for name in ("data.yaml", "data.json"):
        code, text = run(["draft", str(folder / name), "-o", str(tmp_path / name)], capsys)
        assert code == 0, text
    assert (tmp_path / "data.yaml" / "report.md").read_bytes() == (tmp_path / "data.json" / "report.md").read_bytes()
