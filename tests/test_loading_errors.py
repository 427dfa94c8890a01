"""Every bad input gives one Chinese InputError naming the file, the field or cell, and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_report.errors import InputError
from draft_report.loading import load_dataset
from draft_report.loading.template import data_template

BASE = data_template(folder="x", agency="测试局", year=2024)


def load_text(tmp_path: Path, text: str, name: str = "data.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_dataset(path)
    assert err.value.exit_code == 2
    return str(err.value)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def edit(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new, 1)


def test_template_itself_loads(tmp_path: Path) -> None:
    (tmp_path / "data.yaml").write_text(BASE, encoding="utf-8")
    assert load_dataset(tmp_path).data.agency.name == "测试局"


def test_missing_required_field(tmp_path: Path) -> None:
    msg = load_text(tmp_path, edit("  name: 测试局", "  # name: 测试局"))
    assert msg.startswith(str(tmp_path / "data.yaml"))
    assert "agency.name" in msg and "机关全称" in msg and "缺少必填项" in msg


def test_missing_year(tmp_path: Path) -> None:
    msg = load_text(tmp_path, edit("year: 2024", "# year: 2024"))
    assert "字段 year" in msg and "报告年度" in msg and "缺少必填项" in msg


def test_negative_count_names_cell_and_line(tmp_path: Path) -> None:
    text = edit("  r1_new: {np: 0,", "  r1_new: {np: -2,")
    msg = load_text(tmp_path, text)
    assert f"第{line_of(text, 'r1_new:')}行" in msg
    assert "table3.r1_new.np" in msg and "表三“一、本年新收政府信息公开申请数量”行“自然人”列" in msg
    assert "不能为负数" in msg and "-2" in msg


def test_decimal_count(tmp_path: Path) -> None:
    msg = load_text(tmp_path, edit("  penalty: {decisions: 0}", "  penalty: {decisions: 2.5}"))
    assert "表二“第二十条第（六）项 行政处罚”行“本年处理决定数量”列" in msg and "整数" in msg


def test_thousands_separator_in_a_flow_mapping_is_rejected(tmp_path: Path) -> None:
    # inside {…} YAML splits “1,286” into two keys: the value is lost, so it cannot be read
    msg = load_text(tmp_path, edit("  licensing: {decisions: 0}", "  licensing: {decisions: 1,286}"))
    assert "table2.licensing" in msg and "行政许可" in msg and "1286" in msg


def test_thousands_separator_as_a_plain_value_is_read_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "data.yaml"
    path.write_text(edit("  licensing: {decisions: 0}", "  licensing:\n    decisions: 1,286"), encoding="utf-8")
    ds = load_dataset(path)
    assert ds.data.table2.get("t2.licensing.decisions") == 1286
    assert any("table2.licensing.decisions：“1,286”按 1286 读取" in n for n in ds.notices)


def test_text_instead_of_number(tmp_path: Path) -> None:
    msg = load_text(tmp_path, edit("  penalty: {decisions: 0}", "  penalty: {decisions: 很多}"))
    assert "行政处罚" in msg and "应为整数" in msg and "很多" in msg


def test_blank_cell_names_cell_and_line(tmp_path: Path) -> None:
    text = edit("  r3_3_4: {np: 0,", "  r3_3_4: {np: ,")
    msg = load_text(tmp_path, text)
    assert f"第{line_of(text, 'r3_3_4:')}行" in msg
    assert "表三“（三）不予公开4.保护第三方合法权益”行“自然人”列为空" in msg and "空白不等于 0" in msg


def test_total_not_equal_to_parts_names_cell_and_line(tmp_path: Path) -> None:
    text = edit("  rv: {keep: 0,", "  rv: {total: 2, keep: 1,")
    msg = load_text(tmp_path, text)
    assert f"第{line_of(text, '  rv:')}行" in msg
    assert "表四“行政复议”行“总计”列 填写为 2，按各项计算应为 1" in msg


def test_table3_identity_violation(tmp_path: Path) -> None:
    msg = load_text(tmp_path, edit("  r1_new: {np: 0,", "  r1_new: {np: 3,"))
    assert "勾稽关系不成立" in msg and "自然人" in msg and "左边为 3，右边为 0" in msg


@pytest.mark.parametrize(
    ("old", "new", "expected", "line_needle"),
    [
        ("year: 2024", "year: 2024\n  bad: [1,", "YAML 语法错误", "bad:"),
        ("  name: 测试局", "\tname: 测试局", "制表符", "name: 测试局"),
        ("  name: 测试局", '  name: "测试局', "YAML 语法错误", None),
        ("  kind: 部门", "  kind: 部门\n - x", "YAML 语法错误", "- x"),
    ],
)
def test_yaml_syntax_errors_name_the_line(
    tmp_path: Path, old: str, new: str, expected: str, line_needle: str | None
) -> None:
    text = edit(old, new)
    msg = load_text(tmp_path, text)
    assert expected in msg and "行第" in msg
    if line_needle:
        assert f"第{line_of(text, line_needle)}行" in msg


def test_full_width_colons(tmp_path: Path) -> None:
    msg = load_text(tmp_path, "agency：测试局\nyear：2024\n")
    assert "英文“:”" in msg


def test_empty_file(tmp_path: Path) -> None:
    assert "空的" in load_text(tmp_path, "# nothing\n")


def test_json_syntax_error(tmp_path: Path) -> None:
    msg = load_text(tmp_path, '{"year": 2024,\n "agency": }', "data.json")
    assert "JSON 语法错误" in msg and "第2行" in msg


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("year: 2024", "year: 2024\nyaer: 2023", "字段 yaer"),
        ("  kind: 部门", "  kind: 部门\n  nmae: x", "agency.nmae"),
    ],
)
def test_unknown_field_lists_the_allowed_ones(tmp_path: Path, old: str, new: str, expected: str) -> None:
    msg = load_text(tmp_path, edit(old, new))
    assert expected in msg and "未知字段" in msg and "可用字段" in msg


def test_agency_kind_choices(tmp_path: Path) -> None:
    msg = load_text(tmp_path, edit("  kind: 部门", "  kind: 局"))
    assert "应为以下之一：部门、人民政府" in msg and "“局”" in msg


@pytest.mark.parametrize("value", ["2025-02-30", "明年一月"])
def test_date_that_is_not_a_date(tmp_path: Path, value: str) -> None:
    text = edit("# publication_date: 2025-01-20", f"publication_date: {value}")
    msg = load_text(tmp_path, text)
    assert f"第{line_of(text, 'publication_date:')}行" in msg
    assert value in msg and "2024-01-31" in msg


def test_publication_date_in_the_report_year(tmp_path: Path) -> None:
    msg = load_text(tmp_path, edit("# publication_date: 2025-01-20", "publication_date: 2024-01-20"))
    assert "publication_date" in msg and "2025 年" in msg


def test_fee_rule_names_fields(tmp_path: Path) -> None:
    msg = load_text(tmp_path, edit("  notices_issued: 0", "  notices_issued: 0\n  notices_paid: 3"))
    assert "notices_paid" in msg and "notices_issued" in msg


def test_list_expected(tmp_path: Path) -> None:
    # a list of records cannot be guessed from one sentence (a list of sentences can: test_user_input)
    msg = load_text(tmp_path, edit("\nprevious_problems: []", "\nprevious_problems: 很多问题"))
    assert "previous_problems" in msg and "应为列表" in msg


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p: p / "none.yaml", "数据文件不存在"),
        (lambda p: p, "文件夹中没有数据文件"),
        (lambda p: (p / "data.txt").write_text("x") and p / "data.txt", "扩展名"),
        (lambda p: (p / "data.yaml").write_bytes(b"\xff\xfe\x00\x00\x81") and p / "data.yaml", "编码"),
    ],
)
def test_unreadable_data_file(tmp_path: Path, setup, expected: str) -> None:  # noqa: ANN001
    path = setup(tmp_path)
    with pytest.raises(InputError, match=expected) as err:
        load_dataset(path)
    assert str(tmp_path) in str(err.value)


# --- logs through load_dataset ------------------------------------------------

LOGS_ON = BASE.replace("  # requests: requests.csv", "  requests: requests.csv").replace(
    "  # publications: publications.csv", "  publications: publications.csv"
)


def with_logs(tmp_path: Path, requests: str, publications: str = "日期,渠道,栏目,标题\n") -> str:
    (tmp_path / "requests.csv").write_text(requests, encoding="utf-8-sig")
    (tmp_path / "publications.csv").write_text(publications, encoding="utf-8")
    text = LOGS_ON.replace("table3:", "table3_removed:")
    text = text.split("table3_removed:")[0] + "table4:" + text.split("table4:")[1]
    return load_text(tmp_path, text)


def test_mis_headed_register(tmp_path: Path) -> None:
    msg = with_logs(tmp_path, "收到日期,申请人,结果,办结日期\n")
    assert str(tmp_path / "requests.csv") in msg and "第1行" in msg
    assert "未知列“结果”" in msg and "应有的列：收到日期、申请人类型、办理结果、办结日期" in msg


def test_outcome_that_is_not_a_table3_row(tmp_path: Path) -> None:
    msg = with_logs(
        tmp_path,
        "收到日期,申请人类型,办理结果,办结日期\n2024-01-02,自然人,予以公开,2024-01-05\n2024-02-02,自然人,已答复,2024-02-05\n",
    )
    assert "requests.csv" in msg and "第3行“办理结果”列" in msg and "“已答复”不是可用的取值" in msg
    assert "予以公开" in msg and "不予处理·重复申请" in msg


def test_register_date_that_is_not_a_date(tmp_path: Path) -> None:
    msg = with_logs(
        tmp_path, "收到日期,申请人类型,办理结果,办结日期\n2024-02-30,自然人,予以公开,2024-03-05\n"
    )
    assert "第2行“收到日期”列" in msg and "“2024-02-30”不是有效日期" in msg


def test_mis_headed_publications(tmp_path: Path) -> None:
    msg = with_logs(
        tmp_path, "收到日期,申请人类型,办理结果,办结日期\n", "日期,渠道,标题\n2024-01-01,网站,x\n"
    )
    assert "publications.csv" in msg and "缺少列“栏目”" in msg


def test_only_one_error_message_even_with_several_problems(tmp_path: Path) -> None:
    text = edit("  r1_new: {np: 0,", "  r1_new: {np: -1,").replace(
        "  r2_carry_in: {np: 0,", "  r2_carry_in: {np: -1,"
    )
    msg = load_text(tmp_path, text)
    assert msg.count("不能为负数") == 2  # the first error, then a short list of the others
    assert msg.index("r1_new") < msg.index("r2_carry_in")
