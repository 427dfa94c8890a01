"""``read_report`` on files: dispatch by suffix, encodings, and files that cannot be read."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from draft_report.errors import InputError
from draft_report.reading import read_report

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "seeds" / "xiaxian_2023.txt"


def test_gb18030_and_bom_files_read_like_utf8(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    reference = read_report(SAMPLE)
    for name, data in (("gbk.txt", text.encode("gb18030")), ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))):
        path = tmp_path / name
        path.write_bytes(data)
        doc = read_report(path)
        assert doc.tables.cells() == reference.tables.cells()
        assert [s.heading for s in doc.sections] == [s.heading for s in reference.sections]
        assert doc.title == reference.title


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "空"),
        ("blank.md", b"\n \n\t\n", "空"),
        ("garbage.txt", random.Random(7).randbytes(64) + b"\x00\x01\x02" + random.Random(8).randbytes(512), "文本"),
        ("latin.txt", bytes(range(0x80, 0x100)) * 8 + b"\x01\x02\x03\x04" * 40, "编码"),
        ("english.txt", b"Annual report\nNothing here\n", "中文"),
    ],
)
def test_unreadable_files_raise_input_error_naming_the_file(
    tmp_path: Path, name: str, data: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_report(path)
    message = str(err.value)
    assert str(path) in message and words in message
    assert err.value.exit_code == 2


def test_missing_file_and_unsupported_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="找不到"):
        read_report(tmp_path / "nope.txt")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="PDF"):
        read_report(pdf)


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "report.aspx"
    page.write_text(
        "<html><body><p>一、总体情况</p><p>全年公开信息5条。</p></body></html>", encoding="utf-8"
    )
    doc = read_report(page)
    assert doc.source_format == "html" and doc.sections[0].key == "overview"
    plain = tmp_path / "report"
    plain.write_text("一、总体情况\n全年公开信息5条。\n", encoding="utf-8")
    assert read_report(plain).source_format == "text"


def test_docx_goes_to_the_word_reader(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip file")
    with pytest.raises(InputError) as err:
        read_report(bad)
    assert str(bad) in str(err.value)


def test_crlf_line_ends(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    doc = read_report(path)
    reference = read_report(SAMPLE)
    assert doc.lines == reference.lines
    assert doc.cell_lines == reference.cell_lines
    assert [(s.key, s.line) for s in doc.sections] == [(s.key, s.line) for s in reference.sections]
