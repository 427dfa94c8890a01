"""The agency's own words (notes, problems, measures, last year's problems, other matters) and the
figures in them, for deciding whether a figure of a draft comes from the notes.

A figure counts as taken from the notes only when the notes hold the same number with the same
measure word *and* the same words around it (a shared two-character word within a few characters
on either side): “账号3个” is not backed by a note that says “3个栏目”. A figure with the same unit
and the same words but another number is the notes' figure altered (“5个工作日” where the notes
say “7个工作日”): ``contradicts`` / ``figure_contradicted`` return the note's own figure.
"""

from __future__ import annotations

import re
from typing import Any

from draft_report.lexicon.numerals import find_quantities, normalise_digits
from draft_report.records import dataclass

CONTEXT_LEFT = 8  # characters before a number that say what it counts
CONTEXT_RIGHT = 6
_CJK = re.compile(r"[\u4e00-\u9fff]")
_STOP = frozenset({"全年", "本年", "年度", "其中", "共计", "累计", "合计", "我局", "本局", "开展", "进行", "工作"})


def own_words(dataset: Any) -> str:
    """The agency's own words: notes, problems, measures, last year's problems, other matters."""
    data = dataset.data
    parts: list[str] = []
    for value in data.notes.model_dump().values():
        parts.extend(value if isinstance(value, list) else [])
    parts += list(data.problems) + list(data.measures)
    parts += [f"{p.problem} {p.rectification}" for p in data.previous_problems]
    for value in data.other_matters.model_dump().values():
        parts.extend(value if isinstance(value, list) else [value or ""])
    return "\n".join(str(p) for p in parts)


def _bigrams(text: str) -> set[str]:
    chars = [ch if _CJK.match(ch) else " " for ch in text]
    s = "".join(chars)
    return {s[i : i + 2] for i in range(len(s) - 1) if " " not in s[i : i + 2]} - _STOP


def context_words(text: str, start: int, end: int) -> set[str]:
    return _bigrams(text[max(0, start - CONTEXT_LEFT) : start]) | _bigrams(text[end : end + CONTEXT_RIGHT])


@dataclass(frozen=True)
class NoteFigure:
    value: float
    unit: str | None
    text: str  # as the note writes it: “7个工作日”
    context: frozenset[str]
    unit_len: int = 0  # characters after the digits that matched the draft's words


class NoteQuantities:
    def __init__(self, text: str) -> None:
        self.text = normalise_digits(text)
        self.compact = re.sub(r"\s+", "", self.text)
        self.quantities: list[NoteFigure] = []
        for line in self.text.splitlines():
            for q in find_quantities(line):
                self.quantities.append(
                    NoteFigure(q.value, q.unit, line[q.start : q.end], frozenset(context_words(line, q.start, q.end)))
                )

    def has_words(self, words: str) -> bool:
        return re.sub(r"\s+", "", normalise_digits(words)) in self.compact

    def backs(self, span: str, value: float, unit: str | None, text: str, start: int, end: int) -> bool:
        """The notes state this figure: same number and unit, and the same words around it."""
        ctx = context_words(text, start, end)
        for q in self.quantities:
            if abs(q.value - value) < 1e-9 and q.unit == unit and (q.context & ctx or not ctx):
                return True
        if not self.has_words(span):
            return False
        # a percentage or a phrase the quantity reader does not see: the words around it must match too
        at = self.compact.find(re.sub(r"\s+", "", normalise_digits(span)))
        around = _bigrams(self.compact[max(0, at - 12) : at + len(span) + 8])
        return bool(around & ctx) or not ctx

    def contradicts(self, unit: str | None, text: str, start: int, end: int, value: float) -> NoteFigure | None:
        """A note figure with the same unit and words but another number."""
        ctx = context_words(text, start, end)
        if not ctx:
            return None
        best: tuple[int, NoteFigure] | None = None
        for q in self.quantities:
            if q.unit != unit or abs(q.value - value) < 1e-9:
                continue
            shared = len(q.context & ctx)
            if shared >= 2 and (best is None or shared > best[0]):
                best = (shared, q)
        return best[1] if best else None

    def figure_backed(self, digits: str, tail: str) -> bool:
        """A bare figure (no measure word the checker knows) followed by the same words in the notes."""
        follow = re.match(r"[^\d，。；、,;：:（）()“”\s]{1,2}", tail)
        return (digits + (follow.group(0) if follow else "")) in self.compact

    def figure_contradicted(self, digits: str, tail: str) -> NoteFigure | None:
        """The notes have another number followed by the same two or more characters (“7个工作日”)."""
        follow = re.match(r"[^\d，。；、,;：:（）()“”\s]{2,4}", tail)
        if not follow:
            return None
        for size in range(len(follow.group(0)), 1, -1):
            words = follow.group(0)[:size]
            for m in re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?)" + re.escape(words), self.compact):
                if m.group(1) != digits:
                    return NoteFigure(float(m.group(1)), None, m.group(0), frozenset(), size)
        return None


def note_quantities(dataset: Any) -> NoteQuantities:
    return NoteQuantities(own_words(dataset))
