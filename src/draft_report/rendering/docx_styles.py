"""Page setup, fonts and paragraph styles of the Word report (GB/T 9704-2012, spec §8).

Everything here writes plain WordprocessingML through python-docx's oxml layer, so the values
can be asserted from the XML: A4, margins 37/35/28/26 mm, 3号仿宋_GB2312 body on an exact
28.95 pt line, 2号方正小标宋简体 title, 黑体 / 楷体_GB2312 headings, "— 1 —" page numbers in 4号宋体.
East-Asian fonts are set on the document defaults, the theme, every style and every run, so
Word and WPS never fall back to a Latin theme font; digits and Latin text use Times New Roman.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from lxml import etree

from draft_report.records import dataclass

# --- fonts ------------------------------------------------------------------------------------
# Runs name the official face of each role; the font table gives each one a fallback chain of
# faces every Chinese Windows / WPS machine has (w:altName, a comma-separated list: ECMA-376
# §17.8.3.1), with the panose, charset and family a substituting viewer matches on.
FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"

FONT_CHAINS: dict[str, tuple[str, ...]] = {
    FANGSONG: ("仿宋", "FangSong"),
    KAITI: ("楷体", "KaiTi"),
    HEITI: ("SimHei",),
    XIAOBIAOSONG: ("宋体", "SimSun"),
    SONGTI: ("SimSun",),
}


@dataclass(frozen=True)
class FontInfo:
    panose: str
    family: str  # roman = serif, swiss = sans (what a viewer falls back to by kind)
    pitch: str = "variable"
    charset: str = "86"  # GB2312


_SERIF_CJK = FontInfo("02010609060101010101", "roman", "fixed")
# fmt: off
FONT_TABLE: dict[str, FontInfo] = {
    LATIN: FontInfo("02020603050405020304", "roman", charset="00"),
    FANGSONG: _SERIF_CJK, "仿宋": _SERIF_CJK, "FangSong": _SERIF_CJK,
    KAITI: _SERIF_CJK, "楷体": _SERIF_CJK, "KaiTi": _SERIF_CJK,
    HEITI: FontInfo("02010609060101010101", "swiss", "fixed"), "SimHei": FontInfo("02010609060101010101", "swiss", "fixed"),
    XIAOBIAOSONG: FontInfo("02000000000000000000", "roman"),
    SONGTI: FontInfo("02010600030101010101", "roman"), "SimSun": FontInfo("02010600030101010101", "roman"),
}
# fmt: on

# --- sizes in points ------------------------------------------------------------------------
SIZE_TITLE = 22.0  # 2号
SIZE_BODY = 16.0  # 3号
SIZE_PAGE_NUMBER = 14.0  # 4号
SIZE_TABLE = 10.5  # 五号
SIZE_TABLE_SMALL = 9.0  # 小五

# --- page geometry (twips; 1 mm = 56.7 twips) -------------------------------------------------
PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838
MARGIN_TOP = 2098  # 37 mm
MARGIN_BOTTOM = 1984  # 35 mm
MARGIN_LEFT = 1587  # 28 mm
MARGIN_RIGHT = 1474  # 26 mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips ≈ 156 mm
LINE_PITCH = 579  # 28.95 pt: 225 mm / 22 lines
TITLE_LINE = 700  # 35 pt exact line for the 2号 title

# paragraph style ids created here
STYLE_TITLE = "ReportTitle"
STYLE_TABLE_TEXT = "TableText"
STYLE_TABLE_HEADER = "TableHeader"
STYLE_SIGNATURE = "Signature"


# Child order of the property elements (ECMA-376 schema). Word refuses a document whose
# property children are out of order, so every element added here goes through ``put``.
# fmt: off
SCHEMA_ORDER: dict[str, tuple[str, ...]] = {
    "w:pPr": (
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
        "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
        "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
        "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
    ),
    "w:rPr": (
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
        "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
        "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
        "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
        "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
    ),
    "w:tblPr": (
        "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
        "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
    ),
    "w:trPr": (
        "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
        "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange",
    ),
    "w:tcPr": (
        "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
        "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
        "w:cellDel", "w:cellMerge", "w:tcPrChange",
    ),
}
# fmt: on
_ORDER: dict[str, list[str]] = {qn(k): [qn(t) for t in v] for k, v in SCHEMA_ORDER.items()}


def put(parent: etree._Element, new: etree._Element) -> etree._Element:
    """Add ``new`` to a property element at its schema position (replacing one of the same tag)."""
    existing = parent.find(new.tag)
    if existing is not None:
        parent.replace(existing, new)
        return new
    order = _ORDER[parent.tag]
    rank = order.index(new.tag)
    for el in parent:
        if el.tag in order and order.index(el.tag) > rank:
            el.addprevious(new)
            return new
    parent.append(new)
    return new


def child(parent: etree._Element, tag: str) -> etree._Element:
    """The ``tag`` child of a property element, created at its schema position if missing."""
    el = parent.find(qn(tag))
    return el if el is not None else put(parent, OxmlElement(tag))


def set_fonts(r_pr: etree._Element, east_asia: str, latin: str = LATIN) -> None:
    """Give an ``w:rPr`` explicit fonts: East-Asian ``east_asia``, Latin/digits ``latin``.

    Theme font attributes are removed: they take precedence over explicit names in Word.
    """
    fonts = child(r_pr, "w:rFonts")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")


def style_run(run: Run, east_asia: str, size: float, *, bold: bool = False, latin: str = LATIN) -> None:
    """Fonts and size on one run (repeated on every run so no viewer falls back)."""
    set_fonts(run._r.get_or_add_rPr(), east_asia, latin)
    run.font.size = Pt(size)
    run.font.bold = bold


def _set_spacing(
    p_pr: etree._Element, *, line: int | None, rule: str, before: int = 0, after: int = 0
) -> None:
    spacing = child(p_pr, "w:spacing")
    spacing.attrib.clear()
    spacing.set(qn("w:before"), str(before))
    spacing.set(qn("w:after"), str(after))
    if line is not None:
        spacing.set(qn("w:line"), str(line))
        spacing.set(qn("w:lineRule"), rule)


def _set_indent(p_pr: etree._Element, first_chars: int, *, left_chars: int = 0, right_chars: int = 0) -> None:
    """Indent in hundredths of a character (firstLineChars=200 = two characters)."""
    ind = child(p_pr, "w:ind")
    ind.attrib.clear()
    one_char = int(SIZE_BODY * 20)  # 320 twips = one 3号 character
    ind.set(qn("w:firstLineChars"), str(first_chars))
    ind.set(qn("w:firstLine"), str(first_chars * one_char // 100))
    if left_chars:
        ind.set(qn("w:leftChars"), str(left_chars))
        ind.set(qn("w:left"), str(left_chars * one_char // 100))
    if right_chars:
        ind.set(qn("w:rightChars"), str(right_chars))
        ind.set(qn("w:right"), str(right_chars * one_char // 100))


def _flag(p_pr: etree._Element, tag: str, value: str | None = None) -> None:
    el = child(p_pr, tag)
    if value is not None:
        el.set(qn("w:val"), value)


def no_grid_single(p_pr: etree._Element) -> None:
    """Single line spacing, no indent, not snapped to the document grid (table cells)."""
    _set_spacing(p_pr, line=240, rule="auto")
    _set_indent(p_pr, 0)
    _flag(p_pr, "w:snapToGrid", "0")


def _paragraph_style(
    document: DocxDocument,
    name: str,
    *,
    east_asia: str,
    size: float,
    bold: bool = False,
    based_on: str | None = "Normal",
    outline: int | None = None,
) -> ParagraphStyle:
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = styles[based_on] if based_on else None
    style.quick_style = True
    r_pr = style.element.get_or_add_rPr()
    for tag in ("w:color", "w:b", "w:bCs", "w:i", "w:iCs"):
        for el in r_pr.findall(qn(tag)):
            r_pr.remove(el)
    set_fonts(r_pr, east_asia)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    child(r_pr, "w:color").set(qn("w:val"), "000000")
    p_pr = style.element.get_or_add_pPr()
    if outline is not None:
        _flag(p_pr, "w:outlineLvl", str(outline))
    return style


def _set_doc_defaults(document: DocxDocument) -> None:
    styles_el = document.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(r_pr, FANGSONG)
    for tag in ("w:sz", "w:szCs"):
        child(r_pr, tag).set(qn("w:val"), "32")
    lang = r_pr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    p_pr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set_spacing(p_pr, line=240, rule="auto")


_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_FOREIGN_SCRIPTS = {"Jpan", "Hang", "Hant"}


def font_table_xml() -> bytes:
    """``word/fontTable.xml``: the faces this document uses, each with its fallback chain.

    Replaces python-docx's default table (Cambria, Calibri, ＭＳ 明朝, ＭＳ ゴシック …), which
    Japanese-first viewers would read as the document's intended East-Asian faces.
    """
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    root = etree.Element(f"{{{w}}}fonts", nsmap={"w": w})
    for name, info in FONT_TABLE.items():
        font = etree.SubElement(root, f"{{{w}}}font")
        font.set(f"{{{w}}}name", name)
        chain = FONT_CHAINS.get(name)
        if chain:
            etree.SubElement(font, f"{{{w}}}altName").set(f"{{{w}}}val", ",".join(chain))
        etree.SubElement(font, f"{{{w}}}panose1").set(f"{{{w}}}val", info.panose)
        etree.SubElement(font, f"{{{w}}}charset").set(f"{{{w}}}val", info.charset)
        etree.SubElement(font, f"{{{w}}}family").set(f"{{{w}}}val", info.family)
        etree.SubElement(font, f"{{{w}}}pitch").set(f"{{{w}}}val", info.pitch)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_FONT_TABLE_XML = font_table_xml()


def _set_font_table(document: DocxDocument) -> None:
    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/fontTable"):
            rel.target_part._blob = _FONT_TABLE_XML


def _set_theme_fonts(document: DocxDocument) -> None:
    """East-Asian theme fonts: major 黑体, minor 仿宋_GB2312 (also the Hans script entry)."""
    for rel in document.part.rels.values():
        if rel.is_external or not rel.reltype.endswith("/theme"):
            continue
        part = rel.target_part
        root = etree.fromstring(part.blob)
        for tag, east_asia in (("majorFont", HEITI), ("minorFont", FANGSONG)):
            for font in root.iter(f"{{{_A}}}{tag}"):
                latin = font.find(f"{{{_A}}}latin")
                if latin is not None:
                    latin.set("typeface", LATIN)
                ea = font.find(f"{{{_A}}}ea")
                if ea is not None:
                    ea.set("typeface", east_asia)
                for other in font.findall(f"{{{_A}}}font"):
                    if other.get("script") in _FOREIGN_SCRIPTS:  # ＭＳ 明朝, 맑은 고딕, 新細明體
                        font.remove(other)
                hans = [f for f in font.findall(f"{{{_A}}}font") if f.get("script") == "Hans"]
                if hans:
                    hans[0].set("typeface", east_asia)
                else:
                    el = etree.SubElement(font, f"{{{_A}}}font")
                    el.set("script", "Hans")
                    el.set("typeface", east_asia)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup_styles(document: DocxDocument) -> None:
    normal = _paragraph_style(document, "Normal", east_asia=FANGSONG, size=SIZE_BODY, based_on=None)
    p_pr = normal.element.get_or_add_pPr()
    _set_spacing(p_pr, line=LINE_PITCH, rule="exact")
    _set_indent(p_pr, 200)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.widow_control = True

    title = _paragraph_style(document, STYLE_TITLE, east_asia=XIAOBIAOSONG, size=SIZE_TITLE)
    t_pr = title.element.get_or_add_pPr()
    _set_spacing(t_pr, line=TITLE_LINE, rule="exact", after=LINE_PITCH)
    _set_indent(t_pr, 0)
    _flag(t_pr, "w:snapToGrid", "0")  # a 35 pt line would otherwise take two 28.95 pt grid lines
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.keep_with_next = True

    for name, font, level in (("Heading 1", HEITI, 0), ("Heading 2", KAITI, 1), ("Heading 3", FANGSONG, 2)):
        style = _paragraph_style(document, name, east_asia=font, size=SIZE_BODY, outline=level)
        h_pr = style.element.get_or_add_pPr()
        _set_spacing(h_pr, line=LINE_PITCH, rule="exact")
        _set_indent(h_pr, 200)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    for name, bold in ((STYLE_TABLE_TEXT, False), (STYLE_TABLE_HEADER, True)):
        style = _paragraph_style(document, name, east_asia=SONGTI, size=SIZE_TABLE, bold=bold, based_on=None)
        no_grid_single(style.element.get_or_add_pPr())

    sig = _paragraph_style(document, STYLE_SIGNATURE, east_asia=FANGSONG, size=SIZE_BODY)
    s_pr = sig.element.get_or_add_pPr()
    _set_indent(s_pr, 0, right_chars=200)
    sig.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    footer = _paragraph_style(document, "Footer", east_asia=SONGTI, size=SIZE_PAGE_NUMBER)
    set_fonts(footer.element.get_or_add_rPr(), SONGTI, SONGTI)
    f_pr = footer.element.get_or_add_pPr()
    _set_spacing(f_pr, line=240, rule="auto")
    _set_indent(f_pr, 0)
    for el in f_pr.findall(qn("w:tabs")):
        f_pr.remove(el)


def _setup_page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Twips(PAGE_WIDTH)
    section.page_height = Twips(PAGE_HEIGHT)
    section.top_margin = Twips(MARGIN_TOP)
    section.bottom_margin = Twips(MARGIN_BOTTOM)
    section.left_margin = Twips(MARGIN_LEFT)
    section.right_margin = Twips(MARGIN_RIGHT)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(25)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.clear()
    # Lines only: with a character grid (linesAndChars, charSpace -849 for 28 per line)
    # LibreOffice spread the characters to ~12 per line; natural widths give ~27 per line.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))


def _page_number_paragraph(paragraph: DocxParagraph, *, odd: bool) -> None:
    """“— 1 —”: 4号宋体, odd pages right / even pages left, one character in from the edge."""
    paragraph.style = "Footer"
    p_pr = paragraph._p.get_or_add_pPr()
    one_char = int(SIZE_PAGE_NUMBER * 20)
    ind = child(p_pr, "w:ind")
    ind.set(qn("w:right" if odd else "w:left"), str(one_char))
    ind.set(qn("w:firstLine"), "0")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT

    def text(t: str) -> None:
        run = paragraph.add_run(t)
        style_run(run, SONGTI, SIZE_PAGE_NUMBER, latin=SONGTI)

    def fld(kind: str) -> None:
        run = paragraph.add_run()
        style_run(run, SONGTI, SIZE_PAGE_NUMBER, latin=SONGTI)
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)

    text("— ")
    fld("begin")
    instr = paragraph.add_run()
    style_run(instr, SONGTI, SIZE_PAGE_NUMBER, latin=SONGTI)
    instr_el = OxmlElement("w:instrText")
    instr_el.set(qn("xml:space"), "preserve")
    instr_el.text = " PAGE "
    instr._r.append(instr_el)
    fld("separate")
    text("1")
    fld("end")
    text(" —")


def _setup_footers(document: DocxDocument) -> None:
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        _page_number_paragraph(paragraph, odd=odd)


# Styles kept from python-docx's default template; the rest (≈ 160 table, list and character
# styles nobody uses here) would make styles.xml 350 KB. Word supplies any built-in style a
# reviewer picks later from its own latent-style list.
_KEPT_STYLES = {
    "Normal", "Heading1", "Heading2", "Heading3", "Header", "Footer", "CommentText", "CommentReference",
    "CommentSubject", "BalloonText", "FootnoteText", "FootnoteReference",
    STYLE_TITLE, STYLE_TABLE_TEXT, STYLE_TABLE_HEADER, STYLE_SIGNATURE,
}


def _prune_template(document: DocxDocument) -> None:
    """Drop unused template styles and the Word 2010 ``stylesWithEffects`` copy (440 KB)."""
    styles_el = document.styles.element
    removed = set()
    for style in styles_el.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        if style.get(qn("w:default")) in ("1", "true") or style_id in _KEPT_STYLES:
            continue
        removed.add(style_id)
        styles_el.remove(style)
    for style in styles_el.findall(qn("w:style")):
        for ref in ("w:link", "w:next", "w:basedOn"):
            el = style.find(qn(ref))
            if el is not None and el.get(qn("w:val")) in removed:
                style.remove(el)
    for r_id, rel in list(document.part.rels.items()):
        if not rel.is_external and rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(r_id)


def setup_document(document: DocxDocument) -> None:
    """Apply page, fonts, styles and page numbers to a fresh python-docx document."""
    _prune_template(document)
    _set_doc_defaults(document)
    _set_theme_fonts(document)
    _set_font_table(document)
    _setup_styles(document)
    _setup_page(document)
    _setup_footers(document)
    core = document.core_properties
    core.language = "zh-CN"
