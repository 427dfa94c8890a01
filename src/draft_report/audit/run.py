"""Read and check every report of a collection; one bad file never stops the run.

Large batches are spread over worker processes (``audit.pool``: this process and forked helpers
take chunks of a few reports in turn; results in the order of the jobs).
A progress bar is drawn on stderr when stderr is a terminal (rich), and nothing otherwise.

``--previous-dir``: the reports of last year's folder are read first and indexed by agency;
each report is then checked together with the report of the same agency for the year before
(agency names compared without spaces and punctuation; "洪泽区人民政府" also matches
"淮安市洪泽区人民政府" when no other agency fits), which runs the cross-year rules.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import field
from functools import partial
from pathlib import Path
from types import FrameType
from typing import Any, TypeVar

from draft_report.audit.collect import Job
from draft_report.errors import InputError
from draft_report.reading.blocks import norm_key
from draft_report.records import dataclass
from draft_report.regex_cache import regex

FILE_TIMEOUT = 120.0  # seconds for reading and checking one file (a report takes well under one)
POOL_MIN_JOBS = 8  # below this, starting worker processes costs more than it saves
# Reports handed to a worker at a time: few enough that both workers finish together (the last
# chunk is the only one run alone), many enough that a round trip is rare (≈ 10 ms of work each).
CHUNK = 8
MIN_AGENCY_KEY = 4  # a shorter name ("本局") never matches by suffix
# What may stand before an agency's name in another year's title: the higher-level place.
_PLACE_PREFIX = regex(r"^(?:[\u3400-\u9fff]{1,8}(?:省|自治区))?(?:[\u3400-\u9fff]{1,8}(?:市|州|盟|地区))$")

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class AuditRow:
    """One audited report: its check result (or why it could not be read) and last year's report."""

    path: Path
    also: list[Path] = field(default_factory=list)
    result: Any | None = None  # checking.findings.CheckResult
    unreadable: str | None = None
    previous: Path | None = None  # last year's report used for the cross-year rules
    previous_note: str | None = None  # why no previous report was used (with --previous-dir)

    @property
    def verdict(self) -> str:
        if self.result is None:
            return "无法读取"
        return "有错误" if self.result.has_errors else "通过"

    def counts(self) -> tuple[int, int, int]:
        if self.result is None:
            return (0, 0, 0)
        s = self.result.summary
        return (s["errors"], s["warnings"], s["info"])

    def worst(self) -> Any | None:
        """The first error, else the first warning (``Finding``), else None."""
        if self.result is None:
            return None
        for severity in ("error", "warning"):
            for f in self.result.findings:
                if f.severity == severity:
                    return f
        return None

    def first_problem(self) -> str:
        if self.result is None:
            return self.unreadable or ""
        from draft_report.checking.finding_text import finding_text

        f = self.worst()
        return finding_text(f) if f is not None else ""


@dataclass(frozen=True)
class Identity:
    """The agency and year a report names (or the error reading it)."""

    path: Path
    agency: str | None
    year: int | None
    error: str | None = None


class PreviousIndex:
    """Last year's reports by agency name."""

    def __init__(self, identities: list[Identity]) -> None:
        self.by_key: dict[str, list[Identity]] = {}
        for ident in identities:
            if ident.agency:
                self.by_key.setdefault(norm_key(ident.agency), []).append(ident)

    def find(self, agency: str | None, year: int | None) -> tuple[Path | None, str | None]:
        """(last year's report, None) or (None, why none was paired)."""
        if not agency:
            return None, "报告中未读出机关名称，无法配对上年度报告"
        key = norm_key(agency)
        pool = self.by_key.get(key)
        if pool is None:
            near = [k for k in self.by_key if _same_agency(k, key)]
            if len(near) == 1:
                pool = self.by_key[near[0]]
        if not pool:
            return None, f"上年度文件夹中没有“{agency}”的报告"
        if year is not None:
            fits = [i for i in pool if i.year == year - 1]
            if not fits:
                years = "、".join(sorted({str(i.year) for i in pool if i.year}))
                return None, f"上年度文件夹中“{agency}”的报告不是 {year - 1} 年度（{years or '年度不明'}）"
            pool = fits
        if len(pool) > 1:
            return None, f"上年度文件夹中“{agency}”有 {len(pool)} 份报告，无法确定用哪一份"
        return pool[0].path, None


def _same_agency(a: str, b: str) -> bool:
    """One name is the other with the city or province before it ("淮安市" + "洪泽区人民政府")."""
    short, long = sorted((a, b), key=len)
    if len(short) < MIN_AGENCY_KEY or not long.endswith(short):
        return False
    return _PLACE_PREFIX.match(long[: len(long) - len(short)]) is not None


# --- work done in a worker process --------------------------------------------------------

