"""Findings as Word comments: on the right cell or paragraph; reviewer's file never modified."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from cli_inprocess import run_cli
from draft_report.checking.findings import Finding, Location
from draft_report.errors import InputError
from draft_report.models.document import ReportDocument
from draft_report.reading.docx import read_docx
from draft_report.rendering.docx import annotate_docx, write_docx
from draft_report.rendering.docx_comments import comment_text
from test_docx_support import sample_document


@pytest.fixture(scope="module")
def sample() -> ReportDocument:
    return sample_document()


@pytest.fixture(scope="module")
def sample_docx(sample: ReportDocument, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The sample written as .docx once for the module; tests write their own copy and edit it."""
    path = tmp_path_factory.mktemp("sample") / "report.docx"
    write_docx(sample, path)
    return path.read_bytes()


def _commented_text(word: docx.document.Document) -> dict[str, str]:
    """comment text → the text of the paragraph (or table cell) that holds its range start."""
    comments = {str(c.comment_id): c.text for c in word.comments}
    out: dict[str, str] = {}
    body = word.element.body
    for start in body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        p = start.getparent()
        while p.tag != qn("w:p"):
            p = p.getparent()
        holder = p.getparent()
        if holder.tag == qn("w:tc"):
            text = "".join(t.text or "" for t in holder.iter(qn("w:t")))
            row = holder.getparent()
            first = "".join(t.text or "" for t in row.find(qn("w:tc")).iter(qn("w:t")))
            out[comments[cid]] = f"cell:{first}|{text}"
        else:
            out[comments[cid]] = "".join(t.text or "" for t in p.iter(qn("w:t")))
    return out


def _finding(rule: str, message: str, **loc: object) -> Finding:
    return Finding(
        rule=rule, severity="error", message=message, location=Location(**loc), expected=1, actual=2
    )


def test_findings_become_comments_on_cell_and_paragraph(sample: ReportDocument, tmp_path: Path) -> None:
    findings = [
        _finding("H1", "新收加结转不等于办理结果加结转", cell_id="t3.r1_new.total", table="表三"),
        _finding("P1", "正文条数与数据不符", section="overview", excerpt="发布信息37条"),
        _finding("S1", "第六部分缺少收费说明", section="other"),
    ]
    path = tmp_path / "r.docx"
    write_docx(sample, path, findings=findings)
    word = docx.Document(str(path))
    placed = _commented_text(word)
    assert len(placed) == 3
    by_rule = {f.rule: placed[comment_text(f)] for f in findings}
    assert by_rule["H1"] == "cell:一、本年新收政府信息公开申请数量|0"
    assert "发布信息37条" in by_rule["P1"]
    assert by_rule["S1"] == "六、其他需要报告的事项"
    assert all(k.startswith("【待核实】错误：") for k in placed)  # Chinese first, no rule id
    assert all(c.author == "draft-report 核对" for c in word.comments)


def test_comment_text_names_expected_and_actual() -> None:
    text = comment_text(
        {"rule": "H2", "severity": "warning", "message": "总计不符", "expected": 3, "actual": 4}
    )
    assert text == "【待核实】警告：总计不符（应为：3；报告中为：4）"


def test_annotate_writes_a_commented_copy_and_keeps_the_original(
    sample_docx: bytes, tmp_path: Path
) -> None:
    src = tmp_path / "reviewed.docx"
    src.write_bytes(sample_docx)
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    back = read_docx(src)
    line = back.cell_lines["t4.rv.total"]
    findings = [
        _finding("H3", "复议总计不符", cell_id="t4.rv.total", line=line, table="表四"),
        _finding("P2", "段落问题", line=back.sections[4].paragraphs[0].line),
    ]
    dst = tmp_path / "reviewed.批注.docx"
    assert annotate_docx(src, findings, dst) == 2
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest
    word = docx.Document(str(dst))
    placed = _commented_text(word)
    by_rule = {f.rule: placed[comment_text(f)] for f in findings}
    assert by_rule["H3"].startswith("cell:")
    assert by_rule["P2"] == back.sections[4].paragraphs[0].text
    # the copy still reads as the same report
    assert read_docx(dst).tables == back.tables

    with pytest.raises(InputError, match="已存在"):
        annotate_docx(src, findings, dst)
    assert annotate_docx(src, findings[:1], dst, force=True) == 1
    with pytest.raises(InputError, match="不能覆盖原文件"):
        annotate_docx(src, findings, src, force=True)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest


