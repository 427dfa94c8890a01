"""The 填表说明 sheet: how to fill in the workbook and every allowed value, generated from the
same definitions the reader uses."""

from __future__ import annotations

from draft_report.logs.allowed import ALLOWED, EXTRA_COLUMNS_TEXT
from draft_report.tables import layout as L
from draft_report.workbook import form as F

_LOG_TITLES = {
    "requests": "依申请公开登记台账（requests.csv，生成表三）",
    "cases": "行政复议、行政诉讼案件清单（cases.csv，生成表四）",
    "publications": "信息发布记录（publications.csv）",
    "events": "工作活动记录（events.csv）",
}


def guide_lines() -> list[tuple[str, str]]:
    """(text, style) per row; style is title, head or text."""
    out: list[tuple[str, str]] = [
        ("填表说明", "title"),
        ("白色单元格填写，灰色单元格（表头、说明、由公式计算的总计）受保护，不需要也不能修改。", "text"),
        ("空白不等于 0：表格中没有发生的事项请填 0；整张表都空着表示“尚未填写”，起草时会提示并停止。", "text"),
        ("各“总计”由公式计算，程序读取时会重新计算并核对；逐格填写的数字与台账同时给出时，两者必须一致。", "text"),
        ("填好后运行：draft-report draft 本文件所在文件夹 -o 输出文件夹", "text"),
        ("", "text"),
        ("各工作表", "head"),
        (f"{F.SHEET_BASIC}：机关全称、机关类型、报告年度、发布日期、联系方式、落款；台账文件名（可选）。", "text"),
        (f"{F.SHEET_T2}、{F.SHEET_T3}、{F.SHEET_T4}：与官方表样相同的行列，逐格填写件数（表二的收费金额单位为万元，可有小数）。", "text"),
        (f"{F.SHEET_NOTES}：第一部分各小节的要点，一行一条，“小节”从下拉列表选择：" + "、".join(label for _, label in F.NOTE_TOPICS) + "。", "text"),
        (f"{F.SHEET_PROBLEMS}：第五部分，一行一条，“类别”从下拉列表选择：" + "、".join(label for _, label in F.PROBLEM_KINDS) + "；上年度问题在右侧写明本年度整改情况。", "text"),
        (f"{F.SHEET_ACTIVITY}：没有记录文件时，直接填写按渠道、栏目的发布条数和各类活动次数。", "text"),
        (f"{F.SHEET_FEES}：第六部分的信息处理费（收费标准：" + "、".join(F.FEE_STANDARDS) + "；金额单位为元）。", "text"),
        (f"{F.SHEET_OTHER}：第六部分的其他事项（可选）。", "text"),
        ("", "text"),
        ("下拉列表的可选值", "head"),
        ("机关类型：" + "、".join(F.KIND_CHOICES), "text"),
        ("表三的申请人类型（列）：" + "、".join(c.label for c in L.T3_COLUMNS), "text"),
        ("表四的结果（列）：" + "、".join(c.label for c in L.T4_COLUMNS), "text"),
        ("", "text"),
        ("台账（CSV 或 XLSX，与本文件放在同一文件夹，在“基本信息”中写明文件名）各列可填写的值", "head"),
    ]
    for log, title in _LOG_TITLES.items():
        out.append((title, "head"))
        for a in ALLOWED:
            if a.log == log:
                out.append((f"{a.column}：{a.text}", "text"))
    out.append((EXTRA_COLUMNS_TEXT + "。", "text"))
    return out
