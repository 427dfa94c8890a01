"""The Word pictures in README.md and docs/word.md show the current output.

``docs/images/make_word_images.py`` (LibreOffice) writes the pictures and a fingerprint of what
they show (page-1 paragraphs, tables, styles, font table) to ``docs/images/images.json``; this
test recomputes the fingerprint without LibreOffice. When it fails, regenerate the pictures:
``python docs/images/make_word_images.py``.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def _script():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("make_word_images", IMAGES / "make_word_images.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


STAMP = json.loads((IMAGES / "images.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("example", sorted(STAMP))
def test_pictures_match_the_current_output(example: str) -> None:
    entry = STAMP[example]
    assert _script().fingerprint(example, entry["page1_paragraphs"]) == entry["fingerprint"], (
        f"docs/images 中 {example} 的截图已过时：请运行 python docs/images/make_word_images.py 重新生成"
    )


def test_every_picture_is_shown_and_exists() -> None:
    script = _script()
    names = {f"{p.name}.png" for p in script.PICTURES}
    assert {p.example for p in script.PICTURES} == set(STAMP)
    shown = set(re.findall(r"images/([\w-]+\.png)", (ROOT / "README.md").read_text(encoding="utf-8")))
    shown |= set(re.findall(r"images/([\w-]+\.png)", (ROOT / "docs" / "word.md").read_text(encoding="utf-8")))
    assert {n for n in shown if n.startswith("word-")} == names  # audit-summary.png: tests/test_audit_image.py
    for name in names:
        assert (IMAGES / name).stat().st_size > 10_000
