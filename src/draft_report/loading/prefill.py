"""``init --from LAST_YEAR_REPORT``: what last year's published report gives this year's data.

Read with the same readers as ``check`` (any readable format), last year's report pre-fills:
agency name, kind, 自称, signature and the contact of its preface; this year's 上年结转 row of
表三 from last year's 结转下年度 row; last year's 现行有效 counts of 表二 as a baseline (shown, not
data); the problems of its section 五 as ``previous_problems`` with an empty rectification.
Every pre-filled value carries its source (file and place) — nothing is filled silently, and
what could not be found is listed too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import field
from pathlib import Path
from typing import Any

from draft_report.models.document import ReportDocument
from draft_report.records import dataclass
from draft_report.tables import layout as L

Loc = tuple[Any, ...]


@dataclass
class Prefill:
    raw: dict[str, Any] = field(default_factory=dict)
    sources: dict[Loc, str] = field(default_factory=dict)  # location → “上年报告 x.docx：序言”
    baseline: dict[str, int] = field(default_factory=dict)  # 表二 item id → last year's 现行有效
    year: int | None = None  # the year last year's report covers
    missing: list[str] = field(default_factory=list)  # what could not be found, in Chinese

    def sources_by_table(self) -> dict[str, str]:
        """The source of each table's pre-filled cells (table3 → “上年报告 …”)."""
        return {str(loc[0]): s for loc, s in self.sources.items() if loc[0] in ("table2", "table3", "table4")}

    def put(self, loc: Loc, value: Any, source: str) -> None:
        cur = self.raw
        for part in loc[:-1]:
            cur = cur.setdefault(part, {})
        cur[loc[-1]] = value
        self.sources[loc] = source


_CONTACT = {
    "address": re.compile(r"地\s*址\s*[:：]\s*([^，,；;。）)\n]+)"),
    "postcode": re.compile(r"邮\s*(?:政\s*)?编\s*(?:码\s*)?[:：]\s*(\d{6})"),
    "phone": re.compile(r"(?:联系)?电\s*话\s*[:：]\s*([0-9０-９\-－—–（）() 、/]+[0-9０-９])"),
    "email": re.compile(r"(?:电\s*子\s*)?邮\s*箱\s*[:：]\s*([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+[A-Za-z])"),
    "website": re.compile(r"(?:通过|在)([^，。；（(]{2,30}?(?:网站|网|门户))(?:（[^）]*）)?(?:公布|发布|查阅|下载|予以公开)"),
}
_OFFICE = re.compile(r"请与([^，。；（(]{2,30}?)联系")
_SELF = re.compile(r"我(局|委|办|厅|院|会|县|区|市|镇|乡|街道|署|中心|部)")


def _squash(text: str) -> str:
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff：:])|(?<=[：:])\s+", "", text)


def _kind(name: str) -> str:
    return "人民政府" if name.endswith("人民政府") else "部门"


# Section 五: where the problems end and the measures begin, and how items are enumerated.
_MEASURES_START = re.compile(
    r"^\s*(?:[（(]二[）)]|二、|2[.．、])?\s*(?:针对|下一步|改进措施|整改措施|改进情况|[0-9]{4}\s*年[，,]?\s*[^，。；]{0,6}将)"
)
_LEAD_IN = re.compile(r"^.*?(?:主要(?:表现)?(?:为|是|在)|具体(?:表现)?(?:为|是|如下)|存在的(?:主要)?问题[。.：:]?|如下)\s*[：:]\s*")
_MEASURES_INLINE = re.compile(r"(?<=[。；;])\s*(?:针对(?:存在的?|上述|以上|这些)?(?:问题|不足)|下一步|[0-9]{4}\s*年[，,]?\s*我们将|今后)")
_ENUM = re.compile(r"(?:^|(?<=[。；;，,：:]))\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")


def _problem_items(doc: ReportDocument) -> list[str]:
    section = doc.section("problems")
    if section is None:
        return []
    paragraphs = section.paragraphs
    heads = [i for i, p in enumerate(paragraphs) if p.kind == "subheading"]
    for i in heads:  # a sub-heading “（二）存在的主要问题”: its paragraphs are the problems
        title = paragraphs[i].text
        if "问题" in title and not any(w in title for w in ("整改", "上年", "措施", "改进")):
            following = [j for j in heads if j > i]
            paragraphs = paragraphs[i + 1 : following[0] if following else None]
            break
    problem_text: list[str] = []
    for p in paragraphs:
        text = p.text.strip()
        if not text:
            continue
        if problem_text and _MEASURES_START.match(text):
            break
        if not problem_text and _MEASURES_START.match(text):
            continue
        if re.match(r"^\s*[（(]一[）)]\s*(?:存在的)?(?:主要)?问题", text):
            text = re.sub(r"^\s*[（(]一[）)]\s*(?:存在的)?(?:主要)?问题[。.：:]?", "", text)
        elif re.match(r"^\s*[（(][一二三四五六七八九十]+[）)]", text):
            break  # numbered measures after a problem paragraph
        problem_text.append(text)
        if len(problem_text) >= 3:
            break
    if not problem_text:
        return []
    text = "".join(problem_text)
    cut = _MEASURES_INLINE.search(text)
    if cut:
        text = text[: cut.start()]
    return _split_problems(_strip_lead(text))[:10]


