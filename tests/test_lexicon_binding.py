"""Binding prose numbers to lexicon facts through the clause around them."""

from __future__ import annotations

from draft_report.checking.claims import extract_claims
from draft_report.lexicon.fields import FACTS, aggregate_facts, facts_for


def bound(text: str, facts=None) -> list[tuple[str, float, str | None]]:
    return [(c.text.replace(" ", ""), c.value, c.fact.id if c.fact else None) for c in extract_claims(text, facts)]


def test_requests_sentence_binds_each_number() -> None:
    text = "全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）。"
    assert [b[2] for b in bound(text)] == ["requests_new", "requests_closed", "requests_carry_in", "requests_carry_out"]


def test_review_and_litigation_outcomes_bind_to_table4_cells() -> None:
    text = ("政府信息公开行政复议 351件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件；"
            "政府信息公开行政诉讼 46 件，其中结果维持 25件，结果纠正 5 件，其他结果 9 件，尚未审结 7 件。")
    ids = [b[2] for b in bound(text)]
    assert ids == ["review_total", "review_keep", "review_fix", "review_other", "review_pending",
                   "litigation_total", "litigation_keep", "litigation_fix", "litigation_other", "litigation_pending"]
    lit = next(f for f in FACTS if f.id == "litigation_total")
    assert lit.cells == ("t4.ld.total", "t4.lr.total")


def test_result_categories() -> None:
    text = "所有办结的信息公开申请中同意公开答复 9 件，部分公开答复 0 件，不予公开答复 2 件，无法提供的 10 件，转下一年度办理答复的有 1 件。"
    assert [b[2] for b in bound(text)] == [
        "result_open", "result_partial", "result_withheld", "result_unable", "requests_carry_out"]


def test_receive_needs_an_application() -> None:
    assert bound("全年受理网络问政182件。") == [("182件", 182, None)]
    assert bound("2023年度我局共收到依申请信息公开26件。")[0][2] == "requests_new"


def test_documents_and_decisions() -> None:
    assert bound("全年新增公开市政府规章 1 件、政策性文件 11 件。") == [("1件", 1, "reg_made"), ("11件", 11, None)]
    assert bound("现行有效规范性文件18件。")[0][2] == "norm_valid"
    assert bound("行政规范性文件 13 件")[0][2] == "norm_made"


def test_zero_claims() -> None:
    (c,) = extract_claims("全年未收到信息公开相关申请。")
    assert c.kind == "zero" and c.value == 0 and c.fact.id == "requests_new"
    ids = sorted(c.fact.id for c in extract_claims("本年度未发生因政府信息公开引起的行政复议、行政诉讼。"))
    assert ids == ["litigation_total", "review_total"]
    (c,) = extract_claims("本年度未发出收费通知。")
    assert c.fact.id == "fee_notices"
    assert extract_claims("全年未发生政府信息公开方面责任追究结果情况。") == []
    (c,) = extract_claims("全年受理申请5件，无上年结转申请。")[1:]
    assert c.kind == "zero" and c.fact.id == "requests_carry_in"
    (c,) = extract_claims("全年无政府信息公开申请。")
    assert c.fact.id == "requests_new"
    assert extract_claims("没有超期答复的申请。") == []
    assert extract_claims("属于无法提供的情形，申请人无正当理由逾期不补正。") == []


def test_aggregate_facts_bind_channels_columns_and_events() -> None:
    keys = ["publications.total", "publications.channel:政府网站", "publications.channel:微信公众号",
            "publications.channel:政府网站.column:工作动态", "publications.channel:微信公众号.column:工作动态",
            "publications.column:工作动态", "events.kind:培训", "events.kind:培训.participants",
            "events.kind:政策解读", "events.kind:政策解读.participants"]
    facts = list(FACTS) + aggregate_facts(keys)
    text = ("通过政府网站、微信公众号等渠道共发布信息96条，其中在政府网站发布信息64条（工作动态36条），"
            "在微信公众号发布信息32条（工作动态24条）。全年开展政策解读4次（共295人次参加），组织培训3次（共93人次参加）。")
    assert [b[2] for b in bound(text, facts)] == [
        "publications.total", "publications.channel:政府网站", "publications.channel:政府网站.column:工作动态",
        "publications.channel:微信公众号", "publications.channel:微信公众号.column:工作动态",
        "events.kind:政策解读", "events.kind:政策解读.participants", "events.kind:培训", "events.kind:培训.participants"]


