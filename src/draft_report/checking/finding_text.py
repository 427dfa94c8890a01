"""One wording of a finding for people: the terminal (check, audit, draft), Word comments.

A finding reads Chinese first: severity, message, then what the value should be and what the
report has (one vocabulary everywhere: 应为 … ；报告中为 …). The rule id (``table.identity.H4``)
is for tools and bug reports: it is in the JSON output and, for people, only when asked for
(``--verbose``). Findings are duck-typed (``checking.Finding`` or a dict with the same fields).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SEVERITY_LABEL = {"error": "错误", "warning": "警告", "info": "提示"}
EXPECTED_LABEL = "应为"
ACTUAL_LABEL = "报告中为"


def field(finding: Any, name: str) -> Any:
    if isinstance(finding, Mapping):
        return finding.get(name)
    return getattr(finding, name, None)


def _shown(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def severity_label(finding: Any) -> str:
    severity = str(field(finding, "severity") or "")
    return SEVERITY_LABEL.get(severity, severity)


def values_text(finding: Any) -> str | None:
    """``应为：11；报告中为：0`` — either half left out when unknown; None when both are."""
    parts = []
    expected, actual = _shown(field(finding, "expected")), _shown(field(finding, "actual"))
    if expected is not None:
        parts.append(f"{EXPECTED_LABEL}：{expected}")
    if actual is not None:
        parts.append(f"{ACTUAL_LABEL}：{actual}")
    return "；".join(parts) or None


def rule_text(finding: Any) -> str:
    """The rule id for ``--verbose``: ``（规则 table.identity.H4）``."""
    rule = field(finding, "rule")
    return f"（规则 {rule}）" if rule else ""


def finding_text(finding: Any, *, severity: bool = True, values: bool = True, verbose: bool = False) -> str:
    """One line: ``错误：表四“行政复议”总计不符（应为：11；报告中为：0）``."""
    text = str(field(finding, "message") or "").strip()
    if values:
        shown = values_text(finding)
        if shown:
            text = f"{text}（{shown}）"
    if severity:
        label = severity_label(finding)
        text = f"{label}：{text}" if label else text
    if verbose:
        text += rule_text(finding)
    return text
