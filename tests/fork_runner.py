"""``-n N``: the collected session forked into N worker processes (pytest-xdist's ``--dist load``
without its worker processes of its own).

pytest-xdist starts N fresh interpreters that each import pytest, the plugins, every test module
and the libraries they import, and collect every test again (≈ 2.5 s of CPU each on this suite);
its controller then spends ≈ 2 ms of CPU per test receiving and handling the workers' messages
(execnet, ≈ 4 s). Here the one process that collected the tests forks N times after collection:
each worker starts with everything imported and collected, runs the units of work the parent
hands it (conftest: ``suite_schedule.units``, whole modules, most expensive first, as with xdist), and sends
each test's reports back through a pipe; the parent feeds them to pytest's own reporting hooks
(terminal, ``-x``/``--maxfail``, ``--lf`` cache, junitxml …) exactly as xdist's controller does,
with pytest's and xdist's own (de)serialisation of reports and warnings.

A worker that dies (a test calling ``os._exit``, a crash) fails the test it was running with the
exit status, and the tests it had not run yet are handed to a new fork of the parent. ``-x`` /
``--maxfail`` stop every worker after its current test. ``-n0`` (one process), ``--pdb``,
``--collect-only`` and platforms without ``os.fork`` are pytest's own; ``--no-fork`` (or any
``--dist`` mode but ``load``) uses xdist's own worker processes.
"""

from __future__ import annotations

import gc
import os
import pickle
import selectors
import signal
import struct
import sys
from collections import deque
from collections.abc import Callable
from typing import Any

import pytest

_HEADER = struct.Struct("!I")


def _send(fd: int, message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, left)
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _receive(fd: int) -> tuple[Any, ...] | None:
    """The next message on ``fd`` (blocking), or None at end of file."""
    header = _read_exactly(fd, _HEADER.size)
    if header is None:
        return None
    data = _read_exactly(fd, _HEADER.unpack(header)[0])
    return None if data is None else pickle.loads(data)


def wanted(config: pytest.Config) -> int:
    """The number of workers to fork (0: leave the run to pytest or xdist). Called from
    ``pytest_configure`` before xdist's: when it returns N >= 2, xdist's controller is not made."""
    option = config.option
    if (getattr(option, "dist", "no") != "load" or not getattr(option, "tx", None)
            or getattr(option, "no_fork", False) or option.collectonly or option.usepdb
            or getattr(option, "looponfail", False) or not hasattr(os, "fork") or hasattr(config, "workerinput")):
        return 0
    workers = len(option.tx)
    if workers < 2:
        return 0
    option.dist, option.tx = "no", []  # xdist: no controller, no workers of its own
    return workers


def _worker_name(index: int) -> str:
    return f"gw{index}"


class _Worker:
    def __init__(self, index: int, pid: int, commands: int, reports: int) -> None:
        self.index, self.pid, self.commands, self.reports = index, pid, commands, reports
        self.buffer = bytearray()
        self.handed: deque[int] = deque()  # item indices handed to it and not finished yet
        self.running: int | None = None  # the item it is running
        self.done = False


