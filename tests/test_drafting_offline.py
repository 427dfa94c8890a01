"""The offline drafter: sections 一 and 五 from the data, every number from the data."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml

from draft_report.drafting import facts
from draft_report.drafting.base import SectionDrafter
from draft_report.drafting.offline import OfflineDrafter
from draft_report.drafting.templating import render_text, split_paragraphs
from draft_report.loading import Dataset, load_dataset
from draft_report.logs.aggregates import Aggregates
from draft_report.models.data import Agency, ReportData
from draft_report.sections import OVERVIEW_TOPICS
from parsed_once import yaml_of

ROOT = Path(__file__).resolve().parent.parent
XIAXIAN = ROOT / "examples" / "xiaxian-2023" / "data.yaml"
SCJG = ROOT / "examples" / "scjg-2024" / "data.yaml"


def raw_xiaxian() -> dict[str, Any]:
    return yaml_of(XIAXIAN.read_text(encoding="utf-8"))


def make_dataset(raw: dict[str, Any], aggregates: dict[str, int] | None = None) -> Dataset:
    raw = copy.deepcopy(raw)
    raw.pop("activity", None)
    return Dataset(data=ReportData.model_validate(raw), aggregates=Aggregates(aggregates or {}), path=Path("t.yaml"))


def text_of(paragraphs: list) -> str:
    return "\n".join(p.text for p in paragraphs)


def test_offline_drafter_satisfies_the_protocol() -> None:
    assert isinstance(OfflineDrafter(), SectionDrafter)
    with pytest.raises(ValueError):
        OfflineDrafter().draft("other", load_dataset(XIAXIAN))  # type: ignore[arg-type]


@pytest.mark.parametrize("example", [XIAXIAN, SCJG])
def test_overview_has_the_five_subheadings_in_order(example: Path) -> None:
    draft = OfflineDrafter().draft("overview", load_dataset(example))
    subs = [p.text for p in draft.paragraphs if p.kind == "subheading"]
    assert subs == [t.heading for t in OVERVIEW_TOPICS]
    assert draft.paragraphs[0].kind == "text"  # a lead paragraph before （一）
    # every sub-heading is followed by at least one paragraph of text
    kinds = [p.kind for p in draft.paragraphs]
    for i, kind in enumerate(kinds):
        if kind == "subheading":
            assert i + 1 < len(kinds) and kinds[i + 1] == "text"


def test_sample_facts_without_its_defects() -> None:
    draft = OfflineDrafter().draft("overview", load_dataset(XIAXIAN))
    text = text_of(draft.paragraphs)
    assert "在政务网站发布信息37条" in text
    assert "全年未收到政府信息公开申请" in text
    assert "疫情" not in text
    assert draft.provenance["generic_topics"] == []


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:\.\d+)?", text))


def _allowed_numbers(dataset: Dataset) -> set[str]:
    data = dataset.data
    allowed = {str(data.year), str(data.year - 1)}
    for value in data.tables().cells().values():
        if value is not None:
            allowed.add(facts.fmt_num(value))
    for _, n in dataset.aggregates.items():
        allowed.add(str(n))
    notes_text = yaml.safe_dump(data.model_dump(mode="json"), allow_unicode=True)
    return allowed | _numbers(notes_text)


@pytest.mark.parametrize("example", [XIAXIAN, SCJG])
def test_every_number_comes_from_the_data(example: Path) -> None:
    dataset = load_dataset(example)
    allowed = _allowed_numbers(dataset)
    drafter = OfflineDrafter()
    for key in ("overview", "problems"):
        paragraphs = [p for p in drafter.draft(key, dataset).paragraphs if p.kind == "text"]
        # list numbering ("1.") is structure, not a figure
        body = "\n".join(re.sub(r"^\d+\.", "", p.text) for p in paragraphs)
        assert _numbers(body) <= allowed, _numbers(body) - allowed


def test_requests_sentence_uses_the_checker_phrases() -> None:
    dataset = load_dataset(SCJG)
    t = dataset.data.tables()
    text = text_of(OfflineDrafter().draft("overview", dataset).paragraphs)
    assert f"收到政府信息公开申请{t.get('t3.r1_new.total')}件" in text
    assert f"上年结转{t.get('t3.r2_carry_in.total')}件" in text
    assert f"办结{t.get('t3.r3_7_total.total')}件" in text
    assert f"结转下年度继续办理{t.get('t3.r4_carry_out.total')}件" in text
    assert f"行政复议{t.get('t4.rv.total')}件" in text
    litigation = t.get("t4.ld.total") + t.get("t4.lr.total")
    assert f"行政诉讼{litigation}件" in text


def test_nonzero_requests_and_cases_change_the_prose() -> None:
    raw = raw_xiaxian()
    raw["table3"]["r1_new"]["np"] = 4
    raw["table3"]["r2_carry_in"]["biz"] = 1
    raw["table3"]["r3_1_open"]["np"] = 3
    raw["table3"]["r3_4_1"]["biz"] = 1
    raw["table3"]["r4_carry_out"]["np"] = 1
    raw["table4"]["ld"]["fix"] = 2
    text = text_of(OfflineDrafter().draft("overview", make_dataset(raw)).paragraphs)
    assert "收到政府信息公开申请4件，上年结转1件" in text
    assert "办结4件，其中予以公开3件、无法提供1件；结转下年度继续办理1件" in text
    assert "未收到政府信息公开申请" not in text
    assert "未发生政府信息公开行政复议案件" in text
    assert "行政诉讼2件（结果纠正2件）" in text


def test_publications_per_channel_and_column_and_events() -> None:
    aggregates = {
        "publications.total": 50,
        "publications.channel:政府网站": 30,
        "publications.channel:政府网站.column:工作动态": 20,
        "publications.channel:政府网站.column:政策文件": 10,
        "publications.channel:微信公众号": 20,
        "events.total": 3,
        "events.kind:培训": 2,
        "events.kind:培训.participants": 60,
        "events.kind:政策解读": 1,
    }
    draft = OfflineDrafter().draft("overview", make_dataset(raw_xiaxian(), aggregates))
    text = text_of(draft.paragraphs)
    assert "共发布信息50条" in text
    assert "在政府网站发布信息30条（工作动态20条、政策文件10条）" in text
    assert "在微信公众号发布信息20条" in text
    assert "开展政策解读1次" in text
    assert "组织政务公开业务培训2次（共60人次参加）" in text


def test_missing_notes_use_generic_text_and_are_reported() -> None:
    raw = raw_xiaxian()
    raw["notes"] = {}
    raw["problems"] = []
    raw["measures"] = []
    dataset = make_dataset(raw)
    overview = OfflineDrafter().draft("overview", dataset)
    assert overview.provenance["generic_topics"] == [
        "（一）主动公开情况",
        "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况",
        "（五）监督保障情况",
    ]
    paras = overview.paragraphs
    for i, p in enumerate(paras[:-1]):
        if p.kind == "subheading" and p.text in overview.provenance["generic_topics"]:
            generic = paras[i + 1].text
            assert generic.startswith("我局") and not re.search(r"\d", generic)  # states no figure
    problems = OfflineDrafter().draft("problems", dataset)
    assert problems.provenance["generic_topics"] == ["存在的主要问题", "改进措施"]


def test_problems_section_numbers_its_parts() -> None:
    raw = raw_xiaxian()
    raw.pop("previous_problems", None)  # the example has last year's problem; this test adds its own
    draft = OfflineDrafter().draft("problems", make_dataset(raw))
    assert [p.text for p in draft.paragraphs if p.kind == "subheading"] == ["（一）存在的主要问题", "（二）改进措施"]
    text = text_of(draft.paragraphs)
    assert "一是政府信息还存在发布不及时的问题" in text and "二是已公开的信息" in text
    assert "1.加大巩固衔接信息整理发布。" in text

    raw["previous_problems"] = [{"problem": "栏目更新不及时。", "rectification": "已明确更新时限"}]
    draft = OfflineDrafter().draft("problems", make_dataset(raw))
    subs = [p.text for p in draft.paragraphs if p.kind == "subheading"]
    assert subs == ["（一）上年度问题整改情况", "（二）存在的主要问题", "（三）改进措施"]
    assert "针对上年度报告提出的“栏目更新不及时”问题，已明确更新时限。" in text_of(draft.paragraphs)


def test_templates_are_strict() -> None:
    with pytest.raises(jinja2.UndefinedError):
        render_text("other.j2", {"year": 2023})


def test_split_paragraphs_convention() -> None:
    paras = split_paragraphs("### （一）标题\n\n第一行\n  接续。\n\n\n第二段。\n")
    assert [(p.kind, p.text) for p in paras] == [
        ("subheading", "（一）标题"),
        ("text", "第一行接续。"),
        ("text", "第二段。"),
    ]


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("夏县乡村振兴局", "部门", "我局"),
        ("某市发展和改革委员会", "部门", "我委"),
        ("某县人民政府办公室", "部门", "我办"),
        ("淮安市人民政府", "人民政府", "我市"),
        ("洪泽区人民政府", "人民政府", "我区"),
        ("某某中心", "部门", "我中心"),
        ("某某", "部门", "本机关"),
    ],
)
def test_self_reference(name: str, kind: str, expected: str) -> None:
    assert facts.self_reference(Agency(name=name, kind=kind)) == expected


def test_formatting_helpers() -> None:
    import datetime as dt

    assert facts.fmt_date(dt.date(2024, 1, 8)) == "2024年1月8日"
    assert facts.fmt_num(3.0) == "3" and facts.fmt_num(12.5) == "12.5" and facts.fmt_num(7) == "7"
    assert facts.sentence("坚持“一事一审”") == "坚持“一事一审”。"
    assert facts.sentence("已完成。”") == "已完成。”"
    assert facts.enumerate_points(["甲。", "乙"]) == "一是甲；二是乙。"


def test_missing_content_is_reported_for_governments_and_previous_problems() -> None:
    raw = raw_xiaxian()
    raw.pop("previous_problems", None)
    raw["agency"] = {"name": "夏县人民政府", "kind": "人民政府"}
    raw["notes"]["supervision"] = ["将政务公开纳入年度绩效考核"]
    dataset = make_dataset(raw)
    overview = OfflineDrafter().draft("overview", dataset)
    assert overview.provenance["missing_content"] == [
        "（五）监督保障情况中的社会评议、责任追究结果情况（人民政府年报应当包括）"
    ]
    assert OfflineDrafter().draft("problems", dataset).provenance["missing_content"]
    raw["notes"]["supervision"] = ["开展工作考核和社会评议，全年未发生责任追究情况"]
    raw["previous_problems"] = [{"problem": "甲", "rectification": "乙"}]
    dataset = make_dataset(raw)
    assert OfflineDrafter().draft("overview", dataset).provenance["missing_content"] == []
    assert OfflineDrafter().draft("problems", dataset).provenance["missing_content"] == []


def test_carry_in_only_and_review_only() -> None:
    raw = raw_xiaxian()
    raw["table3"]["r2_carry_in"]["np"] = 2
    raw["table3"]["r3_1_open"]["np"] = 1
    raw["table3"]["r4_carry_out"]["np"] = 1
    raw["table4"]["rv"]["keep"] = 1
    raw["table4"]["rv"]["pending"] = 1
    text = text_of(OfflineDrafter().draft("overview", make_dataset(raw)).paragraphs)
    assert "全年未收到新的政府信息公开申请，上年结转2件。" in text
    assert "全年办结1件，其中予以公开1件；结转下年度继续办理1件。" in text
    assert "行政复议2件（结果维持1件、尚未审结1件）；未发生政府信息公开行政诉讼案件。" in text


@pytest.mark.parametrize(
    ("aggregates", "expected"),
    [
        (
            {"publications.total": 12, "publications.channel:政府网站": 12},
            "在政府网站发布信息12条。",
        ),
        (
            {
                "publications.total": 12,
                "publications.channel:政府网站": 12,
                "publications.channel:政府网站.column:通知公告": 5,
                "publications.channel:政府网站.column:工作动态": 7,
            },
            "在政府网站发布信息12条，其中工作动态7条、通知公告5条。",
        ),
    ],
)
def test_single_channel_phrasing(aggregates: dict[str, int], expected: str) -> None:
    text = text_of(OfflineDrafter().draft("overview", make_dataset(raw_xiaxian(), aggregates)).paragraphs)
    assert expected in text


def test_numbering_typed_by_the_user_is_not_doubled() -> None:
    raw = raw_xiaxian()
    raw["notes"]["lead"] = ["严格落实《中华人民共和国政府信息公开条例》"]
    raw["notes"]["platforms"] = ["1.建强宣传阵地，夯实政务网站作为政务公开第一平台", "（2）完善信息模块，对部门概况、政策文件、工作动态等栏目进行完善"]
    raw["problems"] = ["一是发布不及时", "2、公开深度不够"]
    raw["measures"] = ["（一）加强审核。做好发布前审核", "2.加强培训"]
    dataset = make_dataset(raw)
    overview = text_of(OfflineDrafter().draft("overview", dataset).paragraphs)
    assert "1.建强宣传阵地" in overview and "2.完善信息模块" in overview and "1.1." not in overview
    assert overview.count("条例》") == 1  # cited once, by the short name the standard preface defines
    assert "《中华人民共和国政府信息公开条例》" not in overview
    problems = text_of(OfflineDrafter().draft("problems", dataset).paragraphs)
    assert "一是发布不及时；二是公开深度不够。" in problems
    assert "1.加强审核。做好发布前审核。" in problems and "2.加强培训。" in problems


def test_channels_follow_the_agencys_platforms_not_the_counts() -> None:
    """政府网站 first (the first platform), then the platforms in the order the agency's notes name
    them, whatever the counts; a channel the notes do not name comes after, in data order."""
    raw = raw_xiaxian()
    raw["notes"]["platforms"] = ["政务微博“夏县发布”与微信公众号同步推送", "微信公众号开设政策解读栏目"]
    aggregates = {
        "publications.channel:公开栏": 90,
        "publications.channel:微信公众号": 80,
        "publications.channel:政务微博": 70,
        "publications.channel:夏县人民政府门户网站": 5,
    }
    text = text_of(OfflineDrafter().draft("overview", make_dataset(raw, aggregates)).paragraphs)
    assert "通过夏县人民政府门户网站、政务微博、微信公众号、公开栏等渠道共发布信息245条" in text
    order = [text.index(f"在{name}发布") for name in ("夏县人民政府门户网站", "政务微博", "微信公众号", "公开栏")]
    assert order == sorted(order)


def test_notes_on_requests_read_as_prose_never_numbered() -> None:
    raw = raw_xiaxian()
    long_notes = [
        "严格按照法定时限答复，本年办结的申请均在法定期限内作出答复，未发生逾期答复的情况",
        "对不予公开的申请逐一说明理由和法律依据，并告知申请人依法享有的救济途径和期限",
    ]
    raw["notes"]["on_request"] = long_notes
    raw["notes"]["management"] = long_notes  # the same notes elsewhere are still numbered items
    paragraphs = OfflineDrafter().draft("overview", make_dataset(raw)).paragraphs
    texts = [p.text for p in paragraphs]
    start = texts.index("（二）依申请公开情况")
    section = texts[start + 1 : texts.index("（三）政府信息管理情况")]
    assert not any(re.match(r"^\d+[.．、]", t) for t in section)
    assert section[-1] == f"我局{long_notes[0]}。{long_notes[1]}。"
    management = texts[texts.index("（三）政府信息管理情况") + 1 :]
    assert management[0].startswith("1.")
