"""A report file's text (decoded by ``draft_report.textfiles``) and its source lines."""

from __future__ import annotations

from pathlib import Path

from draft_report.textfiles import read_text_file

_FORMATS_HINT = "请提供 .docx、PDF、.md、.txt 或 .html 格式的报告"


def read_source_text(path: Path) -> str:
    """The text of a report file; ``InputError`` naming the file when it is missing, empty,
    binary or in an unknown encoding."""
    return read_text_file(path, what="报告文件", hint=_FORMATS_HINT, empty_hint="，没有可检查的内容")


def split_lines(text: str) -> list[str]:
    """Source lines as an editor numbers them: only CR/LF end a line (not pdftotext's form feed)."""
    if "\r" in text:  # CR LF, and a lone CR, end a line as LF does
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


# Formats a report is often saved in that no reader here handles: named with what to do.
UNSUPPORTED_FORMATS: dict[str, str] = {
    ".doc": "旧版 Word（.doc）",
    ".wps": "WPS 文字（.wps）",
    ".ofd": "OFD 版式文件（.ofd）",
    ".odt": "OpenDocument 文本（.odt）",
    ".rtf": "RTF",
    ".xps": "XPS",
    ".djvu": "DjVu",
    ".jpg": "图片（.jpg）",
    ".jpeg": "图片（.jpeg）",
    ".png": "图片（.png）",
    ".tif": "图片（.tif）",
    ".tiff": "图片（.tiff）",
    ".zip": "压缩包（.zip）",
    ".rar": "压缩包（.rar）",
    ".7z": "压缩包（.7z）",
}
_IMAGE = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".djvu")
_ARCHIVE = (".zip", ".rar", ".7z")


def unsupported_format(path: Path) -> str | None:
    """The message for a report in a format no reader handles (what it is and what to do), else None."""
    suffix = path.suffix.lower()
    name = UNSUPPORTED_FORMATS.get(suffix)
    if name is None:
        return None
    if suffix in _IMAGE:
        return f"不支持{name}格式的报告：图片中的文字需要文字识别（OCR），本工具不做识别；请提供 .docx 或带文字层的 PDF"
    if suffix in _ARCHIVE:
        return f"不支持{name}：请先解压，再对解压出的报告文件或文件夹进行核查"
    if suffix == ".ofd":
        return f"不支持{name}格式的报告：请用数科 OFD 阅读器等软件另存为 PDF，或提供原始的 .docx，再检查"
    return f"不支持{name}格式的报告：请用 Word 或 WPS 打开后另存为 .docx 或 PDF，再检查"
