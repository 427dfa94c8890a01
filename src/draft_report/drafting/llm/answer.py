"""Turn a model's raw answer into report paragraphs.

Models wrap the text they were asked for in all sorts of things: a reasoning model's
``<think>…</think>`` block, Markdown code fences, headings and bullets, half-width punctuation,
spaces around numbers. ``clean_answer`` removes those; ``split_paragraphs`` maps lines to
``Paragraph`` objects, recognising the expected sub-headings even when the model writes them
slightly differently; ``structure_problems`` says what is missing or out of order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from draft_report.models.document import Paragraph

CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_OR_FULL = rf"[{CJK}\u3000-\u303f\uff00-\uffef“”‘’]"

_THINK_BLOCK = re.compile(r"<(think|thinking|reasoning)>.*?</\1>", re.S | re.I)
_THINK_TAIL = re.compile(r"^.*?</(think|thinking|reasoning)>", re.S | re.I)  # opening tag stripped by server
_THINK_OPEN = re.compile(r"<(think|thinking|reasoning)>.*\Z", re.S | re.I)  # never closed: all reasoning
_FENCE = re.compile(r"^```[^\n`]*\n(.*?)\n?```\s*$", re.S | re.M)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_MD_BULLET = re.compile(r"^\s*(?:[-*+•·]|\d{1,2}[.)、](?!\d))\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_SPACE_IN_CJK = re.compile(rf"(?<=[{CJK}\d％%）。，；：、”])[ \t\u00a0]+(?=[{CJK}\d（“])")
_HALF_PAREN = re.compile(rf"\(([^()\n]*[{CJK}][^()\n]*)\)")
_HALF_QUOTE = re.compile(rf"\"([^\"\n]*[{CJK}][^\"\n]*)\"")

# Half-width punctuation that becomes full-width next to Chinese text (never between digits).
_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def strip_reasoning(text: str) -> str:
    """Remove ``<think>…</think>`` blocks (also a dangling closing or opening tag)."""
    text = _THINK_BLOCK.sub("", text)
    if re.search(r"</(think|thinking|reasoning)>", text, re.I):
        text = _THINK_TAIL.sub("", text)
    return _THINK_OPEN.sub("", text)


def strip_fences(text: str) -> str:
    """Keep what is inside Markdown code fences, drop the fences."""
    text = _FENCE.sub(lambda m: m.group(1), text)
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("```"))


def normalise_punctuation(text: str) -> str:
    """Half-width → full-width punctuation in Chinese context; no stray spaces inside Chinese."""
    text = _HALF_PAREN.sub(r"（\1）", text)
    text = _HALF_QUOTE.sub(r"“\1”", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _PUNCT or ch == ".":
            prev = text[i - 1] if i > 0 else ""
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if prev.isdigit() and nxt.isdigit():
                out.append(ch)  # 1,234 / 3.5 / 10:30
                continue
            chinese_before = bool(re.match(_CJK_OR_FULL, prev)) if prev else False
            if ch == ".":
                # a sentence end after Chinese text; not a decimal point or an abbreviation
                out.append(
                    "。"
                    if (chinese_before or prev in "%％")
                    and (not nxt or nxt.isspace() or re.match(_CJK_OR_FULL, nxt))
                    else ch
                )
                continue
            chinese_after = bool(re.match(_CJK_OR_FULL, nxt)) if nxt else False
            out.append(_PUNCT[ch] if chinese_before or chinese_after else ch)
            continue
        out.append(ch)
    text = "".join(out)
    return _SPACE_IN_CJK.sub("", text)


def strip_markdown(line: str) -> str:
    line = _MD_HEADING.sub("", line)
    line = _MD_BULLET.sub("", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    return line.strip().strip("*").strip()


def clean_answer(text: str) -> str:
    """The prose in a raw answer: no reasoning, fences, Markdown; Chinese punctuation; tidy lines."""
    text = strip_fences(strip_reasoning(text or ""))
    lines = [normalise_punctuation(strip_markdown(line)) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _canon(text: str) -> str:
    """Heading text reduced for comparison: no brackets, numbering, punctuation or spaces."""
    text = normalise_punctuation(text)
    text = re.sub(r"^[（(]?[一二三四五六七八九十]+[)）、.．]\s*", "", text.strip())
    return re.sub(r"[\s。：:，,、（）()]", "", text)


_ORDINAL = re.compile(r"^\s*[（(]?([一二三四五六七八九十]+)[)）、.．]")
# Words real reports add to or drop from a sub-heading without changing what it is about:
# “（五）政府信息公开监督保障情况”, “（二）依申请公开政府信息情况”, “（四）平台建设情况”.
_HEADING_FILLERS = ("政府信息公开", "政务信息公开", "政务公开", "政府信息", "政务信息", "信息", "工作", "情况", "方面")


def _ordinal(text: str) -> str | None:
    m = _ORDINAL.match(normalise_punctuation(text))
    return m.group(1) if m else None


def _core(text: str) -> str:
    core = _canon(text)
    for word in _HEADING_FILLERS:
        core = core.replace(word, "")
    return core


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def same_heading(line: str, standard: str) -> bool:
    """True when ``line`` is ``standard`` written the way real reports vary it: the same wording
    (any brackets or punctuation), or — under the same ordinal （五） — the same subject once the
    filler words are set aside (one core a subsequence of the other: “存在问题” / “存在的主要问题”)."""
    if _canon(line) == _canon(standard):
        return True
    ordinal = _ordinal(line)
    if ordinal is None or ordinal != _ordinal(standard):
        return False
    a, b = _core(line), _core(standard)
    if len(a) < 2 or len(b) < 2:
        return False
    return _subsequence(a, b) or _subsequence(b, a)


def split_paragraphs(
    text: str, subheadings: Sequence[str], section_heading: str | None = None
) -> list[Paragraph]:
    """Lines of a cleaned answer → paragraphs; lines naming an expected sub-heading (in any of the
    variants ``same_heading`` accepts) become ``kind="subheading"`` with the exact standard wording.
    A repeated section heading is dropped."""
    paragraphs: list[Paragraph] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if section_heading and _canon(line) == _canon(section_heading):
            continue
        heading, rest = _match_heading(line, subheadings)
        if heading:
            paragraphs.append(Paragraph(text=heading, kind="subheading"))
            if rest:
                paragraphs.append(Paragraph(text=rest))
            continue
        paragraphs.append(Paragraph(text=line))
    return paragraphs


def _match_heading(line: str, subheadings: Sequence[str]) -> tuple[str | None, str]:
    # "（一）主动公开情况。本年度……" — heading and text on one line
    m = re.match(r"^([（(]?[一二三四五六七八九十]+[)）、][^。：:，,；;]{2,24})[。：:]\s*(.+)$", line)
    if m:
        found = next((h for h in subheadings if same_heading(m.group(1), h)), None)
        if found:
            return found, m.group(2).strip()
    if len(line) <= 30 and not re.search(r"[。：:，,；;].", line):  # one phrase, at most a closing mark
        found = next((h for h in subheadings if same_heading(line, h)), None)
        if found:
            return found, ""
    return None, ""


def structure_problems(paragraphs: Sequence[Paragraph], subheadings: Sequence[str]) -> list[str]:
    """Chinese descriptions of what is wrong with the shape: missing or misordered sub-headings,
    empty sub-sections, leftover English or list markers."""
    problems: list[str] = []
    found = [p.text for p in paragraphs if p.kind == "subheading"]
    missing = [h for h in subheadings if h not in found]
    if missing:
        problems.append("缺少小标题：" + "、".join(missing))
    elif found != list(subheadings):
        problems.append("小标题顺序应为：" + "、".join(subheadings))
    for i, p in enumerate(paragraphs):
        if p.kind == "subheading" and (i + 1 == len(paragraphs) or paragraphs[i + 1].kind == "subheading"):
            problems.append(f"小标题“{p.text}”下没有正文")
    texts = [p.text for p in paragraphs if p.kind == "text"]
    if not texts:
        problems.append("没有正文段落")
    english = [m for t in texts for m in re.findall(r"[A-Za-z']+(?:[ ,]+[A-Za-z']+){2,}", t)]
    if english:
        problems.append("正文中出现英文语句：" + "；".join(english[:3]))
    return problems
