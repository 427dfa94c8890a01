"""``check_document``: every rule over one report, optionally against data and last year."""

from __future__ import annotations

import dataclasses
from typing import Any

from draft_report.checking.citations import citation_findings
from draft_report.checking.findings import SEVERITY_ORDER, CheckResult, Finding, Location
from draft_report.checking.prose import FactSource, document_claims, prose_findings
from draft_report.checking.staleness import staleness_findings
from draft_report.checking.structure import (
    fee_findings,
    heading_findings,
    old_format_findings,
    outline_2008_findings,
    overview_topic_findings,
    problems_findings,
)
from draft_report.checking.table_rules import cell_findings, data_findings, table_identity_findings
from draft_report.models.document import ReportDocument
from draft_report.tables.years import report_year

SECTION_ORDER: dict[str | None, int] = {
    "preface": 0, "overview": 1, "proactive": 2, "requests": 3, "review_litigation": 4, "problems": 5,
    "other": 6, None: 7,
}


def _order(f: Finding) -> tuple[int, int, int]:
    return (SECTION_ORDER.get(f.location.section, 7), SEVERITY_ORDER[f.severity], f.location.line or 0)


def check_document(doc: ReportDocument, dataset: Any = None, previous: Any = None) -> CheckResult:
    """Check one report. ``dataset``: a loaded ``Dataset`` (``--data``); ``previous``: last
    year's ``Dataset`` or ``ReportDocument`` (``--previous``). Without data, the report's
    prose is checked against its own tables."""
    source = FactSource.from_dataset(dataset) if dataset is not None else FactSource.from_document(doc)
    source.previous = FactSource.from_any(previous)  # 同比/较上年 claims
    year = doc.year if doc.year is not None else (dataset.data.year if dataset is not None else None)
    kind = dataset.data.agency.kind if dataset is not None else None
    claims = document_claims(doc, source.facts())
    findings: list[Finding] = []
    table_findings, folded = table_identity_findings(doc, dataset, claims)
    findings += table_findings
    findings += cell_findings(doc)
    if dataset is not None:
        findings += data_findings(doc, dataset)
    prose = prose_findings(claims, source)
    if folded:  # a prose number that states the value a table cause should have is that cause, not another
        prose = [f for f in prose if not (f.rule == "prose.mismatch" and (f.location.line, f.actual) in folded)]
    findings += prose
    findings += heading_findings(doc)
    findings += overview_topic_findings(doc, kind)
    fmt_year = format_year(doc, year)
    old_format = old_format_findings(doc, fmt_year)
    findings += old_format
    findings += citation_findings(doc, fmt_year)
    findings += outline_2008_findings(doc, fmt_year)
    findings += problems_findings(doc)
    findings += fee_findings(doc, claims)
    findings += staleness_findings(doc, year, kind)
    if dataset is not None and doc.year is not None and doc.year != dataset.data.year:
        findings.append(Finding("stale.year", "warning",
                                f"报告年度 {doc.year} 年与数据文件的年度 {dataset.data.year} 年不符",
                                Location(excerpt=doc.title or None), dataset.data.year, doc.year))
    if previous is not None:
        from draft_report.checking.crossyear import cross_year_findings  # only with --previous

        findings += cross_year_findings(doc, previous, year)
    findings = _drop_redundant(findings, old_format)
    if doc.line_places:  # Word: which paragraph or table row; PDF: which page — not "第8行"
        findings = [_placed(f, doc.line_places) for f in findings]
    findings.sort(key=_order)
    return CheckResult(
        findings=findings,
        source=doc.source,
        agency=doc.agency,
        year=year,
        data_source=str(dataset.path) if dataset is not None and getattr(dataset, "path", None) else None,
        previous_source=_previous_source(previous),
    )


def format_year(doc: ReportDocument, year: int | None) -> int | None:
    """The year that decides the report's format: the title's, the preface's (statistics
    period), the data file's, else the year before the signing date."""
    found = report_year(doc.year, [p.text for p in doc.preface])
    if found is None:
        found = year
    if found is None and doc.date is not None:
        found = doc.date.year - 1
    return found


def _placed(finding: Finding, places: dict[int, str]) -> Finding:
    line = finding.location.line
    if line is None or line not in places:
        return finding
    return dataclasses.replace(finding, location=dataclasses.replace(finding.location, place=places[line]))


def _drop_redundant(findings: list[Finding], old_format: list[Finding]) -> list[Finding]:
    """A single-row （六）其他处理 is reported once (old format, one of ``old_format``: the
    findings of ``old_format_findings``), not again as 3 blank rows."""
    single_six = any(f.rule == "structure.old_format" and f.actual == "1 行" for f in old_format)
    if not single_six:
        return findings
    return [
        f for f in findings
        if not (f.rule == "table.blank.H6" and (f.location.cell_id or "").startswith("t3.r3_6_"))
    ]


def _previous_source(previous: Any) -> str | None:
    if previous is None:
        return None
    if isinstance(previous, ReportDocument):
        return previous.source
    path = getattr(previous, "path", None)
    return str(path) if path else None
