"""Speed figures of issue 14 in one run, each as min / median / max and as a ratio to ``python -c pass``.

    python bench/speed.py [--runs 11] [--audit-reports 1000] [--skip-audit] [--suite] [--json]

Absolute times drift with the machine's load; the ratio to starting a bare interpreter (the
same interpreter that runs this script, i.e. the venv's ``python``) is the figure to compare.
Cold commands are timed as whole processes, each run paired with a baseline run right before
it (A B A B …), and the ratio is taken pair by pair. In-process figures are divided by the
median baseline of the same run.

Figures (budget of docs/performance.md in brackets):
  cold ``draft-report --version`` [≤ 80 ms] and ``draft-report check REPORT`` [≤ 150 ms];
  in-process read + check of one report [≥ 300 reports/s], and check alone (the report already read);
  check time per 1,000 prose characters on reports with the prose repeated 10× and 100× [≤ 1 ms];
  offline draft to md + html + docx in-process [≤ 120 ms];
  ``audit`` of N reports with 1 and 2 worker processes [2 cores ≥ 1.7× faster], when ``audit`` has ``--jobs``;
  the test suite's wall time (only with ``--suite``: it takes a while) [≤ 45 s].
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "tests" / "fixtures" / "real_reports" / "huaian_2024.txt"
REPORTS = sorted((ROOT / "tests" / "fixtures" / "real_reports").glob("*.txt"))
EXAMPLE = ROOT / "examples" / "xiaxian-2023" / "data.yaml"
# Cold commands run as an installed program does: reading the package's .pyc files (compiled
# below), whatever PYTHONDONTWRITEBYTECODE says in the caller's environment.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def spread(values: list[float]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "draft-report"
    return [str(script)] if script.exists() else [sys.executable, "-m", "draft_report"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_once(cmd: list[str], cpu: list[float] | None = None) -> float:
    """Wall seconds of one run; its CPU seconds (user + system) are appended to ``cpu``."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=_ENV)
    wall = time.perf_counter() - start
    if cpu is not None:
        cpu.append(_children_cpu() - cpu_before)
    return wall


