"""``regex_charset.optimize_charset`` gives exactly what the standard compiler's character-set step
gives: on random classes (Latin-1, Chinese, full-width, beyond the BMP, categories, negated, case
folded) and on every pattern the package compiles on its way through ``check``."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import textwrap

import pytest

from conftest import REAL_REPORTS
from draft_report import regex_cache, regex_charset

pytestmark = pytest.mark.skipif(regex_charset.STANDARD is None, reason="no re._compiler on this interpreter")

POOLS = [
    [chr(c) for c in range(0x20, 0x7F) if chr(c) not in "\\]^-["],
    [chr(c) for c in range(0xA0, 0x100)],
    list("。，、；：？！“”（）《》【】…—－～·０１２３４５６７８９ＡＺａｚ"),
    list("一二三四五六七八九十百千万亿零〇两件个条项次年月日政府信息公开申请"),
    [chr(c) for c in (0x1F600, 0x20000, 0x2A6D6, 0x10FFFF)],
]
RANGES = ["a-z", "0-9", "\\u3400-\\u9fff", "\\u4e00-\\u4e10", "\\u00c0-\\u00ff", "\\uff01-\\uff5e",
          "\\u0100-\\u0101", "\\u00ff-\\u0100", "\\u3000-\\u303f", "\\U00020000-\\U0002a6df",
          "\\uffff-\\U00010001", "\\x00-\\x08", "\\u00fe-\\u01ff", "\\u0000-\\uffff"]
CATEGORIES = ["\\d", "\\s", "\\w", "\\D", "\\S"]


def _random_class(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 8)):
        kind = rng.random()
        if kind < 0.55:
            parts.append(re.escape(rng.choice(rng.choice(POOLS))))
        elif kind < 0.85:
            parts.append(rng.choice(RANGES))
        else:
            parts.append(rng.choice(CATEGORIES))
    return "[" + ("^" if rng.random() < 0.2 else "") + "".join(parts) + "]"


def _fast(pattern: str, flags: int) -> re.Pattern[str]:
    return regex_cache._compile(pattern, flags)


def test_random_classes_compile_to_the_standard_program() -> None:
    rng = random.Random(14)
    for n in range(150):
        cls = _random_class(rng)
        # (a leading class is compiled twice: as the pattern's first-character set, and as itself)
        for pattern in (cls, "x" + cls + "+", f"(?:{cls}|ab)"):
            flags = (0, re.ASCII, re.IGNORECASE)[n % 3]  # case folding: the standard step, handed over
            assert _fast(pattern, flags) == re.compile(pattern, flags), (pattern, flags)


def test_optimize_charset_itself_matches_the_standard_step() -> None:
    from re import _parser  # type: ignore[attr-defined]

    rng = random.Random(7)
    checked = 0
    for _ in range(300):
        (op, charset), = _parser.parse(_random_class(rng), 0)
        if str(op) == "IN":  # (a class of one character is parsed as that character)
            assert regex_charset.optimize_charset(charset) == regex_charset.STANDARD(charset)
            checked += 1
    assert checked > 200


def test_the_standard_step_is_back_in_place_after_compiling() -> None:
    from re import _compiler  # type: ignore[attr-defined]

    _fast("[。：:]", 0)
    assert _compiler._optimize_charset is regex_charset.STANDARD


def test_every_pattern_of_the_check_path_compiles_to_the_standard_program() -> None:
    """The patterns ``regex`` is asked for while every module is imported and the real reports
    are checked (the lexicon's and the layouts' built patterns included)."""
    script = textwrap.dedent(
        """
        import json, pkgutil, sys, importlib
        from draft_report import regex_cache
        seen = []
        plain = regex_cache.regex
        def recording(pattern, flags=0):
            seen.append((pattern, int(flags)))
            return plain(pattern, flags)
        regex_cache.regex = recording
        import draft_report
        for info in pkgutil.walk_packages(draft_report.__path__, "draft_report."):
            if info.name.endswith("__main__"):
                continue
            try:
                importlib.import_module(info.name)
            except Exception:
                pass
        from draft_report.checking import check_document
        from draft_report.reading import read_report
        for path in sys.argv[1:]:
            check_document(read_report(path))
        print(json.dumps(seen))
        """
    )
    reports = [str(p) for p in sorted(REAL_REPORTS.glob("*.txt"))]
    done = subprocess.run([sys.executable, "-c", script, *reports], capture_output=True, text=True,
                          check=True, env={**os.environ, "DRAFT_REPORT_REGEX_CACHE": "0"})
    patterns = {(p, f) for p, f in json.loads(done.stdout.splitlines()[-1])}
    assert len(patterns) > 60
    for pattern, flags in patterns:
        assert _fast(pattern, flags) == re.compile(pattern, flags), pattern
