"""Reading Word files: round trip of the drafted report, reviewer edits, merged cells, tracked changes."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from draft_report.errors import InputError
from draft_report.models.document import ReportDocument
from draft_report.reading.docx import read_docx
from draft_report.rendering.docx import write_docx
from draft_report.tables import layout as L
from test_docx_support import sample_document


@pytest.fixture(scope="module")
def sample() -> ReportDocument:
    return sample_document()


@pytest.fixture(scope="module")
def drafted_bytes(sample: ReportDocument, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The sample written as .docx once for the module (``write_docx`` takes ≈ 0.1 s)."""
    path = tmp_path_factory.mktemp("drafted") / "report.docx"
    write_docx(sample, path)
    return path.read_bytes()


@pytest.fixture()
def drafted(drafted_bytes: bytes, tmp_path: Path) -> Path:
    """This test's own copy of the drafted .docx (tests edit it)."""
    path = tmp_path / "report.docx"
    path.write_bytes(drafted_bytes)
    return path


def _texts(doc: ReportDocument) -> dict[str, list[tuple[str, str]]]:
    return {s.key or s.heading: [(p.kind, p.text) for p in s.paragraphs] for s in doc.sections}


def test_round_trip_gives_back_the_drafted_document(sample: ReportDocument, drafted: Path) -> None:
    back = read_docx(drafted)
    assert back.source_format == "docx"
    assert (back.title, back.agency, back.year) == (sample.title, sample.agency, sample.year)
    assert [p.text for p in back.preface] == [p.text for p in sample.preface]
    assert [s.heading for s in back.sections] == [s.heading for s in sample.sections]
    assert [s.key for s in back.sections] == [s.key for s in sample.sections]
    assert _texts(back) == _texts(sample)
    assert back.tables == sample.tables
    assert back.tables_found == ["table2", "table3", "table4"]
    assert back.cell_issues == []
    assert (back.signature, back.date) == (sample.signature, sample.date)
    # every cell points at its table row line
    assert set(back.cell_lines) == set(L.all_cell_ids())
    line = back.cell_lines["t3.r1_new.np"]
    assert back.lines[line - 1].startswith("一、本年新收政府信息公开申请数量")
    assert back.table_lines["t3.r1_new.np"].startswith("一、本年新收政府信息公开申请数量")


def test_round_trip_of_non_zero_tables(sample: ReportDocument, tmp_path: Path) -> None:
    doc = copy.deepcopy(sample)
    for i, cid in enumerate(L.all_cell_ids()):
        doc.tables.set(cid, 2.5 if cid == "t2.fees.amount_wan" else i)
    path = tmp_path / "r.docx"
    write_docx(doc, path)
    assert read_docx(path).tables == doc.tables


def test_merged_header_cells_are_read_once(drafted: Path) -> None:
    back = read_docx(drafted)
    header = next(line for line in back.lines if "申请人情况" in line)
    assert header.count("申请人情况") == 1
    assert header.count("勾稽关系") == 1
    review = next(line for line in back.lines if line.startswith("行政复议"))
    assert review.split("\t") == ["行政复议", "行政诉讼"]


def _paragraph(word: docx.document.Document, needle: str):  # noqa: ANN202
    return next(p for p in word.paragraphs if needle in p.text)


def _set_text(paragraph, text: str) -> None:  # noqa: ANN001
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run.text = ""


