"""The forked test run (tests/fork_runner.py) reports like pytest: passes, failures with their
captured output, skips, xfails and warnings; a worker that dies fails the test it was running and
the other tests still run; ``--maxfail`` stops the run; no test is reported twice."""

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


def test_a_forked_run_reports_each_outcome_once_and_stops_at_maxfail(tmp_path: Path) -> None:
    """One unit of work per test here. The second failure (the worker that died) stops the run:
    each worker ends after its current test, so of the six late tests at most two run, and a test
    handed out but not started yet is not run (which ones depends on timing)."""
    proc = _run(tmp_path, "-q", "-rA", "--maxfail=2")
    out = proc.stdout
    assert proc.returncode == 1, out + proc.stderr
    assert "stopping after 2 failures" in out, out
    outcomes = re.findall(r"^(PASSED|FAILED|XFAIL|XPASS|ERROR) (test_sample\.py::\S+)", out, re.M)
    ran = [nodeid for _, nodeid in outcomes]
    assert len(ran) == len(set(ran)), out  # no test reported twice
    assert sorted(n for o, n in outcomes if o == "FAILED") == ["test_sample.py::test_dies", "test_sample.py::test_fail"]
    passed = [n for o, n in outcomes if o == "PASSED"]
    assert f"2 failed, {len(passed)} passed" in out.strip().splitlines()[-1], out
    assert sum("test_late" in n for n in passed) <= 2, out
    assert "printed before failing" in out and "assert 1 == 2" in out  # the failure with its output
    assert "exit status 3" in out and re.search(r"^FAILED test_sample\.py::test_dies - worker gw", out, re.M)
    if "test_sample.py::test_warns" in passed:
        assert "a warning of a test" in out
    assert ("a reason to skip" in out) == ("skipped" in out.strip().splitlines()[-1])
    if "test_sample.py::test_pass" in passed:  # a passing test's output: captured, shown once (-rA)
        assert out.count("out of a passing test") == 1
