"""Decoding a user's text file — data file, CSV log or report — under one policy.

UTF-8 (with or without BOM) first, then UTF-16 when the file starts with its BOM (Excel's
and Notepad's "Unicode" text), then GB18030 (a superset of GBK/GB2312, as saved by Chinese
Windows). A file that is empty, holds binary content, or decodes only into control
characters is refused with an ``InputError`` that names the file.

This module depends on nothing but ``errors`` and ``limits`` so that ``loading``, ``logs`` and ``reading``
can all use it without importing each other.
"""

from __future__ import annotations

import stat
from pathlib import Path

from draft_report.errors import InputError
from draft_report.limits import MAX_TEXT_REPORT_BYTES, check_limit
from draft_report.regex_cache import regex

ENCODINGS = ("utf-8-sig", "gb18030")
# Not allowed in XML 1.0 (so never in a Word file), plus DEL and the C1 controls: never meant in text.
XML_UNSAFE = regex("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters other than TAB, LF, CR, FF: a text file has essentially none.
_CONTROL = frozenset(chr(c) for c in range(32) if chr(c) not in "\t\n\r\f") | {"\x7f"}
_SAMPLE = 20000
_CONTROL_RE = regex(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # the characters of _CONTROL
# The bytes of the characters ``_CONTROL_RE`` matches: in UTF-8 and in GB18030 each such character
# is that one byte, and no byte of a multi-byte character is one of them (UTF-8: all ≥ 0x80;
# GB18030: lead bytes ≥ 0x81, trail bytes 0x30–0x39, 0x40–0x7E or ≥ 0x80).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def regular_file_size(path: Path, *, what: str = "文件", max_bytes: int | None = None) -> int:
    """The size of ``path`` after checking it is an ordinary file (not a folder, FIFO or device,
    which could block a read forever) no larger than ``max_bytes``; ``InputError`` otherwise.
    Call it before opening any input file (text, .docx, .xlsx)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"找不到{what}", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"无法读取{what}（{exc.strerror or exc}）", path=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"这是一个目录，不是{what}", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"这不是普通文件（而是管道、设备或套接字），不能作为{what}读取", path=str(path))
    if max_bytes is not None:
        check_limit(info.st_size, max_bytes, f"{what}大小", unit="字节", path=str(path))
    return info.st_size


def read_text_file(
    path: Path, *, what: str = "文件", hint: str = "", empty_hint: str = "", max_bytes: int = MAX_TEXT_REPORT_BYTES
) -> str:
    """The decoded text of ``path``; ``what`` names the file in messages ("报告文件", "数据文件"),
    ``hint`` is appended to the binary/encoding messages (what the user should provide),
    ``empty_hint`` to the message for an empty file (what it must hold). Files that are not
    ordinary files, or larger than ``max_bytes``, are refused before reading."""
    regular_file_size(path, what=what, max_bytes=max_bytes)
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"找不到{what}", path=str(path)) from None
    except IsADirectoryError:
        raise InputError(f"这是一个目录，不是{what}", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"无法读取{what}（{exc.strerror or exc}）", path=str(path)) from None
    check_limit(len(data), max_bytes, f"{what}大小", unit="字节", path=str(path))
    return decode_text(data, str(path), what=what, hint=hint, empty_hint=empty_hint)


def decode_text(data: bytes, name: str, *, what: str = "文件", hint: str = "", empty_hint: str = "") -> str:
    """Decode the bytes of the file ``name`` (see the module docstring for the policy)."""
    tail = f"；{hint}" if hint else ""
    empty = f"{what}是空的{empty_hint}"
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
        if text is not None and not _mostly_controls(text):
            if not text.strip(" \t\r\n\ufeff"):
                raise InputError(empty, path=name)
            return text
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise InputError(empty, path=name)
    if b"\x00" in data[:4096]:
        raise InputError(f"{what}不是文本文件（含有二进制内容）{tail}", path=name)
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_controls(text, data):
            break
        return text
    raise InputError(
        f"无法识别{what}的编码，或不是文本文件（文本请另存为 UTF-8 或 GB18030/GBK 编码）{tail}", path=name
    )


def _mostly_controls(text: str, data: bytes | None = None) -> bool:
    """More than one character in 200 of the text's first ``_SAMPLE`` a control character;
    ``data``: the UTF-8 or GB18030 bytes ``text`` was decoded from, when it was."""
    sample = text[:_SAMPLE]
    if data is not None and len(sample) == len(text):  # the whole text: count its control bytes
        controls = len(data) - len(data.translate(None, _CONTROL_BYTES))  # one C pass, no regex step per character
    else:
        controls = len(_CONTROL_RE.findall(sample))
    return controls > max(2, len(sample) // 200)


def xml_safe(text: str) -> str:
    """``text`` without the characters a Word (XML) file cannot hold (``XML_UNSAFE``)."""
    return XML_UNSAFE.sub("", text)
