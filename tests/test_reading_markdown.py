"""Markdown: the drafter's output (HTML tables from ``tables.grid``), reviewer edits, round trip."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

import pytest

from draft_report.models.tables import Tables
from draft_report.reading import read_markdown, read_report
from draft_report.tables import layout as L
from draft_report.tables.grid import Grid, all_grids

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def grid_to_html(grid: Grid) -> str:
    """A small independent HTML writer for ``tables.grid`` (not the renderer under test)."""
    out = ["<table>"]
    for r in grid.rows:
        cells = []
        for c in r:
            tag = "th" if c.header else "td"
            spans = (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "") + (
                f' colspan="{c.colspan}"' if c.colspan > 1 else ""
            )
            cells.append(f"<{tag}{spans}>{escape(c.text)}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def sample_tables() -> Tables:
    t = Tables()
    for i, cid in enumerate(t.cells()):
        t.set(cid, (i * 7) % 13)
    t.set("t2.fees.amount_wan", 0.35)
    t.set("t3.r2_carry_in.sci", None)  # a blank cell
    return t


def drafter_like_markdown(tables: Tables) -> str:
    g2, g3, g4 = (grid_to_html(g) for g in all_grids(tables.get))
    return "\n\n".join(
        [
            "# 某某市某某局2024年度政府信息公开工作年度报告",
            "本报告根据《中华人民共和国政府信息公开条例》编制。",
            "## 一、总体情况",
            "2024年，我局坚持以人民为中心。",
            "### （一）主动公开情况",
            "全年在政府网站发布信息**37**条，\n其中政策解读5篇。",
            "### （二）依申请公开情况",
            "全年收到政府信息公开申请12件。",
            "## 二、主动公开政府信息情况",
            g2,
            "## 三、收到和处理政府信息公开申请情况",
            g3,
            "## 四、政府信息公开行政复议、行政诉讼情况",
            g4,
            "## 五、存在的主要问题及改进情况",
            "\\1. 宣传解读不够深入。",
            "## 六、其他需要报告的事项",
            "本年度未收取信息处理费。",
            '<p align="right">某某市某某局</p>',
            '<p align="right">2025年1月20日</p>',
        ]
    ) + "\n"


def test_drafter_like_markdown() -> None:
    tables = sample_tables()
    doc = read_markdown(drafter_like_markdown(tables), source="report.md")
    assert doc.source_format == "markdown"
    assert doc.title == "某某市某某局2024年度政府信息公开工作年度报告"
    assert (doc.agency, doc.year) == ("某某市某某局", 2024)
    assert [p.text for p in doc.preface] == ["本报告根据《中华人民共和国政府信息公开条例》编制。"]
    assert [s.key for s in doc.sections] == ["overview", "proactive", "requests", "review_litigation",
                                             "problems", "other"]
    assert doc.tables.cells() == tables.cells()
    assert doc.cell_issues == []
    overview = doc.section("overview")
    assert overview is not None
    assert [(p.kind, p.text) for p in overview.paragraphs] == [
        ("text", "2024年，我局坚持以人民为中心。"),
        ("subheading", "（一）主动公开情况"),
        ("text", "全年在政府网站发布信息37条，其中政策解读5篇。"),
        ("subheading", "（二）依申请公开情况"),
        ("text", "全年收到政府信息公开申请12件。"),
    ]
    problems = doc.section("problems")
    assert problems is not None and problems.paragraphs[0].text == "1. 宣传解读不够深入。"
    assert doc.signature == "某某市某某局" and doc.date == dt.date(2025, 1, 20)
    # cell lines point at the <tr> of the value in the Markdown source
    md_lines = drafter_like_markdown(tables).splitlines()
    line = md_lines[doc.cell_lines["t3.r3_6_2.total"] - 1]
    assert line.startswith("<tr>") and "2.申请人逾期未按收费通知要求缴纳费用" in line


def test_reviewer_edits_are_read() -> None:
    tables = sample_tables()
    text = drafter_like_markdown(tables)
    values = [tables.get(cid) for cid, _, _ in L.t4_cells()]
    old_row = "<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>"
    assert text.count(old_row) == 1
    text = text.replace(old_row, "<tr>" + "".join(f"<td>{v}</td>" for v in [99, *values[1:]]) + "</tr>")
    text = text.replace("发布信息**37**条", "发布信息38条")
    doc = read_markdown(text)
    assert doc.tables.get("t4.rv.keep") == 99
    overview = doc.section("overview")
    assert overview is not None and "发布信息38条" in overview.text


def test_pipe_table_in_markdown() -> None:
    text = "\n".join(
        [
            "# 某局2024年度政府信息公开工作年度报告",
            "## 二、主动公开政府信息情况",
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "|---|---|---|---|",
            "| 规章 | 0 | 0 | 0 |",
            "| 行政规范性文件 | 4 | 1 | 20 |",
            "| 行政许可 | 1,024 | | |",
        ]
    )
    doc = read_markdown(text)
    assert doc.tables.get("t2.norm.made") == 4 and doc.tables.get("t2.norm.valid") == 20
    assert doc.tables.get("t2.licensing.decisions") == 1024  # trailing empty cells of a merged row
    missing = {i.cell_id for i in doc.cell_issues if i.problem == "missing"}
    assert "t2.penalty.decisions" in missing and "t2.reg.made" not in missing


@pytest.mark.parametrize("example", ["xiaxian-2023", "scjg-2024"])
def test_round_trip_draft_render_read(example: str, tmp_path: Path) -> None:
    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.loading import load_dataset
    from draft_report.rendering.html import render_html
    from draft_report.rendering.markdown import render_markdown

    data = EXAMPLES / example / "data.yaml"
    doc = compose_document(load_dataset(data), OfflineDrafter())
    md_path = tmp_path / "report.md"
    md_path.write_text(render_markdown(doc), encoding="utf-8")
    html_path = tmp_path / "report.html"
    html_path.write_text(render_html(doc), encoding="utf-8")
    for back in (read_report(md_path), read_report(html_path)):
        assert back.tables.cells() == doc.tables.cells()
        assert back.cell_issues == []
        assert (back.title, back.agency, back.year) == (doc.title, doc.agency, doc.year)
        assert (back.signature, back.date) == (doc.signature, doc.date)
        assert [(s.key, s.heading) for s in back.sections] == [(s.key, s.heading) for s in doc.sections]
        for drafted, read in zip(doc.sections, back.sections, strict=True):
            assert [(p.kind, p.text) for p in read.paragraphs] == [(p.kind, p.text) for p in drafted.paragraphs]
        assert [p.text for p in back.preface] == [p.text for p in doc.preface]


def test_tab_rows_and_unnumbered_headings_in_markdown() -> None:
    text = "\n".join(
        [
            "# 某局2024年度政府信息公开工作年度报告",
            "## 总体情况",
            "全年公开信息5条。",
            "## 主动公开政府信息情况",
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            "规章\t0\t0\t0",
            "行政规范性文件\t3\t0\t9",
        ]
    )
    doc = read_markdown(text)
    assert [s.key for s in doc.sections] == ["overview", "proactive"]
    assert doc.tables.get("t2.norm.made") == 3 and doc.tables.get("t2.norm.valid") == 9
