"""Reading PDF reports: the three official PDFs against their pdftotext twins, PDFs printed
from drafts (reportlab; LibreOffice where installed), and PDFs that cannot be read."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from draft_report.checking import check_document
from draft_report.cli import main
from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.errors import InputError
from draft_report.loading import load_dataset
from draft_report.models.document import ReportDocument
from draft_report.reading import read_report
from draft_report.reading.pdf_layout import TextLine, closing_rules, furniture, join_cell_lines
from draft_report.tables import layout as L
from pdf_support import write_report_pdf, write_scanned_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent
REAL = ["huaian-hongze_2023", "huaian-hongze_2024", "huaian_2024"]


@cache
def read_pdf_fixture(name: str) -> ReportDocument:
    return read_report(FIXTURES / "real_pdfs" / f"{name}.pdf")


@cache
def read_twin(name: str) -> ReportDocument:
    return read_report(FIXTURES / "real_reports" / f"{name}.txt")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ex:
        main(argv)
    out, err = capsys.readouterr()
    return int(ex.value.code or 0), out, err


def _verdicts(doc: ReportDocument) -> list[tuple[str | None, ...]]:
    result = check_document(doc)
    return sorted(
        (f.rule, f.severity, f.location.section, f.location.cell_id, str(f.expected), str(f.actual))
        for f in result.findings if f.severity in ("error", "warning")
    )


# --- the official PDFs -------------------------------------------------------------------


@pytest.mark.parametrize("name", REAL)
def test_every_table_cell_equals_the_text_twin(name: str) -> None:
    pdf, txt = read_pdf_fixture(name), read_twin(name)
    assert pdf.tables_found == txt.tables_found == ["table2", "table3", "table4"]
    differing = {cid: (pdf.tables.get(cid), txt.tables.get(cid)) for cid in L.CELL_INFO
                 if pdf.tables.get(cid) != txt.tables.get(cid)}
    assert differing == {}
    assert sum(pdf.tables.get(cid) is not None for cid in L.CELL_INFO) >= 60  # real numbers were read
    assert sorted((i.cell_id, i.problem) for i in pdf.cell_issues) == sorted(
        (i.cell_id, i.problem) for i in txt.cell_issues)
    assert (pdf.agency, pdf.year) == (txt.agency, txt.year)


@pytest.mark.parametrize("name", REAL)
def test_same_errors_and_warnings_as_the_text_twin(name: str) -> None:
    assert _verdicts(read_pdf_fixture(name)) == _verdicts(read_twin(name))


def test_check_hongze_2023_pdf_finds_the_table4_error(capsys) -> None:
    code, out, _ = run(["check", str(FIXTURES / "real_pdfs" / "huaian-hongze_2023.pdf")], capsys)
    assert code == 1
    assert "✗ 错误" in out and "表四“行政复议”" in out and "各项之和为 11" in out and "应为：11；报告中为：0" in out
    # a PDF has no line numbers: each finding names the page (pdftotext -f N -l N puts these on pages 4, 1, 5)
    assert "✗ 错误 第4页 表四“行政复议”" in out
    assert "第1页 未能核对：“1136 条”" in out
    assert "第5页 未能核对：“0 元”" in out
    assert not re.search(r"第\d+行", out)


def test_a_paragraph_over_a_page_break_is_placed_on_both_pages() -> None:
    doc = read_pdf_fixture("huaian-hongze_2023")
    five = doc.section("problems")
    assert five is not None and five.paragraphs[0].line is not None
    # "…实行政府信息公开工作" ends page 4, "人员跟班学习制度…" begins page 5
    assert doc.line_places[five.paragraphs[0].line] == "第4～5页"
    assert set(doc.line_places) == set(range(1, len(doc.lines) + 1))  # every line has its page


def test_page_furniture_is_dropped_and_a_paragraph_goes_on_over_the_page_break() -> None:
    doc = read_pdf_fixture("huaian-hongze_2023")
    assert not any(re.fullmatch(r"\s*[-—]\s*\d+\s*[-—]\s*", ln) for ln in doc.lines)
    five = doc.section("problems")
    assert five is not None and len(five.paragraphs) == 1  # the boxed section is prose, not a table
    # "…实行政府信息公开工作" ends page 4, "人员跟班学习制度…" begins page 5
    assert "实行政府信息公开工作人员跟班学习制度" in five.paragraphs[0].text
    assert five.paragraphs[0].text.startswith("2023 年，洪泽区政府信息公开工作取得一定的成效")
    six = doc.section("other")
    assert six is not None and six.paragraphs[0].text.endswith("信息处理费 0 元。")


def test_vertical_label_and_two_header_rows_are_read_as_cells() -> None:
    doc = read_pdf_fixture("huaian-hongze_2024")
    assert any(ln.startswith("三、本年度办理结果\t（一）予以公开\t50") for ln in doc.lines)
    t4 = [L.t4_cell_id(g.id, c.id) for g in L.T4_GROUPS for c in L.T4_COLUMNS]
    assert [doc.tables.get(c) for c in t4] == [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]


def test_multi_line_row_labels_of_the_city_report() -> None:
    doc = read_pdf_fixture("huaian_2024")
    assert any(ln.startswith("（六）其他处理\t1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t67")
               for ln in doc.lines)
    assert doc.tables.get(L.t3_cell_id("r3_6_3", "total")) == 110


# --- PDFs printed from drafts ----------------------------------------------------------------


def _drafted(name: str) -> ReportDocument:
    return compose_document(load_dataset(ROOT / "examples" / name / "data.yaml"), OfflineDrafter())


@pytest.mark.parametrize("example", ["scjg-2024", "xiaxian-2023"])
def test_a_pdf_printed_from_a_draft_reads_back_the_same_report(example: str, tmp_path: Path) -> None:
    drafted = _drafted(example)
    pdf = write_report_pdf(drafted, tmp_path / "report.pdf", running_header="某某县人民政府信息公开")
    doc = read_report(pdf)
    assert doc.source_format == "pdf"
    assert {c: doc.tables.get(c) for c in L.CELL_INFO} == {c: drafted.tables.get(c) for c in L.CELL_INFO}
    assert doc.cell_issues == []
    assert [s.heading for s in doc.sections] == [s.heading for s in drafted.sections]
    for read_section, drafted_section in zip(doc.sections, drafted.sections, strict=True):
        assert [p.text for p in read_section.paragraphs] == [p.text for p in drafted_section.paragraphs]
    assert (doc.agency, doc.year, doc.signature, doc.date) == (
        drafted.agency, drafted.year, drafted.signature, drafted.date)
    assert not any("某某县人民政府信息公开" in ln or "—" in ln and len(ln) < 10 for ln in doc.lines)
    assert _verdicts(doc) == _verdicts(drafted)


# A PDF exported by LibreOffice from the drafted .docx: tests/test_docx_pdf.py (one soffice run).


# --- what cannot be read ---------------------------------------------------------------------


def test_a_scanned_pdf_is_named_and_refused_with_exit_2(tmp_path: Path, capsys) -> None:
    scan = write_scanned_pdf(tmp_path / "扫描件.pdf")
    with pytest.raises(InputError) as err:
        read_report(scan)
    assert "扫描图像" in str(err.value) and "OCR" in str(err.value) and str(scan) in str(err.value)
    code, _, err_text = run(["check", str(scan)], capsys)
    assert code == 2 and "扫描图像" in err_text and "Traceback" not in err_text


@pytest.mark.parametrize("content", [b"%PDF-1.4\n%garbage\n1 0 obj << /Type /Catalog", b"not a pdf at all", b""])
def test_a_damaged_pdf_is_exit_2_with_a_chinese_message(tmp_path: Path, capsys, content: bytes) -> None:
    bad = tmp_path / "损坏.pdf"
    bad.write_bytes(content)
    code, _, err = run(["check", str(bad)], capsys)
    assert code == 2 and "损坏.pdf" in err and ("无法读取 PDF" in err or "没有可读取的文字" in err)


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".ofd"])
def test_formats_that_cannot_be_read_say_what_to_do(tmp_path: Path, capsys, suffix: str) -> None:
    f = tmp_path / f"年报{suffix}"
    f.write_bytes(b"\xd0\xcf\x11\xe0 old binary format")
    code, _, err = run(["check", str(f)], capsys)
    assert code == 2 and f"年报{suffix}" in err and "不支持" in err
    assert ("另存为 .docx 或 PDF" in err) or ("另存为 PDF" in err)


# --- layout rules on plain values ------------------------------------------------------------


def test_cell_lines_are_joined_without_spaces_between_chinese() -> None:
    assert join_cell_lines("三\n、\n本\n年\n度\n办\n理\n结\n果") == "三、本年度办理结果"
    assert join_cell_lines("商业\n企业") == "商业企业"
    assert join_cell_lines("Section\n5") == "Section 5"


def test_a_table_cut_by_the_page_end_gets_its_missing_bottom_rule() -> None:
    verticals = [{"orientation": "v", "x0": x, "x1": x, "top": 100.0, "bottom": 700.0} for x in (50.0, 150.0, 250.0)]
    top = {"orientation": "h", "x0": 50.0, "x1": 250.0, "top": 100.0, "bottom": 100.0}
    added = closing_rules([*verticals, top])
    assert [(r["top"], r["x0"], r["x1"]) for r in added] == [(700.0, 50.0, 250.0)]
    assert closing_rules([*verticals, top, {**top, "top": 700.0, "bottom": 700.0}]) == []


def test_running_headers_and_page_numbers_are_furniture() -> None:
    def line(page: int, text: str, top: float) -> TextLine:
        return TextLine(page, text, 100, 200, top, top + 10, 10)

    lines = [line(1, "某某市人民政府办公室", 30), line(1, "正文第一页", 300), line(1, "- 1 -", 800),
             line(2, "某某市人民政府办公室", 30), line(2, "正文第二页", 300), line(2, "第 2 页 共 2 页", 800)]
    assert furniture(lines, {1: 842.0, 2: 842.0}) == {0, 2, 3, 5}


def test_both_extraction_engines_read_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """pypdfium2 (default) and pdfminer.six (DRAFT_REPORT_PDF_ENGINE=pdfplumber) give the same lines:
    a vertical label, a table continued over a page break, a paragraph over a page break."""
    from draft_report.reading.pdf import ENGINE_ENV, engine

    path = FIXTURES / "real_pdfs" / "huaian-hongze_2023.pdf"
    assert engine() == "pdfium"
    fast = read_pdf_fixture("huaian-hongze_2023")  # read_report(path), read once per process
    monkeypatch.setenv(ENGINE_ENV, "pdfplumber")
    assert engine() == "pdfplumber"
    slow = read_report(path)
    assert fast.lines == slow.lines and fast.tables == slow.tables


def test_a_page_far_beyond_a_report_page_is_refused(tmp_path: Path, capsys) -> None:
    """Time and memory stay bounded: 10,000 ruled segments on one page are not fed to the table finder."""
    from reportlab.pdfgen.canvas import Canvas

    hostile = tmp_path / "线段.pdf"
    canvas = Canvas(str(hostile))
    for i in range(10_000):
        canvas.line(10 + (i % 500), 10, 10 + (i % 500), 800)
    canvas.showPage()
    canvas.save()
    code, _, err = run(["check", str(hostile)], capsys)
    assert code == 2 and "线段.pdf" in err and "远超一页报告的内容" in err
