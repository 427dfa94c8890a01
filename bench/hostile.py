"""Hostile inputs for the fuzz run (bench/fuzz.py) and tests/test_hostile_inputs.py.

``fixed_cases(folder)`` builds the named attacks of issue 12 (damaged and hostile .docx files,
huge numbers, deep nesting, control characters, FIFOs, oversized reports); ``random_case(rng,
folder, i)`` builds one seeded random mutation of a valid data file, register or report. A case
is a command line for ``draft-report`` plus its category; files are written under ``folder``.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xiaxian-2023" / "data.yaml"
EXAMPLE_LOGS = ROOT / "examples" / "scjg-2024"
REPORT_TXT = ROOT / "tests" / "fixtures" / "seeds" / "xiaxian_2023.txt"

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass
class Case:
    name: str
    category: str  # data | register | report | docx | output
    argv: list[str]
    size: int = 0  # bytes of the hostile input (for the memory budget: < 10 MB → < 500 MB)


# --- .docx building blocks ---------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx_bytes(document_xml: bytes | str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx package around ``document_xml``."""
    if isinstance(document_xml, str):
        document_xml = document_xml.encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def body(xml: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{xml}</w:body></w:document>'


def para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _stream_docx(path: Path, head: str, repeat: str, times: int, tail: str) -> None:
    """Write a .docx whose document.xml is head + repeat*times + tail without holding it in memory."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head.encode())
            chunk = (repeat * 1000).encode()
            for _ in range(times // 1000):
                fh.write(chunk)
            fh.write((repeat * (times % 1000)).encode())
            fh.write(tail.encode())


def _docx_cases(folder: Path) -> list[tuple[str, Callable[[Path], None]]]:
    def write(data: bytes) -> Callable[[Path], None]:
        return lambda p: p.write_bytes(data)

    doc_head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
    doc_tail = "</w:body></w:document>"
    nested = "".join("<w:tbl><w:tr><w:tc>" for _ in range(3000)) + para("x") + "".join(
        "</w:tc></w:tr></w:tbl>" for _ in range(3000)
    )
    nested_100 = "".join("<w:tbl><w:tr><w:tc>" for _ in range(60)) + para("x") + "".join(
        "</w:tc></w:tr></w:tbl>" for _ in range(60)
    )
    entity_bomb = (
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        + f"]><w:document {W}><w:body>{para('&j;')}</w:body></w:document>"
    )
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<w:document {W}><w:body>{para('政府信息公开 &x;')}</w:body></w:document>"
    )
    span = '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr>' + para("表三") + "</w:tc></w:tr></w:tbl>"
    vmerge = "<w:tbl>" + "".join(
        '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + para(str(i)) + "</w:tc></w:tr>" for i in range(3)
    ) + "</w:tbl>"
    neg_span = '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="-5"/></w:tcPr>' + para("一") + "</w:tc></w:tr></w:tbl>"
    bad_span = '<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="abc"/></w:tcPr>' + para("一") + "</w:tc></w:tr></w:tbl>"

    def zip_bomb(p: Path) -> None:
        with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", _CONTENT_TYPES)
            z.writestr("_rels/.rels", _RELS)
            z.writestr("word/document.xml", body(para("政府信息公开工作年度报告")))
            with z.open("word/media/image1.png", "w", force_zip64=True) as fh:
                zero = b"\0" * (1 << 20)
                for _ in range(1024):  # 1 GB of zeros, ~1 MB compressed
                    fh.write(zero)

    def xml_bomb(p: Path) -> None:  # document.xml of 400 MB whitespace inside a paragraph
        _stream_docx(p, doc_head + "<w:p><w:r><w:t>", " " * 1000, 400_000, "</w:t></w:r></w:p>" + doc_tail)

    def many_paragraphs(p: Path) -> None:
        _stream_docx(p, doc_head, "<w:p><w:r><w:t>一</w:t></w:r></w:p>", 2_000_000, doc_tail)

    def many_cells(p: Path) -> None:
        _stream_docx(p, doc_head + "<w:tbl><w:tr>", "<w:tc><w:p/></w:tc>", 300_000, "</w:tr></w:tbl>" + doc_tail)

    return [
        ("docx-not-a-zip", write(b"PK\x03\x04 this is not really a zip")),
        ("docx-text-renamed", write("二〇二三年政府信息公开工作年度报告".encode())),
        ("docx-empty", write(b"")),
        ("docx-bad-xml", write(docx_bytes(doc_head + "<w:p><w:r><w:t>未闭合"))),
        ("docx-not-xml", write(docx_bytes(b"\x00\x01binary"))),
        ("docx-no-document-part", write(docx_bytes("", extra={}).replace(b"word/document.xml", b"word/documenx.xml"))),
        ("docx-entity-bomb", write(docx_bytes(entity_bomb))),
        ("docx-xxe", write(docx_bytes(xxe))),
        ("docx-nested-3000", write(docx_bytes(doc_head + nested + doc_tail))),
        ("docx-nested-60", write(docx_bytes(doc_head + nested_100 + doc_tail))),
        ("docx-gridspan-1e8", write(docx_bytes(doc_head + span + doc_tail))),
        ("docx-gridspan-negative", write(docx_bytes(doc_head + neg_span + doc_tail))),
        ("docx-gridspan-text", write(docx_bytes(doc_head + bad_span + doc_tail))),
        ("docx-vmerge-only", write(docx_bytes(doc_head + vmerge + doc_tail))),
        ("docx-zip-bomb", zip_bomb),
        ("docx-xml-400mb", xml_bomb),
        ("docx-2m-paragraphs", many_paragraphs),
        ("docx-300k-cells", many_cells),
        ("docx-wrong-root", write(docx_bytes(f"<w:foo {W}/>"))),
        ("docx-bad-rels", write(docx_bytes(body(para("一")), extra={"word/_rels/document.xml.rels": b"<not-closed"}))),
        ("docx-bad-numbering", write(docx_bytes(body(para("一")), extra={"word/numbering.xml": b"<w:numbering"}))),
    ]


# --- fixed cases ---------------------------------------------------------------------------------


def _data_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


# Cases that take seconds and hundreds of MB of disk to build: the bench runs them, tests skip them.
HEAVY = frozenset({"docx-zip-bomb", "docx-xml-400mb", "docx-2m-paragraphs", "txt-50mb", "txt-9mb"})


def fixed_cases(folder: Path, *, heavy: bool = True, write: bool = True) -> list[Case]:
    """The named attacks; every file is written under ``folder`` (``heavy=False``: without ``HEAVY``;
    ``write=False``: the cases' names and command lines only, no file written, sizes 0)."""
    if write:
        folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    src = _data_text()

    def data_case(name: str, text: str, suffix: str = ".yaml") -> None:
        path = folder / f"{name}{suffix}"
        if write:
            path.write_text(text, encoding="utf-8", newline="")
        size = path.stat().st_size if write else 0
        cases.append(Case(name, "data", ["draft", str(path), "-o", str(folder / f"out-{name}"), "-f", "md,html,docx"], size))

    import yaml

    many = yaml.safe_load(src)
    many["problems"] = [f"问题{i}仍需改进" for i in range(1, 40)]
    data_case("data-39-problems", yaml.safe_dump(many, allow_unicode=True, sort_keys=False))
    for label, ch in (("nul", "\\0"), ("soh", "\\x01"), ("esc", "\\e"), ("uffff", "\\uFFFF"), ("surrogate", "\\uD800")):
        data_case(f"data-control-{label}", src.replace("已公开的信息在广度和深度上仍需提升", f'"已公开的{ch}信息"'))
    data_case("data-raw-control", src.replace("已公开的信息在广度和深度上仍需提升", "已公开的\x01信息"))
    data_case("data-10e400", src.replace("collected_yuan: 0", "collected_yuan: 1" + "0" * 400))
    data_case("data-5000-digits", src.replace("collected_yuan: 0", "collected_yuan: " + "7" * 5000))
    data_case("data-float-1e400", src.replace("amount_wan: 0", "amount_wan: 1.0e+400"))
    data_case("data-inf", src.replace("amount_wan: 0", "amount_wan: .inf"))
    data_case("data-nan", src.replace("amount_wan: 0", "amount_wan: .nan"))
    data_case("data-true-count", src.replace("licensing: {decisions: 0}", "licensing: {decisions: true}"))
    data_case("data-nested-3000", src + "extra: " + "[" * 3000 + "]" * 3000 + "\n")
    data_case("data-nested-block-500", src + "".join(" " * i + "k:\n" for i in range(500)))
    data_case("data-billion-laughs", "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
    ) + src)
    data_case("data-python-tag", "x: !!python/object/apply:os.system ['echo pwned']\n" + src)
    data_case("data-bad-date", src.replace("2024-01-18", "2024-02-30"))
    data_case("data-duplicate-key", src + "\nproblems:\n  - 重复\n")
    data_case("data-year-huge", src.replace("year: 2023", "year: 99999999999999999999"))
    data_case("data-year-negative", src.replace("year: 2023", "year: -5"))
    data_case("data-list-top", "- 1\n- 2\n")
    data_case("data-long-string", src.replace("已公开的信息在广度和深度上仍需提升", "很" * 2_000_000))
    data = json.loads(json.dumps(_yaml_load(src), default=str, ensure_ascii=False))
    j = json.dumps(data, ensure_ascii=False)
    data_case("json-5000-digits", j.replace('"collected_yuan": 0', '"collected_yuan": ' + "9" * 5000), ".json")
    data_case("json-1e400", j.replace('"amount_wan": 0', '"amount_wan": 1e400'), ".json")
    data_case("json-NaN", j.replace('"amount_wan": 0', '"amount_wan": NaN'), ".json")
    data_case("json-nested-5000", j[:-1] + ', "x": ' + "[" * 5000 + "]" * 5000 + "}", ".json")
    data_case("json-nested-dict-2000", j[:-1] + ', "x": ' + '{"a":' * 2000 + "1" + "}" * 2000 + "}", ".json")
    data_case("json-bad-escape", j.replace("夏县乡村振兴局", "夏县\\q局", 1), ".json")
    data_case("json-control-escape", j.replace("夏县乡村振兴局", "夏县\\u0001局", 1), ".json")

    # reports given to check
    def report_case(name: str, maker: Callable[[Path], None], suffix: str, extra: list[str] | None = None) -> None:
        if name in HEAVY and not heavy:
            return
        path = folder / f"{name}{suffix}"
        if write:
            maker(path)
        size = path.stat().st_size if write and path.is_file() else 0
        cases.append(Case(name, "docx" if suffix == ".docx" else "report", ["check", str(path), *(extra or [])], size))

    for name, maker in _docx_cases(folder):
        report_case(name, maker, ".docx")
    sample = REPORT_TXT.read_text(encoding="utf-8")
    report_case("txt-50mb", lambda p: p.write_text(sample * (50 * 2**20 // len(sample.encode()) + 1), encoding="utf-8"), ".txt")
    report_case("txt-9mb", lambda p: p.write_text(sample * (9 * 2**20 // len(sample.encode())), encoding="utf-8"), ".txt")
    report_case("txt-one-line-5mb", lambda p: p.write_text(sample.replace("\n", "") * 40, encoding="utf-8"), ".txt")
    report_case("txt-10000-numbers", lambda p: p.write_text("本年共收到申请" + "、".join(str(i) for i in range(10000)) + "件。\n", encoding="utf-8"), ".txt")
    report_case("txt-controls", lambda p: p.write_text(sample.replace("。", "\x1b\x01。"), encoding="utf-8"), ".txt")
    report_case("txt-5000-digits", lambda p: p.write_text(sample + "\n本年共收到申请" + "9" * 5000 + "件。\n", encoding="utf-8"), ".txt")
    report_case("html-deep", lambda p: p.write_text("<html><body>" + "<div>" * 100000 + "政府信息公开" + "</div>" * 100000, encoding="utf-8"), ".html")
    report_case("html-bad", lambda p: p.write_bytes(b"<html>\x00\x00<table><tr><td>\xff\xfe"), ".html")
    report_case("md-many-tables", lambda p: p.write_text("# 报告\n" + "| 一 | 二 |\n|---|---|\n| 1 | 2 |\n\n" * 20000, encoding="utf-8"), ".md")
    for kind in ("report", "data"):
        fifo = folder / f"fifo-{kind}.{'txt' if kind == 'report' else 'yaml'}"
        if write and not fifo.exists():
            os.mkfifo(fifo)
        argv = ["check", str(fifo)] if kind == "report" else ["draft", str(fifo), "-o", str(folder / "out-fifo")]
        cases.append(Case(f"fifo-{kind}", "report" if kind == "report" else "data", argv, 0))
    cases.append(Case("dev-zero-report", "report", ["check", "/dev/zero"], 0))
    return cases


def _yaml_load(text: str) -> object:
    import yaml

    return yaml.safe_load(text)


# --- random cases --------------------------------------------------------------------------------

_NASTY = [
    "", " ", "0", "-1", "1e309", "-0", "nan", "NaN", ".inf", "1,286", "１２", "三十七", "true", "null", "~",
    "[]", "{}", "2024-13-45", "'", '"', "\\", "\x00", "\x1b[31m", "\uffff", "\ud800", "🙂" * 50, "9" * 60,
    "1" + "0" * 400, "&a", "*a", "!!binary AAAA", "? x", "- - -", ": :", "|", ">-", "#", "%YAML 1.1",
    "---", "...", "<<: *a", "=cmd|' /C calc'!A0", "@SUM(1)", "<script>", "A" * 5000, "\t", "\r", "\u2028",
]


def _mutate_text(rng: random.Random, text: str, n: int) -> str:
    chars = list(text)
    for _ in range(n):
        op = rng.randrange(6)
        pos = rng.randrange(len(chars) + 1)
        if op == 0 and chars:  # delete a span
            del chars[pos : pos + rng.randint(1, 20)]
        elif op == 1:  # insert a nasty token
            chars[pos:pos] = list(rng.choice(_NASTY))
        elif op == 2 and chars:  # duplicate a span
            span = chars[pos : pos + rng.randint(1, 200)]
            chars[pos:pos] = span * rng.randint(1, 5)
        elif op == 3 and chars:  # replace a character by a random code point
            chars[min(pos, len(chars) - 1)] = chr(rng.choice([rng.randrange(0, 0x80), rng.randrange(0x80, 0x3000), rng.randrange(0x3000, 0x10FFFF)]))
        elif op == 4:  # swap two lines
            lines = "".join(chars).split("\n")
            if len(lines) > 2:
                a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[a], lines[b] = lines[b], lines[a]
            chars = list("\n".join(lines))
        else:  # replace a number by a nasty token
            s = "".join(chars)
            numbers = list(re.finditer(r"\d+", s))
            if numbers:
                m = rng.choice(numbers)
                s = s[: m.start()] + rng.choice(_NASTY) + s[m.end() :]
            chars = list(s)
    return "".join(chars)


def _write_mutated(path: Path, text: str, rng: random.Random) -> None:
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "gb18030", "utf-16"])
    try:
        data = text.encode(encoding, errors="surrogatepass")
    except (UnicodeEncodeError, LookupError):
        data = text.encode("utf-8", errors="surrogatepass")
    if rng.random() < 0.05:  # raw byte damage
        data = bytearray(data)
        for _ in range(rng.randint(1, 10)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
        data = bytes(data)
    path.write_bytes(data)


def random_case(rng: random.Random, folder: Path, index: int) -> Case:
    """One seeded random mutation: data file, register, text/Markdown/HTML report or .docx."""
    kind = rng.choice(["data", "data", "json", "register", "register", "report", "report", "docx"])
    here = folder / f"r{index:05d}"
    here.mkdir(parents=True, exist_ok=True)
    out = here / "out"
    if kind in ("data", "json"):
        src = _data_text()
        if kind == "json":
            src = json.dumps(json.loads(json.dumps(_yaml_load(src), default=str)), ensure_ascii=False, indent=rng.choice([None, 1]))
        path = here / ("data.json" if kind == "json" else "data.yaml")
        _write_mutated(path, _mutate_text(rng, src, rng.randint(1, 8)), rng)
        return Case(f"random-{kind}-{index}", "data", ["draft", str(path), "-o", str(out), "-f", "md,html,docx"], path.stat().st_size)
    if kind == "register":
        for source in EXAMPLE_LOGS.iterdir():
            (here / source.name).write_bytes(source.read_bytes())
        victim = rng.choice(sorted(p for p in here.iterdir() if p.suffix == ".csv"))
        text = victim.read_text(encoding="utf-8-sig")
        if rng.random() < 0.3:
            _write_xlsx(here / (victim.stem + ".xlsx"), _mutate_text(rng, text, rng.randint(1, 6)), rng)
            victim.unlink()
            _point_data_at_xlsx(here, victim.name, victim.stem + ".xlsx")
        else:
            _write_mutated(victim, _mutate_text(rng, text, rng.randint(1, 8)), rng)
        size = sum(p.stat().st_size for p in here.iterdir() if p.is_file())
        return Case(f"random-register-{index}", "register", ["draft", str(here), "-o", str(out), "-f", "md,docx"], size)
    if kind == "report":
        sample = REPORT_TXT.read_text(encoding="utf-8")
        suffix = rng.choice([".txt", ".md", ".html"])
        if suffix == ".html":
            sample = "<html><body>" + "".join(f"<p>{line}</p>" for line in sample.splitlines()) + "</body></html>"
        path = here / f"report{suffix}"
        _write_mutated(path, _mutate_text(rng, sample, rng.randint(1, 30)), rng)
        argv = ["check", str(path)]
        if rng.random() < 0.5:
            argv += ["--data", str(EXAMPLE)]
        return Case(f"random-report-{index}", "report", argv, path.stat().st_size)
    # docx: a real drafted document with its XML mutated
    path = here / "report.docx"
    base = _drafted_docx()
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    victim = rng.choice([n for n in parts if n.endswith(".xml") or n.endswith(".rels")])
    text = parts[victim].decode("utf-8")
    if rng.random() < 0.5:  # attribute/number damage keeps the XML well formed more often
        text = re.sub(r'w:val="(\d+)"', lambda m: f'w:val="{rng.choice(["0", "-1", "999999999", "x", m.group(1)])}"', text)
    else:
        text = _mutate_text(rng, text, rng.randint(1, 5))
    parts[victim] = text.encode("utf-8", errors="surrogatepass")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    path.write_bytes(buf.getvalue())
    argv = ["check", str(path), "--data", str(EXAMPLE)]
    if rng.random() < 0.3:
        argv += ["--annotate", str(here / "annotated.docx")]
    return Case(f"random-docx-{index}", "docx", argv, path.stat().st_size)


_DRAFTED: list[bytes] = []


def _drafted_docx() -> bytes:
    if not _DRAFTED:
        from draft_report.drafting.compose import compose_document
        from draft_report.drafting.offline import OfflineDrafter
        from draft_report.loading import load_dataset
        from draft_report.rendering.docx import docx_saver

        buf = io.BytesIO()
        docx_saver(compose_document(load_dataset(EXAMPLE), OfflineDrafter()))(buf)
        _DRAFTED.append(buf.getvalue())
    return _DRAFTED[0]


def _write_xlsx(path: Path, csv_text: str, rng: random.Random) -> None:
    import csv

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    try:
        rows = list(csv.reader(io.StringIO(csv_text.replace("\r", ""))))
    except csv.Error:
        rows = [line.split(",") for line in csv_text.splitlines()]
    for row in rows:
        clean = [re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", c) for c in row]
        ws.append(clean)
    if rng.random() < 0.2:
        ws.merge_cells(start_row=2, start_column=1, end_row=rng.choice([3, 50, 5000]), end_column=1)
    if rng.random() < 0.2:
        ws.cell(row=rng.choice([100, 10000, 1048576]), column=rng.choice([3, 26, 200])).number_format = "0.00"
    wb.save(path)


def _point_data_at_xlsx(folder: Path, old: str, new: str) -> None:
    data = folder / "data.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
