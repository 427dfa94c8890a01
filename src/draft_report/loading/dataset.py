"""``load_dataset``: the data file plus its activity logs → one validated ``Dataset``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from draft_report.errors import InputError
from draft_report.loading import errors as E
from draft_report.loading import files as F
from draft_report.loading.lenient import normalize_raw
from draft_report.logs.aggregates import (
    Aggregates,
    add_counts,
    event_keys,
    participant_keys,
    publication_keys,
    similar_name_notices,
)
from draft_report.models.data import ReportData


@dataclass
class Dataset:
    """Everything the drafter and checker need about one agency-year."""

    data: ReportData
    aggregates: Aggregates
    path: Path
    notices: list[str] = field(default_factory=list)
    # where each table came from: "数据文件" or the log file name
    sources: dict[str, str] = field(default_factory=dict)
    # parsed log records, by log name (publications/events/requests/cases)
    records: dict[str, list[Any]] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return self.path.parent


def validate_data(raw: dict[str, Any], path: Path, line_of: Any = None) -> ReportData:
    try:
        return ReportData.model_validate(raw)
    except ValidationError as exc:
        message, where = E.translate(exc, ReportData, line_of=line_of)
        raise InputError(message, path=str(path), where=where) from None


def typed_aggregates(data: ReportData) -> dict[str, int]:
    """Counts typed directly into the data file (``activity``)."""
    counts: dict[str, int] = {}
    for p in data.activity.publications:
        add_counts(counts, publication_keys(p.channel, p.column), p.count)
    for e in data.activity.events:
        add_counts(counts, event_keys(e.kind), e.count)
        if e.participants is not None:
            add_counts(counts, participant_keys(e.kind), e.participants)
    return counts


def load_dataset(path: Path) -> Dataset:
    """Read and validate a data file (or a folder holding ``data.yaml``) and its logs.

    Raises ``InputError`` with a Chinese message naming the file, field, CSV line or cell.
    """
    path = F.resolve_data_path(Path(path))
    raw, node = F.read_data_file(path)
    line_of = F.line_finder(node)
    read_notices, line_of = normalize_raw(raw, line_of)
    data = validate_data(raw, path, line_of)
    dataset = Dataset(data=data, aggregates=Aggregates(typed_aggregates(data)), path=path)
    dataset.notices.extend(read_notices)
    from draft_report.loading.logs import apply_logs

    apply_logs(dataset)
    dataset.notices.extend(similar_name_notices(dataset.aggregates))
    _require_tables(dataset)
    dataset.notices.extend(fee_notices(data))
    return dataset


def fee_notices(data: ReportData) -> list[str]:
    """Fees under 国办函〔2020〕109号 are multiples of 10 元; anything else is probably a typo."""
    out = []
    for name, label in (("notices_amount_yuan", "收费通知金额合计"), ("collected_yuan", "实际收取金额")):
        value = getattr(data.fees, name)
        if value and value % 10:
            out.append(
                f"fees.{name}（{label}）为 {value:g} 元，不是 10 元的整数倍；按件、按量收费标准下应为 10 元的整数倍，请核对"
            )
    return out


def _require_tables(dataset: Dataset) -> None:
    data = dataset.data
    names = {"table2": "表二（table2）", "table3": "表三（table3）", "table4": "表四（table4）"}
    hints = {
        "table3": "，或在 logs.requests 中给出依申请公开登记台账",
        "table4": "，或在 logs.cases 中给出复议诉讼案件清单",
    }
    for key, label in names.items():
        if getattr(data, key) is None:
            raise InputError(
                f"缺少{label}：请在数据文件中填写{hints.get(key, '')}（没有发生的填 0）",
                path=str(dataset.path),
            )
        dataset.sources.setdefault(key, "数据文件")
