"""Tables as web pages give them: "|"-terminated cells, wherever the line breaks fall.

The texts are our own renderings of layouts seen in published reports' pages (bench/real_tables/
holds the paraphrased cases with their hand-read truth; the last test runs them all).
"""

from __future__ import annotations

import sys
from pathlib import Path

from draft_report.checking import check_document
from draft_report.reading import read_text

ROOT = Path(__file__).resolve().parent.parent
HEAD = "2023年某某局政府信息公开工作年度报告\n一、总体情况\n本局依法做好公开工作。\n二、主动公开政府信息情况\n"


def _cells(rows: list[list[str]], style: str) -> str:
    """The rows as a page's text: ``line`` (a row per line, no leading "|"), ``cell`` (a cell per
    line ending " |"), ``bare`` (a cell per line, its "|" on the next line), ``lead`` (``cell``
    with a bare "|" opening each row)."""
    out: list[str] = []
    for row in rows:
        if style == "line":
            out.append(" | ".join(row) + " |")
            continue
        if style == "lead":
            out.append("|")
        for c in row:
            if style == "bare":
                out += [c, "|"] if c else ["|"]
            else:
                out.append(f"{c} |" if c else "|")
    return "\n".join(out)


T2 = [["第二十条第(一)项", "", "", ""], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
      ["规章", "0", "0", "0"], ["行政规范性文件", "4", "2", "17"],
      ["第二十条第(五)项", "", "", ""], ["信息内容", "本年处理决定数量", "", ""], ["行政许可", "36", "", ""]]
T3 = [["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"],
      ["自然人", "法人或其他组织", "总计"], ["商业 企业", "科研 机构", "社会公益组织", "法律服务机构", "其他"],
      ["一、本年新收政府信息公开申请数量", "9", "2", "0", "0", "1", "0", "12", "", ""],
      ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1", "", ""],
      ["三、本年度办理结果", "(一)予以公开", "5", "1", "0", "0", "0", "0", "6", ""]]


def _report(style: str, t3: list[list[str]] = T3) -> str:
    return HEAD + _cells(T2, style) + "\n三、收到和处理政府信息公开申请情况\n" + _cells(t3, style)


def test_every_web_layout_reads_the_same_cells() -> None:
    for style in ("line", "cell", "bare", "lead"):
        doc = read_text(_report(style))
        t = doc.tables
        assert [t.get(f"t2.norm.{m}") for m in ("made", "repealed", "valid")] == [4, 2, 17], style
        assert t.get("t2.licensing.decisions") == 36, style
        assert [t.get(f"t3.r1_new.{c}") for c in ("np", "biz", "law", "total")] == [9, 2, 1, 12], style
        assert t.get("t3.r3_1_open.total") == 6, style
        assert "t2.reg.made" in doc.cell_lines, style


def test_a_blank_cell_stays_blank_and_in_its_column() -> None:
    rows = [r[:] for r in T2]
    rows[3] = ["行政规范性文件", "4", "", "17"]
    doc = read_text(HEAD + _cells(rows, "cell"))
    assert [doc.tables.get(f"t2.norm.{m}") for m in ("made", "repealed", "valid")] == [4, None, 17]
    findings = check_document(doc).findings
    assert any(f.rule == "table.blank.H6" and "本年废止件数" in (f.location.column or "") for f in findings)


def test_a_table_cut_off_is_one_warning_naming_where_it_stops() -> None:
    findings = check_document(read_text(_report("cell"))).findings
    cut = [f for f in findings if f.rule == "table.unreadable" and f.location.table == "表三"]
    assert len(cut) == 1 and cut[0].severity == "warning"
    assert "（二）部分公开" in cut[0].message and "截断" in cut[0].message
    assert not [f for f in findings if f.severity == "error"]


def test_filler_cells_never_make_a_row_of_table_three_into_table_four() -> None:
    # 表四's section is missing: 表四 is looked for in the whole report; the first row of 表三
    # holds 7 values and, with the page's filler cells, 17 — it is still 表三's row
    t3 = [r[:] for r in T3]
    t3[3] = t3[3] + [""] * 8
    doc = read_text(_report("cell", t3))
    assert "table4" not in doc.tables_found
    assert not [f for f in check_document(doc).findings if f.rule.startswith("table.identity")]


def test_an_inconsistent_row_is_still_caught() -> None:
    t3 = [r[:] for r in T3]
    t3[3] = ["一、本年新收政府信息公开申请数量", "9", "2", "0", "0", "1", "0", "13", "", ""]
    errors = [f for f in check_document(read_text(_report("bare", t3))).findings if f.severity == "error"]
    assert [f.rule for f in errors] == ["table.identity.H3"]
    assert errors[0].location.row == "一、本年新收政府信息公开申请数量"


def test_prose_with_a_pipe_is_not_a_table() -> None:
    text = HEAD + "首页 | 网站地图 | 联系我们\n本年度共公开信息若干条。\n" + _cells(T2, "cell")
    doc = read_text(text)
    assert doc.tables.get("t2.licensing.decisions") == 36
    assert any("本年度共公开信息若干条" in p.text for s in doc.sections for p in s.paragraphs)


def test_the_real_world_cases_read_without_a_false_error_or_a_misread() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import real_tables_bench as R

    results = [R.score_case(c) for c in R.load_cases(R.DEFAULT_CASES)]
    fig = R.summarize(results)
    assert fig["crashes"] == 0 and fig["read_wrong"] == 0 and fig["invented"] == 0
    assert fig["false_table_errors"] == 0
    # every inconsistent twin whose broken row is read is caught
    for r in results:
        if r.get("missed"):
            assert r["unread"], r["id"]
    assert fig["read_right"] >= 0.65 * fig["cells_shown"]


