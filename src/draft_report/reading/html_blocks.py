"""HTML (a government portal page, our own preview, or a table embedded in Markdown) → blocks.

Parsed with lxml.html. Tables are expanded into a grid honouring rowspan/colspan; each grid
row becomes one row block holding the cells that *start* in that row, in column order (a
cell merged across three columns is one value, a label merged down 22 rows is read once).
Headings, paragraphs, list items and text broken by <br> become paragraph blocks. Line
numbers are the HTML source lines (lxml's ``sourceline``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from draft_report.records import dataclass

if TYPE_CHECKING:  # lxml is imported where HTML is parsed: reading a .txt report does not load it
    from lxml import etree

from draft_report.reading.blocks import Block, clean, para, row

_SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "svg", "iframe", "button", "nav"})
# Chrome of a WeChat 公众号 article around #js_content: the author/time/place line, the bottom tool
# bar (阅读原文, 阅读 N, 分享, 在看), tags and QR codes.
_SKIP_IDS = frozenset({"meta_content", "js_tags", "js_pc_qr_code", "js_profile_qrcode", "content_bottom_area",
                       "js_article_bottom_bar", "js_sponsor_ad_area"})
_SKIP_CLASSES = frozenset({"rich_media_meta_list", "rich_media_tool", "rich_media_area_extra", "qr_code_pc"})
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "body", "html", "li", "ul", "ol", "blockquote", "center",
     "header", "footer", "form", "dl", "dt", "dd", "pre", "figure", "figcaption", "aside", "td", "th", "tr",
     "tbody", "thead", "tfoot", "caption"}
    | set(_HEADINGS)
)
_TAG = re.compile(r"<[^>]*>")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff（）])\s+(?=[\u3400-\u9fff（）])")
# Lines of a portal page around the article, never part of a report: breadcrumbs, the
# "发布时间 … 浏览次数" line, font-size and print/close buttons, share links, the site footer.
_TOOL = r"[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|加入收藏|字体[:：]?\s*大\s*中\s*小)\s*[】\]]?"
_CHROME = re.compile(
    r"^(?:当前位置|您的位置|你的位置|所在位置|上一篇|下一篇|主办单位|承办单位|主办|承办|技术支持|版权所有)\s*[:：]"
    r"|(?:浏览|点击|阅读|访问)(?:次数|量)\s*[:：]|分享到\s*[:：]"
    r"|网站标识码|ICP备|公网安备|扫一扫在手机"
    rf"|^(?:{_TOOL}\s*)+$"
)
_META = re.compile(r"^(?:发布时间|发布日期|信息来源|文章来源|来源)\s*[:：]")


def is_portal_chrome(text: str) -> bool:
    """True for a line of a portal page's chrome (see ``_CHROME``), not of the report."""
    t = clean(text)
    if "。" in t or len(t) > 120:
        return False
    return bool(_CHROME.search(t)) or (bool(_META.match(t)) and len(t) <= 60)


@dataclass(frozen=True)
class GridSlot:
    text: str
    origin: bool  # True where the cell starts (top-left of a merged area)
    line: int


def cell_text(el: etree._Element) -> str:
    """A cell's text; <br> and line breaks inside Chinese words are dropped ("商业<br>企业")."""
    return _CJK_GAP.sub("", clean("".join(el.itertext())))


def table_grid(table: etree._Element, line_offset: int = 0) -> list[list[GridSlot | None]]:
    """The table as a rectangular grid; merged areas are filled with non-origin slots."""
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    grid: dict[tuple[int, int], GridSlot] = {}
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.xpath("./td|./th"):
            while (r, c) in grid:
                c += 1
            rowspan = _span(cell.get("rowspan"))
            colspan = _span(cell.get("colspan"))
            line = (cell.sourceline or tr.sourceline or 1) + line_offset
            text = cell_text(cell)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = GridSlot(text, dr == 0 and dc == 0, line)
            c += colspan
            width = max(width, c)
    return [[grid.get((r, c)) for c in range(width)] for r in range(len(rows))]


