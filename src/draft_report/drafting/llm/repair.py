"""What the repair loop tells the model about each issue, and how an unresolved one is marked.

An ``Issue`` (``draft_claims``) becomes one line of the repair prompt (``describe_issue``): the
exact words with the words around them, and what to do. Only an unambiguous disagreement with a
data item (``mismatch``) or a figure altered from the notes (``note_mismatch``) names the value to
write; an ambiguous or unbound number is to be restated with the facts sheet's label or dropped —
never “改为 Y”. When the rounds are used up, the draft is kept and each remaining issue gets one
inline 【待核实：…】 mark right after its span (after any 余/多 and the measure word), so the count of
marks equals the count of unresolved issues. A mark never quotes a number with a measure word, so
the checker does not read it as a new claim.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import Any

from draft_report.drafting.llm.draft_claims import Issue
from draft_report.models.document import Paragraph
from draft_report.records import dataclass

MARK_OPEN = "【待核实："
MARK_CLOSE = "】"
CONTEXT = 10  # characters quoted on each side of an issue's words


@dataclass(frozen=True)
class Unresolved:
    """An issue still there after the repair rounds (one line of the command's output)."""

    section: str
    excerpt: str
    message: str
    expected: str | None
    actual: str | None
    rule: str | None
    span: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def quoted(paragraphs: Sequence[Paragraph], issue: Issue) -> str:
    """The issue's words with up to ``CONTEXT`` characters around them, within its sentence."""
    text = paragraphs[issue.paragraph].text
    lo = max(0, issue.start - CONTEXT)
    hi = min(len(text), issue.end + CONTEXT)
    for stop in "。；！？\n":
        cut = text.rfind(stop, lo, issue.start)
        if cut >= 0:
            lo = max(lo, cut + 1)
        cut = text.find(stop, issue.end, hi)
        if cut >= 0:
            hi = min(hi, cut + 1)
    return text[lo:hi].strip()


def describe_issue(paragraphs: Sequence[Paragraph], issue: Issue) -> str:
    """One line of the repair prompt."""
    where = f"“{quoted(paragraphs, issue)}”中的“{issue.text}”"
    if issue.kind == "mismatch":
        return f"{where}：数据表中“{issue.label}”为{issue.expected}，请改为{issue.expected}。"
    if issue.kind == "note_mismatch":
        return f"{where}与工作要点不一致，要点原文为“{issue.note}”：请照抄要点原文。"
    if issue.kind == "ambiguous":
        maybe = f"（可能指{'、'.join(issue.candidates[:3])}）" if issue.candidates else ""
        return (f"{where}不能确定指数据表中的哪一项{maybe}：请改写这一句，把数字紧接在数据表中对应项目的名称之后；"
                "如果数据表中没有对应的项目，请删去这个数字。不要改动其他数字。")
    if issue.kind == "unbound":
        return (f"{where}在数据表和工作要点中都找不到：如果它就是数据表中的某一项，请用该项的名称重写这一句；"
                "否则请删去这个数字。")
    if issue.kind == "approx":
        return f"{where}是约数：请改写这一句，写出数据表中对应项目的名称和准确数字；数据表中没有的，删去这个数字。"
    if issue.kind in ("rate", "comparison"):
        what = "百分比" if issue.kind == "rate" else "与上年的比较"
        return f"{where}是{what}，数据表和工作要点中都没有：请删去这一说法。"
    if issue.kind in ("date", "doc_number"):
        what = "日期" if issue.kind == "date" else "文号"
        return f"{where}这个{what}在工作要点中没有：请删去。"
    return f"{where}中的数字在数据表和工作要点中都找不到出处：请删去，或照抄工作要点原文。"


def _marker(issue: Issue) -> str:
    if issue.kind == "mismatch" and issue.expected is not None:
        note = f"与数据不符，数据为{issue.expected}"
    elif issue.kind == "note_mismatch" and issue.expected is not None:
        note = f"与工作要点不符，要点为{issue.expected}"
    elif issue.kind == "approx":
        note = "约数，请核实准确数字"
    elif issue.kind in ("rate", "comparison", "date", "doc_number", "figure"):
        note = "数据和工作要点中均无此项，请核实"
    else:
        note = "无法与数据核对，请核实"
    return f"{MARK_OPEN}{note}{MARK_CLOSE}"


RULES = {
    "mismatch": "llm.mismatch", "note_mismatch": "llm.note_mismatch", "ambiguous": "llm.ambiguous",
    "unbound": "llm.invented_number", "approx": "llm.approx", "rate": "llm.rate", "comparison": "llm.comparison",
    "date": "llm.date", "doc_number": "llm.doc_number", "figure": "llm.invented_number",
}


def mark_issues(
    section: str, paragraphs: Sequence[Paragraph], issues: Sequence[Issue]
) -> tuple[list[Paragraph], list[Unresolved]]:
    """Insert one 【待核实：…】 right after each issue's span; return the new paragraphs and the list."""
    out = [replace(p) for p in paragraphs]
    by_paragraph: dict[int, list[Issue]] = defaultdict(list)
    for issue in issues:
        by_paragraph[issue.paragraph].append(issue)
    unresolved: list[Unresolved] = []
    for i, items in by_paragraph.items():
        text = out[i].text
        for issue in sorted(items, key=lambda x: x.end, reverse=True):  # from the end: offsets stay valid
            text = text[: issue.end] + _marker(issue) + text[issue.end :]
        out[i] = replace(out[i], text=text)
    for issue in sorted(issues, key=lambda x: (x.paragraph, x.start)):
        unresolved.append(
            Unresolved(section, issue.sentence, issue.message, issue.expected, issue.value, RULES.get(issue.kind),
                       issue.text)
        )
    return out, unresolved


def count_marks(paragraphs: Sequence[Paragraph]) -> int:
    return sum(p.text.count(MARK_OPEN) for p in paragraphs)


def paragraphs_text(paragraphs: Sequence[Paragraph]) -> str:
    """The section as the model wrote it: one paragraph (or sub-heading) per line."""
    return "\n".join(p.text for p in paragraphs)
