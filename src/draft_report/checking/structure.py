"""Structure rules: the six headings, 2019-format markers, section 五, section 六's fees (F1–F3)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from draft_report.checking.findings import Finding, Location
from draft_report.checking.prose import LocatedClaim, fmt
from draft_report.lexicon.binding import trie_pattern
from draft_report.models.document import ReportDocument, Section
from draft_report.reading.traditional import FOLD
from draft_report.regex_cache import regex
from draft_report.sections import OVERVIEW_TOPICS, SECTION_BY_KEY, SECTION_KEYS, SECTIONS, SectionDef
from draft_report.tables import layout as L

_NUMBERING = regex(
    r"^\s*(?:([一二三四五六七八九十]+)\s*[、.．,，]|第\s*([一二三四五六七八九十]+)\s*部分\s*[、.．,，:：]?)\s*"
)
_PUNCT = regex(r"[\s　、，,。．.：:；;“”\"'（）()]")

# Spec §6: markers of the 2019 试行 format. Strong ones are unambiguous (error); weak ones are
# also seen as quirks of 2021-format reports (warning).
OLD_FORMAT_STRONG: tuple[str, ...] = (
    "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "本年增减",
    "其他对外管理服务事项", "第二十条第（九）项", "第二十条第(九)项", "采购项目数量", "采购总金额", "政府集中采购",
)
_WHITESPACE = regex(r"\s+")
_ANY_STRONG = regex("|".join(re.escape(m) for m in OLD_FORMAT_STRONG))  # one search per line


# the same markers with any whitespace between their characters, as a trie (“本年” tried once for its
# four markers): one scan of a whole document
_ANY_STRONG_SPACED = regex(trie_pattern(OLD_FORMAT_STRONG, gap=r"\s*"))
_SINGLE_ROW_SIX = regex(r"^\s*[（(]六[）)]\s*其他处理[\s|]*\d+(?:[\s|]|$)")
FEE_STATEMENT = regex(r"信息处理费|处理费|收费|收取[^。]{0,12}费|费用")
_BOILERPLATE_NONE = regex(r"^(无|暂无|没有|无其他)")
_PROBLEM_WORDS = ("问题", "不足", "差距", "短板", "薄弱", "有待", "不够", "欠缺", "滞后", "不及时", "不规范", "不完善")
# The same words as a 繁體 page writes them (問題, 不夠, 評議, 責任追究): each word with its characters in
# traditional form, looked for as they are (translating a whole section's text costs far more)
_TO_TRADITIONAL = str.maketrans("问题够滞后时规范评议责", "問題夠滯後時規範評議責")


def _both_scripts(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words + tuple(w.translate(_TO_TRADITIONAL) for w in words)))


_PROBLEM_WORDS_BOTH = _both_scripts(_PROBLEM_WORDS)


def _norm(text: str) -> str:
    """A heading's title as compared: without punctuation, in simplified characters (“其他需要報告的事項”
    on a 繁體 page is the standard title in another script, not another wording)."""
    return _PUNCT.sub("", text).translate(FOLD)


# each section's standard title without punctuation or spaces (what a heading's title must start with)
_NORM_TITLES: dict[str, str] = {sdef.key: _norm(sdef.title) for sdef in SECTIONS}
_STANDARD_HEADINGS: dict[str, str] = {sdef.key: sdef.heading for sdef in SECTIONS}  # “一、总体情况” …


# What each section's standard title says it holds: the words a heading needs to name the same content
# (one alternative, every word of it). Real headings frame them differently — “政府信息公开工作存在的主要问题
# 及改进情况”, “因政府信息公开工作被申请行政复议、提起行政诉讼情况” (the 2019 and Shanghai wordings), “2023年
# 政务公开总体情况”, “其他事项”, “…及整改措施” — and still name the section: a reviewer may align them (info).
_CONTENT_WORDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "overview": (("总体情况",),),
    "proactive": (("主动公开",),),
    "requests": (("申请",),),
    "review_litigation": (("复议", "诉讼"),),
    "problems": (("问题", "改进"), ("问题", "整改")),
    "other": (("其他", "事项"),),
}


def names_content(title: str, key: str) -> bool:
    """True when a heading's ``title`` (without its number) names what the standard title of section
    ``key`` holds, in other words: it holds one alternative of the section's content words and is not
    the standard title cut short (“行政诉讼情” for “行政诉讼情况”, “存在的主要问题” for “…及改进情况”:
    a truncated heading is a slip, not a wording)."""
    norm = _norm(title)
    if not norm or _NORM_TITLES[key].startswith(norm):
        return False
    return any(all(w in norm for w in words) for words in _CONTENT_WORDS[key])


def heading_findings(doc: ReportDocument) -> list[Finding]:
    out: list[Finding] = []
    parts: list[tuple[str, Section]] = []  # headings numbered "第一部分 …" (standard: "一、…")
    renumbered: list[tuple[SectionDef, str, Section]] = []  # (standard, number written, section)
    by_key: dict[str | None, Section] = {}
    for s in doc.sections:  # ``doc.section``: the first section of each key
        by_key.setdefault(s.key, s)
    for sdef in SECTIONS:
        sec = by_key.get(sdef.key)
        if sec is None:
            out.append(Finding("structure.heading_missing", "warning", f"缺少第{sdef.number}部分“{sdef.heading}”",
                               Location(section=sdef.key), sdef.heading, None))
            continue
        heading = sec.heading.strip()
        if heading == _STANDARD_HEADINGS[sdef.key]:
            continue  # written as the standard has it (the usual report): nothing to say
        m = _NUMBERING.match(heading)
        number = (m.group(1) or m.group(2)) if m else None
        title = heading[m.end():] if m else heading
        standard = _norm(title).startswith(_NORM_TITLES[sdef.key])
        if m is not None and m.group(2) and number == sdef.number and standard:
            parts.append((sdef.heading, sec))
        elif not standard:
            same = names_content(title, sdef.key)
            out.append(Finding("structure.heading_wording", "info" if same else "warning",
                               f"标题“{heading}”与标准写法“{sdef.heading}”"
                               + ("用词不同（所指部分相同），可按标准写法统一" if same else "不一致"),
                               Location(section=sdef.key, line=sec.line, excerpt=heading), sdef.heading, heading))
        elif number is not None and number != sdef.number:
            renumbered.append((sdef, number, sec))
    if parts:  # one numbering style throughout: one finding, not one per heading
        first = parts[0][1]
        out.append(Finding("structure.heading_wording", "warning",
                           f"{len(parts)} 个标题以“第×部分”编号（如“{first.heading.strip()}”），"
                           f"标准写法为“{parts[0][0]}”这样的“一、”编号",
                           Location(section=first.key, line=first.line, excerpt=first.heading.strip()),
                           parts[0][0], first.heading.strip()))
    out += _numbering_findings(renumbered)
    keys = [s.key for s in doc.sections if s.key in SECTION_BY_KEY]
    order = [SECTION_KEYS.index(k) for k in keys]
    if order != sorted(order):
        shown = "、".join(SECTION_BY_KEY[k].number for k in keys)
        out.append(Finding("structure.heading_order", "warning",
                           f"六个部分的顺序与标准格式不同（报告中依次为：{shown}）",
                           Location(), "一、二、三、四、五、六", shown))
    return out


_NUMERALS = "一二三四五六七八九十"


def _numbering_findings(renumbered: list[tuple[SectionDef, str, Section]]) -> list[Finding]:
    """Headings numbered otherwise than the standard. When two or more are all shifted by the same
    step (Shanghai numbers 总体情况 apart and restarts at 一 for 主动公开…: every later heading one
    lower), the report numbers its parts in a sequence of its own: one finding, not one per heading."""
    steps = [_NUMERALS.index(num) - _NUMERALS.index(sdef.number) for sdef, num, _ in renumbered if num in _NUMERALS]
    if len(renumbered) >= 2 and len(steps) == len(renumbered) and len(set(steps)) == 1:
        sdef, _, first = renumbered[0]
        heading = first.heading.strip()
        step = abs(steps[0])
        return [Finding("structure.heading_wording", "warning",
                        f"{len(renumbered)} 个标题的序号与标准格式整体相差 {step} 位（如“{heading}”应为“{sdef.number}、”），"
                        "报告自行编号：应按“一、总体情况”至“六、其他需要报告的事项”统一编号",
                        Location(section=sdef.key, line=first.line, excerpt=heading), sdef.heading, heading)]
    return [Finding("structure.heading_wording", "warning", f"标题“{sec.heading.strip()}”的序号应为“{sdef.number}、”",
                    Location(section=sdef.key, line=sec.line, excerpt=sec.heading.strip()), sdef.heading,
                    sec.heading.strip())
            for sdef, _, sec in renumbered]


def _marker_lines(lines: list[str], skip: set[int] | None = None) -> list[int]:
    """The (1-based) numbers of the lines not in ``skip`` that may hold an old-format marker or a
    single-row （六）其他处理: a superset of those whose whitespace-free text contains a strong
    marker, or which contain “其他处理”. One scan of the whole text for the markers with any
    whitespace between their characters (a match may span lines: every line it touches) and
    one search for “其他处理”; ``skip`` is applied to the few lines found."""
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:  # a line holds a line break (a paragraph): look at every line
        if _ANY_STRONG_SPACED.search(text) is None and "其他处理" not in text:
            return []
        return [n for n in range(1, len(lines) + 1) if not skip or n not in skip]
    found: set[int] = set()
    for m in _ANY_STRONG_SPACED.finditer(text):
        first = text.count("\n", 0, m.start())
        found.update(range(first, first + text.count("\n", m.start(), m.end()) + 1))
    at = text.find("其他处理")
    while at >= 0:
        found.add(text.count("\n", 0, at))
        at = text.find("其他处理", at + 1)
    return [i + 1 for i in sorted(found) if not skip or i + 1 not in skip]


def _prose_lines(doc: ReportDocument) -> set[int]:
    """The lines of the preface and of long text paragraphs: prose may mention 政府集中采购 as
    work done; old-format markers count in tables and labels only."""
    return {p.line for p in doc.preface if p.line} | {
        p.line for s in doc.sections for p in s.paragraphs if p.line and p.kind == "text" and len(p.text) > 40
    }


def _marker_candidates(doc: ReportDocument) -> tuple[list[str], list[int]]:
    """The lines old-format markers are looked for in (the source's, else the paragraphs') and
    the numbers of those that may hold one (``_marker_lines``), prose lines left out: markers
    count outside prose only. The prose lines are blanked before the scan — most of a long
    report's text is never scanned; an empty line holds no marker, and blanking keeps the
    line numbers."""
    if not doc.lines:
        lines = [p.text for s in doc.sections for p in s.paragraphs]
        return lines, _marker_lines(lines)
    lines = doc.lines
    prose = _prose_lines(doc)
    scanned = lines.copy()
    for no in prose:
        if no <= len(scanned):
            scanned[no - 1] = ""
    return lines, [no for no in _marker_lines(scanned) if no not in prose]


def old_format_findings(doc: ReportDocument, year: int | None = None) -> list[Finding]:
    """Markers of the 2019 trial format. ``year``: the report's year (title, preface or
    statistics period); reports up to 2020 were written in that format, correctly: nothing
    to report for them."""
    out: list[Finding] = []
    if year is not None and L.LAYOUT_2019.last_year is not None and year <= L.LAYOUT_2019.last_year:
        return out
    seen: set[str] = set()
    strong: list[str] = []  # the unmistakable markers, in the order they occur: one error for them all
    first: Location | None = None
    lines, candidates = _marker_candidates(doc)
    for no in candidates:
        line = lines[no - 1]
        compact = _WHITESPACE.sub("", line)
        for marker in (OLD_FORMAT_STRONG if _ANY_STRONG.search(compact) else ()):
            if marker in compact and marker not in seen:
                seen.add(marker)
                strong.append(marker)
                first = first or Location(line=no if doc.lines else None, excerpt=line.strip())
        if _SINGLE_ROW_SIX.match(line.replace("\t", " ")) and "（六）其他处理" not in seen:
            seen.add("（六）其他处理")
            out.append(Finding("structure.old_format", "warning",
                               "表三“（六）其他处理”只有一行：2021 年版格式应分为 3 个子项（逾期不补正、逾期未缴费、其他）",
                               Location(section="requests", table="表三", line=no if doc.lines else None,
                                        excerpt=line.strip()), "3 个子项", "1 行"))
    for cid in ("t2.norm.made", "t2.norm.repealed", "t2.norm.valid"):
        row = doc.table_lines.get(cid)
        if row and "规范性文件" in row and "行政规范性文件" not in row and "规范性文件" not in seen:
            seen.add("规范性文件")
            out.append(Finding("structure.old_format", "warning",
                               "表二行名为“规范性文件”：2021 年版格式为“行政规范性文件”",
                               Location(section="proactive", table="表二", line=doc.cell_lines.get(cid), excerpt=row),
                               "行政规范性文件", "规范性文件"))
            break
    for marker in doc.old_format_markers:
        key = _WHITESPACE.sub("", marker)
        if key in seen or any(key in s or s in key for s in seen):
            continue
        seen.add(key)
        if any(s in key for s in OLD_FORMAT_STRONG):
            strong.append(marker)
            first = first or Location(excerpt=marker)
        else:
            out.append(Finding("structure.old_format", "warning",
                               f"出现 2019 年试行格式的标记“{marker}”", Location(excerpt=marker), "2021年版格式", marker))
    if strong and first is not None:
        # one defect — tables laid out in the old format — is one error, however many of its labels show
        out.insert(0, Finding("structure.old_format", "error",
                              f"出现 2019 年试行格式的标记{_quoted(strong)}：应使用 2021 年版格式（国办公开办函〔2021〕30号）",
                              first, "2021年版格式", "、".join(strong)))
    return out


# The part of the reports of 2008–2018 (the 2008 条例's outline: 概述 / 主动公开 / 依申请公开 / 政府信息公开的
# 收费及减免情况 / 复议诉讼 / 问题和改进措施) that no later format has: the 2019 条例 ended those fees (only a
# 信息处理费, reported in 六, remains). A report of 2019 or later that lists it — in its preface's list of
# parts, as an item of 一, as a heading — follows the pre-2019 outline.
# (worded “政府信息公开的收费及减免情况”, or “政府信息公开支出和收费情况” in the provinces that added 支出)
_OUTLINE_2008_PART = regex(r"收费及减免|信息公开的?支出[和与及]收费")
_OUTLINE_2008_LAST_YEAR = 2018


def outline_2008_findings(doc: ReportDocument, year: int | None = None) -> list[Finding]:
    """A report of 2019 or later written in the pre-2019 outline (``_OUTLINE_2008_PART``): one warning."""
    if year is not None and year <= _OUTLINE_2008_LAST_YEAR:
        return []
    overview = doc.section("overview")
    texts = [p.text for p in doc.preface] + [s.heading for s in doc.sections]
    texts += [p.text for p in overview.paragraphs] if overview else []
    for text in texts:
        m = _OUTLINE_2008_PART.search(_WHITESPACE.sub("", text)) if "收费" in text else None
        if m is not None:
            return [Finding("structure.old_format", "warning",
                            f"报告列有 2019 年以前年报格式的部分（“{m.group()}”情况）：2021 年版格式没有此项"
                            "（信息处理费在第六部分报告），应按 2021 年版格式的六个部分编写",
                            Location(excerpt=text.strip()[:80]), "2021年版格式", m.group() + "情况")]
    return []


_QUOTED_AT_MOST = 4


def _quoted(markers: list[str]) -> str:
    """“A”“B”“C”, or “A”“B”“C”“D”等 7 项 when there are more than four."""
    shown = "".join(f"“{m}”" for m in markers[:_QUOTED_AT_MOST])
    return shown if len(markers) <= _QUOTED_AT_MOST else f"{shown}等 {len(markers)} 项"


def _body(sec: Section, sdef_title: str) -> str:
    heading = sec.heading
    m = _NUMBERING.match(heading)
    rest = heading[m.end():] if m else heading
    idx = rest.find(sdef_title)
    tail = rest[idx + len(sdef_title):] if idx >= 0 else ""
    return (tail + "\n" + sec.text).strip()


def _shorter_than(text: str, n: int) -> bool:
    """``len(_norm(text)) < n``, from a prefix of ``text`` when that already holds ``n``
    characters that are not punctuation or spaces (``_norm`` drops single characters)."""
    return len(text) < n or (len(_PUNCT.sub("", text[: 4 * n])) < n and len(_PUNCT.sub("", text)) < n)


def problems_findings(doc: ReportDocument) -> list[Finding]:
    sec = doc.section("problems")
    if sec is None:
        return []
    body = "".join(p.text for p in sec.paragraphs if p.kind == "text").strip()
    vague = not any(w in body for w in _PROBLEM_WORDS_BOTH)
    if vague or _BOILERPLATE_NONE.match(body) or _shorter_than(body, 40):
        return [Finding("structure.problems_empty", "warning",
                        "第五部分“存在的主要问题及改进情况”为空或过于简略：应写明具体问题和改进措施",
                        Location(section="problems", line=sec.line, excerpt=body[:80] or None), "具体问题和改进措施",
                        body[:80] or "空")]
    return []


# the measures the fee rules read a claim bound to (a claim in 元 is read whatever its measure)
_FEE_FACTS = frozenset({"fee_notices", "fee_notices_paid", "fees_collected", "fee_notices_amount"})


def fee_findings(doc: ReportDocument, claims: Sequence[LocatedClaim]) -> list[Finding]:
    out: list[Finding] = []
    sec = doc.section("other")
    if sec is not None:
        body = _body(sec, SECTION_BY_KEY["other"].title)
        if not FEE_STATEMENT.search(body):
            out.append(Finding("structure.fee_statement_missing", "warning",
                               "第六部分没有信息处理费情况（未收取也应写明，如“本年度未收取信息处理费”）",
                               Location(section="other", line=sec.line, excerpt=body[:80] or None),
                               "信息处理费收取情况", None))
    issued: list[LocatedClaim] = []  # numbers bound to 收费通知 / 已缴费, in order
    paid: list[LocatedClaim] = []
    zero_notices: list[LocatedClaim] = []  # “未发出收费通知”
    for lc in claims:  # one pass: the few claims of any of the fee rules
        c = lc.claim
        fact = c.fact
        if c.unit != "元" and (fact is None or fact.id not in _FEE_FACTS):
            continue  # (most claims) no fee rule reads it: not in 元, bound to no fee measure
        if c.kind == "zero":
            if fact is not None and fact.id == "fee_notices":
                zero_notices.append(lc)
            continue
        if c.kind != "number":
            continue
        fact_id = fact.id if fact is not None else None
        if fact_id == "fee_notices":
            issued.append(lc)
        elif fact_id == "fee_notices_paid":
            paid.append(lc)
        if c.unit != "元" or not (fact_id in ("fees_collected", "fee_notices_amount") or "费" in c.sentence):
            continue
        if not float(c.value).is_integer() or int(c.value) % 10 != 0:
            out.append(Finding("fee.not_multiple_of_10", "warning",
                               f"收费金额“{c.text}”不是 10 元的整数倍：按件、按量收费标准的单价都是 10 元的倍数",
                               Location(section=lc.section, line=lc.line, excerpt=c.sentence.strip()),
                               "10 元的整数倍", c.shown_value))
    r362 = doc.tables.get("t3.r3_6_2.total")
    if issued and paid and r362 is not None and r362 > issued[0].claim.value - paid[0].claim.value:
        lc = issued[0]
        k, p = fmt(lc.claim.value), fmt(paid[0].claim.value)
        out.append(Finding("fee.notice_vs_table.F4", "warning",
                           f"文中发出收费通知 {k} 件、已缴费 {p} 件，但表三“逾期未缴费”为 {fmt(r362)}，"
                           f"通常不应超过 {k} − {p}（跨年度的通知除外，请核实）",
                           Location(section=lc.section, line=lc.line, excerpt=lc.claim.sentence.strip(),
                                    cell_id="t3.r3_6_2.total"),
                           f"≤ {fmt(lc.claim.value - paid[0].claim.value)}", fmt(r362)))
    for lc in zero_notices if r362 else ():
        c = lc.claim
        out.append(Finding("fee.notice_vs_table.F3", "warning",
                           f"文中称“{c.text}”，但表三“逾期未按收费通知要求缴纳费用”为 {fmt(r362)}"
                           "（上年 12 月发出的通知可能在本年失效，请核实）",
                           Location(section=lc.section, line=lc.line, excerpt=c.sentence.strip(),
                                    cell_id="t3.r3_6_2.total"), 0, fmt(r362)))
    return out


# Section 一 must cover the five aspects of spec §2.4 (S4). Words that name each aspect in a sub-heading.
_TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "proactive": ("主动公开",),
    "on_request": ("申请",),  # 依申请公开, 依法申请公开, 政府信息公开申请办理 …
    "management": ("信息管理",),
    "platforms": ("平台",),
    "supervision": ("监督", "保障"),
}
_SUBHEADING = regex(r"^\s*[（(]([一二三四五六七八九十]+)[）)]\s*")
_HEAD_END = regex(r"[。：:]")
# a sub-heading's head: up to the first 。：: and at most 40 characters (``_HEAD_END.split(text)[0][:40]``),
# matched at the start of any paragraph, or of one ``_SUBHEADING`` matches: one match call gives both
_HEAD = regex(r"[^。：:]{0,40}")
_SUBHEADING_HEAD = regex(r"(?=\s*[（(][一二三四五六七八九十]+[）)])[^。：:]{0,40}")
_ACCOUNTABILITY = ("考核", "评议", "评估", "责任追究", "问责")
_ACCOUNTABILITY_BOTH = _both_scripts(_ACCOUNTABILITY)


def _subheadings(sec: Section) -> list[tuple[str, int | None]]:
    """(sub-heading text, line) of section 一: own lines, or run-in ("（一）主动公开情况。2024年…")."""
    out: list[tuple[str, int | None]] = []
    for p in sec.paragraphs:
        text = p.text
        if p.kind == "subheading":
            m = _HEAD.match(text)
        else:
            first = text[:1]  # ``_SUBHEADING`` needs a bracket after any spaces
            if first not in "（(" and not first.isspace():
                continue
            m = _SUBHEADING_HEAD.match(text)
            if m is None:
                continue
        out.append((m.group().strip(), p.line))  # type: ignore[union-attr]  # ``_HEAD`` matches any text
    return out if len(out) >= 2 else _numbered_items(sec) or out


# An item of a numbered list: "1.主动公开。…", "2、行政机关依申请公开政府信息的数量：无。", "第一，主动公开" — at a
# paragraph's start or after a sentence or a space (several items run in one paragraph), followed by its words.
_NUMBERED_ITEM = regex(r"(?:\d{1,2}\s*[、.．]|第[一二三四五六七八九十]{1,2}\s*[，,、])\s*"
                       r"([\u4e00-\u9fff][^。：:；;，,]{0,39})")
_ITEM_AFTER = frozenset(" \t\u3000\u00a0。；;")


def _numbered_items(sec: Section) -> list[tuple[str, int | None]]:
    """Section 一 organised as a numbered list instead of (一)(二) sub-headings (2008-era reports, towns):
    its items' words, when there are two or more of them; else none."""
    out: list[tuple[str, int | None]] = []
    for p in sec.paragraphs:
        text = p.text
        first = text.lstrip()[:1]
        if not (first.isdigit() or first == "第") and "1、" not in text and "1." not in text and "1．" not in text \
                and "第一" not in text:
            continue  # an item starts the paragraph, or the paragraph runs a list from its first item
        for m in _NUMBERED_ITEM.finditer(text):
            at = m.start()
            if at == 0 or text[at - 1] in _ITEM_AFTER:
                out.append((m.group(1).strip(), p.line))
    return out if len(out) >= 2 else []


