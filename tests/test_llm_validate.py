"""Answers that are not report text (English, the prompt echoed, far too long) are never kept."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, load_make_cassettes
from draft_report.config import resolve_config
from draft_report.drafting.llm import prompts as P
from draft_report.drafting.llm.drafter import LLMDrafter
from draft_report.drafting.llm.local_server import LocalChatServer, Reply, completion_body
from draft_report.drafting.llm.notes import own_words as _source_text
from draft_report.drafting.llm.validate import answer_limit, instruction_sentences, reject_reason
from draft_report.loading import load_dataset

M = load_make_cassettes()
ENGLISH = (
    "（一）主动公开情况\nThe bureau published 96 items of information this year through its website.\n"
    "（二）依申请公开情况\nIt received 18 requests and answered all of them within the legal time limit.\n"
    "（三）政府信息管理情况\nDocuments were reviewed.\n（四）政府信息公开平台建设情况\nThe website was improved.\n"
    "（五）监督保障情况\nTraining was held for staff."
)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(EXAMPLES / "scjg-2024")


def _drafter(server: LocalChatServer) -> LLMDrafter:
    return LLMDrafter(resolve_config({"base_url": server.base_url, "model": "m"}, env={}), sleep=lambda s: None)


def _echo(dataset) -> str:
    messages = P.section_messages("overview", dataset).messages
    return messages[0]["content"] + "\n" + messages[1]["content"]


def test_reasons(dataset) -> None:
    messages = P.section_messages("overview", dataset).messages
    own = _source_text(dataset)
    heads = P.expected_subheadings("overview", dataset)
    instructions = instruction_sentences([m["content"] for m in messages], own, heads)
    assert reject_reason(M.OVERVIEW, limit=answer_limit(900), instructions=instructions) is None
    assert reject_reason(ENGLISH, limit=5000) == "回答主要不是中文"
    assert "复述了提示词" in (reject_reason(_echo(dataset), limit=10**6, instructions=instructions) or "")
    assert "回答过长" in (reject_reason(M.OVERVIEW * 6, limit=answer_limit(900), instructions=instructions) or "")
    # the notes themselves are the agency's words: a draft that quotes them is not an echo
    quoting = "\n".join(f"{h}\n{n}" for h, n in zip(heads, own.splitlines(), strict=False))
    assert reject_reason(quoting, limit=10**6, instructions=instructions) is None


@pytest.mark.parametrize("kind", ["english", "echo", "long"])
def test_non_report_answers_are_retried_then_replaced_by_the_template(dataset, kind: str) -> None:
    bad = {"english": ENGLISH, "echo": _echo(dataset), "long": "本年度" + "认真贯彻落实条例，" * 400_000}[kind]
    with LocalChatServer(lambda body: Reply(body=completion_body(bad))) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    assert len(server.requests) == 3  # asked, then asked twice again
    assert draft.provenance["backend"] == "offline"
    assert "已改用内置模板起草" in drafter.notices[0]
    text = "\n".join(p.text for p in draft.paragraphs)
    assert "published" not in text and "写作要求" not in text and len(text) < 5000


def test_a_good_answer_after_a_bad_one_is_kept(dataset) -> None:
    answers = [ENGLISH, M.OVERVIEW]
    with LocalChatServer(lambda body: Reply(body=completion_body(answers.pop(0)))) as server:
        drafter = _drafter(server)
        draft = drafter.draft("overview", dataset)
    assert draft.provenance["backend"] == "llm" and draft.provenance["token_usage"]["rejected"] == 1
    assert drafter.rejections == ["“一、总体情况”回答主要不是中文"]
