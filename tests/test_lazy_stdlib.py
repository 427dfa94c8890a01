"""``draft_report.lazy_stdlib``: ``inspect`` is loaded only when something reads from it, and then it
is the real module for everyone who imported it (checked in fresh interpreters)."""

from __future__ import annotations

import subprocess
import sys


def _python(code: str) -> subprocess.CompletedProcess[str]:
    """``code`` run by a fresh interpreter (the lazy modules are registered once per process)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


_PROBE = """
import sys
import draft_report.cli  # the command line registers the lazy modules
import draft_report.checking, draft_report.reading
import inspect, dataclasses
assert type(sys.modules["inspect"]).__name__ == "_LazyModule", type(sys.modules["inspect"])
assert "ast" not in sys.modules and "dis" not in sys.modules
from draft_report.records import dataclass

@dataclass(frozen=True)
class NoDocstring:
    a: int
    b: str = "x"

# dataclasses reads inspect.signature for the docstring: the module loads there, in place
assert NoDocstring.__doc__ == "NoDocstring(a: int, b: str = 'x')", NoDocstring.__doc__
assert type(sys.modules["inspect"]) is type(sys), type(sys.modules["inspect"])
assert sys.modules["inspect"] is inspect is dataclasses.inspect
assert inspect.isclass(NoDocstring) and "ast" in sys.modules
try:
    inspect.no_such_name
except AttributeError:
    pass
else:
    raise AssertionError("a missing attribute must raise AttributeError")
print("ok")
"""


def test_inspect_loads_on_first_use_in_place() -> None:
    proc = _python(_PROBE)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_from_import_of_a_lazy_module_loads_it() -> None:
    code = ("import sys, draft_report.cli\nfrom inspect import signature\n"
            "print(type(sys.modules['inspect']) is type(sys), signature(len))")
    proc = _python(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "(obj,", "/)"]


def test_a_module_already_loaded_is_left_alone() -> None:
    code = "import inspect, sys, draft_report.cli\nprint(type(sys.modules['inspect']) is type(sys))"
    proc = _python(code)
    assert proc.stdout.strip() == "True", proc.stderr


def test_a_program_importing_the_package_gets_the_ordinary_inspect() -> None:
    """Only the command line registers lazy modules; the package imported as a library does not."""
    code = ("import sys, draft_report.checking, draft_report.reading\n"
            "print(type(sys.modules['inspect']) is type(sys))")
    proc = _python(code)
    assert proc.stdout.strip() == "True", proc.stderr


_PATHLIB_PROBE = """
import sys
import draft_report.cli  # the command line registers the lazy modules
import pathlib
from pathlib import Path, PurePosixPath, PureWindowsPath
lazy = [n for n in ("urllib.parse", "ntpath", "fnmatch") if type(sys.modules[n]).__name__ == "_LazyModule"]
assert lazy == ["urllib.parse", "ntpath", "fnmatch"], lazy
assert "ipaddress" not in sys.modules
# pathlib's own uses load them, in place
assert PurePosixPath("/tmp/a b/文件.txt").as_uri() == "file:///tmp/a%20b/%E6%96%87%E4%BB%B6.txt"
assert str(PureWindowsPath("c:/x/y")) == "c:\\\\x\\\\y"
assert PurePosixPath("a/b.txt").match("*.txt") and not PurePosixPath("a/b.txt").match("*.md")
import urllib.parse, ntpath, fnmatch
from urllib.parse import quote_from_bytes, urlsplit
assert ntpath.sep == "\\\\" and fnmatch.translate("*") == "(?s:.*)\\\\Z"
assert all(type(sys.modules[n]) is type(sys) for n in ("urllib.parse", "ntpath", "fnmatch"))
assert urllib.parse is sys.modules["urllib.parse"] is sys.modules["urllib"].parse
assert quote_from_bytes(b"a b") == "a%20b" and urlsplit("http://x/y").path == "/y"
assert pathlib.urlquote_from_bytes(b"\\xe6") == "%E6"
assert ntpath.splitdrive("c:/x") == ("c:", "/x") and fnmatch.fnmatch("a.txt", "*.txt")
print("ok")
"""


def test_pathlib_imports_its_helpers_lazily_and_they_work_on_use() -> None:
    proc = _python(_PATHLIB_PROBE)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_import_from_a_lazy_submodule_first_loads_it() -> None:
    code = ("import sys, draft_report.cli\nfrom urllib.parse import urlsplit\n"
            "print(type(sys.modules['urllib.parse']) is type(sys), urlsplit('http://h/p').netloc)")
    proc = _python(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "h"]
