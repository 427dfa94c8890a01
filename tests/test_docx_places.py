"""Findings in a Word file say which paragraph (第N段 with its first words) or which table row,
never a line number Word does not have."""

from __future__ import annotations

import re
from pathlib import Path

import docx

from draft_report.checking import check_document
from draft_report.checking.report_text import render_text
from draft_report.loading import load_dataset
from draft_report.reading.docx import read_docx
from draft_report.rendering.docx import write_docx
from test_docx_support import SAMPLE_DATA, sample_document


def _edited(tmp_path: Path) -> Path:
    path = tmp_path / "reviewed.docx"
    write_docx(sample_document(), path)
    word = docx.Document(str(path))
    for p in word.paragraphs:
        for r in p.runs:
            r.text = r.text.replace("发布信息37条", "发布信息38条")
    row = next(r for r in word.tables[1].rows if "属于国家秘密" in r.cells[2].text)
    row.cells[3].paragraphs[0].runs[0].text = "4"
    word.save(str(path))
    return path


def test_docx_findings_name_paragraph_and_table_row(tmp_path: Path) -> None:
    doc = read_docx(_edited(tmp_path))
    result = check_document(doc, load_dataset(SAMPLE_DATA))
    errors = [f for f in result.findings if f.severity == "error"]
    prose = next(f for f in errors if f.rule == "prose.mismatch")
    # the paragraph number counts the non-empty paragraphs from the title on
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "reviewed.docx")).paragraphs if p.text.strip()]
    number = next(i for i, t in enumerate(paragraphs, 1) if "发布信息38条" in t)
    assert prose.location.place == f"第{number}段（“{paragraphs[number - 1][:12]}……”）"
    cell = next(f for f in errors if f.rule == "data.cell_mismatch")
    assert cell.location.place == "表三“（三）不予公开 1.属于国家秘密”行"
    # every finding with a line has a place; the text report uses it and never says 第N行
    assert all(f.location.place for f in result.findings if f.location.line is not None)
    text = render_text(result)
    assert prose.location.place in text
    assert not re.search(r"第\d+行", text)
    # the JSON contract keeps the line number
    assert result.to_dict()["findings"][0]["location"].keys() == {
        "section", "table", "row", "column", "line", "excerpt", "cell_id"
    }


def test_text_sources_keep_line_numbers(tmp_path: Path) -> None:
    from draft_report.reading import read_report

    md = tmp_path / "r.md"
    from draft_report.rendering.markdown import render_markdown

    md.write_text(render_markdown(sample_document()).replace("发布信息37条", "发布信息38条"), encoding="utf-8")
    result = check_document(read_report(md), load_dataset(SAMPLE_DATA))
    prose = next(f for f in result.findings if f.rule == "prose.mismatch")
    assert prose.location.place is None and prose.location.line is not None
    assert f"第{prose.location.line}行" in render_text(result)
