"""The staff path with the workbook, end to end: last year's published report → ``init --from`` →
cells filled in Excel (openpyxl, like a person: a typo, an extra register column, a number typed
as text) → ``draft`` → a clean check against the workbook. An untouched folder is refused."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from draft_report.cli import main
from draft_report.tables import layout as L
from draft_report.workbook import form as F

ROOT = Path(__file__).resolve().parent.parent


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out + out.err


def coord(table: str, cell_id: str) -> str:
    from openpyxl.utils import get_column_letter

    r, c = F.TABLE_SHEETS[table].value_at[cell_id]
    return f"{get_column_letter(c)}{r}"


def last_years_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The 2024 report of the example bureau, as published (Word)."""
    shutil.copytree(ROOT / "examples" / "scjg-2024", tmp_path / "2024")
    code, text = run(["draft", str(tmp_path / "2024"), "-o", str(tmp_path / "published"), "-f", "docx"], capsys)
    assert code == 0, text
    return tmp_path / "published" / "report.docx"


def write_register(path: Path, outcome_typo: str) -> None:
    """The 2025 register as kept in Excel: a title row, an extra 申请人姓名 column, two requests
    carried over from 2024."""
    wb = Workbook()
    ws = wb.active
    ws.title = "登记台账"
    ws.append(["云溪县市场监督管理局2025年政府信息公开申请登记台账"])
    ws.append(["收到日期", "申请人姓名", "申请人类型", "办理结果", "办结日期", "申请内容"])
    ws.append([dt.date(2024, 12, 20), "张某", "自然人", "予以公开", dt.date(2025, 1, 8), "药品经营许可发放名单"])
    ws.append([dt.date(2024, 12, 26), "某公司", "商业企业", "予以公开", dt.date(2025, 1, 10), "产品质量监督抽查计划"])
    ws.append([dt.date(2025, 3, 4), "李某", "自然人", "予以公开", dt.date(2025, 3, 20), "食品抽检结果"])
    ws.append([dt.date(2025, 5, 9), "王某", "个人", outcome_typo, dt.date(2025, 5, 28), "某小区规划许可"])
    ws.append([dt.date(2025, 12, 29), "赵某", "自然人", None, None, "年度执法统计"])
    wb.save(path)


def fill_like_a_person(book: Path) -> None:
    wb = load_workbook(book)
    basic = wb["基本信息"]
    assert basic["B3"].value == "云溪县市场监督管理局"  # pre-filled from last year's report
    basic["B8"] = dt.datetime(2026, 1, 20)  # 发布日期, typed as a date
    basic[f"B{F.BASIC.row_of(next(f for f in F.BASIC.fields if f.path == ('logs', 'requests')))}"] = "requests.xlsx"
    t2 = wb["表二"]
    for cid, value in {
        "t2.reg.made": 0, "t2.reg.repealed": 0, "t2.reg.valid": 0,
        "t2.norm.made": 1, "t2.norm.repealed": 0, "t2.norm.valid": "10件",  # typed as text
        "t2.licensing.decisions": 1302, "t2.penalty.decisions": 151, "t2.coercion.decisions": 19,
        "t2.fees.amount_wan": 0,
    }.items():
        t2[coord("table2", cid)] = value
    assert t2["F5"].value == 0 and t2["F6"].value == 9  # last year's 现行有效, shown next to the table
    t4 = wb["表四"]
    for cid, *_ in L.t4_cells():
        if not L.CELL_INFO[cid].is_total:
            t4[coord("table4", cid)] = 0
    notes = wb["要点"]
    for i, (topic, text) in enumerate(
        [
            ("总体情况开头段", "坚持以公开为常态、不公开为例外，围绕市场监管中心工作推进政务公开"),
            ("（一）主动公开情况", "重点公开食品安全监督抽检和“双随机、一公开”抽查结果"),
            ("（二）依申请公开情况", "严格按照法定时限答复，本年办结的申请均在法定期限内作出答复"),
            ("（三）政府信息管理情况", "落实信息发布保密审查制度，坚持“先审查、后公开”"),
            ("（四）政府信息公开平台建设情况", "政府网站部门专栏设工作动态、政策文件、通知公告等栏目"),
            ("（五）监督保障情况", "将政务公开纳入科室年度考核，本年度未发生责任追究的情况"),
        ],
        start=3,
    ):
        notes[f"A{i}"], notes[f"B{i}"] = topic, text
    problems = wb["问题与措施"]
    prefilled = [r for r in range(3, 20) if problems[f"A{r}"].value == "上年度报告提出的问题"]
    assert len(prefilled) == 3 and all(problems[f"C{r}"].value is None for r in prefilled)
    for r in prefilled:
        problems[f"C{r}"] = "制定工作计划逐项整改，已完成整改"
    row = max(prefilled) + 1
    for kind, text in [("存在的问题", "政策解读形式仍较单一"), ("改进措施", "丰富政策解读形式，增加图解和视频解读")]:
        problems[f"A{row}"], problems[f"B{row}"] = kind, text
        row += 1
    activity = wb["发布与活动"]
    activity["A3"], activity["B3"], activity["C3"] = "政府网站", "工作动态", 58
    wb.save(book)


