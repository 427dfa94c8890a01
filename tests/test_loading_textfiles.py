"""One decoding policy (``draft_report.textfiles``) for data files, CSV logs and reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from draft_report.errors import InputError
from draft_report.loading import load_dataset
from draft_report.loading.template import data_template
from draft_report.logs.activity import EVENTS_SPEC
from draft_report.logs.readers import read_log
from draft_report.reading import read_report
from draft_report.textfiles import decode_text, read_text_file

TEXT = "一、总体情况\n全年公开信息“5”条，另有 12 项。\n"
SAMPLE = Path(__file__).resolve().parent / "fixtures" / "seeds" / "xiaxian_2023.txt"
ENCODINGS = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8 with BOM": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "gbk": TEXT.encode("gbk"),
    "gb18030": TEXT.encode("gb18030"),
    "utf-16 with BOM": TEXT.encode("utf-16"),  # Python writes the BOM
    "utf-16-be with BOM": b"\xfe\xff" + TEXT.encode("utf-16-be"),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_every_supported_encoding_decodes_to_the_same_text(name: str) -> None:
    assert decode_text(ENCODINGS[name], "x.txt") == TEXT


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "是空的"),
        (b"\xef\xbb\xbf \r\n\t", "是空的"),
        (b"\xff\xfe", "是空的"),
        (b"PK\x03\x04\x14\x00\x00\x00binary", "不是文本文件"),
        (bytes(range(0x80, 0x100)) * 8 + b"\x01\x02\x03\x04" * 40, "无法识别"),
    ],
)
def test_refused_bytes_name_the_file_and_what_it_is(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as err:
        decode_text(data, "/tmp/报告.txt", what="报告文件", hint="请提供 .docx", empty_hint="，没有内容")
    message = str(err.value)
    assert message.startswith("/tmp/报告.txt：") and words in message and "报告文件" in message
    assert err.value.exit_code == 2
    if words == "是空的":
        assert message.endswith("报告文件是空的，没有内容")
    else:
        assert message.endswith("请提供 .docx")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="找不到数据文件"):
        read_text_file(tmp_path / "none.yaml", what="数据文件")
    with pytest.raises(InputError, match="是一个目录"):
        read_text_file(tmp_path, what="数据文件")


@pytest.mark.parametrize("name", ["gbk", "utf-16 with BOM", "utf-8 with BOM"])
def test_data_file_log_and_report_share_the_policy(tmp_path: Path, name: str) -> None:
    encoding = {"gbk": "gbk", "utf-16 with BOM": "utf-16", "utf-8 with BOM": "utf-8-sig"}[name]
    folder = tmp_path / "ex"
    folder.mkdir()
    data = data_template(folder="ex", agency="测试局", year=2024).replace(
        "  # events: events.csv", "  events: events.csv"
    )
    assert "  events: events.csv" in data
    (folder / "data.yaml").write_bytes(data.encode(encoding))
    (folder / "events.csv").write_bytes("日期,类型,标题\n2024-03-01,培训,业务培训\n".encode(encoding))
    dataset = load_dataset(folder)
    assert dataset.data.agency.name == "测试局"
    assert dataset.aggregates.get("events.kind:培训") == 1
    assert [r.get("类型") for r in read_log(folder / "events.csv", EVENTS_SPEC)] == ["培训"]
    report = tmp_path / "report.txt"
    text = SAMPLE.read_text(encoding="utf-8")
    report.write_bytes(text.encode("gb18030" if encoding == "gbk" else encoding))  # the sample has NBSP
    assert read_report(report).tables.cells() == read_report(SAMPLE).tables.cells()


@pytest.mark.parametrize(
    ("what", "call"),
    [
        ("数据文件", lambda p: load_dataset(p.with_name("data.yaml"))),
        ("工作活动记录（CSV）", lambda p: read_log(p.with_name("e.csv"), EVENTS_SPEC)),
        ("报告文件", lambda p: read_report(p.with_name("r.txt"))),
    ],
)
def test_binary_file_is_refused_by_every_consumer(tmp_path: Path, what: str, call) -> None:  # noqa: ANN001
    for name in ("data.yaml", "e.csv", "r.txt"):
        (tmp_path / name).write_bytes(b"\x00\x01\x02\x03binary content")
    with pytest.raises(InputError) as err:
        call(tmp_path / "any")
    message = str(err.value)
    assert str(tmp_path) in message and f"{what}不是文本文件" in message


def test_empty_data_file_and_empty_log_say_what_they_need(tmp_path: Path) -> None:
    (tmp_path / "data.yaml").write_bytes(b"")
    with pytest.raises(InputError, match="agency 和 year"):
        load_dataset(tmp_path / "data.yaml")
    (tmp_path / "e.csv").write_bytes(b"\xef\xbb\xbf\r\n")
    with pytest.raises(InputError, match="至少需要一行表头；应有的列：日期、类型"):
        read_log(tmp_path / "e.csv", EVENTS_SPEC)


@pytest.mark.parametrize("module", ["draft_report.logs.readers", "draft_report.reading"])
def test_logs_and_reading_do_not_import_loading(module: str) -> None:
    code = f"import sys, {module}; print('draft_report.loading' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_control_count_from_the_bytes_is_the_regex_count() -> None:
    """``_mostly_controls`` counts the control bytes of a UTF-8 or GB18030 file instead of running
    the regex over its text: the same count, whatever the text holds."""
    import random

    from draft_report.textfiles import _CONTROL_BYTES, _CONTROL_RE, _mostly_controls

    rng = random.Random(14)
    pool = ["一", "。", "a", "1", " ", "\t", "\n", "\r", "\f", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x80", "\x9f",
            "\u3000", "丂", "€", "𠀀", "\ufeff", "ÿ", "@", "~"]
    for _ in range(5000):
        text = "".join(rng.choices(pool, k=rng.randint(0, 60)))
        for encoding in ("utf-8", "utf-8-sig", "gb18030"):
            data = text.encode(encoding)
            decoded = data.decode("utf-8-sig" if encoding.startswith("utf-8") else encoding)
            controls = len(_CONTROL_RE.findall(decoded))
            assert len(data) - len(data.translate(None, _CONTROL_BYTES)) == controls, (encoding, text)
            assert _mostly_controls(decoded, data) == _mostly_controls(decoded)