def overview_topic_findings(doc: ReportDocument, kind: str | None = None) -> list[Finding]:
    """S4: section 一 covers the five aspects; a government's report also the 考核/评议/责任追究 results.

    The aspects are checked where section 一 is organised by sub-headings (two or more): a
    missing one is usually a deleted or forgotten sub-section. A report written without
    sub-headings is not judged on this (too many legitimate ways to phrase it)."""
    from draft_report.checking.staleness import is_government

    out: list[Finding] = []
    sec = doc.section("overview")
    if sec is None:
        return out
    heads = _subheadings(sec)
    if len(heads) >= 2:
        named = "\n".join([h for h, _ in heads])  # a word in one of them (no word holds a line break)
        for topic in OVERVIEW_TOPICS:
            if any(w in named for w in _TOPIC_WORDS[topic.key]):
                continue
            out.append(Finding("structure.overview_topic_missing", "warning",
                               f"第一部分“总体情况”没有“{topic.title}”方面的小标题（标准格式要求总体情况涵盖"
                               "主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面）",
                               Location(section="overview", line=sec.line, excerpt=sec.heading.strip()),
                               topic.heading, None))
    if is_government(doc.agency or doc.signature or doc.title, kind):
        problems = doc.section("problems")
        text = sec.text + "\n" + (problems.text if problems else "")
        if not any(w in text for w in _ACCOUNTABILITY_BOTH):
            out.append(Finding("structure.accountability_missing", "warning",
                               "人民政府的年报应在“总体情况（监督保障）”或第五部分写明工作考核、社会评议和责任追究结果情况"
                               "（《条例》第五十条），报告中没有找到",
                               Location(section="overview", line=sec.line, excerpt=sec.heading.strip()),
                               "工作考核、社会评议和责任追究结果情况", None))
    return out
