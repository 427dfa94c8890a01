"""Compare a draft before and after a repair: list every number the repair changed, and undo the
changes that turned a true number into another one.

The two drafts are aligned by sub-section (their sub-headings are fixed) and, within a sub-section
with as many paragraphs before as after, paragraph by paragraph; otherwise the sub-section is one
unit. Within a unit the numbers (``draft_claims.Number``) are aligned in order (``difflib``): a
replaced, deleted or added number is a ``Change``. A unit where a repair replaced a *true* number
(it agreed with the data, was a derived figure the sentence explains, or the notes' own figure)
with another value — or deleted a true number nobody asked about — is put back as it was before
the repair (``undone``), whatever else the repair did there: a wrong number left is marked later,
a true number turned false would pass unseen.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from draft_report.drafting.llm.draft_claims import Number
from draft_report.models.document import Paragraph
from draft_report.records import dataclass


@dataclass(frozen=True)
class Change:
    round: int
    before: str  # the number's words before the repair (“” when added)
    after: str  # after the repair (“” when deleted)
    sentence_before: str
    sentence_after: str
    undone: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        if not self.after:
            what = f"删去“{self.before}”"
        elif not self.before:
            what = f"新增“{self.after}”"
        else:
            what = f"“{self.before}”改为“{self.after}”"
        return what + ("（改错了正确的数字，已撤销）" if self.undone else "")


def _blocks(paragraphs: Sequence[Paragraph]) -> list[list[int]]:
    """Paragraph indexes per sub-section (the text before the first sub-heading is a block too)."""
    blocks: list[list[int]] = [[]]
    for i, p in enumerate(paragraphs):
        if p.kind == "subheading":
            blocks.append([])
        else:
            blocks[-1].append(i)
    return blocks


def _sentence(text: str, start: int) -> str:
    lo = max(text.rfind(ch, 0, start) for ch in "。；！？") + 1
    his = [i for i in (text.find(ch, start) for ch in "。；！？") if i >= 0]
    return text[lo : (min(his) + 1 if his else len(text))].strip()


def _norm(text: str) -> str:
    return "".join(text.split())


def compare(
    round_no: int,
    before: Sequence[Paragraph],
    before_numbers: Sequence[Number],
    after: Sequence[Paragraph],
    after_numbers: Sequence[Number],
    asked: set[tuple[int, int]],
) -> tuple[list[Paragraph], list[Change]]:
    """(the repaired draft with corrupting units put back, every number change). ``asked``: the
    (paragraph, start) of the numbers the repair request named in ``before``."""
    b_blocks, a_blocks = _blocks(before), _blocks(after)
    if len(b_blocks) != len(a_blocks):  # the caller only compares drafts with the same sub-headings
        return list(after), []
    replace: dict[tuple[int, ...], list[int]] = {}  # after-paragraph indexes → before ones
    changes: list[Change] = []
    for bb, ab in zip(b_blocks, a_blocks, strict=True):
        units = list(zip(([i] for i in bb), ([i] for i in ab), strict=True)) if len(bb) == len(ab) else [(bb, ab)]
        for bu, au in units:
            bn = [n for n in before_numbers if n.paragraph in bu]
            an = [n for n in after_numbers if n.paragraph in au]
            unit_changes: list[Change] = []
            corrupt = False
            matcher = difflib.SequenceMatcher(a=[_norm(n.text) for n in bn], b=[_norm(n.text) for n in an],
                                              autojunk=False)
            for op, i1, i2, j1, j2 in matcher.get_opcodes():
                if op == "equal":
                    continue
                olds, news = bn[i1:i2], an[j1:j2]
                for k in range(max(len(olds), len(news))):
                    old = olds[k] if k < len(olds) else None
                    new = news[k] if k < len(news) else None
                    if old is not None and old.true:
                        if new is not None and abs(new.value - old.value) > 1e-9:
                            corrupt = True
                        elif new is None and (old.paragraph, old.start) not in asked:
                            corrupt = True
                    unit_changes.append(Change(
                        round_no,
                        old.text if old else "",
                        new.text if new else "",
                        _sentence(before[old.paragraph].text, old.start) if old else "",
                        _sentence(after[new.paragraph].text, new.start) if new else "",
                    ))
            if corrupt:
                unit_changes = [Change(**{**c.to_dict(), "undone": True}) for c in unit_changes]
                replace[tuple(au)] = bu
            changes += unit_changes
    if not replace:
        return list(after), changes
    merged: list[Paragraph] = []
    skip: set[int] = set()
    for units_after in replace:
        skip.update(units_after[1:])
    for i, p in enumerate(after):
        if i in skip:
            continue
        key = next((k for k in replace if k and k[0] == i), None)
        if key is not None:
            merged.extend(before[j] for j in replace[key])
        else:
            merged.append(p)
    return merged, changes
