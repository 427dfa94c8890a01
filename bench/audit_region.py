"""Audit of a large region: wall time, peak memory and the speed-up from a second core.

Builds N reports (default 1,000) in a temporary folder from the test fixtures — real reports
as text, the drafted examples as Markdown/HTML/Word, a portal page, the official PDFs — with a
chosen share of each format, then runs ``draft-report audit FOLDER --format json`` with
``--jobs 1`` and ``--jobs 2`` in turn (A B A B …), each as its own process:

    python bench/audit_region.py [--count 1000] [--runs 1] [--pdf-share 0.1] [--keep DIR]

Prints per run the wall seconds, CPU seconds and peak resident memory (the largest single
process: the parent or one worker, from ``wait4``), then the median speed-up 1 core → 2 cores.
The folder is not kept unless ``--keep`` names one (then it can be timed with farm-bench too).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"


def _sources(scratch: Path) -> dict[str, list[Path]]:
    """Report files of every format, drafted where the fixtures have none."""
    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.loading import load_dataset
    from draft_report.rendering.docx import write_docx
    from draft_report.rendering.html import render_html
    from draft_report.rendering.markdown import render_markdown

    out: dict[str, list[Path]] = {
        "txt": sorted((FIX / "real_reports").glob("*.txt")) + [FIX / "seeds" / "xiaxian_2023.txt"]
        + sorted((FIX / "variants").glob("*.txt")),
        "md": sorted((FIX / "variants").glob("*.md")),
        "html": sorted((FIX / "html").glob("*.html")),
        "docx": [],
        "pdf": sorted((FIX / "real_pdfs").glob("*.pdf")),
    }
    for example in ("scjg-2024", "xiaxian-2023"):
        doc = compose_document(load_dataset(ROOT / "examples" / example / "data.yaml"), OfflineDrafter())
        md, html, docx = (scratch / f"{example}{s}" for s in (".md", ".html", ".docx"))
        md.write_text(render_markdown(doc), encoding="utf-8")
        html.write_text(render_html(doc), encoding="utf-8")
        write_docx(doc, docx)
        out["md"].append(md)
        out["html"].append(html)
        out["docx"].append(docx)
    return out


def build(folder: Path, count: int, pdf_share: float) -> dict[str, int]:
    """``count`` reports in ``folder`` (20 per sub-folder, each under its own name)."""
    scratch = folder / ".sources"
    scratch.mkdir(parents=True, exist_ok=True)
    sources = _sources(scratch)
    rest = (1.0 - pdf_share) / 4
    shares = {"txt": rest, "md": rest, "html": rest, "docx": rest, "pdf": pdf_share}
    plan: list[str] = []
    for fmt, share in shares.items():
        plan += [fmt] * round(count * share)
    plan = (plan + ["txt"] * count)[:count]
    random.Random(0).shuffle(plan)  # formats mixed within each sub-folder, the same every run
    made: dict[str, int] = {}
    for i, fmt in enumerate(plan):
        src = sources[fmt][i % len(sources[fmt])]
        sub = folder / f"d{i // 20:03}"
        sub.mkdir(exist_ok=True)
        shutil.copy(src, sub / f"r{i:04}{src.suffix}")
        made[fmt] = made.get(fmt, 0) + 1
    shutil.rmtree(scratch)
    return made


def _run(cmd: list[str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS (MiB) and exit code of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pdf-share", type=float, default=0.1)
    parser.add_argument("--keep", type=Path, help="build the folder here and keep it")
    args = parser.parse_args()
    tmp = None
    if args.keep is not None:
        folder = args.keep
        folder.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="audit-bench-")
        folder = Path(tmp)
    try:
        made = build(folder, args.count, args.pdf_share)
        print(f"{args.count} reports in {folder}: " + ", ".join(f"{k} {v}" for k, v in sorted(made.items())))
        exe = [sys.executable, "-m", "draft_report"]
        results: dict[int, list[tuple[float, float, int, int]]] = {1: [], 2: []}
        for _ in range(args.runs):
            for jobs in (1, 2):
                r = _run([*exe, "audit", str(folder), "--format", "json", "--jobs", str(jobs)])
                results[jobs].append(r)
                print(f"--jobs {jobs}: wall {r[0]:7.1f} s  cpu {r[1]:7.1f} s  peak {r[2]:5d} MiB  exit {r[3]}  "
                      f"({args.count / r[0]:.1f} reports/s)")
        one = statistics.median(r[0] for r in results[1])
        two = statistics.median(r[0] for r in results[2])
        print(f"median wall: 1 core {one:.1f} s, 2 cores {two:.1f} s; speed-up {one / two:.2f}x "
              f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