_index: PreviousIndex | None = None


def _set_index(index: PreviousIndex | None) -> None:
    global _index
    _index = index


def _failure(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "文件过大或结构异常，读取时内存不足，已跳过"
    if isinstance(exc, RecursionError):
        return "文件结构嵌套过深，无法读取，已跳过"
    return f"读取或核查时出现程序内部错误（{type(exc).__name__}），已跳过此文件；其他报告不受影响"


def identify(path: Path) -> Identity:
    """Agency and year of a report (for pairing), never raising."""
    from draft_report.commands.check_run import read_report_file

    try:
        doc = read_report_file(path)
    except Exception as exc:  # one bad file never stops the run
        return Identity(path, None, None, _failure(exc))
    return Identity(path, doc.agency, doc.year)


class FileTimeout(Exception):
    """Reading and checking one file took longer than ``FILE_TIMEOUT`` seconds."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ``FileTimeout`` in this thread after ``seconds`` (SIGALRM; a no-op where unavailable)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise FileTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def audit_one(job: Job) -> AuditRow:
    """Read and check one report; any failure (or more than ``FILE_TIMEOUT`` seconds) becomes the
    row's ``unreadable`` reason."""
    row = AuditRow(job.path, list(job.also))
    try:
        with _time_limit(FILE_TIMEOUT):
            _audit_into(row, job)
    except FileTimeout:
        row.result = None
        row.unreadable = f"读取和核查超过 {FILE_TIMEOUT:g} 秒仍未完成，已跳过此文件（文件可能异常）；其他报告不受影响"
    except Exception as exc:  # one bad file never stops the run
        row.unreadable = _failure(exc).removeprefix(f"{job.path}：")  # the row names the file already
    return row


def _audit_into(row: AuditRow, job: Job) -> None:
    from draft_report.checking import check_document
    from draft_report.commands.check_run import read_report_file

    doc = read_report_file(job.path)
    previous = None
    if _index is not None:
        row.previous, row.previous_note = _index.find(doc.agency, doc.year)
        if row.previous is not None:
            try:
                previous = read_report_file(row.previous)
            except FileTimeout:
                raise
            except Exception as exc:
                row.previous_note = f"上年度报告 {row.previous} 无法读取：{_failure(exc)}"
                row.previous = None
    result = check_document(doc, None, previous)
    if result.source is None:
        result.source = str(job.path)
    row.result = result


# --- the run ---------------------------------------------------------------------------------


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _mapped(fn: Callable[[T], R], items: list[T], workers: int, index: PreviousIndex | None) -> Iterator[R]:
    _set_index(index)
    try:
        if workers <= 1 or len(items) < POOL_MIN_JOBS:
            yield from map(fn, items)
            return
        from draft_report.audit.pool import parallel_map

        # The check path is not imported before the helpers fork: each process imports what its
        # reports need at the same time as the others, instead of all waiting for the parent.
        chunk = max(1, min(CHUNK, len(items) // (workers * 4)))
        yield from parallel_map(fn, items, workers, chunk, setup=partial(_set_index, index))
    finally:
        _set_index(None)


class _NoProgress:
    """What ``_progress`` gives when no bar is drawn: the same calls, doing nothing (rich not loaded)."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, total: int) -> int:
        return 0

    def advance(self, task: int) -> None:
        return None


def _progress(total: int, label: str) -> Any:
    """A rich progress bar on stderr when it is a terminal (rich is loaded only then)."""
    if total < 2 or not sys.stderr.isatty():
        return _NoProgress()
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    return Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True, disable=not console.is_terminal or total < 2,
    )


def _map_shown(fn: Callable[[T], R], items: list[T], workers: int, index: PreviousIndex | None, label: str) -> list[R]:
    """``_mapped`` in order, with a progress bar labelled ``label`` on a terminal."""
    out: list[R] = []
    with _progress(len(items), label) as bar:
        task = bar.add_task("", total=len(items))
        for result in _mapped(fn, items, workers, index):
            out.append(result)
            bar.advance(task)
    return out


def read_previous(paths: list[Job], workers: int) -> PreviousIndex:
    found = _map_shown(identify, [j.path for j in paths], workers, None, "读取上年度报告")
    return PreviousIndex([i for i in found if i.error is None])


def run_audit(jobs: list[Job], *, workers: int | None = None, previous: PreviousIndex | None = None) -> list[AuditRow]:
    """Audit every job (in order); ``workers`` processes for large batches (default: all cores)."""
    n = default_workers() if workers is None else max(1, workers)
    return _map_shown(audit_one, jobs, n, previous, "核查报告")


__all__ = ["AuditRow", "PreviousIndex", "audit_one", "default_workers", "read_previous", "run_audit"]
