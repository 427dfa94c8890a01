"""A report file's text (decoded by ``draft_report.textfiles``) and its source lines."""

from __future__ import annotations

import re
from pathlib import Path

from draft_report.textfiles import read_text_file

_NEWLINE = re.compile(r"\r\n|\r|\n")
_FORMATS_HINT = "请提供 .docx、.md、.txt 或 .html 格式的报告"


def read_source_text(path: Path) -> str:
    """The text of a report file; ``InputError`` naming the file when it is missing, empty,
    binary or in an unknown encoding."""
    return read_text_file(path, what="报告文件", hint=_FORMATS_HINT, empty_hint="，没有可检查的内容")


def split_lines(text: str) -> list[str]:
    """Source lines as an editor numbers them: only CR/LF end a line (not pdftotext's form feed)."""
    lines = _NEWLINE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines
