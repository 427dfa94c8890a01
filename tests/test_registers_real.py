"""Registers as they really are: extra columns, several bad rows, near-miss values, plain labels,
and XLSX files whose claimed size is far beyond what they hold."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from draft_report.errors import InputError
from draft_report.logs.cases import CASES_SPEC, parse_cases
from draft_report.logs.readers import read_log
from draft_report.logs.requests import REQUESTS_SPEC, parse_requests

HEADER = "收到日期,申请人类型,办理结果,办结日期,申请内容"


def register(tmp_path: Path, *lines: str, header: str = HEADER) -> Path:
    path = tmp_path / "requests.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8-sig")
    return path


def requests(path: Path) -> list:
    return parse_requests(read_log(path, REQUESTS_SPEC), path)


def test_extra_columns_are_left_out_and_named_once(tmp_path: Path) -> None:
    path = register(
        tmp_path,
        "1,2024-03-01,张三,13800000000,自然人,予以公开,2024-03-10,某文件,李四,已归档",
        header="序号,收到日期,申请人姓名,联系电话,申请人类型,办理结果,办结日期,申请内容,经办人,备注",
    )
    ignored: list[str] = []
    rows = read_log(path, REQUESTS_SPEC, ignored=ignored)
    assert ignored == ["申请人姓名", "联系电话", "经办人", "备注"]
    assert parse_requests(rows, path)[0].outcome == "r3_1_open"


def test_extra_columns_notice_in_the_dataset(tmp_path: Path) -> None:
    from draft_report.loading import load_dataset

    root = Path(__file__).resolve().parent.parent / "examples" / "scjg-2024"
    for name in ("data.yaml", "publications.csv", "events.csv", "cases.csv"):
        (tmp_path / name).write_bytes((root / name).read_bytes())
    text = (root / "requests.csv").read_text(encoding="utf-8-sig").splitlines()
    text = [text[0] + ",申请人姓名,经办人"] + [line + ",某某,王五" for line in text[1:]]
    (tmp_path / "requests.csv").write_text("\n".join(text) + "\n", encoding="utf-8-sig")
    notices = load_dataset(tmp_path).notices
    named = [n for n in notices if "申请人姓名" in n]
    assert len(named) == 1 and "经办人" in named[0] and "略去" in named[0]


@pytest.mark.parametrize(
    ("typed", "row"),
    [
        ("不予公开属于国家秘密", "r3_3_1"),
        ("不予公开 属于国家秘密", "r3_3_1"),
        ("不予处理-重复申请", "r3_5_2"),
        ("保护第三方合法权益", "r3_3_4"),
        ("（四）无法提供 1.本机关不掌握相关政府信息", "r3_4_1"),
        ("无法提供本机关不掌握相关政府信息", "r3_4_1"),
        ("逾期不补正", "r3_6_1"),
    ],
)
def test_plain_labels_without_separators(tmp_path: Path, typed: str, row: str) -> None:
    path = register(tmp_path, f"2024-03-01,自然人,{typed},2024-03-10,x")
    assert requests(path)[0].outcome == row


def test_every_bad_row_at_once_with_did_you_mean(tmp_path: Path) -> None:
    path = register(
        tmp_path,
        "2024-03-01,自然人,予以公开,2024-03-10,ok",
        "2024-03-02,自然人,本机关不掌握,2024-03-10,x",
        "2024-03-03,自然,予以公开,2024-03-10,x",
        "2024-02-30,自然人,予以公开,2024-03-10,x",
        "2024-03-05,律师事务所,已答复,2024-03-10,x",
    )
    with pytest.raises(InputError) as err:
        requests(path)
    msg = str(err.value)
    assert "有 4 行填写有误" in msg
    assert "第3行“办理结果”列" in msg and "是否应为“（四）无法提供 1.本机关不掌握相关政府信息”" in msg
    assert "第4行“申请人类型”列" in msg and "是否应为“自然人”" in msg
    assert "第5行“收到日期”列" in msg and "第6行“办理结果”列" in msg
    assert "第2行" not in msg


def test_more_than_twenty_bad_rows_are_counted(tmp_path: Path) -> None:
    path = register(tmp_path, *[f"2024-03-01,自然人,不知道{i},2024-03-10,x" for i in range(25)])
    with pytest.raises(InputError) as err:
        requests(path)
    msg = str(err.value)
    assert "有 25 行填写有误" in msg and "另有 5 行有误" in msg and msg.count("“办理结果”列") == 20


def test_misspelt_header_names_the_missing_column(tmp_path: Path) -> None:
    path = register(tmp_path, "2024-03-01,自然人,予以公开,2024-03-10,x", header="收到日期,申请人类型,办理结杲,办结日期,申请内容")
    with pytest.raises(InputError) as err:
        read_log(path, REQUESTS_SPEC)
    assert "缺少列“办理结果”" in str(err.value) and "“办理结杲”是否应为“办理结果”" in str(err.value)


def test_case_kind_and_result_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "cases.csv"
    path.write_text(
        "类型,是否经复议,结果,立案日期,审结日期\n行政服议,,维持,2024-01-02,2024-02-02\n行政复议,,维护,2024-01-02,2024-02-02\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        parse_cases(read_log(path, CASES_SPEC), path)
    msg = str(err.value)
    assert "是否应为“行政复议”" in msg and "是否应为“结果维持”" in msg


def _bounded(path: Path) -> tuple[list, int]:
    tracemalloc.start()
    try:
        rows = read_log(path, REQUESTS_SPEC)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return rows, peak


def test_a_formatted_cell_far_away_costs_nothing(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    ws.append(["2024-03-01", "自然人", "予以公开", "2024-03-10", "x"])
    ws["Z1048576"].font = Font(bold=True)  # formatted, no value: the used range claims 27 million cells
    path = tmp_path / "requests.xlsx"
    wb.save(path)
    assert path.stat().st_size < 10_000
    rows, peak = _bounded(path)
    assert len(rows) == 1 and peak < 30_000_000


def _with_merge(path: Path, ref: str) -> None:
    """Add a merged range to the first sheet's XML, as a hostile or damaged file carries it
    (openpyxl itself would write a placeholder for every covered cell)."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    sheet = sheet.replace("</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>', 1)
    parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)


