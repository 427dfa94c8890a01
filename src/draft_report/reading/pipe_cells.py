"""Tables copied out of a web page as "|"-terminated cells → row blocks.

Text extracted from an HTML table (a browser's copy, a crawler) writes every cell followed by
"|"; where the line breaks fall depends on the page's markup, not on the table's rows:

- a row per line, without a leading "|":            ``规章 | 0 | 0 | 0 |``
- a cell per line (its ``<td>`` held a paragraph):   ``规章 |`` / ``0 |`` / ``0 |`` …
- the cell's text and its "|" on lines of their own: ``规章`` / ``|`` / ``0`` / ``|`` …
- empty cells as bare pipes:                        ``行政许可 |`` / ``|`` / ``0 |`` / ``||``
  A cell left blank still has its own line (or a space between its pipes); pipes run together
  ("||", "|||||||") close no cell: they are a page's fillers (colspans), and where a row's empty
  cells were dropped with them (“3 |” / “3 |” / “|||||||”: 自然人 and 总计 of a row whose five
  other cells are gone) the row is left short — unreadable, never shifted into other columns.

So the cells are read as one stream — the text between two pipes is a cell, whatever lines it
spans — and a line that holds two or more non-empty cells is a row as written. The stream is cut
into rows where the table's own structure says a row starts: at a label after a value or a blank
(the values of a row follow its label), and at a label numbered as the tables' row labels are
("一、", "（一）", "1.") — a header's column names are not, so a header run together with the
first row's label still leaves that label a row of its own. The rows then go to the table
readers like any other rows, blank cells keeping their positions.

Only a report that writes cells this way (several lines ending in "|" without starting with
one, or several bare "|" lines) is read so; a Markdown-style row ("| a | b |") is left to
``text_blocks`` as before.
"""

from __future__ import annotations

from draft_report.reading.blocks import Block, classify_cell, clean
from draft_report.reading.outline import parse_heading
from draft_report.regex_cache import regex

# How many lines must show the layout before a report is read this way.
_MIN_LINES = 3
# A cell's text on a line of its own (the third layout) is short and is no sentence.
_MAX_CELL = 80
# The numbering of the tables' row labels: 一、 / （一） / 1. (a header's column names have none).
_ROW_NUMBER = regex(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、])")
_PIPES = "| \t\u3000\u00a0"
_LOOK_AHEAD = 3  # lines a cell's text may run over before its "|"


def _pipe_only(line: str) -> bool:
    return "|" in line and not line.strip(_PIPES)


def uses_cell_terminators(lines: list[str], text: str) -> bool:
    """True when the report writes table cells followed by "|" (``text`` is the lines joined)."""
    if "|" not in text:
        return False
    ended = bare = 0
    for line in lines:
        if "|" not in line:
            continue
        s = line.strip()
        if not s.strip(_PIPES):
            bare += 1
        elif s.endswith("|") and not s.startswith("|"):
            ended += 1
        if ended >= _MIN_LINES or bare >= _MIN_LINES:
            return True
    return False


def _cells(line: str) -> list[str]:
    """The cells of one line: the text before each "|" (the text after the last one, when there is
    any, is a cell still open — its "|" is on a later line — and comes last)."""
    return line.split("|")


def _may_be_cell(line: str) -> bool:
    """A line without "|" that can be a cell's text in the layout where the "|" follows on a line of
    its own: short, no sentence, no section heading."""
    s = line.strip()
    return bool(s) and len(s) <= _MAX_CELL and "。" not in s and parse_heading(s) is None


def _continues(lines: list[str], i: int, open_stream: bool) -> bool:
    """Whether line ``i`` (no "|", a possible cell text) is a cell's text whose "|" comes later: the
    next line holding a "|" is among the next few, with only possible cell texts between, and is a
    bare "|" (the third layout) — or, while a stream is open, any line of the stream ("商业" /
    "企业 |": a cell broken over two lines)."""
    for j in range(i + 1, min(i + 1 + _LOOK_AHEAD, len(lines))):
        s = lines[j].strip()
        if not s:
            continue
        if "|" in s:
            return _pipe_only(s) or (open_stream and not s.startswith("|"))
        if not _may_be_cell(s):
            return False
    return False


def _starts_row(cell: str, row: list[str]) -> bool:
    """Whether a label cell begins a new row of the stream rather than continuing ``row``."""
    if not row:
        return False
    if classify_cell(row[-1]) != "text":  # a label after a value or a blank
        return True
    return _ROW_NUMBER.match(cell) is not None


def pipe_blocks(lines: list[str]) -> tuple[list[Block], set[int]]:
    """The row blocks of the "|"-terminated table lines, and the (0-based) indices of the lines they
    take; every other line is left to ``text_blocks``."""
    blocks: list[Block] = []
    used: set[int] = set()
    stream: list[tuple[str, int]] = []  # (cell text, 1-based line) of the open stream
    pending = ""  # text of a cell whose "|" has not come yet
    pending_line = 0

    def flush() -> None:
        nonlocal pending, pending_line
        if pending.strip():
            stream.append((clean(pending), pending_line))
        pending, pending_line = "", 0
        if stream:
            blocks.extend(_rows(stream))
            stream.clear()

    for i, line in enumerate(lines):
        s = line.strip()
        if "|" in s:
            if s.startswith("|") and not _pipe_only(s) and sum(1 for c in s.split("|") if c.strip()) >= 2:
                flush()  # a Markdown-style row: ``text_blocks`` reads it as before
                continue
            if parse_heading(s.split("|", 1)[0].strip()) is not None and not _pipe_only(s):
                flush()
                continue
            if not s.endswith("|") and not (stream or pending):
                flush()  # "首页 | 网站地图 | 联系我们": no cell ends here, no table is open
                continue
            parts = _cells(s)
            filled = [c for c in parts[:-1] if c.strip()]
            if len(filled) >= 2 and not pending.strip():  # a row as written
                flush()
                cells = [clean(c) for c in parts[:-1]]
                if parts[-1].strip():
                    cells.append(clean(parts[-1]))
                if cells and not cells[0] and s.startswith("|"):
                    cells = cells[1:]
                blocks.append(Block(i + 1, cells, [i + 1] * len(cells), line, "row"))
                used.add(i)
                continue
            used.add(i)
            for k, part in enumerate(parts[:-1]):
                if k and not part and not pending:
                    continue  # "||": a pipe right after a pipe closes no cell of the row (a filler)
                text = pending + part
                stream.append((clean(text), pending_line or i + 1))
                pending, pending_line = "", 0
            if parts[-1].strip():
                pending, pending_line = parts[-1], i + 1
            continue
        if not s:
            continue
        if _may_be_cell(s) and _continues(lines, i, bool(stream or pending)):
            used.add(i)
            pending = (pending + " " + s) if pending else s
            pending_line = pending_line or i + 1
            continue
        flush()
    flush()
    return blocks, used


def _rows(stream: list[tuple[str, int]]) -> list[Block]:
    """Cut a stream of cells into row blocks (leading blanks — a row's opening "|" — dropped)."""
    out: list[Block] = []
    row: list[str] = []
    at: list[int] = []
    for text, line in stream:
        if not row and not text:
            continue
        if text and classify_cell(text) == "text" and _starts_row(text, row):
            out.append(_row_block(row, at))
            row, at = [], []
        row.append(text)
        at.append(line)
    if row:
        out.append(_row_block(row, at))
    return out


def _row_block(cells: list[str], at: list[int]) -> Block:
    raw = " | ".join(cells) + " |"
    return Block(at[0], cells, at, raw, "row")
