"""Plain-text reading: headings, tables in each layout, unreadable and blank cells."""

from __future__ import annotations

import datetime as dt

from draft_report.reading import read_text
from draft_report.reading.blocks import classify_cell, norm_key, parse_number
from draft_report.reading.outline import parse_date, parse_heading, section_keys
from draft_report.tables import layout as L

T3_LABELS = [r.label for r in L.T3_ROWS]


def t3_lines(values: dict[str, list[str]], sep: str = "\t") -> list[str]:
    out = []
    for r in L.T3_ROWS:
        vals = values.get(r.id, ["0"] * 7)
        out.append(sep.join([r.label, *vals]))
    return out


def report(*body: str) -> str:
    return "\n".join(
        [
            "某某县某某局2024年度政府信息公开工作年度报告",
            "一、总体情况",
            "2024年，我局主动公开政府信息12条。",
            "二、主动公开政府信息情况",
            *body,
            "五、存在的主要问题及改进情况",
            "问题是宣传不够。",
            "六、其他需要报告的事项",
            "本年度未收取信息处理费。",
            "某某县某某局",
            "2025 年 1 月 18 日",
        ]
    )


def test_heading_variants() -> None:
    for text in ("一、总体情况", "一.总体情况", "一 、总体情况", "  一．总体情况", "\u3000一、 总体情况"):
        h = parse_heading(text)
        assert h is not None and h.number == "一" and h.rest == "", text
    assert section_keys(["五、存在的主要问题及整改情况"]) == ["problems"]
    assert section_keys(["四、政府信息公开行政复议、行政诉讼情"]) == ["review_litigation"]
    assert section_keys(["三、收到和处理政府信息公开申请情况"]) == ["requests"]
    # 表三's own row labels are not headings
    for label in ("四、结转下年度继续办理", "三、本年度办理结果", "一、本年新收政府信息公开申请数量", "三 、本 年 度办 理 结果"):
        assert parse_heading(label) is None, label
    # a long sentence starting with a numeral is not a heading
    assert parse_heading("一、坚持问题导向，狠抓落实，全年共公开信息三百条，群众满意度持续提升。") is None


def test_glued_heading_is_split() -> None:
    h = parse_heading("六、其他需要报告的事项2023 年，区政府严格落实收费办法。")
    assert h is not None
    assert h.heading == "六、其他需要报告的事项"
    assert h.rest == "2023 年，区政府严格落实收费办法。"


def test_strong_wording_wins_over_earlier_weak_wording() -> None:
    keys = section_keys(["一、总体情况", "三、主动公开工作情况", "一、主动公开政府信息情况", "五、其他需要报告的事项"])
    assert keys == ["overview", None, "proactive", "other"]
    # weak wording is used only when no strong heading exists
    assert section_keys(["一、总体情况", "二、主动公开工作情况"]) == ["overview", "proactive"]


def test_dates() -> None:
    assert parse_date("2024年1月18日") == dt.date(2024, 1, 18)
    assert parse_date("2024 年 1 月 18 日") == dt.date(2024, 1, 18)
    assert parse_date("二〇二四年一月十八日") == dt.date(2024, 1, 18)
    assert parse_date("2024年2月30日") is None
    assert parse_date("2024年1月18日发布本报告") is None


def test_cells_and_labels_normalisation() -> None:
    assert classify_cell("1,234") == "number" and parse_number("1,234", decimal=False) == 1234
    assert classify_cell("１２") == "number" and parse_number("１２", decimal=False) == 12
    assert classify_cell("") == "blank" and classify_cell("\u3000") == "blank"
    for bad in ("—", "-", "/", "12kg", "1O"):
        assert classify_cell(bad) == "bad", bad
    # a number with a unit fitting the cell is read; a unit that does not fit is not converted
    assert classify_cell("12件") == "number" and parse_number("12件", decimal=False) == 12
    assert parse_number("3.5万元", decimal=True) == 3.5 and parse_number("5000元", decimal=True) is None
    assert parse_number("12件", decimal=True) is None and parse_number("12万元", decimal=False) is None
    assert classify_cell("1.属于国家秘密") == "text"
    assert parse_number("12.5", decimal=False) is None and parse_number("12.5", decimal=True) == 12.5
    assert norm_key("3.危及“三安全一稳定”") == norm_key("3、危及\"三安全一稳定\"")
    assert norm_key("（二）部分公开") == norm_key("(二)部分 公开")


