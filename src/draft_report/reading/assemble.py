"""Blocks → ``ReportDocument``: title, preface, sections, tables, signature and date.

The one core behind every front end: it finds the section headings, hands each table the
blocks of the section that holds it (the whole document when that section is missing),
and keeps the remaining paragraphs, with their line numbers, in their sections.
"""

from __future__ import annotations

from draft_report.models.document import Paragraph, ReportDocument, Section
from draft_report.reading import table_reader
from draft_report.reading.blocks import Block, compact
from draft_report.reading.outline import (
    HEADING_STARTS,
    STANDARD_HEADINGS,
    Heading,
    agency_and_year,
    is_signature,
    is_subheading,
    is_title_line,
    parse_date,
    parse_heading,
    section_keys,
    split_signature_date,
    trailing_heading,
)
from draft_report.reading.table_reader import TableRead
from draft_report.sections import SECTION_KEYS, TABLE_SECTION
from draft_report.tables.years import report_year

_READERS = {
    "table2": table_reader.read_table2,
    "table3": table_reader.read_table3,
    "table4": table_reader.read_table4,
}


def _heading_of(block: Block) -> Heading | None:
    if block.kind != "para":
        return None
    if block.md_level == 2:
        h = parse_heading(block.text)
        return h or Heading("", block.text, block.text, "")
    if block.md_level:
        return None
    return parse_heading(block.text)


def build_document(
    blocks: list[Block], lines: list[str], *, source: str | None, fmt: str
) -> ReportDocument:
    read = TableRead()  # what the tables hold is read into the document's own fields
    doc = ReportDocument(lines=lines, source=source, source_format=fmt, tables=read.tables, cell_issues=read.issues,
                         cell_lines=read.cell_lines, table_lines=read.table_lines, old_format_markers=read.markers,
                         table_notes=read.notes)
    # --- headings -----------------------------------------------------------
    heads = _headings(blocks)
    if len(heads) < len(SECTION_KEYS):  # fewer headings than sections: one may end a paragraph line
        split = _split_trailing_headings(blocks)  # (rare: a line break lost before it)
        if split is not blocks:
            blocks = split
            heads = _headings(blocks)
    # --- title and preface ----------------------------------------------------
    first = heads[0][0] if heads else len(blocks)
    title_end = _title(blocks[:first], doc)
    doc.preface = _paragraphs(blocks[title_end:first], set(), fmt)
    # --- signature and date (last lines) -------------------------------------
    end = _closing(blocks, first, doc)
    # --- sections ---------------------------------------------------------------
    spans: list[tuple[int, int, Heading, str | None]] = []
    stops = [heads[n + 1][0] if n + 1 < len(heads) else end for n in range(len(heads))]
    keyed = section_keys(
        [h.title for _, h in heads], [not h.rest and stop <= i + 1 for (i, h), stop in zip(heads, stops, strict=True)]
    )
    for n, (i, h) in enumerate(heads):
        stop = heads[n + 1][0] if n + 1 < len(heads) else end
        spans.append((i, min(stop, end) if i < end else stop, h, keyed[n]))
    # --- tables -----------------------------------------------------------------
    # the format of the tables follows the report's year (title, preface, statistics period)
    read.year = report_year(doc.year, [p.text for p in doc.preface], doc.date)
    for table, reader in _READERS.items():
        section = TABLE_SECTION[table]
        span = next(((a, b) for a, b, _, k in spans if k == section), None)
        region = blocks[span[0] + 1 : span[1]] if span else blocks[first:end]
        reader(region, read)
    doc.tables_found = [t for t in _READERS if t in read.found]
    # --- paragraphs -------------------------------------------------------------
    for i, b, h, key in spans:
        paras: list[Paragraph] = []
        if h.rest:
            paras.append(Paragraph(text=h.rest, line=blocks[i].line))
        paras += _paragraphs(blocks[i + 1 : b], read.zone, fmt)
        doc.sections.append(Section(key=key, heading=h.heading, line=blocks[i].line, paragraphs=paras))
    return doc


_MAX_TRAILER = 20  # footer lines after the date ("（此件公开发布）") are short


