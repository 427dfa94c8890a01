"""The fill-in folder written by ``draft-report init --yaml``: a commented data.yaml and CSV templates.

The YAML is generated from ``tables.layout`` so every 表三 row carries its official label.
``init`` writes the cells blank (a blank cell is "not filled in"; a table left blank stops the
draft with “表三尚未填写”); the all-zero variant is a valid data file that tests build on.
Values pre-filled from last year's report (``init --from``) say where they came from.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from draft_report.loading.prefill import Prefill
from draft_report.logs.activity import EVENTS_SPEC, PUBLICATIONS_SPEC
from draft_report.logs.allowed import csv_comment_lines
from draft_report.logs.cases import CASES_SPEC
from draft_report.logs.readers import LogSpec
from draft_report.logs.requests import REQUESTS_SPEC
from draft_report.tables import layout as L
from draft_report.tables.grid import format_value

LOG_SPECS: tuple[LogSpec, ...] = (PUBLICATIONS_SPEC, EVENTS_SPEC, REQUESTS_SPEC, CASES_SPEC)
LOG_FILE_NAMES: dict[str, str] = {spec.key: f"{spec.key}.csv" for spec in LOG_SPECS}

_HEAD = """\
# 政府信息公开工作年度报告 数据文件（国办公开办函〔2021〕30号格式）
# 填写说明：
#   - 以 # 开头的是说明，不影响数据；“名称: 值”中的冒号为英文冒号，冒号后留一个空格。
#   - 表格中每个单元格都已预填 0，请按实际改写；没有发生的保持 0。空白不等于 0，不要删除单元格。
#   - 各“总计”可以不填，由程序计算；填写了则必须与各项之和一致。
#   - 表三、表四也可以由台账生成：在 logs 中写明 requests.csv / cases.csv，并删去下面的 table3 / table4。
#   - 填好后运行：draft-report draft {folder} -o 输出文件夹

agency:
  name: {agency}            # 机关全称，例如“夏县乡村振兴局”
  kind: {kind}                       # 部门（1月31日前发布）或 人民政府（本级政府年报，3月31日前发布）
  # short_name: 我局               # 正文中的自称，例如“我局”“我县”；省略时按机关名称推断
  # signature: ……                  # 落款单位；省略时使用机关全称
  # contact:                       # 序言中的联系方式（可选）
  #   office: 办公室               # 联系部门
  #   address: ……                  # 地址
  #   postcode: "000000"           # 邮编（加引号）
  #   phone: 0000-0000000          # 电话
  #   email: ……                    # 电子邮箱
  #   website: ……                  # 年报发布网站

year: {year}                         # 报告年度
# publication_date: {next_year}-01-20     # 发布（落款）日期，格式 年-月-日
# preface: ……                      # 序言（可选）；省略时按标准写法生成
"""

_NOTES = """
# 第一部分“总体情况”各小节的要点：每条一句短话，起草时编入正文；数字请与表格一致
notes:
  lead: []          # 总体情况的开头段要点，例如 - 调整了政务公开工作领导小组
  proactive: []     # （一）主动公开情况 要点
  on_request: []    # （二）依申请公开情况 要点
  management: []    # （三）政府信息管理情况 要点
  platforms: []     # （四）政府信息公开平台建设情况 要点
  supervision: []   # （五）监督保障情况 要点（人民政府须写明考核、评议和责任追究结果）

# 第五部分“存在的主要问题及改进情况”
problems: []        # 存在的主要问题，每条一行，例如 - 政策解读形式较为单一
measures: []        # 改进措施，每条一行
previous_problems: []   # 上年度报告提出的问题及本年整改情况，每项两行：
#  - problem: 上年度报告提出的问题
#    rectification: 本年度整改情况

# 第六部分：信息处理费（国办函〔2020〕109号；金额单位：元，应为 10 元的整数倍）
fees:
  # standard: 按件              # 收费标准：按件、按量 或 按件和按量；未收费可省略
  notices_issued: 0            # 本年发出收费通知件数
  notices_amount_yuan: 0       # 收费通知金额合计（元）
  collected_yuan: 0            # 实际收取金额（元）
  # notices_paid: 0            # 已按通知缴费的件数（可选）

