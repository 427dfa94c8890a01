"""``regex``: ``re.compile`` for the package's fixed patterns, kept compiled between runs.

Compiling a regular expression is pure Python work in the standard library, and a slow one for
Chinese text: a character class holding a CJK character is turned into a 65,536-entry bitmap
chunk by chunk. Compiling the fixed patterns of the modules ``draft-report check`` imports cost
about a fifth of its start-up, every run, for the same result every time.

So ``regex`` keeps what the compiler produced for a pattern (its program: a list of integers,
and its groups) in one file in the user's cache directory, and on the next run hands that to
``_sre.compile``, the very call that ends ``re.compile`` (the result is the same object: a
``re.Pattern`` equal to ``re.compile``'s). Only the package's fixed patterns go through here
(written in its modules, or built from its lexicon and layouts), never text read from a report.

Safety: the file's name carries the package version, the interpreter's cache tag and the regex
engine's version (``_sre.MAGIC``), and each entry is looked up by the exact pattern and flags, so a
changed pattern is simply compiled afresh. ``_sre.compile`` validates a program before using it; an
entry it refuses, a file that cannot be read or parsed, a cache directory that cannot be written
(read-only home, no home) all fall back to ``re.compile`` silently. The file is written at exit,
only when a pattern was compiled afresh, whole or not at all (temporary file + rename).
``DRAFT_REPORT_REGEX_CACHE=0`` turns the cache off (every pattern compiled every time); another value
names the directory to use instead of ``$XDG_CACHE_HOME/draft-report`` (``~/.cache/draft-report``).

A pattern compiled afresh (cache off, or not in the cache yet) goes through the standard compiler's
steps with one of them, the character-set step, replaced by the faster ``regex_charset`` one (the
same program), and then to ``_sre.compile`` as ``re.compile`` would.
"""

from __future__ import annotations

import os
import re
import sys
from array import array
from typing import Any, cast

from draft_report import regex_charset

try:  # the engine's own steps (CPython 3.11+); without them, plain ``re.compile``
    import _sre
    from re import _parser  # type: ignore[attr-defined]  # (3.11+; mypy checks as 3.10)

    _STEPS = regex_charset.STANDARD is not None
    # the cache file's engine; programs are stored as arrays of C unsigned ints
    _ENGINE: str | None = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
    if not _STEPS or array("I").itemsize != _sre.CODESIZE:
        _ENGINE = None
except (ImportError, AttributeError):  # pragma: no cover - older or other interpreters
    _STEPS = False
    _ENGINE = None

# (pattern, flags) -> (flags, code, groups - 1, groupindex, indexgroup): the arguments of _sre.compile,
# the code as the bytes of an array("I") (one bytes object to load per pattern, not a list of ints)
Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_MAX_ENTRIES = 400
_loaded: dict[tuple[str, int], Program] | None = None
_fresh: dict[tuple[str, int], Program] = {}


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled (or taken from the cache) on first use: a
    ``LazyPattern`` standing for it."""
    return cast("re.Pattern[str]", LazyPattern(pattern, int(flags), sys._getframe(1).f_globals))


# what a LazyPattern takes over from the compiled pattern on first use
_ATTRIBUTES = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
               "flags", "groups", "groupindex")


class LazyPattern:
    """A compiled pattern that compiles on first use: a module's patterns cost nothing until the
    input needs them (``check`` of a plain text report needs about two thirds of the patterns of
    the modules it imports). The first read of any attribute but ``pattern`` compiles it
    (``compiled``); each of its methods (``search``, ``sub`` …) and ``flags``, ``groups``,
    ``groupindex`` is put on this object when first read, so later calls go straight to it; and a
    global of the module that asked for the pattern naming this object (``_WORD = regex(…)``) is
    set to the compiled pattern, so that module's code then calls it exactly as before (a method
    of a compiled pattern is found faster than one on this object). It compares, hashes, prints,
    copies and pickles as the compiled pattern does; a faulty pattern raises ``re.error`` at its
    first use. It is no ``re.Pattern`` instance: hand ``.compiled`` to code that needs one."""

    def __init__(self, pattern: str, flags: int, owner: dict[str, Any] | None = None) -> None:
        self.pattern = pattern
        self._flags = flags
        self._owner = owner  # the globals of the module that asked for it

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # (also keeps a half-built object from recursing)
            raise AttributeError(name)
        attributes = self.__dict__
        compiled = attributes.get("compiled")
        if compiled is None:
            compiled = attributes["compiled"] = compile_now(self.pattern, self._flags)
            owner = self._owner
            if owner is not None:
                for key in [key for key, value in owner.items() if value is self]:
                    owner[key] = compiled
            if name == "compiled":
                return compiled
        value = getattr(compiled, name)
        if name in _ATTRIBUTES:
            attributes[name] = value
        return value

    def __eq__(self, other: object) -> bool:
        return bool(self.compiled == (other.compiled if isinstance(other, LazyPattern) else other))

    def __hash__(self) -> int:
        return hash(self.compiled)

    def __repr__(self) -> str:
        return repr(self.compiled)

    def __copy__(self) -> LazyPattern:
        return self

    def __deepcopy__(self, memo: Any) -> LazyPattern:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (regex, (self.pattern, self._flags))


def compile_now(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when it holds this pattern."""
    flags = int(flags)
    table = _table()
    if table is None:
        return _compile(pattern, flags)
    key = (pattern, flags)
    program = table.get(key)
    if program is not None:
        try:
            return _compiled(pattern, program)
        except Exception:  # noqa: BLE001 - a refused entry: compile afresh
            pass
    steps = _steps(pattern, flags)
    if steps is None:
        return re.compile(pattern, flags)
    if not _fresh:
        import atexit

        atexit.register(_save)
    compiled = _sre.compile(pattern, *steps)
    _fresh[key] = (steps[0], array("I", steps[1]).tobytes(), *steps[2:])
    return compiled  # type: ignore[no-any-return]


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    """``re.compile(pattern, flags)`` without the cache: the standard steps, with the faster
    character-set step of ``regex_charset`` (the same program)."""
    steps = _steps(pattern, flags)
    if steps is None:
        return re.compile(pattern, flags)
    return _sre.compile(pattern, *steps)  # type: ignore[no-any-return]


