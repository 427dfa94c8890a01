"""Every checker rule with a passing and a failing case (documents built directly)."""

from __future__ import annotations

import datetime as dt

import pytest

from checkdocs import DEFAULT_TEXT, make_dataset, make_doc, make_tables, rules
from draft_report.checking import check_document
from draft_report.models.document import CellIssue, ReportDocument


def findings_of(result, rule: str):
    return [f for f in result.findings if f.rule == rule]


def test_consistent_document_has_no_error_or_warning() -> None:
    result = check_document(make_doc())
    assert not result.has_errors
    assert rules(result, "warning") == []


# --- tables -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value", "rule"),
    [
        ("t3.r4_carry_out.np", 3, "table.identity.H1"),  # breaks 一+二 = 七+四 (and the row sum)
        ("t3.r3_7_total.np", 5, "table.identity.H2"),
        ("t3.r1_new.total", 6, "table.identity.H3"),
        ("t4.rv.total", 3, "table.identity.H4"),
    ],
)
def test_identity_rules(cell: str, value: int, rule: str) -> None:
    result = check_document(make_doc(tables=make_tables({cell: value})))
    hits = findings_of(result, rule)
    assert hits and all(f.severity == "error" for f in hits)
    assert rule not in rules(check_document(make_doc()))


def test_h4_names_cell_and_values() -> None:
    result = check_document(make_doc(tables=make_tables({"t4.rv.total": 3})))
    f = findings_of(result, "table.identity.H4")[0]
    assert f.location.cell_id == "t4.rv.total" and f.location.table == "表四"
    assert (f.expected, f.actual) == ("2", "3")


def test_h5_value_and_unreadable_cell() -> None:
    tables = make_tables({"t3.r3_1_open.np": None})
    for raw in ("-2", "2.5"):
        doc = make_doc(tables=tables, cell_issues=[CellIssue(cell_id="t3.r3_1_open.np", problem="unreadable", raw=raw)])
        assert findings_of(check_document(doc), "table.value.H5")[0].severity == "error"
    # a well-formed number the reader could not place is unreadable, not an H5 violation
    doc = make_doc(tables=tables, cell_issues=[CellIssue(cell_id="t3.r3_1_open.np", problem="unreadable", raw="1")])
    assert rules(check_document(doc)).count("table.value.H5") == 0
    doc = make_doc(tables=tables, cell_issues=[CellIssue(cell_id="t3.r3_1_open.np", problem="unreadable", raw="1O")])
    result = check_document(doc)
    assert findings_of(result, "table.unreadable")[0].severity == "warning"
    assert "table.value.H5" not in rules(result)
    # an unreadable cell is not guessed: the identities that need it are not evaluated
    assert not any(r.startswith("table.identity") for r in rules(result))


def test_h6_blank_cells_grouped_by_row() -> None:
    overrides = {f"t3.r1_new.{c}": None for c in ("biz", "sci", "npo", "law", "oth")}
    result = check_document(make_doc(tables=make_tables(overrides)))
    blank = findings_of(result, "table.blank.H6")
    assert len(blank) == 1 and blank[0].severity == "warning" and "5 个单元格空白" in blank[0].message
    assert not findings_of(check_document(make_doc()), "table.blank.H6")


def test_missing_table() -> None:
    doc = make_doc()
    doc.tables_found = ["table2", "table3"]
    assert [f.location.table for f in findings_of(check_document(doc), "structure.table_missing")] == ["表四"]


# --- prose vs tables ----------------------------------------------------------------------


def test_prose_mismatch_against_own_tables() -> None:
    text = {"overview": ["全年受理政府信息公开申请8件，答复4件。"]}
    f = findings_of(check_document(make_doc(text)), "prose.mismatch")
    assert len(f) == 1 and f[0].severity == "error"
    assert (f[0].expected, f[0].actual) == ("5", "8") and "受理政府信息公开申请8件" in f[0].location.excerpt


