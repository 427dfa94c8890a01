"""LLMDrafter behaviour that the cassettes do not show: empty answers, structure repair, fatal errors,
and the inline 【待核实】 marks."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, load_make_cassettes
from draft_report.checking import check_prose
from draft_report.checking.claims import extract_claims
from draft_report.config import resolve_config
from draft_report.drafting.llm.drafter import LLMDrafter
from draft_report.drafting.llm.local_server import LocalChatServer, Reply, completion_body
from draft_report.drafting.llm.repair import MARK_OPEN, describe_finding, mark_unresolved
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


def test_marks_sit_after_the_wrong_number_and_are_not_new_claims(dataset) -> None:
    paragraphs = [
        Paragraph(text="（二）依申请公开情况", kind="subheading"),
        Paragraph(text="全年新收政府信息公开申请17件，上年结转2件，办结18件。"),
    ]
    findings = check_prose("overview", paragraphs, dataset)
    errors = [f for f in findings if f.severity == "error"]
    assert len(errors) == 1
    marked, unresolved = mark_unresolved("overview", paragraphs, errors)
    text = marked[1].text
    assert text.startswith("全年新收政府信息公开申请17件【待核实：与数据不符，数据为18】，上年结转2件")
    assert len(unresolved) == 1 and unresolved[0].actual == "17" and unresolved[0].expected == "18"
    marker = text[text.index(MARK_OPEN) : text.index("】") + 1]
    assert extract_claims(marker) == []  # the mark adds no figure for the checker to misread
    assert "17件" in describe_finding(errors[0]) and "18" in describe_finding(errors[0])
    # marking twice does not stack marks
    again, _ = mark_unresolved("overview", marked, errors)
    assert again[1].text.count(MARK_OPEN) == 1


def test_unlocatable_finding_is_still_marked() -> None:
    class Finding:
        severity = "error"
        message = "合计与数据不符"
        expected = 5
        actual = 99
        rule = "prose.mismatch"
        location = None

    marked, unresolved = mark_unresolved(
        "problems", [Paragraph(text="甲。"), Paragraph(text="乙。")], [Finding()]
    )
    assert marked[-1].text == "乙。【待核实：与数据不符，数据为5】" and len(unresolved) == 1


def test_invented_number_is_sent_back_then_marked(dataset) -> None:
    invented = M.OVERVIEW.replace("本年度未发生", "全年接待群众咨询35人次。本年度未发生")
    with LocalChatServer(_script(invented, invented, invented)) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    repair_prompt = server.requests[1].body["messages"][1]["content"]
    assert "“35人次”在数据表和工作要点中都找不到" in repair_prompt
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "35人次【待核实：无法与数据核对，请核实】" in text
    assert [u.rule for u in drafter.unresolved] == ["llm.invented_number"]


def test_numbers_from_the_notes_are_not_inventions(dataset) -> None:
    from draft_report.drafting.llm.drafter import invented_numbers

    paragraphs = [Paragraph(text="所有申请均在20个工作日内办结，行政许可决定自作出之日起7个工作日内公示。")]
    assert invented_numbers(paragraphs, dataset) == []
    assert [f["actual"] for f in invented_numbers([Paragraph(text="共发放宣传册500份。")], dataset)] == [
        "500"
    ]


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
    assert drafter.unresolved == [] and drafter.notices == []
    assert "kept_previous_draft" not in draft.provenance and draft.provenance["repair_rounds"] == 2
    assert draft.provenance["checks"][1]["kept_previous_draft"] is True
