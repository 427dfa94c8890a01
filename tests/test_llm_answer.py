"""Answer cleaning: reasoning blocks, fences, Markdown, punctuation, sub-headings."""

from __future__ import annotations

from draft_report.drafting.llm.answer import (
    clean_answer,
    normalise_punctuation,
    split_paragraphs,
    strip_reasoning,
    structure_problems,
)
from draft_report.sections import OVERVIEW_TOPICS

HEADINGS = [t.heading for t in OVERVIEW_TOPICS]


def test_reasoning_blocks_are_removed() -> None:
    assert strip_reasoning("<think>先算一下：12件</think>正文。") == "正文。"
    assert strip_reasoning("思考过程……</think>\n正文。").strip() == "正文。"  # opening tag eaten by server
    assert strip_reasoning("正文。<think>没想完") == "正文。"
    assert strip_reasoning("<THINKING>x</THINKING>a") == "a"


def test_fences_markdown_and_bullets_are_removed() -> None:
    raw = (
        "以下是起草内容：\n```markdown\n## 一、总体情况\n**（一）主动公开情况**\n- 本年度公开信息 30 条.\n```"
    )
    cleaned = clean_answer(raw)
    assert "```" not in cleaned and "#" not in cleaned and "**" not in cleaned
    assert "（一）主动公开情况" in cleaned.splitlines()
    assert "本年度公开信息30条。" in cleaned.splitlines()


def test_punctuation_is_normalised_in_chinese_context_only() -> None:
    text = '本年度收到申请12件,办结10件;增长3.5%.详见(附表).推行"放管服"改革 收到 12 件.'
    assert (
        normalise_punctuation(text)
        == "本年度收到申请12件，办结10件；增长3.5%。详见（附表）。推行“放管服”改革收到12件。"
    )
    assert (
        normalise_punctuation("共1,234条，网址www.a.gov.cn，时间10:30")
        == "共1,234条，网址www.a.gov.cn，时间10:30"
    )


def test_subheadings_are_recognised_in_variant_forms() -> None:
    text = "一、总体情况\n总述段落。\n(一)主动公开情况\n正文甲。\n（二）依申请公开情况：正文乙。\n（三）政府信息管理情况。\n正文丙。"
    paragraphs = split_paragraphs(clean_answer(text), HEADINGS, "一、总体情况")
    kinds = [(p.kind, p.text) for p in paragraphs]
    assert kinds[:3] == [("text", "总述段落。"), ("subheading", "（一）主动公开情况"), ("text", "正文甲。")]
    assert ("subheading", "（二）依申请公开情况") in kinds and ("text", "正文乙。") in kinds
    assert ("subheading", "（三）政府信息管理情况") in kinds
    assert all(p.text != "一、总体情况" for p in paragraphs)


def test_structure_problems_name_what_is_missing() -> None:
    text = "（一）主动公开情况\n甲。\n（三）政府信息管理情况\n（二）依申请公开情况\n乙。"
    paragraphs = split_paragraphs(text, HEADINGS)
    problems = structure_problems(paragraphs, HEADINGS)
    assert any("缺少小标题" in p and "（四）政府信息公开平台建设情况" in p for p in problems)
    assert any("（三）政府信息管理情况”下没有正文" in p for p in problems)
    full = "\n".join(f"{h}\n正文。" for h in HEADINGS)
    assert structure_problems(split_paragraphs(full, HEADINGS), HEADINGS) == []
    swapped = "\n".join(f"{h}\n正文。" for h in reversed(HEADINGS))
    assert any("顺序" in p for p in structure_problems(split_paragraphs(swapped, HEADINGS), HEADINGS))
    english = full + "\nHere is the revised section."
    assert any("英文" in p for p in structure_problems(split_paragraphs(english, HEADINGS), HEADINGS))


def test_subheading_variants_of_real_reports_are_normalised() -> None:
    text = (
        "总述。\n（一）主动公开政府信息情况\n甲。\n（二）依申请公开政府信息情况\n乙。\n（三）政府信息管理情况\n丙。\n"
        "（四）平台建设情况\n丁。\n（五）政府信息公开监督保障情况。将政务公开纳入考核。"
    )
    paragraphs = split_paragraphs(clean_answer(text), HEADINGS)
    assert [p.text for p in paragraphs if p.kind == "subheading"] == HEADINGS
    assert ("text", "将政务公开纳入考核。") in [(p.kind, p.text) for p in paragraphs]
    assert structure_problems(paragraphs, HEADINGS) == []
    problems = ["（一）上年度问题整改情况", "（二）存在的主要问题", "（三）改进措施"]
    variants = "（一）上年度报告问题整改情况\n甲。\n（二）存在问题\n乙。\n（三）改进措施情况\n丙。"
    assert [p.text for p in split_paragraphs(variants, problems) if p.kind == "subheading"] == problems


def test_body_lines_and_other_ordinals_are_not_headings() -> None:
    text = "（一）主动公开情况\n本年度主动公开情况良好。\n（二）监督保障情况\n乙。"
    paragraphs = split_paragraphs(text, HEADINGS)
    heads = [p.text for p in paragraphs if p.kind == "subheading"]
    # the same wording under another number is still that sub-heading (the order check flags it);
    # a different subject under the same number is never taken for it
    assert heads == ["（一）主动公开情况", "（五）监督保障情况"]
    assert "本年度主动公开情况良好。" in [p.text for p in paragraphs]