def paired(cmd: list[str], baseline: list[str], runs: int) -> dict[str, list[float]]:
    """Wall and CPU seconds of ``cmd`` and of ``baseline``, alternating, after one warm-up of each."""
    _run_once(baseline)
    _run_once(cmd)
    out: dict[str, list[float]] = {"a": [], "b": [], "a_cpu": [], "b_cpu": []}
    for _ in range(runs):
        out["b"].append(_run_once(baseline, out["b_cpu"]))
        out["a"].append(_run_once(cmd, out["a_cpu"]))
    return out


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()  # warm-up: imports, caches
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def repeated_prose(text: str, times: int) -> str:
    """The report with the paragraphs of section 一 repeated ``times`` times (tables unchanged)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("一、"))
    end = next(i for i, line in enumerate(lines) if i > start and line.strip().startswith("二、"))
    prose = lines[start + 1 : end]
    return "\n".join([*lines[: start + 1], *(prose * times), *lines[end:]]) + "\n"


def prose_chars(doc: Any) -> int:
    return sum(len(p.text) for s in doc.sections for p in s.paragraphs)


def in_process_figures(runs: int) -> dict[str, dict[str, float]]:
    from draft_report.checking import check_document
    from draft_report.reading import read_report, read_text

    figures: dict[str, dict[str, float]] = {}
    per_report: list[float] = []
    for path in REPORTS:
        per_report.extend(timed(lambda p=path: check_document(read_report(p)), runs))  # type: ignore[misc]
    figures["read_check_one_report"] = spread(per_report)
    check_only: list[float] = []  # check_document alone (the report read once, outside the timing)
    for doc in [read_report(path) for path in REPORTS]:
        check_only.extend(timed(lambda d=doc: check_document(d), runs))  # type: ignore[misc]
    figures["check_one_report"] = spread(check_only)
    base = REPORT.read_text(encoding="utf-8")
    for times in (10, 100):
        doc = read_text(repeated_prose(base, times), fmt="text")
        kchars = prose_chars(doc) / 1000
        figures[f"check_per_1000_chars_{times}x"] = spread(
            [t / kchars for t in timed(lambda d=doc: check_document(d), max(3, runs // (times // 10)))]  # type: ignore[misc]
        )
    return figures


def draft_figure(runs: int) -> dict[str, float]:
    from draft_report.commands.draft import run_draft

    with tempfile.TemporaryDirectory() as tmp:
        counter = iter(range(10**6))

        def draft() -> None:
            run_draft(EXAMPLE, Path(tmp) / str(next(counter)), ["md", "html", "docx"])

        return spread(timed(draft, runs))


def audit_has_jobs() -> bool:
    help_text = subprocess.run([*_cli(), "audit", "--help"], capture_output=True, text=True, check=False).stdout
    return "--jobs" in help_text


def audit_figures(count: int, runs: int) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        for i in range(count):
            shutil.copy(REPORTS[i % len(REPORTS)], folder / f"{i:05d}_{REPORTS[i % len(REPORTS)].name}")
        out: dict[str, dict[str, float]] = {}
        for jobs in (1, 2):
            cmd = [*_cli(), "audit", str(folder), "--format", "csv", "--jobs", str(jobs)]
            cpu: list[float] = []
            out[f"audit_{count}_jobs{jobs}"] = spread([_run_once(cmd, cpu) for _ in range(runs)])
            out[f"audit_{count}_jobs{jobs}_cpu"] = spread(cpu)  # all processes: the cost of going parallel
        return out


def suite_figure() -> dict[str, float]:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    return {"min": wall, "median": wall, "max": wall}


def _row(label: str, values: dict[str, float], base: float, unit: float = 1000, suffix: str = "ms",
         ratio: dict[str, float] | None = None, target: str = "") -> str:
    shown = " / ".join(f"{values[k] * unit:8.2f}" for k in ("min", "median", "max"))
    r = ratio or {k: values[k] / base for k in ("min", "median", "max")}
    ratios = " / ".join(f"{r[k]:7.2f}" for k in ("min", "median", "max"))
    return f"{label:44} {shown} {suffix:3}  ×pass {ratios}  {target}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=11, help="timed runs per figure (cold commands: pairs)")
    ap.add_argument("--audit-reports", type=int, default=1000, help="reports in the audit batch")
    ap.add_argument("--skip-audit", action="store_true", help="leave out the audit batch (it takes longest)")
    ap.add_argument("--suite", action="store_true", help="also time the whole test suite once")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)

    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    baseline = [sys.executable, "-c", "pass"]
    version = paired([*_cli(), "--version"], baseline, args.runs)
    check = paired([*_cli(), "check", str(REPORT)], baseline, args.runs)
    base_all = version["b"] + check["b"]
    base = statistics.median(base_all)
    figures: dict[str, Any] = {"python_c_pass": spread(base_all)}
    for name, runs in (("cold_version", version), ("cold_check", check)):
        figures[name] = spread(runs["a"])
        figures[f"{name}_ratio"] = spread([a / b for a, b in zip(runs["a"], runs["b"], strict=True)])
        figures[f"{name}_cpu_ratio"] = spread(
            [a / max(b, 1e-3) for a, b in zip(runs["a_cpu"], runs["b_cpu"], strict=True)]
        )
    figures.update(in_process_figures(args.runs))
    figures["draft_md_html_docx"] = draft_figure(args.runs)
    audit_ok = not args.skip_audit and audit_has_jobs()
    if audit_ok:
        figures.update(audit_figures(args.audit_reports, max(1, min(3, args.runs))))
    if args.suite:
        figures["test_suite"] = suite_figure()

    if args.json:
        print(json.dumps({"baseline_median_s": base, "figures": figures}, indent=2))
        return 0
    print(f"baseline: {' '.join(baseline)} (median {base * 1000:.1f} ms); figures min / median / max; "
          f"ratio = figure ÷ baseline (cold commands: pair by pair)")
    print(_row("python -c pass", figures["python_c_pass"], base))
    cpu = figures["cold_version_cpu_ratio"]["median"], figures["cold_check_cpu_ratio"]["median"]
    print(_row("draft-report --version (cold)", figures["cold_version"], base,
               ratio=figures["cold_version_ratio"], target=f"[≤ 80 ms] cpu ×pass {cpu[0]:.2f}"))
    print(_row(f"draft-report check {REPORT.name} (cold)", figures["cold_check"], base,
               ratio=figures["cold_check_ratio"], target=f"[≤ 150 ms] cpu ×pass {cpu[1]:.2f}"))
    rc = figures["read_check_one_report"]
    print(_row("read + check one report (in-process)", rc, base,
               target=f"[≥ 300/s] → {1 / rc['median']:.0f} reports/s"))
    co = figures["check_one_report"]
    print(_row("check one report, already read (in-process)", co, base,
               target=f"→ {1 / co['median']:.0f} reports/s"))
    for times in (10, 100):
        print(_row(f"check per 1,000 prose chars, prose {times}×", figures[f"check_per_1000_chars_{times}x"], base,
                   target="[≤ 1 ms]"))
    print(_row("offline draft md+html+docx (in-process)", figures["draft_md_html_docx"], base, target="[≤ 120 ms]"))
    if audit_ok:
        one = figures[f"audit_{args.audit_reports}_jobs1"]
        two = figures[f"audit_{args.audit_reports}_jobs2"]
        print(_row(f"audit {args.audit_reports} reports, 1 process", one, base, unit=1, suffix="s"))
        print(_row(f"audit {args.audit_reports} reports, 2 processes", two, base, unit=1, suffix="s",
                   target=f"[≥ 1.7× faster] → {one['median'] / two['median']:.2f}×"))
        cpu1 = figures[f"audit_{args.audit_reports}_jobs1_cpu"]["median"]
        cpu2 = figures[f"audit_{args.audit_reports}_jobs2_cpu"]["median"]
        print(f"{'audit CPU (all processes), 1 → 2 processes':44} {cpu1:8.2f} → {cpu2:8.2f} s  "
              f"(×{cpu2 / cpu1:.2f}: the work added by going parallel; wall figures need idle cores)")
    elif not args.skip_audit:
        print("audit: this version has no --jobs option; batch figure skipped")
    if args.suite:
        print(_row("test suite (python -m pytest -q), wall", figures["test_suite"], base, unit=1, suffix="s",
                   target="[≤ 45 s]"))
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} (figures drift with load)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
