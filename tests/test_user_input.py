"""What a county staff member actually types: full-width digits, “12件”, Chinese numerals,
2026年1月20日, merged cells in an Excel log, a slightly misspelt 办理结果, plain strings under
previous_problems. Each is either read (with a notice naming the line) or rejected clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook

from draft_report.errors import InputError
from draft_report.loading import load_dataset
from draft_report.loading.lenient import read_date, read_number
from draft_report.loading.template import data_template
from draft_report.logs.activity import EVENTS_SPEC
from draft_report.logs.readers import read_log
from parsed_once import yaml_of


def base() -> dict[str, Any]:
    return yaml_of(data_template(folder="x", agency="某县应急管理局", year=2025))


def save(folder: Path, raw: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "data.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("１２", 12), ("12件", 12), ("三十五", 35), ("两", 2), ("1,286", 1286), (" 37 条", 37)],
)
def test_hand_typed_numbers_with_one_meaning(typed: str, expected: float) -> None:
    assert read_number(typed) == expected


@pytest.mark.parametrize("typed", ["约12", "12-13", "十几", "12件左右", "", "abc"])
def test_ambiguous_numbers_are_not_guessed(typed: str) -> None:
    assert read_number(typed) is None


@pytest.mark.parametrize("typed", ["2026年1月20日", "2026/1/20", "2026.01.20", "２０２６年１月２０日"])
def test_hand_typed_dates(typed: str) -> None:
    assert read_date(typed) == dt.date(2026, 1, 20)


def test_invalid_date_is_not_guessed() -> None:
    assert read_date("2026年2月30日") is None
    assert read_date("1月20日") is None


def test_data_file_numbers_and_date_are_read_with_notices(tmp_path: Path) -> None:
    raw = base()
    raw["table2"]["norm"] = {"made": "１２", "repealed": "2件", "valid": "三十五"}
    raw["fees"]["notices_issued"] = "0件"
    raw["publication_date"] = "2026年1月20日"
    raw["activity"]["events"] = [{"kind": "培训", "count": "三", "participants": "120人"}]
    ds = load_dataset(save(tmp_path, raw))
    assert ds.data.table2.get("t2.norm.made") == 12
    assert ds.data.table2.get("t2.norm.repealed") == 2
    assert ds.data.table2.get("t2.norm.valid") == 35
    assert ds.data.publication_date == dt.date(2026, 1, 20)
    assert ds.aggregates.get("events.kind:培训") == 3
    joined = "\n".join(ds.notices)
    assert "table2.norm.made：“１２”按 12 读取" in joined
    assert "“三十五”按 35 读取" in joined
    assert "publication_date：“2026年1月20日”按 2026-01-20 读取" in joined
    assert "activity.events[1].participants：“120人”按 120 读取" in joined
    # the notice names the line of the data file
    assert any(n.startswith("数据文件第") for n in ds.notices)


def test_a_number_that_is_not_one_is_still_rejected_with_the_cell(tmp_path: Path) -> None:
    raw = base()
    raw["table2"]["norm"] = {"made": "约12", "repealed": 0, "valid": 0}
    with pytest.raises(InputError) as err:
        load_dataset(save(tmp_path, raw))
    text = str(err.value)
    assert "table2.norm.made" in text and "约12" in text and "应为整数" in text


def test_previous_problems_as_plain_strings_explain_the_two_lines(tmp_path: Path) -> None:
    raw = base()
    raw["previous_problems"] = ["政策解读形式较为单一"]
    with pytest.raises(InputError) as err:
        load_dataset(save(tmp_path, raw))
    text = str(err.value)
    assert "previous_problems[1]" in text
    assert "problem:" in text and "rectification:" in text


def test_xlsx_cells_merged_down_hold_for_every_row(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "某县应急管理局2025年政务公开工作活动台账"
    ws.merge_cells("A1:D1")
    ws.append(["日期", "类型", "标题", "参加人数"])
    ws.append(["2025-03-12", "培训", "业务培训一", 40])
    ws.append(["2025-06-18", None, "业务培训二", 45])
    ws.append(["2025-09-02", None, "业务培训三", 35])
    ws.append(["2025-10-02", "政策解读", "解读", None])
    ws.merge_cells("B3:B5")
    path = tmp_path / "events.xlsx"
    wb.save(path)
    rows = read_log(path, EVENTS_SPEC)
    assert [r.get("类型") for r in rows] == ["培训", "培训", "培训", "政策解读"]
    assert [r.line for r in rows] == [3, 4, 5, 6]


def _register(folder: Path, outcome: str) -> Path:
    raw = base()
    del raw["table3"]
    raw["logs"] = {"requests": "requests.csv"}
    path = save(folder, raw)
    text = (
        "收到日期,申请人类型,办理结果,办结日期,申请内容\r\n"
        f"2025/4/1,公民,{outcome},2025/4/15,某事故调查报告\r\n"
        ",,,,\r\n"
        "2025年6月3日,企业,予以公开,2025年6月20日,名单\r\n"
    )
    (folder / "requests.csv").write_bytes(text.encode("gbk"))
    return path


def test_slightly_misspelt_outcome_is_read_as_the_closest_table3_row(tmp_path: Path) -> None:
    ds = load_dataset(_register(tmp_path, "本机关不掌握相关信息"))
    assert ds.data.table3.get("t3.r3_4_1.np") == 1
    assert ds.data.table3.get("t3.r3_1_open.biz") == 1
    assert any(
        "第2行" in n and "本机关不掌握相关信息" in n and "本机关不掌握相关政府信息" in n for n in ds.notices
    )


def test_an_outcome_far_from_every_row_is_still_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_dataset(_register(tmp_path, "已电话答复"))
    assert "第2行“办理结果”列" in str(err.value)


def test_empty_bullets_are_left_over_not_data(tmp_path: Path) -> None:
    raw = base()
    raw["notes"]["lead"] = [None, "调整了政务公开工作领导小组", "  "]
    raw["problems"] = ["政策解读形式较为单一", None]
    raw["activity"]["publications"] = [None, {"channel": "政务网站", "count": "62条"}]
    ds = load_dataset(save(tmp_path, raw))
    assert ds.data.notes.lead == ["调整了政务公开工作领导小组"]
    assert ds.data.problems == ["政策解读形式较为单一"]
    assert ds.aggregates.get("publications.total") == 62
    # the notice still names the item as the user numbered it (second bullet)
    assert any("activity.publications[2].count：“62条”按 62 读取" in n for n in ds.notices)


def test_year_typed_with_nian(tmp_path: Path) -> None:
    raw = base()
    raw["year"] = "2025年"
    ds = load_dataset(save(tmp_path, raw))
    assert ds.data.year == 2025
    assert any("year：“2025年”按 2025 读取" in n for n in ds.notices)


@pytest.mark.parametrize(("line", "key"), [("year：2025", "year"), ("  - problem：栏目更新不及时", "problem")])
def test_chinese_colon_after_a_field_name_names_its_own_line(tmp_path: Path, line: str, key: str) -> None:
    text = data_template(folder="x", agency="某县应急管理局", year=2025)
    lines = text.splitlines()
    at = next(i for i, t in enumerate(lines) if t.startswith("year:"))
    lines.insert(at + 1, "# 说明：这一行是注释，冒号不影响")
    lines[at] = line if key == "year" else "year: 2025"
    if key != "year":
        lines.insert(at + 2, "previous_problems:")
        lines.insert(at + 3, line)
    path = tmp_path / "data.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_dataset(path)
    expected_line = at + 1 if key == "year" else at + 4
    assert f"第{expected_line}行" in str(err.value)
    assert f"“{key}”后面的冒号是中文冒号" in str(err.value)


def test_total_row_under_the_records_is_left_out_with_a_notice(tmp_path: Path) -> None:
    raw = base()
    raw["logs"] = {"publications": "publications.csv"}
    save(tmp_path, raw)
    text = "日期,渠道,栏目,标题\r\n2025/1/3,政务网站,工作动态,检查\r\n2025/2/3,政务网站,通知公告,通知\r\n合计,,,2\r\n"
    (tmp_path / "publications.csv").write_bytes(text.encode("gbk"))
    ds = load_dataset(tmp_path)
    assert ds.aggregates.get("publications.total") == 2
    assert any("publications.csv" in n and "第4行是合计行" in n for n in ds.notices)


def test_a_total_word_inside_a_record_is_still_a_record(tmp_path: Path) -> None:
    raw = base()
    raw["logs"] = {"publications": "publications.csv"}
    save(tmp_path, raw)
    text = "日期,渠道,栏目,标题\n2025/1/3,政务网站,工作动态,合计发放救灾物资\n"
    (tmp_path / "publications.csv").write_text(text, encoding="utf-8")
    assert load_dataset(tmp_path).aggregates.get("publications.total") == 1


def test_channels_typed_two_ways_get_a_notice(tmp_path: Path) -> None:
    raw = base()
    raw["activity"]["publications"] = [
        {"channel": "政务网站", "column": "工作动态", "count": 3},
        {"channel": "政府网站", "count": 1},
        {"channel": "微信", "count": 1},
        {"channel": "微信公众号", "count": 2},
        {"channel": "抖音", "count": 2},
    ]
    notices = load_dataset(save(tmp_path, raw)).notices
    similar = [n for n in notices if "写法相近" in n]
    assert len(similar) == 2
    assert any("“微信”和“微信公众号”" in n for n in similar)
    assert any("“政务网站”和“政府网站”" in n for n in similar)


def test_error_after_an_empty_bullet_names_the_line_in_the_file(tmp_path: Path) -> None:
    text = data_template(folder="x", agency="某县应急管理局", year=2025)
    text = text.replace(
        "  publications: []",
        "  publications:\n    -\n    - {channel: 政务网站, count: 3}\n    - {channel: 微信公众号, count: 很多}",
    )
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_dataset(path)
    bad_line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("    - {channel: 微信公众号"))
    assert f"第{bad_line}行" in str(err.value) and "很多" in str(err.value)


def test_applicant_typed_as_legal_person_asks_for_the_kind(tmp_path: Path) -> None:
    raw = base()
    del raw["table3"]
    raw["logs"] = {"requests": "requests.csv"}
    save(tmp_path, raw)
    (tmp_path / "requests.csv").write_text(
        "收到日期,申请人类型,办理结果,办结日期\n2025-03-01,法人,予以公开,2025-03-10\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        load_dataset(tmp_path)
    text = str(err.value)
    assert "第2行“申请人类型”列" in text and "“法人”需要细分" in text and "商业企业" in text


def test_template_placeholder_name_is_not_drafted_into_a_report(tmp_path: Path) -> None:
    raw = yaml_of(data_template(folder="x", agency="（请填写机关全称）", year=2025))
    with pytest.raises(InputError) as err:
        load_dataset(save(tmp_path, raw))
    assert "agency.name 还是模板中的占位文字" in str(err.value)
    raw["agency"]["name"] = "某县应急管理局"
    raw["agency"]["signature"] = "……"
    with pytest.raises(InputError) as err:
        load_dataset(save(tmp_path, raw))
    assert "agency.signature" in str(err.value)


@pytest.mark.parametrize("typed", ["2025", "2025年", "２０２５", "二〇二五", "2025年度"])
def test_init_year_as_staff_type_it(typed: str) -> None:
    from draft_report.commands.init import parse_year

    assert parse_year(typed) == 2025


def test_init_year_that_is_not_a_year_is_a_chinese_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from draft_report.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["init", str(tmp_path / "d"), "--year", "明年"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "--year 应为四位数字的年度" in err and "Input should be" not in err
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("typed", ["2025/3/5 0:00", "2025-03-05 00:00:00", "２０２５年３月５日", "2025.3.5"])
def test_log_dates_as_excel_and_staff_write_them(tmp_path: Path, typed: str) -> None:
    from draft_report.logs.activity import PUBLICATIONS_SPEC

    path = tmp_path / "publications.csv"
    path.write_text(f"日期,渠道,栏目,标题\n{typed},政务网站,工作动态,标题\n", encoding="utf-8")
    from draft_report.logs.values import parse_date

    row = read_log(path, PUBLICATIONS_SPEC)[0]
    assert parse_date(path, row, "日期") == dt.date(2025, 3, 5)


def test_xlsx_with_two_title_rows_of_several_cells_finds_the_header(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["某县应急管理局政务公开工作活动台账"])
    ws.append(["填报单位：办公室", None, "填报日期：2026-01-10"])
    ws.append(["日期", "类型", "标题", "参加人数"])
    ws.append(["2025-03-12", "培训", "业务培训", "40人"])
    path = tmp_path / "events.xlsx"
    wb.save(path)
    rows = read_log(path, EVENTS_SPEC)
    assert len(rows) == 1 and rows[0].line == 4 and rows[0].get("类型") == "培训"


def test_a_header_with_a_misspelt_column_is_still_reported_as_the_header(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text("日期,活动类别,标题\n2025-03-12,培训,业务培训\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_log(path, EVENTS_SPEC)
    assert "第1行（表头）" in str(err.value) and "活动类别" in str(err.value)


def test_xlsx_with_an_instructions_sheet_first_reads_the_log_sheet(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "填表说明"
    wb.active.append(["请按以下要求填写：日期格式为 2025-01-31"])
    wb.active.append(["类型可填：培训、政策解读", "新闻发布会"])
    log = wb.create_sheet("台账")
    log.append(["日期", "类型", "标题", "参加人数"])
    log.append(["2025-03-12", "培训", "业务培训", 40])
    path = tmp_path / "events.xlsx"
    wb.save(path)
    rows = read_log(path, EVENTS_SPEC)
    assert [(r.line, r.get("类型")) for r in rows] == [(2, "培训")]


def test_a_note_with_an_english_colon_is_read_as_one_sentence(tmp_path: Path) -> None:
    text = data_template(folder="x", agency="某县应急管理局", year=2025)
    text = text.replace("  management: []", "  management:\n    - 强化组织领导: 局党组专题研究政务公开工作\n   ", 1)
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    ds = load_dataset(path)
    assert ds.data.notes.management == ["强化组织领导：局党组专题研究政务公开工作"]
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "强化组织领导" in t)
    assert any(f"第{line}行 notes.management[1]" in n and "中文“：”" in n for n in ds.notices)


def test_one_sentence_without_a_bullet_is_a_list_of_one(tmp_path: Path) -> None:
    raw = base()
    raw["notes"]["lead"] = "调整了政务公开工作领导小组"
    raw["problems"] = "政策解读形式较为单一\n信息公开的及时性有待提高"
    ds = load_dataset(save(tmp_path, raw))
    assert ds.data.notes.lead == ["调整了政务公开工作领导小组"]
    assert ds.data.problems == ["政策解读形式较为单一", "信息公开的及时性有待提高"]


def test_excel_unicode_text_export_is_read(tmp_path: Path) -> None:
    path = tmp_path / "events.txt"
    path.write_text("日期\t类型\t标题\t参加人数\n2025/3/12\t培训\t业务培训\t40\n", encoding="utf-16")
    rows = read_log(path, EVENTS_SPEC)
    assert [(r.line, r.get("类型"), r.get("参加人数")) for r in rows] == [(2, "培训", "40")]


def test_money_units_are_converted_to_the_field_unit_and_refused_in_counts() -> None:
    assert read_number("35000元", "amount_wan") == 3.5
    assert read_number("3.5万元", "amount_wan") == 3.5
    assert read_number("0.05万元", "collected_yuan") == 500
    assert read_number("500元", "collected_yuan") == 500
    assert read_number("5元", "np") is None
    assert read_number("5件", "amount_wan") is None


def test_fee_in_yuan_typed_into_the_wan_cell_is_converted_with_a_notice(tmp_path: Path) -> None:
    raw = base()
    raw["table2"]["fees"] = {"amount_wan": "35000元"}
    ds = load_dataset(save(tmp_path, raw))
    assert ds.data.table2.get("t2.fees.amount_wan") == 3.5
    assert any("“35000元”按 3.5 万元 读取" in n for n in ds.notices)
