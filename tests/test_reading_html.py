"""HTML as published on a government portal: rowspan/colspan tables, <p><span> cells."""

from __future__ import annotations

import lxml.html

from draft_report.reading import read_html
from draft_report.reading.html_blocks import table_grid
from draft_report.tables import layout as L


def _td(text: str, **attrs: int) -> str:
    a = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f'<td{a} style="border:1px solid"><p style="text-align:center"><span>{text}</span></p></td>'


def table3_html(values: dict[str, list[str]]) -> str:
    rows = [
        "<tr>" + _td("（本列数据的勾稽关系为：第一项加第二项之和，<br/>等于第三项加第四项之和）", rowspan=3, colspan=3)
        + _td("申请人情况", colspan=7) + "</tr>",
        "<tr>" + _td("自然人", rowspan=2) + _td("法人或其他组织", colspan=5) + _td("总计", rowspan=2) + "</tr>",
        "<tr>" + "".join(_td(x) for x in ("商业<br/>企业", "科研<br/>机构", "社会公益组织", "法律服务机构", "其他"))
        + "</tr>",
    ]
    seen: set[str] = set()
    for r in L.T3_ROWS:
        vals = "".join(_td(v) for v in values.get(r.id, ["0"] * 7))
        if not (r.is_result or r.is_total):
            rows.append("<tr>" + _td(r.label, colspan=3) + vals + "</tr>")
            continue
        lead = ""
        if r is L.T3_RESULTS_BLOCK[0]:
            lead += _td("三、本年度办理结果", rowspan=22)
        if r.category is None:
            lead += _td(r.label, colspan=2)
        else:
            if r.category not in seen:
                seen.add(r.category)
                lead += _td(r.category, rowspan=sum(1 for x in L.T3_ROWS if x.category == r.category))
            lead += _td(r.label.replace(".", "、"))  # "1、" as many portals print it
        rows.append("<tr>" + lead + vals + "</tr>")
    return '<table border="1" cellspacing="0">\n' + "\n".join(rows) + "\n</table>"


def table4_html(values: list[str]) -> str:
    heads = ("结果<br/>维持", "结果<br/>纠正", "其他<br/>结果", "尚未<br/>审结", "总计")
    return (
        "<table><tbody>"
        "<tr>" + _td("行政复议", colspan=5) + _td("行政诉讼", colspan=10) + "</tr>\n"
        "<tr>" + "".join(_td(h, rowspan=2) for h in heads) + _td("未经复议直接起诉", colspan=5)
        + _td("复议后起诉", colspan=5) + "</tr>\n"
        "<tr>" + "".join(_td(h) for h in heads * 2) + "</tr>\n"
        "<tr>" + "".join(_td(v) for v in values) + "</tr>\n"
        "</tbody></table>"
    )


def table2_html() -> str:
    return (
        "<table>"
        "<tr>" + _td("第二十条第（一）项", colspan=4) + "</tr>"
        "<tr>" + _td("信息内容") + _td("本年制发件数") + _td("本年废止件数") + _td("现行有效件数") + "</tr>"
        "<tr>" + _td("规章") + _td("0") + _td("0") + _td("0") + "</tr>"
        "<tr>" + _td("行政规范性文件") + _td("2") + _td("1") + _td("14") + "</tr>"
        "<tr>" + _td("第二十条第（五）项", colspan=4) + "</tr>"
        "<tr>" + _td("信息内容") + _td("本年处理决定数量", colspan=3) + "</tr>"
        "<tr>" + _td("行政许可") + _td("1,205", colspan=3) + "</tr>"
        "<tr>" + _td("第二十条第（六）项", colspan=4) + "</tr>"
        "<tr>" + _td("信息内容") + _td("本年处理决定数量", colspan=3) + "</tr>"
        "<tr>" + _td("行政处罚") + _td("37", colspan=3) + "</tr>"
        "<tr>" + _td("行政强制") + _td("&nbsp;", colspan=3) + "</tr>"
        "<tr>" + _td("第二十条第（八）项", colspan=4) + "</tr>"
        "<tr>" + _td("信息内容") + _td("本年收费金额（单位：万元）", colspan=3) + "</tr>"
        "<tr>" + _td("行政事业性收费") + _td("12.5", colspan=3) + "</tr>"
        "</table>"
    )