def test_labels_printed_in_traditional_characters_match_their_rows() -> None:
    from draft_report.reading.runs import label_grams
    from draft_report.reading.table_reader import SPECS_T2, SPECS_T3

    written = {  # our own traditional renderings, as a converted page prints them
        "norm": (SPECS_T2, "行政規範性文件"),
        "fees": (SPECS_T2, "行政事業性收費"),
        "r2_carry_in": (SPECS_T3, "二、上年結轉政府信息公開申請數量"),
        "r3_5_5": (SPECS_T3, "5.要求行政機關確認或重新出具已獲取信息"),
        "r3_6_2": (SPECS_T3, "2.申請人逾期未按收費通知要求繳納費用、行政機關不再處理其政府信息公開申請"),
        "r4_carry_out": (SPECS_T3, "四、結轉下年度繼續辦理"),
    }
    for key, (specs, label) in written.items():
        best, spec, second = specs.best(label_grams(label))
        assert spec is not None and spec.key == key and best > 0.99 and second < 0.8, label


def test_a_page_in_traditional_characters_reads_its_cells() -> None:
    text = ("2022年某鎮政府信息公開工作年度報告\n一、總體情況\n本鎮依法做好公開工作。\n二、主動公開政府信息情況\n"
            "第二十條第(一)項 | |||\n信息內容 | 本年製發件數 | 本年廢止件數 | 現行有效件數 |\n"
            "規章 | 0 | 0 | 0 |\n行政規範性文件 | 2 | 1 | 6 |\n第二十條第(八)項 | |||\n"
            "信息內容 | 本年收費金額(單位:萬元) | ||\n行政事業性收費 | 12.5 | ||\n")
    doc = read_text(text)
    assert [doc.tables.get(f"t2.norm.{m}") for m in ("made", "repealed", "valid")] == [2, 1, 6]
    assert doc.tables.get("t2.fees.amount_wan") == 12.5


def test_a_template_left_empty_is_blank_not_missing() -> None:
    labels = ["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
              "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可"]
    rows = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人", "总计",
            "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果", "(一)予以公开"]
    text = HEAD + "\n\n".join(labels) + "\n\n三、收到和处理政府信息公开申请情况\n\n" + "\n\n".join(rows) + "\n"
    doc = read_text(text)
    assert "t2.norm.valid" in doc.cell_lines and doc.tables.get("t2.norm.valid") is None
    assert "t3.r1_new.total" in doc.cell_lines and doc.tables.get("t3.r3_1_open.np") is None
    findings = check_document(doc).findings
    empty = [f for f in findings if f.rule == "table.blank.H6"]
    assert sorted(f.location.table for f in empty) == sorted(["表二", "表三"])
    assert all("没有填写任何数字" in f.message for f in empty)
    assert not [f for f in findings if f.severity == "error"]
    # a value anywhere in the region: a row without values may have lost them — missing, not blank
    doc = read_text(text.replace("行政许可", "行政许可\n\n7"))
    assert "t2.norm.valid" not in doc.cell_lines and "t3.r1_new.total" in doc.cell_lines


def test_a_row_whose_empty_cells_were_dropped_is_short_not_shifted() -> None:
    # 自然人 and 总计 printed, the five organisation cells gone with the fillers: the 3 after the
    # first is not 商业企业's — the row is unreadable, never read into the wrong columns
    rows = [r[:] for r in T3[:3]]
    text = HEAD + "三、收到和处理政府信息公开申请情况\n" + _cells(rows, "cell") + (
        "\n一、本年新收政府信息公开申请数量 |\n5 |\n5 |\n|||||||\n二、上年结转政府信息公开申请数量 |\n"
        "|\n|\n|\n|\n|\n|\n0 |\n||\n")
    doc = read_text(text)
    assert "t3.r1_new.biz" not in doc.cell_lines or doc.tables.get("t3.r1_new.biz") != 5
    assert any(i.cell_id == "t3.r1_new.np" and i.problem == "unreadable" for i in doc.cell_issues)
    # a blank cell on its own line keeps its column: 上年结转 is blank in six columns, 0 in 总计
    assert doc.tables.get("t3.r2_carry_in.total") == 0 and doc.tables.get("t3.r2_carry_in.np") is None
    assert not [f for f in check_document(doc).findings if f.severity == "error"]


def test_filler_cells_of_a_tab_table_never_make_table_four() -> None:
    # the same in a table copied out of Word (TAB-separated, 8 empty merged cells after the 7 values):
    # it had made 表四 out of 表三's first row and a false H4 error
    rows = [["一、本年新收政府信息公开申请数量", "4", "0", "0", "0", "0", "0", "4"] + [""] * 8,
            ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"] + [""] * 8]
    text = (HEAD.replace("二、主动公开政府信息情况\n", "") + "三、收到和处理政府信息公开申请情况\n"
            "申请人情况\t自然人\t法人或其他组织\t总计\n" + "\n".join("\t".join(r) for r in rows) + "\n")
    doc = read_text(text)
    assert doc.tables.get("t3.r1_new.total") == 4 and "table4" not in doc.tables_found
    assert not [f for f in check_document(doc).findings if f.severity == "error"]
