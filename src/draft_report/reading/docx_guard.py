"""A .docx is untrusted input: check the package before python-docx opens it, and its body
before anything walks it, so that a hostile or damaged file ends in a Chinese message (exit 2)
instead of a crash, a hang or gigabytes of memory.

Before opening (``check_package``): an ordinary file, a real zip, no part (once unzipped) over
``MAX_DOCX_XML_PART_BYTES`` for XML, all parts together under ``MAX_DOCX_UNCOMPRESSED_BYTES``
(zip bombs; ``zipfile`` never inflates a member beyond its declared size).

XML: python-docx parses with ``lxml.etree.XMLParser(resolve_entities=False)`` and without
``huge_tree``, so external entities are never fetched, internal ones are not expanded
(libxml2 also caps entity amplification) and nesting deeper than 256 or text nodes over
10 MB are refused by libxml2 — those errors arrive here as ``XMLSyntaxError`` and are
translated (``translate_open_error``).

After opening (``check_body``): the root is a Word document with a body; paragraphs, table
cells, cell spans (``gridSpan``) and table nesting within ``limits``.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from draft_report.errors import InputError
from draft_report.limits import (
    MAX_DOCX_BYTES,
    MAX_DOCX_UNCOMPRESSED_BYTES,
    MAX_DOCX_XML_PART_BYTES,
    MAX_REPORT_PARAGRAPHS,
    MAX_TABLE_CELLS,
    MAX_TABLE_NESTING,
    MAX_TABLE_SPAN,
    check_limit,
)
from draft_report.textfiles import regular_file_size

WHAT = "Word 文件"
NOT_DOCX = "不是有效的 .docx 文件（文件已损坏，或并非 Word 文档）。如为 .doc 或 WPS 格式，请先在 Word/WPS 中另存为 .docx"


def check_package(path: Path) -> None:
    """Raise ``InputError`` unless ``path`` is an ordinary zip file of reasonable unpacked size."""
    regular_file_size(path, what=WHAT, max_bytes=MAX_DOCX_BYTES)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise InputError(NOT_DOCX, path=str(path)) from None
    total = 0
    for info in infos:
        total += info.file_size
        if info.filename.lower().endswith((".xml", ".rels")):
            check_limit(
                info.file_size, MAX_DOCX_XML_PART_BYTES, f"Word 文件中的 {info.filename} 解压后的大小",
                unit="字节", path=str(path),
            )
    check_limit(total, MAX_DOCX_UNCOMPRESSED_BYTES, "Word 文件解压后的总大小", unit="字节", path=str(path))


def translate_open_error(exc: BaseException, path: Path) -> InputError:
    """The Chinese message for an exception raised while python-docx opens or parses a file."""
    text = str(exc)
    if "Excessive depth" in text:
        return InputError(
            "Word 文件的 XML 嵌套层数过深（超过 256 层，例如表格层层嵌套），无法读取；这不像是正常的报告文件",
            path=str(path),
        )
    if "amplification" in text or "entity" in text.lower():
        return InputError("Word 文件中含有 XML 实体定义（可能是恶意构造的文件），拒绝读取", path=str(path))
    if "too long" in text or "Resource limit" in text or "huge" in text.lower():
        return InputError("Word 文件中有超长的文字或结构，超过读取上限；这不像是正常的报告文件", path=str(path))
    if isinstance(exc, RecursionError):
        return InputError("Word 文件的结构嵌套过深，无法读取；这不像是正常的报告文件", path=str(path))
    return InputError(NOT_DOCX, path=str(path))


def check_body(document: DocxDocument, path: Path) -> None:
    """Raise ``InputError`` unless the document has a body within the structural limits."""
    root = document.element
    if root.tag != qn("w:document") or root.find(qn("w:body")) is None:
        raise InputError("Word 文件中没有正文（document.xml 不是 Word 文档的正文）；" + NOT_DOCX, path=str(path))
    paragraphs = cells = 0
    p_tag, tc_tag, span_tag, tbl_tag = qn("w:p"), qn("w:tc"), qn("w:gridSpan"), qn("w:tbl")
    val = qn("w:val")
    for el in root.iter(p_tag, tc_tag, span_tag, tbl_tag):
        tag = el.tag
        if tag == p_tag:
            paragraphs += 1
            if paragraphs > MAX_REPORT_PARAGRAPHS:
                check_limit(paragraphs, MAX_REPORT_PARAGRAPHS, "Word 文件的段落数", unit="段", path=str(path))
        elif tag == tc_tag:
            cells += 1
            if cells > MAX_TABLE_CELLS:
                check_limit(cells, MAX_TABLE_CELLS, "Word 文件中表格的单元格数", unit="个", path=str(path))
        elif tag == span_tag:
            raw = el.get(val, "1")
            try:
                span = int(raw)
            except ValueError:
                raise InputError(f"Word 文件中表格单元格的合并列数“{raw[:20]}”不是整数；文件已损坏", path=str(path)) from None
            if span < 1:
                raise InputError(f"Word 文件中表格单元格的合并列数为 {span}，应为正整数；文件已损坏", path=str(path))
            check_limit(span, MAX_TABLE_SPAN, "Word 文件中表格单元格的合并列数", unit="列", path=str(path))
        else:
            depth = sum(1 for _ in el.iterancestors(tbl_tag))
            check_limit(depth + 1, MAX_TABLE_NESTING, "Word 文件中表格的嵌套层数", unit="层", path=str(path))


__all__ = ["NOT_DOCX", "check_body", "check_package", "translate_open_error"]
