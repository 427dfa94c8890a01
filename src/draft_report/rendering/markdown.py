"""Markdown: ``# 标题``, ``## 一、总体情况``, ``### （一）…`` sub-headings, tables as embedded HTML.

The tables stay editable in any text editor and render with their official merged headers
wherever Markdown allows HTML; signature and date are right-aligned paragraphs at the end.
"""

from __future__ import annotations

import re
from html import escape

from draft_report.drafting.facts import fmt_date
from draft_report.models.document import Paragraph, ReportDocument
from draft_report.rendering.html import document_grids, grid_html

# Characters Markdown would read as markup inside Chinese prose.
_INLINE_SPECIAL = re.compile(r"([\\`*_<>\[\]])")
# A paragraph start Markdown would read as a heading, list item, quote or rule.
_BLOCK_START = re.compile(r"^([#>+\-=|]|\d+[.)]\s)")


def escape_markdown(text: str) -> str:
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    if _BLOCK_START.match(text):
        text = "\\" + text
    return text


def _paragraph(p: Paragraph) -> str:
    if p.kind == "subheading":
        return f"### {escape_markdown(p.text)}"
    return escape_markdown(p.text)


def render_markdown(doc: ReportDocument) -> str:
    """The whole report as Markdown (blocks separated by one blank line, trailing newline)."""
    blocks: list[str] = [f"# {escape_markdown(doc.title)}"]
    blocks += [_paragraph(p) for p in doc.preface]
    grids = document_grids(doc)
    for section in doc.sections:
        blocks.append(f"## {escape_markdown(section.heading)}")
        if section.key in grids:
            blocks.append(grid_html(grids[section.key]))
        blocks += [_paragraph(p) for p in section.paragraphs]
    if doc.signature:
        blocks.append(f'<p align="right">{escape(doc.signature)}</p>')
    if doc.date:
        blocks.append(f'<p align="right">{fmt_date(doc.date)}</p>')
    return "\n\n".join(blocks) + "\n"
