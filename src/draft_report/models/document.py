"""The report as a document: what the drafter produces and what every reader returns.

Renderers (Markdown, HTML, Word) take a ``ReportDocument``; readers (Markdown, text, HTML,
Word) give one back, so the checker never knows where a report came from. Line numbers
refer to the source file a reader read (1-based); drafted documents have none.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from draft_report.models.tables import Tables


class Paragraph(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str
    kind: Literal["text", "subheading"] = "text"
    line: int | None = None


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str | None = Field(None, description="标准章节键（overview…other）；无法识别时为 None")
    heading: str = Field(description="标题原文，例如“一、总体情况”")
    line: int | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


class CellIssue(BaseModel):
    """A table cell a reader could not read, or did not find."""

    model_config = ConfigDict(extra="forbid")

    cell_id: str
    # placeholder: the cell holds "—", "/" or "无" — read as blank (None), never as 0
    problem: Literal["unreadable", "missing", "placeholder"]
    raw: str | None = None
    line: int | None = None


class TableNote(BaseModel):
    """A departure from the national table layout that the reader noticed and read around
    (an unofficial 小计 column or subtotal row)."""

    model_config = ConfigDict(extra="forbid")

    table: str  # 表二 / 表三 / 表四
    message: str
    line: int | None = None
    raw: str | None = None


class ReportDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = ""
    agency: str | None = None
    year: int | None = None
    preface: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    tables: Tables = Field(default_factory=Tables)
    tables_found: list[str] = Field(
        default_factory=list, description="表格是否在报告中找到：table2 / table3 / table4"
    )
    cell_issues: list[CellIssue] = Field(default_factory=list)
    cell_lines: dict[str, int] = Field(default_factory=dict, description="单元格 id → 源文件行号")
    table_lines: dict[str, str] = Field(
        default_factory=dict, description="单元格 id → 该单元格所在行的原文（用于引用）"
    )
    old_format_markers: list[str] = Field(default_factory=list, description="读到的旧版（2019）格式标记")
    table_notes: list[TableNote] = Field(
        default_factory=list, description="表格格式偏差（非标准的小计列、小计行），读取时已绕开"
    )
    lines: list[str] = Field(
        default_factory=list, description="源文件的文本行（Word 为段落与表格行），用于定位与全文检查"
    )
    line_places: dict[int, str] = Field(
        default_factory=dict,
        description="行号 → 该行在源文件中的位置说明（Word 文件没有行号：“第5段（“……”）”“表三“……”行”）",
    )
    signature: str | None = None
    date: dt.date | None = None
    source: str | None = None
    source_format: str | None = None  # markdown / text / html / docx / drafted

    def section(self, key: str) -> Section | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None
