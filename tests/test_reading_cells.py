"""One unusable value cell ("二", "见说明") in a row with known cell boundaries is one unreadable
cell; its neighbours are read. Only whitespace-split rows with a wrong count stay whole-row unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_report.commands.draft import run_draft
from draft_report.models.document import ReportDocument
from draft_report.reading import read_html, read_markdown, read_report, read_text
from draft_report.tables import layout as L
from test_reading_html import portal_page
from test_reading_text import report, t3_lines

ROOT = Path(__file__).resolve().parent.parent
T4_CIDS = [cid for cid, _, _ in L.t4_cells()]
T4 = ["1", "0", "0", "1", "2", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]
R1 = ["5", "1", "0", "0", "1", "0", "7"]


def t4_with(index: int, text: str) -> list[str]:
    values = list(T4)
    values[index] = text
    return values


def r1_with(index: int, text: str) -> list[str]:
    values = list(R1)
    values[index] = text
    return values


def assert_only_cells_unreadable(doc: ReportDocument, expected: dict[str, str]) -> None:
    """Exactly the ``expected`` cells are unreadable (with their own raw text); every other
    cell of the 表三 first row and of 表四 holds its value."""
    unreadable = {i.cell_id: i.raw for i in doc.cell_issues if i.problem == "unreadable"}
    assert unreadable == expected
    for cid, raw in zip([L.t3_cell_id("r1_new", c.id) for c in L.T3_COLUMNS], R1, strict=True):
        if cid not in expected:
            assert doc.tables.get(cid) == int(raw), cid
    for cid, raw in zip(T4_CIDS, T4, strict=True):
        if cid not in expected:
            assert doc.tables.get(cid) == int(raw), cid
    assert all(doc.tables.get(cid) is None for cid in expected)


@pytest.mark.parametrize(("t3_text", "t4_text"), [("二", "二"), ("见说明", "十二"), ("两", "N/A")])
def test_tab_separated_text(t3_text: str, t4_text: str) -> None:
    rows = t3_lines({"r1_new": r1_with(1, t3_text)})
    doc = read_text(
        report("三、收到和处理政府信息公开申请情况", *rows, "四、政府信息公开行政复议、行政诉讼情况",
               "\t".join(t4_with(8, t4_text)))
    )
    assert_only_cells_unreadable(doc, {"t3.r1_new.biz": t3_text, "t4.ld.pending": t4_text})
    issue = next(i for i in doc.cell_issues if i.cell_id == "t4.ld.pending")
    assert doc.lines[issue.line - 1].split("\t")[8] == t4_text  # the line of the cell itself


def test_html_cells() -> None:
    doc = read_html(portal_page({"r1_new": r1_with(0, "五"), "r3_7_total": R1}, t4_with(0, "一")))
    assert_only_cells_unreadable(doc, {"t3.r1_new.np": "五", "t4.rv.keep": "一"})


def test_markdown_pipe_and_html_tables() -> None:
    pipe = "\n".join(
        [
            "# 某局2024年度政府信息公开工作年度报告",
            "## 二、主动公开政府信息情况",
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "|---|---|---|---|",
            "| 规章 | 二 | 0 | 3 |",
            "| 行政规范性文件 | 4 | 另行统计 | 20 |",
            "## 三、收到和处理政府信息公开申请情况",
            *("| " + " | ".join([r.label, *(r1_with(6, "七") if r.id == "r1_new" else R1)]) + " |"
              for r in L.T3_ROWS),
            "## 四、政府信息公开行政复议、行政诉讼情况",
            "| " + " | ".join(t4_with(14, "零")) + " |",
        ]
    )
    doc = read_markdown(pipe)
    assert doc.tables.get("t2.reg.repealed") == 0 and doc.tables.get("t2.reg.valid") == 3
    assert doc.tables.get("t2.norm.made") == 4 and doc.tables.get("t2.norm.valid") == 20
    t2 = {i.cell_id: i.raw for i in doc.cell_issues if i.problem == "unreadable" and i.cell_id.startswith("t2.")}
    assert t2 == {"t2.reg.made": "二", "t2.norm.repealed": "另行统计"}
    doc.cell_issues = [i for i in doc.cell_issues if not i.cell_id.startswith("t2.")]
    assert_only_cells_unreadable(doc, {"t3.r1_new.total": "七", "t4.lr.total": "零"})


def test_whitespace_split_rows_are_read_per_cell_only_when_the_count_fits() -> None:
    rows = t3_lines({}, sep=" ")
    rows[0] = "一、本年新收政府信息公开申请数量 5 二 0 0 1 0 7"  # 7 values for 7 columns
    rows[1] = "二、上年结转政府信息公开申请数量 1 两 0 1"  # 4 values for 7 columns: positions unknown
    doc = read_text(report("三、收到和处理政府信息公开申请情况", *rows))
    assert [doc.tables.get(L.t3_cell_id("r1_new", c.id)) for c in L.T3_COLUMNS] == [5, None, 0, 0, 1, 0, 7]
    r1 = [(i.cell_id, i.raw) for i in doc.cell_issues if i.cell_id.startswith("t3.r1_new.")]
    assert r1 == [("t3.r1_new.biz", "二")]
    r2 = [i for i in doc.cell_issues if i.cell_id.startswith("t3.r2_carry_in.")]
    assert len(r2) == 7 and {i.problem for i in r2} == {"unreadable"}
    assert {i.raw for i in r2} == {"二、上年结转政府信息公开申请数量 1 两 0 1"}
    assert doc.tables.get("t3.r3_1_open.total") == 0


def test_label_cells_are_not_taken_for_values() -> None:
    """A serial number before the label, a numeral heading cell, and blanks before the first
    value keep their old meaning."""
    rows = [
        "序号\t信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
        "1\t规章\t0\t\t2",
        "2\t行政规范性文件\t\t1\t9",
        "三、收到和处理政府信息公开申请情况",
        *t3_lines({}),
    ]
    rows[-len(L.T3_ROWS)] = "\t".join(["一", "本年新收政府信息公开申请数量", *R1])
    doc = read_text(report(*rows))
    assert [doc.tables.get(f"t2.reg.{m}") for m in ("made", "repealed", "valid")] == [0, None, 2]
    assert [doc.tables.get(f"t2.norm.{m}") for m in ("made", "repealed", "valid")] == [None, 1, 9]
    assert [doc.tables.get(L.t3_cell_id("r1_new", c.id)) for c in L.T3_COLUMNS] == [int(x) for x in R1]
    assert not [i for i in doc.cell_issues if i.problem == "unreadable"]


def test_drafted_markdown_with_a_numeral_typed_into_one_cell(tmp_path: Path) -> None:
    """A reviewer types "二" into one cell of the drafter's Markdown (HTML tables)."""
    written, _ = run_draft(ROOT / "examples" / "scjg-2024", tmp_path, ["md"])
    text = written[0].read_text(encoding="utf-8")
    original = read_markdown(text)
    cell = '<td data-cell="t4.ld.fix">0</td>'
    assert text.count(cell) == 1
    edited = read_markdown(text.replace(cell, '<td data-cell="t4.ld.fix">二</td>'))
    assert [(i.cell_id, i.problem, i.raw) for i in edited.cell_issues] == [("t4.ld.fix", "unreadable", "二")]
    assert {c: v for c, v in edited.tables.cells().items() if c != "t4.ld.fix"} == {
        c: v for c, v in original.tables.cells().items() if c != "t4.ld.fix"
    }


def test_word_table_cell(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    written, _ = run_draft(ROOT / "examples" / "scjg-2024", tmp_path, ["docx"])
    original = read_report(written[0])
    word = docx.Document(str(written[0]))
    value_row = word.tables[-1].rows[-1]  # 表四's 15 values
    assert len(value_row.cells) == 15
    value_row.cells[3].paragraphs[0].runs[0].text = "三"
    edited_path = tmp_path / "edited.docx"
    word.save(str(edited_path))
    edited = read_report(edited_path)
    assert [(i.cell_id, i.problem, i.raw) for i in edited.cell_issues] == [("t4.rv.pending", "unreadable", "三")]
    assert {c: v for c, v in edited.tables.cells().items() if c != "t4.rv.pending"} == {
        c: v for c, v in original.tables.cells().items() if c != "t4.rv.pending"
    }
