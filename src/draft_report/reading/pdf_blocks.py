"""A PDF with a text layer → blocks (paragraphs and table rows), read with pdfplumber.

pdfplumber (on pdfminer.six) is used because it gives what reading a report's tables needs:
every character's box and the ruling lines and rectangles, from which it builds the cell
boxes of a ruled table (merged cells included). pypdfium2 extracts text faster but has no
table model; see bench/pdf_reading.py for the figures.

Per page: the ruled tables (``pdf_layout``: two columns or more, background boxes ignored)
become row blocks — each row holds the cells that start in it, like the HTML reader's grid,
so a label merged down 22 rows is read once and a table continued on the next page simply
goes on; the text outside them becomes lines, grouped into paragraphs. Line numbers count
the blocks (one per paragraph or table row), as for Word; a finding names the page instead
(``ReportDocument.line_places``), since a PDF has no line numbers a reader can follow.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from draft_report.reading.blocks import Block, clean, para, row
from draft_report.reading.pdf_layout import (
    TableGrid,
    TextLine,
    body_margins,
    closing_rules,
    furniture,
    join_cell_lines,
    join_lines,
    paragraphs,
)

_TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
_WHITE = 0.9  # a fill whose every component is at least this light is a background


def _colour_is_light(colour: Any) -> bool:
    if colour is None:
        return True
    if isinstance(colour, (int, float)):
        values: tuple[float, ...] = (float(colour),)
    elif isinstance(colour, (tuple, list)):
        try:
            values = tuple(float(c) for c in colour)
        except (TypeError, ValueError):
            return False
    else:
        return False
    if len(values) == 4:  # CMYK: light when there is little ink
        return all(v <= 1 - _WHITE for v in values)
    return all(v >= _WHITE for v in values)


def _is_ruling(obj: dict[str, Any]) -> bool:
    """Keep chars, lines and curves; keep a rectangle only when it can be a ruling: stroked,
    or filled dark, or a thin bar (a border drawn as a filled rectangle)."""
    if obj.get("object_type") != "rect":
        return True
    if obj.get("stroke") and not _colour_is_light(obj.get("stroking_color")):
        return True
    thin = min(float(obj.get("width", 0)), float(obj.get("height", 0))) <= 2.0
    return bool(obj.get("fill")) and (thin or not _colour_is_light(obj.get("non_stroking_color")))


def _columns(table: Any) -> int:
    return len({round(cell[0]) for cell in table.cells})


def _box(bbox: Any) -> tuple[float, float, float, float]:
    return (float(bbox[0]), float(bbox[1]), float(bbox[2]), float(bbox[3]))


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (float(obj["x0"]) + float(obj["x1"])) / 2
    cy = (float(obj["top"]) + float(obj["bottom"])) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


MAX_PAGE_CHARS = 60_000  # a dense A4 page holds about 2,000 characters
MAX_PAGE_EDGES = 6_000  # ruled tables of a report: a few hundred segments per page


class PageTooComplex(ValueError):
    """A page far beyond what a report page holds (a hostile or broken file): not read."""


class _Geometry:
    """What pdfplumber's table finder reads of a page: its characters, ruling edges and box."""

    def __init__(self, chars: list[dict[str, Any]], edges: list[dict[str, Any]], bbox: tuple[float, ...]) -> None:
        self.chars = chars
        self.edges = edges
        self.bbox = bbox


