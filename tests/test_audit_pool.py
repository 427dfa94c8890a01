"""``audit.pool.parallel_map``: this process and forked helpers share the list; results in order,
nothing lost when a helper dies, errors of the parent's own work propagate, no helper left behind."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from draft_report.audit import pool
from draft_report.audit.pool import parallel_map

pytestmark = pytest.mark.skipif(not pool.fork_available(), reason="the helpers are forked")
PARENT = os.getpid()  # the process that runs the test (set again for each test by ``_parent``)


@pytest.fixture(autouse=True)
def _parent() -> None:
    """The process running this test is the pool's parent: not always the one that imported this
    module (a forked test worker, tests/fork_runner.py, imports it before it is forked)."""
    global PARENT
    PARENT = os.getpid()


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize(("count", "workers", "chunk"), [(1, 2, 4), (7, 3, 2), (50, 2, 8), (101, 4, 3), (9, 2, 100)])
def test_results_come_in_order(count: int, workers: int, chunk: int) -> None:
    assert list(parallel_map(_square, list(range(count)), workers, chunk)) == [x * x for x in range(count)]


def _pid_after_a_while(x: int) -> int:
    time.sleep(0.01)
    return os.getpid()


def test_the_parent_and_a_helper_both_work() -> None:
    pids = list(parallel_map(_pid_after_a_while, list(range(120)), 2, 2))
    assert len(pids) == 120 and PARENT in pids and len(set(pids)) == 2


def _dies_in_a_helper(x: int) -> int:
    if os.getpid() != PARENT and x % 10 == 3:
        os._exit(9)  # a helper killed in the middle of a chunk
    return x + 1


def test_chunks_of_a_helper_that_died_are_done_by_the_parent() -> None:
    assert list(parallel_map(_dies_in_a_helper, list(range(60)), 3, 2)) == list(range(1, 61))


def _raises_in_a_helper(x: int) -> int:
    if os.getpid() != PARENT:
        raise ValueError("only in a helper")
    return -x


def test_an_exception_in_a_helper_means_the_parent_redoes_the_chunk() -> None:
    assert list(parallel_map(_raises_in_a_helper, list(range(30)), 2, 3)) == [-x for x in range(30)]


def _fails_on_7(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    time.sleep(0.002)
    return x


def test_an_exception_in_the_parent_propagates_and_no_helper_is_left() -> None:
    with pytest.raises(ValueError, match="seven"):
        list(parallel_map(_fails_on_7, list(range(40)), 3, 1))
    assert multiprocessing.active_children() == []


def test_setup_runs_before_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    assert list(parallel_map(_square, [1, 2, 3], 2, 1, setup=lambda: seen.append(1))) == [1, 4, 9]
    assert seen == [1]


def test_without_fork_the_executor_gives_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "fork_available", lambda: False)
    assert list(parallel_map(_square, list(range(25)), 2, 4)) == [x * x for x in range(25)]