def test_tab_rows_with_blank_and_unreadable_cells() -> None:
    rows = t3_lines({"r1_new": ["5", "", "", "", "", "", "5"], "r3_1_open": ["3", "—", "0", "0", "0", "0", "3"]})
    doc = read_text(report("三、收到和处理政府信息公开申请情况", *rows, "四、政府信息公开行政复议、行政诉讼情况",
                           "\t".join(["0"] * 15)))
    assert doc.tables.get("t3.r1_new.np") == 5 and doc.tables.get("t3.r1_new.biz") is None
    assert not any(i.cell_id.startswith("t3.r1_new") for i in doc.cell_issues)
    issue = next(i for i in doc.cell_issues if i.cell_id == "t3.r3_1_open.biz")
    assert issue.problem == "placeholder" and issue.raw == "—"  # a dash: blank with a note, not 0
    assert doc.tables.get("t3.r3_1_open.biz") is None and doc.tables.get("t3.r3_1_open.total") == 3


def test_space_separated_row_with_too_few_numbers_is_unreadable() -> None:
    rows = t3_lines({}, sep=" ")
    rows[0] = "一、本年新收政府信息公开申请数量 3 0 0 3"  # 4 numbers for 7 columns: positions unknown
    doc = read_text(report("三、收到和处理政府信息公开申请情况", *rows))
    issues = [i for i in doc.cell_issues if i.cell_id.startswith("t3.r1_new.")]
    assert len(issues) == 7 and all(i.problem == "unreadable" for i in issues)
    assert all(doc.tables.get(L.t3_cell_id("r1_new", c.id)) is None for c in L.T3_COLUMNS)
    assert doc.tables.get("t3.r2_carry_in.total") == 0


def test_missing_row_and_missing_table() -> None:
    rows = [x for x in t3_lines({}) if not x.startswith("2.重复申请")]
    doc = read_text(report("三、收到和处理政府信息公开申请情况", *rows))
    missing = {i.cell_id for i in doc.cell_issues if i.problem == "missing"}
    assert missing == {L.t3_cell_id("r3_5_2", c.id) for c in L.T3_COLUMNS}
    assert "table4" not in doc.tables_found  # no 表四 at all: reported by tables_found, not per cell


def test_table_row_label_is_not_a_section_heading() -> None:
    rows = t3_lines({"r4_carry_out": ["2", "0", "0", "0", "0", "0", "2"]})
    # pdftotext may put a row label on its own line, its numbers on the next
    idx = T3_LABELS.index(L.T3_ROWS[-1].label)
    rows[idx] = "四、结转下年度继续办理"
    rows.insert(idx + 1, "2 0 0 0 0 0 2")
    doc = read_text(report("三、收到和处理政府信息公开申请情况", *rows, "四、政府信息公开行政复议、行政诉讼情况"))
    assert [s.key for s in doc.sections] == ["overview", "proactive", "requests", "review_litigation",
                                             "problems", "other"]
    assert doc.tables.get("t3.r4_carry_out.np") == 2 and doc.tables.get("t3.r4_carry_out.total") == 2


def test_one_cell_per_line_layout() -> None:
    lines = ["三、收到和处理政府信息公开申请情况"]
    for r in L.T3_ROWS:
        lines += ["\t" + r.label] + ["\t1" if r.id == "r1_new" else "\t0"] * 7 + [""]
    doc = read_text(report(*lines))
    assert doc.tables.get("t3.r1_new.oth") == 1 and doc.tables.get("t3.r4_carry_out.total") == 0
    assert not doc.cell_issues