def _compiled(pattern: str, program: Program) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup)  # type: ignore[no-any-return]


Steps = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _steps(pattern: str, flags: int) -> Steps | None:
    """The arguments after the pattern that ``re._compiler.compile`` hands to ``_sre.compile``
    (computed by the same steps), or None: use ``re.compile``."""
    if not _STEPS:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        code = regex_charset.code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - the engine's internals changed: plain re.compile
        return None


def cache_path() -> str | None:
    """The cache file of this package version and regex engine, or None when the cache is off."""
    setting = os.environ.get("DRAFT_REPORT_REGEX_CACHE", "")
    if _ENGINE is None or setting == "0":
        return None
    if setting:
        folder = setting
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "draft-report")
    from draft_report import __version__

    return os.path.join(folder, f"regex2-{__version__}-{_ENGINE}.marshal")


def _table() -> dict[tuple[str, int], Program] | None:
    global _loaded
    if _loaded is None:
        path = cache_path()
        if path is None:
            return None
        _loaded = {}
        try:
            import marshal

            with open(path, "rb") as f:
                data = marshal.loads(f.read())  # (marshal.load reads a file object piece by piece)
            if isinstance(data, dict):
                _loaded = data
        except Exception:  # noqa: BLE001 - missing or unreadable: start empty
            pass
    return _loaded


def _save() -> None:
    """Write the loaded entries and this run's fresh ones (the fresh ones first when over the cap)."""
    path = cache_path()
    if path is None or not _fresh:
        return
    merged = dict(_fresh)
    for key, program in (_loaded or {}).items():
        if len(merged) >= _MAX_ENTRIES:
            break
        merged.setdefault(key, program)
    try:
        import marshal
        import tempfile

        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        _remove_stale_temporaries(folder)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".regex-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                marshal.dump(merged, f)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # noqa: BLE001 - a cache that cannot be written is no cache
        pass


_STALE_SECONDS = 600.0


def _remove_stale_temporaries(folder: str) -> None:
    """Delete temporary files that a run killed while writing left behind (older than ten minutes,
    so that a file another process is writing right now is never touched)."""
    import time

    cutoff = time.time() - _STALE_SECONDS
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith(".regex-") and entry.name.endswith(".tmp"):
                    try:
                        if entry.stat().st_mtime < cutoff:
                            os.unlink(entry.path)
                    except OSError:
                        pass
    except OSError:
        pass


def _reset_for_tests(loaded: dict[tuple[str, int], Program] | None = None) -> None:
    global _loaded
    _loaded = loaded
    _fresh.clear()


def sizes() -> dict[str, Any]:
    """How many entries were loaded and compiled afresh in this process (for tests and benches)."""
    return {"loaded": len(_loaded or {}), "fresh": len(_fresh), "path": cache_path()}
