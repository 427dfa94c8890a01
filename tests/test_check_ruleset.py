"""Rule ids are stable and documented: every rule the checker emits is in ``RULES`` and the docs."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from checkdocs import make_doc, make_tables
from draft_report.checking import check_document
from draft_report.checking.rules import RULE_BY_ID, RULES

DOCS = Path(__file__).resolve().parent.parent / "docs" / "checker.md"


def test_every_rule_is_documented_with_its_severity() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for rule in RULES:
        row = next((line for line in text.splitlines() if line.startswith(f"| `{rule.id}`")), None)
        assert row is not None, rule.id
        assert rule.severity in row, rule.id


def test_emitted_rules_are_known_and_severities_match() -> None:
    doc = make_doc(
        {"overview": ["2021年，全年未收到政府信息公开申请，严格落实疫情防控要求，发布信息37条。"], "problems": ["无。"],
         "other": ["本年度无其他事项。"]},
        tables=make_tables({"t4.rv.total": 9, "t3.r1_new.total": 7}),
        headings={"review_litigation": "四、政府信息公开行政复议、行政诉讼情"},
        date=dt.date(2024, 3, 1),
        lines=["本年新制作数量"],
    )
    result = check_document(doc, previous=make_doc(year=2022))
    emitted = {f.rule for f in result.findings}
    assert len(emitted) >= 12
    for f in result.findings:
        rule = RULE_BY_ID[f.rule]
        assert f.severity == rule.severity or re.match(r"structure\.old_format|cross\.carry_over", f.rule)


def test_scope_and_previous_year_rules_are_registered() -> None:
    doc = make_doc({"overview": ["区政府办代表区政府受理政府信息公开申请 17 件。"]})
    result = check_document(doc, previous=make_doc(year=2020))
    emitted = {f.rule: f.severity for f in result.findings}
    for rid in ("prose.scope_mismatch", "cross.previous_year"):
        assert emitted[rid] == RULE_BY_ID[rid].severity == "warning"
