"""What the repair loop tells the model, and how an unresolved claim is marked for the reviewer.

A finding from the checker becomes one line of the repair prompt (``describe_finding``). When the
rounds are used up and a claim is still wrong, the draft is kept but the claim is marked inline
with 【待核实：…】 right after the wrong words (``mark_unresolved``), so a wrong number can never
reach the final report unmarked. The marker itself carries no number followed by a measure word,
so the checker does not read it as a new claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from draft_report.models.document import Paragraph

MARK_OPEN = "【待核实："
MARK_CLOSE = "】"


@dataclass(frozen=True)
class Unresolved:
    """A claim still wrong after the repair rounds (one line of the command's output)."""

    section: str
    excerpt: str
    message: str
    expected: str | None
    actual: str | None
    rule: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _attr(obj: Any, name: str) -> Any:
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def is_error(finding: Any) -> bool:
    return (_attr(finding, "severity") or "error") == "error"


def finding_excerpt(finding: Any) -> str:
    location = _attr(finding, "location")
    return (_attr(location, "excerpt") if location is not None else None) or ""


def describe_finding(finding: Any) -> str:
    """One line for the repair prompt: where, what is written, what the data says."""
    message = str(_attr(finding, "message") or "与数据不符").strip()
    excerpt = finding_excerpt(finding)
    expected = _text(_attr(finding, "expected"))
    parts = []
    if excerpt and excerpt not in message:
        parts.append(f"“{excerpt}”")
    parts.append(message)
    if expected is not None and expected not in message:
        parts.append(f"数据为 {expected}")
    return "：".join(parts[:1]) + ("：" + "；".join(parts[1:]) if len(parts) > 1 else "")


def _marker(finding: Any) -> str:
    """The inline mark. It never quotes a number with its measure word (that would read as a claim)."""
    expected = _text(_attr(finding, "expected"))
    note = f"与数据不符，数据为{expected}" if expected is not None else "无法与数据核对，请核实"
    return f"{MARK_OPEN}{note}{MARK_CLOSE}"


_UNIT_AFTER = re.compile(r"\s*(万元|亿元|人次|[件条篇次场期个项份元人家批宗例名起])")


def _number_end(text: str, start: int, end: int, number: str) -> int | None:
    """Offset just after ``number`` (and its measure word) inside ``text[start:end]``."""
    m = re.search(rf"(?<![\d.]){re.escape(number)}(?![\d.])", text[start:end])
    if not m:
        return None
    pos = start + m.end()
    unit = _UNIT_AFTER.match(text, pos)
    return unit.end() if unit else pos


def _locate(paragraphs: list[Paragraph], finding: Any) -> tuple[int, int] | None:
    """(paragraph index, offset right after the wrong number) of a finding in the drafted text.

    The checker's excerpt is the sentence; within it the wrong value (``actual``) is found so the
    mark sits right after the number. Without an excerpt match, the first occurrence of the value.
    """
    excerpt = finding_excerpt(finding)
    actual = _text(_attr(finding, "actual"))
    texts = [(i, p.text) for i, p in enumerate(paragraphs) if p.kind == "text"]
    if excerpt:
        for i, text in texts:
            at = text.find(excerpt)
            if at < 0:
                continue
            end = _number_end(text, at, at + len(excerpt), actual) if actual else None
            return i, end if end is not None else at + len(excerpt)
    if actual:
        for i, text in texts:
            end = _number_end(text, 0, len(text), actual)
            if end is not None:
                return i, end
    return None


def mark_unresolved(
    section: str, paragraphs: Sequence[Paragraph], findings: Sequence[Any]
) -> tuple[list[Paragraph], list[Unresolved]]:
    """Insert 【待核实：…】 after each still-wrong claim; return the new paragraphs and the list."""
    out = [p.model_copy() for p in paragraphs]
    unresolved: list[Unresolved] = []
    for finding in findings:
        if not is_error(finding):
            continue
        marker = _marker(finding)
        where = _locate(out, finding)
        if where is None:  # not found in the text: mark the section's last paragraph, never drop it
            texts = [i for i, p in enumerate(out) if p.kind == "text"]
            idx = texts[-1] if texts else len(out) - 1
            where = (idx, len(out[idx].text)) if out else None
        if where is not None:
            i, pos = where
            if out[i].text[pos : pos + len(MARK_OPEN)] != MARK_OPEN:
                out[i] = out[i].model_copy(update={"text": out[i].text[:pos] + marker + out[i].text[pos:]})
        unresolved.append(
            Unresolved(
                section=section,
                excerpt=finding_excerpt(finding),
                message=str(_attr(finding, "message") or ""),
                expected=_text(_attr(finding, "expected")),
                actual=_text(_attr(finding, "actual")),
                rule=_attr(finding, "rule"),
            )
        )
    return out, unresolved


def paragraphs_text(paragraphs: Sequence[Paragraph]) -> str:
    """The section as the model wrote it: one paragraph (or sub-heading) per line."""
    return "\n".join(p.text for p in paragraphs)