def test_reviewer_edits_are_read(sample: ReportDocument, drafted: Path, tmp_path: Path) -> None:
    """Change a prose number, change a table cell, delete a paragraph — exactly those show."""
    word = docx.Document(str(drafted))
    number = _paragraph(word, "发布信息37条")
    _set_text(number, number.text.replace("发布信息37条", "发布信息38条"))
    table3 = next(t for t in word.tables if "申请人情况" in t.cell(0, 3).text)
    row = next(r for r in table3.rows if r.cells[0].text.startswith("一、本年新收"))
    row.cells[3].paragraphs[0].runs[0].text = "5"  # 自然人 column
    deleted = _paragraph(word, "强化信息监测")
    deleted_text = deleted.text
    deleted._p.getparent().remove(deleted._p)
    edited = tmp_path / "edited.docx"
    word.save(str(edited))

    before, after = read_docx(drafted), read_docx(edited)
    changed_cells = {
        cid: (before.tables.get(cid), after.tables.get(cid))
        for cid in L.all_cell_ids()
        if before.tables.get(cid) != after.tables.get(cid)
    }
    assert changed_cells == {"t3.r1_new.np": (0, 5)}
    old = [p.text for s in before.sections for p in s.paragraphs]
    new = [p.text for s in after.sections for p in s.paragraphs]
    assert len(new) == len(old) - 1
    assert deleted_text in old and deleted_text not in new
    diff = [(a, b) for a, b in zip([t for t in old if t != deleted_text], new, strict=True) if a != b]
    assert len(diff) == 1 and "37条" in diff[0][0] and "38条" in diff[0][1]


def test_blank_and_unreadable_cells(drafted: Path, tmp_path: Path) -> None:
    word = docx.Document(str(drafted))
    table4 = next(t for t in word.tables if t.cell(0, 0).text == "行政复议")
    values = table4.rows[3].cells
    values[0].paragraphs[0].runs[0].text = ""  # blank: None, never 0
    values[1].paragraphs[0].runs[0].text = "N/A"  # not a number ("/" alone is a dash: blank with a note)
    path = tmp_path / "e.docx"
    word.save(str(path))
    back = read_docx(path)
    assert back.tables.get("t4.rv.keep") is None
    assert back.tables.get("t4.rv.fix") is None
    issues = [(i.cell_id, i.problem, i.raw) for i in back.cell_issues]
    assert issues == [("t4.rv.fix", "unreadable", "N/A")]
    assert back.cell_issues[0].line == back.cell_lines["t4.rv.fix"]
    assert back.tables.get("t4.rv.other") == 0  # the other cells keep their values


def test_tracked_changes_are_read_as_accepted(drafted: Path, tmp_path: Path) -> None:
    word = docx.Document(str(drafted))
    p = _paragraph(word, "发布信息37条")
    original = p.text
    w_ins = OxmlElement("w:ins")
    w_ins.set(qn("w:id"), "901")
    w_ins.set(qn("w:author"), "审核人")
    inserted = copy.deepcopy(p.runs[0]._r)
    for t in inserted.iter(qn("w:t")):
        t.text = "（新增）"
    w_ins.append(inserted)
    w_del = OxmlElement("w:del")
    w_del.set(qn("w:id"), "902")
    w_del.set(qn("w:author"), "审核人")
    removed = copy.deepcopy(p.runs[0]._r)
    for t in list(removed.iter(qn("w:t"))):
        t.tag = qn("w:delText")
        t.text = "删掉的话"
    w_del.append(removed)
    p._p.append(w_ins)
    p._p.append(w_del)
    path = tmp_path / "tracked.docx"
    word.save(str(path))
    texts = [x.text for s in read_docx(path).sections for x in s.paragraphs]
    assert original + "（新增）" in texts
    assert not any("删掉的话" in t for t in texts)


def test_paragraphs_and_tables_keep_body_order(drafted: Path) -> None:
    back = read_docx(drafted)
    heading2 = back.lines.index("二、主动公开政府信息情况")
    heading3 = back.lines.index("三、收到和处理政府信息公开申请情况")
    t2_line = back.cell_lines["t2.reg.made"] - 1
    t3_line = back.cell_lines["t3.r1_new.np"] - 1
    assert heading2 < t2_line < heading3 < t3_line


def test_signature_and_date_in_chinese_numerals(drafted: Path, tmp_path: Path) -> None:
    word = docx.Document(str(drafted))
    _set_text(word.paragraphs[-1], "二〇二四年一月十八日")
    path = tmp_path / "d.docx"
    word.save(str(path))
    back = read_docx(path)
    assert str(back.date) == "2024-01-18"
    assert back.signature == "夏县乡村振兴局"
    assert back.sections[-1].paragraphs[-1].text != "夏县乡村振兴局"


