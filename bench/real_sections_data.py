"""Cases of bench/real_sections_bench.py: OUR OWN renderings of what real reports do in their title, preface,
headings, section 五 and section 六 (seen in 43 + 25 (round 2) published 2020–2025 reports of districts, counties, towns and
bureaus; the raw excerpts stay outside the repo). Names, years, numbers and wording are changed; the
construction that makes each one hard is kept. ``split`` follows the source report's URL hash
(sha1 % 3 == 0 → heldout), so the held-out phenomena are not tuned on.

``expect``: rule id → the highest severity the defect deserves (ground truth); nothing else should be raised.
"""

from __future__ import annotations

from typing import Any

from real_sections_bench import TABLE2_2019  # type: ignore[import-not-found]

_FIVE_TOPICS = ("（一）主动公开情况\n按时发布各类信息。\n（二）依申请公开情况\n依法办理。\n（三）政府信息管理情况\n"
                "落实审核制度。\n（四）平台建设情况\n维护政务网站。\n（五）监督保障情况\n纳入年度考核。")

_TRAD = {"overview": "一、總體情況", "proactive": "二、主動公開政府信息情況",
         "requests": "三、收到和處理政府信息公開申請情況", "review_litigation": "四、政府信息公開行政復議、行政訴訟情況",
         "problems": "五、存在的主要問題及改進情況", "other": "六、其他需要報告的事項"}

