"""Report variants agencies really publish (tests/fixtures/variants/, derived from the shuyang
fixture): what `draft-report check` must report on each, and what the reader must read."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from draft_report.checking import check_document
from draft_report.cli import main
from draft_report.models.document import ReportDocument
from draft_report.reading import read_html, read_report, read_text
from draft_report.tables import layout as L

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"
T3_CELLS = [cid for cid, _, _ in L.t3_cells()]


def base_noise(f: object) -> bool:
    """The two warnings every variant inherits from the published fixture."""
    msg, actual = getattr(f, "message", ""), getattr(f, "actual", None) or ""
    return (f.rule == "structure.old_format" and "“规范性文件”：" in msg) or (  # type: ignore[attr-defined]
        f.rule == "structure.heading_wording" and "整改措施" in actual  # type: ignore[attr-defined]
    )


def findings(doc: ReportDocument) -> Counter[tuple[str, str]]:
    result = check_document(doc)
    return Counter((f.rule, f.severity) for f in result.findings if f.severity != "info" and not base_noise(f))


# variant → the warnings and errors (beyond the inherited two) a supervisor expects
EXPECTED: dict[str, dict[tuple[str, str], int]] = {
    "base_2023.txt": {},
    "t3_subtotal_column.txt": {("table.format_deviation", "warning"): 1},
    "t3_category_subtotals.txt": {("table.format_deviation", "warning"): 2},
    "t4_vertical.txt": {},
    "t4_transposed.txt": {},
    "t2_fullwidth_thousands.txt": {},
    "t3_units_in_cells.txt": {},
    "t3_dashes_in_cells.txt": {("table.blank.H6", "warning"): 3},
    "headings_parts.txt": {("structure.heading_wording", "warning"): 1},
    "headings_fullwidth_dot.txt": {},
    "headings_bold.md": {},
    "one_paragraph_sections.txt": {},
    "pdf_page_breaks.txt": {},
    # 2019 表二 columns in 第（一）项 but 2021 blocks （五）（六）（八）: read in the 2019 format, whose
    # rows of those blocks do not fit (4 rows unreadable, 其他对外管理服务事项 not found)
    "old_format_2019.txt": {("structure.old_format", "error"): 1, ("table.unreadable", "warning"): 5},
    "deadline_government_ok.txt": {},
    "deadline_department_late.txt": {("deadline.late", "warning"): 1},
    "title_year_last.txt": {},
    "thead_th.html": {},
    "wechat_article.html": {},
}


def test_every_variant_file_is_listed() -> None:
    files = {p.name for p in VARIANTS.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_variant_findings(name: str) -> None:
    doc = read_report(VARIANTS / name)
    assert [s.key for s in doc.sections] == ["overview", "proactive", "requests", "review_litigation",
                                            "problems", "other"]
    assert doc.agency and doc.year == 2023
    assert findings(doc) == Counter(EXPECTED[name])


@pytest.mark.parametrize("name", [n for n in sorted(EXPECTED) if n not in ("t3_dashes_in_cells.txt",)])
def test_variant_tables_read_as_the_base(name: str) -> None:
    """Every layout quirk reads to the same 表三 and 表四 as the base report."""
    base = read_report(VARIANTS / "base_2023.txt")
    doc = read_report(VARIANTS / name)
    for cid in T3_CELLS + [cid for cid, _, _ in L.t4_cells()]:
        if name != "old_format_2019.txt" or cid.startswith(("t3", "t4")):
            assert doc.tables.get(cid) == base.tables.get(cid), cid
    assert base.tables.get("t3.r1_new.total") == 26 and base.tables.get("t3.r3_4_1.oth") == 1


def test_fullwidth_and_thousands_in_table2() -> None:
    doc = read_report(VARIANTS / "t2_fullwidth_thousands.txt")
    assert doc.tables.get("t2.norm.valid") == 18
    assert doc.tables.get("t2.licensing.decisions") == 1208
    assert doc.tables.get("t2.fees.amount_wan") == 1234.5


def test_dashes_are_blank_with_a_note_never_zero() -> None:
    doc = read_report(VARIANTS / "t3_dashes_in_cells.txt")
    dashes = {i.cell_id: i.raw for i in doc.cell_issues if i.problem == "placeholder"}
    assert set(dashes.values()) == {"/", "无"} and len(dashes) == 21
    assert all(doc.tables.get(cid) is None for cid in dashes)
    msgs = [f.message for f in check_document(doc).findings if f.rule == "table.blank.H6"]
    assert any("填写为“/”" in m and "未当作 0" in m for m in msgs)


def _edit_line(text: str, start: str, new_values: list[str]) -> str:
    lines = text.splitlines()
    i = next(n for n, x in enumerate(lines) if x.startswith(start))
    cells = lines[i].split("\t")
    lines[i] = "\t".join(cells[: len(cells) - len(new_values)] + new_values)
    return "\n".join(lines) + "\n"


def test_subtotal_column_defects_are_still_found() -> None:
    text = (VARIANTS / "t3_subtotal_column.txt").read_text(encoding="utf-8")
    # a wrong 小计 is a format note; a wrong standard cell still breaks H3
    wrong_sub = _edit_line(text, "一、本年新收", ["20", "4", "0", "0", "1", "1", "9", "26"])
    notes = [f.message for f in check_document(read_text(wrong_sub)).findings if f.rule == "table.format_deviation"]
    assert any("小计”列为 9，五类法人或其他组织之和为 6" in m for m in notes)
    wrong_cell = _edit_line(text, "一、本年新收", ["20", "5", "0", "0", "1", "1", "6", "26"])
    errors = [f for f in check_document(read_text(wrong_cell)).findings if f.severity == "error"]
    # one cell breaks its row (H3) and its column (H1): one finding naming that cell, both identities
    assert [(f.rule, f.location.cell_id) for f in errors] == [("table.identity.H1", "t3.r1_new.biz")]
    assert "“本年新收申请”行" in errors[0].message and "“商业企业”列" in errors[0].message


def test_subtotal_row_is_not_counted_and_is_compared() -> None:
    text = (VARIANTS / "t3_category_subtotals.txt").read_text(encoding="utf-8")
    doc = read_text(text.replace("（三）不予公开小计\t1\t0\t0\t0\t0\t0\t1", "（三）不予公开小计\t2\t0\t0\t0\t0\t0\t2"))
    assert doc.tables.get("t3.r3_3_1.np") == 0 and doc.tables.get("t3.r3_3_3.np") == 1
    notes = [n.message for n in doc.table_notes]
    assert any("与“（三）不予公开”各项之和不一致：“自然人”列为 2，各项之和为 1" in m for m in notes)
    assert not any(f.severity == "error" for f in check_document(doc).findings)


def test_space_separated_copies_read_the_same() -> None:
    """The same quirks in a pdftotext-style copy (spaces instead of TABs)."""
    base = read_report(VARIANTS / "base_2023.txt")
    for name in ("t3_subtotal_column.txt", "t3_category_subtotals.txt", "t3_units_in_cells.txt", "t4_vertical.txt"):
        doc = read_text((VARIANTS / name).read_text(encoding="utf-8").replace("\t", "  "))
        for cid in T3_CELLS:
            assert doc.tables.get(cid) == base.tables.get(cid), (name, cid)


def test_old_format_cli_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(VARIANTS / "old_format_2019.txt"), "--format", "json"])
    out, err = capsys.readouterr()
    assert exc.value.code == 1, err
    assert "structure.old_format" in out and "本年新制作数量" in out


def test_deadline_depends_on_the_agency_kind() -> None:
    late = [f for f in check_document(read_report(VARIANTS / "deadline_department_late.txt")).findings
            if f.rule == "deadline.late"]
    assert len(late) == 1 and "1月31日" in late[0].message
    for name in ("deadline_government_ok.txt", "title_year_last.txt"):
        gov = read_report(VARIANTS / name)
        assert gov.agency == "沭阳县人民政府" and gov.year == 2023
        assert not [f for f in check_document(gov).findings if f.rule == "deadline.late"]


def _as_data(doc: ReportDocument) -> SimpleNamespace:
    """A report's own tables as a data file (as the bench does)."""
    tables = doc.tables.copy()
    data = SimpleNamespace(tables=lambda: tables, year=doc.year, agency=SimpleNamespace(kind=None), fees=None)
    return SimpleNamespace(data=data, aggregates=None, path=Path("data.yaml"))


