"""Fuzz the CLI with hostile and randomly damaged inputs; print figures per category.

    python bench/fuzz.py --cases 2000            # the named attacks + 2,000 seeded random cases
    python bench/fuzz.py --cases 0 --show-fixed  # only the named attacks, one line each

Each case runs ``draft-report`` (``cli.main``) in a forked child of this process (imports done
once), so a crash, a hang or memory growth of one case cannot hide behind another. A watchdog
kills a case after ``--timeout`` seconds (a hang); the child's peak resident memory comes from
``wait4``. It includes the ~100 MB of the already-imported program, so it is an upper bound.

Categories counted: internal errors ("程序内部错误"), tracebacks, hangs, crashes (killed by a
signal, e.g. out of memory), peak memory over 500 MB for an input under 10 MB, exit 2 without
Chinese text, exit 2 whose message still carries English library text. Done when all are 0.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile  # noqa: E402

MEMORY_BUDGET_MB = 500
SMALL_INPUT = 10 * 2**20
_CJK = re.compile(r"[\u4e00-\u9fff]")
# English prose a library might have put in a message: three or more words in a row
_ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\b")


@dataclass
class Outcome:
    case: hostile.Case
    code: int | None
    signal: int | None
    seconds: float
    rss_mb: float
    stderr: str
    stdout: str
    flags: list[str] = field(default_factory=list)


def _child(case: hostile.Case, out_path: str, err_path: str, memory_cap: int) -> None:
    """In the forked child: run the CLI and exit with its code (never returns)."""
    code = 99
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))
        out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        os.dup2(err, 2)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        from draft_report.cli import main

        try:
            main(case.argv)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 98
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def run_case(case: hostile.Case, scratch: Path, timeout: float, memory_cap: int) -> Outcome:
    out_path, err_path = scratch / "stdout", scratch / "stderr"
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        _child(case, str(out_path), str(err_path), memory_cap)
    status, usage, hung = 0, None, False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() - start > timeout:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            hung = True
            break
        time.sleep(0.01)
    seconds = time.monotonic() - start
    read = lambda p: p.read_text(encoding="utf-8", errors="replace") if p.exists() else ""  # noqa: E731
    outcome = Outcome(
        case,
        os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        seconds,
        usage.ru_maxrss / 1024 if usage is not None else 0.0,
        read(err_path),
        read(out_path),
    )
    classify(outcome, hung)
    return outcome


def english_fragment(text: str, case: hostile.Case) -> str | None:
    for arg in case.argv:
        text = text.replace(arg, "")
    text = re.sub(r"(?:/[\w.\-]+)+", "", text)  # paths
    text = re.sub(r"--?[a-z][\w-]*|\b[\w.]+\.(?:yaml|yml|json|csv|xlsx|docx|md|txt|html)\b", "", text)
    m = _ENGLISH.search(text)
    return m.group() if m else None


def classify(o: Outcome, hung: bool) -> None:
    if hung:
        o.flags.append("hang")
    elif o.signal is not None:
        o.flags.append(f"crash(signal {o.signal})")
    if "Traceback (most recent call last)" in o.stderr:
        o.flags.append("traceback")
    if "程序内部错误" in o.stderr or o.code in (98, 99):
        o.flags.append("internal")
    if o.code is not None and o.code not in (0, 1, 2, 98, 99):
        o.flags.append(f"exit {o.code}")
    if o.code == 2:
        if not _CJK.search(o.stderr):
            o.flags.append("exit2-no-chinese")
        fragment = english_fragment(o.stderr, o.case)
        if fragment:
            o.flags.append(f"english:{fragment[:60]}")
    if o.case.size < SMALL_INPUT and o.rss_mb > MEMORY_BUDGET_MB:
        o.flags.append(f"memory {o.rss_mb:.0f} MB")


def summarize(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for o in outcomes:
        for cat in (o.case.category, "all"):
            row = table[cat]
            row["cases"] += 1
            row[f"exit {o.code if o.code is not None else 'signal'}"] += 1
            row["internal"] += "internal" in o.flags
            row["traceback"] += "traceback" in o.flags
            row["hang>timeout"] += "hang" in o.flags
            row["crash"] += any(f.startswith("crash") for f in o.flags)
            row["mem>500MB"] += any(f.startswith("memory") for f in o.flags)
            row["exit2 Chinese"] += o.code == 2 and "exit2-no-chinese" not in o.flags
            row["exit2 English text"] += any(f.startswith("english") for f in o.flags)
            row["peak RSS MB"] = max(row["peak RSS MB"], o.rss_mb)
            row["max seconds"] = max(row["max seconds"], o.seconds)
    return table


def print_table(table: dict[str, dict[str, float]]) -> None:
    columns = [
        "cases", "exit 0", "exit 1", "exit 2", "exit2 Chinese", "internal", "traceback", "hang>timeout",
        "crash", "mem>500MB", "exit2 English text", "peak RSS MB", "max seconds",
    ]
    cats = [c for c in ("data", "register", "report", "docx", "output") if c in table] + ["all"]
    print("category  " + "  ".join(f"{c:>10}" for c in columns))
    for cat in cats:
        row = table[cat]
        cells = [f"{row.get(c, 0):>10.0f}" if "seconds" not in c else f"{row.get(c, 0):>10.1f}" for c in columns]
        print(f"{cat:<9} " + "  ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=2000, help="random cases (besides the named attacks)")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a case counts as a hang")
    parser.add_argument("--memory-cap-mb", type=int, default=3000, help="address-space cap per case")
    parser.add_argument("--no-fixed", action="store_true", help="skip the named attacks")
    parser.add_argument("--show-fixed", action="store_true", help="one line per named attack")
    parser.add_argument("--keep", type=Path, help="keep the generated inputs in this folder")
    args = parser.parse_args()

    # import once, before forking: every case starts from the same loaded program
    import draft_report.checking  # noqa: F401
    import draft_report.cli  # noqa: F401
    import draft_report.loading  # noqa: F401
    import draft_report.reading.docx  # noqa: F401
    import draft_report.rendering.docx  # noqa: F401
    import draft_report.rendering.html  # noqa: F401
    import draft_report.rendering.markdown  # noqa: F401
    from draft_report.cli_app import load_all_commands

    load_all_commands()

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="draft-report-fuzz-"))
    work.mkdir(parents=True, exist_ok=True)
    scratch = work / "_run"
    scratch.mkdir(exist_ok=True)
    outcomes: list[Outcome] = []
    started = time.monotonic()
    try:
        cap = args.memory_cap_mb * 2**20
        if not args.no_fixed:
            for case in hostile.fixed_cases(work / "fixed"):
                o = run_case(case, scratch, args.timeout, cap)
                outcomes.append(o)
                if args.show_fixed or o.flags:
                    first = (o.stderr.strip().splitlines() or [""])[-1][:150]
                    print(f"[fixed] {case.name:<26} exit {o.code} {o.seconds:5.1f}s {o.rss_mb:5.0f}MB {o.flags} {first}", flush=True)
        rng = random.Random(args.seed)
        for i in range(args.cases):
            case = hostile.random_case(rng, work / "random", i)
            o = run_case(case, scratch, args.timeout, cap)
            outcomes.append(o)
            if o.flags:
                first = (o.stderr.strip().splitlines() or [""])[-1][:200]
                print(f"[{case.name}] exit {o.code} {o.flags} {' '.join(case.argv[:2])} :: {first}", flush=True)
            if not args.keep:
                shutil.rmtree(work / "random" / f"r{i:05d}", ignore_errors=True)
            if (i + 1) % 200 == 0:
                print(f"  … {i + 1}/{args.cases} random cases, {time.monotonic() - started:.0f} s", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"{len(outcomes)} cases in {time.monotonic() - started:.0f} s (seed {args.seed}, timeout {args.timeout:.0f} s)")
    print_table(summarize(outcomes))
    flagged = Counter(f.split(":")[0] for o in outcomes for f in o.flags)
    print("flags:", dict(flagged) if flagged else "none")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
