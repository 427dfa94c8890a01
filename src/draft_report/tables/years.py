"""The year a report is about, which decides the format its tables are read and judged in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from draft_report.regex_cache import regex

_PERIOD = regex(r"(20\d\d)\s*年\s*1\s*月\s*1\s*日\s*[至到—–-]+\s*(?:(20\d\d)\s*年\s*)?12\s*月\s*31\s*日")
_YEAR_OF_REPORT = regex(r"(20\d\d)\s*年度?(?:政府信息公开|政务公开|信息公开)")


def report_year(title_year: int | None, preface: Iterable[str], signed: dt.date | None = None) -> int | None:
    """The year a report is about: its title's; else the statistics period or “N年度政府信息公开…”
    in the preface; else the year before the date it was signed (reports are published in N+1)."""
    if title_year is not None:
        return title_year
    text = "".join(preface)
    for pattern in (_PERIOD, _YEAR_OF_REPORT):
        m = pattern.search(text)
        if m is not None:
            return int(m.group(1))
    return signed.year - 1 if signed is not None else None
