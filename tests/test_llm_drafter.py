"""LLMDrafter behaviour that the cassettes do not show: empty answers, structure repair, fatal errors,
and the inline 【待核实】 marks."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES, load_make_cassettes
from draft_report.checking.claims import extract_claims
from draft_report.config import resolve_config
from draft_report.drafting.llm.draft_claims import section_claims
from draft_report.drafting.llm.drafter import LLMDrafter
from draft_report.drafting.llm.local_server import LocalChatServer, Reply, completion_body
from draft_report.drafting.llm.repair import MARK_OPEN, count_marks, describe_issue, mark_issues
from draft_report.loading import load_dataset
from draft_report.models.document import Paragraph

M = load_make_cassettes()


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(EXAMPLES / "scjg-2024")


def _drafter(server: LocalChatServer) -> LLMDrafter:
    return LLMDrafter(
        resolve_config({"base_url": server.base_url, "model": "m"}, env={}), sleep=lambda s: None
    )


def _script(*contents: str | Reply):
    queue = list(contents)

    def respond(body: dict) -> Reply:
        item = queue.pop(0)
        return item if isinstance(item, Reply) else Reply(body=completion_body(item))

    return respond


def test_empty_answer_is_asked_again(dataset) -> None:
    with LocalChatServer(_script("", "<think>只有思考</think>", M.OVERVIEW)) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    assert draft.provenance["backend"] == "llm" and draft.provenance["token_usage"]["empty"] == 2
    assert len(server.requests) == 3 and server.requests[0].body == server.requests[2].body


def test_missing_subheading_is_repaired(dataset) -> None:
    broken = M.OVERVIEW.replace("（四）政府信息公开平台建设情况\n", "")
    with LocalChatServer(_script(broken, M.OVERVIEW)) as server:
        draft = _drafter(server).draft("overview", dataset)
    assert "缺少小标题：（四）政府信息公开平台建设情况" in server.requests[1].body["messages"][1]["content"]
    assert "（四）政府信息公开平台建设情况" in [p.text for p in draft.paragraphs if p.kind == "subheading"]
    assert draft.provenance["repair_rounds"] == 1


def test_structure_still_broken_falls_back(dataset) -> None:
    broken = M.OVERVIEW.replace("（四）政府信息公开平台建设情况\n", "")
    with LocalChatServer(_script(broken, broken, broken)) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    assert draft.provenance["backend"] == "offline"
    assert "小标题" in drafter.notices[0] and "已改用内置模板起草" in drafter.notices[0]


def test_bad_key_stops_calling_the_endpoint(dataset) -> None:
    with LocalChatServer(_script(Reply(401, {"error": {"message": "invalid key"}}))) as server:
        drafter = _drafter(server)
        first = drafter.draft("overview", dataset)
        second = drafter.draft("problems", dataset)
    assert len(server.requests) == 1
    assert first.provenance["backend"] == second.provenance["backend"] == "offline"
    assert len(drafter.notices) == 2 and all("401" in n for n in drafter.notices)


def _issues(dataset, *texts: str):
    paragraphs = [Paragraph(text=t) for t in texts]
    return paragraphs, section_claims(paragraphs, dataset, "overview").issues


def test_marks_sit_right_after_the_wrong_span_one_per_issue(dataset) -> None:
    paragraphs, issues = _issues(
        dataset,
        "全年新收政府信息公开申请18件，上年结转政府信息公开申请18件，办理完毕18件。",  # 2nd 18 is wrong (2)
        "全年发布信息40余条，开设账号3个，按时办结率为90%。",
    )
    marked, unresolved = mark_issues("overview", paragraphs, issues)
    first = marked[0].text
    # the mark is on the second 18 (the wrong one), not the first occurrence of the value
    assert first.startswith("全年新收政府信息公开申请18件，上年结转政府信息公开申请18件【待核实：与数据不符，数据为2】，")
    second = marked[1].text
    assert "40余条【待核实：" in second and "40【待核实" not in second  # after 余 and the measure word
    assert "3个【待核实：" in second and "90%【待核实：" in second
    assert count_marks(marked) == len(unresolved) == len(issues) == 4
    for p in marked:  # a mark adds no figure for the checker to misread
        for mark in re.findall(r"【待核实：[^】]*】", p.text):
            assert extract_claims(mark) == []


def test_repair_lines_name_a_value_only_for_an_unambiguous_mismatch(dataset) -> None:
    paragraphs, issues = _issues(
        dataset,
        "全年新收政府信息公开申请17件。全年作出行政许可和行政处罚决定共1433件。全年发布信息40余条。",
        "行政许可、行政处罚决定自作出之日起5个工作日内公示，开设账号3个。",
    )
    lines = {i.kind: describe_issue(paragraphs, i) for i in issues}
    assert "请改为18。" in lines["mismatch"] and "申请17件" in lines["mismatch"]
    assert all("1433件" not in i.text for i in issues)  # a true derived total (许可 + 处罚) is no issue
    assert "7个工作日" in lines["note_mismatch"]  # the notes' own words, not any digit
    assert "改为" not in lines["unbound"] and "删去" in lines["unbound"]
    assert "改为" not in lines["ambiguous"] and "40余条" in lines["ambiguous"]  # an approximation far off


def test_figures_from_the_notes_count_only_with_their_own_words(dataset) -> None:
    _, issues = _issues(dataset, "行政许可、行政处罚决定自作出之日起7个工作日内在政府网站公示，废止1件，清理后现行有效9件。")
    assert issues == []
    _, issues = _issues(dataset, "共发放宣传册500份，开设账号3个。")
    assert [i.kind for i in issues] == ["unbound", "unbound"]
    _, issues = _issues(dataset, "2024年3月15日印发《实施方案》（云市监〔2024〕12号），同比增长20%。")
    assert {i.kind for i in issues} >= {"date", "doc_number", "comparison"}


def test_invented_number_is_sent_back_then_marked(dataset) -> None:
    invented = M.OVERVIEW.replace("本年度未发生", "全年接待群众咨询35人次。本年度未发生")
    with LocalChatServer(_script(invented, invented, invented)) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    repair_prompt = server.requests[1].body["messages"][1]["content"]
    assert "“35人次”在数据表和工作要点中都找不到" in repair_prompt and "改为" not in repair_prompt.split("原稿：")[0].split("规则：")[0].split("数据表（")[0]
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "35人次【待核实：无法与数据核对，请核实】" in text
    assert [u.rule for u in drafter.unresolved] == ["llm.invented_number"]
    assert count_marks(draft.paragraphs) == len(drafter.unresolved)


def test_a_repair_that_turns_a_true_number_false_is_undone(dataset) -> None:
    """The derived total 1433 (许可 1286 + 处罚 147) is true; a model that 'fixes' it to 147 while
    repairing the real mistake (17 → 18) has its change undone, and the reviewer is told."""
    derived = M.OVERVIEW.replace("全年作出行政许可决定1286件、行政处罚决定147件", "全年作出行政许可和行政处罚决定共1433件")
    first = derived.replace("新收政府信息公开申请18件", "新收政府信息公开申请17件")
    corrupted = derived.replace("共1433件", "共147件")  # fixes 17 → 18 and breaks 1433
    with LocalChatServer(_script(first, corrupted, corrupted)) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "共1433件" in text and "共147件" not in text
    changes = draft.provenance["number_changes"]
    assert any(c["before"] == "1433件" and c["after"] == "147件" and c["undone"] for c in changes)
    assert any("已撤销" in n and "1433件" in n for n in drafter.notices)
    assert count_marks(draft.paragraphs) == len(drafter.unresolved)


def test_every_number_a_repair_changed_is_listed(dataset) -> None:
    with LocalChatServer(_script(M.OVERVIEW_WRONG, M.OVERVIEW)) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    assert [(c["before"], c["after"], c["undone"]) for c in draft.provenance["number_changes"]] == [
        ("17件", "18件", False)
    ]
    assert any("“17件”改为“18件”" in n for n in drafter.notices)


def test_truncated_answer_is_asked_again_with_more_room(dataset) -> None:
    cut = Reply(body=completion_body(M.OVERVIEW[:80], finish_reason="length", completion_tokens=3000))
    with LocalChatServer(_script(cut, M.OVERVIEW)) as server:
        draft = _drafter(server).draft("overview", dataset)
    assert "max_tokens" not in server.requests[0].body
    assert server.requests[1].body["max_tokens"] == 6000
    assert server.requests[1].body["messages"] == server.requests[0].body["messages"]
    assert draft.provenance["backend"] == "llm" and draft.provenance["token_usage"]["truncated"] == 1


# --- an unusable repair answer keeps the previous draft (marked), not the offline section ------------

BROKEN_WRONG = M.OVERVIEW_WRONG.replace("（四）政府信息公开平台建设情况\n", "")


def _kept_and_marked(drafter: LLMDrafter, draft) -> None:
    assert draft.provenance["backend"] == "llm"
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "申请17件【待核实：与数据不符，数据为18】" in text  # the first draft, its wrong number marked
    assert "（四）政府信息公开平台建设情况" in [p.text for p in draft.paragraphs if p.kind == "subheading"]
    assert [u.actual for u in drafter.unresolved] == ["17"]
    assert draft.provenance["kept_previous_draft"] and "已保留上一稿" in drafter.notices[-1]
    assert "已改用内置模板" not in " ".join(drafter.notices)


def test_repair_answer_without_subheadings_keeps_the_previous_draft(dataset) -> None:
    with LocalChatServer(_script(M.OVERVIEW_WRONG, BROKEN_WRONG, "好的，已按要求修改。")) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    _kept_and_marked(drafter, draft)
    assert len(server.requests) == 3
    # the second repair request is built from the kept draft, not from the broken answer
    assert server.requests[2].body == server.requests[1].body
    assert "缺少小标题" in " ".join(draft.provenance["kept_previous_draft"])


def test_empty_repair_answers_keep_the_previous_draft(dataset) -> None:
    with LocalChatServer(_script(M.OVERVIEW_WRONG, "", "", "")) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    _kept_and_marked(drafter, draft)
    assert len(server.requests) == 4 and draft.provenance["token_usage"]["empty"] == 3
    assert "回答为空" in drafter.notices[-1]


def test_failed_repair_call_keeps_the_previous_draft(dataset) -> None:
    error = Reply(500, {"error": {"message": "internal"}})
    with LocalChatServer(_script(M.OVERVIEW_WRONG, error, error, error, error)) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    _kept_and_marked(drafter, draft)
    assert len(server.requests) == 5 and "500" in drafter.notices[-1]


def test_a_later_usable_repair_answer_wins(dataset) -> None:
    with LocalChatServer(_script(M.OVERVIEW_WRONG, BROKEN_WRONG, M.OVERVIEW)) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "申请18件" in text and MARK_OPEN not in text
    assert drafter.unresolved == [] and drafter.notices == ["“一、总体情况”经模型修改的数字（请核对）：“17件”改为“18件”"]
    assert "kept_previous_draft" not in draft.provenance and draft.provenance["repair_rounds"] == 2
    assert draft.provenance["checks"][1]["kept_previous_draft"] is True