def test_not_a_docx_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "report.docx"
    bad.write_text("不是 Word 文件", encoding="utf-8")
    with pytest.raises(InputError, match="不是有效的 .docx"):
        read_docx(bad)
    with pytest.raises(InputError, match="找不到"):
        read_docx(tmp_path / "missing.docx")


def test_check_finds_exactly_the_reviewer_edits(drafted: Path, tmp_path: Path) -> None:
    """draft → docx → edit with python-docx → read_docx + check: exactly the three edits are found."""
    from draft_report.checking import check_document
    from draft_report.loading import load_dataset
    from test_docx_support import SAMPLE_DATA

    dataset = load_dataset(SAMPLE_DATA)

    def problems(path: Path) -> set[tuple[str, str | None, str | None]]:
        result = check_document(read_docx(path), dataset)
        return {
            (f.rule, f.location.section, f.location.cell_id) for f in result.findings if f.severity != "info"
        }

    assert problems(drafted) == set()

    word = docx.Document(str(drafted))
    number = _paragraph(word, "发布信息37条")
    _set_text(number, number.text.replace("发布信息37条", "发布信息38条"))  # a prose number
    table3 = next(t for t in word.tables if "申请人情况" in t.cell(0, 3).text)
    row = next(r for r in table3.rows if r.cells[0].text.startswith("一、本年新收"))
    row.cells[3].paragraphs[0].runs[0].text = "5"  # a table cell (自然人)
    fee = _paragraph(word, "未收取信息处理费")  # a paragraph: section 六's fee statement
    fee._p.getparent().remove(fee._p)
    edited = tmp_path / "edited.docx"
    word.save(str(edited))

    found = problems(edited)
    assert ("prose.mismatch", "overview", None) in found
    assert ("structure.fee_statement_missing", "other", None) in found
    cells = {cell for _, _, cell in found if cell}
    assert cells <= {"t3.r1_new.np", "t3.r1_new.total"} and "t3.r1_new.np" in cells
    sections = {section for _, section, _ in found}
    assert sections == {"overview", "requests", "other"}


_REAL = sorted((Path(__file__).parent / "fixtures" / "real_reports").glob("*.txt"))
_SEED = Path(__file__).parent / "fixtures" / "seeds" / "xiaxian_2023.txt"


@pytest.mark.parametrize("source", [*_REAL, _SEED], ids=lambda p: p.stem)
def test_real_reports_survive_word_round_trip(source: Path, tmp_path: Path) -> None:
    """A published report read from text, written as Word and read back keeps everything."""
    from draft_report.reading import read_report

    original = read_report(source)
    path = tmp_path / "r.docx"
    write_docx(original, path)
    back = read_docx(path)
    assert back.tables == original.tables
    assert back.tables_found == original.tables_found
    assert (back.title, back.agency, back.year) == (original.title, original.agency, original.year)
    assert (back.signature, back.date) == (original.signature, original.date)
    assert [p.text for p in back.preface] == [p.text for p in original.preface]
    assert _texts(back) == _texts(original)


_NUMBERING = """
<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>"""


def test_automatic_list_numbering_is_read_as_printed(
    drafted: Path, sample: ReportDocument, tmp_path: Path
) -> None:
    """Headings numbered by a Word list (no "一、" typed) read as "一、总体情况" and "（一）…"."""
    from docx.oxml import parse_xml

    word = docx.Document(str(drafted))
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    num = parse_xml(
        '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">'
        '<w:abstractNumId w:val="90"/></w:num>'
    )
    numbering.append(num)
    for p in word.paragraphs:
        level = {"Heading 1": 0, "Heading 2": 1}.get(p.style.name)
        if level is None:
            continue
        _set_text(p, p.text.split("、", 1)[1] if level == 0 else p.text.split("）", 1)[1])
        num_pr = OxmlElement("w:numPr")
        ilvl, num_id = OxmlElement("w:ilvl"), OxmlElement("w:numId")
        ilvl.set(qn("w:val"), str(level))
        num_id.set(qn("w:val"), "90")
        num_pr.append(ilvl)
        num_pr.append(num_id)
        p._p.get_or_add_pPr().insert(1, num_pr)
    path = tmp_path / "numbered.docx"
    word.save(str(path))
    assert not any(p.text.startswith("一、") for p in docx.Document(str(path)).paragraphs)

    back = read_docx(path)
    assert [s.heading for s in back.sections] == [s.heading for s in sample.sections]
    assert [s.key for s in back.sections] == [s.key for s in sample.sections]
    assert _texts(back) == _texts(sample)


