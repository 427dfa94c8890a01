"""LibreOffice headless conversions for tests/test_docx_pdf.py, several in one soffice run.

Each ``soffice --convert-to`` run starts LibreOffice anew (≈ 2.5 s of CPU, most of it start-up:
fonts, a virtual screen), and one run converts to one format only. ``convert_all`` does every
conversion in one run: a Basic macro in the run's own user profile loads each document hidden
and stores it with the named export filter — what ``--convert-to`` itself does (load with
``Hidden``, ``storeToURL`` with ``FilterName``). If the macro run fails or leaves a file missing,
the conversions are done again the usual way, one ``--convert-to`` run per format, so a test never
depends on macros working.
"""

from __future__ import annotations

import os
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Conversion:
    source: Path
    filter_name: str  # LibreOffice export filter, e.g. "writer_pdf_Export", "MS Word 2007 XML"
    target: Path


_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" \
script:language="StarBasic">{body}</script:module>
"""

_STORE = """
  doc = StarDesktop.loadComponentFromURL(ConvertToURL("{source}"), "_blank", 0, loadArgs())
  storeArgs(0).Value = "{filter_name}"
  doc.storeToURL(ConvertToURL("{target}"), storeArgs())
  doc.close(True)"""


def _macro(conversions: list[Conversion]) -> str:
    stores = "".join(
        _STORE.format(source=c.source, filter_name=c.filter_name, target=c.target) for c in conversions
    )
    body = f"""
Sub ConvertAll
  On Error GoTo Failed
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = "Hidden"
  loadArgs(0).Value = True
  Dim storeArgs(0) As New com.sun.star.beans.PropertyValue
  storeArgs(0).Name = "FilterName"{stores}
  Exit Sub
Failed:
End Sub
"""
    return _MODULE.format(body=escape(body, {'"': "&quot;"}))


def _run(argv: list[str], timeout: float) -> bool:
    """Run soffice in its own process group; on time-out the whole group is stopped."""
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True) as proc:
        try:
            proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return False
    return proc.returncode == 0


def _by_macro(soffice: str, conversions: list[Conversion], profile: Path) -> bool:
    for c in conversions:
        if '"' in str(c.source) + str(c.target):
            return False  # not expressible as a Basic string literal here
    installation = f"-env:UserInstallation={profile.as_uri()}"
    if not _run([soffice, installation, "--headless", "--terminate_after_init"], timeout=120):
        return False  # the profile (with its empty Standard library) is made by this first start
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.is_file():
        return False
    module.write_text(_macro(conversions), encoding="utf-8")
    ok = _run([soffice, installation, "--headless", "macro:///Standard.Module1.ConvertAll"], timeout=180)
    return ok and all(c.target.is_file() for c in conversions)


def convert_all(soffice: str, conversions: list[Conversion], profile: Path) -> None:
    """Every conversion, into its target (folders made); one soffice run where macros work."""
    for c in conversions:
        c.target.parent.mkdir(parents=True, exist_ok=True)
    if _by_macro(soffice, conversions, profile):
        return
    for c in conversions:
        c.target.unlink(missing_ok=True)
    for c in conversions:  # the usual way: one --convert-to run per document and format
        extension = c.target.suffix.lstrip(".")
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
             f"{extension}:{c.filter_name}", "--outdir", str(c.target.parent), str(c.source)],
            capture_output=True, check=True, timeout=300,
        )
        produced = c.target.parent / (c.source.stem + c.target.suffix)
        if produced != c.target:
            produced.replace(c.target)