class ForkedRun:
    """The parent's side: forks the workers, hands out units, reports what they send."""

    def __init__(self, config: pytest.Config, workers: int,
                 units: Callable[[list[pytest.Item]], list[list[int]]], preload: tuple[str, ...] = ()) -> None:
        self.config = config
        self.workers_wanted = workers
        self.units_of = units
        self.preload = preload  # modules imported once, before the fork, instead of in every worker
        self.items: list[pytest.Item] = []
        self.index_of: dict[str, int] = {}
        self.units: deque[list[int]] = deque()
        self.workers: dict[int, _Worker] = {}  # by the fd of its reports
        self.next_index = 0
        self.stopping = False

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> bool | None:
        if session.testsfailed and not session.config.option.continue_on_collection_errors:
            return None  # pytest's own loop says so
        self.items = session.items
        self.units = deque(self.units_of(self.items))
        if not self.units:
            return None
        self.index_of = {item.nodeid: i for i, item in enumerate(self.items)}
        import importlib

        for name in self.preload:
            importlib.import_module(name)
        self.config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]  # the workers' folders go in it
        selector = selectors.DefaultSelector()
        try:
            for _ in range(min(self.workers_wanted, len(self.units))):
                self._fork(session, selector)
            while self.workers:
                for key, _ in selector.select():
                    worker = self.workers.get(key.fd)
                    if worker is not None:  # (not one that ended while this batch of events was read)
                        self._read(session, selector, worker)
        finally:
            for worker in list(self.workers.values()):  # interrupted: no worker outlives the run
                os.kill(worker.pid, signal.SIGKILL)
                os.waitpid(worker.pid, 0)
                self._forget(selector, worker)
            selector.close()
        if session.shouldfail:
            raise session.Failed(session.shouldfail)
        if session.shouldstop:
            raise session.Interrupted(session.shouldstop)
        return True

    # --- the parent -------------------------------------------------------------------------

    def _fork(self, session: pytest.Session, selector: selectors.BaseSelector) -> None:
        index = self.next_index
        self.next_index += 1
        commands_r, commands_w = os.pipe()
        reports_r, reports_w = os.pipe()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        gc.freeze()  # the collected session stays in the parent's pages, unscanned by the workers' collector
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(commands_w)
                os.close(reports_r)
                for worker in self.workers.values():
                    os.close(worker.commands)
                    os.close(worker.reports)
                selector.close()
                code = _WorkerLoop(session, index, commands_r, reports_w).run()
            finally:
                for stream in (sys.stdout, sys.stderr):
                    try:
                        stream.flush()
                    except Exception:  # noqa: BLE001 - a closed stream has nothing left to write
                        pass
                os._exit(code)
        os.close(commands_r)
        os.close(reports_w)
        worker = _Worker(index, pid, commands_w, reports_r)
        self.workers[reports_r] = worker
        selector.register(reports_r, selectors.EVENT_READ)

    def _read(self, session: pytest.Session, selector: selectors.BaseSelector, worker: _Worker) -> None:
        chunk = os.read(worker.reports, 1 << 16)
        if not chunk:
            self._ended(session, selector, worker)
            return
        worker.buffer += chunk
        while len(worker.buffer) >= _HEADER.size:
            size = _HEADER.unpack_from(worker.buffer)[0]
            if len(worker.buffer) < _HEADER.size + size:
                break
            message = pickle.loads(worker.buffer[_HEADER.size:_HEADER.size + size])
            del worker.buffer[:_HEADER.size + size]
            self._handle(session, worker, message)

    def _handle(self, session: pytest.Session, worker: _Worker, message: tuple[Any, ...]) -> None:
        hook = self.config.hook
        kind = message[0]
        if kind == "want":
            unit = self.units.popleft() if self.units and not self.stopping else None
            try:
                _send(worker.commands, ("unit", unit))
            except BrokenPipeError:  # it has just died (its end of file follows): the unit goes back
                if unit is not None:
                    self.units.appendleft(unit)
                return
            if unit is not None:
                worker.handed.extend(unit)
        elif kind == "logstart":
            worker.running = self.index_of.get(message[1])
            hook.pytest_runtest_logstart(nodeid=message[1], location=message[2])
        elif kind == "report":
            report = hook.pytest_report_from_serializable(config=self.config, data=message[1])
            hook.pytest_runtest_logreport(report=report)
            if session.shouldfail or session.shouldstop:
                self._stop()
        elif kind == "logfinish":
            hook.pytest_runtest_logfinish(nodeid=message[1], location=message[2])
            if worker.running is not None and worker.running in worker.handed:
                worker.handed.remove(worker.running)
            worker.running = None
        elif kind == "warning":
            from xdist.workermanage import unserialize_warning_message

            hook.pytest_warning_recorded.call_historic(kwargs={
                "warning_message": unserialize_warning_message(message[1]), "when": message[2],
                "nodeid": message[3], "location": message[4]})
        elif kind == "done":
            worker.done = True

    def _stop(self) -> None:
        """``-x`` / ``--maxfail`` reached: no new unit, and each worker stops after its current test."""
        if self.stopping:
            return
        self.stopping = True
        for worker in self.workers.values():
            try:
                os.kill(worker.pid, signal.SIGUSR1)
            except ProcessLookupError:
                pass

    def _ended(self, session: pytest.Session, selector: selectors.BaseSelector, worker: _Worker) -> None:
        _, status = os.waitpid(worker.pid, 0)
        self._forget(selector, worker)
        if worker.done and status == 0:
            return
        if worker.running is not None:  # it died in the middle of a test: that test failed
            self._crashed(worker, self.items[worker.running], status)
            worker.handed.remove(worker.running)
            if session.shouldfail or session.shouldstop:
                self._stop()
        if worker.handed and not self.stopping:  # the rest of its work, to a new worker
            self.units.appendleft(list(worker.handed))
        if self.units and not self.stopping:
            self._fork(session, selector)

    def _forget(self, selector: selectors.BaseSelector, worker: _Worker) -> None:
        selector.unregister(worker.reports)
        os.close(worker.reports)
        os.close(worker.commands)
        del self.workers[worker.reports]

    def _crashed(self, worker: _Worker, item: pytest.Item, status: int) -> None:
        from _pytest.reports import TestReport

        how = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
               else f"exit status {os.waitstatus_to_exitcode(status)}")
        report = TestReport(item.nodeid, item.location, {}, "failed",
                            f"worker {_worker_name(worker.index)} (pid {worker.pid}) ended during this test ({how})",
                            "call", [], 0.0)
        self.config.hook.pytest_runtest_logreport(report=report)
        self.config.hook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)


