"""The format document a report says it was written to (its preface's citation of the 年报格式).

A preface commonly cites the document whose format it follows. Two documents set that format: the 2019
trial format (国办公开办函〔2019〕60号) for the 2019 and 2020 reports, and the 2021 format
(国办公开办函〔2021〕30号) from the 2021 reports on (spec §6). A citation is read as (issuer, year, number):
- the 2019 notice cited by a report of 2021 or later: the preface still follows the superseded format
  (``structure.old_format``, warning: the tables decide whether the report really is in the old format);
- the 2021 format's year and number under another issuer (“国办发〔2021〕30号”, “国办函〔2021〕30号”) where the
  sentence speaks of the report's format or compilation: a slip in the document number
  (``structure.format_citation``, warning).
Other documents (provincial notices, the 条例 itself) are not the format: nothing is said of them.
"""

from __future__ import annotations

from draft_report.checking.claims import sentences
from draft_report.checking.findings import Finding, Location
from draft_report.models.document import ReportDocument
from draft_report.regex_cache import regex
from draft_report.tables import layout as L

FORMAT_2021 = ("国办公开办函", 2021, 30)
NOTICE_2019 = ("国办公开办函", 2019, 60)
# 国办…〔2021〕30号 / 国办公开办函[2019]60号 (brackets of any kind, spaces allowed)
_CITATION = regex(r"(国办[\u4e00-\u9fff]{0,6}?)\s*[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*第?\s*(\d{1,4})\s*号")
_ABOUT_FORMAT = ("格式", "年度报告", "年报", "编制", "编写")


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` (``claims.sentences``, closing punctuation included) holding ``text[at]``."""
    return next((sent for start, sent in sentences(text) if start <= at < start + len(sent)), "")


def _opening_texts(doc: ReportDocument) -> list[tuple[str, int | None]]:
    """The preface's paragraphs and section 一's first one (some reports open 一 with the preface)."""
    out = [(p.text, p.line) for p in doc.preface]
    overview = doc.section("overview")
    if overview is not None and overview.paragraphs:
        first = overview.paragraphs[0]
        out.append((first.text, first.line))
    return out


def citation_findings(doc: ReportDocument, year: int | None) -> list[Finding]:
    """Findings on the format document the opening of the report cites. ``year``: the year that decides
    the report's format (``engine.format_year``); unknown → the 2019 notice is not judged."""
    out: list[Finding] = []
    for text, line in _opening_texts(doc):
        if "号" not in text or "国办" not in text:
            continue  # (almost every paragraph) no 国办 document number
        for m in _CITATION.finditer(text):
            issuer, cited_year, number = m.group(1), int(m.group(2)), int(m.group(3))
            excerpt = _sentence_at(text, m.start()).strip()
            cited = m.group().replace(" ", "")
            if (issuer, cited_year, number) == NOTICE_2019:
                last = L.LAYOUT_2019.last_year
                if year is not None and last is not None and year > last:
                    out.append(Finding(
                        "structure.old_format", "warning",
                        f"序言引用的是 2019 年试行格式的通知（{cited}）：{year} 年度的报告应按 2021 年版格式"
                        "（国办公开办函〔2021〕30号）编制",
                        Location(section="preface", line=line, excerpt=excerpt), "国办公开办函〔2021〕30号", cited))
            elif (cited_year, number) == FORMAT_2021[1:] and issuer != FORMAT_2021[0] and any(
                w in excerpt for w in _ABOUT_FORMAT
            ):
                out.append(Finding(
                    "structure.format_citation", "warning",
                    f"序言引用的年报格式文件文号“{cited}”可能有误：年报格式文件为“国办公开办函〔2021〕30号”",
                    Location(section="preface", line=line, excerpt=excerpt), "国办公开办函〔2021〕30号", cited))
    return out
