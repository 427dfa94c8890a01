"""The values staff may type in each register column — one list for the 填表说明 sheet, the CSV
templates' header comments and the README (``python -m draft_report.logs.allowed`` prints it)."""

from __future__ import annotations

from draft_report.records import dataclass
from draft_report.tables import layout as L


@dataclass(frozen=True)
class Allowed:
    log: str  # publications / events / requests / cases
    column: str
    text: str  # Chinese, no ASCII commas (it goes into CSV comment lines)


def _outcomes() -> str:
    groups: dict[str | None, list[str]] = {}
    for row in L.T3_RESULT_ROWS:
        name = row.short.split("·", 1)[1] if "·" in row.short else row.short
        groups.setdefault(row.category, []).append(name)
    parts = []
    for category, names in groups.items():
        if category is None:
            parts.extend(names)
        else:
            parts.append(f"{category.removeprefix('（三）').removeprefix('（四）').removeprefix('（五）').removeprefix('（六）')}：{'、'.join(names)}")
    return (
        "；".join(parts)
        + "。写类别后的名称即可（如“本机关不掌握相关政府信息”），也可写表三的全称"
        "（如“（四）无法提供 1.本机关不掌握相关政府信息”）；尚未办结的留空"
    )


ALLOWED: tuple[Allowed, ...] = (
    Allowed("requests", "申请人类型", "、".join(c.label for c in L.T3_PART_COLUMNS) + "（“公民”“个人”按自然人，“企业”“公司”按商业企业，“律师事务所”按法律服务机构）"),
    Allowed("requests", "办理结果", _outcomes()),
    Allowed("requests", "收到日期、办结日期", "日期，如 2024-03-05、2024/3/5 或 2024年3月5日；尚未办结的办结日期留空"),
    Allowed("cases", "类型", "行政复议、行政诉讼"),
    Allowed("cases", "是否经复议", "行政诉讼填“是”（复议后起诉）或“否”（未经复议直接起诉）；行政复议留空"),
    Allowed("cases", "结果", "维持、纠正、其他、尚未审结（尚未审结的审结日期留空）"),
    Allowed("publications", "渠道", "如 政务网站、微信公众号、政务微博（同一渠道全年用同一写法）"),
    Allowed("publications", "栏目", "如 工作动态、政策文件、通知公告（可留空）"),
    Allowed("events", "类型", "如 培训、政策解读、新闻发布会、检查（同一类型全年用同一写法）"),
)

EXTRA_COLUMNS_TEXT = "其他列（如 序号、申请人姓名、联系电话、经办人、备注）可以保留，程序读取时略去并提示一次"


def allowed_for(log: str) -> list[Allowed]:
    return [a for a in ALLOWED if a.log == log]


def csv_comment_lines(log: str) -> list[str]:
    """Header comment lines of a CSV register template (each starts with “#”)."""
    lines = [f"# {a.column}：{a.text}" for a in allowed_for(log)]
    lines.append(f"# {EXTRA_COLUMNS_TEXT}；以 # 开头的说明行不作为记录")
    return lines


if __name__ == "__main__":  # pragma: no cover - documentation helper
    for a in ALLOWED:
        print(f"{a.log}\t{a.column}\t{a.text}")
