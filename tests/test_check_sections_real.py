"""Titles, prefaces, headings and sections 五/六 as real reports write them (paraphrased from published
2020–2025 reports; bench/real_sections_bench.py measures the same phenomena)."""

from __future__ import annotations

from checkdocs import make_doc
from draft_report.checking import check_document
from draft_report.models.document import Paragraph


def found(result, rule: str) -> list[tuple[str, str | None]]:
    return [(f.severity, f.actual) for f in result.findings if f.rule == rule]


# --- headings: the same part in other words is a hint; a cut-short or foreign title is a warning


def test_heading_framed_differently_is_info() -> None:
    headings = {
        "overview": "一、2023年政务公开总体情况",
        "review_litigation": "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "problems": "五、政府信息公开工作存在的主要问题及改进情况",
        "other": "六、其他事项",
    }
    result = check_document(make_doc(headings=headings))
    wording = found(result, "structure.heading_wording")
    assert sorted(wording) == sorted(("info", h) for h in headings.values())
    assert not found(result, "structure.heading_missing")


def test_heading_cut_short_or_foreign_stays_warning() -> None:
    headings = {"problems": "五、存在的主要问题", "overview": "一、政府信息公开工作的基本情况"}
    result = check_document(make_doc(headings=headings))
    wording = {actual: sev for sev, actual in found(result, "structure.heading_wording")}
    assert wording["五、存在的主要问题"] == "warning"  # the standard title cut short: a slip, not a wording
    assert wording["一、政府信息公开工作的基本情况"] == "warning"  # 2008-style: does not name 总体情况


# --- the format document the preface cites


def _preface(text: str) -> list[Paragraph]:
    return [Paragraph(text=text, line=2)]


def test_preface_citing_2019_notice_in_a_2022_report() -> None:
    text = ("根据《条例》及《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）的要求，"
            "编制本年度报告。")
    result = check_document(make_doc(year=2022, preface=_preface(text)))
    assert found(result, "structure.old_format") == [("warning", "国办公开办函〔2019〕60号")]
    old = check_document(make_doc(year=2020, date=None, preface=_preface(text)))  # the 2019 format was right then
    assert not found(old, "structure.old_format")


def test_preface_citing_the_2021_format_under_another_issuer() -> None:
    wrong = "主动公开内容按照国办发〔2021〕30号文件要求编制。"
    result = check_document(make_doc(preface=_preface(wrong)))
    assert found(result, "structure.format_citation") == [("warning", "国办发〔2021〕30号")]
    right = "依据《年度报告格式》（国办公开办函〔2021〕30号）编制此报告。"
    assert not found(check_document(make_doc(preface=_preface(right))), "structure.format_citation")
    other = "按照国办发〔2021〕30号文件精神推进放管服改革。"  # not said of the report's format
    assert not found(check_document(make_doc(preface=_preface(other))), "structure.format_citation")


# --- a stale year after a run-in sub-heading ended by a space


def test_last_year_opening_after_space_separated_subheading() -> None:
    text = {"overview": ["（三）政府信息管理情况 2022年，镇政府办公室共制定规范性文件0件。"]}
    result = check_document(make_doc(text=text))
    assert ("warning", 2022) in found(result, "stale.year")
    same_year = {"overview": ["（三）政府信息管理情况 2023年，镇政府办公室共制定规范性文件0件。"]}
    assert not found(check_document(make_doc(text=same_year)), "stale.year")


# --- a heading in a real wording glued to its first sentence


def test_variant_heading_glued_to_its_text() -> None:
    from draft_report.reading.outline import parse_heading

    h = parse_heading("五、政府信息公开工作存在的主要问题及改进情况2022年，我局信息公开工作仍有不足：一是解读形式单一。")
    assert h is not None and h.heading == "五、政府信息公开工作存在的主要问题及改进情况"
    assert h.rest.startswith("2022年，我局")
    h = parse_heading("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况本年度未发生行政复议和行政诉讼。")
    assert h is not None and h.title == "因政府信息公开工作被申请行政复议、提起行政诉讼情况"
    # a numbered sentence of section 一 whose words name no section is not a heading
    assert parse_heading("一、强化组织领导，落实工作责任情况良好，全年召开专题会议多次，研究部署政务公开工作。") is None


# --- the statistics period: the report's own year, however the range is written


def test_statistics_period_of_another_year() -> None:
    stale = ["本报告所列数据的统计期限为2022年1月1日至2022年12月31日。",
             "报告中所列数据统计时间：2022年1月1日—12月31日。",
             "所列数据的统计期限从2023年1月1日到2022年12月31日止。"]
    for text in stale:
        result = check_document(make_doc(preface=_preface(text)))
        assert ("warning", 2022) in found(result, "stale.year"), text
    fine = "本报告所列数据的统计期限为2023年1月1日至2023年12月31日。《条例》自2019年5月15日起施行。"
    assert not found(check_document(make_doc(preface=_preface(fine))), "stale.year")


