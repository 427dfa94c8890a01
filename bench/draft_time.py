"""Print how long offline drafting takes for each example, in-process and through the CLI.

For each example: the whole ``run_draft`` with md only and with md+html+docx (wall min /
median / max and CPU median of N runs after one warm-up), then the md+html+docx run split
into its steps (load, compose, self-check, Markdown, HTML, Word), so a regression shows where
it is. The issue's target is md+html+docx in-process ≤ 120 ms (median). On a busy machine
quote the CPU median, or compare two checkouts in the same call (below).

Usage: python bench/draft_time.py [--repeat N] [--no-cli]

To compare with another checkout, run the same script with its ``src`` first on the path:
PYTHONPATH=/path/to/other/src python bench/draft_time.py
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import draft_report
from draft_report.commands.draft import run_draft

ROOT = Path(__file__).resolve().parent.parent


def _figures(times: tuple[list[float], list[float]]) -> str:
    wall, cpu = ([t * 1000 for t in ts] for ts in times)
    return (
        f"wall min {min(wall):6.1f}  median {statistics.median(wall):6.1f}  max {max(wall):6.1f} ms | "
        f"cpu median {statistics.median(cpu):6.1f} ms"
    )


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``repeat`` calls after a warm-up (imports, template compilation).

    CPU time is this process's own: on a shared machine it stays close to the idle wall time
    while the wall time grows with the load."""
    fn()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def _drafter(data: Path, out: Path, formats: list[str]) -> Callable[[], None]:
    """``run_draft`` into a new folder on every call (it refuses to overwrite)."""
    counter = iter(range(10**9))

    def once() -> None:
        run_draft(data, out.with_name(f"{out.name}-{next(counter)}"), formats)

    return once


def _steps(data: Path, out: Path, repeat: int) -> None:
    from draft_report.commands.draft import self_check
    from draft_report.drafting.compose import compose_document
    from draft_report.drafting.offline import OfflineDrafter
    from draft_report.loading import load_dataset
    from draft_report.rendering.docx import write_docx
    from draft_report.rendering.html import render_html
    from draft_report.rendering.markdown import render_markdown

    dataset = load_dataset(data)
    doc = compose_document(dataset, OfflineDrafter())
    out.mkdir(parents=True, exist_ok=True)
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("load", lambda: load_dataset(data)),
        ("compose", lambda: compose_document(dataset, OfflineDrafter())),
        ("self-check", lambda: self_check(doc, dataset)),
        ("markdown", lambda: render_markdown(doc)),
        ("html", lambda: render_html(doc)),
        ("docx", lambda: write_docx(doc, out / "report.docx")),
    ]
    for name, fn in steps:
        print(f"    {name:11} {_figures(_timed(fn, repeat))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--no-cli", action="store_true", help="skip the cold CLI run")
    args = parser.parse_args()
    print(f"draft_report from {Path(draft_report.__file__).parent}")
    exe = Path(sys.executable).parent / "draft-report"
    examples = sorted(p for p in (ROOT / "examples").iterdir() if (p / "data.yaml").is_file())
    with tempfile.TemporaryDirectory() as tmp:
        for example in examples:
            data = example / "data.yaml"
            for formats in (["md"], ["md", "html", "docx"]):
                label = ",".join(formats)
                once = _drafter(data, Path(tmp) / f"{example.name}-{'-'.join(formats)}", formats)
                print(f"{example.name:14} {label:12} in-process  {_figures(_timed(once, args.repeat))}")
            _steps(data, Path(tmp) / f"{example.name}-steps", args.repeat)
            if exe.exists() and not args.no_cli:
                out = Path(tmp) / f"{example.name}-cli"
                start = time.perf_counter()
                subprocess.run([str(exe), "draft", str(data), "-o", str(out)], check=True, capture_output=True)
                print(f"{example.name:14} {'md':12} CLI (cold)  {(time.perf_counter() - start) * 1000:7.1f} ms")
                shutil.rmtree(out)


if __name__ == "__main__":
    main()