def _span(value: str | None) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return max(1, min(n, 100))


def table_blocks(table: etree._Element, line_offset: int = 0) -> list[Block]:
    out: list[Block] = []
    for slots in table_grid(table, line_offset):
        cells = [s for s in slots if s is not None and s.origin]
        if not cells:
            continue
        texts = [s.text for s in cells]
        out.append(row(texts, [s.line for s in cells], "\t".join(texts)))
    return out


def _is_layout_table(table: etree._Element) -> bool:
    """Older portals lay out the whole article in a table: read such a table as blocks."""
    if table.xpath(".//table"):
        return True
    return any(len(cell.text_content()) > 300 for cell in table.xpath(".//td|.//th"))


class _Walker:
    def __init__(self, line_offset: int = 0) -> None:
        self.blocks: list[Block] = []
        self.offset = line_offset
        self._buf: list[str] = []
        self._buf_line = 0

    def flush(self, level: int = 0) -> None:
        text = "".join(self._buf)
        for piece in text.split("\n"):
            piece = clean(piece)
            if piece:
                self.blocks.append(para(self._buf_line, piece, md_level=level))
        self._buf = []

    def add_text(self, text: str | None, line: int) -> None:
        if text:
            if not self._buf:
                self._buf_line = line
            self._buf.append(text)

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        line = (el.sourceline or 1) + self.offset
        if tag in _SKIP or not tag:
            if not tag:  # comment or processing instruction: keep the tail
                self.add_text(el.tail, line)
            return
        if el.get("id") in _SKIP_IDS or not _SKIP_CLASSES.isdisjoint((el.get("class") or "").split()):
            self.add_text(el.tail, line)
            return
        if tag == "table" and not _is_layout_table(el):
            self.flush()
            self.blocks.extend(table_blocks(el, self.offset))
            self.add_text(el.tail, line)
            return
        if tag == "br":
            self.add_text("\n", line)
            self.add_text(el.tail, line)
            return
        is_block = tag in _BLOCK_TAGS
        if is_block:
            self.flush()
        self.add_text(el.text, line)
        for child in el:
            self.walk(child)
        if is_block:
            self.flush(_HEADINGS.get(tag, 0))
        self.add_text(el.tail, line)


def html_blocks(text: str) -> list[Block]:
    """Blocks of a whole HTML page."""
    text = _XML_DECL.sub("", text, count=1)
    import lxml.html

    root = lxml.html.document_fromstring(text)
    body = root.find("body")
    walker = _Walker()
    walker.walk(body if body is not None else root)
    walker.flush()
    return [b for b in walker.blocks if b.kind != "para" or not is_portal_chrome(b.text)]


def fragment_blocks(fragment: str, first_line: int) -> list[Block]:
    """Blocks of an HTML fragment that starts on source line ``first_line`` (Markdown)."""
    walker = _Walker(first_line - 1)
    import lxml.html

    for el in lxml.html.fragments_fromstring(fragment):
        if isinstance(el, str):
            walker.add_text(el, first_line)
        else:
            walker.walk(el)
    walker.flush()
    return walker.blocks


def strip_tags(line: str) -> str:
    """A source line without its tags and entities, for quoting (``ReportDocument.lines``)."""
    text = _TAG.sub("", line)
    if "&" not in text:  # no entity: spare a text report the html module's import (a large regex)
        return text
    import html

    return html.unescape(text)


def renumber(blocks: list[Block]) -> list[str]:
    """Number the blocks 1..n and return their texts as the document's lines (minified pages)."""
    lines: list[str] = []
    for n, b in enumerate(blocks, start=1):
        b.line = n
        b.cell_lines = [n] * len(b.cell_lines)
        lines.append("\t".join(b.cells) if b.kind == "row" else b.cells[0])
    return lines
