"""How the offline draft reads to a supervisor: the regulation by its defined short name,
no sub-topic reduced to one bare count sentence."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import Dataset
from draft_report.logs.aggregates import Aggregates
from draft_report.models.data import ReportData
from parsed_once import yaml_of

ROOT = Path(__file__).resolve().parent.parent
XIAXIAN = ROOT / "examples" / "xiaxian-2023" / "data.yaml"
FULL = "《中华人民共和国政府信息公开条例》"


def dataset(raw: dict[str, Any], aggregates: dict[str, int] | None = None) -> Dataset:
    raw = copy.deepcopy(raw)
    raw.pop("activity", None)
    return Dataset(data=ReportData.model_validate(raw), aggregates=Aggregates(aggregates or {}), path=Path("t.yaml"))


def raw_xiaxian() -> dict[str, Any]:
    return yaml_of(XIAXIAN.read_text(encoding="utf-8"))


def body(doc: Any) -> str:
    return "\n".join(p.text for s in doc.sections for p in s.paragraphs)


def test_body_uses_the_short_name_the_standard_preface_defines() -> None:
    raw = raw_xiaxian()
    raw.pop("preface", None)
    raw["notes"]["lead"] = [f"全面贯彻落实{FULL}"]
    raw["problems"] = []
    raw["measures"] = []
    doc = compose_document(dataset(raw), OfflineDrafter())
    assert "（以下简称《条例》）" in doc.preface[0].text
    text = body(doc)
    assert FULL not in text
    assert "全面贯彻落实《条例》" in text and "对照《条例》和上级要求" in text


def test_own_preface_keeps_the_full_name_in_the_body() -> None:
    raw = raw_xiaxian()
    raw["preface"] = "本报告由本局编制。"
    raw["problems"] = []
    doc = compose_document(dataset(raw), OfflineDrafter())
    assert f"对照{FULL}和上级要求" in body(doc)
    assert "对照《条例》" not in body(doc)


def test_sub_topic_with_counted_events_but_no_notes_is_not_one_bare_sentence() -> None:
    raw = raw_xiaxian()
    raw["notes"]["supervision"] = []
    draft = OfflineDrafter().draft(
        "overview", dataset(raw, {"events.kind:培训": 3, "events.kind:培训.participants": 120})
    )
    paras = [p.text for p in draft.paragraphs]
    i = paras.index("（五）监督保障情况")
    text = paras[i + 1]
    assert text.startswith("我局") and "组织政务公开业务培训3次（共120人次参加）" in text
    assert text.index("培训") > text.index("。")  # the training follows a full sentence
    assert "（五）监督保障情况" in draft.provenance["generic_topics"]


def test_management_without_notes_states_repealed_and_valid_documents() -> None:
    raw = raw_xiaxian()
    raw["notes"]["management"] = []
    raw["table2"]["norm"] = {"made": 12, "repealed": 2, "valid": 35}
    raw["table2"]["reg"] = {"made": 0, "repealed": 0, "valid": 0}
    draft = OfflineDrafter().draft("overview", dataset(raw))
    paras = [p.text for p in draft.paragraphs]
    text = paras[paras.index("（三）政府信息管理情况") + 1]
    assert text.endswith("全年废止行政规范性文件2件；截至年底，现行有效行政规范性文件35件。")
    assert "规章" not in text  # zero 规章 are not mentioned


def test_management_notes_are_not_doubled_by_the_table_sentence() -> None:
    raw = raw_xiaxian()
    raw["notes"]["management"] = ["对本局制发的行政规范性文件开展全面清理，废止2件"]
    raw["table2"]["norm"] = {"made": 0, "repealed": 2, "valid": 35}
    text = "\n".join(p.text for p in OfflineDrafter().draft("overview", dataset(raw)).paragraphs)
    assert "现行有效行政规范性文件35件" not in text and text.count("废止") == 1


def test_drafted_management_sentence_is_verified_by_the_checker(tmp_path: Path) -> None:
    from draft_report.checking import check_document
    from draft_report.reading import read_text
    from draft_report.rendering.markdown import render_markdown

    raw = raw_xiaxian()
    raw["notes"]["management"] = []
    raw["table2"]["norm"] = {"made": 0, "repealed": 2, "valid": 35}
    ds = dataset(raw)
    md = render_markdown(compose_document(ds, OfflineDrafter()))
    assert not check_document(read_text(md, fmt="markdown"), ds).has_errors
    edited = md.replace("现行有效行政规范性文件35件", "现行有效行政规范性文件36件")
    assert edited != md
    result = check_document(read_text(edited, fmt="markdown"), ds)
    assert any(f.rule == "prose.mismatch" and "36" in f.message for f in result.findings)


def test_self_reference_of_names_with_a_second_name_or_a_brigade() -> None:
    from draft_report.drafting.facts import self_reference
    from draft_report.models.data import Agency

    assert self_reference(Agency(name="某县应急管理局（县地震局）")) == "我局"
    assert self_reference(Agency(name="某县应急管理局(某县地震局)")) == "我局"
    assert self_reference(Agency(name="某县消防救援大队")) == "我大队"
    assert self_reference(Agency(name="某县人民政府（办公室）", kind="人民政府")) == "我县"
    assert self_reference(Agency(name="某某（筹）组")) == "本机关"


def test_a_channel_with_one_column_names_the_column_once() -> None:
    aggregates = {
        "publications.total": 5,
        "publications.channel:政务网站": 4,
        "publications.channel:政务网站.column:工作动态": 3,
        "publications.channel:政务网站.column:通知公告": 1,
        "publications.channel:微信公众号": 1,
        "publications.channel:微信公众号.column:政策解读": 1,
    }
    text = "\n".join(p.text for p in OfflineDrafter().draft("overview", dataset(raw_xiaxian(), aggregates)).paragraphs)
    assert "在政务网站发布信息4条（工作动态3条、通知公告1条）；在微信公众号发布政策解读1条。" in text
    assert "（政策解读1条）" not in text


def test_common_event_kinds_land_in_their_sub_topic_and_are_verified() -> None:
    from draft_report.checking import check_document
    from draft_report.reading import read_text
    from draft_report.rendering.markdown import render_markdown

    raw = raw_xiaxian()
    aggregates = {
        "events.total": 6,
        "events.kind:政府开放日": 2,
        "events.kind:在线访谈": 1,
        "events.kind:督查": 3,
    }
    ds = dataset(raw, aggregates)
    paras = [p.text for p in OfflineDrafter().draft("overview", ds).paragraphs]
    proactive = paras[paras.index("（一）主动公开情况") + 1]
    supervision = "\n".join(paras[paras.index("（五）监督保障情况") + 1 :])
    assert "举办政府开放日活动2次" in proactive and "开展在线访谈1次" in proactive
    assert "开展政务公开督查3次" in supervision
    md = render_markdown(compose_document(ds, OfflineDrafter()))
    result = check_document(read_text(md, fmt="markdown"), ds)
    assert not [f for f in result.findings if f.severity in ("error", "warning")]
    edited = md.replace("开展政务公开督查3次", "开展政务公开督查4次")
    assert any(f.rule == "prose.mismatch" for f in check_document(read_text(edited, fmt="markdown"), ds).findings)


def test_requests_all_still_open_at_year_end_have_a_subject() -> None:
    raw = raw_xiaxian()
    table3 = raw["table3"]
    table3["r1_new"]["np"] = 2
    table3["r4_carry_out"]["np"] = 2
    for row in table3.values():
        row.pop("total", None)
    paras = [p.text for p in OfflineDrafter().draft("overview", dataset(raw)).paragraphs]
    text = paras[paras.index("（二）依申请公开情况") + 1]
    assert "共收到政府信息公开申请2件。上述申请截至年底均在办理期限内，结转下年度继续办理2件。" in text


def test_a_note_that_opens_a_paragraph_gets_the_agency_as_subject() -> None:
    from draft_report.drafting.facts import with_subject

    assert with_subject("优化政府网站应急管理专栏", "我局") == "我局优化政府网站应急管理专栏"
    assert with_subject("按照县政府要求更新专栏", "我局") == "我局按照县政府要求更新专栏"
    for typed in ("我局优化专栏", "局党组专题研究", "2025年优化专栏", "全年更新专栏", "强化组织领导：局党组专题研究"):
        assert with_subject(typed, "我局") == typed
    raw = raw_xiaxian()
    raw["notes"]["platforms"] = ["优化政府网站应急管理专栏"]
    paras = [p.text for p in OfflineDrafter().draft("overview", dataset(raw)).paragraphs]
    assert paras[paras.index("（四）政府信息公开平台建设情况") + 1] == "我局优化政府网站应急管理专栏。"
    assert with_subject("强化监督机制。严格执行信息公开审核制度", "我局") == "强化监督机制。严格执行信息公开审核制度"


def test_table2_decisions_share_one_verb() -> None:
    raw = raw_xiaxian()
    raw["table2"]["licensing"] = {"decisions": 128}
    raw["table2"]["penalty"] = {"decisions": 46}
    text = "\n".join(p.text for p in OfflineDrafter().draft("overview", dataset(raw)).paragraphs)
    assert "作出行政许可决定128件、行政处罚决定46件。" in text
    assert text.count("作出") == 1
