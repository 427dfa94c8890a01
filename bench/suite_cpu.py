"""CPU seconds per test (its own and its child processes'), per test module, per process.

Wall times of the test suite say little on a shared machine; CPU seconds do. Used as a pytest
plugin, this records every test's CPU time (``os.times``: the process's own plus the children it
waited for, e.g. a CLI started with ``subprocess.run``), its wall time and how many processes it
started; each process (the controller and every worker, forked or xdist's) writes one JSON file::

    PYTHONPATH=bench SUITE_CPU_OUT=/tmp/suite-cpu python -m pytest -q -p suite_cpu
    python bench/suite_cpu.py /tmp/suite-cpu          # modules and tests, most CPU first

The controller's ``total_cpu`` includes its workers (they are its children); ``self`` is its own.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

_rows: list[tuple[str, float, float, float, int]] = []  # node id, cpu, wall, children's cpu, processes started
_start: tuple[float, float] = (0.0, 0.0)
_spawned = [0]
_collected = [0.0]  # own CPU when collection finished (start-up, plugins, imports, test items)
_gc = [[0, 0.0], [0, 0.0], [0, 0.0]]  # per generation: passes of the cycle collector, CPU seconds
_gc_start = [0.0]


def _time_gc(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _gc_start[0] = time.thread_time()
    else:
        _gc[info["generation"]][0] += 1
        _gc[info["generation"]][1] += time.thread_time() - _gc_start[0]


def _count_spawns(event: str, args: Any) -> None:
    if event in ("subprocess.Popen", "os.posix_spawn", "os.fork", "os.exec"):
        _spawned[0] += 1


def _cpu() -> tuple[float, float]:
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


def pytest_configure(config: pytest.Config) -> None:
    global _start
    sys.addaudithook(_count_spawns)
    import gc

    gc.callbacks.append(_time_gc)
    _start = (sum(_cpu()), time.perf_counter())
    os.register_at_fork(after_in_child=_forked)


def _forked() -> None:
    """A worker forked from the collected session (tests/fork_runner.py): its CPU counters start at
    zero, its wall clock now; it collected nothing itself."""
    global _start
    _start = (0.0, time.perf_counter())
    _collected[0] = 0.0
    _rows.clear()
    for generation in _gc:
        generation[:] = [0, 0.0]


def pytest_collection_finish(session: pytest.Session) -> None:
    _collected[0] = _cpu()[0]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    own, children = _cpu()
    wall, spawned = time.perf_counter(), _spawned[0]
    yield
    own2, children2 = _cpu()
    _rows.append((item.nodeid, own2 - own + children2 - children, time.perf_counter() - wall,
                  children2 - children, _spawned[0] - spawned))


@pytest.hookimpl(optionalhook=True)
def pytest_forked_worker_exit(config: pytest.Config) -> None:
    pytest_unconfigure(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = Path(os.environ.get("SUITE_CPU_OUT", "suite-cpu"))
    folder.mkdir(parents=True, exist_ok=True)
    name = os.environ.get("PYTEST_XDIST_WORKER", "controller")
    record = {"rows": _rows, "total_cpu": sum(_cpu()) - _start[0], "self": _cpu()[0],
              "wall": time.perf_counter() - _start[1],
              "collected": _collected[0], "main_thread": time.thread_time(), "gc": _gc}
    (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def report(folder: Path, top: int = 40) -> None:
    rows: list[list[Any]] = []
    for path in sorted(folder.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        print(f"{path.stem:12s} cpu {record['total_cpu']:7.1f} s (own {record['self']:6.1f} s), "
              f"wall {record['wall']:6.1f} s, {len(record['rows'])} tests; "
              f"own CPU at end of collection {record.get('collected', 0):4.1f} s, "
              f"main thread {record.get('main_thread', 0):5.1f} s; cycle collector "
              + ", ".join(f"gen{g} {n} in {t:.2f} s" for g, (n, t) in enumerate(record.get("gc", []))))
        rows += record["rows"]
    modules: Counter[str] = Counter()
    children: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for node, cpu, _, child, _ in rows:
        module = node.split("::", 1)[0]
        modules[module] += cpu
        children[module] += child
        counts[module] += 1
    print(f"\nCPU of all tests: {sum(modules.values()):.1f} s ({sum(children.values()):.1f} s in child processes)")
    print("\nmodule CPU s  (children)  tests")
    for module, cpu in modules.most_common(top):
        print(f"  {cpu:7.2f}  ({children[module]:6.2f})  {counts[module]:4d}  {module}")
    print("\ntest CPU s  wall s  processes")
    for node, cpu, wall, _, spawned in sorted(rows, key=lambda r: -r[1])[:top]:
        print(f"  {cpu:6.2f}  {wall:6.2f}  {spawned:3d}  {node}")


if __name__ == "__main__":
    report(Path(sys.argv[1] if len(sys.argv) > 1 else "suite-cpu"))