def test_prose_chinese_numerals_are_compared() -> None:
    ok = check_document(make_doc({"overview": ["全年受理政府信息公开申请五件，行政处罚决定三十七件。"]}))
    assert "prose.mismatch" not in rules(ok)
    bad = check_document(make_doc({"overview": ["全年受理政府信息公开申请两件。"]}))
    assert [f.actual for f in findings_of(bad, "prose.mismatch")] == ["2"]


def test_zero_claim_over_nonzero_table() -> None:
    bad = check_document(make_doc({"overview": ["全年未收到信息公开相关申请。"]}))
    f = findings_of(bad, "prose.zero_claim")
    assert len(f) == 1 and f[0].severity == "error" and f[0].expected == "5"
    written = check_document(make_doc({"overview": ["全年共收到政府信息公开申请0件。"]}))
    assert [(x.expected, x.actual) for x in findings_of(written, "prose.zero_claim")] == [("5", "0")]
    zero = make_tables({c: 0 for c in ("t3.r1_new.np", "t3.r1_new.biz", "t3.r1_new.total")})
    ok = check_document(make_doc({"overview": ["全年未收到信息公开相关申请。"]}, tables=zero))
    assert "prose.zero_claim" not in rules(ok)


def test_unbound_number_is_listed_as_unverified_info() -> None:
    result = check_document(make_doc({"overview": ["全年在政务网站发布各类动态信息37条。"]}))
    f = [x for x in findings_of(result, "prose.unverified") if x.location.section == "overview"]
    assert len(f) == 1 and f[0].severity == "info" and f[0].actual == "37"
    assert not result.has_errors


def test_unreadable_cell_makes_claim_unverified_not_wrong() -> None:
    tables = make_tables({"t3.r1_new.total": None})
    doc = make_doc(tables=tables, cell_issues=[CellIssue(cell_id="t3.r1_new.total", problem="unreadable", raw="?")])
    result = check_document(doc)
    assert "prose.mismatch" not in rules(result)
    assert any("受理" in (f.location.excerpt or "") for f in findings_of(result, "prose.unverified"))


# --- report vs data -----------------------------------------------------------------------


def test_cell_vs_data() -> None:
    doc = make_doc(tables=make_tables({"t2.penalty.decisions": 38}))
    result = check_document(doc, make_dataset())
    f = findings_of(result, "data.cell_mismatch")
    assert len(f) == 1 and f[0].location.cell_id == "t2.penalty.decisions" and (f[0].expected, f[0].actual) == ("37", "38")
    assert "data.cell_mismatch" not in rules(check_document(make_doc(), make_dataset()))


def test_unreadable_cell_vs_data_says_unreadable_not_blank() -> None:
    doc = make_doc()
    doc.tables.set("t2.penalty.decisions", None)
    doc.cell_issues.append(CellIssue(cell_id="t2.penalty.decisions", problem="unreadable", raw="三十七"))
    f = findings_of(check_document(doc, make_dataset()), "data.cell_mismatch")
    assert len(f) == 1 and f[0].actual == "无法读取：三十七" and f[0].expected == "37"
    assert "无法读取" in f[0].message and "空白" not in f[0].message


def test_prose_vs_data_aggregates() -> None:
    ds = make_dataset(aggregates={"publications.total": 37, "publications.channel:政务网站": 37, "events.kind:培训": 3})
    ok = check_document(make_doc({"other": ["本年度未收取信息处理费。在政务网站全年共发布各类动态信息37条，组织培训3次。"]}), ds)
    assert not ok.has_errors and "prose.unverified" not in rules(ok)
    bad = check_document(make_doc({"other": ["本年度未收取信息处理费。在政务网站全年共发布各类动态信息38条。"]}), ds)
    assert [(f.expected, f.actual) for f in findings_of(bad, "prose.mismatch")] == [("37", "38")]


