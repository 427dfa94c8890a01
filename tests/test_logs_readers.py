"""Reading log files: CSV (UTF-8 with/without BOM, GBK, TAB) and XLSX; header validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from draft_report.errors import InputError
from draft_report.logs.activity import EVENTS_SPEC, PUBLICATIONS_SPEC
from draft_report.logs.readers import read_log
from draft_report.logs.requests import REQUESTS_SPEC


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_common_encodings(tmp_path: Path, encoding: str) -> None:
    p = write(tmp_path / "p.csv", "日期,渠道,栏目,标题\n2024-01-02,政府网站,工作动态,开展培训\n", encoding)
    rows = read_log(p, PUBLICATIONS_SPEC)
    assert len(rows) == 1
    assert rows[0].values == {
        "日期": "2024-01-02",
        "渠道": "政府网站",
        "栏目": "工作动态",
        "标题": "开展培训",
    }
    assert rows[0].line == 2


def test_tab_separated_and_blank_lines_keep_line_numbers(tmp_path: Path) -> None:
    p = write(tmp_path / "p.csv", "日期\t渠道\t栏目\t标题\n\n2024-01-02\t政府网站\t\t通知\n")
    rows = read_log(p, PUBLICATIONS_SPEC)
    assert [r.line for r in rows] == [3]
    assert rows[0].get("栏目") is None  # blank stays blank


def test_header_aliases_and_hints_in_parentheses(tmp_path: Path) -> None:
    p = write(
        tmp_path / "r.csv",
        "申请日期,申请人类型,办理结果,办结日期（未办结留空）,备注\n2024-01-02,自然人,予以公开,2024-01-10,x\n",
    )
    rows = read_log(p, REQUESTS_SPEC)
    assert rows[0].get("收到日期") == "2024-01-02"
    assert rows[0].get("办结日期") == "2024-01-10"


def test_missing_header_is_named_with_the_expected_ones(tmp_path: Path) -> None:
    p = write(tmp_path / "r.csv", "收到日期,申请人类型,办结日期\n2024-01-02,自然人,\n")
    with pytest.raises(InputError) as err:
        read_log(p, REQUESTS_SPEC)
    msg = str(err.value)
    assert "r.csv" in msg and "第1行" in msg
    assert "缺少列“办理结果”" in msg
    assert "应有的列：收到日期、申请人类型、办理结果、办结日期" in msg


def test_unknown_header_is_named(tmp_path: Path) -> None:
    p = write(tmp_path / "p.csv", "日期,渠道,栏目,题目\n")
    with pytest.raises(InputError, match="未知列“题目”.*应有的列：日期、渠道、栏目、标题"):
        read_log(p, PUBLICATIONS_SPEC)


def test_duplicate_header(tmp_path: Path) -> None:
    p = write(tmp_path / "p.csv", "日期,渠道,栏目,标题,发布日期\n")
    with pytest.raises(InputError, match="“日期”列出现了两次"):
        read_log(p, PUBLICATIONS_SPEC)


def test_value_without_header_names_the_line(tmp_path: Path) -> None:
    p = write(tmp_path / "e.csv", "日期,类型,标题\n2024-03-01,培训,业务培训,45\n")
    with pytest.raises(InputError, match="第2行") as err:
        read_log(p, EVENTS_SPEC)
    assert "第4列" in str(err.value)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="是空的"):
        read_log(write(tmp_path / "e.csv", ""), EVENTS_SPEC)


def test_header_only_file_has_no_rows(tmp_path: Path) -> None:
    assert read_log(write(tmp_path / "e.csv", "日期,类型,标题,参加人数\r\n", "utf-8-sig"), EVENTS_SPEC) == []


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("e.xls", b"anything", "另存为 .xlsx"),
        ("e.docx", b"x", "扩展名"),
        ("e.csv", b"\x00\x01\x02binary", "不是文本文件"),
        ("e.xlsx", b"not a zip", "无法读取 Excel"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(InputError, match=expected) as err:
        read_log(p, EVENTS_SPEC)
    assert name in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="找不到工作活动记录"):
        read_log(tmp_path / "none.csv", EVENTS_SPEC)


def test_xlsx_with_title_row_and_date_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook  # here, not at collection: every xdist worker collects every module

    wb = Workbook()
    ws = wb.active
    ws.append(["2024年工作活动记录"])
    ws.append(["日期", "类型", "标题", "参加人数"])
    ws.append([dt.datetime(2024, 3, 12), "培训", "业务培训", 45])
    ws.append([None, None, None, None])
    ws.append(["2024-06-20", " 政策解读 ", "宣讲", None])
    p = tmp_path / "events.xlsx"
    wb.save(p)
    rows = read_log(p, EVENTS_SPEC)
    assert [r.line for r in rows] == [3, 5]
    assert rows[0].get("日期") == dt.date(2024, 3, 12)
    assert rows[0].get("参加人数") == 45
    assert rows[1].get("类型") == "政策解读"
    assert rows[1].get("参加人数") is None