# A problem is stated as a shortcoming: its clause ends in a predicate of lack (有待提高, 不够丰富 …).
_SHORTCOMING = re.compile(r"有待|不足|不够|欠缺|[仍还尚]需|需要|不强|不高|较弱|薄弱|不到位|不及时|单一|不规范|滞后|较少|不全|不完善|不平衡|松懈")


def _strip_lead(text: str) -> str:
    """Drop the sentence that introduces the problems (…主要表现为： / …差距。如…)."""
    m = re.search(r"[：:]", text[:150])
    if m:
        return text[m.end() :]
    m = re.search(r"[。，,](?:如|比如|例如|主要是|主要有)", text[:150])
    if m:
        return text[m.end() :]
    return text


def _split_problems(text: str) -> list[str]:
    def clean(parts: list[str]) -> list[str]:
        out = [re.sub(r"等$", "", p.strip(" 。；;，,")).strip(" 。；;，,") for p in parts]
        return [p for p in out if len(p) >= 4]

    parts = clean(_ENUM.split(text))
    if len(parts) > 1:
        return parts
    parts = clean(re.split(r"[；;]", text))
    if len(parts) > 1:
        return parts
    for separator in ("，|,", "、"):
        chunks = clean(re.split(separator, text.rstrip("。")))
        if len(chunks) > 1 and all(_SHORTCOMING.search(c) for c in chunks):
            return chunks
    return clean([text])


def prefill_from_report(path: Path) -> Prefill:
    """Read last year's report and collect what it gives this year's data; ``InputError`` if unreadable."""
    from draft_report.reading import read_report

    doc = read_report(path)
    name = Path(path).name
    out = Prefill(year=doc.year)

    def src(place: str) -> str:
        return f"上年报告 {name}：{place}"

    if doc.agency:
        out.put(("agency", "name"), doc.agency, src("标题"))
        out.put(("agency", "kind"), _kind(doc.agency), src("按机关名称推断"))
    else:
        out.missing.append("机关全称（标题中没有找到）")
    if doc.signature:
        out.put(("agency", "signature"), doc.signature, src("落款"))
    body = "\n".join(doc.lines) if doc.lines else ""
    found_self = Counter(m.group(0) for m in _SELF.finditer(body))
    if found_self and found_self.most_common(1)[0][1] >= 2:
        word, count = found_self.most_common(1)[0]
        out.put(("agency", "short_name"), word, src(f"正文中“{word}”出现 {count} 次"))
    preface = _squash("".join(p.text for p in doc.preface))
    office = _OFFICE.search(preface)
    if office:
        out.put(("agency", "contact", "office"), office.group(1).strip(), src("序言"))
    for key, pattern in _CONTACT.items():
        m = pattern.search(preface)
        if m:
            value = m.group(1).strip()
            if key == "phone":
                value = re.sub(r"\s+", "", value).replace("—", "-").replace("－", "-")
            out.put(("agency", "contact", key), value, src("序言"))
    if not preface or not office:
        out.missing.append("联系方式（序言中没有找到“请与……联系”）")
    if "table3" in doc.tables_found:
        carried = {c.id: doc.tables.get(L.t3_cell_id("r4_carry_out", c.id)) for c in L.T3_PART_COLUMNS}
        if all(isinstance(v, int) for v in carried.values()):
            for col, value in carried.items():
                out.put(("table3", "r2_carry_in", col), value, src("表三“四、结转下年度继续办理”行"))
        else:
            out.missing.append("上年结转（上年报告表三“结转下年度继续办理”行不完整）")
    else:
        out.missing.append("上年结转（上年报告中没有找到表三）")
    if "table2" in doc.tables_found:
        block = L.T2_BLOCKS[0]
        for item in block.items:
            value = doc.tables.get(L.t2_cell_id(item.id, "valid"))
            if isinstance(value, int):
                out.baseline[item.id] = value
                out.sources[("baseline", item.id)] = src(f"表二“{item.label}”“现行有效件数”")
    problems = _problem_items(doc)
    if problems:
        for i, problem in enumerate(problems):
            out.put(("previous_problems", i, "problem"), problem, src("五、存在的主要问题及改进情况"))
        out.raw["previous_problems"] = [
            {"problem": p, "rectification": None} for p in problems
        ]
    else:
        out.missing.append("上年度问题（上年报告第五部分中没有找到）")
    return out


def describe(prefill: Prefill) -> list[str]:
    """One Chinese line per pre-filled value (for the ``init`` output)."""
    lines = []
    for loc, source in prefill.sources.items():
        if loc[0] == "baseline":
            label = f"表二上年现行有效件数（{loc[1]}）= {prefill.baseline.get(str(loc[1]))}"
        elif loc[0] == "table3":
            label = f"表三上年结转（{L.T3_COLUMN_BY_ID[str(loc[2])].label}）= {prefill.raw['table3']['r2_carry_in'][loc[2]]}"
        elif loc[0] == "previous_problems":
            label = f"上年度问题 {int(loc[1]) + 1}：{prefill.raw['previous_problems'][loc[1]]['problem'][:30]}"
        else:
            cur: Any = prefill.raw
            for part in loc:
                cur = cur[part]
            label = f"{'.'.join(str(p) for p in loc)} = {cur}"
        lines.append(f"{label}（来自{source}）")
    return lines