def test_fee_claims_vs_data() -> None:
    ds = make_dataset(fees={"notices_issued": 2, "notices_amount_yuan": 500, "collected_yuan": 120})
    ok = check_document(make_doc({"other": ["发出收费通知2件，收费通知金额合计500元，实际收取信息处理费120元。"]}), ds)
    assert not ok.has_errors
    bad = check_document(make_doc({"other": ["本年度未收取信息处理费。"]}), ds)
    assert findings_of(bad, "prose.zero_claim")[0].expected == "120"


# --- cross-year ---------------------------------------------------------------------------


OTHER_TEXT = {
    "overview": ["去年的文字完全不同，讲的是另外一些事情，例如网站改版和栏目调整。" * 3],
    "problems": ["上一年度的问题主要是人员不足，栏目更新慢，需要继续努力加以解决。" * 2],
}


def _previous(**overrides) -> ReportDocument:
    return make_doc(OTHER_TEXT, tables=make_tables(overrides), year=2022)


def test_x1_carry_over() -> None:
    # this year: 上年结转 自然人 1, 总计 1
    prev = _previous(**{"t3.r4_carry_out.np": 3, "t3.r4_carry_out.total": 3})
    f = findings_of(check_document(make_doc(), previous=prev), "cross.carry_over.X1")
    assert [x.location.cell_id for x in f] == ["t3.r2_carry_in.np", "t3.r2_carry_in.total"]
    assert f[0].severity == "error" and (f[0].expected, f[0].actual) == ("3", "1")
    good = _previous(**{"t3.r4_carry_out.np": 1, "t3.r4_carry_out.total": 1})
    assert "cross.carry_over.X1" not in rules(check_document(make_doc(), previous=good))


def test_x1_accepts_previous_dataset() -> None:
    prev = make_dataset(make_tables({"t3.r4_carry_out.np": 2, "t3.r4_carry_out.total": 2}), year=2022)
    # last year carried 2 out, this year says 1 carried in
    assert "cross.carry_over.X1" in rules(check_document(make_doc(), previous=prev))


def test_x2_valid_count() -> None:
    prev = _previous(**{"t2.norm.valid": 10})  # 10 + 3 - 1 = 12
    assert "cross.valid_count.X2" not in rules(check_document(make_doc(), previous=prev))
    prev = _previous(**{"t2.norm.valid": 20})
    f = findings_of(check_document(make_doc(), previous=prev), "cross.valid_count.X2")
    assert f and f[0].severity == "warning" and f[0].expected == "22"


def test_x4_rectification() -> None:
    prev = _previous(**{"t2.norm.valid": 10})
    assert "cross.rectification.X4" not in rules(check_document(make_doc(), previous=prev))
    text = {"problems": ["一是政策解读形式还不够丰富；二是答复文书不够规范。下一步将加强培训，规范文书，丰富解读形式。"]}
    f = findings_of(check_document(make_doc(text), previous=prev), "cross.rectification.X4")
    assert f and f[0].severity == "warning"


def test_x5_similarity() -> None:
    prev = make_doc(year=2022)
    f = findings_of(check_document(make_doc(), previous=prev), "cross.similarity.X5")
    assert f and f[0].severity == "warning" and f[0].actual.endswith("%")
    assert "cross.similarity.X5" not in rules(check_document(make_doc(), previous=_previous()))


# --- structure ----------------------------------------------------------------------------


def test_heading_missing_order_wording() -> None:
    doc = make_doc()
    doc.sections = [s for s in doc.sections if s.key != "problems"]
    assert findings_of(check_document(doc), "structure.heading_missing")[0].expected == "五、存在的主要问题及改进情况"
    order = ["overview", "requests", "proactive", "review_litigation", "problems", "other"]
    assert "structure.heading_order" in rules(check_document(make_doc(order=order)))
    trunc = check_document(make_doc(headings={"review_litigation": "四、政府信息公开行政复议、行政诉讼情"}))
    f = findings_of(trunc, "structure.heading_wording")
    assert f and f[0].actual == "四、政府信息公开行政复议、行政诉讼情"
    variants = {"review_litigation": "四、政府信息公开行政复议、行政诉讼情况 ", "problems": "五. 存在的主要问题及改进情况"}
    result = check_document(make_doc(headings=variants))
    assert not any(r.startswith("structure.heading") for r in rules(result))


