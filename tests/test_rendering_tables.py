"""The drafted sample report's tables equal the published ones cell for cell.

The published tables are read from the copy of the sample report (one cell per line, as
copied out of Word); the drafted ones from the HTML tables embedded in our Markdown.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import lxml.html
import pytest

from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset
from draft_report.models.document import ReportDocument
from draft_report.rendering.html import render_html
from draft_report.rendering.markdown import render_markdown
from draft_report.tables import layout as L

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_REPORT = ROOT / "tests" / "fixtures" / "seeds" / "xiaxian_2023.txt"
XIAXIAN = ROOT / "examples" / "xiaxian-2023" / "data.yaml"
SCJG = ROOT / "examples" / "scjg-2024" / "data.yaml"

# Heading lines that open and close each table in the published text (its 四 is truncated there).
_BOUNDS = {
    "table2": ("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"),
    "table3": ("三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议"),
    "table4": ("四、政府信息公开行政复议", "五、存在的主要问题及改进情况"),
}
_NUMBER = re.compile(r"^\d+(\.\d+)?$")


def published_table(name: str) -> list[str]:
    """Non-empty cell texts of one published table, in reading order, whitespace removed."""
    lines = SAMPLE_REPORT.read_text(encoding="utf-8").splitlines()
    start_mark, end_mark = _BOUNDS[name]
    start = next(i for i, line in enumerate(lines) if line.strip().startswith(start_mark))
    end = next(i for i, line in enumerate(lines) if i > start and line.strip().startswith(end_mark))
    return [re.sub(r"\s+", "", line) for line in lines[start + 1 : end] if line.strip()]


def drafted_tables(markdown: str) -> dict[str, lxml.html.HtmlElement]:
    tables = re.findall(r"<table\b.*?</table>", markdown, flags=re.S)
    out = {}
    for html in tables:
        el = lxml.html.fragment_fromstring(html)
        out[el.get("data-table")] = el
    return out


def cell_texts(table: lxml.html.HtmlElement) -> list[str]:
    return [re.sub(r"\s+", "", c.text_content()) for c in table.iter("th", "td")]


@pytest.fixture(scope="module")
def xiaxian_doc() -> ReportDocument:
    return compose_document(load_dataset(XIAXIAN), OfflineDrafter())


@pytest.mark.parametrize("name", ["table2", "table3", "table4"])
def test_sample_tables_equal_published_cell_for_cell(xiaxian_doc: ReportDocument, name: str) -> None:
    published = published_table(name)
    drafted = [t for t in cell_texts(drafted_tables(render_markdown(xiaxian_doc))[name]) if t]
    # Labels and values, in reading order: the multi-line published labels ("商业" / "企业")
    # are compared as one joined string, values one by one.
    assert "".join(drafted) == "".join(published)
    assert [t for t in drafted if _NUMBER.match(t)] == [t for t in published if _NUMBER.match(t)]


def test_published_table_sizes_are_what_the_layout_says() -> None:
    """Guards the parser above: 10 + 175 + 15 value cells in the sample."""
    counts = {n: sum(1 for t in published_table(n) if _NUMBER.match(t)) for n in _BOUNDS}
    assert counts == {"table2": len(L.t2_cells()), "table3": len(L.t3_cells()), "table4": len(L.t4_cells())}


def _occupancy(table: lxml.html.HtmlElement) -> list[list[int]]:
    """Fill a matrix with the spans of each cell; every position must be covered exactly once."""
    rows = table.findall("tr")
    grid: dict[tuple[int, int], int] = {}
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            while (r, c) in grid:
                c += 1
            rs, cs = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            for dr in range(rs):
                for dc in range(cs):
                    assert (r + dr, c + dc) not in grid, f"overlap at row {r + dr} col {c + dc}"
                    grid[(r + dr, c + dc)] = 1
            c += cs
    height = len(rows)
    width = max(col for _, col in grid) + 1
    return [[grid.get((r, c), 0) for c in range(width)] for r in range(height)]


@pytest.mark.parametrize("example", [XIAXIAN, SCJG])
def test_merged_layout_is_a_full_rectangle(example: Path) -> None:
    doc = compose_document(load_dataset(example), OfflineDrafter())
    tables = drafted_tables(render_markdown(doc))
    widths = {"table2": 4, "table3": 10, "table4": 15}
    for name, table in tables.items():
        matrix = _occupancy(table)
        assert all(all(row) for row in matrix), f"{name}: a position is not covered"
        assert len(matrix[0]) == widths[name]
    assert len(tables["table3"].findall("tr")) == 3 + len(L.T3_ROWS)


def test_every_cell_is_rendered_once_with_its_value() -> None:
    dataset = load_dataset(SCJG)
    doc = compose_document(dataset, OfflineDrafter())
    for render in (render_markdown, render_html):
        tables = drafted_tables(render(doc))
        seen = {td.get("data-cell"): td.text_content() for t in tables.values() for td in t.iter("td")}
        assert set(seen) == set(L.all_cell_ids())
        for cid, text in seen.items():
            value = doc.tables.get(cid)
            assert float(text) == float(value), cid
    # the invented example really exercises non-zero cells, carry-over in and out, a review case
    assert doc.tables.get("t3.r2_carry_in.total") and doc.tables.get("t3.r4_carry_out.total")
    assert doc.tables.get("t4.rv.total")


def test_blank_cell_renders_blank_not_zero(xiaxian_doc: ReportDocument) -> None:
    doc = copy.deepcopy(xiaxian_doc)
    doc.tables.set("t3.r1_new.biz", None)
    table3 = drafted_tables(render_markdown(doc))["table3"]
    cell = next(td for td in table3.iter("td") if td.get("data-cell") == "t3.r1_new.biz")
    assert cell.text_content() == ""