def test_frequency_is_not_a_count() -> None:
    facts = list(FACTS) + aggregate_facts(["events.kind:培训"])
    assert bound("每半年组织1次业务培训。", facts) == [("1次", 1, None)]
    assert bound("每半年组织一次业务培训。", facts) == []  # and a bare 一 that binds nothing is no claim


def test_facts_for_lists_values_from_dataset() -> None:
    from checkdocs import make_dataset

    ds = make_dataset(aggregates={"publications.total": 37, "publications.channel:政务网站": 37},
                      fees={"notices_issued": 1, "notices_amount_yuan": 100, "collected_yuan": 100})
    values = {f.id: v for f, v in facts_for(ds)}
    assert values["requests_new"] == 5 and values["litigation_total"] == 3
    assert values["publications.channel:政务网站"] == 37 and values["fees_collected"] == 100
    assert all(isinstance(v, int) for k, v in values.items() if k != "admin_fees_wan")


def test_other_kinds_of_requests_and_documents_are_not_bound() -> None:
    for text in (
        "受理政务服务申请 3000 件。",
        "答复网民留言 50 条。",
        "受理行政许可申请 500 件。",
        "公示行政处罚信息 300 条。",
        "清理规范性文件 20 件。",
        "办理人大代表建议 3 件。",
    ):
        assert [b[2] for b in bound(text)] == [None], text
    assert bound("作出行政处罚决定 37 件。")[0][2] == "penalty"
    assert bound("收到行政复议申请 2 件。")[0][2] == "review_total"
    assert [b[2] for b in bound("全年共受理政府信息公开申请15件，其中自然人申请12件，法人或其他组织申请3件。")] == [
        "requests_new", "requests_new_np", "requests_new_org"]


def test_list_context_and_carry_forward_with_a_year() -> None:
    # 25 belongs to 现行有效 (named earlier in the list, inherited by the short clause): never bound to 制发
    assert bound("现行有效规章3件，行政规范性文件25件。") == [("3件", 3, "reg_valid"), ("25件", 25, "norm_valid")]
    assert bound("全年制发规范性文件3件，废止2件。")[0][2] == "norm_made"
    # …but a clause that names 制发 itself is 制发, whatever the sentence said before
    assert [b[2] for b in bound("对现行有效的9件行政规范性文件开展清理，废止1件，全年制发行政规范性文件2件。")] == [
        "norm_valid", "norm_repealed", "norm_made"]
    assert bound("另有1件结转至2024年办理。")[0][2] == "requests_carry_out"
    assert bound("上年度结转至本年度办理的申请3件。")[0][2] == "requests_carry_in"


# --- several members of one family in one clause: their sum ---------------------------------

_CHANNEL_KEYS = ["publications.total", "publications.channel:政府网站", "publications.channel:微信公众号",
                 "publications.channel:政务微博", "events.kind:培训", "events.kind:政策解读", "events.total"]


def _family_facts():
    return list(FACTS) + aggregate_facts(_CHANNEL_KEYS)


def test_several_channels_for_one_number_bind_to_their_sum() -> None:
    (c,) = extract_claims("全年通过政府网站和微信公众号发布信息96条。", _family_facts())
    assert c.fact is not None and sorted(p.id for p in c.fact.parts) == [
        "publications.channel:微信公众号", "publications.channel:政府网站"]
    (c,) = extract_claims("在政府网站、政务微博和微信公众号发布信息120条。", _family_facts())
    assert len(c.fact.parts) == 3 and c.fact.accept_aggregates == ("publications.total",)
    (c,) = extract_claims("开展培训、政策解读活动共5次。", _family_facts())
    assert sorted(p.id for p in c.fact.parts) == ["events.kind:培训", "events.kind:政策解读"]


def test_family_members_not_joined_as_a_list_stay_single() -> None:
    # 政策解读培训: training about policy interpretation, one kind — not a list of two
    assert bound("开展政策解读培训3次。", _family_facts())[0][2] == "events.kind:培训"
    # separate numbers stay separate
    assert [b[2] for b in bound("政府网站发布信息64条、微信公众号发布信息32条。", _family_facts())] == [
        "publications.channel:政府网站", "publications.channel:微信公众号"]
    # a kind of information is not the total
    assert bound("公开政府常务会议7期，解读信息发布7条。", _family_facts())[1][2] is None
    assert bound("全年共主动公开政府信息96条。", _family_facts())[0][2] == "publications.total"
    # 等: the list is open — the total
    assert bound("通过政府网站、微信公众号等发布信息96条。", _family_facts())[0][2] == "publications.total"


# --- 表二's other cells ---------------------------------------------------------------------