# 第六部分：其他需要报告的事项（可选，不需要的保持注释）
other_matters:
  # work_points: ……            # 政务公开工作要点落实情况
  # proposals: ……              # 人大代表建议和政协委员提案办理结果公开情况
  # innovations: ……            # 创新举措、特色亮点
  other: []                    # 其他需要报告的事项，每条一行

# 直接填写的工作量统计（没有活动记录文件时使用；与记录文件同时提供时，两者必须一致）
activity:
  publications: []   # 信息发布条数，例如：
  #  - {channel: 政务网站, column: 工作动态, count: 37}   # 渠道、栏目（可省略）、条数
  events: []         # 工作活动次数，例如：
  #  - {kind: 培训, count: 2, participants: 60}           # 类型、次数、参加人次（可选）

# 活动记录文件（CSV 或 XLSX，与本文件放在同一文件夹；填好后去掉行首的 # 即可启用）
logs:
  # publications: publications.csv   # 信息发布记录：日期、渠道、栏目、标题
  # events: events.csv               # 工作活动记录：日期、类型、标题、参加人数
  # requests: requests.csv           # 依申请公开登记台账：收到日期、申请人类型、办理结果、办结日期（生成表三）
  # cases: cases.csv                 # 复议诉讼案件清单：类型、是否经复议、结果、立案日期、审结日期（生成表四）
