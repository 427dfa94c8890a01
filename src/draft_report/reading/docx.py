"""Read a Word (.docx) report into the same ``ReportDocument`` every reader returns.

``read_docx(path)`` walks the body in order (``docx_body``), reads the official tables by
their labels (``docx_tables``) and splits the paragraphs into title, preface, the six
sections, signature and date. ``parse_docx`` also returns where every line and table cell
lives in the Word file, which ``rendering.docx_comments`` uses to attach findings.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError

from draft_report.errors import InputError
from draft_report.models.document import Paragraph, ReportDocument, Section
from draft_report.reading.docx_body import Body, BodyLine, walk_body
from draft_report.reading.docx_tables import TableRead, norm, read_tables
from draft_report.sections import SECTIONS

_HEADING = re.compile(r"^([一二三四五六七八九十]{1,3})[、．.]\s*(\S.*)$")
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")
_DATE = re.compile(
    r"^(\d{4}|[〇零○一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$"
)
_YEAR = re.compile(r"(20\d{2})\s*年")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
_NUMERALS = "一二三四五六七八九十"


@dataclass
class DocxRead:
    document: ReportDocument
    body: Body
    tables: TableRead
    section_lines: dict[str, int] = field(default_factory=dict)  # section key → heading line


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _NUMERALS.index(text[1]) + 1
    if text.endswith("十"):
        return (_NUMERALS.index(text[0]) + 1) * 10
    if "十" in text:
        return (_NUMERALS.index(text[0]) + 1) * 10 + _NUMERALS.index(text[2]) + 1
    return _NUMERALS.index(text) + 1


def parse_date(text: str) -> dt.date | None:
    m = _DATE.match(norm(text))
    if not m:
        return None
    try:
        return dt.date(*(_cn_number(g) for g in m.groups()))
    except (ValueError, IndexError):
        return None


def _section_key(number: str, title: str) -> str | None:
    t = norm(title)
    for s in SECTIONS:
        std = norm(s.title)
        if t.startswith(std[:4]) or (len(t) >= 4 and std.startswith(t)):
            return s.key
    for s in SECTIONS:
        if s.number == number and norm(s.title)[:2] in t:
            return s.key
    return None


def _heading(text: str, last_number: int) -> tuple[str | None, int] | None:
    """(section key, number) when ``text`` is a section heading line."""
    t = text.strip()
    m = _HEADING.match(t)
    if not m or len(t) > 40 or "。" in t:
        return None
    try:
        number = _cn_number(m.group(1))
    except (ValueError, IndexError):
        return None
    key = _section_key(m.group(1), m.group(2))
    if key is None and number <= last_number:
        return None
    return key, number


def _is_title_part(text: str) -> bool:
    t = text.strip()
    return len(t) <= 40 and not t.endswith(("。", "：", ":")) and "，" not in t


def _split_lines(bl: BodyLine) -> list[str]:
    return [part.strip() for part in bl.text.split("\n") if part.strip()]


def assemble(body: Body, tables: TableRead, *, source: str | None) -> DocxRead:
    doc = ReportDocument(source=source, source_format="docx")
    doc.lines = [bl.text for bl in body.lines]
    title_parts: list[str] = []
    section: Section | None = None
    last_number = 0
    section_lines: dict[str, int] = {}
    for bl in body.lines:
        if bl.row is not None:
            continue
        text = bl.text.strip()
        head = _heading(text, last_number)
        if head is not None:
            key, last_number = head[0], head[1]
            section = Section(key=key, heading=text, line=bl.line)
            doc.sections.append(section)
            if key is not None and key not in section_lines:
                section_lines[key] = bl.line
            continue
        if section is None:
            if not doc.preface and _is_title_part(text) and not "".join(title_parts).endswith("报告"):
                title_parts.append(text.replace("\n", ""))
                continue
            doc.preface.extend(Paragraph(text=t, line=bl.line) for t in _split_lines(bl))
            continue
        for t in _split_lines(bl):
            kind = "subheading" if _SUBHEADING.match(t) and len(t) <= 40 and "。" not in t else "text"
            section.paragraphs.append(Paragraph(text=t, kind=kind, line=bl.line))

    # signature and date close the last section
    if doc.sections:
        tail = doc.sections[-1].paragraphs
        if tail and (date := parse_date(tail[-1].text)) is not None:
            doc.date = date
            tail.pop()
            if tail and len(tail[-1].text) <= 30 and not re.search(r"[。，；：]", tail[-1].text):
                doc.signature = tail.pop().text
    doc.title = "".join(title_parts)
    if m := _YEAR.search(doc.title):
        doc.year = int(m.group(1))
        agency = doc.title[: m.start()].strip()
        doc.agency = agency or None

    doc.tables = tables.tables
    doc.tables_found = [t for t in ("table2", "table3", "table4") if t in tables.found]
    doc.cell_issues = tables.issues
    doc.cell_lines = tables.cell_lines
    doc.table_lines = tables.table_lines
    doc.old_format_markers = list(tables.old_markers)
    return DocxRead(doc, body, tables, section_lines)


def parse_docx(document: DocxDocument, *, source: str | None = None) -> DocxRead:
    body = walk_body(document)
    tables = read_tables(body.tables, body.lines)
    return assemble(body, tables, source=source)


def open_docx(path: Path) -> DocxDocument:
    """Open a .docx or raise ``InputError`` in Chinese naming the file."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"找不到 Word 文件：{path}")
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            f"无法读取 Word 文件 {path}：不是有效的 .docx 文件（{type(exc).__name__}）。"
            "如为 .doc 或 WPS 格式，请先另存为 .docx"
        ) from exc


def read_docx(path: Path) -> ReportDocument:
    """Paragraphs and tables of a .docx in body order → ``ReportDocument``."""
    path = Path(path)
    return parse_docx(open_docx(path), source=str(path)).document


__all__ = ["DocxRead", "open_docx", "parse_date", "parse_docx", "read_docx"]