def geometry_items(
    number: int, chars: list[dict[str, Any]], drawn: list[dict[str, Any]], bbox: tuple[float, float, float, float]
) -> tuple[list[TextLine], list[TableGrid]]:
    """The text lines outside tables and the tables of one page, from its characters and its
    drawn lines/rectangles (pdfplumber's object dicts, whichever library extracted them)."""
    from pdfplumber.table import TableFinder
    from pdfplumber.utils import obj_to_edges
    from pdfplumber.utils.text import chars_to_textmap

    if len(chars) > MAX_PAGE_CHARS or len(drawn) > MAX_PAGE_EDGES:
        raise PageTooComplex(f"PDF 第 {number} 页有 {len(chars)} 个字符、{len(drawn)} 条线段，远超一页报告的内容，"
                             "文件可能已损坏或被构造过；未读取")
    edges = [e for obj in drawn if _is_ruling(obj) for e in obj_to_edges(obj)]
    edges += [e for obj in closing_rules(edges) for e in obj_to_edges(obj)]
    found = TableFinder(_Geometry(chars, edges, bbox), _TABLE_SETTINGS).tables  # type: ignore[arg-type]
    tables = [t for t in found if _columns(t) >= 2 and len(t.rows) >= 2]
    frames = [_box(t.bbox) for t in found if t not in tables]  # one-column ruled boxes: text inside is prose
    boxes = [_box(t.bbox) for t in tables]
    grids: list[TableGrid] = []
    for t in tables:
        x0, top, x1, bottom = _box(t.bbox)
        t.page = _Geometry([c for c in chars if x0 - 1 <= c["x0"] and c["x1"] <= x1 + 1 and top - 1 <= c["top"]
                            and c["bottom"] <= bottom + 1], [], t.bbox)  # type: ignore[assignment]  # extract() scans only these
        grid = TableGrid(page=number, top=float(t.bbox[1]))
        for cells in t.extract(x_tolerance=1.5):
            grid.rows.append([None if c is None else join_cell_lines(c) for c in cells])
        grids.append(grid)
    outside = [c for c in chars if not _inside(c, boxes)]
    lines: list[TextLine] = []
    if not outside:
        return lines, grids
    for ln in chars_to_textmap(outside, x_tolerance=1.5).extract_text_lines(strip=True, return_chars=True):
        text = clean(ln["text"])
        if not text:
            continue
        sizes = [round(float(c.get("size", 0)), 1) for c in ln["chars"] if not c["text"].isspace()]
        size = max(set(sizes), key=sizes.count) if sizes else 12.0
        frame = next((f for f in frames if _inside(ln, [f])), None)
        box = (frame[0] + 2, frame[2] - 2) if frame is not None else None
        lines.append(TextLine(number, text, float(ln["x0"]), float(ln["x1"]), float(ln["top"]),
                              float(ln["bottom"]), size, box))
    return lines, grids


def page_items(page: Any, number: int) -> tuple[list[TextLine], list[TableGrid]]:
    """The text lines outside tables and the tables of one pdfplumber page."""
    drawn = [*page.rects, *page.lines, *page.curves]
    return geometry_items(number, page.chars, drawn, _box(page.bbox))


def _ordered(lines: list[TextLine], grids: list[TableGrid]) -> Iterator[TextLine | TableGrid]:
    items: list[tuple[int, float, int, TextLine | TableGrid]] = [(ln.page, ln.top, 1, ln) for ln in lines]
    items += [(g.page, g.top, 0, g) for g in grids]
    for _, _, _, item in sorted(items, key=lambda t: (t[0], t[1], t[2])):
        yield item


def layout_blocks(
    lines: list[TextLine], grids: list[TableGrid], heights: dict[int, float]
) -> tuple[list[Block], dict[int, str]]:
    """Blocks in reading order (furniture dropped, lines grouped into paragraphs, table rows),
    and where each block's line is for a reader of the PDF: its page, “第3页”, or the pages a
    paragraph runs over, “第3～4页” (the page a PDF viewer shows, counted from 1)."""
    drop = furniture(lines, heights)
    body = [ln for i, ln in enumerate(lines) if i not in drop]
    margins = body_margins([ln for ln in body if ln.box is None] or body)
    blocks: list[Block] = []
    places: dict[int, str] = {}
    run: list[TextLine] = []

    def flush() -> None:
        for group in paragraphs(run, margins):
            text = join_lines([ln.text for ln in group])
            blocks.append(para(len(blocks) + 1, text))
            places[len(blocks)] = page_place(group[0].page, group[-1].page)
        run.clear()

    for item in _ordered(body, grids):
        if isinstance(item, TextLine):
            run.append(item)
            continue
        flush()
        for cells in item.rows:
            texts = [c for c in cells if c is not None]
            if not any(t.strip() for t in texts):
                continue
            n = len(blocks) + 1
            blocks.append(row(texts, [n] * len(texts), "\t".join(texts)))
            places[n] = page_place(item.page, item.page)
    flush()
    return blocks, places


def page_place(first: int, last: int) -> str:
    """“第3页”, or “第3～4页” for a paragraph that goes on over a page break."""
    return f"第{first}页" if first == last else f"第{first}～{last}页"


def block_lines(blocks: list[Block]) -> list[str]:
    """The document's lines: one per block (a paragraph, or a table row with TAB-separated cells)."""
    return ["\t".join(b.cells) if b.kind == "row" else b.cells[0] for b in blocks]
