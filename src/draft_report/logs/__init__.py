"""Activity logs next to the data file: publications, work events, the 依申请 register, cases."""

from draft_report.logs.aggregates import Aggregates

__all__ = ["Aggregates"]
