"""Tables whose line breaks were lost, and labels a mirror site annotated with pinyin.

Our own renderings of two layouts seen in published reports' pages (bench/real_tables/ p27, p14
hold the paraphrased cases): a whole 表二/表三 printed on one space-separated line, and labels
such as "規(guī)章" (traditional characters, each followed by its reading in brackets).
"""

from __future__ import annotations

from draft_report.checking import check_document
from draft_report.reading import read_text
from draft_report.reading.blocks import norm_key

HEAD = "2023年某某局政府信息公开工作年度报告\n一、总体情况\n本局依法做好公开工作。\n二、主动公开政府信息情况\n"
TAIL = "四、政府信息公开行政复议、行政诉讼情况\n本年度无复议诉讼。\n五、存在的主要问题及改进情况\n问题如下。\n"

T2_LINE = ("第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 4 1 12 "
           "第二十条第(五)项 信息内容 本年处理决定数量 行政许可 27 第二十条第(六)项 信息内容 本年处理决定数量 "
           "行政处罚 5 行政强制 0 第二十条第(八)项 信息内容 本年收费金额(单位:万元) 行政事业性收费 2.5")
T3_LINE = ("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况 自然人 法人或其他组织 总计 "
           "商业企业 科研机构 社会公益组织 法律服务机构 其他 一、本年新收政府信息公开申请数量 7 2 0 0 0 0 9 "
           "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1 三、本年度办理结果 (一)予以公开 5 2 0 0 0 0 7 "
           "(七)总计 7 2 0 0 0 0 9 四、结转下年度继续办理 1 0 0 0 0 0 1")


def _report(t2: str, t3: str) -> str:
    return HEAD + t2 + "\n三、收到和处理政府信息公开申请情况\n" + t3 + "\n" + TAIL


def test_a_table_on_one_line_is_read_row_by_row() -> None:
    doc = read_text(_report(T2_LINE, T3_LINE))
    t2, t3 = doc.tables.table2, doc.tables.table3
    assert [t2.get(f"t2.norm.{m}") for m in ("made", "repealed", "valid")] == [4, 1, 12]
    assert [t2.get(f"t2.reg.{m}") for m in ("made", "repealed", "valid")] == [0, 0, 0]
    assert t2.get("t2.licensing.decisions") == 27
    assert t2.get("t2.penalty.decisions") == 5
    assert t2.get("t2.fees.amount_wan") == 2.5
    assert [t3.get(f"t3.r1_new.{c}") for c in ("np", "biz", "total")] == [7, 2, 9]
    assert t3.get("t3.r3_1_open.total") == 7
    assert t3.get("t3.r3_7_total.total") == 9
    assert t3.get("t3.r4_carry_out.np") == 1
    # what the line does not show is missing, never invented
    assert t3.get("t3.r3_2_partial.total") is None
    assert not [f for f in check_document(doc).findings if f.severity == "error" and f.rule.startswith("table.")]


def test_a_squashed_row_with_a_broken_total_is_caught() -> None:
    bad = T3_LINE.replace("(七)总计 7 2 0 0 0 0 9", "(七)总计 7 2 0 0 0 0 10")
    doc = read_text(_report(T2_LINE, bad))
    assert doc.tables.table3.get("t3.r3_7_total.total") == 10
    assert any(f.rule.startswith("table.identity") and f.severity == "error" for f in check_document(doc).findings)


def test_a_chinese_numeral_among_the_values_stays_in_its_row() -> None:
    line = T2_LINE.replace("行政规范性文件 4 1 12", "行政规范性文件 4 一 12")
    doc = read_text(_report(line, T3_LINE))
    t2 = doc.tables.table2
    assert t2.get("t2.norm.made") == 4 and t2.get("t2.norm.valid") == 12
    assert t2.get("t2.norm.repealed") is None  # unreadable, not moved
    assert t2.get("t2.licensing.decisions") == 27


def test_prose_with_several_counts_makes_no_table_cell() -> None:
    # a wrapped prose line (no "。") naming table rows, its counts single and followed by units
    for prose in ("全年收到申请 9件 办结 8件 结转 1件",
                  "包括：行政规范性文件 11 件；规章 2 件；行政许可 40 件，其他信息 9 条",
                  "行政规范性文件 11 12 件 规章 2 件"):
        doc = read_text(HEAD + prose + "\n三、收到和处理政府信息公开申请情况\n本年情况见说明。\n" + TAIL)
        assert not doc.tables.table2.filled() and not doc.tables.table3.filled(), prose
        assert not [f for f in check_document(doc).findings if f.rule.startswith("table.")], prose


def test_pinyin_readings_are_no_part_of_a_label() -> None:
    assert norm_key("規(guī)章") == norm_key("规章")
    assert norm_key("行政強(qiáng)制") == "行政强制"
    assert norm_key("本年制發(fā)件數(shù)") == "本年制发件数"
    assert norm_key("第二十條第(一)項(xiàng)") == "第二十条第一项"
    assert norm_key("附件(a)") == "附件a"  # no tone mark: not a reading, kept


def test_a_table_with_pinyin_labels_is_read() -> None:
    rows = ["第二十條第(一)項(xiàng) | |||", "信息內(nèi)容 | 本年制發(fā)件數(shù) | 本年廢止件數(shù) | 現(xiàn)行有效件數(shù) |",
            "規(guī)章 | 1 | 0 | 3 |", "行政規(guī)范性文件 | 2 | 0 | 8 |",
            "第二十條第(六)項(xiàng) | |||", "信息內(nèi)容 | 本年處理決定數(shù)量 | ||",
            "行政處罰 | 6 | ||", "行政強(qiáng)制 | 2 | ||"]
    doc = read_text(HEAD + "\n".join(rows) + "\n三、收到和处理政府信息公开申请情况\n见下表。\n" + TAIL)
    t2 = doc.tables.table2
    assert [t2.get(f"t2.reg.{m}") for m in ("made", "repealed", "valid")] == [1, 0, 3]
    assert [t2.get(f"t2.norm.{m}") for m in ("made", "repealed", "valid")] == [2, 0, 8]
    assert t2.get("t2.coercion.decisions") == 2
