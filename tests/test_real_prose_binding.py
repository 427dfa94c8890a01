"""Constructions of real reports' section 一 (paraphrased, bench/phrasing_real.py) and what their numbers state."""

from __future__ import annotations

from pathlib import Path

from draft_report.checking import check_document
from draft_report.checking.claim_check import SURE
from draft_report.checking.claims import extract_claims
from draft_report.reading import read_text

FIXTURES = Path(__file__).parent / "fixtures"


def bound(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.text, c.fact.id if c.fact else None) for c in extract_claims(text)]


def test_a_bare_verb_continues_a_foreign_topic() -> None:
    # letters of the public, not disclosure requests: 办结 and 办结率 are theirs
    assert bound("2023年共受理群众网上来访信件39件，办结39件，办结率100%。") == [
        ("number", "39件", None), ("number", "39件", None)]
    assert bound("受理市长信箱来信8件，全部予以答复，答复率100%。") == [("number", "8件", None)]
    # the procedure named without 申请 is the disclosure requests: the bare verb stays theirs
    assert [b[2] for b in bound("2023年，本局共受理政府信息公开21件，办结23件。")] == [
        "requests_new", "requests_closed"]
    assert [b[2] for b in bound("我办共收到公开政府信息申请1件，已全部答复，办结率100%。")] == [
        "requests_new", "requests_closed"]


def test_a_channel_counts_a_part_of_the_requests() -> None:
    text = "2023年，全区共收到政府信息依申请公开1641件，其中，通过网络申请1156件，占70.44%；通过信函申请470件，占28.64%。"
    assert bound(text) == [("number", "1641件", "requests_new"), ("number", "1156件", None), ("number", "470件", None)]
    text = "全年依申请公开共收到群众网上申请105件，快递17件，合计122件，上年结转11件，7件正在办理中。"
    assert [b[2] for b in bound(text)] == [None, None, "requests_new", "requests_carry_in", "requests_carry_out"]
    # channels closed by 等 name the whole
    assert bound("通过线上、信函等渠道收到依申请公开信息16件，已全部按期限答复办结。") == [
        ("number", "16件", "requests_new")]


def test_none_by_one_channel_is_no_claim_on_the_requests() -> None:
    # “no request came in person / by letter” says nothing of the year's requests, which 表三 does not split
    assert [b for b in bound("本年度我委共办理依申请公开事项9件，无现场申请件。") if b[0] == "zero"] == []
    assert [b for b in bound("全年没有收到信函申请。") if b[0] == "zero"] == []
    # without a channel, or with channels closed by 等, it is the requests as a whole
    assert [b[2] for b in bound("全年未收到政府信息公开申请。") if b[0] == "zero"] == ["requests_new"]
    text = "全年未收到通过信函、网上等方式提交的政府信息公开申请。"
    assert [b[2] for b in bound(text) if b[0] == "zero"] == ["requests_new"]


def test_a_list_inside_the_noun_phrase_does_not_end_the_clause() -> None:
    text = "本局共接收通过邮寄、邮件、现场等方式提交的各类政府信息公开申请17件，共办结15件。"
    assert [b[2] for b in bound(text)] == ["requests_new", "requests_closed"]


def test_next_year_written_short() -> None:
    text = "全区共处理政府信息公开申请件1717件（包含上年结转76件），1646件已按规定在法定期限内予以答复，71件结转下年答复。"
    assert [b[2] for b in bound(text)][2:] == ["requests_closed", "requests_carry_out"]
    assert bound("全年收到依申请公开19件，其中17件在法定期限内完成答复，2件转至下年继续办理。")[2][2] == "requests_carry_out"


def test_documents_issued_none_and_counted_in_pian() -> None:
    assert bound("2024年园区未制定规范性文件，确保政策稳定。") == [("zero", "未制定规范性文件", "norm_made")]
    assert bound("2023年无公文解读情况，未印发行政规范性文件。")[-1][2] == "norm_made"
    assert bound("本局发布行政规范性文件5篇，政策解读12篇。") == [("number", "5篇", "norm_made"), ("number", "12篇", None)]


def test_a_default_reading_is_unsure_and_a_broken_down_total_is_not_it() -> None:
    published = extract_claims("本年度主动公开行政规范性文件9件。")[0]
    assert published.fact is not None and published.fact.id == "norm_made" and published.confidence < SURE
    issued = extract_claims("本年度制发行政规范性文件9件。")[0]
    assert issued.fact is not None and issued.fact.id == "norm_made" and issued.confidence >= SURE
    total = extract_claims("主动公开市政府规章15件（含新制定5件，修改5件，废止4件）。")[0]
    assert total.fact is None


def _check_with(sentence: str) -> list[str]:
    path = FIXTURES / "seeds" / "xiaxian_2023.txt"
    text = path.read_text(encoding="utf-8")
    doc = read_text(text, source=path.name, fmt="text")
    base = {f.key() for f in check_document(doc).findings}
    sec = doc.section("overview")
    assert sec is not None and sec.line is not None
    lines = text.split("\n")
    mutated = "\n".join(lines[: sec.line] + [sentence] + lines[sec.line :])
    return [f"{f.severity} {f.rule}" for f in check_document(read_text(mutated, source=path.name, fmt="text")).findings
            if f.key() not in base and f.severity in ("error", "warning")]


def test_checked_in_a_report() -> None:
    # the sample has no requests at all: a foreign topic's numbers say nothing against it …
    assert _check_with("2023年共受理群众网上来访信件39件，办结39件，办结率100%。") == []
    # … but a zero claim about issued documents is checked, and a wrong 办结 still is
    assert _check_with("全年未制定规范性文件。") == []
    assert any(a.startswith("error") for a in _check_with("2023年，本局共受理政府信息公开0件，办结2件。"))


def test_the_sum_of_parts_by_channel_is_the_whole() -> None:
    text = "全年依申请公开共收到群众网上申请12件，快递9件，合计21件，上年结转0件，截至12月底已回复21件，0件正在办理中。"
    assert [b[2] for b in bound(text)] == [
        None, None, "requests_new", "requests_carry_in", "requests_closed", "requests_carry_out"]


def test_items_of_information_are_not_documents_or_results() -> None:
    # a list of published items by category, counted in 条
    text = "本年共主动公开政府信息150条，其中：机构职能类信息18条，政策、规范性文件类信息27条，规章文件5条。"
    assert [b[2] for b in bound(text)] == [None, None, None, None]
    # the old format's counts by disclosure attribute are items of information, not requests or their results
    assert [b[2] for b in bound("其中主动公开政府信息19条，作为依申请公开信息数31条，不予公开信息数9条。")] == [None, None, None]
    assert bound("本局发布行政规范性文件5件。")[0][2] == "norm_made"


def test_requests_by_letter() -> None:
    assert bound("本年度园区管理系统中收到18封申请，已按照流程处理。") == [("number", "18封", "requests_new")]
    assert bound("收到群众来信20封。") == [("number", "20封", None)]