def test_old_format_markers() -> None:
    doc = make_doc(lines=["信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"])
    f = findings_of(check_document(doc), "structure.old_format")
    # one defect, one error: every marker is named in it, in the order they occur
    assert [(x.severity, x.actual) for x in f] == [("error", "本年新制作数量、本年新公开数量、对外公开总数量")]
    assert "“本年新制作数量”“本年新公开数量”“对外公开总数量”：应使用 2021 年版格式" in f[0].message
    single = make_doc(lines=["（六）其他处理\t0\t0\t0\t0\t0\t0\t0"])
    assert findings_of(check_document(single), "structure.old_format")[0].severity == "warning"
    assert "structure.old_format" not in rules(check_document(make_doc(lines=["信息内容\t本年制发件数\t本年废止件数"])))


def test_problems_empty() -> None:
    assert "structure.problems_empty" in rules(check_document(make_doc({"problems": ["无。"]})))
    assert "structure.problems_empty" not in rules(check_document(make_doc()))


def test_fee_statement_missing() -> None:
    f = check_document(make_doc({"other": ["本年度无其他需要报告的事项。"]}))
    assert findings_of(f, "structure.fee_statement_missing")[0].severity == "warning"
    assert "structure.fee_statement_missing" not in rules(check_document(make_doc()))


def test_fee_multiple_of_ten() -> None:
    bad = check_document(make_doc({"other": ["全年收取政府信息公开信息处理费 3945 元。"]}))
    assert findings_of(bad, "fee.not_multiple_of_10")[0].actual == "3945"
    ok = check_document(make_doc({"other": ["全年收取政府信息公开信息处理费 3940 元。"]}))
    assert "fee.not_multiple_of_10" not in rules(ok)


def test_f3_notice_vs_table() -> None:
    tables = make_tables({"t3.r3_6_2.np": 1, "t3.r3_6_2.total": 1, "t3.r3_1_open.np": 1, "t3.r3_1_open.total": 1})
    text = {"other": ["本年度未发出收费通知，未收取信息处理费。"]}
    f = findings_of(check_document(make_doc(text, tables=tables)), "fee.notice_vs_table.F3")
    assert f and f[0].severity == "warning"
    assert "fee.notice_vs_table.F3" not in rules(check_document(make_doc(text)))


# --- staleness and deadline ---------------------------------------------------------------


def test_stale_year() -> None:
    text = {"overview": ["2022年，我局认真贯彻条例。", "2020年全市共受理申请。"] + DEFAULT_TEXT["overview"]}
    f = findings_of(check_document(make_doc(text)), "stale.year")
    assert [(x.expected, x.actual) for x in f] == [(2023, 2022), (2023, 2020)]
    fine = {"overview": ["以2022年度考核反馈问题整改为契机，落实《规划（2021-2025年）》，2024年将继续推进。",
                         "自2019年以来，持续推进公开标准化建设。"]}
    assert "stale.year" not in rules(check_document(make_doc(fine)))


def test_stale_topic() -> None:
    text = {"overview": ["严格遵守疫情防控工作信息保密纪律。"]}
    f = findings_of(check_document(make_doc(text)), "stale.topic")
    assert f and f[0].severity == "warning" and f[0].actual == "疫情防控"
    assert "stale.topic" not in rules(check_document(make_doc(text, year=2022)))


def test_deadline() -> None:
    late = check_document(make_doc(date=dt.date(2024, 2, 5)))
    assert findings_of(late, "deadline.late")[0].expected == "2024-01-31"
    gov = check_document(make_doc(date=dt.date(2024, 2, 5), agency="某县人民政府"))
    assert "deadline.late" not in rules(gov)
    assert "deadline.late" in rules(check_document(make_doc(date=dt.date(2024, 4, 2), agency="某县人民政府")))