def test_a_merge_over_a_million_rows_costs_nothing(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    ws.append(["2024-03-01", "自然人", "予以公开", "2024-03-10", "x"])
    ws.append(["2024-03-02", None, "予以公开", "2024-03-10", "y"])
    path = tmp_path / "requests.xlsx"
    wb.save(path)
    _with_merge(path, "B2:B1000000")
    assert path.stat().st_size < 10_000
    rows, peak = _bounded(path)
    assert [r.get("申请人类型") for r in rows] == ["自然人", "自然人"] and peak < 30_000_000


def test_a_value_beyond_the_column_cap_is_refused_in_chinese(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    ws["XFD5"] = "x"
    path = tmp_path / "requests.xlsx"
    wb.save(path)
    with pytest.raises(InputError, match="超出可读取的范围"):
        read_log(path, REQUESTS_SPEC)


def _listed_outcomes() -> list[str]:
    from draft_report.logs.allowed import allowed_for

    text = next(a.text for a in allowed_for("requests") if a.column == "办理结果").split("。")[0]
    names: list[str] = []
    for part in text.split("；"):
        names.extend(part.split("：", 1)[-1].split("、"))
    return names


def test_every_listed_outcome_is_read_as_one_table3_row(tmp_path: Path) -> None:
    from draft_report.tables import layout as L

    names = _listed_outcomes()
    assert len(names) == len(L.T3_RESULT_ROWS) == 21
    lines = [f"2024-03-01,自然人,{name},2024-03-10,x" for name in names]
    assert [r.outcome for r in requests(register(tmp_path, *lines))] == [r.id for r in L.T3_RESULT_ROWS]


def test_allowed_values_are_listed_in_the_readme_and_the_csv_templates() -> None:
    from draft_report.loading.template import csv_template
    from draft_report.logs.allowed import ALLOWED

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for a in ALLOWED:
        if a.log in ("requests", "cases"):
            assert a.text.split("。")[0].split("（")[0] in readme, a.column
    assert "本机关不掌握相关政府信息" in csv_template(REQUESTS_SPEC) and "尚未审结" in csv_template(CASES_SPEC)
    assert "docs/images/workbook-table3.png" in readme
    assert (Path(__file__).resolve().parent.parent / "docs" / "images" / "workbook-table3.png").stat().st_size > 20_000


def test_a_misspelt_channel_is_pointed_out(tmp_path: Path) -> None:
    from draft_report.logs.aggregates import similar_names

    assert ("政务网占", "政务网站") in similar_names(["政务网站", "政务网占", "工作动态", "工作总结"])
    assert all("工作" not in a for a, _ in similar_names(["工作动态", "工作总结", "政策文件", "政策解读", "通知公告", "公示公告"]))
