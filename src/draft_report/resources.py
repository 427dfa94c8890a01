"""Locate the ``prompts/`` and ``templates/`` folders.

In an installed wheel they live inside the package (``draft_report/prompts``); in a source
checkout or an editable install they are the top-level folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Return the folder ``name`` ("prompts" or "templates") that ships with the package."""
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    repo = _PACKAGE_DIR.parent.parent / name
    if repo.is_dir():
        return repo
    raise FileNotFoundError(f"找不到资源目录 {name}（安装包不完整？）")


def prompts_dir() -> Path:
    return resource_dir("prompts")


def templates_dir() -> Path:
    return resource_dir("templates")
