"""Every size limit on input, in one place, with the Chinese message shown when one is exceeded.

The limits keep time and memory bounded for any input, hostile ones included (a fuzz run under
``bench/fuzz.py`` checks peak memory < 500 MB for inputs < 10 MB). They sit far above anything a
real report or register needs: a real annual report is 50–300 KB of text, 200–800 paragraphs and
three tables of at most 10 columns.

Raise ``LimitExceeded`` (an ``InputError``: exit code 2) through ``check_limit`` or directly.
"""

from __future__ import annotations

from draft_report.errors import InputError

MB = 1024 * 1024

# --- files --------------------------------------------------------------------------------
MAX_TEXT_REPORT_BYTES = 3 * MB  # a .txt/.md/.html report (real ones: < 300 KB; portal pages < 1 MB)
MAX_DATA_FILE_BYTES = 5 * MB  # data.yaml / data.json (real ones: < 50 KB)
MAX_DOCX_BYTES = 100 * MB  # the .docx file itself (images make real ones up to ~30 MB)
MAX_DOCX_UNCOMPRESSED_BYTES = 200 * MB  # all parts of a .docx once unzipped (zip bombs)
MAX_DOCX_XML_PART_BYTES = 10 * MB  # one XML part of a .docx unzipped (document.xml of a real report: < 2 MB)

# --- report structure ---------------------------------------------------------------------
MAX_REPORT_PARAGRAPHS = 20_000  # paragraphs (or text lines) in one report (real ones: < 1,000)
MAX_TABLE_SPAN = 200  # gridSpan / colspan / rowspan of one cell
MAX_TABLE_CELLS = 20_000  # cells of all tables in one report (real ones: < 1,000)
MAX_TABLE_NESTING = 8  # a table inside a cell inside a table …
MAX_XML_DEPTH = 200  # element nesting in a .docx XML part (libxml2's own default cap is 256)

# --- data files ---------------------------------------------------------------------------
MAX_NESTING_DEPTH = 100  # lists/maps inside lists/maps in YAML/JSON (real data files: < 8)
MAX_DATA_VALUES = 200_000  # values once YAML aliases (*name) are expanded (real data files: < 2,000)
MAX_NUMBER_DIGITS = 30  # digits of one number in a data file or report (real ones: < 15)

# --- registers (XLSX / CSV; used by ``logs.readers``) --------------------------------------
MAX_REGISTER_ROWS = 200_000
MAX_REGISTER_COLUMNS = 200
MAX_REGISTER_BYTES = 50 * MB
MAX_MERGED_CELLS = 100_000  # cells covered by merged ranges in one sheet

# --- prose --------------------------------------------------------------------------------
MAX_NUMBERS_PER_SENTENCE = 500  # numbers in one sentence the checker binds (real ones: < 40)
MAX_ANSWER_CHARS = 200_000  # one LLM answer (a drafted section is 1–5 thousand characters)


class LimitExceeded(InputError):
    """An input exceeds one of the limits above (exit code 2)."""


def _shown(value: int, unit: str) -> str:
    if unit == "字节":
        if value >= MB:
            return f"{value / MB:.1f} MB"
        if value >= 1024:
            return f"{value / 1024:.0f} KB"
    return f"{value:,} {unit}".strip()


def check_limit(
    actual: int, limit: int, what: str, *, unit: str = "", path: str | None = None, where: str | None = None,
    hint: str = "",
) -> None:
    """Raise ``LimitExceeded`` when ``actual`` > ``limit``: “{what}超过上限（实际 …，上限 …）”."""
    if actual > limit:
        raise exceeded(what, limit, unit=unit, actual=actual, path=path, where=where, hint=hint)


def exceeded(
    what: str, limit: int, *, unit: str = "", actual: int | None = None, path: str | None = None,
    where: str | None = None, hint: str = "",
) -> LimitExceeded:
    """The error for ``what`` exceeding ``limit`` (``actual`` when known)."""
    seen = f"实际 {_shown(actual, unit)}，" if actual is not None else ""
    tail = f"；{hint}" if hint else "；这不像是一份正常的文件，请检查是否选错了文件或文件已损坏"
    return LimitExceeded(f"{what}超过上限（{seen}上限 {_shown(limit, unit)}）{tail}", path=path, where=where)


__all__ = [name for name in dir() if name.startswith("MAX_")] + ["LimitExceeded", "check_limit", "exceeded"]
