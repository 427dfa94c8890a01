"""LLM-style phrasings of the facts of examples/scjg-2024, for the checker bench.

Each sentence states figures of the example's data the way a drafter (or an LLM) might word
them: channels and kinds named as lists, 分别, elliptic clauses (…，废止1件), 其中 breakdowns,
quoted column names, idioms and slogans. ``run_phrasings`` checks every sentence against the
data (errors and warnings are false alarms: every figure is right), then changes each verified
number by one and counts how many of those edits are caught (a ``prose.mismatch``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from draft_report.checking import check_prose
from draft_report.checking.claims import extract_claims
from draft_report.checking.prose import FactSource
from draft_report.lexicon.numerals import find_quantities, replace_number
from draft_report.loading import load_dataset
from draft_report.models.document import Paragraph

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "scjg-2024"

PHRASINGS: tuple[str, ...] = (
    "全年通过政府网站和微信公众号发布信息96条。",
    "全年通过政府网站、微信公众号发布信息96条，其中政府网站64条、微信公众号32条。",
    "政府网站和微信公众号分别发布信息64条、32条。",
    "政府网站发布信息64条，微信公众号发布32条。",
    "通过政府网站、微信公众号等渠道共发布信息96条。",
    "全年共主动公开政府信息96条。",
    "在政府网站“工作动态”栏目发布信息36条，“政策文件”栏目6条，“通知公告”栏目12条，“行政执法公示”栏目10条。",
    "在政府网站“工作动态”和“通知公告”栏目发布信息48条。",
    "微信公众号“政策解读”栏目发布解读信息8条。",
    "依托政府网站专栏发布工作动态36条、通知公告12条。",
    "全年开展政策解读4次，参与295人次；组织业务培训3次，参训93人次。",
    "召开新闻发布会1次，开展政务公开专项检查2次。",
    "全年组织培训、政策解读活动共7次。",
    "全年组织培训和政策解读分别为3次、4次。",
    "对现行有效的9件行政规范性文件开展清理，废止1件，全年制发行政规范性文件2件。",
    "本年制发行政规范性文件2件，废止1件，现行有效9件。",
    "废止规范性文件1件。",
    "全年作出行政许可决定1286件、行政处罚决定147件、行政强制决定23件。",
    "全年行政事业性收费0万元。",
    "全年新收政府信息公开申请18件，其中自然人11件，法人或其他组织7件，上年结转2件。",
    "全年新收政府信息公开申请十八件，上年结转两件。",
    "全年办结18件，其中予以公开7件，部分公开2件，不予公开3件，无法提供3件，不予处理1件，其他处理2件，结转下年度2件。",
    "发生政府信息公开行政复议1件，结果维持1件；行政诉讼1件，尚未审结1件。",
    "发生行政复议和行政诉讼分别为1件、1件。",
    "发出收费通知2件，其中1件已缴费，实际收取信息处理费120元。",
    "把政务公开作为一项重要任务，落实“一件事一次办”“一网通办”，坚持一事一审，坚决做到“两个维护”，增强“四个意识”。",
    "坚持以人民为中心，落实一次性告知制度，围绕一个中心开展工作。",
)


def run_phrasings(path: Path = EXAMPLE) -> dict[str, Any]:
    ds = load_dataset(path)
    source = FactSource.from_dataset(ds)
    facts = source.facts()
    alarms: list[str] = []
    unverified = 0
    edits = caught = 0
    for text in PHRASINGS:
        findings = check_prose("overview", [Paragraph(text=text, line=1)], ds)
        alarms += [f"{f.rule}: {f.message}" for f in findings if f.severity != "info"]
        unverified += sum(f.severity == "info" for f in findings)
        verified = [c for c in extract_claims(text, facts) if c.kind == "number" and c.fact is not None and not c.approx]
        for c in verified:
            q = next(q for q in find_quantities(c.sentence) if q.start == c.start)
            offset = text.index(c.sentence)
            new = replace_number(q, int(c.value) + 1)
            mutated = text[: offset + q.start] + new + text[offset + q.end :]
            result = check_prose("overview", [Paragraph(text=mutated, line=1)], ds)
            edits += 1
            caught += any(f.rule == "prose.mismatch" and f.actual == str(int(c.value) + 1) for f in result)
    return {"sentences": len(PHRASINGS), "false_alarms": alarms, "unverified": unverified,
            "edits": edits, "caught": caught}
