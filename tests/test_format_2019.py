"""Formats by year: reports up to 2020 are read and checked in the 2019 trial format; from
2021 on the old format is an error. Fixtures: tests/fixtures/format2019 (invented, see README)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from draft_report.checking import check_document
from draft_report.models.document import ReportDocument
from draft_report.models.tables import Tables
from draft_report.reading import read_report, read_text
from draft_report.tables import identities as I
from draft_report.tables import layout as L
from draft_report.tables.grid import table2_grid, table3_grid
from draft_report.tables.years import report_year

HERE = Path(__file__).resolve().parent / "fixtures" / "format2019"
CLEAN = HERE / "qinglan-scj_2020.txt"
T3_ERROR = HERE / "qinglan-scj_2020_t3_error.txt"


def rules(doc: ReportDocument, severity: str | None = None, dataset: object = None) -> list[str]:
    return [f.rule for f in check_document(doc, dataset).findings if severity is None or f.severity == severity]


def as_year(text: str, year: int) -> str:
    """The same report for another year: title, statistics period, prose years and signing date."""
    return text.replace("2021年1月25日", f"{year + 1}年1月25日").replace("2020", str(year))


def test_2020_report_is_read_in_the_2019_format() -> None:
    doc = read_report(CLEAN)
    assert doc.year == 2020
    assert doc.tables.table2_layout is L.LAYOUT_2019 and doc.tables.table3_layout is L.LAYOUT_2019
    assert [i for i in doc.cell_issues] == []
    get = doc.tables.get
    assert (get("t2.norm.new_made"), get("t2.norm.new_public"), get("t2.norm.public_total")) == (3, 3, 27)
    assert (get("t2.licensing.prev_items"), get("t2.licensing.change"), get("t2.licensing.decisions")) == (46, -2, 1285)
    assert get("t2.services.decisions") == 356 and get("t2.fees.change") == -1
    assert (get("t2.procurement.items"), get("t2.procurement.amount_wan")) == (6, 85.6)
    assert get("t3.r3_6.np") == 1 and get("t3.r3_7_total.total") == 40 and get("t3.r4_carry_out.total") == 1
    # cells only the 2021 format has are "not given", never an error
    assert get("t3.r3_6_1.total") is None and get("t2.norm.valid") is None


def test_2020_report_in_its_format_gets_no_format_finding() -> None:
    doc = read_report(CLEAN)
    result = check_document(doc)
    assert [f.rule for f in result.findings if f.severity in ("error", "warning")] == []
    # the prose "收到…39件 … 办结40件 … 结转下年度继续办理1件" was checked against the 2019 表三
    unverified = " ".join(f.location.excerpt or "" for f in result.findings if f.rule == "prose.unverified")
    assert "共收到政府信息公开申请39件" not in unverified


def test_table3_arithmetic_error_is_found_in_a_2020_report() -> None:
    doc = read_report(T3_ERROR)
    errors = [f for f in check_document(doc).findings if f.severity == "error"]
    assert errors and all(f.rule.startswith("table.identity.") for f in errors)
    assert {f.location.table for f in errors} == {"表三"}
    assert "structure.old_format" not in rules(doc)


def test_a_2021_report_in_the_old_format_is_still_an_error() -> None:
    text = as_year(CLEAN.read_text(encoding="utf-8"), 2021)
    doc = read_text(text, source="old2021.txt")
    assert doc.year == 2021
    old = [f for f in check_document(doc).findings if f.rule == "structure.old_format"]
    errors = [f for f in old if f.severity == "error"]
    assert len(errors) == 1  # one defect, one error, naming every marker of the old tables
    assert set(errors[0].actual.split("、")) >= {"本年新制作数量", "上一年项目数量", "政府集中采购"}
    assert "等" in errors[0].message and "应使用 2021 年版格式" in errors[0].message
    assert any(f.actual == "1 行" for f in old)  # the single （六）其他处理 row
    # its tables are still read as printed, so their arithmetic is still checked
    bad = read_text(as_year(T3_ERROR.read_text(encoding="utf-8"), 2021), source="bad2021.txt")
    assert "table.identity.H2" in rules(bad, "error") and "structure.old_format" in rules(bad, "error")


def test_2019_report_is_judged_by_its_format_too() -> None:
    doc = read_text(as_year(CLEAN.read_text(encoding="utf-8"), 2019), source="r2019.txt")
    assert doc.year == 2019 and doc.tables.table3_layout is L.LAYOUT_2019
    assert rules(doc, "error") == [] and "structure.old_format" not in rules(doc)


def test_year_from_the_statistics_period_when_the_title_has_none() -> None:
    text = CLEAN.read_text(encoding="utf-8").replace("清澜县市场监督管理局2020年政府信息公开工作年度报告",
                                                    "清澜县市场监督管理局政府信息公开工作年度报告", 1)
    doc = read_text(text, source="notitleyear.txt")
    assert doc.year is None and doc.tables.table3_layout is L.LAYOUT_2019
    assert "structure.old_format" not in rules(doc)
    assert report_year(None, ["本报告中所列数据的统计期限为2020年1月1日至2020年12月31日。"]) == 2020
    assert report_year(None, ["现将本局2019年度政府信息公开工作情况报告如下。"]) == 2019
    assert report_year(None, [], dt.date(2021, 1, 25)) == 2020
    assert report_year(2024, ["2020年1月1日至2020年12月31日"]) == 2024


def test_the_year_decides_when_the_labels_do_not() -> None:
    """表三 whose （六） rows were lost: read in the format of the report's year."""
    text = CLEAN.read_text(encoding="utf-8").replace("（六）其他处理\t1\t0\t0\t0\t0\t0\t1\n", "")
    assert read_text(text).tables.table3_layout is L.LAYOUT_2019
    assert read_text(as_year(text, 2022)).tables.table3_layout is L.LAYOUT_2021


