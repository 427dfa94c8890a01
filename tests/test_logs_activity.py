"""Publications and work events → aggregates; the Aggregates interface."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from draft_report.errors import InputError
from draft_report.logs.activity import (
    EVENTS_SPEC,
    PUBLICATIONS_SPEC,
    event_counts,
    in_year,
    parse_events,
    parse_publications,
    publication_counts,
)
from draft_report.logs.aggregates import Aggregates
from draft_report.logs.readers import read_log


def test_publications_per_channel_and_column(tmp_path: Path) -> None:
    p = tmp_path / "p.csv"
    p.write_text(
        "日期,渠道,栏目,标题\n"
        "2024-01-02,政府网站,工作动态,a\n2024-02-02,政府网站,工作动态,b\n2024-03-02,政府网站,政策文件,c\n"
        "2024-04-02,微信公众号,工作动态,d\n2024-05-02,微信公众号,,e\n2023-12-31,政府网站,工作动态,old\n",
        encoding="utf-8",
    )
    records = parse_publications(read_log(p, PUBLICATIONS_SPEC), p)
    kept, left = in_year(records, 2024)
    assert left == 1
    agg = Aggregates(publication_counts(kept))
    assert agg.get("publications.total") == 5
    assert agg.get("publications.channel:政府网站") == 3
    assert agg.get("publications.channel:微信公众号") == 2
    assert agg.get("publications.column:工作动态") == 3
    assert agg.get("publications.channel:政府网站.column:工作动态") == 2
    assert agg.get("publications.channel:微信公众号.column:工作动态") == 1
    assert agg.get("publications.column:通知公告") is None
    assert agg.keys() == sorted(agg.keys())
    assert dict(agg.items())["publications.column:政策文件"] == 1


def test_events_per_kind_with_participants(tmp_path: Path) -> None:
    p = tmp_path / "e.csv"
    p.write_text(
        "日期,类型,标题,参加人数\n2024-03-12,培训,a,45\n2024-06-20,培训,b,18人\n2024-07-01,检查,c,\n",
        encoding="utf-8",
    )
    records = parse_events(read_log(p, EVENTS_SPEC), p)
    assert records[0].date == dt.date(2024, 3, 12)
    agg = Aggregates(event_counts(records))
    assert (agg.get("events.total"), agg.get("events.kind:培训"), agg.get("events.kind:检查")) == (3, 2, 1)
    assert agg.get("events.kind:培训.participants") == 63
    assert agg.get("events.kind:检查.participants") is None
    assert agg.get("events.participants") == 63


def test_empty_logs_give_zero_totals() -> None:
    assert Aggregates(publication_counts([])).items() == [("publications.total", 0)]
    assert Aggregates(event_counts([])).get("events.total") == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2024-03-12,培训,a,很多", "不是不小于 0 的整数"),
        ("2024-03-12,,a,4", "“类型”不能为空"),
        ("3月12日,培训,a,4", "不是有效日期"),
    ],
)
def test_bad_event_rows(tmp_path: Path, line: str, expected: str) -> None:
    p = tmp_path / "e.csv"
    p.write_text("日期,类型,标题,参加人数\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=expected) as err:
        parse_events(read_log(p, EVENTS_SPEC), p)
    assert "e.csv" in str(err.value) and "第2行" in str(err.value)
