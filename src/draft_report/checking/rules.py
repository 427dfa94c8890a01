"""The stable rule ids of the checker with their default severity and a Chinese description.

Other tools build on these ids (JSON output); add new ids, never rename. docs/checker.md lists
the same table (a test keeps them in step).
"""

from __future__ import annotations

from draft_report.records import dataclass


@dataclass(frozen=True)
class Rule:
    """A check rule: its id, default severity and description."""

    id: str
    severity: str  # default severity; a few rules lower it in stated cases (see docs/checker.md)
    description: str


RULES: tuple[Rule, ...] = (
    Rule("table.identity.H1", "error", "表三各列：一（新收）+ 二（上年结转）= （七）总计 + 四（结转下年度）"),
    Rule("table.identity.H2", "error", "表三各列：21 项办理结果之和 = （七）总计"),
    Rule("table.identity.H3", "error", "表三各行：各类申请人之和 = 总计"),
    Rule("table.identity.H4", "error", "表四各组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计"),
    Rule("table.value.H5", "error", "单元格为负数，或计数单元格有小数"),
    Rule("table.blank.H6", "warning", "单元格空白：空白不等于 0"),
    Rule("table.unreadable", "warning", "单元格无法读取，未作推测"),
    Rule("table.format_deviation", "warning", "表格多出非标准的列或行（如“小计”），已按标准格式读取、未计入"),
    Rule("structure.table_missing", "warning", "未找到表二、表三或表四"),
    Rule("prose.mismatch", "error", "正文数字与表格或数据不一致"),
    Rule("prose.scope_mismatch", "warning", "正文数字与表格不一致，但句子主语是下属单位或本级（代表…、本级、政府办），统计口径可能不同"),
    Rule("prose.zero_claim", "error", "正文称“未收到/未发生/未收取”，但表格或数据不为 0"),
    Rule("prose.ambiguous_mismatch", "warning", "正文数字与其可能所指的每一项数据都不一致，但所指不唯一（列出各候选项及其数值）"),
    Rule("prose.approx_mismatch", "warning", "约数（余、多、约、近、左右）与数据不太相符，超出其通常范围"),
    Rule("prose.too_many_numbers", "info", "一句中数字过多（超过 200 个），未逐一核对"),
    Rule("prose.unverified", "info", "正文数字未能核对（没有对应数据项、约数或数据缺失）"),
    Rule("data.cell_mismatch", "error", "表格单元格与数据文件不一致"),
    Rule("cross.previous_year", "warning", "--previous 不是上一年度的报告或数据：跳过 X1、X2 跨年核对"),
    Rule("cross.carry_over.X1", "error", "上年结转 ≠ 上年报告的结转下年度（提到机构改革、更正时为警告）"),
    Rule("cross.valid_count.X2", "warning", "现行有效件数 ≠ 上年现行有效 + 本年制发 − 本年废止"),
    Rule("cross.rectification.X4", "warning", "第五部分未说明上年度问题的整改情况"),
    Rule("cross.similarity.X5", "warning", "第一或第五部分与上年报告高度相似"),
    Rule("structure.heading_missing", "warning", "缺少标准标题"),
    Rule("structure.heading_order", "warning", "六个部分的顺序与标准格式不同"),
    Rule("structure.heading_wording", "warning", "标题写法或序号与标准不一致（用词不同但所指部分相同时为提示）"),
    Rule("structure.old_format", "error", "出现 2019 年试行格式的标记（较弱的标记为警告）"),
    Rule("structure.format_citation", "warning", "序言引用的年报格式文件文号有误（应为国办公开办函〔2021〕30号）"),
    Rule("structure.overview_topic_missing", "warning", "总体情况缺少五个方面之一的小标题"),
    Rule("structure.accountability_missing", "warning", "人民政府年报没有写工作考核、社会评议和责任追究结果"),
    Rule("structure.problems_empty", "warning", "第五部分为空、过于简略或没有写出具体问题"),
    Rule("structure.fee_statement_missing", "warning", "第六部分没有信息处理费情况"),
    Rule("fee.not_multiple_of_10", "warning", "收费金额（元）不是 10 的整数倍"),
    Rule("fee.notice_vs_table.F3", "warning", "称未发出收费通知，但表三“逾期未缴费”不为 0"),
    Rule("fee.notice_vs_table.F4", "warning", "表三“逾期未缴费”大于发出收费通知件数减已缴费件数"),
    Rule("stale.year", "warning", "年份与报告年度不符"),
    Rule("stale.topic", "warning", "已过时的工作内容（如疫情防控）"),
    Rule("deadline.late", "warning", "发布日期晚于法定期限"),
)
RULE_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