"""


Getter = Callable[[str], "int | float | None"]


def _zero(_: str) -> int:
    return 0


def _blank(_: str) -> None:
    return None


def _cells(ids: list[tuple[str, str]], get: Getter) -> str:
    """“np: 1, biz: , …” — a blank cell stays blank (YAML reads it as empty, not 0)."""
    return ", ".join(f"{name}: {format_value(get(cid))}" for name, cid in ids)


def _table2(get: Getter) -> list[str]:
    out = ["", "# 表二 主动公开政府信息情况（金额单位：万元，可有小数；其余为件数）", "table2:"]
    for block in L.T2_BLOCKS:
        out.append(f"  # {block.caption}")
        for item in block.items:
            cells = _cells([(m.id, L.t2_cell_id(item.id, m.id)) for m in block.measures], get)
            labels = "、".join(f"{m.id}={m.label}" for m in block.measures)
            out.append(f"  {item.id}: {{{cells}}}".ljust(50) + f"# {item.label}：{labels}")
    return out


def _table3(get: Getter) -> list[str]:
    cols = "、".join(f"{c.id}={c.label}" for c in L.T3_PART_COLUMNS)
    out = [
        "",
        "# 表三 收到和处理政府信息公开申请情况（件数）",
        f"# 列：{cols}；total=总计（可省略，自动计算）",
        "# 勾稽关系：每列 一（本年新收）+ 二（上年结转）= （七）总计 + 四（结转下年度）",
        "table3:",
    ]
    category = None
    for row in L.T3_ROWS:
        if row.is_total:
            out.append(f"  # {row.full_label}：各项办理结果之和，自动计算，无需填写")
            continue
        if row.is_result and category is None and row.id == "r3_1_open":
            out.append(f"  # {L.T3_RESULTS_LABEL}")
        if row.category and row.category != category:
            out.append(f"  # {row.category}")
        category = row.category
        cells = _cells([(c.id, L.t3_cell_id(row.id, c.id)) for c in L.T3_PART_COLUMNS], get)
        out.append(f"  {row.id}: {{{cells}}}".ljust(70) + f"# {row.label}")
    return out


def _table4(get: Getter) -> list[str]:
    cols = "、".join(f"{c.id}={c.label}" for c in L.T4_PART_COLUMNS)
    out = [
        "",
        "# 表四 政府信息公开行政复议、行政诉讼情况（件数）",
        f"# 列：{cols}；total=总计（可省略）",
        "table4:",
    ]
    for group in L.T4_GROUPS:
        cells = _cells([(c.id, L.t4_cell_id(group.id, c.id)) for c in L.T4_PART_COLUMNS], get)
        out.append(f"  {group.id}: {{{cells}}}".ljust(60) + f"# {group.full_label}")
    return out


def table_lines(table: str, get: Getter) -> list[str]:
    """The commented YAML lines of one table (``get`` gives each cell's value, None for blank)."""
    return {"table2": _table2, "table3": _table3, "table4": _table4}[table](get)


def data_template(
    *, folder: str, agency: str, year: int, kind: str = "部门", blank: bool = False, prefill: Prefill | None = None
) -> str:
    """The commented fill-in data.yaml. ``init`` writes it with ``blank=True`` (a blank cell is
    “not filled in”); with zeros it is a valid all-zero data file (tests build on that)."""
    head = _HEAD.format(folder=folder, agency=agency, year=year, next_year=year + 1, kind=kind)
    if blank:
        head = head.replace(
            "#   - 表格中每个单元格都已预填 0，请按实际改写；没有发生的保持 0。空白不等于 0，不要删除单元格。",
            "#   - 表格中的单元格都是空白，请逐格填写；没有发生的填 0。空白不等于 0：整张表空着表示“尚未填写”。",
        )
        head = head.replace("并删去下面的 table3 / table4。", "下面的 table3 / table4 保持空白即可。")
    get: Getter = _blank if blank else _zero
    notes = _NOTES
    t2 = _table2(get)
    t3_get = get
    if prefill is not None:
        head = _prefill_head(head, prefill)
        carry = (prefill.raw.get("table3") or {}).get("r2_carry_in") or {}

        def t3_get(cid: str) -> int | float | None:
            _, row, col = cid.split(".")
            return carry.get(col) if row == "r2_carry_in" else get(cid)

        t2 += _baseline_lines(prefill)
        notes = _prefill_problems(notes, prefill)
    body = t2 + _table3(t3_get) + _table4(get)
    text = head + "\n".join(body) + "\n" + notes
    if prefill is not None and "table3" in prefill.sources_by_table():
        text = text.replace(
            "  r2_carry_in:", f"  # 上年结转：{prefill.sources_by_table()['table3']}\n  r2_carry_in:", 1
        )
    return text


def _yaml_value(value: object) -> str:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def _prefill_head(head: str, prefill: Prefill) -> str:
    agency = prefill.raw.get("agency") or {}
    lines = head.splitlines()
    out: list[str] = []
    contact = agency.get("contact") or {}
    for line in lines:
        stripped = line.strip()
        key = stripped.lstrip("# ").split(":", 1)[0]
        if line.startswith("  name:") and "name" in agency:
            line = f"  name: {_yaml_value(agency['name'])}   # 来自{prefill.sources[('agency', 'name')]}"
        elif line.startswith("  kind:") and "kind" in agency:
            line = f"  kind: {agency['kind']}   # {prefill.sources[('agency', 'kind')]}（部门 或 人民政府）"
        elif line.startswith("  # ") and key in ("short_name", "signature") and key in agency:
            line = f"  {key}: {_yaml_value(agency[key])}   # 来自{prefill.sources[('agency', key)]}"
        elif line.startswith("  # contact:") and contact:
            line = "  contact:                       # 序言中的联系方式"
        elif line.startswith("  #   ") and key in contact:
            line = f"    {key}: {_yaml_value(contact[key])}   # 来自{prefill.sources[('agency', 'contact', key)]}"
        out.append(line)
    return "\n".join(out) + "\n"


def _baseline_lines(prefill: Prefill) -> list[str]:
    if not prefill.baseline:
        return []
    block = L.T2_BLOCKS[0]
    parts = [f"{item.label} {prefill.baseline[item.id]} 件" for item in block.items if item.id in prefill.baseline]
    first = next(iter(prefill.baseline))
    return [
        f"  # 上年现行有效：{'、'.join(parts)}（来自{prefill.sources[('baseline', first)]}）；"
        "本年现行有效一般应为 上年现行有效 + 本年制发 − 本年废止"
    ]


def _prefill_problems(notes: str, prefill: Prefill) -> str:
    items = prefill.raw.get("previous_problems") or []
    if not items:
        return notes
    source = prefill.sources[("previous_problems", 0, "problem")]
    block = [f"previous_problems:   # 上年度报告提出的问题（来自{source}），请逐条填写本年度整改情况"]
    for item in items:
        block.append(f"  - problem: {_yaml_value(item['problem'])}")
        block.append("    rectification:     # 请填写本年度整改情况")
    old = notes[notes.index("previous_problems: []") :]
    old = old[: old.index("\n\n")]
    return notes.replace(old, "\n".join(block))


def csv_template(spec: LogSpec) -> str:
    """Comment lines listing the allowed values, then the header line (written as UTF-8 with BOM
    for Excel; the reader skips lines starting with “#”)."""
    lines = [*csv_comment_lines(spec.key), ",".join(spec.headers)]
    return "\r\n".join(lines) + "\r\n"
