"""The forked test run (tests/fork_runner.py) reports like pytest: passes, failures with their
captured output, skips, xfails and warnings; a worker that dies fails the test it was running and
the other tests still run; ``--maxfail`` stops the run; each test runs once."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent

_CONFTEST = '''
from fork_runner import ForkedRun, Hooks, wanted

def pytest_addhooks(pluginmanager):
    pluginmanager.add_hookspecs(Hooks)

def pytest_configure(config):
    workers = wanted(config)
    if workers:
        config.pluginmanager.register(ForkedRun(config, workers, lambda items: [[i] for i in range(len(items))]))
'''

_TESTS = '''
import os, time, warnings, pytest

COLLECTED_BY = os.getpid()

@pytest.fixture(scope="module")
def shared():
    return os.getpid()

def test_pass(shared, tmp_path):
    (tmp_path / "x").write_text("1")
    print("out of a passing test")

def test_warns():
    warnings.warn("a warning of a test", UserWarning)

def test_skips():
    pytest.skip("a reason to skip")

@pytest.mark.xfail(reason="known", strict=True)
def test_xfails():
    assert 0

@pytest.mark.parametrize("n", range(6))
def test_more(n, shared):
    assert os.getpid() == shared != COLLECTED_BY  # a worker, not the process that collected

def test_fail(shared):
    print("printed before failing")
    assert 1 == 2

def test_dies():
    os._exit(3)

@pytest.mark.parametrize("n", range(6))
def test_late(n):
    time.sleep(0.3)  # still running when the stop comes
'''


def _run(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "conftest.py").write_text(_CONFTEST, encoding="utf-8")
    (tmp_path / "test_sample.py").write_text(_TESTS, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(TESTS)}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-c", os.devnull, "--rootdir", str(tmp_path), "--disable-plugin-autoload",
         "-p", "xdist.plugin",
         "-p", "no:cacheprovider", "-n", "2", "-ra", *options, str(tmp_path)],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)


def test_a_forked_run_reports_every_outcome_once_and_stops_at_maxfail(tmp_path: Path) -> None:
    """One worker per test here; the second failure (the worker that died) stops the run: each
    worker ends after its current test, so of the six late tests at most two run."""
    proc = _run(tmp_path, "-q", "--maxfail=2")
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    assert "stopping after 2 failures" in out, out
    summary = out.strip().splitlines()[-1]
    assert re.fullmatch(r"2 failed, (8|9|10) passed, 1 skipped, 1 xfailed, 1 warning in [\d.]+s", summary), summary
    assert "printed before failing" in out and "assert 1 == 2" in out  # the failure with its output
    assert "test_dies - worker gw" in out and "exit status 3" in out  # the test that killed its worker
    assert "a warning of a test" in out and "a reason to skip" in out
    assert "out of a passing test" not in out  # a passing test's output stays captured