def test_wrapped_lines_join_into_one_paragraph() -> None:
    text = report().replace(
        "2024年，我局主动公开政府信息12条。",
        "2024年，我局通过政府网站和政务新媒体主动公开\n政府信息12条，其中政策解读3条。",
    )
    doc = read_text(text)
    overview = doc.section("overview")
    assert overview is not None
    assert [p.text for p in overview.paragraphs] == ["2024年，我局通过政府网站和政务新媒体主动公开政府信息12条，其中政策解读3条。"]
    assert overview.paragraphs[0].line == 3


def test_table2_old_format_marker() -> None:
    doc = read_text(report("第二十条第（一）项", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
                           "规章\t0\t0\t0", "规范性文件\t1\t1\t5"))
    assert "本年新制作数量" in doc.old_format_markers
    # 2019 columns are not 制发/废止/现行有效: read into the 2019 format's cells, never the 2021 ones
    assert doc.tables.table2_layout.name == "2019"
    assert doc.tables.get("t2.norm.valid") is None and doc.tables.get("t2.norm.public_total") == 5
    assert (doc.tables.get("t2.norm.new_made"), doc.tables.get("t2.norm.new_public")) == (1, 1)
    assert not [i for i in doc.cell_issues if i.cell_id.startswith("t2.norm")]


def test_signature_and_date_leave_section_six() -> None:
    doc = read_text(report())
    other = doc.section("other")
    assert other is not None and [p.text for p in other.paragraphs] == ["本年度未收取信息处理费。"]
    assert doc.signature == "某某县某某局" and doc.date == dt.date(2025, 1, 18)
    assert (doc.agency, doc.year) == ("某某县某某局", 2024)


def test_every_cell_on_its_own_line_without_tabs() -> None:
    """Text copied from a web page: each cell on its own line, labels and values alike."""
    from pathlib import Path

    source = Path(__file__).resolve().parent / "fixtures" / "real_reports" / "huaian_2024.txt"
    out: list[str] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        out += line.split("\t")
    doc = read_text("\n".join(out))
    assert doc.tables.get("t2.norm.repealed") == 26 and doc.tables.get("t2.fees.amount_wan") == 96171.6
    assert [doc.tables.get(L.t3_cell_id("r3_6_2", c.id)) for c in L.T3_COLUMNS] == [6, 0, 0, 0, 0, 0, 6]
    assert [doc.tables.get(L.t3_cell_id("r3_6_3", c.id)) for c in L.T3_COLUMNS] == [108, 2, 0, 0, 0, 0, 110]
    assert doc.tables.get("t3.r1_new.total") == 3119 and doc.tables.get("t4.lr.total") == 20
    assert doc.cell_issues == []


def test_signature_and_date_on_one_line_and_a_footer_after_them() -> None:
    text = report().replace("某某县某某局\n2025 年 1 月 18 日", "某某县某某局　2025年1月18日\n（此件公开发布）")
    doc = read_text(text)
    assert doc.signature == "某某县某某局" and doc.date == dt.date(2025, 1, 18)
    other = doc.section("other")
    assert other is not None and [p.text for p in other.paragraphs] == ["本年度未收取信息处理费。"]


def test_pdf_page_numbers_and_form_feeds_are_not_content() -> None:
    rows = t3_lines({"r1_new": ["4", "0", "0", "0", "0", "0", "4"]})
    body = ["三、收到和处理政府信息公开申请情况", *rows[:10], "— 3 —", "\f" + rows[10], *rows[11:]]
    text = report(*body)
    doc = read_text(text)
    assert doc.cell_issues == [] and doc.tables.get("t3.r1_new.total") == 4
    assert len(doc.lines) == text.count("\n") + 1  # a form feed does not end a line
    line = doc.cell_lines[L.t3_cell_id(L.T3_ROWS[10].id, "np")]
    assert doc.lines[line - 1].startswith("\f")


