"""Files are written whole or not at all: temp file in the same folder, fsync, ``os.replace``.

API (use these for every file the program writes; do not call ``Path.write_text`` on outputs):

- ``write_text(path, text, encoding="utf-8")`` / ``write_bytes(path, data)``: one file, atomically.
- ``save_with(path, save)``: one file produced by a library that writes to a stream, e.g.
  ``save_with(path, document.save)`` for python-docx or ``save_with(path, workbook.save)``.
- ``FileSet()``: several files replaced all together or not at all (a draft's md + html + docx +
  provenance)::

      with FileSet() as files:
          files.add_text(out / "report.md", markdown)
          files.add_stream(out / "report.docx", document.save)
      # leaving the block without an exception commits; an exception (or Ctrl-C) discards

  Every file is first written completely to a temporary file beside its target; only when all
  are written are they renamed into place, with Ctrl-C (SIGINT) held back during the renames and,
  if a rename fails, the files already replaced restored from hard-link backups.

Failures: an ``OSError`` while writing (disk full, file too large, permission) becomes
``WriteError`` (exit code 1, a Chinese message naming the file; the previous file is untouched).
Ctrl-C (``KeyboardInterrupt``) passes through after the temporary files are removed;
``cli.main`` prints one Chinese line and exits 130.

Test hook: ``DRAFT_REPORT_TEST_WRITE_PAUSE=<seconds>`` sleeps after each temporary file is
written, ``<seconds>@<n>`` only after the n-th one (lets a test send SIGINT in the middle of a
multi-file write: the process waits at a known point until the signal comes).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, Any

from draft_report.errors import DraftReportError

PAUSE_ENV = "DRAFT_REPORT_TEST_WRITE_PAUSE"
TEMP_SUFFIX = ".draft-report.tmp"

Saver = Callable[[IO[bytes]], Any]


class WriteError(DraftReportError):
    """An output file could not be written; the previous file (if any) is unchanged. Exit code 1."""

    exit_code = 1

    def __init__(self, path: Path, exc: OSError) -> None:
        self.path = path
        super().__init__(f"{path}：{write_failure_text(exc)}；原有文件未改动，未写入任何内容")


def write_failure_text(exc: OSError) -> str:
    """Chinese reason for an ``OSError`` raised while writing."""
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "磁盘空间不足，无法写入"
    if code == errno.EFBIG:
        return "文件超过了系统允许的大小（磁盘配额或 ulimit 限制），无法写入"
    if code in (errno.EACCES, errno.EPERM):
        return "没有写入权限"
    if code == errno.EROFS:
        return "所在磁盘为只读，无法写入"
    if code == errno.ENOENT:
        return "所在文件夹不存在"
    if code == errno.EISDIR:
        return "同名的文件夹已存在，无法写入文件"
    if code == errno.ENAMETOOLONG:
        return "文件名过长"
    return f"无法写入（系统错误 {code}）" if code else "无法写入"


_staged_count = 0  # temporary files written by this process (for the test hook)


def _pause() -> None:
    global _staged_count
    value = os.environ.get(PAUSE_ENV)
    if not value:
        return
    _staged_count += 1
    seconds, _, nth = value.partition("@")
    with contextlib.suppress(ValueError):
        if not nth or int(nth) == _staged_count:
            time.sleep(float(seconds))


def _new_file_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _stage(target: Path, save: Saver) -> Path:
    """Write a complete temporary file beside ``target``; returns its path (removed on failure)."""
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise WriteError(target, exc) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, _new_file_mode(target))
        _pause()
    except OSError as exc:
        _remove(temp)
        raise WriteError(target, exc) from None
    except BaseException:
        _remove(temp)
        raise
    return temp


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


@contextlib.contextmanager
def _sigint_deferred() -> Iterator[None]:
    """Hold back Ctrl-C while the renames run (main thread only); re-raise it afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    try:
        previous = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main interpreter
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _backup(target: Path) -> Path | None:
    """A hard link to the current ``target`` (to restore it if a later rename fails)."""
    if not target.is_file() or target.is_symlink():
        return None
    name = f"{tempfile.gettempprefix()}-{os.getpid()}-{time.monotonic_ns()}"
    backup = target.parent / f".{target.name}.{name}.bak{TEMP_SUFFIX}"
    try:
        os.link(target, backup)
    except OSError:
        return None
    return backup


def _commit(staged: list[tuple[Path, Path]]) -> None:
    """Rename every staged file into place; on failure put back what was already replaced."""
    with _sigint_deferred():
        backups: list[tuple[Path, Path | None]] = []
        done: list[Path] = []
        try:
            if len(staged) > 1:
                backups = [(target, _backup(target)) for _, target in staged]
            for temp, target in staged:
                try:
                    os.replace(temp, target)
                except OSError as exc:
                    raise WriteError(target, exc) from None
                done.append(target)
        except BaseException:
            for target, backup in backups:
                if target in done and backup is not None:
                    with contextlib.suppress(OSError):
                        os.replace(backup, target)
            for temp, _ in staged:
                _remove(temp)
            raise
        finally:
            for _, backup in backups:
                if backup is not None:
                    _remove(backup)
        for folder in {target.parent for _, target in staged}:
            _fsync_dir(folder)


class FileSet:
    """Several output files replaced together (see the module docstring)."""

    def __init__(self) -> None:
        self._staged: list[tuple[Path, Path]] = []
        self._closed = False

    def add_stream(self, path: Path, save: Saver) -> None:
        """Stage ``path`` with the bytes ``save(stream)`` writes."""
        if self._closed:
            raise RuntimeError("FileSet already committed or discarded")
        target = Path(path)
        if any(t == target for _, t in self._staged):
            raise ValueError(f"{target} staged twice")
        self._staged.append((_stage(target, save), target))

    def add_bytes(self, path: Path, data: bytes) -> None:
        self.add_stream(path, lambda fh: fh.write(data))

    def add_text(self, path: Path, text: str, encoding: str = "utf-8") -> None:
        self.add_bytes(path, text.encode(encoding))

    @property
    def targets(self) -> list[Path]:
        return [target for _, target in self._staged]

    def commit(self) -> list[Path]:
        """Rename all staged files into place; returns their paths."""
        self._closed = True
        staged, self._staged = self._staged, []
        _commit(staged)
        return [target for _, target in staged]

    def discard(self) -> None:
        self._closed = True
        for temp, _ in self._staged:
            _remove(temp)
        self._staged = []

    def __enter__(self) -> FileSet:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def save_with(path: Path, save: Saver) -> None:
    """Write one file atomically from ``save(stream)`` (e.g. python-docx ``Document.save``)."""
    with FileSet() as files:
        files.add_stream(path, save)


def write_bytes(path: Path, data: bytes) -> None:
    save_with(path, lambda fh: fh.write(data))


def write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(path, text.encode(encoding))


__all__ = [
    "PAUSE_ENV",
    "FileSet",
    "WriteError",
    "save_with",
    "write_bytes",
    "write_failure_text",
    "write_text",
]
