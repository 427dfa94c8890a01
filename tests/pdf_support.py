"""Helpers shared by the PDF tests and bench (no tests here): a drafted report printed as a PDF.

reportlab's built-in CJK font STSong-Light needs no font file. The PDF is laid out the way
agencies' PDFs are: A4, 2-character first-line indent, ruled tables with merged cells drawn
from ``tables.grid`` (表三 runs over a page break without its header repeated; the vertical
"三、本年度办理结果" label wraps one character per line in its narrow column), a page number
"— N —" at the foot of every page and, optionally, a running header.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from draft_report.sections import TABLE_SECTION
from draft_report.tables.grid import Grid, table2_grid, table3_grid, table4_grid

if TYPE_CHECKING:  # reportlab is imported by the functions that draw (not when a test module is collected)
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Table

    from draft_report.models.document import ReportDocument

FONT = "STSong-Light"
_GRIDS = {"table2": table2_grid, "table3": table3_grid, "table4": table4_grid}


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _styles() -> dict[str, ParagraphStyle]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20, firstLineIndent=24, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=26, alignment=1, firstLineIndent=0),
        "body": base,
        "heading": ParagraphStyle("heading", parent=base, spaceBefore=4),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10, firstLineIndent=0, alignment=1),
        "sign": ParagraphStyle("sign", parent=base, alignment=2, firstLineIndent=0),
    }


def _widths(grid: Grid, total: float) -> list[float]:
    from reportlab.lib.units import mm

    if grid.table == "table3":  # vertical label column, category column, row label, 7 values
        fixed = [6 * mm, 16 * mm, 44 * mm]
        rest = (total - sum(fixed)) / (grid.width - 3)
        return fixed + [rest] * (grid.width - 3)
    if grid.table == "table2":
        return [total * 0.4] + [total * 0.2] * (grid.width - 1)
    return [total / grid.width] * grid.width


def grid_table(grid: Grid, styles: dict[str, ParagraphStyle], total: float) -> Table:
    """A reportlab ``Table`` of a grid: merged cells as SPANs, every cell ruled."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    data: list[list[object]] = []
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    taken: set[tuple[int, int]] = set()
    for r, cells in enumerate(grid.rows):
        row: list[object] = [""] * grid.width
        c = 0
        for cell in cells:
            while (r, c) in taken:
                c += 1
            row[c] = Paragraph(cell.text, styles["cell"]) if cell.text else ""
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            if cell.rowspan > 1 or cell.colspan > 1:
                spans.append(((c, r), (c + cell.colspan - 1, r + cell.rowspan - 1)))
            c += cell.colspan
        data.append(row)
    table = Table(data, colWidths=_widths(grid, total), repeatRows=0, splitByRow=1)
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
    ]
    commands += [("SPAN", a, b) for a, b in spans]
    table.setStyle(TableStyle(commands))
    return table


def write_report_pdf(doc: ReportDocument, path: Path, *, running_header: str | None = None) -> Path:
    """Print ``doc`` (drafted or read) as a PDF with a text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    _font()
    styles = _styles()
    page = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm,
                             topMargin=37 * mm, bottomMargin=35 * mm, title=doc.title)
    story: list[object] = []
    if doc.title:
        story.append(Paragraph(doc.title, styles["title"]))
        story.append(Spacer(1, 12))
    story += [Paragraph(p.text, styles["body"]) for p in doc.preface]
    table_for = {section: table for table, section in TABLE_SECTION.items()}
    drawn = set(doc.tables_found) if doc.tables_found else set(_GRIDS)
    for section in doc.sections:
        story.append(Paragraph(section.heading, styles["heading"]))
        story += [Paragraph(p.text, styles["body"]) for p in section.paragraphs]
        table = table_for.get(section.key or "")
        if table in drawn:
            story.append(grid_table(_GRIDS[table](doc.tables.get), styles, page.width))
            story.append(Spacer(1, 8))
    if doc.signature:
        story.append(Spacer(1, 24))
        story.append(Paragraph(doc.signature, styles["sign"]))
    if doc.date:
        story.append(Paragraph(f"{doc.date.year}年{doc.date.month}月{doc.date.day}日", styles["sign"]))

    def furniture(canvas: Canvas, _doc: object) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 10)
        canvas.drawCentredString(A4[0] / 2, 20 * mm, f"— {canvas.getPageNumber()} —")
        if running_header:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 18 * mm, running_header)
        canvas.restoreState()

    page.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def write_scanned_pdf(path: Path) -> Path:
    """A 'scanned' report: one page holding only an image, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    image = Image.new("RGB", (600, 840), "white")
    draw = ImageDraw.Draw(image)
    for y in range(100, 800, 30):
        draw.rectangle((60, y, 540, y + 12), fill="black")  # lines of "text" as pixels
    canvas = Canvas(str(path), pagesize=A4)
    from reportlab.lib.utils import ImageReader

    canvas.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    canvas.showPage()
    canvas.save()
    return path