def test_glued_subheading_helper_and_title_variants() -> None:
    from draft_report.reading.outline import agency_and_year, split_subheading

    assert split_subheading("（一）主动公开情况。2024 年，全区公开信息5条。") == ("（一）主动公开情况", "2024 年，全区公开信息5条。")
    assert split_subheading("（一）主动公开情况") is None
    assert split_subheading("全年公开信息5条。") is None
    doc = read_text("某某市人民政府\n2024年政府信息公开工作年度报告（全文）\n一、总体情况\n全年公开5条。\n")
    assert (doc.agency, doc.year) == ("某某市人民政府", 2024)
    assert doc.title == "某某市人民政府2024年政府信息公开工作年度报告（全文）"
    assert agency_and_year("二〇二三年度某某局政府信息公开工作年度报告") == ("某某局", 2023)


def test_table_of_contents_does_not_take_the_sections() -> None:
    toc = ["目录", "一、总体情况……1", "二、主动公开政府信息情况……2", "三、收到和处理政府信息公开申请情况……3",
           "四、政府信息公开行政复议、行政诉讼情况……4", "五、存在的主要问题及改进情况……5", "六、其他需要报告的事项……5"]
    rows = t3_lines({"r1_new": ["2", "0", "0", "0", "0", "0", "2"]})
    text = report("三、收到和处理政府信息公开申请情况", *rows).replace("一、总体情况\n", "\n".join(toc) + "\n一、总体情况\n", 1)
    doc = read_text(text)
    keyed = [(s.key, s.heading) for s in doc.sections if s.key]
    assert keyed == [("overview", "一、总体情况"), ("proactive", "二、主动公开政府信息情况"),
                     ("requests", "三、收到和处理政府信息公开申请情况"), ("problems", "五、存在的主要问题及改进情况"),
                     ("other", "六、其他需要报告的事项")]
    assert doc.tables.get("t3.r1_new.total") == 2


def test_short_heading_right_after_a_cell_per_line_table() -> None:
    lines = ["三、收到和处理政府信息公开申请情况"]
    for r in L.T3_ROWS:
        lines += ["\t" + r.label] + ["\t0"] * 7 + [""]
    lines += ["\t商业", "企业", "一、总体情况"]  # no blank line before the next heading
    doc = read_text("\n".join(["某局2024年度政府信息公开工作年度报告", *lines, "全年公开5条。"]))
    assert [s.key for s in doc.sections] == ["requests", "overview"]
    assert not doc.cell_issues


def test_table_under_a_damaged_heading_is_still_read() -> None:
    rows = t3_lines({"r1_new": ["6", "0", "0", "0", "0", "0", "6"]})
    doc = read_text(report("三收到和处理政府信息公开申请情况", *rows, "本年度申请办理情况总体平稳。"))
    assert "requests" not in [s.key for s in doc.sections]
    assert doc.tables.get("t3.r1_new.total") == 6 and "table3" in doc.tables_found
    proactive = doc.section("proactive")
    assert proactive is not None
    # the table rows are not prose; the text around the table is kept
    assert [p.text for p in proactive.paragraphs] == ["三收到和处理政府信息公开申请情况", "本年度申请办理情况总体平稳。"]
    problems = doc.section("problems")
    assert problems is not None and [p.text for p in problems.paragraphs] == ["问题是宣传不够。"]


def test_a_cell_holding_several_numbers_is_never_one_number() -> None:
    assert classify_cell("10 1") == "numbers" and classify_cell("3 119") == "numbers"
    rows = t3_lines({"r1_new": ["3 119", "0", "0", "0", "0", "0", "3119"],  # 8 values for 7 columns
                     "r2_carry_in": ["2 0", "0", "0", "0", "0", "2"]})  # merged cells, 7 values in all
    doc = read_text(report("三、收到和处理政府信息公开申请情况", *rows))
    assert doc.tables.get("t3.r1_new.np") is None
    assert {i.problem for i in doc.cell_issues if i.cell_id.startswith("t3.r1_new.")} == {"unreadable"}
    assert [doc.tables.get(L.t3_cell_id("r2_carry_in", c.id)) for c in L.T3_COLUMNS] == [2, 0, 0, 0, 0, 0, 2]