def _closing(blocks: list[Block], first: int, doc: ReportDocument) -> int:
    """Find the date (and the signature before it, or on its line) among the last lines.

    Returns the index where the last section's content ends."""
    end = len(blocks)
    for i in range(end - 1, max(first, end - 4) - 1, -1):
        b = blocks[i]
        if b.kind != "para":
            return end
        day = parse_date(b.text)
        if day is None:
            sig_day = split_signature_date(b.text)
            if sig_day is not None:
                doc.signature, doc.date = sig_day
                return i
            if len(b.text.strip()) > _MAX_TRAILER or parse_heading(b.text) is not None:
                return end
            continue
        doc.date = day
        prev = blocks[i - 1] if i - 1 > first else None
        if prev is not None and prev.kind == "para" and is_signature(prev.text):
            doc.signature = prev.text.strip()
            return i - 1
        return i
    return end


def _title(blocks: list[Block], doc: ReportDocument) -> int:
    """Fill title/agency/year from the leading lines; returns the index after the title.

    A Markdown/HTML level-1 heading naming a report wins; then the first lines (a title may
    be broken over two or three); then, on a portal page whose navigation comes first, the
    first title-like line that names a report and its year."""
    h1 = [i for i, b in enumerate(blocks) if b.kind == "para" and b.md_level == 1]
    named = [i for i in h1 if "报告" in blocks[i].text]
    if named or h1:
        if named or not _report_line(blocks):
            i = (named or h1)[0]
            return _set_title(doc, blocks[i].text.strip(), i + 1)
    parts: list[str] = []
    stop = 0
    for i, b in enumerate(blocks[:3]):
        if b.kind != "para" or not is_title_line(b.text):
            break
        parts.append(b.text.strip())
        stop = i + 1
        if "报告" in "".join(parts):
            break
    if "报告" not in "".join(parts):
        found = _report_line(blocks)
        if found is not None:
            title = blocks[found].text.strip()
            prev = blocks[found - 1] if found > 0 else None
            starts_with_year = compact(title)[:1] in "0123456789二〇"
            if starts_with_year and prev is not None and prev.kind == "para" and is_title_line(prev.text) \
                    and len(compact(prev.text)) <= 20:
                title = prev.text.strip() + title  # "某某局" / "2024年度政府信息公开工作年度报告"
            return _set_title(doc, title, found + 1)
    if parts and "报告" not in "".join(parts):
        parts, stop = parts[:1], 1
    return _set_title(doc, "".join(parts), stop)


def _report_line(blocks: list[Block]) -> int | None:
    """The first short line naming a report of some year ("…2024年度政府信息公开工作年度报告")."""
    for i, b in enumerate(blocks):
        if b.kind == "para" and is_title_line(b.text) and "报告" in b.text and agency_and_year(b.text)[1]:
            return i
    return None


def _set_title(doc: ReportDocument, title: str, stop: int) -> int:
    doc.title = title
    doc.agency, doc.year = agency_and_year(title)
    return stop


def _headings(blocks: list[Block]) -> list[tuple[int, Heading]]:
    """(index, heading) of the blocks that are section headings."""
    return [
        (i, h) for i, b in enumerate(blocks)
        if b.kind == "para" and (b.md_level or b.cells[0][:1] in HEADING_STARTS) and (h := _heading_of(b))
    ]


def _split_trailing_headings(blocks: list[Block]) -> list[Block]:
    """``blocks`` with a paragraph line that ends with a standard section heading (``trailing_heading``)
    made two blocks of that line: its text, then the heading. The list itself when no line does."""
    ends = STANDARD_HEADINGS
    hits = [i for i, b in enumerate(blocks) if b.text.endswith(ends)]  # (one tight pass: few lines end so)
    out: list[Block] | None = None
    done = 0
    for i in hits:
        b = blocks[i]
        at = trailing_heading(b.cells[0]) if b.kind == "para" and not b.md_level and b.cells else None
        if at is None:
            continue
        out = (out or []) + blocks[done:i]
        text = b.cells[0]
        out.append(Block(b.line, [text[:at]], [b.line], b.raw, "para", 0, b.joinable))
        head = text[at:].strip()
        out.append(Block(b.line, [head], [b.line], head, "para"))
        done = i + 1
    return blocks if out is None else out + blocks[done:]


def _paragraphs(blocks: list[Block], zone: set[int], fmt: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    prev_joinable_target = False
    for b in blocks:
        if id(b) in zone:
            prev_joinable_target = False
            continue
        para = b.kind == "para"
        text = (b.cells[0] if para else "\t".join(b.cells)).strip()
        if not text:
            continue
        sub = b.md_level >= 3 or (para and text[0] in "（(" and is_subheading(text))
        if fmt == "text" and b.joinable and prev_joinable_target and not sub and out:
            out[-1].text += text
            continue
        out.append(Paragraph(text=text, kind="subheading" if sub else "text", line=b.line))
        prev_joinable_target = para and not sub
    return out