def test_dash_against_data_zero_is_no_error_nonzero_is() -> None:
    base = read_report(VARIANTS / "base_2023.txt")
    doc = read_report(VARIANTS / "t3_dashes_in_cells.txt")
    data = _as_data(base)
    assert not [f for f in check_document(doc, data).findings if f.rule == "data.cell_mismatch"]
    data.data.tables().set("t3.r3_5_2.np", 2)  # the data says 2 where the report prints "/"
    errors = [f for f in check_document(doc, data).findings if f.rule == "data.cell_mismatch"]
    assert [f.location.cell_id for f in errors] == ["t3.r3_5_2.np"] and errors[0].severity == "error"


def test_html_subtotal_column_under_a_colspan_header() -> None:
    """An HTML 表三 whose 法人或其他组织 header spans six columns, the sixth being 小计."""
    base = read_report(VARIANTS / "base_2023.txt")
    lines = (VARIANTS / "t3_subtotal_column.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, x in enumerate(lines) if x.startswith("一、本年新收"))
    stop = next(i for i, x in enumerate(lines) if x.startswith("四、结转下年度"))
    rows = ["<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in x.split("\t")) + "</tr>"
            for x in lines[start : stop + 1]]
    head = ('<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
            '<td colspan="8">申请人情况</td></tr><tr><td rowspan="2">自然人</td><td colspan="6">法人或其他组织</td>'
            '<td rowspan="2">总计</td></tr><tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>'
            "<td>法律服务机构</td><td>其他</td><td>小计</td></tr>")
    doc = read_html("<html><body><h1>某局2023年度政府信息公开工作年度报告</h1><p>三、收到和处理政府信息公开申请情况</p>"
                    f"<table>{head}{''.join(rows)}</table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>")
    assert all(doc.tables.get(cid) == base.tables.get(cid) for cid in T3_CELLS)
    assert len(doc.table_notes) == 1 and "小计" in doc.table_notes[0].message


def test_wechat_chrome_is_not_report_text() -> None:
    doc = read_report(VARIANTS / "wechat_article.html")
    text = "".join(p.text for p in doc.preface) + "".join(p.text for s in doc.sections for p in s.paragraphs)
    assert "原创" not in text and "阅读原文" not in text and "在看" not in text
    assert doc.preface[0].text.startswith("根据《中华人民共和国政府信息公开条例》")
    assert doc.signature == "沭阳县发展和改革局" and str(doc.date) == "2024-01-17"


def test_heading_followed_by_punctuation_only() -> None:
    text = (VARIANTS / "base_2023.txt").read_text(encoding="utf-8").replace("\n一、总体情况\n", "\n一、总体情况。\n")
    doc = read_text(text)
    overview = doc.section("overview")
    assert overview is not None and overview.heading == "一、总体情况"
    assert overview.paragraphs[0].text.startswith("2023年，县发展和改革局")


def test_subtotal_label_on_its_own_line_is_not_placed() -> None:
    """pdftotext puts a subtotal's label on the line above its bare numbers: still not counted."""
    base = read_report(VARIANTS / "base_2023.txt")
    text = (VARIANTS / "t3_category_subtotals.txt").read_text(encoding="utf-8").replace("\t", "  ")
    text = text.replace("（三）不予公开小计  1", "（三）不予公开\n小计\n1").replace("（四）无法提供小计  2", "小计\n2")
    doc = read_text(text)
    assert all(doc.tables.get(cid) == base.tables.get(cid) for cid in T3_CELLS)
    assert len(doc.table_notes) == 2 and all("小计" in n.message for n in doc.table_notes)


def _broken_header(text: str) -> str:
    """pdftotext breaks the applicant column labels over two lines ("商业企" / "业")."""
    return text.replace("商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计",
                        "商业企\t科研机\t社会公益\t法律服务\t其他\t小计\n业\t构\t组织\t机构")


@pytest.mark.parametrize("sep", ["\t", "  "])
def test_subtotal_column_position_found_from_the_sums(sep: str) -> None:
    base = read_report(VARIANTS / "base_2023.txt")
    text = _broken_header((VARIANTS / "t3_subtotal_column.txt").read_text(encoding="utf-8")).replace("\t", sep)
    doc = read_text(text)
    assert all(doc.tables.get(cid) == base.tables.get(cid) for cid in T3_CELLS)
    assert len(doc.table_notes) == 1


def test_subtotal_column_that_fits_no_position_is_not_guessed() -> None:
    text = _broken_header((VARIANTS / "t3_subtotal_column.txt").read_text(encoding="utf-8"))
    doc = read_text(_edit_line(text, "一、本年新收", ["20", "4", "0", "0", "1", "1", "7", "26"]))
    assert all(doc.tables.get(cid) is None for cid in T3_CELLS)
    assert {i.cell_id for i in doc.cell_issues if i.problem == "unreadable"} == set(T3_CELLS)
    assert not doc.table_notes


def test_one_value_per_line_layout() -> None:
    """Every cell on its own line without TABs (pdftotext raw mode): the same tables, and the
    quoted row names its label."""
    base = read_report(VARIANTS / "base_2023.txt")
    text = (VARIANTS / "base_2023.txt").read_text(encoding="utf-8")
    doc = read_text("\n".join(x.replace("\t", "\n") for x in text.splitlines()))
    assert all(doc.tables.get(cid) == base.tables.get(cid) for cid, _, _ in [*L.t3_cells(), *L.t4_cells()])
    assert findings(doc) == Counter()
    old = [f for f in check_document(doc).findings if f.rule == "structure.old_format"]
    assert len(old) == 1 and old[0].location.excerpt == "规范性文件 8 0 18"


@pytest.mark.parametrize("header", ["项目\t行政复议\t未经复议直接起诉\t复议后起诉", "项目\t复议后起诉\t行政复议\t未经复议直接起诉"])
def test_transposed_table4_follows_its_header(header: str) -> None:
    text = (VARIANTS / "t4_transposed.txt").read_text(encoding="utf-8")
    rows = [header, "结果维持\t1\t0\t0", "结果纠正\t0\t1\t0", "其他结果\t0\t0\t1", "尚未审结\t1\t0\t0", "总计\t2\t1\t9"]
    lines = text.splitlines()
    i = next(n for n, x in enumerate(lines) if x.startswith("项目"))
    doc = read_text("\n".join([*lines[:i], *rows, *lines[i + 6 :]]))
    first, second, third = (g for g in header.split("\t")[1:])
    ids = {"行政复议": "rv", "未经复议直接起诉": "ld", "复议后起诉": "lr"}
    assert doc.tables.get(f"t4.{ids[first]}.keep") == 1 and doc.tables.get(f"t4.{ids[second]}.fix") == 1
    assert doc.tables.get(f"t4.{ids[third]}.other") == 1 and doc.tables.get(f"t4.{ids[third]}.total") == 9
    h4 = [f for f in check_document(doc).findings if f.rule == "table.identity.H4"]
    # the group whose sum fails; which of its five cells is wrong cannot be told: none is blamed
    assert [f.location.row for f in h4] == [L.CELL_INFO[f"t4.{ids[third]}.total"].row]
    assert [f.location.cell_id for f in h4] == [None]
    section = doc.section("review_litigation")
    assert section is not None and not section.paragraphs  # the rows are table, not prose


def test_a_row_the_reader_cannot_find_is_not_called_blank() -> None:
    text = (VARIANTS / "base_2023.txt").read_text(encoding="utf-8")
    lines = [x for x in text.splitlines() if not x.startswith("2.重复申请")]
    result = check_document(read_text("\n".join(lines)))
    rows = [f for f in result.findings if f.location.row and "重复申请" in f.location.row]
    assert [(f.rule, f.severity) for f in rows] == [("table.unreadable", "warning")]
    assert "未能在报告中找到" in rows[0].message
