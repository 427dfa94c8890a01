"""Geometry of a PDF page → the lines and tables of the report, in reading order.

Works on what pdfplumber (pdfminer.six) gives: characters with their boxes, ruling lines and
rectangles. Kept free of pdfplumber types so the rules can be tested on plain values:

- a table is a grid of ruled cells with at least two columns; a ruled box with one column
  (a section printed inside a frame) is not a table — its text is read as paragraphs;
- rectangles that are only a white (or unfilled, unstroked) background are not rulings: Word
  and WPS export each paragraph line over such a box, which would otherwise look like a table;
- lines of text become paragraphs: a line continues the paragraph above when that line
  reached the right edge of the text and this one is not indented and not further away
  than a line gap; a centred title line, an indented first line, a short last line end or
  start a paragraph;
- page furniture is dropped: page numbers ("— 3 —", "- 3 -", "第 3 页") and running
  headers/footers (the same text in the top or bottom margin of several pages).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import field

from draft_report.records import dataclass

# Page numbers as printed in a page margin.
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－‐‑‒―]+\s*\d{1,4}\s*[-—–－‐‑‒―]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$"
)
_DIGITS = re.compile(r"\d+")
_CJK_OR_PUNCT = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》、。，：；！？（）]")
MARGIN_ZONE = 0.09  # top and bottom 9 % of the page hold headers, footers and page numbers


@dataclass
class TextLine:
    """One line of text outside the tables of a page."""

    page: int  # 1-based
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size (the line's most common)
    box: tuple[float, float] | None = None  # left/right edges of the one-column frame holding it


@dataclass
class TableGrid:
    """A ruled table of a page: rows of the cells that start in that row (None: covered by a merge)."""

    page: int
    top: float
    rows: list[list[str | None]] = field(default_factory=list)


def join_cell_lines(text: str) -> str:
    """The lines of a cell as one text: no space between Chinese characters ("商业\\n企业" →
    "商业企业", a vertical label "三\\n、\\n本…" → "三、本…"), one space between Latin words or numbers."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    out = ""
    for p in parts:
        if out and not (_CJK_OR_PUNCT.match(out[-1]) or _CJK_OR_PUNCT.match(p[0])):
            out += " "
        out += p
    return out


def is_furniture_text(text: str) -> bool:
    return PAGE_NUMBER.match(text) is not None


def furniture(lines: list[TextLine], heights: dict[int, float]) -> set[int]:
    """Indexes of lines that are page furniture: page numbers in a margin, and lines in the
    top or bottom margin whose text (digits ignored) recurs on at least two pages."""
    def in_margin(ln: TextLine) -> bool:
        h = heights[ln.page]
        return ln.top < h * MARGIN_ZONE or ln.bottom > h * (1 - MARGIN_ZONE)

    marginal = [i for i, ln in enumerate(lines) if in_margin(ln)]
    pages_of: dict[str, set[int]] = {}
    for i in marginal:
        pages_of.setdefault(_DIGITS.sub("#", lines[i].text.replace(" ", "")), set()).add(lines[i].page)
    out: set[int] = set()
    for i in marginal:
        key = _DIGITS.sub("#", lines[i].text.replace(" ", ""))
        if is_furniture_text(lines[i].text) or len(pages_of[key]) >= 2:
            out.add(i)
    return out


@dataclass
class Margins:
    left: float
    right: float
    em: float  # typical character width (the body font size)


def body_margins(lines: list[TextLine]) -> Margins:
    """Left and right edges of the body text: the leftmost common line start and a high
    quantile of line ends (justified lines all end there)."""
    if not lines:
        return Margins(0.0, 0.0, 12.0)
    em = Counter(round(ln.size) for ln in lines).most_common(1)[0][0] or 12.0
    # the leftmost start shared by many lines (an indented first line is more common when
    # paragraphs are short, so the most common start is not always the margin)
    starts = Counter(round(ln.x0) for ln in lines)
    common = [x for x, n in starts.items() if n >= max(2, len(lines) // 10)]
    left = min(common) if common else starts.most_common(1)[0][0]
    ends = sorted(ln.x1 for ln in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    return Margins(float(left), float(right), float(em))


def continues(prev: TextLine, line: TextLine, m: Margins) -> bool:
    """True when ``line`` is the next line of the paragraph that ``prev`` is part of."""
    left, right = (line.box if line.box is not None else (m.left, m.right))
    if prev.box != line.box:
        return False
    em = max(line.size, 1.0)
    if abs(prev.size - line.size) > 1.0:
        return False
    if prev.x1 < right - 2.0 * em:  # the line above stopped short: its paragraph ended
        return False
    if line.x0 > left + 1.0 * em:  # an indented first line, a centred title, a heading
        return False
    if line.page == prev.page:
        gap = line.top - prev.bottom
        if gap > 1.6 * em or gap < -0.5 * em:
            return False
    return True


def paragraphs(lines: list[TextLine], m: Margins) -> list[list[TextLine]]:
    """Group lines (in reading order, furniture removed) into paragraphs."""
    out: list[list[TextLine]] = []
    for ln in lines:
        if out and continues(out[-1][-1], ln, m):
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def join_lines(texts: list[str]) -> str:
    """The lines of a paragraph as one text (a space only between two Latin words/numbers)."""
    return join_cell_lines("\n".join(texts))


def closing_rules(edges: list[dict[str, float | str]], *, tolerance: float = 2.0) -> list[dict[str, float | str]]:
    """Horizontal rules missing at the open end of a table cut by a page break.

    A table continued on the next page often has no bottom rule on this page (or no top rule
    on the next): its column rules just stop. Where at least three vertical rules end (or
    start) at the same height and no horizontal rule is there, a rule across them is added,
    so that the last (first) row is read as a row of cells, not as loose text."""
    verticals = [e for e in edges if e.get("orientation") == "v"]
    horizontals = [e for e in edges if e.get("orientation") == "h"]
    out: list[dict[str, float | str]] = []
    for end in ("bottom", "top"):
        groups: dict[int, list[dict[str, float | str]]] = {}
        for v in verticals:
            groups.setdefault(round(float(v[end]) / tolerance), []).append(v)
        for members in groups.values():
            if len(members) < 3:
                continue
            y = sum(float(v[end]) for v in members) / len(members)
            x0 = min(float(v["x0"]) for v in members)
            x1 = max(float(v["x0"]) for v in members)
            covered = any(
                abs(float(h["top"]) - y) <= tolerance and float(h["x0"]) <= x0 + tolerance
                and float(h["x1"]) >= x1 - tolerance
                for h in horizontals
            )
            if not covered:
                out.append({"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
                            "width": x1 - x0, "height": 0.0})
    return out
