"""Characters and drawn rulings of a PDF page read with pypdfium2 (PDFium, C++), in the object
dicts pdfplumber uses, so that the same table finder and line grouping (``pdf_blocks``) run on them.

Why: pdfminer.six parses content streams in pure Python; on the official reports it spends
about three quarters of the reader's time there (bench/pdf_reading.py). PDFium does the same
parsing an order of magnitude faster; pypdfium2 ships with pdfplumber. The table model stays
pdfplumber's (edges → intersections → cells): only the extraction is swapped.

Characters: PDFium's loose boxes (font ascent to descent, like pdfminer's), generated spaces
and line breaks left out. Paths: each subpath that is an axis-parallel rectangle becomes a
``rect`` (with stroke/fill flags and colours, so that white background boxes can be told from
rulings), each straight axis-parallel segment of a stroked path a ``line``. Objects inside form
XObjects are placed with their form's matrix.
"""

from __future__ import annotations

import ctypes
from typing import Any

from draft_report.reading.pdf_blocks import PageTooComplex, geometry_items
from draft_report.reading.pdf_layout import TableGrid, TextLine

MAX_PAGE_OBJECTS = 50_000  # text runs, paths and images of one page
_DESCENT = 0.12  # typical descent of a CJK/Latin font, as a share of the font size
_AXIS = 0.5  # a segment within this many points of horizontal/vertical is axis-parallel
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def _colour(raw: Any, getter: Any, obj: Any) -> tuple[float, float, float] | None:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return None
    return (r.value / 255, g.value / 255, b.value / 255)


def _chars(textpage: Any, raw: Any, height: float) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    tp = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    for i in range(textpage.count_chars()):
        if raw.FPDFText_IsGenerated(tp, i) == 1:
            continue
        code = raw.FPDFText_GetUnicode(tp, i)
        if code in (0, 0xFFFE, 0xFFFF) or code >= 0x110000:
            continue
        ch = chr(code)
        if ch.isspace():
            continue
        loose = raw.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(rect))
        tight = raw.FPDFText_GetCharBox(tp, i, ctypes.byref(left), ctypes.byref(right),
                                        ctypes.byref(bottom), ctypes.byref(top))
        if not (loose or tight):
            continue
        ink = (bottom.value + top.value) / 2 if tight else None
        if loose:
            x0, x1, y0, y1 = rect.left, rect.right, rect.bottom, rect.top
        else:
            x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
        # the font size as printed: PDFium's size is in text space, scaled by the char's matrix
        size = float(raw.FPDFText_GetFontSize(tp, i))
        if raw.FPDFText_GetMatrix(tp, i, ctypes.byref(matrix)):
            size *= abs(matrix.d) or abs(matrix.b) or 1.0
        if not 0 < size < 10 * (y1 - y0 + 1):
            size = y1 - y0
        if ink is not None and top.value > bottom.value and y1 - y0 > 2.5 * size:
            # a vertical-writing font: PDFium's loose box runs down the column, its bottom is
            # not the glyph's; centre the box on the ink instead
            y0, y1 = ink - size / 2, ink + size / 2
            x0, x1 = left.value, right.value
        elif raw.FPDFText_GetCharOrigin(tp, i, ctypes.byref(ox), ctypes.byref(oy)):
            # as pdfminer: from the descent line (below the baseline) up by the font size; the
            # loose box's height depends on the font's own bounding box, which varies
            y0 = oy.value - _DESCENT * size
            y1 = y0 + size
        else:
            y1 = y0 + size
        t, b = height - y1, height - y0
        out.append({
            "object_type": "char", "text": ch, "x0": x0, "x1": x1, "top": t, "bottom": b, "doctop": t,
            "y0": y0, "y1": y1, "width": x1 - x0, "height": y1 - y0, "size": size, "upright": True,
            "matrix": (1.0, 0.0, 0.0, 1.0, x0, y0), "fontname": "",
        })
    return out