def test_info_findings_never_make_errors_and_json_contract() -> None:
    result = check_document(make_doc({"overview": ["发布信息37条。"]}))
    d = result.to_dict()
    assert set(d) == {"findings", "summary"}
    f = d["findings"][0]
    assert set(f) == {"rule", "severity", "message", "location", "expected", "actual"}
    assert {"section", "table", "row", "column", "line", "excerpt"} <= set(f["location"])
    assert d["summary"]["errors"] == 0 and d["summary"]["info"] >= 1


def test_report_year_vs_data_year() -> None:
    result = check_document(make_doc(year=2023), make_dataset(year=2024))
    f = [x for x in findings_of(result, "stale.year") if x.location.excerpt and "年度" in x.location.excerpt]
    assert f and f[0].to_dict()["expected"] == "2024" and f[0].to_dict()["actual"] == "2023"


def test_json_values_are_strings_or_null() -> None:
    result = check_document(make_doc({"overview": ["2020年，我局发布信息37条。"]}, tables=make_tables({"t4.rv.total": 3})))
    for f in result.to_dict()["findings"]:
        assert f["expected"] is None or isinstance(f["expected"], str)
        assert f["actual"] is None or isinstance(f["actual"], str)


def test_bare_yi_is_an_article_unless_bound() -> None:
    result = check_document(make_doc({"overview": ["作为一项重要任务来抓。全年受理政府信息公开申请一件。"]}))
    assert [f.actual for f in findings_of(result, "prose.mismatch")] == ["1"]
    assert not [f for f in findings_of(result, "prose.unverified") if f.location.section == "overview"]


def test_h6_whole_blank_columns_are_one_finding() -> None:
    from draft_report.tables import layout as L

    overrides = {L.t3_cell_id(r.id, c): None for r in L.T3_ROWS for c in ("biz", "sci")}
    blank = findings_of(check_document(make_doc(tables=make_tables(overrides))), "table.blank.H6")
    assert len(blank) == 1 and "整列空白" in blank[0].message and blank[0].location.column == "商业企业、科研机构"


def test_f4_notices_paid_vs_table() -> None:
    tables = make_tables({"t3.r3_6_2.np": 2, "t3.r3_6_2.total": 2, "t3.r3_1_open.np": 0, "t3.r3_1_open.total": 0})
    text = {"other": ["发出收费通知2件，申请人按通知缴费1件，实际收取信息处理费100元。"]}
    f = findings_of(check_document(make_doc(text, tables=tables)), "fee.notice_vs_table.F4")
    assert f and f[0].expected == "≤ 1" and f[0].actual == "2"
    ok = make_tables({"t3.r3_6_2.np": 1, "t3.r3_6_2.total": 1, "t3.r3_1_open.np": 1, "t3.r3_1_open.total": 1})
    assert "fee.notice_vs_table.F4" not in rules(check_document(make_doc(text, tables=ok)))


def test_problems_without_any_problem_is_boilerplate() -> None:
    text = {"problems": ["下一步，我局将继续深入贯彻落实条例，进一步做好政府信息公开工作，推动政务公开工作再上新台阶。"]}
    assert "structure.problems_empty" in rules(check_document(make_doc(text)))


def test_received_may_include_carried_in() -> None:
    # 新收 5 + 上年结转 1: “受理 6 件” is a legitimate reading, “受理 7 件” is not
    assert "prose.mismatch" not in rules(check_document(make_doc({"overview": ["全年共受理政府信息公开申请6件。"]})))
    assert "prose.mismatch" in rules(check_document(make_doc({"overview": ["全年共受理政府信息公开申请7件。"]})))


def test_old_format_words_in_prose_are_not_markers() -> None:
    text = {"overview": ["全年做好政府集中采购信息公开工作，按要求公开采购项目数量、采购总金额等信息，接受社会监督，确保公开及时准确。"]}
    doc = make_doc(text, lines=["标题"] + ["x"] * 20)
    para = doc.sections[0].paragraphs[0]
    doc.lines[para.line - 1] = para.text
    assert "structure.old_format" not in rules(check_document(doc))