def test_2019_identities() -> None:
    h2 = [i for i in I.identities_for(L.LAYOUT_2019) if i.rule == "H2"]
    assert len(h2) == 7 and all(len(i.rhs) == 19 for i in h2)
    assert "t3.r3_6.np" in h2[0].rhs and not any("r3_6_" in c for i in h2 for c in i.rhs)
    assert len([i for i in I.identities_for(L.LAYOUT_2019) if i.rule == "H3"]) == 23
    assert I.identities_for(L.LAYOUT_2021) == I.IDENTITIES


def test_data_file_of_2021_shape_against_a_2019_table() -> None:
    """With --data: the single （六）其他处理 row is compared with the sum of the data's 3 sub-rows."""
    doc = read_report(CLEAN)
    data_tables = Tables()
    for cid, value in doc.tables.cells().items():
        if data_tables.has_cell(cid):
            data_tables.set(cid, value)
    for col in L.T3_COLUMNS:
        data_tables.set(f"t3.r3_6_1.{col.id}", doc.tables.get(f"t3.r3_6.{col.id}"))
        data_tables.set(f"t3.r3_6_2.{col.id}", 0)
        data_tables.set(f"t3.r3_6_3.{col.id}", 0)
    data = SimpleNamespace(tables=lambda: data_tables, year=2020, agency=SimpleNamespace(kind=None), fees=None)
    dataset = SimpleNamespace(data=data, aggregates=None, path=Path("data.yaml"))
    assert "data.cell_mismatch" not in rules(doc, dataset=dataset)
    data_tables.set("t3.r3_6_3.np", 1)
    data_tables.set("t3.r3_6_3.total", 1)
    mismatches = [f for f in check_document(doc, dataset).findings if f.rule == "data.cell_mismatch"]
    assert {f.location.cell_id for f in mismatches} == {"t3.r3_6.np", "t3.r3_6.total"}
    assert all("（六）其他处理" in f.message for f in mismatches)


@pytest.mark.parametrize("layout", [L.LAYOUT_2021, L.LAYOUT_2019])
def test_grids_follow_the_format(layout: L.Layout) -> None:
    tables = Tables.of_layout(layout)
    g2, g3 = table2_grid(tables.get), table3_grid(tables.get)
    for row in g2.rows:
        assert sum(c.colspan for c in row) == L.T2_WIDTH
    captions = [r[0].text for r in g2.rows if len(r) == 1]
    assert ("第二十条第（九）项" in captions) == (layout is L.LAYOUT_2019)
    ids = {c.cell_id for r in g3.rows for c in r if c.cell_id}
    assert ids == {cid for cid, _, _ in layout.t3_cells()}
    results = next(c for r in g3.rows for c in r if c.text == L.T3_RESULTS_LABEL)
    assert results.rowspan == len(layout.t3_results_block)


def test_a_2019_format_report_renders_and_reads_back_in_its_format() -> None:
    """Renderers draw the tables in the format they were read in (not the 2021 one)."""
    from draft_report.rendering.markdown import render_markdown

    doc = read_report(CLEAN)
    md = render_markdown(doc)
    assert "第二十条第（九）项" in md and "本年新制作数量" in md and "逾期不补正" not in md
    back = read_text(md, source="back.md", fmt="markdown")
    assert back.tables.table3_layout is L.LAYOUT_2019 and back.tables.cells() == doc.tables.cells()
