"""The six standard sections of the report (spec §2.3) and the sub-topics of section 一."""

from __future__ import annotations

from draft_report.records import dataclass


@dataclass(frozen=True)
class SectionDef:
    """One of the six sections of the report, as the 2021 format names them."""

    key: str  # stable id used everywhere in code and JSON output
    number: str  # 一 .. 六
    title: str  # the standard wording, without the number

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


SECTIONS: tuple[SectionDef, ...] = (
    SectionDef("overview", "一", "总体情况"),
    SectionDef("proactive", "二", "主动公开政府信息情况"),
    SectionDef("requests", "三", "收到和处理政府信息公开申请情况"),
    SectionDef("review_litigation", "四", "政府信息公开行政复议、行政诉讼情况"),
    SectionDef("problems", "五", "存在的主要问题及改进情况"),
    SectionDef("other", "六", "其他需要报告的事项"),
)
SECTION_BY_KEY: dict[str, SectionDef] = {s.key: s for s in SECTIONS}
SECTION_KEYS: tuple[str, ...] = tuple(s.key for s in SECTIONS)

# Which section holds which table.
TABLE_SECTION: dict[str, str] = {"table2": "proactive", "table3": "requests", "table4": "review_litigation"}


@dataclass(frozen=True)
class SubTopic:
    """One of the five sub-topics of section 一 (主动公开 … 监督保障)."""

    key: str
    number: str  # （一） .. （五）
    title: str

    @property
    def heading(self) -> str:
        return f"{self.number}{self.title}"


# Sub-headings of section 一 总体情况 (spec §2.4; wording as in 淮安 2024 / the sample report).
OVERVIEW_TOPICS: tuple[SubTopic, ...] = (
    SubTopic("proactive", "（一）", "主动公开情况"),
    SubTopic("on_request", "（二）", "依申请公开情况"),
    SubTopic("management", "（三）", "政府信息管理情况"),
    SubTopic("platforms", "（四）", "政府信息公开平台建设情况"),
    SubTopic("supervision", "（五）", "监督保障情况"),
)
OVERVIEW_TOPIC_BY_KEY: dict[str, SubTopic] = {t.key: t for t in OVERVIEW_TOPICS}

REPORT_TITLE_SUFFIX = "政府信息公开工作年度报告"


def report_title(agency: str, year: int) -> str:
    """<机关>20XX年度政府信息公开工作年度报告"""
    return f"{agency}{year}年度{REPORT_TITLE_SUFFIX}"
