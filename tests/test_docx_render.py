"""The Word report's layout asserted from the document XML (GB/T 9704, spec §8)."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from draft_report.models.document import ReportDocument
from draft_report.rendering.docx import title_lines, write_docx
from draft_report.rendering.docx_styles import SCHEMA_ORDER, TEXT_WIDTH
from test_docx_support import attr, find, sample_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def sample() -> ReportDocument:
    return sample_document()


@pytest.fixture(scope="module")
def word(sample: ReportDocument, tmp_path_factory: pytest.TempPathFactory) -> docx.document.Document:
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    write_docx(sample, path)
    return docx.Document(str(path))


def _style(word: docx.document.Document, name: str):  # noqa: ANN202 - python-docx style element
    return word.styles[name].element


def test_page_is_a4_with_gbt9704_margins(word: docx.document.Document) -> None:
    sect = word.sections[0]._sectPr
    assert (attr(find(sect, "w:pgSz"), "w:w"), attr(find(sect, "w:pgSz"), "w:h")) == ("11906", "16838")
    mar = find(sect, "w:pgMar")
    assert {k: attr(mar, f"w:{k}") for k in ("top", "bottom", "left", "right")} == {
        "top": "2098",
        "bottom": "1984",
        "left": "1587",
        "right": "1474",
    }
    assert attr(find(sect, "w:docGrid"), "w:linePitch") == "579"


def test_defaults_and_theme_carry_east_asian_fonts(word: docx.document.Document) -> None:
    defaults = word.styles.element.find(qn("w:docDefaults"))
    fonts = find(defaults, "w:rPrDefault/w:rPr/w:rFonts")
    assert attr(fonts, "w:eastAsia") == "仿宋_GB2312"
    assert attr(fonts, "w:ascii") == attr(fonts, "w:hAnsi") == "Times New Roman"
    assert attr(fonts, "w:eastAsiaTheme") is None  # a theme font would override the explicit name
    assert attr(find(defaults, "w:rPrDefault/w:rPr/w:sz"), "w:val") == "32"
    theme = next(r.target_part.blob for r in word.part.rels.values() if r.reltype.endswith("/theme"))
    text = theme.decode("utf-8")
    assert 'typeface="仿宋_GB2312"' in text and 'typeface="黑体"' in text


def test_every_run_names_its_east_asian_font(word: docx.document.Document) -> None:
    runs = word.element.body.iter(qn("w:r"))
    missing = [r for r in runs if attr(find(r, "w:rPr/w:rFonts"), "w:eastAsia") is None]
    assert missing == []


def test_body_style_is_3hao_fangsong_exact_spacing_two_char_indent(word: docx.document.Document) -> None:
    normal = _style(word, "Normal")
    assert attr(find(normal, "w:rPr/w:rFonts"), "w:eastAsia") == "仿宋_GB2312"
    assert attr(find(normal, "w:rPr/w:sz"), "w:val") == "32"
    spacing = find(normal, "w:pPr/w:spacing")
    assert (attr(spacing, "w:line"), attr(spacing, "w:lineRule")) == ("579", "exact")
    assert attr(find(normal, "w:pPr/w:ind"), "w:firstLineChars") == "200"
    assert attr(find(normal, "w:pPr/w:jc"), "w:val") == "both"


def test_title_and_heading_fonts(word: docx.document.Document, sample: ReportDocument) -> None:
    title = word.paragraphs[0]
    assert title.style.name == "ReportTitle"
    assert "".join(r.text for r in title.runs).split("\n") == title_lines(sample.title)
    assert title.style.paragraph_format.alignment == 1  # centred
    run = title.runs[-1]._r
    assert attr(find(run, "w:rPr/w:rFonts"), "w:eastAsia") == "方正小标宋简体"
    assert attr(find(run, "w:rPr/w:sz"), "w:val") == "44"
    h1 = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    assert [p.text for p in h1] == [s.heading for s in sample.sections]
    assert attr(find(h1[0].runs[0]._r, "w:rPr/w:rFonts"), "w:eastAsia") == "黑体"
    h2 = [p for p in word.paragraphs if p.style.name == "Heading 2"]
    assert h2 and all(p.text.startswith("（") for p in h2)
    assert attr(find(h2[0].runs[0]._r, "w:rPr/w:rFonts"), "w:eastAsia") == "楷体_GB2312"
    assert attr(find(_style(word, "Heading 2"), "w:rPr/w:rFonts"), "w:eastAsia") == "楷体_GB2312"


def test_long_title_breaks_between_agency_and_year_with_report_name() -> None:
    assert title_lines("夏县乡村振兴局2023年度政府信息公开工作年度报告") == [
        "夏县乡村振兴局",
        "2023年度政府信息公开工作年度报告",
    ]
    # an agency longer than a line breaks after an administrative word, never inside a word
    assert title_lines("新疆维吾尔自治区伊犁哈萨克自治州人民政府办公厅2023年政府信息公开工作年度报告") == [
        "新疆维吾尔自治区伊犁哈萨克自治州人民政府",
        "办公厅",
        "2023年政府信息公开工作年度报告",
    ]
    # a title with spacing of its own (a reviewer's file read back) is kept as written
    assert title_lines("夏县乡村振兴局 2023年度政府信息公开年度报告") == ["夏县乡村振兴局 2023年度政府信息公开年度报告"]
    assert title_lines("云溪县某某某某某某某某某某某某某某市场监督管理局2024年度政府信息公开工作年度报告")[0] == "云溪县"
    assert title_lines("某局2023年度报告") == ["某局2023年度报告"]


def test_signature_and_date_are_right_aligned_at_the_end(
    word: docx.document.Document, sample: ReportDocument
) -> None:
    sig, date = word.paragraphs[-2], word.paragraphs[-1]
    assert sig.text == sample.signature
    assert date.text == f"{sample.date.year}年{sample.date.month}月{sample.date.day}日"
    assert sig.style.name == date.style.name == "Signature"
    assert sig.style.paragraph_format.alignment == 2  # right


def test_page_number_field_in_footer(word: docx.document.Document) -> None:
    settings = word.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    section = word.sections[0]
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer.paragraphs[0]
        instr = "".join(el.text for el in p._p.iter(qn("w:instrText")))
        assert instr.strip() == "PAGE"
        kinds = [attr(el, "w:fldCharType") for el in p._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert attr(find(p._p, "w:pPr/w:jc"), "w:val") == align
        run = p.runs[0]._r
        assert attr(find(run, "w:rPr/w:sz"), "w:val") == "28"  # 4号
        assert attr(find(run, "w:rPr/w:rFonts"), "w:eastAsia") == "宋体"


def _grid_spans(table) -> list[list[tuple[int, str | None]]]:  # noqa: ANN001
    out = []
    for tr in table._tbl.tr_lst:
        out.append([(tc.grid_span, tc.vMerge) for tc in tr.tc_lst])
    return out


def test_tables_have_the_official_merged_headers(word: docx.document.Document) -> None:
    t2, t3, t4 = word.tables
    spans3 = _grid_spans(t3)
    # row 1: note (3 cols × 3 rows) | 申请人情况 (7 cols)
    assert spans3[0] == [(3, "restart"), (7, None)]
    # row 2: note continues | 自然人 (2 rows) | 法人或其他组织 (5 cols) | 总计 (2 rows)
    assert spans3[1] == [(3, "continue"), (1, "restart"), (5, None), (1, "restart")]
    assert spans3[2][0] == (3, "continue") and len(spans3[2]) == 1 + 1 + 5 + 1
    assert t3.cell(0, 3).text == "申请人情况"
    spans4 = _grid_spans(t4)
    assert spans4[0] == [(5, None), (10, None)]
    assert spans4[1][:5] == [(1, "restart")] * 5 and spans4[1][5:] == [(5, None), (5, None)]
    assert len(spans4[3]) == 15
    # 表二: block captions span the 4 columns; one-measure blocks span 3 value columns
    assert _grid_spans(t2)[0] == [(4, None)]
    assert [t2.cell(0, 0).text, t2.cell(5, 1).text] == ["第二十条第（一）项", "本年处理决定数量"]
    assert _grid_spans(t2)[6] == [(1, None), (3, None)]


def test_table_header_rows_repeat_and_rows_do_not_split(word: docx.document.Document) -> None:
    t2, t3, t4 = word.tables
    for table, header_rows in ((t3, 3), (t4, 3)):
        flags = [
            tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in table._tbl.tr_lst
        ]
        assert flags == [True] * header_rows + [False] * (len(flags) - header_rows)
    for table in (t2, t3, t4):
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in table._tbl.tr_lst)


def test_table_text_is_compact_and_bordered(word: docx.document.Document) -> None:
    t2, t3, t4 = word.tables
    for table, size in ((t2, "21"), (t3, "18"), (t4, "18")):
        borders = find(table._tbl.tblPr, "w:tblBorders")
        assert {el.tag.split("}")[1]: attr(el, "w:val") for el in borders} == {
            e: "single" for e in ("top", "left", "bottom", "right", "insideH", "insideV")
        }
        widths = [int(attr(gc, "w:w")) for gc in table._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert sum(widths) <= TEXT_WIDTH
        assert attr(find(table._tbl.tblPr, "w:tblLayout"), "w:type") == "fixed"
        for tc in table._tbl.iter(qn("w:tc")):
            for p in tc.iter(qn("w:p")):
                style = attr(find(p, "w:pPr/w:pStyle"), "w:val")
                assert style in ("TableText", "TableHeader")
            for r in tc.iter(qn("w:r")):
                assert attr(find(r, "w:rPr/w:sz"), "w:val") == size
    for name in ("TableText", "TableHeader"):
        style = _style(word, name)
        spacing = find(style, "w:pPr/w:spacing")
        assert (attr(spacing, "w:line"), attr(spacing, "w:lineRule")) == ("240", "auto")
        assert attr(find(style, "w:pPr/w:ind"), "w:firstLineChars") == "0"
        assert attr(find(style, "w:pPr/w:snapToGrid"), "w:val") == "0"
        assert find(style, "w:basedOn") is None  # does not inherit the body's exact 28.95 pt line


def test_pending_markers_are_highlighted(tmp_path: Path, sample: ReportDocument) -> None:
    doc = copy.deepcopy(sample)
    doc.sections[0].paragraphs[0].text += "全年培训【待核实】次。"
    path = tmp_path / "r.docx"
    write_docx(doc, path)
    word = docx.Document(str(path))
    marked = [r for p in word.paragraphs for r in p.runs if r.text == "【待核实】"]
    assert len(marked) == 1 and marked[0].font.highlight_color is not None


def test_read_document_draws_only_tables_it_found(tmp_path: Path, sample: ReportDocument) -> None:
    doc = copy.deepcopy(sample)
    doc.tables_found = ["table3"]
    path = tmp_path / "r.docx"
    write_docx(doc, path)
    word = docx.Document(str(path))
    assert len(word.tables) == 1 and "申请人情况" in word.tables[0].cell(0, 3).text


def test_property_children_follow_the_schema_order(word: docx.document.Document) -> None:
    """Word rejects a file whose pPr/rPr/tblPr/tcPr children are out of schema order."""
    order = {qn(k): [qn(t) for t in v] for k, v in SCHEMA_ORDER.items()}
    roots = [word.element, word.styles.element]
    roots += [s.footer._element for s in word.sections] + [s.even_page_footer._element for s in word.sections]
    checked = 0
    for root in roots:
        for el in root.iter(*order):
            seq = order[el.tag]
            ranks = [seq.index(c.tag) for c in el if c.tag in seq]
            unknown = [c.tag for c in el if c.tag not in seq and c.tag.startswith(f"{{{W_NS}}}")]
            assert unknown == [], (el.tag, unknown)
            assert ranks == sorted(ranks), (el.tag, [c.tag.split("}")[1] for c in el])
            checked += 1
    assert checked > 500
