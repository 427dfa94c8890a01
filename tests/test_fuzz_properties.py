"""Property-based fuzzing (hypothesis, fixed seed, small budget): whatever a data file, register
or report holds, reading it ends in a result or an ``InputError`` with a Chinese message — never
another exception. The long run with child processes, a watchdog and memory figures is
``python bench/fuzz.py --cases 2000``."""

from __future__ import annotations

import functools
import io
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import hostile  # noqa: E402

from draft_report.errors import InputError  # noqa: E402
from lazy_hypothesis import hypothesis_property  # noqa: E402

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\b")

DATA = hostile.EXAMPLE.read_text(encoding="utf-8")
REPORT = hostile.REPORT_TXT.read_text(encoding="utf-8")
REGISTER = (hostile.EXAMPLE_LOGS / "requests.csv").read_text(encoding="utf-8-sig")



def _edits(st: Any) -> Any:
    """Up to six edits of a text: (where, how many characters cut, what is put there)."""
    nasty = st.one_of(
        st.sampled_from(hostile._NASTY), st.text(max_size=30), st.from_regex(r"-?\d{1,60}", fullmatch=True)
    )
    return st.lists(st.tuples(st.floats(0, 1), st.integers(0, 30), nasty), min_size=1, max_size=6)


def _apply(text: str, changes: list[tuple[float, int, str]]) -> str:
    for where, cut, token in changes:
        i = int(where * len(text))
        text = text[:i] + token + text[i + cut :]
    return text


@functools.cache
def _data_as_json() -> str:
    """The example data file as JSON: the same for every example, so parsed once (pure-Python YAML)."""
    return json.dumps(hostile._yaml_load(DATA), default=str, ensure_ascii=False)


def _chinese_message(exc: InputError, path: Path) -> None:
    message = str(exc).replace(str(path), "")
    assert _CJK.search(message), message
    m = _ENGLISH.search(re.sub(r"\b[\w.]+\.(?:yaml|json|csv|xlsx|docx|txt)\b", "", message))
    assert m is None, message


@hypothesis_property(changes=_edits, suffix=lambda st: st.sampled_from([".yaml", ".json"]))
def test_any_damaged_data_file_loads_or_is_refused_in_chinese(tmp_path: Path, changes, suffix: str) -> None:
    from draft_report.loading import load_dataset

    base = DATA if suffix == ".yaml" else _data_as_json()
    path = tmp_path / f"data{suffix}"
    path.write_text(_apply(base, changes), encoding="utf-8", errors="surrogatepass")
    try:
        load_dataset(path)
    except InputError as exc:
        _chinese_message(exc, path)


@hypothesis_property(changes=_edits)
def test_any_damaged_register_loads_or_is_refused_in_chinese(tmp_path: Path, changes) -> None:
    from draft_report.loading import load_dataset

    for source in hostile.EXAMPLE_LOGS.iterdir():
        (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "requests.csv").write_text(_apply(REGISTER, changes), encoding="utf-8", errors="surrogatepass")
    try:
        load_dataset(tmp_path)
    except InputError as exc:
        _chinese_message(exc, tmp_path)


@hypothesis_property(changes=_edits, fmt=lambda st: st.sampled_from(["text", "markdown", "html"]))
def test_any_damaged_report_is_checked_or_refused(changes, fmt: str) -> None:
    from draft_report.checking import check_document
    from draft_report.reading import read_text

    text = _apply(REPORT, changes)
    try:
        check_document(read_text(text, source="r.txt", fmt=fmt))
    except InputError as exc:
        _chinese_message(exc, Path("r.txt"))


@pytest.fixture(scope="module")
def drafted_docx() -> bytes:
    return hostile._drafted_docx()


@hypothesis_property(
    values=lambda st: st.lists(st.sampled_from(["0", "-1", "x", "", "99999999", "1e3", "2"]), min_size=1, max_size=8),
    attr=lambda st: st.sampled_from(["w:val", "w:w", "w:gridSpan", "w:ilvl"]),
)
def test_any_damaged_docx_is_read_or_refused(tmp_path: Path, drafted_docx: bytes, values, attr: str) -> None:
    from draft_report.reading.docx import read_docx

    with zipfile.ZipFile(io.BytesIO(drafted_docx)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    it = iter(values * 10_000)
    xml = re.sub(rf'{attr}="[^"]*"', lambda m: f'{attr}="{next(it)}"', xml)
    parts["word/document.xml"] = xml.encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path = tmp_path / "r.docx"
    path.write_bytes(buf.getvalue())
    try:
        read_docx(path)
    except InputError as exc:
        _chinese_message(exc, path)
