"""Prompt files: rendered snapshots, every file used, strict rendering.

Snapshots live in ``tests/snapshots/prompts/``. After an intended prompt change, refresh them with
``UPDATE_PROMPT_SNAPSHOTS=1 python -m pytest tests/test_prompts.py`` and review the diff (then
regenerate the cassettes: ``python cassettes/make_cassettes.py``).
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from conftest import ROOT, write_llm_dataset
from draft_report.drafting.llm import prompts as P
from draft_report.loading import load_dataset

SNAPSHOTS = ROOT / "tests" / "snapshots" / "prompts"
UPDATE = os.environ.get("UPDATE_PROMPT_SNAPSHOTS") == "1"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory):
    return load_dataset(write_llm_dataset(tmp_path_factory.mktemp("llmdata")))


def _rendered(dataset) -> dict[str, P.RenderedPrompt]:
    return {
        "overview": P.section_messages("overview", dataset),
        "problems": P.section_messages("problems", dataset),
        "repair": P.repair_messages(
            "overview",
            dataset,
            "（一）主动公开情况\n本年度主动公开政府信息41条。",
            ["“本年度主动公开政府信息41条”与数据不符：数据为 42"],
        ),
    }


def _as_text(prompt: P.RenderedPrompt) -> str:
    return "".join(f"=== {m['role']} ===\n{m['content']}" for m in prompt.messages)


@pytest.mark.parametrize("name", ["overview", "problems", "repair"])
def test_rendered_prompt_matches_snapshot(dataset, name: str) -> None:
    text = _as_text(_rendered(dataset)[name])
    path = SNAPSHOTS / f"{name}.txt"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"missing snapshot {path}; run with UPDATE_PROMPT_SNAPSHOTS=1 to create it")
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"prompt {name} changed; see tests/test_prompts.py docstring"
    )


def test_every_prompt_file_is_used(dataset) -> None:
    used: set[str] = set()
    for prompt in _rendered(dataset).values():
        used.update(prompt.templates)
    files = {p.name for p in (ROOT / "prompts").glob("*.j2")}
    assert files, "no prompt files found"
    assert files == used, f"unused prompt files: {sorted(files - used)}; unknown: {sorted(used - files)}"


def test_facts_sheet_lists_every_figure_with_its_label(dataset) -> None:
    from draft_report.checking.claim_check import check_claims

    user = P.section_messages("overview", dataset).messages[1]["content"]
    sheet = P.facts_sheet(dataset)
    for fact in sheet:
        if fact.value:
            assert f"- {fact.label}：" in user
        assert "合计）" not in fact.label and "（次数）" not in fact.label  # no internal notes
    assert "- 本年新收政府信息公开申请：5件" in user
    # every label reads back, in prose, as its own data item with the right value
    for fact in sheet:
        if fact.under:
            continue
        checks = check_claims(f"{fact.label}{fact.text.split('：', 1)[1]}。", dataset)
        assert checks and checks[-1].verdict == "agrees", fact
    # zeros are grouped into one line with the wording to use, never listed as “0件”
    zero_line = next(line for line in user.splitlines() if line.startswith("全年为零的事项"))
    assert "未发生" in zero_line and "：0" not in user
    system = P.section_messages("overview", dataset).messages[0]["content"]
    assert "不写“作为人工智能”" in system
    for heading in ("一、总体情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert heading in system
    for rule in ("不用 Markdown", "不出现英文", "照抄", "同比", "文号", "紧跟"):
        assert rule in user
    assert "全文约" in user and "写法示例" in user


def test_problems_prompt_carries_previous_year_and_measures(dataset) -> None:
    user = P.section_messages("problems", dataset).messages[1]["content"]
    assert "公开内容不够全面" in user and "补充公开衔接资金项目信息" in user
    assert "采用图解、问答等形式开展政策解读" in user
    assert P.expected_subheadings("problems", dataset) == [
        "（一）上年度问题整改情况",
        "（二）存在的主要问题",
        "（三）改进措施",
    ]


def test_repair_prompt_carries_notes_and_rules_itself(dataset) -> None:
    repair = P.repair_messages("overview", dataset, "原稿一句。", ["问题甲"])
    assert [m["role"] for m in repair.messages] == ["system", "user"]
    user = repair.messages[1]["content"]
    assert "原稿一句。" in user and "1. 问题甲" in user
    assert "工作要点" in user and "规则：" in user and "同前" not in user
    assert "数据表（" in user


def test_template_hash_changes_with_the_prompt_files(dataset) -> None:
    a = P.section_messages("overview", dataset)
    b = P.section_messages("problems", dataset)
    assert a.template_hash != b.template_hash
    assert a.template_hash == P.templates_hash(a.templates)


def test_prompts_are_strict(tmp_path: Path) -> None:
    env = P.prompt_env()
    assert env.undefined is jinja2.StrictUndefined and not env.autoescape
    with pytest.raises(jinja2.UndefinedError):
        env.get_template("_facts_sheet.j2").render({"facts": []})  # year missing
