"""Plain text (copied from Word, a web page or pdftotext) → blocks.

Three table layouts occur and all become row blocks:
- TAB-separated rows: one line per row, cells separated by TAB (blank cells kept);
- one cell per line: each cell on its own TAB-indented line, rows separated by blank lines
  (text copied out of Word); a short line without the TAB continues the cell above
  ("商业" / "企业");
- Markdown pipe rows ("| 规章 | 0 | 0 | 0 |"), as left by PDF→Markdown converters.
Every other line is a paragraph block. Word export artefacts such as "[bookmark: _GoBack]"
are dropped from the text (the source line is kept as is in ``lines``).
"""

from __future__ import annotations

from itertools import count
from operator import attrgetter

from draft_report.reading.blocks import NOT_SPLIT, Block, classify_cell, clean
from draft_report.reading.outline import parse_heading
from draft_report.reading.pipe_cells import pipe_blocks, uses_cell_terminators
from draft_report.regex_cache import regex

_BOOKMARK = regex(r"\[bookmark:[^\]]*\]")
_PIPE_SEPARATOR = regex(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# One cell of the one-cell-per-line layout: tested as "starts with the only TAB of the line".
_CELL_LINE = regex(r"^\t[^\t]*$")
# Page numbers and footers left by PDF conversion: "— 3 —", "- 12 -", "第 3 页 共 9 页".
_PAGE_NUMBER = regex(r"^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?)\s*$")
_PAGE_START = frozenset("-—–－第")
_TERMINAL = "。！？；;!?：:"
# What makes ``_clean_line`` more than a split and join: a Word bookmark, and the two
# whitespace characters ``str.split`` keeps (``blocks.NOT_SPLIT``).
_NOT_PLAIN = ("[", *NOT_SPLIT)
# A continuation line of a one-cell-per-line table cell is short and is not a heading.
_MAX_CONTINUATION = 8


def _clean_line(line: str) -> str:
    return clean(_BOOKMARK.sub("", line) if "[" in line else line)


def pipe_cells(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    if NOT_SPLIT[0] in body or NOT_SPLIT[1] in body:
        return [clean(c) for c in body.split("|")]
    cells = list(map(str.strip, body.split("|")))
    inner = "".join(cells)
    if len(inner) == len("".join(inner.split())):  # no whitespace within a cell: stripped, it is clean
        return cells
    return list(map(" ".join, map(str.split, body.split("|"))))  # ``clean`` without zero-width spaces


def is_pipe_row(line: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2


def is_pipe_separator(line: str) -> bool:
    return "-" in line and _PIPE_SEPARATOR.match(line) is not None  # most data rows hold no "-": no regex


def _uses_cell_lines(lines: list[str], text: str | None = None) -> bool:
    """True when tables are laid out one cell per TAB-indented line (``text``: the lines joined,
    when the caller has it)."""
    if text is None:
        text = "\n".join(lines)
    if (lines[0][:1] == "\t" if lines else False) + text.count("\n\t") < 8:
        return False  # fewer than 8 lines start with a TAB: fewer than 8 cell lines
    cell_lines = tab_rows = 0
    for ln in lines:
        if "\t" not in ln:  # neither
            continue
        if ln[0] == "\t" and ln.count("\t") == 1:  # ``_CELL_LINE`` (no TAB after the first)
            cell_lines += 1
        elif "\t" in ln.strip("\t"):
            tab_rows += 1
    return cell_lines >= 8 and cell_lines > 2 * tab_rows


def _only_tabs(line: str, text: str) -> bool:
    """True when the only whitespace ``line`` holds is TABs, ``text`` being ``" ".join(line.split())``:
    then its TAB-separated parts are clean as they are (each part's split and join is the part).
    (``text`` holds the line's non-whitespace characters and a space between its words.)"""
    return len(text) - text.count(" ") == len(line) - line.count("\t")


def _is_plain(lines: list[str]) -> bool:
    """True when no line holds what makes ``_clean_line`` more than a split and join."""
    return _plain_text("\n".join(lines))


def _plain_text(text: str) -> bool:
    """``_is_plain`` of the lines joined."""
    return not any(ch in text for ch in _NOT_PLAIN)


def _has_zero_width(lines: list[str]) -> bool:
    text = "\n".join(lines)
    return any(ch in text for ch in NOT_SPLIT)


def clean_lines(lines: list[str], plain: bool, zero_width: bool) -> list[str]:
    """``_clean_line`` of every line: a split and join (in one ``map``) where that is what it
    does — every line of a plain report, and of a report without zero-width spaces every line
    that holds no "[" (no Word bookmark to remove)."""
    if zero_width:
        return list(map(_clean_line, lines))
    texts = list(map(" ".join, map(str.split, lines)))
    if not plain:
        for i, line in enumerate(lines):
            if "[" in line:
                texts[i] = _clean_line(line)
    return texts


def text_blocks(lines: list[str]) -> list[Block]:
    """Blocks of a plain-text report; ``lines`` are the source lines (no line ends).

    One pass over the lines; a paragraph line is marked ``joinable`` as it is made: when the
    paragraph line just before it (with no table row between) was cut by wrapping. Tables copied
    out of a web page as "|"-terminated cells (``pipe_cells``) are read first; their lines are
    then blank to the pass below."""
    joined = "\n".join(lines)
    if "|" in joined and uses_cell_terminators(lines, joined):
        rows, used = pipe_blocks(lines)
        rest = ["" if i in used else line for i, line in enumerate(lines)]
        return sorted(rows + _text_blocks(rest, "\n".join(rest)), key=_LINE)
    return _text_blocks(lines, joined)


_LINE = attrgetter("line")


def _text_blocks(lines: list[str], joined: str) -> list[Block]:
    """``text_blocks`` of the lines that hold no "|"-terminated table cells (``joined``: the lines
    joined by line ends)."""
    cell_layout = _uses_cell_lines(lines, joined)
    plain = _plain_text(joined)
    if plain and not cell_layout:
        return _plain_blocks(lines)
    blocks: list[Block] = []
    zero_width = not plain and _has_zero_width(lines)
    texts = clean_lines(lines, plain, zero_width)
    group: Block | None = None  # the row being collected in the one-cell-per-line layout
    group_extra: list[int] = []  # its ``extra_lines``
    prev: Block | None = None  # the last paragraph line, while no table row followed it

    for n, line, text in zip(count(1), lines, texts):
        # what _PAGE_NUMBER and a pipe row start with (after \s*): the cleaned line's first
        # character, unless a Word bookmark or a zero-width space was removed from it
        head = line.lstrip()[:1] if zero_width or "[" in line else text[:1]
        # (a line that cleans to nothing may still hold a character the strip below keeps)
        if (not text and not line.strip(" \t\r\f\u00a0\u3000")) or (head in _PAGE_START and _PAGE_NUMBER.match(line)):
            if group is not None:
                group.raw, group.text = "\t".join(group.cells), "".join(group.cells)
                blocks.append(group)
                group = prev = None
            continue
        if cell_layout and line[:1] == "\t" and line.count("\t") == 1:  # ``_CELL_LINE``
            if group is None:
                group_extra = []
                group = Block(n, [text], [n], line, "row", 0, False, group_extra)
            else:
                group.cells.append(text)
                group.cell_lines.append(n)
            continue
        if group is not None:
            # "商业" TAB-line followed by "企业": the Word cell broke over two lines.
            if (
                len(text) <= _MAX_CONTINUATION
                and "\t" not in line
                and classify_cell(group.cells[-1]) == "text"
                and parse_heading(text) is None
            ):
                group.cells[-1] += text
                group_extra.append(n)
                continue
            group.raw, group.text = "\t".join(group.cells), "".join(group.cells)
            blocks.append(group)
            group = prev = None
        if head == "|" and is_pipe_row(line):
            if is_pipe_separator(line):
                continue
            cells = pipe_cells(line)
            blocks.append(Block(n, cells, [n] * len(cells), line, "row"))
            prev = None
        elif "\t" in line and "\t" in line.strip("\t \u00a0\u3000"):
            # leading TABs are indentation, not empty cells
            parts = line.lstrip("\t").split("\t")
            if plain:
                cells = parts if _only_tabs(line, text) else list(map(" ".join, map(str.split, parts)))
            else:
                cells = [c if c.isalnum() else _clean_line(c) for c in parts]
            blocks.append(Block(n, cells, [n] * len(cells), line, "row"))
            prev = None
        else:
            if not text:
                continue
            joinable = prev is not None and n == prev.line + 1 and len(prev.cells[0]) >= 20 \
                and prev.cells[0][-1] not in _TERMINAL
            prev = Block(n, [text], [n], line, "para", 0, joinable)
            blocks.append(prev)
    if group is not None:
        group.raw, group.text = "\t".join(group.cells), "".join(group.cells)
        blocks.append(group)
    return blocks


# What a line that is more than a paragraph starts with (after whitespace): a pipe row, a page number.
_ROW_OR_PAGE = frozenset("|") | _PAGE_START
_SKIP = Block(0, [], [], "")  # what ``_row_line`` returns for a line that makes no block


def _row_line(n: int, line: str, text: str) -> Block | None:
    """``text_blocks`` of one line that holds a TAB or starts as a pipe row or a page number may,
    in a plain report without one-cell-per-line tables: its row block, ``_SKIP`` (blank, a page
    number, a pipe separator), or None when it is a paragraph line. ``text`` is the cleaned line
    (``clean(line)``, kept as the block's ``clean_raw``): its first character is the line's first
    after whitespace (nothing else is removed here)."""
    head = text[:1]
    if (not text and not line.strip(" \t\r\f\u00a0\u3000")) or (head in _PAGE_START and _PAGE_NUMBER.match(line)):
        return _SKIP
    if head == "|" and is_pipe_row(line):
        if is_pipe_separator(line):
            return _SKIP
        cells = pipe_cells(line)
        return Block(n, cells, [n] * len(cells), line, "row", 0, False, (), None, None, text)
    if "\t" in line and "\t" in line.strip("\t \u00a0\u3000"):
        return _tab_row(n, line)
    return None


def _tab_row(n: int, line: str) -> Block:
    """The row block of a plain report's TAB row, made from its parts (leading TABs are indentation).

    When the parts hold no whitespace (their text joined is printable — whitespace other than the
    ASCII space is not — and holds no space) they are its cells as they are, and its cleaned text
    (``clean_raw``: what ``clean(line)`` gives) is its non-empty parts joined by a space: no split of
    the whole line at whitespace. Else the line is cleaned and each part too."""
    cells = line.lstrip("\t").split("\t")
    joined = "".join(cells)  # (the row block's ``text``)
    if joined.isprintable() and " " not in joined:
        text = " ".join(cells) if "" not in cells else " ".join([c for c in cells if c])
        return Block(n, cells, [n] * len(cells), line, "row", 0, False, (), None, joined, text)
    cells = list(map(" ".join, map(str.split, cells)))
    return Block(n, cells, [n] * len(cells), line, "row", 0, False, (), None, None, " ".join(line.split()))


def _plain_blocks(lines: list[str]) -> list[Block]:
    """``text_blocks`` of a report without one-cell-per-line tables whose lines hold no Word
    bookmark and no zero-width space (``_is_plain``). A line holding a TAB between other characters
    and starting (after whitespace) as neither a pipe row nor a page number is a TAB row, made from
    its TAB-separated parts (``_tab_row``); every other line is cleaned (a split and join), and only
    one holding a TAB or starting with "|" or as a page number is looked at further (``_row_line``);
    the others are paragraph lines, or nothing when blank."""
    blocks: list[Block] = []
    prev_n, prev_text = -1, ""  # the last paragraph line, while no table row followed it
    for n, line in enumerate(lines, 1):
        if "\t" in line:
            head = line.lstrip()[:1]  # (the cleaned line's first character)
            if head and head not in _ROW_OR_PAGE and "\t" in line.strip("\t \u00a0\u3000"):
                blocks.append(_tab_row(n, line))  # (``_row_line``: neither blank, nor a page number, nor a pipe row)
                prev_n = -1
                continue
            text = " ".join(line.split())
            row = _row_line(n, line, text)
        else:
            text = " ".join(line.split())
            # only a line starting with "|" or as a page number (or blank) can be a row
            row = _row_line(n, line, text) if text[:1] in _ROW_OR_PAGE else None
        if row is not None:
            if row is not _SKIP:
                blocks.append(row)
                prev_n = -1
            continue
        if text:  # a paragraph line
            joinable = n == prev_n + 1 and len(prev_text) >= 20 and prev_text[-1] not in _TERMINAL
            blocks.append(Block(n, [text], [n], line, "para", 0, joinable, (), None, text, text))
            prev_n, prev_text = n, text
    return blocks
