"""A county staff member's whole year, end to end: init → fill by hand (with the usual slips)
→ draft md/docx → check clean → a reviewer edits → check catches each edit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from draft_report.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out + out.err


def fill(folder: Path) -> None:
    text = (folder / "data.yaml").read_text(encoding="utf-8")
    text = text.replace("# publication_date: 2026-01-20", "publication_date: 2026年1月20日")
    text = text.replace("norm: {made: , repealed: , valid: }", "norm: {made: １２, repealed: 2件, valid: 三十五}")
    text = text.replace("penalty: {decisions: }", "penalty: {decisions: 46}")
    head, rest = text.split("table3:", 1)
    text = head + "table4:" + rest.split("table4:", 1)[1]
    text = re.sub(r"(\b\w+): (?=[,}])", r"\1: 0", text)  # the cells left blank: nothing happened
    text = text.replace("  lead: []", "  lead:\n    -\n    - 调整了政务公开工作领导小组\n   ")
    text = text.replace("\nproblems: []", "\nproblems:\n  - 政策解读形式较为单一\n  - 信息公开的及时性有待提高\n", 1)
    text = text.replace("\nmeasures: []", "\nmeasures:\n  - 丰富政策解读形式，增加图解、视频解读\n", 1)
    text = text.replace("  platforms: []", "  platforms: 优化政府网站应急管理专栏   ")
    text = text.replace("  # requests: requests.csv", "  requests: requests.csv")
    text = text.replace("  # events: events.csv", "  events: events.xlsx")
    text = text.replace(
        "  publications: []",
        "  publications:\n   - {channel: 政务网站, column: 工作动态, count: 62条}\n   - {channel: 微信公众号, count: 40}\n  ",
    )
    (folder / "data.yaml").write_text(text, encoding="utf-8")
    register = (
        "收到日期,申请人类型,办理结果,办结日期,申请内容\r\n"
        "2024/12/20,个人,予以公开,2025/1/8,检查记录\r\n"
        "2025/3/5,企业,部分公开,2025/3/20 0:00,企业名单\r\n"
        "2025/4/1,公民,本机关不掌握相关信息,2025/4/15,调查报告\r\n"
        ",,,,\r\n"
        "2025/12/28,个人,,,\r\n"
    )
    (folder / "requests.csv").write_bytes(register.encode("gbk"))
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "政务公开工作活动台账"
    ws.merge_cells("A1:D1")
    ws.append(["日期", "类型", "标题", "参加人数"])
    ws.append(["2025-03-12", "培训", "业务培训", "40人"])
    ws.append(["2025-06-18", None, "业务培训", 45])
    ws.merge_cells("B3:B4")
    ws.append(["2025-04-10", "政策解读", "解读", None])
    wb.save(folder / "events.xlsx")


def test_a_year_of_a_county_bureau(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, out = tmp_path / "2025", tmp_path / "out"
    code, _ = run(["init", str(data), "--agency", "某县应急管理局", "--year", "2025年", "--yaml"], capsys)
    assert code == 0
    fill(data)
    code, text = run(["draft", str(data), "-o", str(out), "--format", "md,docx"], capsys)
    assert code == 0, text
    for expected in ("“１２”按 12 读取", "“2026年1月20日”按 2026-01-20 读取", "按表三“无法提供·本机关不掌握相关政府信息”计"):
        assert expected in text
    assert "自检发现" not in text
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "某县应急管理局2025年度政府信息公开工作年度报告" in report
    assert "共收到政府信息公开申请3件，上年结转1件" in report
    assert "组织政务公开业务培训2次（共85人次参加）" in report
    assert "我局优化政府网站应急管理专栏。" in report
    assert "2026年1月20日" in report and "《中华人民共和国政府信息公开条例》（以下简称《条例》）" in report

    code, text = run(["check", str(out / "report.md"), "--data", str(data)], capsys)
    assert code == 0 and "错误 0 项，警告 0 项" in text, text
    code, text = run(["check", str(out / "report.docx"), "--data", str(data)], capsys)
    assert code == 0 and "错误 0 项，警告 0 项" in text, text

    edited = report.replace("共发布信息102条", "共发布信息120条").replace(
        "现行有效行政规范性文件35件", "现行有效行政规范性文件36件"
    )
    assert edited.count("120条") == 1 and "36件" in edited
    (tmp_path / "review.md").write_text(edited, encoding="utf-8")
    code, text = run(["check", str(tmp_path / "review.md"), "--data", str(data)], capsys)
    assert code == 1 and "错误 2 项" in text, text
