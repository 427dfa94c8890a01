"""Decoding a report file: UTF-8 (with or without BOM), else GB18030; binary is refused."""

from __future__ import annotations

import re
from pathlib import Path

from draft_report.errors import InputError

ENCODINGS = ("utf-8-sig", "gb18030")
# Control characters other than TAB, LF, CR, FF: a text report has essentially none.
_NEWLINE = re.compile(r"\r\n|\r|\n")
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}


def read_source_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("找不到报告文件", path=str(path)) from exc
    except IsADirectoryError as exc:
        raise InputError("这是一个目录，不是报告文件", path=str(path)) from exc
    except OSError as exc:
        raise InputError(f"无法读取报告文件（{exc.strerror or exc}）", path=str(path)) from exc
    return decode_report(data, str(path))


def decode_report(data: bytes, name: str) -> str:
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise InputError("报告文件是空的，没有可检查的内容", path=name)
    if b"\x00" in data[:4096]:
        raise InputError("不是文本文件（含有二进制内容）；请提供 .docx、.md、.txt 或 .html 格式的报告", path=name)
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:20000] if ch in _CONTROL)
        if controls > max(2, len(text[:20000]) // 200):
            break
        return text
    raise InputError(
        "无法识别文件编码，或不是文本文件；请保存为 UTF-8 或 GB18030 编码的文本后再检查", path=name
    )


def split_lines(text: str) -> list[str]:
    """Source lines as an editor numbers them: only CR/LF end a line (not pdftotext's form feed)."""
    lines = _NEWLINE.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines
