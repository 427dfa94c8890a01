"""Markdown and HTML renderings of a drafted report."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset
from draft_report.models.document import Paragraph, ReportDocument
from draft_report.rendering import render_html, render_markdown
from draft_report.rendering.markdown import escape_markdown
from draft_report.sections import OVERVIEW_TOPICS, SECTIONS

ROOT = Path(__file__).resolve().parent.parent
XIAXIAN = ROOT / "examples" / "xiaxian-2023" / "data.yaml"


@pytest.fixture(scope="module")
def doc() -> ReportDocument:
    return compose_document(load_dataset(XIAXIAN), OfflineDrafter())


def test_markdown_outline(doc: ReportDocument) -> None:
    md = render_markdown(doc)
    lines = md.splitlines()
    assert lines[0] == "# 夏县乡村振兴局2023年度政府信息公开工作年度报告"
    assert [ln[3:] for ln in lines if ln.startswith("## ")] == [s.heading for s in SECTIONS]
    subs = [ln[4:] for ln in lines if ln.startswith("### ")]
    assert subs[:5] == [t.heading for t in OVERVIEW_TOPICS]
    # each table sits in its own section
    for heading, table in (("二、", "table2"), ("三、", "table3"), ("四、", "table4")):
        after = md.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
        assert f'data-table="{table}"' in after
    # HTML blocks must not contain blank lines (CommonMark would end the block there)
    for block in re.findall(r"<table\b.*?</table>", md, flags=re.S):
        assert "\n\n" not in block
    assert md.endswith('<p align="right">夏县乡村振兴局</p>\n\n<p align="right">2024年1月18日</p>\n')


def test_markdown_escapes_markup_in_prose(doc: ReportDocument) -> None:
    edited = copy.deepcopy(doc)
    edited.sections[0].paragraphs.append(Paragraph(text="# 不是标题 *也不是强调* <b>x</b>"))
    md = render_markdown(edited)
    assert "\\# 不是标题 \\*也不是强调\\* \\<b\\>x\\</b\\>" in md
    assert escape_markdown("1.强化组织领导") == "1.强化组织领导"  # no space: not a list item
    assert escape_markdown("1. 列表") == "\\1. 列表"


def test_html_page_is_standalone_and_escaped(doc: ReportDocument) -> None:
    edited = copy.deepcopy(doc)
    edited.title = "<script>alert(1)</script>报告"
    edited.sections[0].paragraphs.append(Paragraph(text="a < b & c"))
    page = render_html(edited)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    tree = lxml.html.document_fromstring(page)
    assert tree.find(".//h1").text_content() == "<script>alert(1)</script>报告"
    assert [h.text_content() for h in tree.iter("h2")] == [s.heading for s in SECTIONS]
    assert [h.text_content() for h in tree.iter("h3")][:5] == [t.heading for t in OVERVIEW_TOPICS]
    assert len(tree.findall(".//table")) == 3
    assert "a < b & c" in [p.text_content() for p in tree.iter("p")]
    assert [p.text_content() for p in tree.xpath("//p[@class]")] == ["夏县乡村振兴局", "2024年1月18日"]
    assert "@media print" in page


def test_rendering_without_signature_or_date(doc: ReportDocument) -> None:
    bare = replace(copy.deepcopy(doc), signature=None, date=None)
    md = render_markdown(bare)
    assert 'align="right"' not in md
    assert 'class="date"' not in render_html(bare)
