"""Compiled (mypyc) vs pure Python, side by side in one run: which modules are compiled, and the
in-process figures of bench/speed.py for both builds, as medians and as a ratio pure / compiled.

    python bench/compiled_speed.py --compiled DIR [--rounds 5] [--runs 5] [--pure DIR]

``--pure`` defaults to this checkout's ``src/`` (the reference code). ``--compiled`` is a folder
holding a ``draft_report`` package with modules compiled by mypyc (mypy ships it), e.g.::

    mkdir -p /tmp/c && git archive HEAD src prompts templates | tar -x -C /tmp/c && cd /tmp/c/src
    mypyc --ignore-missing-imports draft_report/lexicon/numerals.py draft_report/checking/claims.py …
    python -m compileall -q .   # pure modules' .pyc, or a cold start pays for compiling them

(without ``--compiled``: the folder the importable ``draft_report`` comes from). Each round runs one
child process per build, alternating (pure, compiled, pure, …), so that load drifting over the run
hits both alike; a child times, in-process after a warm-up, read + check of each fixture report,
read alone, check alone, and check per 1,000 prose characters of the 10× report (bench/speed.py's
reports). Each figure in a child is the least CPU time (``time.process_time``) of one call over
``--runs`` batches; the figure printed is the median over the rounds, and the ratio pure / compiled.
Wall and CPU times drift with the load of a shared machine: bench/readcheck_instructions.py counts
instructions of the same figures, run once with PYTHONPATH=src and once with PYTHONPATH=DIR.

Measured 2026-11-30 (issue 14; mypy 2.4.1, CPython 3.11, lexicon/ + checking/ except fields.py,
and reading/ assemble, blocks, outline, runs, table_reader, text_blocks compiled, classes as they
are: records stay plain Python classes): instructions read + check per report 10.64 → 9.01 M
(×1.18), check per 1,000 prose chars (10×) 2.40 → 1.87 M (×1.28); five modules only (numerals,
sentence_index, keyword_index, binding, claims): ×1.05 and ×1.18. Below the ×1.3 asked for, so
the compiled build was not adopted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

HOT = (
    "draft_report.lexicon.numerals",
    "draft_report.lexicon.sentence_index",
    "draft_report.lexicon.keyword_index",
    "draft_report.lexicon.binding",
    "draft_report.checking.claims",
    "draft_report.checking.engine",
    "draft_report.reading.assemble",
    "draft_report.reading.text_blocks",
)


def _best(fn: Callable[[], object], runs: int, batch: int) -> float:
    """The least CPU seconds of one call, over ``runs`` batches of ``batch`` calls (after a warm-up): the
    least is the run the other processes on the machine disturbed least."""
    fn()
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for _ in range(batch):
            fn()
        best = min(best, (time.process_time() - start) / batch)
    return best


def child(runs: int) -> dict[str, float]:
    import speed  # bench/speed.py: the same reports and the same 10× report

    from draft_report.checking import check_document
    from draft_report.reading import read_report, read_text

    docs = [read_report(path) for path in speed.REPORTS]
    doc10 = read_text(speed.repeated_prose(speed.REPORT.read_text(encoding="utf-8"), 10), fmt="text")
    kchars = speed.prose_chars(doc10) / 1000
    n = len(speed.REPORTS)
    return {
        "read_check_one_report": _best(lambda: [check_document(read_report(p)) for p in speed.REPORTS], runs, 4) / n,
        "read_one_report": _best(lambda: [read_report(p) for p in speed.REPORTS], runs, 4) / n,
        "check_one_report": _best(lambda: [check_document(d) for d in docs], runs, 4) / n,
        "check_per_1000_chars_10x": _best(lambda: check_document(doc10), runs, 4) / kchars,
    }


def compiled_modules() -> list[str]:
    out = []
    for name in HOT:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None and spec.origin.endswith((".so", ".pyd")):
            out.append(name)
    return out


def installed_dir() -> Path:
    spec = importlib.util.find_spec("draft_report")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent.parent


def run_child(path: Path, runs: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(path)
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--runs", str(runs)],
        env=env, capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="child processes per build, alternating")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per figure in each child")
    ap.add_argument("--compiled", type=Path, help="folder holding the compiled draft_report package")
    ap.add_argument("--pure", type=Path, default=ROOT / "src", help="folder holding the pure package")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        figures = child(args.runs)
        figures["compiled"] = len(compiled_modules())
        print(json.dumps(figures))
        return 0
    compiled_dir = args.compiled or installed_dir()
    results: dict[str, list[dict[str, float]]] = {"pure": [], "compiled": []}
    for _ in range(args.rounds):
        results["pure"].append(run_child(args.pure, args.runs))
        results["compiled"].append(run_child(compiled_dir, args.runs))
    n_pure = int(results["pure"][0]["compiled"])
    n_compiled = int(results["compiled"][0]["compiled"])
    print(f"pure:     {args.pure} ({n_pure} of {len(HOT)} hot modules compiled)")
    print(f"compiled: {compiled_dir} ({n_compiled} of {len(HOT)} hot modules compiled)")
    if n_compiled == 0:
        print("the compiled folder holds no compiled module (an editable or pure install?)")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {args.rounds} rounds × {args.runs} runs")
    for name in results["pure"][0]:
        if name == "compiled":
            continue
        pure = statistics.median(r[name] for r in results["pure"])
        comp = statistics.median(r[name] for r in results["compiled"])
        print(f"{name:32} pure {pure * 1000:7.3f} ms   compiled {comp * 1000:7.3f} ms   ×{pure / comp:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
