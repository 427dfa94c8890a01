"""Word layout asserted from the XML: 表三's column widths keep every header word whole, the
办理结果 label is vertical, 表二 stays on one page, and every face has a fallback chain."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from draft_report.rendering.docx import write_docx
from draft_report.rendering.docx_styles import FONT_CHAINS, TEXT_WIDTH
from draft_report.rendering.docx_tables import CELL_MARGIN, CHAR_SMALL, break_label
from draft_report.tables import layout as L
from test_docx_support import attr, find, sample_document


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "report.docx"
    write_docx(sample_document(), path)
    return path


@pytest.fixture(scope="module")
def word(written: Path) -> docx.document.Document:
    return docx.Document(str(written))


def _chars_per_line(twips: int) -> float:
    return (twips - 2 * CELL_MARGIN) / CHAR_SMALL


def _cell_text(tc) -> str:  # noqa: ANN001
    lines = []
    for p in tc.iter(qn("w:p")):
        for r in p.iter(qn("w:r")):
            for el in r:
                if el.tag == qn("w:t"):
                    lines.append(el.text or "")
                elif el.tag == qn("w:br"):
                    lines.append("\n")
    return "".join(lines)


def test_table3_columns_keep_every_header_word_whole(word: docx.document.Document) -> None:
    t3 = word.tables[1]
    widths = [int(attr(gc, "w:w") or 0) for gc in t3._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert sum(widths) == TEXT_WIDTH
    data = dict(zip((c.label for c in L.T3_COLUMNS), widths[3:], strict=True))
    # on one line: 自然人, 商业企业, 科研机构, 其他, 总计
    for label in ("自然人", "商业企业", "科研机构", "其他", "总计"):
        assert _chars_per_line(data[label]) >= len(label), label
    # two lines broken between words: 社会公益 / 组织, 法律服务 / 机构 (four characters a line, not five)
    for label in ("社会公益组织", "法律服务机构"):
        assert 4 <= _chars_per_line(data[label]) < 5, label
    # the category column holds “不予公开” (four characters) under its ordinal “（三）”
    assert _chars_per_line(widths[1]) >= 4
    categories = [_cell_text(tc) for tc in t3._tbl.iter(qn("w:tc")) if _cell_text(tc).startswith("（三）")]
    assert categories == ["（三）\n不予公开"]


def test_results_label_is_vertical_and_note_cell_not_bold(word: docx.document.Document) -> None:
    t3 = word.tables[1]
    by_text = {_cell_text(tc): tc for tc in t3._tbl.iter(qn("w:tc"))}
    results = by_text[L.T3_RESULTS_LABEL]
    assert attr(find(results, "w:tcPr/w:textDirection"), "w:val") == "tbRlV"
    assert attr(find(results, "w:tcPr/w:vMerge"), "w:val") == "restart"
    note = by_text[L.T3_NOTE]
    for r in note.iter(qn("w:r")):
        assert attr(find(r, "w:rPr/w:b"), "w:val") == "0"
    assert attr(find(next(note.iter(qn("w:p"))), "w:pPr/w:pStyle"), "w:val") == "TableText"
    # the 申请人情况 header is still bold
    header = by_text["申请人情况"]
    assert find(next(header.iter(qn("w:r"))), "w:rPr/w:b") is not None
    assert attr(find(next(header.iter(qn("w:r"))), "w:rPr/w:b"), "w:val") is None


def test_row_labels_are_left_aligned_values_centred(word: docx.document.Document) -> None:
    t3 = word.tables[1]
    by_text = {_cell_text(tc): tc for tc in t3._tbl.iter(qn("w:tc"))}
    label = by_text["1.属于国家秘密"]
    assert attr(find(next(label.iter(qn("w:p"))), "w:pPr/w:jc"), "w:val") == "left"


def test_table2_is_kept_on_one_page(word: docx.document.Document) -> None:
    t2 = word.tables[0]
    rows = t2._tbl.tr_lst
    for tr in rows[:-1]:
        for p in tr.iter(qn("w:p")):
            assert find(p, "w:pPr/w:keepNext") is not None
    assert all(find(p, "w:pPr/w:keepNext") is None for p in rows[-1].iter(qn("w:p")))
    assert all(find(tr, "w:trPr/w:cantSplit") is not None for tr in rows)


def test_font_table_gives_each_role_a_fallback_chain(written: Path) -> None:
    with zipfile.ZipFile(written) as z:
        fonts_xml = z.read("word/fontTable.xml").decode("utf-8")
        names = [n for n in z.namelist() if n.endswith(".xml")]
        everything = "".join(z.read(n).decode("utf-8") for n in names)
    from lxml import etree

    root = etree.fromstring(fonts_xml.encode("utf-8"))
    table = {
        f.get(qn("w:name")): (find(f, "w:altName"), find(f, "w:family"), find(f, "w:charset"))
        for f in root.iter(qn("w:font"))
    }
    expected = {
        "仿宋_GB2312": "仿宋,FangSong",
        "楷体_GB2312": "楷体,KaiTi",
        "黑体": "SimHei",
        "方正小标宋简体": "宋体,SimSun",
        "宋体": "SimSun",
    }
    for name, chain in expected.items():
        alt, family, charset = table[name]
        assert attr(alt, "w:val") == chain, name
        assert attr(charset, "w:val") == "86"
        assert attr(family, "w:val") == ("swiss" if name == "黑体" else "roman")
        for fallback in chain.split(","):
            assert fallback in table, fallback  # the fallbacks are described in the table too
    assert FONT_CHAINS.keys() == expected.keys()
    # python-docx's Japanese defaults are gone from every part
    for japanese in ("ＭＳ 明朝", "ＭＳ ゴシック", "맑은 고딕", "新細明體"):
        assert japanese not in everything, japanese
    assert "Cambria" not in fonts_xml and "Calibri" not in fonts_xml
    # every run names a face that the font table describes with its chain
    document = etree.fromstring(zipfile.ZipFile(written).read("word/document.xml"))
    faces = {el.get(qn("w:eastAsia")) for el in document.iter(qn("w:rFonts"))}
    assert faces and faces <= set(expected)


@pytest.mark.parametrize(
    ("text", "per_line", "lines"),
    [
        ("（三）不予公开", 4, ["（三）", "不予公开"]),
        ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 16, ["（二）部分公开（区分处理的，", "只计这一情形，不计其他情形）"]),
        ("1.属于国家秘密", 11, ["1.属于国家秘密"]),
        ("5.要求行政机关确认或重新出具已获取信息", 11, ["5.要求行政机关确认或重新出具已获取信息"]),  # no boundary fits
    ],
)
def test_long_labels_break_at_a_phrase_boundary(text: str, per_line: float, lines: list[str]) -> None:
    assert break_label(text, per_line).split("\n") == lines