class _WorkerLoop:
    """A worker's side: asks for units, runs their tests, sends every report."""

    def __init__(self, session: pytest.Session, index: int, commands: int, reports: int) -> None:
        self.session, self.config = session, session.config
        self.index, self.commands, self.reports = index, commands, reports
        self.stop = False

    def run(self) -> int:
        config = self.config
        os.environ["PYTEST_XDIST_WORKER"] = _worker_name(self.index)  # as in an xdist worker
        signal.signal(signal.SIGUSR1, self._stop)
        self._own_capture_and_temporary_folder()
        terminal = config.pluginmanager.get_plugin("terminalreporter")
        if terminal is not None:  # the parent reports
            config.pluginmanager.unregister(terminal)
        sender = _Sender(config, self.reports)
        config.pluginmanager.register(sender, "forkrunner-sender")  # (replays the warnings recorded so far: not sent)
        sender.live = True
        items = self.session.items
        queue: deque[int] = deque(self._want() or ())
        while queue and not self.stop:
            index = queue.popleft()
            if not queue:
                queue.extend(self._want() or ())
            nextitem = items[queue[0]] if queue and not self.stop else None
            items[index].config.hook.pytest_runtest_protocol(item=items[index], nextitem=nextitem)
        if self.stop and queue:  # stopped early: what the last test kept set up is torn down
            try:
                self.session._setupstate.teardown_exact(None)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - a run stopping on a failure reports that failure
                pass
        _send(self.reports, ("done",))
        config.hook.pytest_forked_worker_exit(config=config)
        return 0

    def _want(self) -> list[int] | None:
        _send(self.reports, ("want",))
        answer = _receive(self.commands)
        return None if answer is None else answer[1]

    def _stop(self, signum: int, frame: object) -> None:
        self.stop = True

    def _own_capture_and_temporary_folder(self) -> None:
        """The parent's capture files and temporary folder are not shared: each worker captures
        into files of its own, and makes its tmp_path folders in a folder of its own in the
        parent's (``popen-gwN``, as xdist's workers do)."""
        from _pytest.tmpdir import TempPathFactory

        capture = self.config.pluginmanager.get_plugin("capturemanager")
        if capture is not None and capture.is_globally_capturing():
            capture.stop_global_capturing()
            capture.start_global_capturing()
            capture.suspend_global_capture()
        parent = self.config._tmp_path_factory  # type: ignore[attr-defined]
        self.config._tmp_path_factory = TempPathFactory(  # type: ignore[attr-defined]
            parent.getbasetemp() / f"popen-{_worker_name(self.index)}", parent._retention_count,
            parent._retention_policy, self.config.trace.get("tmpdir"), _ispytest=True)


class _Sender:
    """In a worker: every test's reports and warnings to the parent."""

    def __init__(self, config: pytest.Config, fd: int) -> None:
        self.config, self.fd = config, fd
        self.live = False

    def pytest_runtest_logstart(self, nodeid: str, location: tuple[str, int | None, str]) -> None:
        _send(self.fd, ("logstart", nodeid, location))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        _send(self.fd, ("report", self.config.hook.pytest_report_to_serializable(config=self.config, report=report)))

    def pytest_runtest_logfinish(self, nodeid: str, location: tuple[str, int | None, str]) -> None:
        _send(self.fd, ("logfinish", nodeid, location))

    def pytest_warning_recorded(self, warning_message: Any, when: str, nodeid: str, location: Any) -> None:
        if not self.live:  # recorded before this worker was forked, and reported by the parent
            return
        from xdist.remote import serialize_warning_message

        _send(self.fd, ("warning", serialize_warning_message(warning_message), when, nodeid, location))


class Hooks:
    """The hook this runner adds (registered by ``pytest_addhooks``)."""

    @staticmethod
    @pytest.hookspec
    def pytest_forked_worker_exit(config: pytest.Config) -> None:
        """A forked worker has run its last test and sent its last report, and ends at once
        (``os._exit``: no ``pytest_unconfigure``, no exit handlers). Write what this process
        recorded."""