# --- refinements: sums over channels, 表二 cells, scope, previous year ---------------------


def test_channels_named_together_verify_against_their_sum() -> None:
    ds = make_dataset(aggregates={"publications.total": 96, "publications.channel:政府网站": 64,
                                  "publications.channel:微信公众号": 32})
    ok = check_document(make_doc({"other": ["本年度未收取信息处理费。全年通过政府网站和微信公众号发布信息96条。"]}), ds)
    assert not ok.has_errors and "prose.unverified" not in rules(ok)
    bad = check_document(make_doc({"other": ["本年度未收取信息处理费。全年通过政府网站和微信公众号发布信息95条。"]}), ds)
    assert [(f.expected, f.actual) for f in findings_of(bad, "prose.mismatch")] == [("96", "95")]
    # the channels cover everything: publications.total is an accepted reading too (items on both channels)
    ds2 = make_dataset(aggregates={"publications.total": 90, "publications.channel:政府网站": 64,
                                   "publications.channel:微信公众号": 32})
    both = check_document(make_doc({"other": ["本年度未收取信息处理费。全年通过政府网站和微信公众号发布信息90条。"]}), ds2)
    assert not both.has_errors


def test_table2_repealed_and_fees_are_verified() -> None:
    text = {"overview": DEFAULT_TEXT["overview"] + ["对现行有效的12件行政规范性文件开展清理，废止1件。全年行政事业性收费0万元。"]}
    ok = check_document(make_doc(text))
    assert not ok.has_errors and not [f for f in findings_of(ok, "prose.unverified") if f.location.section == "overview"]
    bad_text = {"overview": DEFAULT_TEXT["overview"] + ["对现行有效的12件行政规范性文件开展清理，废止2件。"]}
    f = findings_of(check_document(make_doc(bad_text)), "prose.mismatch")
    assert [(x.expected, x.actual) for x in f] == [("1", "2")]
    fees = make_tables({"t2.fees.amount_wan": 12.35})
    yuan = check_document(make_doc({"overview": ["全年行政事业性收费123500元。"]}, tables=fees))
    assert "prose.mismatch" not in rules(yuan)
    assert not [f for f in findings_of(yuan, "prose.unverified") if f.location.section == "overview"]
    wrong = check_document(make_doc({"overview": ["全年行政事业性收费13.35万元。"]}, tables=fees))
    assert [(x.expected, x.actual) for x in findings_of(wrong, "prose.mismatch")] == [("12.35", "13.35")]
    # 5000 元 is not 0 万元 (an integer table value still compares to 0.01 万元)
    zero = check_document(make_doc({"overview": ["全年行政事业性收费5000元。"]}))
    assert [(x.expected, x.actual) for x in findings_of(zero, "prose.mismatch")] == [("0", "5000")]


def test_sub_unit_speaking_for_itself_is_a_scope_warning() -> None:
    scoped = {"overview": ["区政府办代表区政府受理政府信息公开申请 17 件，均已按期答复。"]}
    result = check_document(make_doc(scoped))
    assert "prose.mismatch" not in rules(result)
    (f,) = findings_of(result, "prose.scope_mismatch")
    assert f.severity == "warning" and (f.expected, f.actual) == ("5", "17") and "范围" in f.message
    plain = check_document(make_doc({"overview": ["全年受理政府信息公开申请 17 件，均已按期答复。"]}))
    assert findings_of(plain, "prose.mismatch")[0].severity == "error"
    # 人大代表 is not a sub-unit speaking for the agency
    for text in ("办理人大代表建议后，全年受理政府信息公开申请 17 件。", "走访代表委员，全年受理政府信息公开申请 17 件。",
                 "按照区政府办要求，全年受理政府信息公开申请 17 件。"):
        assert "prose.mismatch" in rules(check_document(make_doc({"overview": [text]}))), text
    level = check_document(make_doc({"overview": ["市政府本级全年受理政府信息公开申请 17 件。"]}))
    assert "prose.scope_mismatch" in rules(level)


