"""HTML: the tables as HTML (shared with the Markdown renderer) and a standalone preview page.

Tables are drawn from ``tables.grid`` so the merged headers (rowspan/colspan) are the
official layout; value cells carry ``data-cell="t3.r1_new.np"`` so a reader can map an
edited table back to its cells. The page template (``templates/report.html.j2``) is
rendered with autoescape on: nothing from the data can inject markup.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from draft_report.drafting.facts import fmt_date
from draft_report.drafting.templating import template_env
from draft_report.models.document import ReportDocument
from draft_report.rendering.title import title_lines
from draft_report.sections import TABLE_SECTION
from draft_report.tables import layout as L
from draft_report.tables.grid import Grid, GridCell, table2_grid, table3_grid, table4_grid

PAGE_TEMPLATE = "report.html.j2"
_GRIDS = {"table2": table2_grid, "table3": table3_grid, "table4": table4_grid}


def _cell_html(grid: Grid, r: int, cell: GridCell) -> str:
    """One cell. 表三 (10 columns at most 6 characters a header) is laid out so no header word
    breaks: its column headers do not wrap (``nowrap``, for Markdown viewers that drop classes,
    and ``class="col"``), its row labels are left-aligned (``align="left"``), the
    办理结果 label is vertical (``class="vertical"``), a category label breaks only between words
    (``class="category"``: “（三）” / “不予公开”) and the 勾稽关系 note is not bold."""
    tag = "th" if cell.header else "td"
    attrs = ""
    if cell.rowspan > 1:
        attrs += f' rowspan="{cell.rowspan}"'
    if cell.colspan > 1:
        attrs += f' colspan="{cell.colspan}"'
    if grid.table == "table3" and cell.cell_id is None:
        if cell.text == L.T3_NOTE:
            attrs += ' class="note"'
        elif cell.text == L.T3_RESULTS_LABEL:
            attrs += ' class="vertical"'
        elif r < grid.header_rows:
            attrs += ' class="col" nowrap'
        elif cell.rowspan > 1:
            attrs += ' class="category"'
        else:
            attrs += ' align="left"'
    if cell.cell_id:
        attrs += f' data-cell="{escape(cell.cell_id)}"'
    return f"<{tag}{attrs}>{escape(cell.text)}</{tag}>"


def grid_html(grid: Grid) -> str:
    """One table as compact HTML (no blank lines, so it stays one HTML block in Markdown)."""
    lines = [f'<table class="report-table" data-table="{grid.table}">']
    for r, row in enumerate(grid.rows):
        lines.append("<tr>" + "".join(_cell_html(grid, r, c) for c in row) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)


def document_grids(doc: ReportDocument) -> dict[str, Grid]:
    """The three grids of a document's tables, keyed by the section that holds each."""
    get = doc.tables.cells().get  # every value read once, not looked up cell by cell
    return {TABLE_SECTION[name]: build(get, doc.tables.layout_of(name)) for name, build in _GRIDS.items()}


def render_html(doc: ReportDocument) -> str:
    """A standalone HTML page (UTF-8, print CSS) previewing the whole report."""
    grids = document_grids(doc)
    tables = {key: Markup(grid_html(grid)) for key, grid in grids.items()}  # noqa: S704 - escaped above
    template = template_env(autoescape=True).get_template(PAGE_TEMPLATE)
    return template.render(
        {
            "doc": doc,
            "title_lines": title_lines(doc.title),
            "tables": tables,
            "date_text": fmt_date(doc.date) if doc.date else "",
        }
    )
