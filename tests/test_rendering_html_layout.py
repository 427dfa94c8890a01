"""HTML preview and Markdown: 表三 takes the width it needs (headers never wrap inside a word),
row labels left-aligned, 办理结果 vertical; the title breaks only between its phrases."""

from __future__ import annotations

from pathlib import Path

import lxml.html

from draft_report.reading import read_report
from draft_report.rendering.html import render_html
from draft_report.rendering.markdown import render_markdown
from draft_report.tables import layout as L
from test_docx_support import sample_document


def _table3(html: str) -> lxml.html.HtmlElement:
    root = lxml.html.fromstring(html)
    return root.xpath('//table[@data-table="table3"]')[0]


def test_table3_headers_do_not_wrap_and_labels_are_left_aligned() -> None:
    for text in (render_html(sample_document()), render_markdown(sample_document())):
        t3 = _table3(text)
        by_text = {th.text_content(): th for th in t3.iter("th")}
        for column in L.T3_COLUMNS:  # 自然人 … 总计: one line each, so no word breaks
            th = by_text[column.label]
            assert th.get("nowrap") is not None and th.get("class") == "col"
        assert by_text[L.T3_RESULTS_LABEL].get("class") == "vertical"
        assert by_text["（三）不予公开"].get("class") == "category"
        assert by_text["1.属于国家秘密"].get("align") == "left"
        assert by_text["一、本年新收政府信息公开申请数量"].get("align") == "left"
        assert by_text[L.T3_NOTE].get("class") == "note"
        assert all(td.get("align") is None for td in t3.iter("td"))  # numbers stay centred


def test_page_css_lets_tables_scroll_and_keeps_words_whole() -> None:
    html = render_html(sample_document())
    assert '<div class="table-scroll">' in html and "overflow-x: auto" in html
    assert "th.col { white-space: nowrap" in html
    assert "writing-mode: vertical-rl" in html
    rule = html.split("table.report-table {")[1].split("}")[0]
    assert "width: auto" in rule and "min-width: 100%" in rule  # as wide as it needs, at least the page


def test_title_breaks_between_phrases_and_reads_back_whole(tmp_path: Path) -> None:
    doc = sample_document()
    html = render_html(doc)
    h1 = lxml.html.fromstring(html).xpath("//h1")[0]
    assert [s.text_content() for s in h1.iter("span")] == ["夏县乡村振兴局", "2023年度政府信息公开工作年度报告"]
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    assert read_report(path).title == doc.title
