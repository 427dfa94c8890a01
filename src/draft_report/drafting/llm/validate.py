"""Is a model's answer report text at all? Three refusals before any number is checked.

* **Too long**: more characters than ``ANSWER_SIZE_FACTOR`` × the offline template's draft of the
  same section (at least ``MIN_ANSWER_LIMIT``) — a runaway or padded answer, never kept whole.
* **Not Chinese**: fewer than ``MIN_CJK_SHARE`` of the letters are Chinese characters (an answer
  in English under the right sub-headings).
* **The prompt echoed back**: the answer repeats instructions of the prompt (sentences of the
  system or user message that are not the agency's own notes, which a draft may quote).

``reject_reason`` returns the Chinese reason, or ``None`` for an answer that may be checked.
The drafter asks again, and after the retries writes the section from the template with a notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from draft_report.drafting.llm.answer import normalise_punctuation, strip_markdown

ANSWER_SIZE_FACTOR = 3  # an answer may be this many times the template draft's length …
MIN_ANSWER_LIMIT = 1500  # … but is always allowed this many characters
MIN_CJK_SHARE = 0.6  # of the letters (CJK + Latin), at least this share must be Chinese
MIN_ECHO_SENTENCE = 8  # instruction sentences shorter than this are not evidence of an echo
ECHO_SENTENCES = 2  # this many instruction sentences repeated …
ECHO_SHARE = 0.15  # … or this share of the answer's characters made of them is an echo

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_PIECES = re.compile(r"[^。；！？\n]+[。；！？]?")


def answer_limit(template_chars: int) -> int:
    """The longest answer kept for a section whose template draft has ``template_chars`` characters."""
    return max(ANSWER_SIZE_FACTOR * template_chars, MIN_ANSWER_LIMIT)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", normalise_punctuation(strip_markdown(text)))


def _pieces(text: str) -> Iterable[str]:
    for line in text.splitlines():
        for m in _PIECES.finditer(_norm(line)):
            piece = m.group(0).rstrip("。；！？")
            if piece:
                yield piece


def instruction_sentences(prompt_texts: Sequence[str], own_words: str, keep: Iterable[str] = ()) -> set[str]:
    """Sentences of the prompt that a draft has no reason to repeat: not the agency's notes
    (``own_words``), not the sub-headings (``keep``), not too short to tell."""
    notes = _norm(own_words)
    allowed = {_norm(k).rstrip("。；") for k in keep}
    out: set[str] = set()
    for text in prompt_texts:
        for piece in _pieces(text):
            bare = re.sub(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]", "", piece)
            if len(piece) < MIN_ECHO_SENTENCE or piece in allowed or bare in notes or piece in notes:
                continue
            # "（一）主动公开情况：<the notes>" — the heading with the notes is not an instruction
            if "：" in piece and piece.split("：", 1)[1] and piece.split("：", 1)[1] in notes:
                continue
            out.add(piece)
    return out


def echo_share(answer: str, instructions: set[str]) -> tuple[int, float]:
    """(instruction sentences found in ``answer``, share of its characters they make up)."""
    text = _norm(answer)
    if not text:
        return 0, 0.0
    found = [s for s in instructions if s in text]
    return len(found), min(1.0, sum(len(s) for s in found) / len(text))


def reject_reason(
    answer: str, *, limit: int, instructions: set[str] | None = None
) -> str | None:
    """Why ``answer`` (already cleaned of reasoning and Markdown) is not report text, or None."""
    if len(answer) > limit:
        return f"回答过长（{len(answer)} 字，超过本部分上限 {limit} 字）"
    cjk = len(_CJK.findall(answer))
    latin = len(_LATIN.findall(answer))
    if cjk + latin and cjk < MIN_CJK_SHARE * (cjk + latin):
        return "回答主要不是中文"
    if instructions:
        count, share = echo_share(answer, instructions)
        if count >= ECHO_SENTENCES or share >= ECHO_SHARE:
            return "回答复述了提示词，而不是报告正文"
    return None
