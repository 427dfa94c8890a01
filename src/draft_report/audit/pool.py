"""Map a function over a list with this process and ``workers - 1`` forked helpers (results in order).

Why not ``concurrent.futures.ProcessPoolExecutor`` alone: with N workers it runs N + 1 processes —
N workers and a parent that feeds them, collects every result through two helper threads and
otherwise waits. On a machine with N cores that parent competes with the workers for CPU, and it
does nothing useful. Here the parent is one of the workers: every process takes the next chunk of
the list from a shared counter (so a slow report never holds up the others' chunks), the helpers
send their results back through a pipe, and the parent reads them between its own chunks. The
whole list, the function and its set-up are inherited through ``fork`` and never pickled.

Elsewhere than on Linux (no ``fork``, or macOS where it is unsafe) this falls back to
``ProcessPoolExecutor`` with the platform's default start method.
A helper that dies (killed, out of memory) loses nothing: the parent does the chunks it had taken.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PIPE_BYTES = 1 << 20  # a helper rarely waits for the parent to read (Linux's limit for unprivileged users)
_DONE = -1  # a helper's last message: (_DONE, None)
_FAILED = -2  # a helper could not finish a chunk: (_FAILED, chunk index)


def fork_available() -> bool:
    """Linux: ``fork`` is safe there (macOS frameworks are not fork-safe: Python spawns there)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def parallel_map(fn: Callable[[T], R], items: list[T], workers: int, chunk: int,
                 setup: Callable[[], None] | None = None) -> Iterator[R]:
    """``map(fn, items)`` over ``workers`` processes (this one included); ``setup()`` runs first in each."""
    if not fork_available():
        yield from _executor_map(fn, items, workers, chunk, setup)
        return
    ctx = multiprocessing.get_context("fork")
    chunks = (len(items) + chunk - 1) // chunk
    counter = ctx.Value("q", 0)

    def take() -> int:
        with counter.get_lock():
            index = int(counter.value)
            counter.value = index + 1
        return index

    def run(index: int) -> list[R]:
        return [fn(item) for item in items[index * chunk : (index + 1) * chunk]]

    if setup is not None:
        setup()
    helpers: dict[Connection, Any] = {}
    try:
        for _ in range(workers - 1):
            receive, send = ctx.Pipe(duplex=False)
            _widen(send)
            process = ctx.Process(target=_helper, args=(take, run, chunks, send), daemon=True)
            process.start()
            send.close()
            helpers[receive] = process
        done: dict[int, list[R]] = {}
        next_out = 0
        while (index := take()) < chunks:
            done[index] = run(index)
            _collect(helpers, done, block=False)
            while next_out in done:
                yield from done.pop(next_out)
                next_out += 1
        while helpers:
            _collect(helpers, done, block=True)
            while next_out in done:
                yield from done.pop(next_out)
                next_out += 1
        for index in range(next_out, chunks):  # chunks a helper took but did not finish
            if index not in done:
                done[index] = run(index)
            yield from done.pop(index)
    finally:
        for receive, process in helpers.items():
            process.terminate()
            receive.close()
        for process in helpers.values():
            process.join()


def _collect(helpers: dict[Connection, Any], done: dict[int, list[Any]], *, block: bool) -> None:
    """Read what the helpers have sent (waiting for at least one message when ``block``)."""
    ready = wait(list(helpers), timeout=None if block else 0)
    for receive in ready:
        assert isinstance(receive, Connection)
        while True:
            try:
                index, rows = receive.recv()
            except (EOFError, OSError):  # the helper died: the parent redoes what it had taken
                index, rows = _DONE, None
            if index == _DONE:
                helpers.pop(receive).join()
                receive.close()
                break
            if index >= 0:  # (a failed chunk, _FAILED, is redone by the parent at the end)
                done[index] = rows
            if not receive.poll():
                break


def _helper(take: Callable[[], int], run: Callable[[int], list[Any]], chunks: int, send: Connection) -> None:
    """A forked helper: chunks until none is left, each sent back as (index, results)."""
    index = -1
    try:
        while (index := take()) < chunks:
            send.send((index, run(index)))
        send.send((_DONE, None))
    except KeyboardInterrupt:  # Ctrl-C reaches the whole process group: the parent reports it
        os._exit(130)
    except BaseException:  # the parent does this chunk itself (and says what went wrong, if anything does)
        try:
            send.send((_FAILED, index))
            send.send((_DONE, None))
        finally:
            os._exit(1)


def _widen(conn: Connection) -> None:
    """A bigger pipe buffer where the system allows one, so that a helper seldom waits to send."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), _PIPE_BYTES)
    except (ImportError, OSError):
        pass


def _executor_map(fn: Callable[[T], R], items: list[T], workers: int, chunk: int,
                  setup: Callable[[], None] | None) -> Iterator[R]:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=setup) as pool:
        yield from pool.map(fn, items, chunksize=chunk)
