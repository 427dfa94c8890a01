"""The report as a document: what the drafter produces and what every reader returns.

Renderers (Markdown, HTML, Word) take a ``ReportDocument``; readers (Markdown, text, HTML,
Word) give one back, so the checker never knows where a report came from. Line numbers
refer to the source file a reader read (1-based); drafted documents have none.

Plain dataclasses (keyword arguments only), not pydantic models: reading and checking a
report never imports pydantic. Copy with ``dataclasses.replace`` or ``copy.deepcopy``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import Literal

from draft_report.models.tables import Tables
from draft_report.records import dataclass


@dataclass(slots=True, kw_only=True)
class Paragraph:
    """A paragraph of the report's prose (or a sub-heading), with its source line."""

    text: str
    kind: Literal["text", "subheading"] = "text"
    line: int | None = None


@dataclass(slots=True, kw_only=True)
class Section:
    """One section of the report: its heading as written and its paragraphs."""

    key: str | None = None  # 标准章节键（overview…other）；无法识别时为 None
    heading: str  # 标题原文，例如“一、总体情况”
    line: int | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(slots=True, kw_only=True)
class CellIssue:
    """A table cell a reader could not read, or did not find."""

    cell_id: str
    # placeholder: the cell holds "—", "/" or "无" — read as blank (None), never as 0
    problem: Literal["unreadable", "missing", "placeholder"]
    raw: str | None = None
    line: int | None = None


@dataclass(slots=True, kw_only=True)
class TableNote:
    """A departure from the national table layout that the reader noticed and read around
    (an unofficial 小计 column or subtotal row)."""

    table: str  # 表二 / 表三 / 表四
    message: str
    line: int | None = None
    raw: str | None = None


@dataclass(slots=True, kw_only=True)
class ReportDocument:
    """A report as read from any format: title, agency, year, sections, tables and where they were."""

    title: str = ""
    agency: str | None = None
    year: int | None = None
    preface: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    tables: Tables = field(default_factory=Tables)
    tables_found: list[str] = field(default_factory=list)  # 表格是否在报告中找到：table2 / table3 / table4
    cell_issues: list[CellIssue] = field(default_factory=list)
    cell_lines: dict[str, int] = field(default_factory=dict)  # 单元格 id → 源文件行号
    table_lines: dict[str, str] = field(default_factory=dict)  # 单元格 id → 该单元格所在行的原文（用于引用）
    old_format_markers: list[str] = field(default_factory=list)  # 读到的旧版（2019）格式标记
    # 表格格式偏差（非标准的小计列、小计行），读取时已绕开
    table_notes: list[TableNote] = field(default_factory=list)
    # 源文件的文本行（Word 为段落与表格行），用于定位与全文检查
    lines: list[str] = field(default_factory=list)
    # line number → where that line is, for a reader of a source without line numbers
    # (Word: “第5段（“……”）”, “表三“……”行”; PDF: “第3页”)
    line_places: dict[int, str] = field(default_factory=dict)
    signature: str | None = None
    date: dt.date | None = None
    source: str | None = None
    source_format: str | None = None  # markdown / text / html / docx / drafted

    def section(self, key: str) -> Section | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None
