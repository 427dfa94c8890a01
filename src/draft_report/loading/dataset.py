"""``load_dataset``: the data file plus its activity logs → one validated ``Dataset``."""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from draft_report.errors import InputError
from draft_report.loading import errors as E
from draft_report.loading import files as F
from draft_report.loading.guards import TABLE_NAMES, drop_blank_tables, prefilled_carry_in, refuse_odd_values
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
from draft_report.records import dataclass
from draft_report.tables import layout as L


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


@dataclass
class RawData:
    """The data file read but not yet validated: YAML/JSON or the workbook, one structure."""

    raw: dict[str, Any]
    path: Path
    line_of: Any  # loc → YAML line (int) or workbook cell (“表三!E12”) or None
    notices: list[str] = field(default_factory=list)
    blank_tables: list[str] = field(default_factory=list)
    dropped: dict[str, Any] = field(default_factory=dict)  # blank tables as given (pre-filled rows kept)

    @property
    def is_workbook(self) -> bool:
        return self.path.suffix.lower() in F.WORKBOOK_SUFFIXES


def read_raw(path: Path) -> RawData:
    """Read a data file (or a folder holding one) into plain values, normalised and screened."""
    path = F.resolve_data_path(Path(path))
    if path.suffix.lower() in F.WORKBOOK_SUFFIXES:
        from draft_report.workbook.read import read_workbook

        book = read_workbook(path)
        found = RawData(book.raw, path, book.where_of, list(book.notices), list(book.blank_tables), book.dropped)
    else:
        raw, text = F.read_data_file(path)
        found = RawData(raw, path, F.line_finder(text, path))
        found.dropped = drop_blank_tables(raw)
        found.blank_tables = list(found.dropped)
    refuse_odd_values(found.raw, path, found.line_of)
    read_notices, found.line_of = normalize_raw(found.raw, found.line_of)
    found.notices[:0] = read_notices
    return found


def validate_raw(found: RawData) -> ReportData:
    data = _validate(found)
    # a number written as text (“1e400”) becomes a float only now: refuse what is not finite
    refuse_odd_values(data.model_dump(exclude_defaults=True), found.path, found.line_of)
    return data


def _validate(found: RawData) -> ReportData:
    if not found.is_workbook:
        return validate_data(found.raw, found.path, found.line_of)
    try:
        return ReportData.model_validate(found.raw)
    except ValidationError as exc:
        message, where = E.translate(exc, ReportData, line_of=found.line_of)
        for name, label in TABLE_NAMES.items():
            message = message.replace(f"{name} 中 ", "").replace(f"{name} 勾稽", f"{label}勾稽")
        raise InputError(message, path=str(found.path), where=where) from None


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
    found = read_raw(path)
    require_filled(found)
    data = validate_raw(found)
    dataset = Dataset(data=data, aggregates=Aggregates(typed_aggregates(data)), path=found.path)
    dataset.notices.extend(found.notices)
    from draft_report.loading.logs import apply_logs

    apply_logs(dataset)
    dataset.notices.extend(carry_in_notices(dataset, found))
    dataset.notices.extend(similar_name_notices(dataset.aggregates))
    _require_tables(dataset, found)
    dataset.notices.extend(fee_notices(data))
    return dataset


def carry_in_notices(dataset: Dataset, found: RawData) -> list[str]:
    """A 上年结转 pre-filled from last year's report that the register does not reproduce."""
    typed = prefilled_carry_in(found.dropped.get("table3"))
    table = dataset.data.table3
    if not typed or table is None or dataset.sources.get("table3") in (None, "数据文件"):
        return []
    out = []
    for col, value in typed.items():
        derived = table.get(f"t3.r2_carry_in.{col}")
        if derived != value:
            loc = ("table3", "r2_carry_in", col)
            at = found.line_of(loc) if found.line_of else None
            where = at if isinstance(at, str) else (f"第{at}行" if at else "table3.r2_carry_in")
            label = L.T3_COLUMN_BY_ID[col].label if col in L.T3_COLUMN_BY_ID else col
            out.append(
                f"{where}：表三“二、上年结转”{label}填写为 {value}（上年报告的结转下年度），而台账 "
                f"{dataset.sources['table3']} 推算为 {derived}；以台账为准，请核对上年结转的申请是否都已登记"
            )
    return out


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


def _require_tables(dataset: Dataset, found: RawData) -> None:
    missing = [key for key in TABLE_NAMES if getattr(dataset.data, key) is None]
    for key in TABLE_NAMES:
        if key not in missing:
            dataset.sources.setdefault(key, "数据文件")
    if missing:
        raise missing_tables_error(found, missing)


_TABLE_LOGS = {"table3": "requests", "table4": "cases"}


def require_filled(found: RawData) -> None:
    """Before validation: a table neither filled in nor named as a register is the first thing to say."""
    given = found.raw.get("logs")
    logs: dict[str, Any] = given if isinstance(given, dict) else {}
    missing = [
        key
        for key in TABLE_NAMES
        if found.raw.get(key) is None and not (key in _TABLE_LOGS and logs.get(_TABLE_LOGS[key]))
    ]
    if missing:
        raise missing_tables_error(found, missing)


def missing_tables_error(found: RawData, missing: list[str]) -> InputError:
    labels = "、".join(TABLE_NAMES[k] for k in missing)
    blank = [k for k in missing if k in found.blank_tables]
    if found.is_workbook:
        how = f"请在“{'”“'.join(TABLE_NAMES[k] for k in missing)}”工作表中逐格填写（没有发生的填 0，不要留空）"
        logs = "“基本信息”中的依申请公开登记台账文件" if "table3" in missing else ""
        if "table4" in missing:
            logs += ("或" if logs else "“基本信息”中的") + "复议诉讼案件清单文件"
    else:
        if len(blank) != len(missing):
            labels = "、".join(f"{TABLE_NAMES[k]}（{k}）" for k in missing)
        how = f"请在数据文件的 {'、'.join(missing)} 中逐格填写（没有发生的填 0，不要留空）"
        logs = "logs.requests（依申请公开登记台账）" if "table3" in missing else ""
        if "table4" in missing:
            logs += ("或" if logs else "") + "logs.cases（复议诉讼案件清单）"
    also = f"；表三、表四也可以由台账生成：填写{logs}" if logs else ""
    state = "尚未填写" if len(blank) == len(missing) else ("缺少数据" if found.is_workbook else "")
    if not state:
        return InputError(f"缺少{labels}：{how}{also}", path=str(found.path))
    return InputError(f"{labels}{state}：{how}{also}", path=str(found.path))