# --- a report that numbers its parts in a sequence of its own (Shanghai: 总体情况 apart, tables from 一)


def test_parts_renumbered_as_a_whole_are_one_finding() -> None:
    headings = {"overview": "总体情况", "proactive": "一、主动公开政府信息情况",
                "requests": "二、收到和处理政府信息公开申请情况", "review_litigation": "三、政府信息公开行政复议、行政诉讼情况",
                "problems": "四、存在的主要问题及改进情况", "other": "五、其他需要报告的事项"}
    wording = [f for f in check_document(make_doc(headings=headings)).findings
               if f.rule == "structure.heading_wording"]
    assert len(wording) == 1 and wording[0].severity == "warning"
    assert "5 个标题的序号与标准格式整体相差 1 位" in wording[0].message
    # two headings numbered wrong in different ways: one finding each
    mixed = {"proactive": "三、主动公开政府信息情况", "other": "五、其他需要报告的事项"}
    wording = [f for f in check_document(make_doc(headings=mixed)).findings if f.rule == "structure.heading_wording"]
    assert [f.actual for f in wording] == ["三、主动公开政府信息情况", "五、其他需要报告的事项"]


# --- section 五's plans are for next year


def test_plan_dated_the_report_year() -> None:
    stale = {"problems": ["存在的主要问题：解读形式单一。上年度所列问题已整改。下一步，2023年我镇将进一步加强业务培训。"]}
    result = check_document(make_doc(text=stale))
    assert ("warning", 2023) in found(result, "stale.year")
    fine = {"problems": ["存在的主要问题：更新不及时。2023年将政务公开纳入年度考核，上年度所列问题已整改。"
                         "2024年，我镇将继续加强培训。"]}
    assert not found(check_document(make_doc(text=fine)), "stale.year")


# --- a heading printed at the end of the preface's line; a sub-heading “依法申请公开”


def test_heading_at_the_end_of_a_paragraph_line() -> None:
    from draft_report.reading import read_text

    text = ("西关街道2024年政府信息公开工作年度报告\n\n根据条例规定编制本报告。如有疑问请联系（电话：0000-1234567）。一、总体情况\n"
            "（一）主动公开情况。略。\n二、主动公开政府信息情况\n")
    doc = read_text(text)
    assert [(s.key, s.heading) for s in doc.sections][:2] == [("overview", "一、总体情况"),
                                                              ("proactive", "二、主动公开政府信息情况")]
    assert doc.preface[-1].text.endswith("0000-1234567）。")
    # a heading named inside a sentence is not split off
    assert len(read_text("某局2024年政府信息公开工作年度报告\n\n全文包括六个部分，首先是一、总体情况\n").sections) == 0


def test_overview_subheading_yifa_shenqing_names_requests() -> None:
    overview = ["（一）主动公开情况。略。", "（二）依法申请公开方面。按时答复。", "（三）政府信息管理方面。严格审核。",
                "（四）平台建设方面。维护专栏。", "（五）监督保障方面。纳入考核。"]
    result = check_document(make_doc(text={"overview": overview}))
    assert not found(result, "structure.overview_topic_missing")


# --- a report is published the year after the one it reports on


def test_report_published_in_its_own_year() -> None:
    wrong = {"overview": ["依法按时完成2023年政府信息公开年度报告，并于2023年1月15日之前在网站公布。"]}
    assert ("warning", 2023) in found(check_document(make_doc(text=wrong)), "stale.year")
    right = {"overview": ["依法按时完成2022年政府信息公开年度报告，并于2023年1月15日之前在网站公布。"]}
    assert not found(check_document(make_doc(text=right)), "stale.year")
    title = {"overview": ["于2023年1月发布《2023年政府信息公开工作年度报告》解读。"]}  # a title names, it does not date
    assert not found(check_document(make_doc(text=title)), "stale.year")


# --- round 2: traditional-script pages, towns named without 人民政府


_TRAD_HEADINGS = ("一、總體情況", "二、主動公開政府信息情況", "三、收到和處理政府信息公開申請情況",
                  "四、政府信息公開行政復議、行政訴訟情況", "五、存在的主要問題及改進情況", "六、其他需要報告的事項")


def test_traditional_headings_name_their_sections() -> None:
    from draft_report.reading import read_text

    body = ["八里鎮2024年政府信息公開工作年度報告", ""]
    for h in _TRAD_HEADINGS:
        body += [h, "略。", ""]
    doc = read_text("\n".join(body) + "\n", source="trad")
    assert [s.key for s in doc.sections if s.key] == [
        "overview", "proactive", "requests", "review_litigation", "problems", "other"]
    result = check_document(doc)
    assert not [f for f in result.findings if f.rule in ("structure.heading_missing", "structure.heading_wording")]