def _path_objects(obj: Any, m: Matrix, raw: Any, height: float) -> list[dict[str, Any]]:
    """The rectangles and straight lines of one path object, in page coordinates (top-down)."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill_mode), ctypes.byref(stroke)):
        return []
    stroked, filled = bool(stroke.value), fill_mode.value != 0
    if not stroked and not filled:
        return []
    stroking = _colour(raw, raw.FPDFPageObj_GetStrokeColor, obj)
    non_stroking = _colour(raw, raw.FPDFPageObj_GetFillColor, obj)
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[list[tuple[float, float]]] = []
    closed: list[bool] = []
    curved: list[bool] = []
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            continue
        kind = raw.FPDFPathSegment_GetType(seg)
        point = _apply(m, x.value, y.value)
        if kind == raw.FPDF_SEGMENT_MOVETO or not subpaths:
            subpaths.append([point])
            closed.append(False)
            curved.append(False)
        else:
            subpaths[-1].append(point)
            curved[-1] |= kind == raw.FPDF_SEGMENT_BEZIERTO
        if raw.FPDFPathSegment_GetClose(seg):
            closed[-1] = True
    out: list[dict[str, Any]] = []
    base = {"stroke": stroked, "fill": filled, "stroking_color": stroking, "non_stroking_color": non_stroking}
    for points, is_closed, is_curved in zip(subpaths, closed, curved, strict=True):
        if is_curved:
            continue
        pts = points + [points[0]] if is_closed else points
        xs, ys = {round(p[0], 1) for p in points}, {round(p[1], 1) for p in points}
        if len(points) in (4, 5) and len(xs) == 2 and len(ys) == 2:
            x0, x1, y0, y1 = min(p[0] for p in points), max(p[0] for p in points), min(p[1] for p in points), \
                max(p[1] for p in points)
            out.append({**base, "object_type": "rect", "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                        "top": height - y1, "bottom": height - y0, "doctop": height - y1,
                        "width": x1 - x0, "height": y1 - y0})
            continue
        if not stroked:
            continue
        for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
            if abs(ax - bx) <= _AXIS or abs(ay - by) <= _AXIS:
                x0, x1 = sorted((ax, bx))
                y0, y1 = sorted((ay, by))
                if abs(ax - bx) <= _AXIS:
                    x0 = x1 = (ax + bx) / 2
                else:
                    y0 = y1 = (ay + by) / 2
                out.append({**base, "object_type": "line", "x0": x0, "x1": x1, "y0": y0, "y1": y1,
                            "top": height - y1, "bottom": height - y0, "doctop": height - y1,
                            "width": x1 - x0, "height": y1 - y0})
    return out


def _drawn(page: Any, raw: Any, height: float) -> tuple[list[dict[str, Any]], int]:
    """Rulings of a page (rectangles and lines) and the number of its images."""
    drawn: list[dict[str, Any]] = []
    images = 0
    stack: list[tuple[int, Matrix]] = []
    if raw.FPDFPage_CountObjects(page.raw) > MAX_PAGE_OBJECTS:
        raise PageTooComplex(f"PDF 页面有 {raw.FPDFPage_CountObjects(page.raw)} 个绘制对象，远超一页报告的内容，"
                             "文件可能已损坏或被构造过；未读取")
    for obj in page.get_objects(max_depth=4):
        while stack and stack[-1][0] >= obj.level:
            stack.pop()
        own = obj.get_matrix()
        m = _mul((own.a, own.b, own.c, own.d, own.e, own.f), stack[-1][1] if stack else _IDENTITY)
        if obj.type == raw.FPDF_PAGEOBJ_FORM:
            stack.append((obj.level, m))
        elif obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif obj.type == raw.FPDF_PAGEOBJ_PATH:
            drawn += _path_objects(obj.raw, m, raw, height)
    return drawn, images


def extract(path: str, max_pages: int) -> tuple[list[TextLine], list[TableGrid], dict[int, float], int, int]:
    """(lines, tables, page heights, images, pages) of a PDF; raises what PDFium raises on a bad file."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(path)
    try:
        pages = len(pdf)
        if pages > max_pages:
            return [], [], {}, 0, pages
        lines: list[TextLine] = []
        grids: list[TableGrid] = []
        heights: dict[int, float] = {}
        images = 0
        for number in range(1, pages + 1):
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                heights[number] = float(height)
                textpage = page.get_textpage()
                try:
                    chars = _chars(textpage, raw, height)
                finally:
                    textpage.close()
                drawn, n_images = _drawn(page, raw, height)
                images += n_images
                page_lines, page_grids = geometry_items(number, chars, drawn, (0.0, 0.0, float(width), float(height)))
                lines += page_lines
                grids += page_grids
            finally:
                page.close()
        return lines, grids, heights, images, pages
    finally:
        pdf.close()
