"""Markdown (our drafter's output, possibly edited by a reviewer) → blocks.

``#`` title, ``##`` section headings, ``###`` sub-headings; tables as embedded HTML blocks
(rowspan/colspan, parsed with lxml) or pipe tables; other HTML lines (the right-aligned
signature and date) lose their tags. Consecutive non-blank lines form one paragraph, as in
CommonMark; backslash escapes and emphasis markers are removed.
"""

from __future__ import annotations

import re

from draft_report.reading.blocks import Block, clean, para, row
from draft_report.reading.html_blocks import fragment_blocks, strip_tags
from draft_report.reading.text_blocks import is_pipe_row, is_pipe_separator, pipe_cells

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_START = re.compile(r"^\s*<table\b", re.I)
_TABLE_END = re.compile(r"</table\s*>", re.I)
_HTML_LINE = re.compile(r"^\s*<[A-Za-z/!][^>]*>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>=~])")
_EMPHASIS = re.compile(r"(?<!\\)(\*\*|__|\*(?=\S)|(?<=\S)\*)")
_QUOTE_OR_LIST = re.compile(r"^\s*(?:>\s?|[-+*]\s+)")
# The renderer escapes a paragraph that starts like an ordered list item: "\1. …"
_ESCAPED_START = re.compile(r"^\s*\\(?=\d+[.)])")


def md_inline(text: str) -> str:
    """Inline Markdown → plain text: emphasis markers and backslash escapes removed."""
    return clean(_ESCAPE.sub(r"\1", _EMPHASIS.sub("", text)))


def markdown_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    buf: list[str] = []
    buf_line = 0

    def flush() -> None:
        nonlocal buf
        if buf:
            text = "".join(md_inline(_QUOTE_OR_LIST.sub("", _ESCAPED_START.sub("", x))) for x in buf)
            if text:
                blocks.append(para(buf_line, text, "\n".join(buf)))
        buf = []

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        lineno = i + 1
        if not line.strip():
            flush()
            i += 1
            continue
        if _TABLE_START.match(line):
            flush()
            j = i
            while j < n and not _TABLE_END.search(lines[j]):
                j += 1
            fragment = "\n".join(lines[i : j + 1])
            blocks.extend(fragment_blocks(fragment, lineno))
            i = j + 1
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            text = md_inline(heading.group(2))
            if text:
                blocks.append(para(lineno, text, line, md_level=len(heading.group(1))))
            i += 1
            continue
        if is_pipe_row(line):
            flush()
            if not is_pipe_separator(line):
                cells = [md_inline(c) for c in pipe_cells(line)]
                blocks.append(row(cells, [lineno] * len(cells), line))
            i += 1
            continue
        if "\t" in line.strip("\t \u00a0\u3000"):  # a table row pasted from Word or a spreadsheet
            flush()
            cells = [clean(c) for c in line.lstrip("\t").split("\t")]
            blocks.append(row(cells, [lineno] * len(cells), line))
            i += 1
            continue
        if _HTML_LINE.match(line):
            flush()
            text = clean(strip_tags(line))
            if text:
                blocks.append(para(lineno, text, line))
            i += 1
            continue
        if not buf:
            buf_line = lineno
        buf.append(line)
        i += 1
    flush()
    return blocks