def test_staff_path_with_the_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report_2024 = last_years_report(tmp_path, capsys)
    folder = tmp_path / "2025"
    code, text = run(["init", str(folder), "--from", str(report_2024)], capsys)
    assert code == 0, text
    assert "上年报告 report.docx" in text and "表三上年结转（自然人）= 1" in text and "上年度问题 1" in text
    book = folder / "data.xlsx"

    # an untouched folder is refused, naming the empty tables
    code, text = run(["draft", str(folder), "-o", str(tmp_path / "out")], capsys)
    assert code == 2 and "表二、表三、表四尚未填写" in text

    fill_like_a_person(book)
    write_register(folder / "requests.xlsx", "本机关不掌握")
    code, text = run(["draft", str(folder), "-o", str(tmp_path / "out")], capsys)
    assert code == 2, text
    assert "第6行“办理结果”列" in text and "是否应为“（四）无法提供 1.本机关不掌握相关政府信息”" in text

    write_register(folder / "requests.xlsx", "本机关不掌握相关信息")  # still a typo, but an unambiguous one
    code, text = run(["draft", str(folder), "-o", str(tmp_path / "out"), "-f", "md,docx"], capsys)
    assert code == 0, text
    assert "“申请人姓名”列不是本台账需要的列" in text
    assert "按表三“无法提供·本机关不掌握相关政府信息”计" in text
    assert "表二!D6" in text and "按 10" in text  # “10件” read with a notice naming the cell
    assert "自检发现" not in text and "上年结转”" not in text  # the register reproduces last year's 结转
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "云溪县市场监督管理局2025年度政府信息公开工作年度报告" in report
    assert "上年结转2件" in report and "2026年1月20日" in report
    assert "针对上年度报告提出的" in report and "制定工作计划逐项整改" in report

    for name in ("report.md", "report.docx"):
        code, text = run(["check", str(tmp_path / "out" / name), "--data", str(book)], capsys)
        assert code == 0 and "错误 0 项，警告 0 项" in text, text


def test_a_prefilled_carry_in_the_register_does_not_reproduce(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_2024 = last_years_report(tmp_path, capsys)
    folder = tmp_path / "2025"
    run(["init", str(folder), "--from", str(report_2024)], capsys)
    fill_like_a_person(folder / "data.xlsx")
    write_register(folder / "requests.xlsx", "予以公开")
    wb = load_workbook(folder / "requests.xlsx")
    wb.active.delete_rows(4)  # the 商业企业 request carried over from 2024 was never registered
    wb.save(folder / "requests.xlsx")
    code, text = run(["draft", str(folder), "-o", str(tmp_path / "out")], capsys)
    assert code == 0, text
    cell = coord("table3", "t3.r2_carry_in.biz")
    assert f"表三!{cell}" in text and "上年结转”商业企业填写为 1" in text and "推算为 0" in text
