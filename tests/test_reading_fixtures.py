"""Every real report and the sample report, read through ``read_report``.

Expected values are copied by eye from the fixture files (tests/fixtures), as printed —
including the published inconsistencies (洪泽 2023 表四) and blanks (沭阳 表三).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from draft_report.models.document import ReportDocument
from draft_report.reading import read_report
from draft_report.reading.table_reader import OLD_SINGLE_OTHER_ROW
from draft_report.sections import SECTION_KEYS
from draft_report.tables import layout as L

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL = FIXTURES / "real_reports"
SAMPLE = FIXTURES / "seeds" / "xiaxian_2023.txt"
ALL = [*sorted(REAL.glob("*.txt")), SAMPLE]
COMPLETE = [p for p in ALL if "shanghai" not in p.name]


def t3_row(doc: ReportDocument, row: str) -> list[int | float | None]:
    return [doc.tables.get(L.t3_cell_id(row, c.id)) for c in L.T3_COLUMNS]


def t4(doc: ReportDocument) -> list[int | float | None]:
    return [doc.tables.get(cid) for cid, _, _ in L.t4_cells()]


def t2(doc: ReportDocument) -> list[int | float | None]:
    return [doc.tables.get(cid) for cid, *_ in L.t2_cells()]


@pytest.fixture(scope="module")
def docs() -> dict[str, ReportDocument]:
    return {p.stem: read_report(p) for p in ALL}


@pytest.mark.parametrize("path", COMPLETE, ids=lambda p: p.stem)
def test_six_sections_in_order(path: Path, docs: dict[str, ReportDocument]) -> None:
    doc = docs[path.stem]
    assert [s.key for s in doc.sections] == list(SECTION_KEYS)
    assert doc.tables_found == ["table2", "table3", "table4"]
    for s in doc.sections:
        assert s.line is not None and doc.lines[s.line - 1].strip().startswith(s.heading[:2])


@pytest.mark.parametrize("path", COMPLETE, ids=lambda p: p.stem)
def test_every_cell_read_except_documented_gaps(path: Path, docs: dict[str, ReportDocument]) -> None:
    doc = docs[path.stem]
    unreadable = [i for i in doc.cell_issues if i.problem == "unreadable"]
    assert unreadable == []
    missing = {i.cell_id.rsplit(".", 1)[0] for i in doc.cell_issues if i.problem == "missing"}
    assert missing == set()
    # single-row （六）其他处理: 表三 is read in the 2019 format's rows, (六) as one row
    assert doc.tables.table3_layout.name == ("2019" if "hongze" in path.stem else "2021")
    # every read cell knows its line, and the line holds the value
    for cid, value in doc.tables.cells().items():
        if value is None or cid in {i.cell_id for i in doc.cell_issues}:
            continue
        line = doc.lines[doc.cell_lines[cid] - 1]
        assert str(value).rstrip("0").rstrip(".") in line or str(int(value)) in line, (cid, line)
        assert doc.table_lines[cid]


def test_huaian_2024(docs: dict[str, ReportDocument]) -> None:
    doc = docs["huaian_2024"]
    assert (doc.agency, doc.year) == ("淮安市人民政府", 2024)
    assert t2(doc) == [1, 0, 11, 8, 26, 66, 447228, 3985758, 88283, 96171.6]
    assert t3_row(doc, "r1_new") == [3001, 53, 0, 0, 61, 4, 3119]
    assert t3_row(doc, "r2_carry_in") == [34, 0, 0, 0, 0, 0, 34]
    # label broken over the lines above and below its numbers by pdftotext
    assert t3_row(doc, "r3_2_partial") == [447, 7, 0, 0, 0, 0, 454]
    assert t3_row(doc, "r3_3_2") == [30, 1, 0, 0, 0, 0, 31]
    assert t3_row(doc, "r3_3_5") == [7, 1, 0, 0, 0, 0, 8]
    assert t3_row(doc, "r3_4_2") == [11, 0, 0, 0, 0, 0, 11]
    assert t3_row(doc, "r3_5_5") == [1, 0, 0, 0, 0, 0, 1]
    assert t3_row(doc, "r3_6_1") == [67, 3, 0, 0, 1, 0, 71]
    assert t3_row(doc, "r3_6_2") == [6, 0, 0, 0, 0, 0, 6]
    assert t3_row(doc, "r3_6_3") == [108, 2, 0, 0, 0, 0, 110]
    assert t3_row(doc, "r3_7_total") == [2932, 53, 0, 0, 61, 4, 3050]
    assert t3_row(doc, "r4_carry_out") == [103, 0, 0, 0, 0, 0, 103]
    assert t4(doc) == [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]
    assert doc.cell_lines["t3.r3_2_partial.np"] == 38
    assert doc.cell_lines["t4.lr.total"] == 87
    assert doc.old_format_markers == []
    assert doc.signature is None and doc.date is None


def test_hongze_2023_read_as_printed(docs: dict[str, ReportDocument]) -> None:
    doc = docs["huaian-hongze_2023"]
    assert (doc.agency, doc.year) == ("洪泽区人民政府", 2023)
    assert t4(doc) == [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]  # inconsistent as published
    assert t2(doc) == [0, 0, 0, 0, 5, 5, 550, 4119, 195, 7730.28]
    assert t3_row(doc, "r3_3_2") == [0] * 7  # misspelt label "2.其他法律行政止公开"
    assert t3_row(doc, "r3_2_partial") == [4, 0, 0, 0, 0, 0, 4]
    assert t3_row(doc, "r3_5_5") == [0] * 7
    assert t3_row(doc, "r3_7_total") == [21, 0, 0, 0, 0, 0, 21]
    assert OLD_SINGLE_OTHER_ROW in doc.old_format_markers
    assert t3_row(doc, "r3_6") == [0] * 7 and doc.cell_lines["t3.r3_6.total"] == 65
    assert doc.tables.get("t3.r3_6_1.total") is None  # the 2021 sub-rows: not in this table
    # "六、其他需要报告的事项2023 年，区政府…" is split into heading and paragraph
    other = doc.section("other")
    assert other is not None and other.heading == "六、其他需要报告的事项"
    assert other.paragraphs[0].text.startswith("2023 年，区政府严格落实")
    assert other.paragraphs[0].line == 79


def test_hongze_2024(docs: dict[str, ReportDocument]) -> None:
    doc = docs["huaian-hongze_2024"]
    assert (doc.agency, doc.year) == ("淮安市洪泽区人民政府", 2024)
    assert t4(doc) == [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]
    assert t3_row(doc, "r3_4_1") == [31, 0, 0, 0, 0, 0, 31]
    assert t3_row(doc, "r4_carry_out") == [0] * 7
    assert t2(doc)[3:6] == [3, 0, 8]


def test_shuyang_blank_organisation_columns(docs: dict[str, ReportDocument]) -> None:
    doc = docs["shuyang-fagaiju_2023"]
    assert (doc.agency, doc.year) == ("沭阳县发展和改革局", 2023)
    for row in L.T3_ROWS:
        values = t3_row(doc, row.id)
        assert values[1:6] == [None] * 5, row.id  # blank, not 0
    assert t3_row(doc, "r1_new")[0] == 26 and t3_row(doc, "r1_new")[6] == 26
    assert t3_row(doc, "r3_1_open") == [26, None, None, None, None, None, 26]
    assert doc.cell_issues == []  # blanks are not issues (the checker flags them)
    assert t2(doc)[3:6] == [8, 0, 18]  # "规范性文件" without 行政
    assert t4(doc) == [0, 0, 0, 1, 1] + [0] * 10
    problems = doc.section("problems")
    assert problems is not None and problems.heading == "五、存在的主要问题及整改措施"
    assert doc.signature == "沭阳县发展和改革局" and doc.date == dt.date(2024, 1, 17)


def test_xiaxian_sample(docs: dict[str, ReportDocument]) -> None:
    doc = docs["xiaxian_2023"]
    assert (doc.agency, doc.year) == ("夏县乡村振兴局", 2023)
    assert doc.title.endswith("年度报告")
    assert all(v == 0 for v in doc.tables.cells().values())
    assert doc.cell_issues == []
    review = doc.section("review_litigation")
    assert review is not None and review.heading == "四、政府信息公开行政复议、行政诉讼情"  # kept as written
    assert doc.signature == "夏县乡村振兴局" and doc.date == dt.date(2024, 1, 18)
    other = doc.section("other")
    assert other is not None and [p.text for p in other.paragraphs] == ["关于2023年度政府信息公开无其他需要报告事项。"]
    overview = doc.section("overview")
    assert overview is not None
    subs = [p.text for p in overview.paragraphs if p.kind == "subheading"]
    assert subs[:2] == ["（一）主动公开情况", "（二）依申请公开情况"]
    assert any("全年未收到信息公开相关申请" in p.text for p in overview.paragraphs)
    assert doc.cell_lines["t3.r1_new.np"] == 89 and doc.cell_lines["t3.r1_new.total"] == 95
    problems = doc.section("problems")
    assert problems is not None and not any("bookmark" in p.text for p in problems.paragraphs)


def test_shanghai_degrades_gracefully(docs: dict[str, ReportDocument]) -> None:
    doc = docs["shanghai-kewei_2024"]
    assert (doc.agency, doc.year) == ("上海市科委", 2024)
    keys = [s.key for s in doc.sections]
    # its own sections (工作机制保障…) are kept unmapped; the table sections are found by title
    assert keys.count(None) == 5
    assert {"overview", "proactive", "requests", "review_litigation", "other"} <= set(keys)
    assert doc.section("proactive").heading == "一、主动公开政府信息情况"  # type: ignore[union-attr]
    assert t2(doc) == [0, 0, 0, 13, 0, 55, 97, 0, 0, 0]
    assert t3_row(doc, "r1_new") == [32, 2, 0, 0, 0, 0, 34]
    assert t3_row(doc, "r3_1_open") == [9, 0, 0, 0, 0, 0, 9]
    assert t3_row(doc, "r3_3_6") == [1, 0, 0, 0, 0, 0, 1]
    assert t3_row(doc, "r3_7_total") == [33, 2, 0, 0, 0, 0, 35]
    assert t3_row(doc, "r4_carry_out") == [1, 0, 0, 0, 0, 0, None]  # the empty cell stays blank
    assert t4(doc) == [1, 0, 0, 0, 1] + [0] * 10
    # rows whose labels and numbers the extraction separated are reported, not guessed
    issue_rows = {i.cell_id.rsplit(".", 1)[0] for i in doc.cell_issues}
    assert {"t3.r3_2_partial", "t3.r3_3_2", "t3.r3_4_1", "t3.r3_4_2"} <= issue_rows
    for row in issue_rows:
        assert all(doc.tables.get(f"{row}.{c.id}") is None for c in L.T3_COLUMNS)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_lines_and_source(path: Path, docs: dict[str, ReportDocument]) -> None:
    doc = docs[path.stem]
    assert doc.lines == path.read_text(encoding="utf-8").splitlines()
    assert doc.source == str(path) and doc.source_format == "text"
    for s in doc.sections:
        for p in s.paragraphs:
            assert p.line is not None and 1 <= p.line <= len(doc.lines)