CASES: list[dict[str, Any]] = [
    # --- prefaces: statistics period, the format document, the list of the six parts
    {"id": "preface-lists-parts-municipal", "split": "tuning", "year": 2022, "agency": "江州市人民政府",
     "preface": ("本年度报告依照《中华人民共和国政府信息公开条例》和《江州市政府信息公开办法》编写，内容包括总体情况、"
                 "主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况、"
                 "政府信息公开工作存在的主要问题及改进情况，以及其他需要报告的事项。所列数据的统计期限为2022年1月1日至12月31日。"),
     "overview_extra": "全年举办新闻发布会一百余场，其中疫情防控专场发布会及时通报防疫政策和保供措施。"},
    {"id": "preface-year-range-dash", "split": "tuning", "year": 2024, "agency": "青溪县人民政府",
     "preface": ("根据《中华人民共和国政府信息公开条例》要求编制本报告，报告共六个部分。报告中所列数据统计时间："
                 "2024年1月1日—12月31日。")},
    {"id": "preface-cites-2021-format", "split": "heldout", "year": 2022, "agency": "松原市某镇人民政府",
     "preface": ("依据《中华人民共和国政府信息公开条例》（国务院令第711号）、《国务院办公厅政府信息与政务公开办公室关于印发"
                 "中华人民共和国政府信息公开工作年度报告格式的通知》（国办公开办函〔2021〕30号）编制此报告。"
                 "报告所列数据统计期限为2022年1月1日起至2022年12月31日止。")},
    {"id": "preface-cites-2019-notice", "split": "tuning", "year": 2022, "agency": "北塘镇人民政府",
     "preface": ("根据《中华人民共和国政府信息公开条例》及《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告"
                 "有关事项的通知》（国办公开办函〔2019〕60号）的要求，编制本年度报告。报告中所列数据的统计期限自2022年1月1日"
                 "起至2022年12月31日止。"),
     "expect": {"structure.old_format": "warning"}},
    {"id": "preface-wrong-issuer", "split": "tuning", "year": 2023, "agency": "石桥乡人民政府",
     "preface": ("根据《中华人民共和国政府信息公开条例》，按照国办发〔2021〕30号文件要求编制本报告。所列数据的统计时限自"
                 "2023年1月1日起至2023年12月31日止。"),
     "expect": {"structure.format_citation": "warning"}},
    {"id": "preface-period-last-year", "split": "tuning", "year": 2024, "agency": "青溪县交通运输局",
     "preface": "本报告所列数据的统计期限为2023年1月1日至2023年12月31日。",
     "expect": {"stale.year": "warning"}},
    {"id": "preface-period-dash-no-end-year", "split": "tuning", "year": 2023, "agency": "南岭县人民政府",
     "preface": "根据条例要求编制本报告。报告中所列数据统计时间：2022年1月1日—12月31日。",
     "expect": {"stale.year": "warning"}},
    {"id": "preface-period-end-typo", "split": "tuning", "year": 2023, "agency": "西柳镇人民政府",
     "preface": "本报告中所列数据的统计期限从2023年1月1日至2022年12月31止。",
     "expect": {"stale.year": "warning"}},
    {"id": "preface-provincial-notice", "split": "tuning", "year": 2021, "agency": "河湾区城市管理局",
     "title": "河湾区城市管理局2021年度政府信息公开工作报告",
     "preface": ("按照《中华人民共和国政府信息公开条例》以及省政府办公厅《关于规范政府信息公开工作年度报告编发工作的通知》"
                 "（某政办公开〔2021〕12号）要求，编制本报告。本报告所列数据统计期限从2021年1月1日到2021年12月31日止。")},
    {"id": "preface-next-year-carry", "split": "heldout", "year": 2023, "agency": "澜沧州人民政府",
     "overview_extra": "全年新收申请二百余件，结转2024年度继续办理的申请已登记在册。"},
    {"id": "preface-last-year-report", "split": "tuning", "year": 2020, "agency": "海东市人民政府办公厅",
     "overview_extra": "按时发布本厅2019年度政府信息公开年报，集中公开2019年度承办的人大代表建议和政协提案办理情况。"},
    # --- headings as real reports write them
    {"id": "heading-shanghai-wording", "split": "tuning", "year": 2022, "agency": "临海区信访局",
     "headings": {"review_litigation": "四、因政府信息公开工作被申请行政复议提起行政诉讼情况",
                  "problems": "五、政府信息公开工作存在的主要问题及改进情况"}},
    {"id": "heading-year-in-title", "split": "tuning", "year": 2023, "agency": "柳林乡人民政府",
     "headings": {"overview": "一、2023年政务公开总体情况"}, "overview": _FIVE_TOPICS},
    {"id": "heading-inline-overview", "split": "tuning", "year": 2022, "agency": "南岭镇人民政府",
     "headings": {"overview": "一、总体情况"}, "inline_overview": True,
     "overview": ("2022年，南岭镇认真落实条例要求，加强组织领导。（一）主动公开情况。在县政府网站公开信息六十余条。"
                  "（二）依申请公开情况。全年未收到申请。（三）政府信息管理情况。严格审核。（四）公开平台建设情况。"
                  "更新栏目。（五）监督保障情况。纳入考核，接受社会评议。")},
    {"id": "heading-inline-preface-in-overview", "split": "tuning", "year": 2023, "agency": "溪口乡人民政府",
     "preface": "", "headings": {"overview": "一、总体情况"}, "inline_overview": True,
     "overview": ("本年度报告根据《中华人民共和国政府信息公开条例》的要求编制。本年度报告中所列数据统计期限从2023年1月1日"
                  "到12月31日止。（一）政府信息主动公开情况 全年新增主动公开信息四十余条。（二）政府信息依申请公开情况 "
                  "全年未收到申请。（三）政府信息管理情况 审核发布。（四）平台建设情况 维护网站。（五）监督保障情况 纳入考核。")},
    {"id": "heading-2008-style", "split": "heldout", "year": 2023, "agency": "清河镇人民政府",
     "headings": {"overview": "一、政府信息公开工作的基本情况"},
     "overview": "1.主动公开政府信息的情况\n新增主动公开信息一百余条。\n2.依申请公开政府信息情况\n受理申请一件。",
     "expect": {"structure.heading_wording": "warning", "structure.heading_missing": "warning",
                "structure.overview_topic_missing": "warning", "structure.accountability_missing": "warning"}},
    {"id": "heading-variant-glued-to-text", "split": "tuning", "year": 2022, "agency": "临海区住建局",
     "headings": {"problems": "五、政府信息公开工作存在的主要问题及改进情况",
                  "review_litigation": "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"},
     "glued": ("problems",),
     "problems": ("2022年，我局政府信息公开工作仍有不足：一是解读形式单一；二是更新不够及时。上年度报告所列问题已整改。"
                  "下一步将加强培训。")},
    {"id": "heading-other-matters-short", "split": "tuning", "year": 2025, "agency": "东港区财政局",
     "headings": {"other": "六、其他事项"}},
    # --- section 一 sub-headings
    {"id": "overview-subheading-yifa-shenqing", "split": "tuning", "year": 2024, "agency": "东湖区七里街道办事处",
     "overview": ("（一）主动公开情况。公开各类信息三十余条。\n（二）依法申请公开方面。全年收到申请若干件，均按时答复。\n"
                  "（三）政府信息管理方面。严格审核。\n（四）平台建设方面。维护专栏。\n（五）监督保障方面。纳入考核。")},
    {"id": "heading-at-end-of-preface-line", "split": "tuning", "year": 2024, "agency": "西关街道办事处",
     "preface": ("根据《中华人民共和国政府信息公开条例》规定，现公开本街道2024年政府信息公开工作年度报告。本年度报告中所列数据的"
                 "统计期限自2024年1月1日起至2024年12月31日止。如有疑问，请与街道综合办公室联系（电话：0000-1234567）。一、总体情况"),
     "headings": {"overview": None}},
    {"id": "overview-three-subheadings", "split": "tuning", "year": 2023, "agency": "北山市水务局",
     "overview": ("（一）主动公开信息情况。本年度在门户网站发布政务类信息若干条。\n（二）依申请公开工作情况。按时答复申请人。\n"
                  "（三）处理群众咨询和投诉工作情况。及时回复网站留言。"),
     "expect": {"structure.overview_topic_missing": "warning"}},
    {"id": "overview-town-no-accountability", "split": "tuning", "year": 2022, "agency": "红山镇人民政府",
     "overview": ("（一）主动公开方面。全年公开动态信息三百余条。\n（二）依申请公开方面。未收到申请。\n（三）政府信息管理方面。"
                  "严格先审后发。\n（四）政府信息公开平台建设方面。专人维护网站。\n（五）监督保障方面。落实保密审查，"
                  "组织人员参加业务培训。"),
     "expect": {"structure.accountability_missing": "warning"}},
    # --- stale years and topics
    {"id": "stale-year-in-overview", "split": "tuning", "year": 2023, "agency": "东柳镇人民政府",
     "overview_extra": "（三）政府信息管理情况 2022年，镇政府办公室共制定规范性文件0件，废止规范性文件0件。",
     "expect": {"stale.year": "warning"}},
    {"id": "stale-epidemic-2023", "split": "tuning", "year": 2023, "agency": "西岭区卫生健康局",
     "overview_extra": "持续做好常态化疫情防控信息发布，每日更新防控专栏。",
     "expect": {"stale.topic": "warning"}},
    {"id": "last-report-published-same-year", "split": "tuning", "year": 2024, "agency": "南关区某街道办事处",
     "overview_extra": "依法按时完成本街道2024年政府信息公开工作年度报告，并于2024年1月15日前在区政府网站公布。",
     "expect": {"stale.year": "warning"}},
    {"id": "last-report-published-next-year-fine", "split": "tuning", "year": 2024, "agency": "南关区某街道办事处",
     "overview_extra": "按时编制本街道2023年政府信息公开工作年度报告，并于2024年1月15日前在区政府网站公布。"},
    {"id": "epidemic-in-2022-fine", "split": "heldout", "year": 2022, "agency": "南江市卫生健康委员会",
     "overview_extra": "积极服务疫情防控，维护更新新冠肺炎疫情防控专栏，每日发布相关信息。"},
    {"id": "next-year-plan-in-problems", "split": "tuning", "year": 2020, "agency": "某区统计局",
     "problems": ("2020年，我局政务公开工作取得一定成绩，但仍存在短板和不足，如公开内容、创新方式有待提升。"
                  "2021年，我局将进一步提高认识，查找薄弱环节，加大工作力度。")},
    # --- section 五
    {"id": "plan-year-is-report-year", "split": "tuning", "year": 2023, "agency": "北塘镇人民政府",
     "problems": ("存在的主要问题：一是公开内容不够全面；二是解读形式单一。上年度报告所列问题已整改。"
                  "下一步，2023年我镇将进一步加强业务培训，丰富解读形式。"),
     "expect": {"stale.year": "warning"}},
    {"id": "done-work-with-jiang-preposition", "split": "tuning", "year": 2023, "agency": "北塘镇人民政府",
     "problems": ("存在的主要问题：信息更新不够及时。2023年将政务公开工作纳入年度考核，上年度所列问题已整改。"
                  "2024年，我镇将继续加强培训。")},
    {"id": "problems-two-parts", "split": "heldout", "year": 2023, "agency": "某县审计局",
     "problems": ("（一）存在的主要问题和困难：一是主动公开意识有待提高；二是公开内容需要进一步丰富。\n"
                  "（二）解决办法和改进措施：加强业务培训，强化公开信息的质量把关。")},
    {"id": "problems-town-three-points", "split": "tuning", "year": 2025, "agency": "临江镇人民政府",
     "problems": ("今年以来，全镇政府信息公开工作稳步推进，但仍有薄弱环节：一是部分信息时效性不足；二是解读形式较单一；"
                  "三是队伍专业能力有待加强。下一步，我们将规范公开内容，丰富解读形式，加强业务培训。")},
    # --- section 六
    {"id": "other-fee-none-plain", "split": "tuning", "year": 2022, "agency": "白河区国资局",
     "other": "2022年，区国资局未收取信息处理费。"},
    {"id": "other-four-items", "split": "heldout", "year": 2023, "agency": "某区审计局",
     "other": ("（一）依据《政府信息公开信息处理费管理办法》，本局2023年没有收取信息处理费情况。\n"
               "（二）落实上级年度政务公开工作要点情况。明确报送原则和报送计划。\n"
               "（三）人大代表建议和政协提案办理结果公开情况。本局2023年度无人大代表建议和政协提案。\n"
               "（四）政务公开工作创新情况。将政务公开纳入年度重点工作计划。")},
    {"id": "other-items-without-fee", "split": "tuning", "year": 2022, "agency": "临海区人民政府办公室",
     "other": ("（三）人大代表建议和政协提案办理结果公开情况\n2022年，区政府办公室共收到市人大代表建议2件、市政协委员提案1件，"
               "已全部办理完毕。\n（四）政务公开工作创新情况\n开设民生实事专题。\n（五）其他报告事项\n无。"),
     "expect": {"structure.fee_statement_missing": "warning"}},
    {"id": "other-none", "split": "tuning", "year": 2020, "agency": "某县审计局",
     "other": "无", "expect": {"structure.fee_statement_missing": "warning"}},
    # --- old formats
    {"id": "old-table2-2023", "split": "heldout", "year": 2023, "agency": "某县民政局", "table2": TABLE2_2019,
     "expect": {"structure.old_format": "error"}},
    {"id": "old-table2-town-2022", "split": "tuning", "year": 2022, "agency": "某县某镇人民政府", "table2": TABLE2_2019,
     "expect": {"structure.old_format": "error"}},
    # --- round 2 fresh batch (25 more reports, 2021–2024; split by their URLs' hash as above)
    {"id": "trad-town-all-headings", "split": "tuning", "year": 2024, "agency": "八里鎮",
     "title": "八里鎮2024年政府信息公開工作年度報告", "preface": "", "headings": _TRAD,
     "overview": ("八里鎮地處本縣東北部，轄9個行政村。2024年，我鎮加強政務公開平臺建設，細化公開內容，強化監督，"
                  "努力提升政務公開質量。全年辦理行政許可210宗、行政處罰25宗。"),
     "problems": ("（一）存在的主要問題：\n一是群眾參與意識不強，網上互動較少。\n二是業務培訓有待加強，信息分類不夠細致。\n"
                  "（二）解決辦法和改進措施：\n下階段我鎮將加強業務培訓，豐富公開形式，提高信息更新頻率。"),
     "expect": {"structure.accountability_missing": "warning"}},
    {"id": "trad-bureau-other-without-fee", "split": "tuning", "year": 2024, "agency": "某區發展和改革局",
     "title": "某區發展和改革局2024年度政府信息公開工作年度報告", "preface": "", "headings": _TRAD,
     "overview": "2024年，我局主動公開政府信息160條，收到政府信息公開申請2宗，已全部辦結。",
     "problems": ("總體上仍存在一些不足，工作動態宣傳力度不夠，信息質量有待提高。針對以上問題，我局將加強專職人員培訓，"
                  "加強信息發布審核把關，繼續提升政策解讀質量。"),
     "other": "（一）通過信用網依法公開投資項目基本信息、招標核準意見等信息31條。",
     "expect": {"structure.fee_statement_missing": "warning"}},
    {"id": "trad-preface-overview-heading", "split": "tuning", "year": 2021, "agency": "某國家局",
     "preface": ("本年度報告由某國家局根據《中華人民共和國政府信息公開條例》以及《中華人民共和國政府信息公開工作年度報告格式》"
                 "要求編制。本年度報告中所列數據統計期限從2021年1月1日起至2021年12月31日止。"),
     "headings": {"overview": "一、總體情況"}},
    {"id": "trad-county-bureau-title-two-lines", "split": "heldout", "year": 2023, "agency": "某縣審計局",
     "title": "某縣審計局2023年政府信息公開工作年度報告", "headings": _TRAD,
     "preface": ("根據《中華人民共和國政府信息公開條例》要求，現發布本局2023年政府信息公開工作年度報告。報告所列數據統計期限為"
                 "2023年1月1日至12月31日。"),
     "overview": "2023年，縣審計局落實分管領導和工作人員，完善相關制度，充分利用網絡、公示欄等渠道公開信息。"},
    {"id": "town-title-without-government", "split": "heldout", "year": 2023, "agency": "凤岭镇",
     "title": "凤岭镇2023年政府信息公开工作年度报告",
     "overview": ("今年以来，凤岭镇坚持公开为常态、不公开为例外，通过门户网站、微信公众号和宣传栏主动公开各类信息900余条；"
                  "受理并办结依申请公开15件。组织法治专题培训，关注网络舆情，及时应对突发事件。"),
     "expect": {"structure.accountability_missing": "warning"}},
    {"id": "town-government-short-form", "split": "heldout", "year": 2022, "agency": "下河镇政府",
     "title": "下河镇政府2022年信息公开工作年度报告", "preface": "",
     "overview": ("2022年，我镇依法开展信息公开工作，全年主动公开信息250条。\n第一，主动公开\n拓宽公开渠道，定期推送图文信息。\n"
                  "第二，筑牢信息质量关\n严格执行三审三校，定期清理过期信息。"),
     "expect": {"structure.overview_topic_missing": "warning", "structure.accountability_missing": "warning"}},
    {"id": "township-one-paragraph", "split": "tuning", "year": 2024, "agency": "某县兴隆乡人民政府",
     "overview": "本年度，兴隆乡依照《条例》扎实推进政府信息公开，完善工作机制，拓宽公开渠道，保障公众知情权和监督权。",
     "expect": {"structure.accountability_missing": "warning"}},
    {"id": "subdistrict-not-a-government", "split": "heldout", "year": 2022, "agency": "某区经开街道办事处",
     "title": "某区经开街道办事处2022年政府信息公开工作年度报告",
     "overview": ("（一）主动公开。加大政务公开力度。\n（二）依申请公开。全年未收到申请。\n（三）政府信息管理。落实审核制度。\n"
                  "（四）政府信息公开平台建设。开展专项自查。\n（五）监督保障。成立领导小组，明确专人负责。")},
    {"id": "subdistrict-title-only", "split": "tuning", "year": 2023, "agency": "某区东门街道",
     "title": "东门街道2023年度政府信息公开工作年度报告", "overview": _FIVE_TOPICS.replace("纳入年度考核", "明确专人负责")},
    {"id": "township-2008-items-inline", "split": "tuning", "year": 2021, "agency": "某县上坪乡人民政府",
     "preface": "按照县政府办公室关于做好年度报告编发工作的通知要求，现将2021年工作情况汇报如下：", "inline_overview": True,
     "headings": {"overview": "一、总体情况"},
     "overview": ("1、主动公开政府信息的情况：35条。 2、行政机关依申请公开政府信息的数量：无。 3、不予以公开政府信息的数量：无。"
                  " 4、政府信息公开的收费及减免情况：无。 5、因政府信息公开申请行政复议、提起行政诉讼的情况：无。"),
     "expect": {"structure.old_format": "warning", "structure.overview_topic_missing": "warning",
                "structure.accountability_missing": "warning"}},
    {"id": "bureau-two-subitems", "split": "heldout", "year": 2022, "agency": "某区商务局",
     "overview": ("2022年以来，我局坚持以公开为常态。\n（一）主动公开、依申请公开方面\n全年主动公开信息若干条，未收到申请。\n"
                  "（二）监督保障方面\n通过各类平台公开信息，接受监督。"),
     "expect": {"structure.overview_topic_missing": "warning"}},
    {"id": "bureau-items-not-the-five", "split": "tuning", "year": 2022, "agency": "某县商务局",
     "overview": ("（一）组织领导情况。成立政务公开领导小组。\n（二）建立健全工作制度情况。应公开信息分类上报、签批后公开。\n"
                  "（三）定期培训操作人员。熟练操作信息公开平台。"),
     "expect": {"structure.overview_topic_missing": "warning"}},
    {"id": "prior-year-assessment-reference", "split": "tuning", "year": 2022, "agency": "中河镇",
     "overview": ("2022年，中河镇继续坚持公开为常态。\n（一）提数量，盯质量\n针对2021年政务公开考核中发现的问题，逐项查摆、"
                  "夯实基础。")},
    {"id": "prior-year-carryover-none", "split": "tuning", "year": 2022, "agency": "某县尧山镇",
     "overview": ("（一）主动公开政府信息情况\n全年公开信息500余条。\n（二）依申请公开情况\n全年受理依申请公开0件，2021年未转结"
                  "政府信息公开申请。\n（三）政府信息管理情况\n严格审核。\n（四）平台建设情况\n维护网站。\n（五）监督保障情况\n纳入考核。")},
    {"id": "past-annual-reports-collected", "split": "heldout", "year": 2021, "agency": "某市东岭区人民政府",
     "overview_extra": ("（六）补齐年报。完成2018、2019、2020三年的政务公开年报收集及公开发布工作，全年主动公开政府信息八千余条。")},
    {"id": "preface-lists-pre-2019-parts", "split": "tuning", "year": 2025, "agency": "某市昌平镇",
     "preface": ("根据《中华人民共和国政府信息公开条例》及上级要求，现公布本镇2025年度政府信息公开工作年度报告。本报告主要由"
                 "概述、主动公开政府信息情况、依申请公开政府信息办理情况、政府信息公开支出和收费情况、诉讼和申诉情况以及"
                 "需要改进的情况等部分组成。报告所列数据的统计期限自2025年1月1日至2025年12月31日。"),
     "expect": {"structure.old_format": "warning"}},
]
