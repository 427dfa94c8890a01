"""The checker: reconcile every prose claim and every table identity of a report.

Public entry points: ``check_document`` (a whole report, optionally against ``--data`` and
``--previous``) and ``check_prose`` (one drafted section vs the data, for the LLM repair
loop). Rule ids and severities are listed in ``checking.rules.RULES`` and docs/checker.md.
"""

from draft_report.checking.engine import check_document
from draft_report.checking.findings import CheckResult, Finding, Location
from draft_report.checking.prose import check_prose

__all__ = ["CheckResult", "Finding", "Location", "check_document", "check_prose"]
