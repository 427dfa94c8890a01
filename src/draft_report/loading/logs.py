"""Apply the activity logs named in the data file to a ``Dataset`` (tables and aggregates).

A log and numbers typed into the data file may both be given; they must agree, otherwise an
``InputError`` names both.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draft_report.errors import InputError
from draft_report.logs import activity, cases, requests
from draft_report.logs.aggregates import Aggregates, event_keys, publication_keys
from draft_report.logs.readers import LogRow, LogSpec, read_log
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


def _read(
    dataset: Dataset, key: str, spec: LogSpec, parse: Callable[[list[LogRow], Path], list[Any]]
) -> tuple[list[Any], str] | None:
    """Parsed records of the log named under ``logs.<key>`` and its display name; None if not named."""
    path = _log_path(dataset, key, spec)
    if path is None:
        return None
    skipped: list[int] = []
    ignored: list[str] = []
    records = parse(read_log(path, spec, skipped, ignored), path)
    shown = _display(dataset, path)
    if ignored:
        names = "”“".join(ignored)
        dataset.notices.append(f"{spec.title} {shown}：“{names}”列不是本台账需要的列，读取时已略去")
    if skipped:
        lines = "、".join(f"第{n}行" for n in skipped)
        dataset.notices.append(f"{spec.title} {shown}：{lines}是合计行，不作为记录，已略去（合计由程序计算）")
    return records, shown


def apply_logs(dataset: Dataset) -> None:
    """Read each log file listed under ``logs`` and merge what it yields into the dataset."""
    counts: dict[str, int] = dict(dataset.aggregates.items())
    _apply_count_log(
        dataset,
        counts,
        "publications",
        activity.PUBLICATIONS_SPEC,
        activity.parse_publications,
        activity.publication_counts,
        _typed_publications(dataset),
    )
    _apply_count_log(
        dataset,
        counts,
        "events",
        activity.EVENTS_SPEC,
        activity.parse_events,
        activity.event_counts,
        _typed_events(dataset),
    )
    _apply_requests(dataset)
    _apply_cases(dataset)
    dataset.aggregates = Aggregates(counts)


# A typed count to compare with a log: (aggregate key, value, where it was typed, unit)
Typed = tuple[str, int, str, str]


def _compare_counts(
    dataset: Dataset, log_counts: dict[str, int], typed: list[Typed], shown: str, title: str
) -> None:
    for key, value, label, unit in typed:
        got = log_counts.get(key, 0)
        if got != value:
            raise InputError(
                f"数据文件 {label}填写为 {value} {unit}，而{title} {shown} 统计 {dataset.data.year} 年度为 {got} {unit}；"
                "两者应一致（可删去数据文件中的数字，以记录为准）",
                path=str(dataset.path),
            )


def _merge_typed(typed: list[Typed]) -> list[Typed]:
    """Typed rows naming the same key are summed before comparison."""
    merged: dict[str, Typed] = {}
    for key, value, label, unit in typed:
        if key in merged:
            _, old, old_label, _ = merged[key]
            merged[key] = (key, old + value, f"{old_label}与{label}", unit)
        else:
            merged[key] = (key, value, label, unit)
    return list(merged.values())


def _typed_publications(dataset: Dataset) -> list[Typed]:
    out = []
    for i, p in enumerate(dataset.data.activity.publications):
        where = f"{p.channel}/{p.column}" if p.column else p.channel
        out.append(
            (
                publication_keys(p.channel, p.column)[-1],
                p.count,
                f"activity.publications 第{i + 1}项（{where}）",
                "条",
            )
        )
    return out


def _typed_events(dataset: Dataset) -> list[Typed]:
    out = []
    for i, e in enumerate(dataset.data.activity.events):
        key, label = event_keys(e.kind)[-1], f"activity.events 第{i + 1}项（{e.kind}）"
        out.append((key, e.count, label, "次"))
        if e.participants is not None:
            out.append((f"{key}.participants", e.participants, f"{label}参加人次", "人次"))
    return out


def _apply_count_log(
    dataset: Dataset,
    counts: dict[str, int],
    key: str,
    spec: LogSpec,
    parse: Callable[[list[LogRow], Path], list[Any]],
    count: Callable[[list[Any]], dict[str, int]],
    typed: list[Typed],
) -> None:
    """A log that yields counts (publications, events); it replaces the typed counts it agrees with."""
    found = _read(dataset, key, spec, parse)
    if found is None:
        return
    records, shown = found
    kept, left = activity.in_year(records, dataset.data.year)
    if left:
        dataset.notices.append(
            f"{spec.title} {shown}：{left} 条记录的日期不在 {dataset.data.year} 年度内，已略去"
        )
    log_counts = count(kept)
    _compare_counts(dataset, log_counts, _merge_typed(typed), shown, spec.title)
    for k in [k for k in counts if k.startswith(f"{key}.")]:
        del counts[k]
    counts.update(log_counts)
    dataset.records[key] = kept


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


def _apply_table_log(
    dataset: Dataset,
    key: str,
    table_key: str,
    spec: LogSpec,
    parse: Callable[[list[LogRow], Path], list[Any]],
    derive: Callable[[list[Any], int], Any],
    notices: Callable[[Any, int, str], list[str]],
) -> None:
    """A log that yields a whole table (register → 表三, case list → 表四)."""
    found = _read(dataset, key, spec, parse)
    if found is None:
        return
    records, shown = found
    summary = derive(records, dataset.data.year)
    complete_table(summary.table, table_key)
    dataset.notices.extend(notices(summary, dataset.data.year, f"{spec.title} {shown}"))
    if getattr(dataset.data, table_key) is not None:
        _compare_table(dataset, table_key, summary.table, shown, spec.title)
    setattr(dataset.data, table_key, summary.table)
    dataset.sources[table_key] = shown
    dataset.records[key] = records


def _apply_requests(dataset: Dataset) -> None:
    _apply_table_log(
        dataset,
        "requests",
        "table3",
        requests.REQUESTS_SPEC,
        requests.parse_requests,
        requests.derive_table3,
        requests.register_notices,
    )


def _apply_cases(dataset: Dataset) -> None:
    _apply_table_log(
        dataset,
        "cases",
        "table4",
        cases.CASES_SPEC,
        cases.parse_cases,
        cases.derive_table4,
        cases.case_notices,
    )