def test_table2_elliptic_clauses_inherit_the_document_kind() -> None:
    assert [b[2] for b in bound("对现行有效的9件行政规范性文件开展清理，废止1件。")] == ["norm_valid", "norm_repealed"]
    assert bound("废止规范性文件1件。")[0][2] == "norm_repealed"
    assert bound("现行有效规章4件。")[0][2] == "reg_valid"
    assert [b[2] for b in bound("本年制发规章2件，废止1件，现行有效12件。")] == ["reg_made", "reg_repealed", "reg_valid"]
    # a clause that names another object is not elliptic
    assert bound("对规范性文件开展清理，废止证明事项材料5件。")[0][2] is None


def test_admin_fees_in_wan_or_yuan() -> None:
    (c,) = extract_claims("全年行政事业性收费12.5万元。")
    assert c.fact.id == "admin_fees_wan" and c.value == 12.5
    (c,) = extract_claims("全年行政事业性收费125000元。")
    assert c.fact.id == "admin_fees_wan"


# --- idioms are not claims --------------------------------------------------------------------


def test_idioms_with_chinese_one_or_two_are_not_claims() -> None:
    for text in ("把政务公开作为一项重要任务。", "坚持以人民为中心，围绕一个中心开展工作。", "落实一次性告知制度。",
                 "推进“一件事一次办”改革。", "深化“一网通办”，坚持一事一审。", "坚决做到“两个维护”。"):
        assert extract_claims(text) == [], text
    # Arabic numerals stay claims even when nothing binds them; bound Chinese numerals are checked
    assert bound("推进改革1件。") == [("1件", 1, None)]
    assert bound("全年受理政府信息公开申请一件。")[0][2] == "requests_new"
    assert bound("全年受理政府信息公开申请两件。")[0][2] == "requests_new"


def test_respectively_maps_numbers_to_listed_members_in_order() -> None:
    text = "政府网站和微信公众号分别发布信息64条、32条。"
    assert [b[2] for b in bound(text, _family_facts())] == [
        "publications.channel:政府网站", "publications.channel:微信公众号"]
    text = "开展培训、政策解读分别为3次、4次，另发布信息5条。"
    assert [b[2] for b in bound(text, _family_facts())][:2] == ["events.kind:培训", "events.kind:政策解读"]
    assert [b[2] for b in bound("发生政府信息公开行政复议和行政诉讼分别为2件、3件。")] == ["review_total", "litigation_total"]


def test_quoted_slogans_with_a_numeral_are_not_claims() -> None:
    for text in ("增强“四个意识”、坚定“四个自信”。", "深刻领悟“两个确立”的决定性意义。", "践行“三个务必”。"):
        assert extract_claims(text) == [], text
    # a quoted phrase that goes on is not a slogan
    assert bound("“全年受理政府信息公开申请三件”。")[0][2] == "requests_new"


def test_quoted_column_names_bind_to_their_column() -> None:
    keys = ["publications.total", "publications.column:工作动态", "publications.column:通知公告",
            "publications.channel:政府网站", "publications.channel:政府网站.column:工作动态",
            "publications.channel:政府网站.column:通知公告"]
    facts = list(FACTS) + aggregate_facts(keys)
    assert bound("在“工作动态”栏目发布信息37条。", facts)[0][2] == "publications.column:工作动态"
    (c,) = extract_claims("在“工作动态”和“通知公告”栏目发布信息50条。", facts)
    assert [p.id for p in c.fact.parts] == ["publications.column:工作动态", "publications.column:通知公告"]
    (c,) = extract_claims("在政府网站“工作动态”和“通知公告”栏目发布信息50条。", facts)
    assert c.fact.accept_aggregates == ("publications.channel:政府网站",) and len(c.fact.parts) == 2


def test_clause_naming_only_the_subject_takes_the_verb_from_the_sentence() -> None:
    facts = _family_facts()
    assert [b[2] for b in bound("全年通过政府网站、微信公众号发布信息96条，其中政府网站64条、微信公众号32条。", facts)] == [
        "publications.channel:政府网站+publications.channel:微信公众号", "publications.channel:政府网站",
        "publications.channel:微信公众号"]
    assert [b[2] for b in bound("全年新收政府信息公开申请18件，其中自然人11件，法人或其他组织7件。")] == [
        "requests_new", "requests_new_np", "requests_new_org"]
    # 金额 alone is ambiguous after 已缴费 (paid or notified?): not borrowed
    assert [b[2] for b in bound("发出收费通知2件，其中1件已缴费，金额120元。")][2] is None
    # a clause that says more than the subject does not borrow the sentence's verb
    assert bound("全年通过政府网站发布信息64条，微信公众号开设栏目3个。", facts)[1][2] is None