def test_table4_cell_comment_lands_in_the_right_column(sample: ReportDocument, tmp_path: Path) -> None:
    doc = copy.deepcopy(sample)
    doc.tables.set("t4.lr.pending", 7)
    path = tmp_path / "r.docx"
    write_docx(doc, path, findings=[_finding("H4", "尚未审结", cell_id="t4.lr.pending")])
    word = docx.Document(str(path))
    start = next(word.element.body.iter(qn("w:commentRangeStart")))
    tc = start
    while tc.tag != qn("w:tc"):
        tc = tc.getparent()
    assert "".join(t.text for t in tc.iter(qn("w:t"))) == "7"
    row = tc.getparent()
    assert list(row.iter(qn("w:tc"))).index(tc) == 13  # rv 0-4, ld 5-9, lr 10-14: pending is 13


def test_unplaceable_finding_falls_back_to_the_title(sample: ReportDocument, tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    write_docx(sample, path, findings=[_finding("X1", "全文问题")])
    word = docx.Document(str(path))
    placed = _commented_text(word)
    assert list(placed.values()) == [sample.title]
    assert len(list(word.comments)) == 1


def test_checker_findings_on_an_edited_file_are_commented_in_place(
    sample_docx: bytes, tmp_path: Path
) -> None:
    from draft_report.checking import check_document
    from draft_report.loading import load_dataset
    from test_docx_support import SAMPLE_DATA

    src = tmp_path / "reviewed.docx"
    src.write_bytes(sample_docx)
    word = docx.Document(str(src))
    p = next(p for p in word.paragraphs if "发布信息37条" in p.text)
    for run in p.runs:
        run.text = run.text.replace("37条", "38条")
    table3 = word.tables[1]
    row = next(r for r in table3.rows if r.cells[0].text.startswith("一、本年新收"))
    row.cells[3].paragraphs[0].runs[0].text = "5"
    word.save(str(src))

    result = check_document(read_docx(src), load_dataset(SAMPLE_DATA))
    findings = [f for f in result.findings if f.severity == "error"]
    dst = tmp_path / "reviewed.批注.docx"
    assert annotate_docx(src, findings, dst) == len(findings) >= 2
    placed = _commented_text(docx.Document(str(dst)))
    targets = set(placed.values())
    assert "cell:一、本年新收政府信息公开申请数量|5" in targets
    assert any("发布信息38条" in t for t in targets)


def test_check_annotate_option_writes_a_commented_copy(sample_docx: bytes, tmp_path: Path) -> None:
    from test_docx_support import SAMPLE_DATA

    src = tmp_path / "审改稿.docx"
    src.write_bytes(sample_docx)
    word = docx.Document(str(src))
    table3 = word.tables[1]
    row = next(r for r in table3.rows if r.cells[0].text.startswith("一、本年新收"))
    row.cells[3].paragraphs[0].runs[0].text = "5"
    word.save(str(src))
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    out = tmp_path / "审改稿.批注.docx"

    # in-process (the entry point cli.main); `python -m draft_report check` in a fresh interpreter
    # is run by test_regex_cache, the installed `draft-report` by test_install
    done = run_cli("check", str(src), "--data", str(SAMPLE_DATA), "--annotate", str(out), "--no-info")
    assert done.returncode == 1 and "已写出带批注的副本" in done.stderr  # errors found, copy written
    placed = _commented_text(docx.Document(str(out)))
    # one root cause, one finding: the data mismatch on the edited 自然人 cell, which names the
    # identities it breaks (H1, H3); no comment on the row's 总计 cell, which is right
    assert set(placed.values()) == {"cell:一、本年新收政府信息公开申请数量|5"}
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest

    again = run_cli("check", str(src), "--annotate", str(out))
    assert again.returncode == 2 and "已存在" in again.stderr and "--force" in again.stderr
    forced = run_cli("check", str(src), "--data", str(SAMPLE_DATA), "--annotate", str(out), "--force")
    assert forced.returncode == 1 and "已写出带批注的副本" in forced.stderr
    same = run_cli("check", str(src), "--annotate", str(src), "--force")
    assert same.returncode == 2 and "不能覆盖原文件" in same.stderr
    md = tmp_path / "r.md"
    md.write_text("# 某局2023年度政府信息公开工作年度报告\n", encoding="utf-8")
    not_docx = run_cli("check", str(md), "--annotate", str(tmp_path / "x.docx"))
    assert not_docx.returncode == 2 and ".docx" in not_docx.stderr
    assert hashlib.sha256(src.read_bytes()).hexdigest() == digest


def _anchored_text(word: docx.document.Document) -> dict[str, str]:
    """comment text → the text inside its range (between commentRangeStart and commentRangeEnd)."""
    comments = {str(c.comment_id): c.text for c in word.comments}
    out: dict[str, str] = {}
    body = word.element.body
    for start in body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        text, inside = [], False
        for el in body.iter():
            if el is start:
                inside = True
            elif el.tag == qn("w:commentRangeEnd") and el.get(qn("w:id")) == cid:
                break
            elif inside and el.tag == qn("w:t"):
                text.append(el.text or "")
        out[comments[cid]] = "".join(text)
    return out


def _text_before_comment(word: docx.document.Document, comment_id: str) -> str:
    """The paragraph text before the comment's range starts."""
    start = next(s for s in word.element.body.iter(qn("w:commentRangeStart")) if s.get(qn("w:id")) == comment_id)
    before = []
    for el in start.getparent().iter():
        if el is start:
            break
        if el.tag == qn("w:t"):
            before.append(el.text or "")
    return "".join(before)


@pytest.mark.parametrize(
    ("runs", "wrong"),
    [
        (["全年通过政务网站发布信息38条，均为工作动态类信息。"], "38条"),  # inside one long run
        (["全年通过政务网站发布信息3", "8条，均为", "工作动态类信息。"], "38条"),  # across two runs
        (["全年通过政务网站发布信息三十八条，均为工作动态类信息。"], "三十八条"),  # a Chinese numeral
    ],
)
def test_a_wrong_number_is_commented_on_itself(
    sample_docx: bytes, tmp_path: Path, runs: list[str], wrong: str
) -> None:
    """The reviewer's typo gets a comment covering exactly the number, however the runs fall;
    the paragraph's text is unchanged by the split."""
    import copy

    from draft_report.checking import check_document
    from draft_report.loading import load_dataset
    from test_docx_support import SAMPLE_DATA

    src = tmp_path / "reviewed.docx"
    src.write_bytes(sample_docx)
    word = docx.Document(str(src))
    p = next(p for p in word.paragraphs if "发布信息37条" in p.text)
    template = p.runs[0]._r
    for r in list(p.runs):
        p._p.remove(r._r)
    for text in runs:
        r = copy.deepcopy(template)
        r.find(qn("w:t")).text = text
        p._p.append(r)
    word.save(str(src))

    result = check_document(read_docx(src), load_dataset(SAMPLE_DATA))
    wrong_number = [f for f in result.findings if f.severity == "error"]
    assert len(wrong_number) == 1
    dst = tmp_path / "reviewed.批注.docx"
    assert annotate_docx(src, wrong_number, dst) == 1
    out = docx.Document(str(dst))
    assert list(_anchored_text(out).values()) == [wrong]
    assert _text_before_comment(out, str(next(iter(out.comments)).comment_id)) == "全年通过政务网站发布信息"
    assert any(q.text == "".join(runs) for q in out.paragraphs)


def test_number_anchor_prefers_the_quoted_sentence_and_falls_back_to_the_paragraph(
    sample: ReportDocument, tmp_path: Path
) -> None:
    doc = copy.deepcopy(sample)
    doc.sections[0].paragraphs[0].text = "全年培训3次，检查3次。另有3次会议。"
    findings = [
        Finding("P1", "error", "检查次数不符", Location(section="overview", excerpt="检查3次。"), 2, 3),
        Finding("P2", "error", "说不清的数字", Location(section="overview", excerpt="全年培训3次"), 2, 9),
    ]
    path = tmp_path / "r.docx"
    write_docx(doc, path, findings=findings)
    word = docx.Document(str(path))
    anchored = _anchored_text(word)
    by_rule = {f.rule: anchored[comment_text(f)] for f in findings}
    ids = {f.rule: str(c.comment_id) for f in findings for c in word.comments if c.text == comment_text(f)}
    assert by_rule["P1"] == "3次"
    # the 3次 of the quoted sentence (检查3次) is commented, not the first one (培训3次)
    assert _text_before_comment(word, ids["P1"]) == "全年培训3次，检查"
    assert by_rule["P2"] == "全年培训3次，检查3次。另有3次会议。"  # no 9 in the text: the whole paragraph
