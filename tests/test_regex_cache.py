"""``regex_cache.regex`` gives the same compiled pattern as ``re.compile``, whether the program comes
from the compiler or from the cache file, and falls back silently whenever the cache cannot help."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REAL_REPORTS
from draft_report import regex_cache

PATTERNS: list[tuple[str, int]] = [
    (r"[\u3400-\u9fff]", 0),
    (r"[^0-9A-Za-z\u3400-\u9fff]+", 0),
    (r"(?P<num>\d+)(?P<unit>件|个|条)?(?=[，,。；;])", 0),
    (r"^\s*(?:([一二三四五六七八九十]+)\s*[、.．,，]|第\s*([一二三四五六七八九十]+)\s*部分)", re.MULTILINE),
    (r"代表(?<!人大代表)(?!建议|提出)[^，,。；;]{0,6}?(?:政府|机关)", 0),
    (r"abc (?# comment ) d", re.IGNORECASE | re.VERBOSE),
    (r"(a)|(?P<b>b)\2?", 0),
    (r"\bword\b|Ａ", re.ASCII),
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("DRAFT_REPORT_REGEX_CACHE", str(tmp_path))
    regex_cache._reset_for_tests()
    yield tmp_path
    regex_cache._reset_for_tests()


def _same(got: re.Pattern[str], pattern: str, flags: int) -> None:
    want = re.compile(pattern, flags)
    assert got == want  # Pattern equality compares pattern, flags and the compiled program
    assert regex_cache.compile_now(pattern, flags) == want
    assert (got.groups, got.groupindex, got.flags) == (want.groups, want.groupindex, want.flags)
    for text in ("第三部分 代表政府 12件，", "ABC D word 一、", "ab b"):
        assert [m.span() for m in got.finditer(text)] == [m.span() for m in want.finditer(text)]


def test_compiled_then_cached_then_loaded_is_always_re_compile(cache_dir: Path) -> None:
    for pattern, flags in PATTERNS:
        _same(regex_cache.regex(pattern, flags), pattern, flags)
    assert regex_cache.sizes()["fresh"] == len(PATTERNS)
    regex_cache._save()
    path = regex_cache.cache_path()
    assert path is not None and Path(path).parent == cache_dir and Path(path).is_file()
    regex_cache._reset_for_tests()  # a new run: the programs now come from the file
    for pattern, flags in PATTERNS:
        _same(regex_cache.regex(pattern, flags), pattern, flags)
    assert regex_cache.sizes() == {"loaded": len(PATTERNS), "fresh": 0, "path": path}


def test_a_bad_file_or_entry_falls_back_to_compiling(cache_dir: Path) -> None:
    path = regex_cache.cache_path()
    assert path is not None
    Path(path).write_bytes(b"not a marshal file")
    _same(regex_cache.regex(*PATTERNS[0]), *PATTERNS[0])
    regex_cache._reset_for_tests({PATTERNS[2]: (32, b"\x01\x00\x00\x00\x02\x00\x00\x00", 0, {}, (None,))})  # a program _sre refuses
    _same(regex_cache.regex(*PATTERNS[2]), *PATTERNS[2])
    with pytest.raises(re.error):  # a faulty pattern is still the caller's error (at its first use)
        regex_cache.regex("(unclosed", 0).search("x")


def test_an_unwritable_cache_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("DRAFT_REPORT_REGEX_CACHE", str(blocker / "below-a-file"))
    regex_cache._reset_for_tests()
    _same(regex_cache.regex(*PATTERNS[1]), *PATTERNS[1])
    regex_cache._save()  # nothing raised, nothing written
    assert not (blocker / "below-a-file").exists()
    monkeypatch.setenv("DRAFT_REPORT_REGEX_CACHE", "0")
    regex_cache._reset_for_tests()
    assert regex_cache.cache_path() is None
    _same(regex_cache.regex(*PATTERNS[1]), *PATTERNS[1])
    regex_cache._reset_for_tests()


def test_every_cached_pattern_of_the_package_equals_re_compile() -> None:
    """The module-level patterns of the modules routed through the cache, as this process got them
    (from whatever cache the environment names, or compiled)."""
    names = ["draft_report.reading.blocks", "draft_report.reading.outline", "draft_report.checking.structure",
             "draft_report.lexicon.numerals", "draft_report.checking.scope", "draft_report.checking.claims"]
    seen = 0
    for name in names:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, regex_cache.LazyPattern):
                value = value.compiled
            if isinstance(value, re.Pattern):
                assert value == re.compile(value.pattern, value.flags)
                seen += 1
    assert seen > 30


def test_check_reads_the_same_with_a_cold_a_warm_and_no_cache(tmp_path: Path) -> None:
    report = str(REAL_REPORTS / "huaian_2024.txt")
    outputs, files = [], []
    # off, cold (writes the file), warm (reads it; another hash seed: the patterns built from sets
    # must come out the same, or every run would compile them again and rewrite the file)
    for setting, seed in (("0", "1"), (str(tmp_path), "2"), (str(tmp_path), "3")):
        env = {**os.environ, "DRAFT_REPORT_REGEX_CACHE": setting, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-m", "draft_report", "check", report, "--format", "json"],
                              capture_output=True, text=True, timeout=120, env=env)
        outputs.append((proc.returncode, proc.stdout, proc.stderr))
        files.append({p.name: p.read_bytes() for p in tmp_path.glob("regex*.marshal")})
    assert outputs[0] == outputs[1] == outputs[2]
    assert files[0] == {} and files[1] and files[2] == files[1]


def test_saving_removes_temporaries_left_by_a_killed_run_but_not_fresh_ones(cache_dir: Path) -> None:
    old = cache_dir / ".regex-killed.tmp"
    young = cache_dir / ".regex-writing-now.tmp"
    other = cache_dir / "notes.tmp"
    for p in (old, young, other):
        p.write_bytes(b"")
    long_ago = time.time() - 3600
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    regex_cache.compile_now(*PATTERNS[0])
    regex_cache._save()
    assert not old.exists()
    assert young.exists() and other.exists()  # another process may be writing it; not ours
    assert [p.name for p in cache_dir.glob(".regex-*.tmp")] == [young.name]


def test_a_pattern_compiles_on_first_use_and_then_is_the_compiled_one(cache_dir: Path) -> None:
    import copy
    import pickle

    lazy = regex_cache.regex(r"(?P<n>\d+)件", 0)
    assert isinstance(lazy, regex_cache.LazyPattern)
    assert lazy.pattern == r"(?P<n>\d+)件" and "compiled" not in vars(lazy)
    assert regex_cache.sizes()["fresh"] == 0  # nothing compiled yet
    want = re.compile(r"(?P<n>\d+)件")
    assert lazy.search("共12件").group("n") == "12"
    assert regex_cache.sizes()["fresh"] == 1
    compiled = vars(lazy)["compiled"]
    assert compiled == want and lazy == want and want == compiled and lazy == regex_cache.regex(r"(?P<n>\d+)件")
    assert hash(lazy) == hash(want) and repr(lazy) == repr(want)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (want.flags, want.groups, want.groupindex)
    for method in ("sub", "subn", "split", "findall", "finditer", "match", "fullmatch"):
        assert getattr(lazy, method) == getattr(compiled, method)  # the compiled pattern's own methods
    assert lazy.sub("#", "3件和4件") == "#和#" and lazy.split("1件2件") == ["", "1", "", "2", ""]
    assert copy.copy(lazy) is lazy and copy.deepcopy(lazy) is lazy
    assert pickle.loads(pickle.dumps(lazy)) == want
    with pytest.raises(AttributeError):
        lazy.no_such_attribute  # noqa: B018


def test_the_module_global_naming_a_pattern_becomes_the_compiled_pattern_on_first_use(cache_dir: Path) -> None:
    namespace: dict[str, Any] = {"regex": regex_cache.regex}
    exec("WORD = regex(r'\\d+件')\nALIAS = WORD", namespace)  # a module's globals
    lazy = namespace["WORD"]
    assert isinstance(lazy, regex_cache.LazyPattern) and namespace["ALIAS"] is lazy
    assert lazy.search("共3件").group() == "3件"
    assert namespace["WORD"] is namespace["ALIAS"] is vars(lazy)["compiled"]
    assert isinstance(namespace["WORD"], re.Pattern)
    assert lazy.findall("1件2件") == ["1件", "2件"]  # a holder of the lazy object still works


def test_every_module_level_pattern_of_the_package_compiles() -> None:
    """Patterns compile on first use, so a faulty one would only show when some input needs it:
    every module-level pattern of every module is compiled here instead."""
    import pkgutil

    import draft_report

    lazy = 0
    for info in pkgutil.walk_packages(draft_report.__path__, "draft_report."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for value in list(vars(module).values()):
            if isinstance(value, regex_cache.LazyPattern):
                assert isinstance(value.compiled, re.Pattern)
                lazy += 1
    assert lazy > 0
