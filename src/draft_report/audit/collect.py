"""Which files of the named paths are reports to audit, and why every other file is not.

A folder is searched recursively (symbolic links to folders are not followed). Every file
found ends up in exactly one place:

- a **job** — a report to read and check. The same report saved in several formats (same
  folder, same name apart from the suffix: 年报.docx, 年报.pdf, 年报.html) is one job, read
  from the richest format (.docx, then HTML, Markdown, PDF, plain text); the others are named
  in the job (``also``);
- **unreadable** — a report in a format that cannot be read (.doc, .wps, .ofd …), with what to do;
- **skipped** — not a report: a file this tool wrote (an annotated copy, an earlier audit
  summary), a Word lock file, a README, or a file of another kind (a spreadsheet, an image).

Hidden files and folders (".git", ".DS_Store") are ignored. Paths are de-duplicated through a
set of resolved paths (a file named twice, or reached through a linked folder, is one file).
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import field
from pathlib import Path

from draft_report.audit import ANNOTATED_CATEGORY, GENERATOR, TEXT_MARK
from draft_report.errors import InputError
from draft_report.reading.files import UNSUPPORTED_FORMATS, unsupported_format
from draft_report.records import dataclass

# Formats a reader handles, richest first: a Word file keeps every cell boundary, a web page
# too; Markdown from the drafter has its tables as HTML; a PDF needs its geometry read; plain
# text has lost the cell boundaries.
RICHNESS: dict[str, int] = {
    ".docx": 0, ".html": 1, ".htm": 1, ".xhtml": 1, ".md": 2, ".markdown": 2, ".pdf": 3, ".txt": 4, ".text": 4,
}
# Report formats no reader handles: listed as unreadable (with what to do), never skipped silently.
DOCUMENT_FORMATS = frozenset({".doc", ".wps", ".ofd", ".odt", ".rtf", ".xps"})
_NOT_REPORTS = ("readme", "license", "licence", "changelog")
_HEAD_BYTES = 65536
_MARK_BYTES = len("\ufeff".encode()) + len(TEXT_MARK.encode())


@dataclass
class Job:
    """One report to audit, with copies of it in other formats (listed, not audited)."""

    path: Path
    also: list[Path] = field(default_factory=list)  # the same report in other formats, not audited


@dataclass
class Skipped:
    """A file left out of the audit, and why."""

    path: Path
    reason: str


@dataclass
class Collection:
    """What the audit found among its inputs: reports to audit, unreadable and skipped files."""

    jobs: list[Job] = field(default_factory=list)
    unreadable: list[Skipped] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def inputs(self) -> list[Path]:
        """Every file that is, or may be, a report (an output must never be one of them)."""
        return [p for j in self.jobs for p in (j.path, *j.also)] + [u.path for u in self.unreadable]


def written_by_us(path: Path) -> str | None:
    """Why ``path`` is a file this tool wrote (and so no report), or None."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                info = z.getinfo("docProps/core.xml")
                if info.file_size > _HEAD_BYTES:
                    return None
                if ANNOTATED_CATEGORY in z.read(info).decode("utf-8", "replace"):
                    return "本工具写出的带批注副本（check --annotate），不是报告原件"
            return None
        html = suffix in (".html", ".htm", ".xhtml")
        with path.open("rb") as f:  # a text summary is known by its first line: a few bytes do
            head = f.read(_HEAD_BYTES if html else _MARK_BYTES).decode("utf-8", "replace").lstrip("\ufeff")
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return None  # unreadable files are reported by the reader, with its own message
    if html and f'content="{GENERATOR}"' in head:
        return "本工具写出的核查汇总（audit -o），不是报告"
    if head.startswith(TEXT_MARK):
        return "本工具写出的核查汇总（audit -o），不是报告"
    return None


def _classify(path: Path, named: bool) -> tuple[str, str]:
    """("job" | "unreadable" | "skipped", reason) of one file."""
    suffix = path.suffix.lower()
    name = path.name
    if not named:
        if name.startswith("~$"):
            return "skipped", "Word 打开文件时产生的临时锁定文件"
        if path.stem.lower() in _NOT_REPORTS:
            return "skipped", "说明文件（README 等），不是报告"
    if suffix in RICHNESS:
        ours = written_by_us(path)
        return ("skipped", ours) if ours else ("job", "")
    if suffix in DOCUMENT_FORMATS:
        return "unreadable", unsupported_format(path) or ""
    if named:  # named explicitly: the reader says what it is
        return "job", ""
    if suffix in UNSUPPORTED_FORMATS:
        return "skipped", unsupported_format(path) or ""
    return "skipped", f"不是报告文件（{suffix or '无扩展名'}），未核查"


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
    return found


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


class _Keys:
    """``_key`` of many files, resolving each folder once: a file that is no symbolic link has the
    key of its folder plus its name (the per-file ``resolve`` cost 1,000 files ≈ 0.2 s)."""

    def __init__(self) -> None:
        self._folders: dict[Path, str] = {}

    def folder(self, path: Path) -> str:
        key = self._folders.get(path)
        if key is None:
            key = self._folders[path] = _key(path)
        return key

    def file(self, path: Path) -> str:
        try:
            if path.is_symlink() or path.name in ("", ".", ".."):
                return _key(path)
        except OSError:
            return _key(path)
        return os.path.join(self.folder(path.parent), path.name)


def collect(paths: list[Path]) -> Collection:
    """Jobs, unreadable and skipped files of the named files and folders, in a stable order."""
    out = Collection()
    keys = _Keys()
    seen: set[str] = set()
    candidates: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = [(p, False) for p in _walk(path)]
        elif path.exists():
            files = [(path, True)]
        else:
            raise InputError("文件或文件夹不存在", path=str(path))
        for p, named in files:
            key = keys.file(p)
            if key in seen:
                continue
            seen.add(key)
            kind, reason = _classify(p, named)
            if kind == "job":
                candidates.append(p)
            elif kind == "unreadable":
                out.unreadable.append(Skipped(p, reason))
            else:
                out.skipped.append(Skipped(p, reason))
    groups: dict[tuple[str, str], list[Path]] = {}
    for p in candidates:
        groups.setdefault((keys.folder(p.parent), p.stem.casefold()), []).append(p)
    for members in groups.values():
        members.sort(key=lambda p: (RICHNESS.get(p.suffix.lower(), 9), p.name))
        out.jobs.append(Job(members[0], members[1:]))
    return out


__all__ = ["Collection", "Job", "Skipped", "collect", "written_by_us"]