def portal_page(t3: dict[str, list[str]], t4: list[str]) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某某区政府信息公开工作年度报告</title>
<script>var x = "一、总体情况";</script></head>
<body><div class="nav">首页 &gt; 政府信息公开年报</div>
<div class="article">
<h1>某某区人民政府2024年政府信息公开工作年度报告</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》编制。</p>
<p><strong>一、总体情况</strong></p>
<p>2024年，全区主动公开政府信息1,523条。</p>
<p><b>（一）主动公开情况</b></p>
<p>全区共发布政策解读<span>15</span>篇。<br/>新闻发布会3场。</p>
<p><strong>二、主动公开政府信息情况</strong></p>
{table2_html()}
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
{table3_html(t3)}
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
{table4_html(t4)}
<p><strong>五、存在的主要问题及改进情况</strong></p>
<p>一是解读形式单一。</p>
<p><strong>六、其他需要报告的事项</strong></p>
<p>本年度收取信息处理费0元。</p>
<p style="text-align:right">某某区人民政府办公室</p>
<p style="text-align:right">2025年1月20日</p>
</div></body></html>
"""


def test_portal_page_reads_all_three_tables() -> None:
    t3 = {"r1_new": ["5", "1", "0", "0", "1", "0", "7"], "r3_6_2": ["1", "0", "0", "0", "0", "0", "1"],
          "r3_7_total": ["5", "1", "0", "0", "1", "0", "7"]}
    t4 = ["1", "0", "0", "1", "2", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"]
    doc = read_html(portal_page(t3, t4), source="page.html")
    assert doc.source_format == "html"
    assert (doc.agency, doc.year) == ("某某区人民政府", 2024)
    assert [s.key for s in doc.sections] == ["overview", "proactive", "requests", "review_litigation",
                                             "problems", "other"]
    assert doc.tables_found == ["table2", "table3", "table4"]
    assert doc.tables.get("t2.norm.valid") == 14 and doc.tables.get("t2.licensing.decisions") == 1205
    assert doc.tables.get("t2.coercion.decisions") is None  # &nbsp; = blank
    assert doc.tables.get("t2.fees.amount_wan") == 12.5
    assert [doc.tables.get(L.t3_cell_id("r1_new", c.id)) for c in L.T3_COLUMNS] == [5, 1, 0, 0, 1, 0, 7]
    assert doc.tables.get("t3.r3_6_2.np") == 1 and doc.tables.get("t3.r3_6_1.np") == 0
    assert [doc.tables.get(cid) for cid, _, _ in L.t4_cells()] == [int(x) for x in t4]
    assert doc.cell_issues == []
    assert doc.signature == "某某区人民政府办公室" and doc.date is not None and doc.date.day == 20
    overview = doc.section("overview")
    assert overview is not None
    texts = [p.text for p in overview.paragraphs]
    assert texts == ["2024年，全区主动公开政府信息1,523条。", "（一）主动公开情况", "全区共发布政策解读15篇。",
                     "新闻发布会3场。"]
    assert overview.paragraphs[1].kind == "subheading"
    # line numbers are HTML source lines; lines hold the text without tags
    line = doc.cell_lines["t4.rv.keep"]
    assert "<tr>" in portal_page(t3, t4).splitlines()[line - 1]
    assert "1" in doc.lines[line - 1] and "<td" not in doc.lines[line - 1]


def test_unreadable_and_short_rows_in_html() -> None:
    t3 = {"r3_1_open": ["2", "x?", "0", "0", "0", "0", "2"], "r2_carry_in": ["0", "0", "0"]}
    doc = read_html(portal_page(t3, ["0"] * 15))
    bad = [i for i in doc.cell_issues if i.cell_id == "t3.r3_1_open.biz"]
    assert bad and bad[0].problem == "unreadable" and bad[0].raw == "x?"
    short = [i for i in doc.cell_issues if i.cell_id.startswith("t3.r2_carry_in.")]
    assert len(short) == 7 and {i.problem for i in short} == {"unreadable"}


def test_grid_expands_spans() -> None:
    table = lxml.html.fragment_fromstring(
        "<table><tr><td rowspan='2'>A</td><td colspan='2'>B</td></tr><tr><td>C</td><td>D</td></tr></table>"
    )
    grid = table_grid(table)
    assert [[s.text if s else None for s in r] for r in grid] == [["A", "B", "B"], ["A", "C", "D"]]
    assert [[s.origin for s in r if s] for r in grid] == [[True, True, False], [False, True, True]]


def test_vertical_table4_layout() -> None:
    rows = "".join(
        f"<tr>{_td(label)}{''.join(_td(v) for v in vals)}</tr>"
        for label, vals in (("行政复议", "10012"), ("行政诉讼（未经复议直接起诉）", "00000"), ("行政诉讼（复议后起诉）", "01001"))
    )
    page = portal_page({}, ["0"] * 15)
    start = page.index("<table><tbody>")
    end = page.index("</table>", start) + len("</table>")
    header = "<tr>" + _td("") + "".join(_td(c.label) for c in L.T4_COLUMNS) + "</tr>"
    page = page[:start] + f"<table>{header}{rows}</table>" + page[end:]
    doc = read_html(page)
    assert [doc.tables.get(cid) for cid, _, _ in L.t4_cells()] == [1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]


def test_page_laid_out_in_a_table() -> None:
    page = portal_page({}, ["0"] * 15)
    start = page.index('<div class="article">')
    end = page.index("</div></body>")
    wrapped = page[:start] + "<table><tr><td>导航</td><td>" + page[start:end] + "</div></td></tr></table>" + page[end + 6:]
    doc = read_html(wrapped)
    assert [s.key for s in doc.sections] == ["overview", "proactive", "requests", "review_litigation",
                                             "problems", "other"]
    assert doc.tables_found == ["table2", "table3", "table4"] and doc.cell_issues == []
    assert doc.tables.get("t2.norm.valid") == 14


def test_minified_page_gets_text_lines() -> None:
    page = portal_page({"r1_new": ["3", "0", "0", "0", "0", "0", "3"]}, ["0"] * 15).replace("\n", "")
    doc = read_html(page)
    assert len(doc.lines) > 30
    line = doc.cell_lines["t3.r1_new.np"]
    assert doc.lines[line - 1].startswith("一、本年新收政府信息公开申请数量\t3")
    overview = doc.section("overview")
    assert overview is not None and doc.lines[overview.line - 1] == "一、总体情况"  # type: ignore[operator]
