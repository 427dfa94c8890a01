"""Findings and the check result — the stable output contract of ``draft-report check``.

JSON (``CheckResult.to_json``)::

    {"findings": [{"rule": str, "severity": "error"|"warning"|"info", "message": str,
                   "location": {"section", "table", "row", "column", "line", "excerpt", "cell_id"},
                   "expected", "actual"}],
     "summary": {...}}

Location keys may be null; ``cell_id`` is an extension (e.g. ``t3.r1_new.total``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field
from typing import Any, Literal

from draft_report.records import dataclass

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Location:
    """Where a finding is: section, table cell or line, and the text quoted."""

    section: str | None = None  # section key (overview … other), "preface", or None for the whole report
    table: str | None = None  # 表二 / 表三 / 表四
    row: str | None = None
    column: str | None = None
    line: int | None = None
    excerpt: str | None = None  # the sentence or the table row quoted
    cell_id: str | None = None
    # where ``line`` is, for people, when the source has no lines (Word: “第5段（“……”）”);
    # not part of the JSON contract, which keeps ``line``
    place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "line": self.line,
            "excerpt": self.excerpt,
            "cell_id": self.cell_id,
        }


def shown(value: Any) -> str | None:
    """``expected``/``actual`` in the JSON: a string (numbers without a trailing .0) or null."""
    if value is None:
        return None
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class Finding:
    """One problem (or note) the checker reports: rule id, severity, Chinese message, place, values."""

    rule: str
    severity: Severity
    message: str
    location: Location = field(default_factory=Location)
    expected: Any = None
    actual: Any = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "location": self.location.to_dict(),
            "expected": shown(self.expected),
            "actual": shown(self.actual),
        }

    def key(self) -> tuple[Any, ...]:
        """Identity of a finding across two runs (used by the bench to tell new findings)."""
        loc = self.location
        return (self.rule, loc.section, loc.cell_id, loc.row, loc.column, loc.excerpt, shown(self.expected), shown(self.actual))


_new = object.__new__  # a frozen record built without its class call: its ``__dict__`` filled directly


_NO_PLACE: dict[str, Any] = dict(vars(Location()))  # ``Location()``'s fields, as its ``__init__`` sets them


def sentence_location(section: str | None, line: int | None, excerpt: str | None) -> Location:
    """``Location(section=section, line=line, excerpt=excerpt)`` built without the class call (the
    same instance, its ``__dict__`` as ``__init__`` sets it): the place of a prose claim's finding,
    made for most claims of an unverified report."""
    loc = _new(Location)
    fields = loc.__dict__  # filled in place: cheaper than setting a new ``__dict__`` (callgrind: 3.5k vs 4.4k instructions)
    fields.update(_NO_PLACE)
    fields["section"] = section
    fields["line"] = line
    fields["excerpt"] = excerpt
    return loc


@dataclass
class CheckResult:
    """Everything the checker found in one report, with what it was checked against."""

    findings: list[Finding]
    source: str | None = None
    agency: str | None = None
    year: int | None = None
    data_source: str | None = None
    previous_source: str | None = None

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def by_severity(self, severity: str) -> list[Finding]:
        return [f for f in self.findings if f.severity == severity]

    @property
    def summary(self) -> dict[str, Any]:
        counts = Counter(f.severity for f in self.findings)
        return {
            "errors": counts.get("error", 0),
            "warnings": counts.get("warning", 0),
            "info": counts.get("info", 0),
            "by_rule": dict(sorted(Counter(f.rule for f in self.findings).items())),
            "source": self.source,
            "agency": self.agency,
            "year": self.year,
            "data": self.data_source,
            "previous": self.previous_source,
            "checked_against": "data" if self.data_source else "report_tables",
            "passed": not self.has_errors,
        }

    def to_dict(self) -> dict[str, Any]:
        return {"findings": [f.to_dict() for f in self.findings], "summary": self.summary}

    def to_json(self, indent: int | None = 2) -> str:
        import json  # lazy: only for --format json

        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
