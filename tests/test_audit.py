"""``draft-report audit``: many reports at once, one line each; unreadable ones listed, not fatal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from draft_report.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ex:
        main(argv)
    out, err = capsys.readouterr()
    return int(ex.value.code or 0), out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "reports"
    (d / "sub").mkdir(parents=True)
    shutil.copy(FIXTURES / "real_reports" / "huaian_2024.txt", d)
    shutil.copy(FIXTURES / "seeds" / "xiaxian_2023.txt", d / "sub")
    return d


def test_clean_folder_exits_0_with_one_line_per_report(folder: Path, capsys) -> None:
    code, out, _ = run(["audit", str(folder)], capsys)
    assert code == 0
    assert "huaian_2024.txt（淮安市人民政府 2024年度）：错误 0" in out
    assert "xiaxian_2023.txt（夏县乡村振兴局 2023年度）" in out and "\n    警告：" in out  # found in a sub-folder
    assert "stale.topic" not in out  # rule ids are for tools: in the JSON, not in the text
    assert "共 2 份报告：通过 2 份，有错误 0 份，无法读取 0 份。" in out


def test_a_report_with_errors_makes_exit_1(folder: Path, capsys) -> None:
    shutil.copy(FIXTURES / "real_reports" / "huaian-hongze_2023.txt", folder)
    code, out, _ = run(["audit", str(folder)], capsys)
    assert code == 1 and "× " in out and "\n    错误：表四“行政复议”" in out and "（应为：11；报告中为：0）" in out
    assert "table.identity" not in out


def test_unreadable_report_is_listed_and_others_still_checked(folder: Path, capsys) -> None:
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "~$locked.docx").write_bytes(b"word lock file")  # Word's lock files are skipped
    (folder / "README.md").write_text("# 说明\n本文件夹存放 2024 年度报告。\n", encoding="utf-8")  # so are READMEs
    code, out, _ = run(["audit", str(folder)], capsys)
    assert code == 2
    assert "broken.txt：无法读取" in out
    # lock files and READMEs are not reports: listed as skipped with the reason, never counted
    assert "~$locked.docx：Word 打开文件时产生的临时锁定文件" in out and "README.md：说明文件" in out
    assert "共 3 份报告：通过 2 份，有错误 0 份，无法读取 1 份。" in out


def test_csv_for_excel_and_no_overwrite(folder: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "汇总.csv"
    code, _, err = run(["audit", str(folder), "--format", "csv", "-o", str(target)], capsys)
    assert code == 0 and "已写出核查汇总" in err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel detects UTF-8
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "报告文件,机关,年度,错误,警告,提示,结论,首个错误或警告,同一报告的其他格式,上年度报告" and len(lines) == 3
    before = target.read_bytes()
    code, _, err = run(["audit", str(folder), "--format", "csv", "-o", str(target)], capsys)
    assert code == 2 and "已存在" in err and target.read_bytes() == before


def test_json_lists_every_report_with_the_check_contract(folder: Path, capsys) -> None:
    code, out, _ = run(["audit", str(folder), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and data["summary"] == {"reports": 2, "checked": 2, "with_errors": 0, "with_warnings": 1,
                                             "unreadable": 0, "skipped": 0, "other_formats": 0}
    for report in data["reports"]:
        assert report["readable"] is True and set(report) >= {"path", "findings", "summary"}
        for f in report["findings"]:
            assert set(f) >= {"rule", "severity", "message", "location", "expected", "actual"}


def test_missing_path_and_empty_folder_exit_2(tmp_path: Path, capsys) -> None:
    code, _, err = run(["audit", str(tmp_path / "nope")], capsys)
    assert code == 2 and "不存在" in err
    (tmp_path / "empty").mkdir()
    code, _, err = run(["audit", str(tmp_path / "empty")], capsys)
    assert code == 2 and "没有找到报告文件" in err
