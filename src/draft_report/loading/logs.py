"""Apply the activity logs named in the data file to a ``Dataset`` (tables and aggregates)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from draft_report.loading.dataset import Dataset


def apply_logs(dataset: Dataset) -> None:
    """Read each log file listed under ``logs`` and merge what it yields into the dataset."""
    return None
