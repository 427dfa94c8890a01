"""Staleness and deadline: years that do not fit the report year, expired topics, late publication."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from itertools import accumulate

from draft_report.checking.claims import sentences
from draft_report.checking.findings import Finding, Location
from draft_report.models.document import Paragraph, ReportDocument
from draft_report.records import dataclass
from draft_report.regex_cache import regex

_YEAR = regex(r"((?:19|20)\d{2})\s*年")
# Every year pattern below needs these digits and a 年 (masking only blanks characters out).
_YEAR_DIGITS = regex(r"(?:19|20)\d{2}")
# every digit run a year pattern could read as a year, overlapping ones too (“202019年” holds 2019)
_EVERY_YEAR = regex(r"(?=((?:19|20)\d{2}))")
_BRACKET = regex("[《“》”]")
_RANGE_CHARS = "-－–—~～至到"
# a sentence opening with a year (“2022年，…”), after a run-in sub-heading ended by 。/：or by a space
# (“（三）政府信息管理情况 2022年，…”)
_LEADING = regex(
    r"^\s*(?:[（(][一二三四五六七八九十]+[）)]\s*\S{0,20}?(?:[。．.：:]\s*|\s+))?"
    r"((?:19|20)\d{2})\s*年(?:度)?(?:以来|，|,|我|全|本|共)"
)
_PERIOD_START = regex(r"自\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
# the statistics period as prefaces write it: a range from 1 January to 31 December, the end's year often
# left out (“为2022年1月1日至2022年12月31日”, “从2022年1月1日到12月31日止”, “2022年1月1日—12月31日”)
_PERIOD = regex(
    r"((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*起?\s*[至到—－–\-~～]+\s*"
    r"(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日?"
)


@dataclass(frozen=True)
class ExpiredTopic:
    """A phrase that is stale in reports from the year ``since`` on (疫情防控 …). ``key``: a part
    of the word (itself by default) that a text holds whenever it holds the word — a single
    character other reports rarely hold where there is one, since testing a text for one
    character is a far quicker scan than testing it for a word."""

    word: str
    since: int  # stale in reports for this year and later
    key: str = ""

    @property
    def part(self) -> str:
        return self.key or self.word


# 疫情防控 ended with the 2023-01-08 downgrade (乙类乙管); 十三五 ended in 2020.
EXPIRED_TOPICS: tuple[ExpiredTopic, ...] = (
    ExpiredTopic("疫情防控", 2023, "疫"),
    ExpiredTopic("新冠肺炎", 2023, "冠"),
    ExpiredTopic("新冠疫情", 2023, "疫"),
    ExpiredTopic("新型冠状病毒", 2023, "冠"),
    ExpiredTopic("常态化疫情", 2023, "疫"),
    ExpiredTopic("核酸检测", 2023, "酸"),
    ExpiredTopic("抗疫", 2023, "疫"),
    ExpiredTopic("防疫", 2023, "疫"),
    ExpiredTopic("复工复产", 2023),
    ExpiredTopic("十三五", 2022),
)


def _masked(text: str) -> str:
    """Blank out book titles and quotations: years there are names, not statements."""
    if "《" not in text and "“" not in text:
        return text  # nothing opens a title or a quotation
    # walk the brackets only: a character is blanked while a title or quotation is open,
    # and so is the bracket that closes it (nesting counts; a stray closer is kept)
    parts: list[str] = []
    depth = 0
    start = 0  # where the current run (open or not) began
    for m in _BRACKET.finditer(text):
        at = m.start()
        if m.group() in "《“":
            if depth == 0:
                parts.append(text[start:at])
                start = at
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                parts.append(" " * (at + 1 - start))
                start = at + 1
    parts.append(" " * (len(text) - start) if depth else text[start:])
    return "".join(parts)


Paragraphs = list[tuple[str | None, Paragraph]]  # (section key, paragraph)


def prose_paragraphs(doc: ReportDocument) -> Paragraphs:
    items: Paragraphs = [("preface", p) for p in doc.preface]
    for sec in doc.sections:
        if sec.key in ("proactive", "requests", "review_litigation"):
            continue
        items += [(sec.key, p) for p in sec.paragraphs]
    return items


def _only_year(text: str, year: str) -> bool:
    """True when no year but ``year`` can be read in ``text`` (False: maybe another). A year
    starts where “19” or “20” is (the two never overlap); when ``year`` holds exactly one such
    place, a text with as many of them as copies of ``year`` has no other — three substring
    counts instead of a regex scan."""
    if year.count("19") + year.count("20") != 1:
        return False
    return text.count("19") + text.count("20") == text.count(year)


@cache
def _other_year(own_year: str) -> tuple[re.Pattern[str], ...]:
    """Patterns of which one finds a year-like digit run (what ``_EVERY_YEAR`` finds, at any
    position) other than ``own_year``: one per first two digits, each starting with its literal
    digits (a quick scan for them, where an alternation tests every character)."""
    out = []
    for prefix in ("19", "20"):
        if own_year[:2] == prefix and len(own_year) == 4:
            out.append(regex(f"{prefix}(?!{re.escape(own_year[2:])})\\d{{2}}"))
        else:
            out.append(regex(f"{prefix}\\d{{2}}"))
    return tuple(out)


def _other_year_paragraphs(texts: list[str], own_year: str) -> list[int]:
    """The indices of the ``texts`` that hold a year-like digit run other than ``own_year``, in
    order: each ``_other_year`` pattern searched over the texts joined (a year never holds a
    line break), again only from the paragraph after each one found."""
    joined = "\n".join(texts)
    patterns = [p for p in _other_year(own_year) if p.search(joined) is not None]
    if not patterns:
        return []  # no year but the report's own anywhere (the usual report)
    bounds = list(accumulate([len(t) + 1 for t in texts]))  # where each next text starts
    found: set[int] = set()
    for pattern in patterns:
        at = 0
        while at < bounds[-1] and (m := pattern.search(joined, at)) is not None:
            k = bisect_right(bounds, m.start())
            found.add(k)
            at = bounds[k]
    return sorted(found)


def year_findings(doc: ReportDocument, year: int | None, paragraphs: Paragraphs | None = None) -> list[Finding]:
    if year is None:
        return []
    out: list[Finding] = []
    own_year = str(year)
    items = paragraphs if paragraphs is not None else prose_paragraphs(doc)
    # a year other than the report's is in few paragraphs; in the others only its own: nothing to flag
    for k in _other_year_paragraphs([p.text for _, p in items], own_year):
        section, p = items[k]
        if "年" not in p.text:
            continue
        for _, sent in sentences(p.text):
            if "年" not in sent or _only_year(sent, own_year) or not _YEAR_DIGITS.search(sent):
                continue  # no year, or only the report's own: nothing to flag
            masked = _masked(sent)
            flagged: set[int] = set()
            for m in _YEAR.finditer(masked):
                y = int(m.group(1))
                before = masked[: m.start()].rstrip()
                after = masked[m.end():].lstrip()
                if (before and before[-1] in _RANGE_CHARS) or (after and after[0] in _RANGE_CHARS):
                    continue
                since = after.startswith("以来") or (before and before[-1] in "自从")
                if y > year + 1 or (y < year - 1 and not since):
                    flagged.add(y)
            lead = _LEADING.match(masked)
            if lead and int(lead.group(1)) == year - 1:
                flagged.add(year - 1)
            period = _PERIOD_START.search(masked)
            if period and int(period.group(1)) != year:
                flagged.add(int(period.group(1)))
            for span in _PERIOD.finditer(masked):  # a statistics period is the report's year, start and end
                flagged.update(y for y in {int(span.group(1)), int(span.group(2) or span.group(1))} if y != year)
            for y in sorted(flagged):
                out.append(Finding("stale.year", "warning",
                                   f"文中年份“{y}年”与报告年度 {year} 年不符，可能沿用了往年文字",
                                   Location(section=section, line=p.line, excerpt=sent.strip()), year, y))
    return out + carry_over_findings(items, year, out)


# Where requests are carried to: “结转至2025年”, “转结2025年办结”, “转入2025年度继续办理” — the year after the
# verb is the destination (a year before it, “2023年结转”, is where they come from). A report for year N
# carries open requests to N + 1, so any other destination year is text of another year's report.
_CARRY_TO = regex(r"(?:结转|转结|转入)(?:(?:至|到|入)\s*((?:19|20)\d{2})\s*年度?"
                  r"|\s*((?:19|20)\d{2})\s*年度?\s*(?:继续)?(?:办结|办理|处理|答复))")


def carry_over_findings(items: Paragraphs, year: int, known: Iterable[Finding] = ()) -> list[Finding]:
    """A carry-over (``_CARRY_TO``) whose destination is not the year after the report's."""
    done = {(f.location.line, f.actual) for f in known}
    out: list[Finding] = []
    for section, p in items:
        text = p.text
        if "结转" not in text and "转结" not in text and "转入" not in text:
            continue
        for m in _CARRY_TO.finditer(text):
            y = int(m.group(1) or m.group(2))
            if y == year + 1 or (p.line, y) in done:
                continue
            done.add((p.line, y))
            out.append(Finding("stale.year", "warning",
                               f"结转的去向写的是“{y}年”：{year} 年度未办结的申请应结转到 {year + 1} 年，可能沿用了往年文字",
                               Location(section=section, line=p.line, excerpt=_sentence_at(text, m.start())),
                               year + 1, y))
    return out


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` that holds position ``at``."""
    start = max(text.rfind(c, 0, at) for c in "。；;！？") + 1
    ends = [i for i in (text.find(c, at) for c in "。；;！？") if i >= 0]
    return text[start:(min(ends) + 1 if ends else len(text))].strip()


@cache
def _expired(year: int) -> tuple[tuple[ExpiredTopic, ...], tuple[str, ...], tuple[str, ...]]:
    """The topics stale in a report for ``year``, their words (empty: no topic is stale yet)
    and their keys (``ExpiredTopic.part``, each once); built once per year."""
    topics = tuple(t for t in EXPIRED_TOPICS if year >= t.since)
    return topics, tuple(t.word for t in topics), tuple(dict.fromkeys(t.part for t in topics))


def _names_any(words: tuple[str, ...], text: str) -> bool:
    """True when ``text`` holds one of ``words`` (one substring search each: cheaper than one
    regex alternation of them over Chinese text, whose every common first character is a try)."""
    return any(w in text for w in words)


def topic_findings(doc: ReportDocument, year: int | None, paragraphs: Paragraphs | None = None) -> list[Finding]:
    if year is None:
        return []
    out: list[Finding] = []
    topics, words, keys = _expired(year)
    if not words:
        return out
    items = paragraphs if paragraphs is not None else prose_paragraphs(doc)
    text = "\n".join([p.text for _, p in items])
    if not _names_any(keys, text) or not _names_any(words, text):
        return out  # no topic in any paragraph (no key, or no topic word: none holds a line break)
    for section, p in items:
        if not _names_any(words, p.text):
            continue  # a sentence's hits are the paragraph's hits
        for _, sent in sentences(p.text):
            hits = [t.word for t in topics if t.word in sent]
            if hits:
                out.append(Finding("stale.topic", "warning",
                                   f"“{hits[0]}”已不是 {year} 年度的工作内容，可能沿用了往年文字",
                                   Location(section=section, line=p.line, excerpt=sent.strip()), None, hits[0]))
    return out


# A 人民政府 named as reports name it: “某县人民政府”, the short “某县政府” / “某镇政府”, or a township by its
# name alone (“八里镇”, “兴隆乡”, “某民族乡”; 鎮/鄉 on a 繁體 page): 乡（镇）is a level of government (宪法
# 第三十条), its report is the 乡镇人民政府's. A 街道 / 街道办事处 is not: it is a 派出机关 of the district's
# government, and neither is an office of a government (“某县人民政府办公室”) — their names end otherwise.
_GOVERNMENT_NAME = re.compile(r"(?:政府|[\u4e00-\u9fff](?<![城])[镇乡鎮鄉])$")


def is_government(agency: str | None, kind: str | None = None) -> bool:
    """The government's own report (31 March) rather than a department's (31 January)."""
    if kind is not None:
        return kind == "人民政府"
    return bool(agency) and _GOVERNMENT_NAME.search(agency.rstrip()) is not None  # type: ignore[union-attr]


def deadline(year: int, government: bool) -> dt.date:
    return dt.date(year + 1, 3, 31) if government else dt.date(year + 1, 1, 31)


def deadline_findings(doc: ReportDocument, year: int | None, kind: str | None = None) -> list[Finding]:
    if year is None or doc.date is None:
        return []
    government = is_government(doc.agency or doc.signature or doc.title, kind)
    due = deadline(year, government)
    if doc.date <= due:
        return []
    who = "本级人民政府年报" if government else "部门年报"
    return [Finding("deadline.late", "warning",
                    f"发布日期 {doc.date.year}年{doc.date.month}月{doc.date.day}日晚于{who}的法定期限 "
                    f"{due.year}年{due.month}月{due.day}日（条例第四十九条）",
                    Location(section="other", excerpt=doc.signature), due.isoformat(), doc.date.isoformat())]


# A plan in section 五: a year, then (within a few characters: 我局/全镇/本机关 …) 将 and a word that makes
# it the future tense (将进一步、将继续 …; not 将 as a preposition: “2023年将政务公开纳入考核” is done work).
_PLAN = regex(
    r"((?:19|20)\d{2})\s*年度?\s*[，,]?\s*[\u4e00-\u9fff]{0,8}?将\s*"
    r"(?:进一步|继续|持续|加强|加大|不断|着力|重点|全面|围绕|按照|坚持|深入|积极|认真|切实|从以下)"
)


def plan_year_findings(doc: ReportDocument, year: int | None, known: Iterable[Finding] = ()) -> list[Finding]:
    """Section 五's improvement plans are for the next year: a plan dated the report's own year or the
    year before (“下一步，2023年我局将进一步…” in the 2023 report) was written for an earlier report.
    ``known``: the year findings already made (a sentence flagged for that year is not flagged again)."""
    sec = doc.section("problems")
    if year is None or sec is None:
        return []
    seen = {(f.location.line, f.actual) for f in known}
    out: list[Finding] = []
    for p in sec.paragraphs:
        if "将" not in p.text or _PLAN.search(p.text) is None:
            continue  # (most paragraphs) no dated plan at all: no sentence to look at
        for _, sent in sentences(p.text):
            for m in _PLAN.finditer(_masked(sent)):
                y = int(m.group(1))
                if y in (year - 1, year) and (p.line, y) not in seen:
                    seen.add((p.line, y))
                    out.append(Finding("stale.year", "warning",
                                       f"第五部分的改进计划写的是“{y}年”：{year} 年度报告的计划应是 {year + 1} 年的，"
                                       "可能沿用了往年文字",
                                       Location(section="problems", line=p.line, excerpt=sent.strip()), year + 1, y))
    return out


# “…完成2024年政府信息公开年度报告，并于2024年1月15日之前…公布”: the annual report of year X and the
# date it was published, in one clause chain (no 。； between them)
_REPORT_PUBLISHED = regex(
    r"((?:19|20)\d{2})\s*年度?[^。；;]{0,30}?(?:年度报告|年报)[^。；;]{0,40}?于\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月"
)


def publication_year_findings(paragraphs: Paragraphs) -> list[Finding]:
    """An annual report is published after the year it reports on: “X年…年度报告…于Y年…” with Y ≤ X is
    a year changed by mistake (a find-and-replace of last year's text turns “2023年年报于2024年1月发布”
    into “2024年年报于2024年1月发布”). Book titles are masked (“《2023年…年度报告》” names, not dates)."""
    out: list[Finding] = []
    for section, p in paragraphs:
        text = p.text
        if "于" not in text or ("年报" not in text and "年度报告" not in text):
            continue  # (nearly every paragraph) no publication of a report
        for _, sent in sentences(text):
            for m in _REPORT_PUBLISHED.finditer(_masked(sent)):
                reported, published = int(m.group(1)), int(m.group(2))
                if published <= reported:
                    out.append(Finding("stale.year", "warning",
                                       f"文中“{reported}年”的年度报告于 {published} 年发布：年度报告在次年发布，"
                                       "年份可能有误（沿用往年文字时改错了年份？）",
                                       Location(section=section, line=p.line, excerpt=sent.strip()),
                                       published - 1, reported))
    return out


def staleness_findings(doc: ReportDocument, year: int | None, kind: str | None = None) -> Iterable[Finding]:
    paragraphs = prose_paragraphs(doc)
    years = year_findings(doc, year, paragraphs)
    return [*years, *plan_year_findings(doc, year, years), *publication_year_findings(paragraphs),
            *topic_findings(doc, year, paragraphs), *deadline_findings(doc, year, kind)]
