"""Publication records and work events → aggregates for the report year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from draft_report.logs.aggregates import add_counts, event_keys, participant_keys, publication_keys
from draft_report.logs.readers import Column, LogRow, LogSpec
from draft_report.logs.values import parse_count, parse_date, parse_each, required
from draft_report.records import dataclass

PUBLICATIONS_SPEC = LogSpec(
    key="publications",
    title="信息发布记录",
    columns=(
        Column("日期", aliases=("发布日期", "发布时间")),
        Column("渠道", aliases=("发布渠道", "平台", "发布平台")),
        Column("栏目", aliases=("所属栏目",)),
        Column("标题", aliases=("信息标题", "文章标题")),
    ),
)

EVENTS_SPEC = LogSpec(
    key="events",
    title="工作活动记录",
    columns=(
        Column("日期", aliases=("活动日期", "时间")),
        Column("类型", aliases=("活动类型",)),
        Column("标题", aliases=("名称", "活动名称", "内容")),
        Column("参加人数", required=False, aliases=("参加人次", "人数")),
    ),
)


@dataclass(frozen=True)
class Publication:
    line: int
    date: dt.date
    channel: str
    column: str | None
    title: str


@dataclass(frozen=True)
class Event:
    line: int
    date: dt.date
    kind: str
    title: str
    participants: int | None


def parse_publications(rows: list[LogRow], path: Path) -> list[Publication]:
    return parse_each(rows, path, PUBLICATIONS_SPEC.title, lambda row: _publication(row, path))


def _publication(row: LogRow, path: Path) -> Publication:
    date = parse_date(path, row, "日期")
    assert date is not None
    column = row.get("栏目")
    return Publication(
        row.line,
        date,
        str(required(path, row, "渠道")),
        str(column) if column is not None else None,
        str(required(path, row, "标题")),
    )


def parse_events(rows: list[LogRow], path: Path) -> list[Event]:
    return parse_each(rows, path, EVENTS_SPEC.title, lambda row: _event(row, path))


def _event(row: LogRow, path: Path) -> Event:
    date = parse_date(path, row, "日期")
    assert date is not None
    return Event(
        row.line,
        date,
        str(required(path, row, "类型")),
        str(required(path, row, "标题")),
        parse_count(path, row, "参加人数"),
    )


def publication_counts(records: list[Publication]) -> dict[str, int]:
    counts: dict[str, int] = {"publications.total": 0}
    for p in records:
        add_counts(counts, publication_keys(p.channel, p.column), 1)
    return counts


def event_counts(records: list[Event]) -> dict[str, int]:
    counts: dict[str, int] = {"events.total": 0}
    for e in records:
        add_counts(counts, event_keys(e.kind), 1)
        if e.participants is not None:
            add_counts(counts, participant_keys(e.kind), e.participants)
    return counts


def in_year(records: list, year: int) -> tuple[list, int]:
    """Records dated within ``year`` and how many were left out."""
    kept = [r for r in records if r.date.year == year]
    return kept, len(records) - len(kept)