def test_previous_of_another_year_is_a_warning_and_skips_x1() -> None:
    wrong_year = make_doc(OTHER_TEXT, tables=make_tables({"t3.r4_carry_out.np": 3, "t3.r4_carry_out.total": 3}),
                          year=2021)
    result = check_document(make_doc(), previous=wrong_year)
    (f,) = findings_of(result, "cross.previous_year")
    assert f.severity == "warning" and (f.expected, f.actual) == ("2022", "2021")
    assert "cross.carry_over.X1" not in rules(result) and "cross.valid_count.X2" not in rules(result)
    right = check_document(make_doc(), previous=_previous(**{"t3.r4_carry_out.np": 3, "t3.r4_carry_out.total": 3}))
    assert "cross.previous_year" not in rules(right) and "cross.carry_over.X1" in rules(right)
    # last year's data file of the wrong year (here: this year's own data by mistake)
    # (it carries 2 out, the report 1 in: of year 2022 that would be an X1 error)
    assert "cross.carry_over.X1" in rules(check_document(make_doc(), previous=make_dataset(year=2022)))
    result = check_document(make_doc(), previous=make_dataset(year=2023))
    assert rules(result).count("cross.previous_year") == 1 and "cross.carry_over.X1" not in rules(result)


# --- S4: section 一 covers five aspects; a government's report its accountability results --------

_OVERVIEW_WITH_TOPICS = [
    "（一）主动公开情况", "2023年，我局在政府网站发布信息37条。",
    "（二）依申请公开情况", "全年受理政府信息公开申请5件，答复4件（含上年结转申请1件），另有2件结转下年度继续办理。",
    "（三）政府信息管理情况", "全年制发行政规范性文件3件。",
    "（四）政府信息公开平台建设情况", "优化政府网站栏目设置。",
    "（五）监督保障情况", "发生政府信息公开行政复议2件，其中结果维持1件，结果纠正1件；行政诉讼3件。",
]


def test_overview_with_all_five_sub_headings_passes() -> None:
    result = check_document(make_doc({"overview": _OVERVIEW_WITH_TOPICS}))
    assert "structure.overview_topic_missing" not in rules(result)


def test_a_deleted_overview_sub_heading_is_a_warning() -> None:
    paras = [p for p in _OVERVIEW_WITH_TOPICS if p != "（四）政府信息公开平台建设情况"]
    f = findings_of(check_document(make_doc({"overview": paras})), "structure.overview_topic_missing")
    assert len(f) == 1 and f[0].severity == "warning" and f[0].expected == "（四）政府信息公开平台建设情况"


def test_run_in_sub_headings_count_and_an_overview_without_sub_headings_is_not_judged() -> None:
    run_in = ["（一）主动公开情况。发布信息37条。", "（二）依申请公开情况。全年未收到申请。"]
    f = findings_of(check_document(make_doc({"overview": run_in})), "structure.overview_topic_missing")
    assert {x.expected for x in f} == {"（三）政府信息管理情况", "（四）政府信息公开平台建设情况", "（五）监督保障情况"}
    assert "structure.overview_topic_missing" not in rules(check_document(make_doc()))


def test_government_report_without_accountability_results_is_a_warning() -> None:
    gov = make_doc(agency="某县人民政府")
    assert findings_of(check_document(gov), "structure.accountability_missing")
    ok = make_doc({"overview": [*DEFAULT_TEXT["overview"], "将政务公开纳入年度绩效考核，全年未发生责任追究情况。"]},
                  agency="某县人民政府")
    assert "structure.accountability_missing" not in rules(check_document(ok))
    assert "structure.accountability_missing" not in rules(check_document(make_doc()))  # a department


def test_message_values_are_not_rounded() -> None:
    """Values in findings print as the tables do: 447228.5 stays 447228.5 (``:g`` gave 447228)."""
    from draft_report.checking.prose import fmt

    assert fmt(447228.5) == "447228.5" and fmt(3.0) == "3" and fmt(12) == "12" and fmt(None) == "空白"
