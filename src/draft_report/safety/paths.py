"""Refuse an output path that would overwrite an input or write outside its folder.

``check_output(target, inputs=[...], folder=...)`` raises ``InputError`` (exit 2) before anything
is written when ``target``

- is one of the inputs, or the same file under another name (hard link, symbolic link, a path
  through a linked folder, or — on a case-insensitive disk — the same name in other letter case);
- has the same name as an input in the same folder apart from letter case (the two collide as
  soon as the folder is copied to Windows or macOS);
- is a symbolic link (dangling or not) that points outside ``folder`` (default: the target's own
  folder), or is anything but a regular file (a folder, a FIFO, a device).

Writers replace the target with ``os.replace`` (``safety.atomic``), which replaces a link itself
and never writes through it; this check makes the refusal explicit instead.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from draft_report.errors import InputError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _case_twin(target: Path, source: Path) -> bool:
    """Same folder, names equal apart from letter case (and not literally equal)."""
    if target.name == source.name or target.name.casefold() != source.name.casefold():
        return False
    return _same_file(target.parent, source.parent) or target.parent.resolve() == source.parent.resolve()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def check_output(
    target: Path, *, inputs: Iterable[Path] = (), folder: Path | None = None, where: str | None = None
) -> None:
    """Raise ``InputError`` when writing ``target`` could touch an input or escape ``folder``."""
    target = Path(target)
    home = Path(folder) if folder is not None else target.parent
    for source in inputs:
        source = Path(source)
        if target.absolute() == source.absolute() or _same_file(target, source):
            how = "" if target.absolute() == source.absolute() else "（硬链接、符号链接或大小写不同的同名文件）"
            raise InputError(
                f"不能覆盖原文件：输出文件与输入文件 {source} 是同一个文件{how}；"
                "本次未写入任何文件，请另指定输出文件名",
                path=str(target),
                where=where,
            )
        if _case_twin(target, source):
            raise InputError(
                f"不能覆盖原文件：输出文件与输入文件 {source} 仅大小写不同，在 Windows 或 macOS 上是同一个文件；"
                "本次未写入任何文件，请另指定输出文件名",
                path=str(target),
                where=where,
            )
    if target.is_symlink():
        pointed = Path(os.path.realpath(target))
        if not _inside(pointed, Path(os.path.realpath(home))):
            raise InputError(
                f"输出位置是一个指向 {os.readlink(target)} 的符号链接，指向输出文件夹之外；"
                "为避免写到别处，本次未写入任何文件。请删除该链接或另指定输出位置",
                path=str(target),
                where=where,
            )
    try:
        mode = target.stat().st_mode
    except OSError:
        return
    if stat.S_ISDIR(mode):
        raise InputError("同名的文件夹已存在，无法写入文件", path=str(target), where=where)
    if not stat.S_ISREG(mode):
        raise InputError("输出位置已存在且不是普通文件（例如管道或设备），无法写入", path=str(target), where=where)


__all__ = ["check_output"]
