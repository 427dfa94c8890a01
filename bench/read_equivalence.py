"""Equivalence harness for the readers: record what every input reads as and checks to, then
compare after a change (a refactor or a speed-up must not change a single parsed cell or finding).

    python bench/read_equivalence.py prepare DIR [--mutants 12]   # write the inputs once
    python bench/read_equivalence.py record DIR OUT.json          # read + check every input
    python bench/read_equivalence.py compare DIR BEFORE.json      # re-run, list differences

Inputs: every report under tests/fixtures (text, Markdown, HTML, Word, PDF), the real reports
and the seed under /work/shared when present, offline drafts of seeded random datasets written
as Markdown, HTML and Word, and seeded random mutations of the text reports (deleted spans,
swapped lines, odd tokens in place of numbers) so that odd input is covered too. ``prepare``
writes them to DIR so that both runs read the very same bytes (the drafts are made by the code
under test, so they are made once, before the change).

Recorded per input: the parsed report (every table cell, sections with their paragraphs and
lines, preface, cell issues, table notes, tables found, cell lines, table lines, old-format
markers, lines and places, title, agency, year, signature, date, formats of 表二/表三) and the
findings of ``check_document`` without data; an input error is recorded as its message.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

SHARED = [Path("/work/shared/data/real_reports"), Path("/work/shared/seeds")]
SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def prepare(out: Path, mutants: int, drafts: int) -> None:
    from hostile import _mutate_text
    from random_datasets import dataset

    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.rendering.docx import write_docx
    from draft_report.rendering.html import render_html
    from draft_report.rendering.markdown import render_markdown

    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in SUFFIXES)
    for folder in SHARED:
        if folder.is_dir():
            sources += sorted(p for p in folder.glob("*") if p.suffix in SUFFIXES)
    texts: list[Path] = []
    for i, src in enumerate(sources):
        dest = out / f"f{i:03d}_{src.name}"
        shutil.copyfile(src, dest)
        if src.suffix in (".txt", ".md"):
            texts.append(dest)
    for seed in range(drafts):
        doc = compose_document(dataset(seed), OfflineDrafter())
        (out / f"d{seed:03d}.md").write_text(render_markdown(doc), encoding="utf-8")
        (out / f"d{seed:03d}.html").write_text(render_html(doc), encoding="utf-8")
        write_docx(doc, out / f"d{seed:03d}.docx")
    rng = random.Random(14)
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for k in range(mutants):
            mutated = _mutate_text(rng, text, rng.randint(1, 12))
            (out / f"m_{path.stem}_{k:02d}{path.suffix}").write_text(mutated, encoding="utf-8", errors="surrogatepass")
    print(f"{len(list(out.iterdir()))} inputs in {out}")


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def _paragraphs(paragraphs: Any) -> list[Any]:
    return [[p.text, p.kind, p.line] for p in paragraphs]


def snapshot(path: Path) -> dict[str, Any]:
    from draft_report.checking import check_document
    from draft_report.errors import InputError
    from draft_report.reading import read_report

    try:
        doc = read_report(path)
    except InputError as exc:
        return {"input_error": str(exc)}
    t = doc.tables
    parsed = {
        "title": doc.title, "agency": doc.agency, "year": doc.year, "signature": doc.signature,
        "date": _plain(doc.date), "source_format": doc.source_format,
        "preface": _paragraphs(doc.preface),
        "sections": [[s.key, s.heading, s.line, _paragraphs(s.paragraphs), s.text] for s in doc.sections],
        "cells": _plain(t.cells()),
        "layouts": [t.table2_layout.name, t.table3_layout.name, t.layout_of("table4").name],
        "tables_found": list(doc.tables_found),
        "cell_issues": [[i.cell_id, i.problem, i.raw, i.line] for i in doc.cell_issues],
        "table_notes": [[n.table, n.message, n.line, n.raw] for n in doc.table_notes],
        "cell_lines": _plain(doc.cell_lines), "table_lines": _plain(doc.table_lines),
        "old_format_markers": list(doc.old_format_markers),
        "lines": list(doc.lines), "line_places": _plain(doc.line_places),
    }
    result = check_document(doc)
    return {"parsed": parsed, "findings": [f.to_dict() for f in result.findings], "summary": result.summary}


def record(folder: Path) -> dict[str, Any]:
    return {p.name: snapshot(p) for p in sorted(folder.iterdir())}


def _diff(a: Any, b: Any, where: str, out: list[str]) -> None:
    if len(out) > 40:
        return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append(f"{where}.{k}: only {'after' if k not in a else 'before'}")
            else:
                _diff(a[k], b[k], f"{where}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _diff(x, y, f"{where}[{i}]", out)
    elif a != b:
        out.append(f"{where}: before {str(a)[:200]!r} after {str(b)[:200]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("prepare", "record", "compare"))
    parser.add_argument("folder", type=Path)
    parser.add_argument("json", type=Path, nargs="?")
    parser.add_argument("--mutants", type=int, default=12)
    parser.add_argument("--drafts", type=int, default=8)
    args = parser.parse_args()
    if args.action == "prepare":
        prepare(args.folder, args.mutants, args.drafts)
        return 0
    if args.json is None:
        parser.error("record/compare need a JSON file")
    now = json.loads(json.dumps(record(args.folder), ensure_ascii=False))
    if args.action == "record":
        args.json.write_text(json.dumps(now, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"recorded {len(now)} inputs, {sum(len(v.get('findings', [])) for v in now.values())} findings")
        return 0
    before = json.loads(args.json.read_text(encoding="utf-8"))
    diffs: list[str] = []
    _diff(before, now, "", diffs)
    for line in diffs[:40]:
        print(line)
    errors = sum(1 for v in now.values() if "input_error" in v)
    print(f"{len(now)} inputs ({errors} input errors), "
          f"{sum(len(v.get('findings', [])) for v in now.values())} findings: "
          + ("IDENTICAL" if not diffs else f"{len(diffs)}+ DIFFERENCES"))
    return 0 if not diffs else 1


if __name__ == "__main__":
    sys.exit(main())
