"""A portal page as published on a 政府信息公开 site (invented agency, tests/fixtures/html/):
navigation, metadata table, Word-pasted article with rowspan/colspan tables, footer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from draft_report.checking import check_document
from draft_report.cli import main
from draft_report.reading import read_html, read_report
from draft_report.reading.html_blocks import is_portal_chrome
from draft_report.tables import layout as L

PAGE = Path(__file__).resolve().parent / "fixtures" / "html" / "qinglan-jiaoyu_2024.html"

# What the page prints (the invented figures).
T2 = {"reg": [0, 0, 0], "norm": [3, 1, 12], "licensing": [856], "penalty": [4], "coercion": [None], "fees": [0]}
T3 = {
    "r1_new": [12, 2, 0, 0, 1, 1, 16], "r2_carry_in": [1, 0, 0, 0, 0, 0, 1],
    "r3_1_open": [6, 1, 0, 0, 0, 0, 7], "r3_2_partial": [1, 0, 0, 0, 1, 0, 2],
    "r3_3_4": [1, 0, 0, 0, 0, 0, 1], "r3_4_1": [2, 1, 0, 0, 0, 1, 4],
    "r3_5_1": [1, 0, 0, 0, 0, 0, 1], "r3_6_1": [1, 0, 0, 0, 0, 0, 1],
    "r3_7_total": [12, 2, 0, 0, 1, 1, 16], "r4_carry_out": [1, 0, 0, 0, 0, 0, 1],
}
T4 = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]
OVERVIEW_SUBHEADINGS = ["（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况",
                        "（四）政府信息公开平台建设情况", "（五）监督保障情况"]


def expected_cells() -> dict[str, int | float | None]:
    cells: dict[str, int | float | None] = {}
    for block in L.T2_BLOCKS:
        for item in block.items:
            for m, v in zip(block.measures, T2[item.id], strict=True):
                cells[L.t2_cell_id(item.id, m.id)] = v
    for r in L.T3_ROWS:
        for c, v in zip(L.T3_COLUMNS, T3.get(r.id, [0] * 7), strict=True):
            cells[L.t3_cell_id(r.id, c.id)] = v
    for (cid, _, _), v in zip(L.t4_cells(), T4, strict=True):
        cells[cid] = v
    return cells


@pytest.fixture(scope="module")
def doc():  # noqa: ANN201
    return read_report(PAGE)


def test_fixture_is_marked_invented() -> None:
    head = PAGE.read_text(encoding="utf-8")[:600]
    assert "<!--" in head and "INVENTED" in head


def test_every_cell_of_the_three_tables_is_read(doc) -> None:  # noqa: ANN001
    assert doc.tables_found == ["table2", "table3", "table4"]
    cells = expected_cells()
    assert len(cells) == 10 + 7 * len(L.T3_ROWS) + 15 and set(cells) == set(doc.tables.cells())
    assert {cid: doc.tables.get(cid) for cid in cells} == cells
    assert doc.cell_issues == [] and doc.old_format_markers == []
    # every cell knows its source line: the <tr> that holds it
    source = PAGE.read_text(encoding="utf-8").splitlines()
    for cid in cells:
        assert "<tr>" in source[doc.cell_lines[cid] - 1], cid
    assert doc.cell_lines["t3.r1_new.np"] < doc.cell_lines["t3.r4_carry_out.np"] < doc.cell_lines["t4.rv.keep"]


def test_title_sections_and_closing_without_portal_chrome(doc) -> None:  # noqa: ANN001
    assert doc.title == "青岚县教育局2024年度政府信息公开工作年度报告"
    assert (doc.agency, doc.year) == ("青岚县教育局", 2024)
    assert doc.signature == "青岚县教育局" and doc.date is not None and doc.date.isoformat() == "2025-01-16"
    assert [s.key for s in doc.sections] == ["overview", "proactive", "requests", "review_litigation",
                                             "problems", "other"]
    source = PAGE.read_text(encoding="utf-8").splitlines()
    for s in doc.sections:
        assert s.heading in source[s.line - 1]
    # the preface is the report's own first paragraph: no "发布时间 … 浏览次数", no font buttons
    assert [p.text[:6] for p in doc.preface] == ["本报告根据《"]
    overview = doc.section("overview")
    assert [p.text for p in overview.paragraphs if p.kind == "subheading"] == OVERVIEW_SUBHEADINGS
    assert len(overview.paragraphs) == 11
    for s in doc.sections:
        assert not [p for p in s.paragraphs if p.text.startswith(("\u3000", " ", "\xa0"))]
        assert s.key not in ("proactive", "requests", "review_litigation") or s.paragraphs == []
    other = doc.section("other")
    assert [p.text for p in other.paragraphs] == [
        "本年度我局未收取信息处理费。", "认真落实本年度政务公开工作要点，重点推进教育收费、招生入学信息公开。"]
    problems = doc.section("problems")
    assert len(problems.paragraphs) == 1 and "月度巡查机制" in problems.paragraphs[0].text


def test_minified_page_reads_the_same(doc) -> None:  # noqa: ANN001
    minified = read_html(PAGE.read_text(encoding="utf-8").replace("\n", ""))
    assert minified.tables.cells() == doc.tables.cells() and minified.cell_issues == []
    assert (minified.title, minified.signature, minified.date) == (doc.title, doc.signature, doc.date)
    assert [[p.text for p in s.paragraphs] for s in minified.sections] == [
        [p.text for p in s.paragraphs] for s in doc.sections
    ]


def test_title_outside_h1_and_split_over_two_lines() -> None:
    page = PAGE.read_text(encoding="utf-8")
    h1 = '<h1 class="article-title">青岚县教育局2024年度政府信息公开工作年度报告</h1>'
    assert page.count(h1) == 1
    for title in (
        '<div class="article-title">青岚县教育局2024年度政府信息公开工作年度报告</div>',
        '<div class="article-title"><p>青岚县教育局</p><p>2024年度政府信息公开工作年度报告</p></div>',
        '<h1 class="logo">青岚县人民政府</h1>' + h1,
    ):
        doc = read_html(page.replace(h1, title))
        assert (doc.title, doc.agency, doc.year) == ("青岚县教育局2024年度政府信息公开工作年度报告", "青岚县教育局", 2024)
        assert [p.text[:6] for p in doc.preface] == ["本报告根据《"]


def test_check_finds_the_two_planted_defects(doc, capsys) -> None:  # noqa: ANN001
    findings = check_document(doc).findings
    serious = sorted((f.rule, f.severity, f.location.section, f.location.cell_id, str(f.expected), str(f.actual))
                     for f in findings if f.severity != "info")
    assert serious == [
        ("prose.mismatch", "error", "overview", None, "16", "15"),  # “共收到政府信息公开申请15件” vs 表三 16
        ("table.blank.H6", "warning", "proactive", "t2.coercion.decisions", "0 或具体数字", "空白"),  # &nbsp;
    ]
    mismatch = next(f for f in findings if f.rule == "prose.mismatch")
    assert "申请15件" in mismatch.location.excerpt
    assert "申请15件" in PAGE.read_text(encoding="utf-8").splitlines()[mismatch.location.line - 1]
    with pytest.raises(SystemExit) as exc:
        main(["check", str(PAGE), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    assert exc.value.code == 1
    assert sorted(f["rule"] for f in out["findings"] if f["severity"] != "info") == ["prose.mismatch", "table.blank.H6"]


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("当前位置：首页 > 政府信息公开 > 年报", True),
        ("发布时间：2025-01-20 09:30 来源：青岚县教育局 浏览次数：1024", True),
        ("【字体：大 中 小】", True),
        ("【打印本页】 【关闭窗口】", True),
        ("网站标识码：0000000000 X ICP备00000000号-1", True),
        ("版权所有：青岚县人民政府 联系电话：0000-1234000", True),
        ("来源：区政府办", True),
        ("【打印本页】 【关闭窗口】 分享到：微信 微博", True),
        ("2024年，我局主动公开信息来源于各科室。", False),
        ("来源：本报告数据来源于政务公开考核系统，全年点击量：12万次，较上年有所增长。", False),
        ("一、总体情况", False),
        ("青岚县教育局", False),
    ],
)
def test_portal_chrome_lines(line: str, chrome: bool) -> None:
    assert is_portal_chrome(line) is chrome