_NO_ACCOUNTABILITY = {
    "overview": ["（一）主动公开情况", "按时发布。", "（二）依申请公开情况", "依法办理。", "（三）政府信息管理情况",
                 "落实审核。", "（四）平台建设情况", "维护网站。", "（五）监督保障情况", "明确专人负责。"],
    "problems": ["存在的主要问题：信息更新不够及时，解读形式单一。下一步将加强培训，丰富解读形式，提高公开质量和时效。"],
}


def test_town_named_without_government_owes_accountability() -> None:
    for agency in ("八里镇", "兴隆乡", "下河镇政府", "八里鎮"):
        result = check_document(make_doc(_NO_ACCOUNTABILITY, agency=agency))
        assert found(result, "structure.accountability_missing"), agency
    for agency in ("某区东门街道", "某区经开街道办事处", "某县人民政府办公室", "某县住房和城乡建设局"):
        result = check_document(make_doc(_NO_ACCOUNTABILITY, agency=agency))
        assert not found(result, "structure.accountability_missing"), agency


def test_accountability_written_in_traditional_is_found() -> None:
    text = dict(_NO_ACCOUNTABILITY, overview=_NO_ACCOUNTABILITY["overview"][:-1] + ["開展社會評議，落實責任追究。"])
    assert not found(check_document(make_doc(text, agency="八里鎮")), "structure.accountability_missing")


def test_pre_2019_outline_in_overview_items() -> None:
    items = ("1、主动公开政府信息的情况：35条。 2、行政机关依申请公开政府信息的数量：无。 3、不予以公开政府信息的数量：无。"
             " 4、政府信息公开的收费及减免情况：无。 5、因政府信息公开申请行政复议、提起行政诉讼的情况：无。")
    result = check_document(make_doc({"overview": [items]}, agency="某县上坪乡人民政府", year=2021))
    assert found(result, "structure.old_format") == [("warning", "收费及减免情况")]
    missing = [f.expected for f in result.findings if f.rule == "structure.overview_topic_missing"]
    assert len(missing) == 3 and not any("主动公开" in str(m) for m in missing)  # 管理, 平台, 监督保障
    assert found(result, "structure.accountability_missing")
    old_report = check_document(make_doc({"overview": [items]}, year=2017))
    assert not found(old_report, "structure.old_format")  # a 2017 report was written in that outline


def test_numbered_items_cover_the_five_topics() -> None:
    items = ["1.主动公开。公开信息200条。", "2.依申请公开。未收到申请。", "3.政府信息管理。落实审核。",
             "4.平台建设。维护网站。", "5.监督保障。纳入考核。"]
    assert not found(check_document(make_doc({"overview": items})), "structure.overview_topic_missing")
    short = ["第一，主动公开", "拓宽公开渠道。", "第二，筑牢信息质量关", "定期清理过期信息。"]
    assert len(found(check_document(make_doc({"overview": short})), "structure.overview_topic_missing")) == 4


def test_2008_overview_heading_is_section_one() -> None:
    from draft_report.reading import read_text

    text = "\n".join(["某镇2023年政府信息公开工作年度报告", "", "一、政府信息公开工作的基本情况", "全年公开信息100条。", "",
                      "二、主动公开政府信息情况", "略。", "", "五、存在的主要问题及改进情况", "略。", ""])
    doc = read_text(text + "\n", source="t")
    assert doc.section("overview") is not None and doc.section("overview").heading == "一、政府信息公开工作的基本情况"


def test_carry_over_goes_to_the_next_year() -> None:
    wrong = ["（二）依申请公开。全年收到申请0件，0件转结2024年办结。"]
    result = check_document(make_doc({"overview": wrong}, year=2024))
    assert ("warning", 2024) in found(result, "stale.year")
    for right in ("（二）依申请公开。全年收到申请3件，1件结转至2025年继续办理。",
                  "（二）依申请公开。全年办结2023年结转申请2件。"):
        assert not found(check_document(make_doc({"overview": [right]}, year=2024)), "stale.year"), right


def test_pre_2019_parts_listed_in_the_preface() -> None:
    preface = ("根据《中华人民共和国政府信息公开条例》要求，现公布本镇2025年度报告。本报告由概述、主动公开政府信息情况、"
               "依申请公开政府信息办理情况、政府信息公开支出和收费情况、诉讼和申诉情况以及需要改进的情况等部分组成。")
    result = check_document(make_doc(year=2025, preface=[Paragraph(text=preface, line=2)]))
    assert found(result, "structure.old_format") == [("warning", "信息公开支出和收费情况")]
