"""The report title broken at phrase boundaries, for the Word document and the HTML preview.

A 2号 (22 pt) line of the 156 mm text block holds 20 characters; a longer title is broken
between the agency and “year + report name” (夏县乡村振兴局 / 2023年度政府信息公开工作年度报告),
never inside a word.
"""

from __future__ import annotations

import re

_TITLE_LINE_WIDTH = 20.0  # characters of 2号 (22 pt) in the 156 mm text block
_TITLE_PARTS = re.compile(r"^(?P<agency>.+?)(?P<year>\d{4}年度?)(?P<name>.+)$")
# Places where an agency name may break: after an administrative level or an office word.
_AGENCY_BREAK = re.compile(
    r"(?:省|自治区|市(?!场|辖)|自治州|州|盟|地区|县(?!级|域)|自治县|旗|区(?!域|划)|镇|乡(?!村)|街道|人民政府|委员会)"
)


def _width(text: str) -> float:
    """Printed width in characters: Chinese characters 1, digits and Latin letters ½."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _split_agency(agency: str) -> list[str]:
    """An agency name too long for one title line, broken after an administrative word."""
    if _width(agency) <= _TITLE_LINE_WIDTH:
        return [agency]
    best = None
    for m in _AGENCY_BREAK.finditer(agency):
        head = agency[: m.end()]
        if m.end() < len(agency) and _width(head) <= _TITLE_LINE_WIDTH:
            best = m.end()
    if best is None:
        return [agency]
    return [agency[:best], *_split_agency(agency[best:])]


def title_lines(title: str) -> list[str]:
    """The title broken at phrase boundaries: agency / year + report name.

    A title that fits one line stays whole; the agency keeps a line of its own (broken after an
    administrative word if it is itself too long), and year and report name go together unless
    they do not fit, in which case the report name gets its own line.
    """
    if _width(title) <= _TITLE_LINE_WIDTH or any(ch.isspace() for ch in title):
        return [title]  # spacing of the author's own is kept as written
    m = _TITLE_PARTS.match(title)
    if not m:
        return [title]
    agency, year, name = m["agency"], m["year"], m["name"]
    lines = _split_agency(agency)
    if _width(year + name) <= _TITLE_LINE_WIDTH:
        return [*lines, year + name]
    if _width(lines[-1] + year) <= _TITLE_LINE_WIDTH:
        return [*lines[:-1], lines[-1] + year, name]
    return [*lines, year, name]