def test_list_number_formats() -> None:
    from draft_report.reading.docx_numbering import format_number

    assert [format_number(n, "chineseCounting") for n in (1, 10, 12)] == ["一", "十", "十二"]
    assert format_number(3, "decimal") == "3"
    assert format_number(3, "decimalFullWidth") == "３"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(1, "bullet") == ""


def _row_outcomes(word: docx.document.Document) -> list[tuple[object, object]]:
    """Per table row: the ``w:tc`` behind each grid position as python-docx's ``_Row.cells``
    gives it, and as ``docx_body._MergeRoots`` gives it (or the error each raises)."""
    from docx.table import Table

    from draft_report.reading.docx_body import _MergeRoots

    def outcome(get) -> object:  # noqa: ANN001
        try:
            return [tree.getpath(c._tc) for c in get()]
        except Exception as exc:  # noqa: BLE001 - the error is the outcome compared
            return type(exc).__name__

    tree = word.element.getroottree()
    pairs = []
    for tbl in word.element.body.iter(qn("w:tbl")):
        table = Table(tbl, word._body)
        trs = list(tbl.tr_lst)
        roots = _MergeRoots(trs)
        for r in range(len(trs)):
            pairs.append((outcome(lambda t=table, r=r: t.rows[r].cells), outcome(lambda t=table, r=r, m=roots: m.cells(t, r))))
    return pairs


def test_merged_cells_resolve_as_python_docx_resolves_them(drafted_bytes: bytes) -> None:
    """``_MergeRoots`` (the reader's fast path) gives every row of the drafted report, and of 6
    seeded damaged copies (odd, missing or misplaced ``w:vMerge`` / ``w:gridSpan`` /
    ``w:gridBefore`` values), the cells python-docx gives, or fails where python-docx fails."""
    import io
    import random
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(drafted_bytes)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert xml.count("w:vMerge") > 10 and xml.count("w:gridSpan") > 10  # the case worth checking
    rng = random.Random(14)
    odd = ["continue", "restart", "", "0", "-1", "x", "2", "7", "40"]  # spans within docx_guard's limits
    variants = [xml]
    for _ in range(6):
        attr = rng.choice(["w:vMerge w:val", "w:gridSpan w:val", "w:vMerge w:val", "w:tcW w:w"])
        text = re.sub(rf'<{attr}="[^"]*"', lambda m, a=attr: f'<{a}="{rng.choice(odd)}"' if rng.random() < 0.3 else m.group(0), xml)
        if rng.random() < 0.3:  # a merge continued from nowhere: its restart dropped
            text = text.replace('<w:vMerge w:val="restart"/>', "<w:vMerge/>", rng.randint(1, 4))
        if rng.random() < 0.3:  # rows starting late
            text = text.replace("<w:trPr>", f'<w:trPr><w:gridBefore w:val="{rng.choice(odd)}"/>', rng.randint(1, 6))
        variants.append(text)
    checked = failing = 0
    for i, text in enumerate(variants):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, data in {**parts, "word/document.xml": text.encode("utf-8")}.items():
                z.writestr(name, data)
        try:
            word = docx.Document(buf)
        except Exception:  # noqa: BLE001 - a variant python-docx cannot open at all: nothing to compare
            continue
        for expected, got in _row_outcomes(word):
            assert got == expected, i
            checked += 1
            failing += isinstance(expected, str)
    assert checked > 150 and failing > 0  # both outcomes occurred
