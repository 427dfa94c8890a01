"""Apply the activity logs named in the data file to a ``Dataset`` (tables and aggregates).

A log and numbers typed into the data file may both be given; they must agree, otherwise an
``InputError`` names both.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from draft_report.errors import InputError
from draft_report.logs import activity, cases, requests
from draft_report.logs.aggregates import Aggregates, event_keys, publication_keys
from draft_report.logs.readers import LogSpec, read_log
from draft_report.models.data import complete_table
from draft_report.tables import layout as L

if TYPE_CHECKING:
    from draft_report.loading.dataset import Dataset


def _log_path(dataset: Dataset, key: str, spec: LogSpec) -> Path | None:
    name = getattr(dataset.data.logs, key)
    if not name:
        return None
    path = dataset.folder / name
    if not path.is_file():
        raise InputError(
            f"logs.{key} 指定的{spec.title}“{name}”不存在（路径相对于数据文件所在文件夹）",
            path=str(dataset.path),
        )
    return path


def _display(dataset: Dataset, path: Path) -> str:
    try:
        return str(path.relative_to(dataset.folder))
    except ValueError:
        return str(path)


def apply_logs(dataset: Dataset) -> None:
    """Read each log file listed under ``logs`` and merge what it yields into the dataset."""
    counts: dict[str, int] = dict(dataset.aggregates.items())
    _apply_publications(dataset, counts)
    _apply_events(dataset, counts)
    _apply_requests(dataset)
    _apply_cases(dataset)
    dataset.aggregates = Aggregates(counts)


def _left_out(dataset: Dataset, title: str, shown: str, left: int) -> None:
    if left:
        dataset.notices.append(f"{title} {shown}：{left} 条记录的日期不在 {dataset.data.year} 年度内，已略去")


def _compare_counts(
    dataset: Dataset, log_counts: dict[str, int], typed: list[tuple[str, int, str]], shown: str, title: str, unit: str
) -> None:
    for key, value, label in typed:
        got = log_counts.get(key, 0)
        if got != value:
            raise InputError(
                f"数据文件 {label}填写为 {value} {unit}，而{title} {shown} 统计 {dataset.data.year} 年度为 {got} {unit}；"
                "两者应一致（可删去数据文件中的数字，以记录为准）",
                path=str(dataset.path),
            )


def _replace_category(counts: dict[str, int], prefix: str, new: dict[str, int]) -> None:
    for key in [k for k in counts if k.startswith(prefix)]:
        del counts[key]
    counts.update(new)


def _apply_publications(dataset: Dataset, counts: dict[str, int]) -> None:
    spec = activity.PUBLICATIONS_SPEC
    path = _log_path(dataset, "publications", spec)
    if path is None:
        return
    shown = _display(dataset, path)
    records = activity.parse_publications(read_log(path, spec), path)
    kept, left = activity.in_year(records, dataset.data.year)
    _left_out(dataset, spec.title, shown, left)
    log_counts = activity.publication_counts(kept)
    typed = []
    for i, p in enumerate(dataset.data.activity.publications):
        key = publication_keys(p.channel, p.column)[-1]
        where = f"{p.channel}/{p.column}" if p.column else p.channel
        typed.append((key, p.count, f"activity.publications 第{i + 1}项（{where}）"))
    _compare_counts(dataset, log_counts, _merge_typed(typed), shown, spec.title, "条")
    _replace_category(counts, "publications.", log_counts)
    dataset.records["publications"] = kept


def _merge_typed(typed: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Typed rows naming the same key are summed before comparison."""
    merged: dict[str, tuple[int, str]] = {}
    for key, value, label in typed:
        if key in merged:
            old, old_label = merged[key]
            merged[key] = (old + value, f"{old_label}与{label}")
        else:
            merged[key] = (value, label)
    return [(k, v, lbl) for k, (v, lbl) in merged.items()]


def _apply_events(dataset: Dataset, counts: dict[str, int]) -> None:
    spec = activity.EVENTS_SPEC
    path = _log_path(dataset, "events", spec)
    if path is None:
        return
    shown = _display(dataset, path)
    records = activity.parse_events(read_log(path, spec), path)
    kept, left = activity.in_year(records, dataset.data.year)
    _left_out(dataset, spec.title, shown, left)
    log_counts = activity.event_counts(kept)
    typed = []
    for i, e in enumerate(dataset.data.activity.events):
        typed.append((event_keys(e.kind)[-1], e.count, f"activity.events 第{i + 1}项（{e.kind}）"))
        if e.participants is not None:
            typed_p = (f"{event_keys(e.kind)[-1]}.participants", e.participants, f"activity.events 第{i + 1}项（{e.kind}）参加人次")
            _compare_counts(dataset, log_counts, [typed_p], shown, spec.title, "人次")
    _compare_counts(dataset, log_counts, _merge_typed(typed), shown, spec.title, "次")
    _replace_category(counts, "events.", log_counts)
    dataset.records["events"] = kept


def _compare_table(dataset: Dataset, key: str, derived: Any, shown: str, title: str) -> None:
    typed = getattr(dataset.data, key)
    diffs = [cid for cid, v in derived.cells().items() if typed.get(cid) != v]
    if diffs:
        first = diffs[0]
        more = f"（共 {len(diffs)} 个单元格不一致）" if len(diffs) > 1 else ""
        raise InputError(
            f"数据文件中 {key} 的{L.describe_cell(first)}填写为 {typed.get(first)}，而{title} {shown} "
            f"推算为 {derived.get(first)}{more}；两者应一致（可删去数据文件中的 {key}，由{title}生成）",
            path=str(dataset.path),
        )


def _apply_requests(dataset: Dataset) -> None:
    spec = requests.REQUESTS_SPEC
    path = _log_path(dataset, "requests", spec)
    if path is None:
        return
    shown = _display(dataset, path)
    records = requests.parse_requests(read_log(path, spec), path)
    summary = requests.derive_table3(records, dataset.data.year)
    complete_table(summary.table, "table3")
    dataset.notices.extend(requests.register_notices(summary, dataset.data.year, f"{spec.title} {shown}"))
    if dataset.data.table3 is not None:
        _compare_table(dataset, "table3", summary.table, shown, spec.title)
    dataset.data.table3 = summary.table
    dataset.sources["table3"] = shown
    dataset.records["requests"] = records


def _apply_cases(dataset: Dataset) -> None:
    spec = cases.CASES_SPEC
    path = _log_path(dataset, "cases", spec)
    if path is None:
        return
    shown = _display(dataset, path)
    records = cases.parse_cases(read_log(path, spec), path)
    summary = cases.derive_table4(records, dataset.data.year)
    complete_table(summary.table, "table4")
    dataset.notices.extend(cases.case_notices(summary, dataset.data.year, f"{spec.title} {shown}"))
    if dataset.data.table4 is not None:
        _compare_table(dataset, "table4", summary.table, shown, spec.title)
    dataset.data.table4 = summary.table
    dataset.sources["table4"] = shown
    dataset.records["cases"] = records
