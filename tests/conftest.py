"""Shared test fixtures. Tests are hermetic: no network, no user config, no real keys."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
REAL_REPORTS = FIXTURES / "real_reports"  # copies of ../shared/data/real_reports (unmodified)
SAMPLE_REPORT = FIXTURES / "seeds" / "xiaxian_2023.txt"  # copy of ../shared/seeds/000_…txt
EXAMPLES = ROOT / "examples"


def _worker_exits_without_finalizing() -> None:
    """An xdist worker ends its process at once after its exit handlers (``os._exit``), without
    the interpreter's finalization: tearing down every module and freeing every object the whole
    run built took the worker ≈ 2 s of wall time after its last test, and the controller waits
    for both workers' processes to end before it prints the summary. Everything a run reports is
    sent before (results go to the controller over execnet during the run), and every exit
    handler registered after this one (the one registered first runs last: the libraries' and the
    package's own, e.g. the regex cache's save) still runs. Exit status 0: xdist reads a worker's
    outcome from its messages, not from its exit status. The controller and ``-n0`` runs end as
    usual."""
    import atexit
    import os

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return

    def exit_now() -> None:
        import sys

        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # a stream already closed: nothing left to write
                pass
        os._exit(0)

    atexit.register(exit_now)


_worker_exits_without_finalizing()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--no-fork", action="store_true", default=False,
                     help="with -n N: xdist's own worker processes instead of forking the collected session "
                          "(tests/fork_runner.py)")


def pytest_addhooks(pluginmanager: pytest.PytestPluginManager) -> None:
    from fork_runner import Hooks

    pluginmanager.add_hookspecs(Hooks)


@pytest.hookimpl(tryfirst=True)  # before xdist's: a forked run makes no xdist controller
def pytest_configure(config: pytest.Config) -> None:
    """``-n N`` forks the collected session (tests/fork_runner.py) unless ``--no-fork``.

    Byte-compile the package once, before the workers and the CLI subprocesses import it (when
    they import it from ``src``: an installed wheel has its .pyc files from pip).

    With PYTHONDONTWRITEBYTECODE set (as in some sandboxes and CI machines) nothing else writes
    the .pyc files of the editable source, and every test subprocess would compile all of it
    again (that doubled the cost of each CLI call). Only stale files are recompiled. The same
    holds for the bench/ modules the tests import, and for pytest's assertion-rewritten test
    modules (see ``suite_cache``)."""
    _fewer_garbage_collections()
    if hasattr(config, "workerinput"):  # an xdist worker: the controller has done it
        return
    from fork_runner import ForkedRun, wanted

    workers = wanted(config)
    if workers:
        from suite_schedule import units

        config.pluginmanager.register(ForkedRun(config, workers, units, PRELOAD), "forkrunner")
    _temporary_files_in_memory(config)
    _no_hypothesis_summary_in_the_controller(config)
    from suite_cache import prewrite_test_modules

    if getattr(config.option, "dist", "no") == "no" and hasattr(os, "fork"):
        _compiling.append(_in_the_background(_compile_sources))  # done by pytest_runtestloop
    else:  # xdist's workers import the sources as soon as they start
        _compile_sources()
    prewrite_test_modules(config, sorted((ROOT / "tests").glob("test_*.py")))


_compiling: list[int] = []  # the process byte-compiling the sources while this one collects


def _compile_sources() -> None:
    import compileall

    if _package_from_source():
        compileall.compile_dir(str(ROOT / "src"), quiet=1)
    compileall.compile_dir(str(ROOT / "bench"), quiet=1, maxlevels=0)


def _in_the_background(work: Callable[[], None]) -> int:
    """Run ``work`` in a forked process (its pid): byte-compiling the sources of a clean checkout
    (≈ 0.8 s) takes the second core while this process collects the tests, which compiles in
    memory what it imports (the files are written whole, by rename, by whichever comes first)."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            work()
            code = 0
        finally:
            os._exit(code)
    return pid


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session: pytest.Session) -> object:
    """No test runs before the sources are byte-compiled (the CLI subprocesses load them)."""
    while _compiling:
        try:
            os.waitpid(_compiling.pop(), 0)
        except ChildProcessError:
            pass
    return (yield)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    """No hypothesis summary from a process that ran no property (an xdist worker that ran none,
    or a run of other modules): hypothesis's plugin would import all of hypothesis (≈ 0.4 s of
    CPU, in each such worker) to find it has nothing to say. Its summary reports what the
    properties that ran left (statistics, observation files, failing-example patches); where none
    ran, hypothesis was never imported (tests/lazy_hypothesis.py imports it when a property runs),
    and there is nothing. With ``--hypothesis-show-statistics`` the plugin is kept."""
    import sys

    if "hypothesis" in sys.modules or session.config.getoption("hypothesis_show_statistics", False):
        return
    plugin = session.config.pluginmanager.get_plugin("_hypothesis_pytestplugin")
    if plugin is not None:
        session.config.pluginmanager.unregister(plugin)


def _fewer_garbage_collections() -> None:
    """The cycle collector of a test process (the controller, each worker; not the CLI processes
    the tests start) runs after 200,000 more objects are alive than at its last pass, instead of
    700, its middle pass after 4,000,000 instead of 7,000 and its full pass after 80,000,000
    instead of 70,000. The suite keeps many objects alive for a while (the random cases of the
    equivalence tests, parsed reports, workbooks): with the defaults the two workers spent 1.9 s
    of CPU in 318 middle and 19 full passes over them, and with 50,000 still ≈ 1.3 s in 30 young
    passes (whole suite, timed by a gc.callbacks hook: ``bench/suite_cpu.py``). A forked run's
    workers also leave the collected session alone (``gc.freeze``, tests/fork_runner.py). Only
    the moment cyclic garbage is freed changes; no test depends on it."""
    import gc

    gc.set_threshold(200_000, 20, 20)


def _package_from_source() -> bool:
    """Whether ``draft_report`` is imported from this checkout's ``src`` (an editable install), not
    from an installed copy (a wheel, compiled or not), whose .pyc files pip wrote when installing it."""
    import importlib.util

    spec = importlib.util.find_spec("draft_report")
    origin = spec.origin if spec is not None else None
    return origin is not None and Path(origin).resolve().is_relative_to(ROOT / "src")


def _no_hypothesis_summary_in_the_controller(config: pytest.Config) -> None:
    """In a parallel run with xdist's own workers (``--no-fork``), the controller does without
    hypothesis's pytest plugin (a forked run's workers are forks of the parent, which keeps it).

    The tests run in the workers, which keep the plugin (its fixture checks, reporting and
    profiles). In the controller the plugin's one remaining job is its terminal summary, which
    imports all of hypothesis (≈ 0.5 s of CPU, at the very end of the run, when nothing else
    runs) to look for observation files and failing-example patches. A failing property is
    reported by its test as always (the falsifying example is in the failure report). Asked for
    hypothesis's statistics (``--hypothesis-show-statistics``), the controller keeps the plugin."""
    if getattr(config.option, "dist", "no") == "no" or config.getoption("hypothesis_show_statistics", False):
        return
    plugin = config.pluginmanager.get_plugin("_hypothesis_pytestplugin")
    if plugin is not None:
        config.pluginmanager.unregister(plugin)


def _temporary_files_in_memory(config: pytest.Config) -> None:
    """tmp_path folders on a RAM disk (/dev/shm) where there is one, unless a place was chosen.

    Every output of draft-report is written through a temporary file that is fsync'ed before the
    rename (safety.atomic); on a disk shared with other work each fsync waits tens of milliseconds,
    which added up to seconds of a test run. On tmpfs fsync returns at once; what the tests write
    and check is the same. pytest's own layout is kept (pytest-of-USER/pytest-N, last 3 runs)."""
    import os

    shm = Path("/dev/shm")
    if config.option.basetemp or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(shm)  # pytest's documented temp root variable
        _library_temporary_files_in_memory(shm)


def _library_temporary_files_in_memory(shm: Path) -> None:
    """The libraries' own scratch files (``tempfile``: openpyxl writes each worksheet to one
    and deletes it again, ≈ 3 ms per delete on a shared disk) on the same RAM disk, in a folder
    of this run (the workers and the test subprocesses inherit ``TMPDIR``). A ``TMPDIR`` chosen
    by the user is kept."""
    import os
    import tempfile

    if os.environ.get("TMPDIR"):
        return
    folder = Path(tempfile.mkdtemp(prefix="draft-report-tests-", dir=shm))
    os.environ["TMPDIR"] = str(folder)
    tempfile.tempdir = None  # gettempdir() looks again
    import atexit
    import shutil

    atexit.register(shutil.rmtree, folder, True)


# The order in which a parallel run (forked workers or xdist's, suite_schedule.py) hands out the
# work, most expensive first (CPU seconds per module measured on the whole suite, -n0, 2026-11-30), so that no long module or
# test is left to run alone at the end; everything not listed keeps its collection order after them.
SLOW_FIRST = (
    "tests/test_docx_pdf.py",  # LibreOffice (≈ 7 s CPU in its children), started first
    "tests/test_llm_cassettes.py",  # with the other TOGETHER modules: ≈ 7 s CPU and 3 s of waiting
    "tests/test_llm_cli.py",
    "tests/test_llm_drafter.py",
    "tests/test_workbook.py",
    "tests/test_reading_pdf.py",
    "tests/test_cli_startup.py",
    "tests/test_atomic_writes.py",
    "tests/test_docx_comments.py",
    "tests/test_reading_table_fast_paths.py",
    "tests/test_install.py",
    "tests/test_docx_read.py",
    "tests/test_regex_charset.py",
    "tests/test_cli_audit_fast.py",
    "tests/test_hostile_inputs.py",
    "tests/test_staff_workbook.py",
    "tests/test_fuzz_properties.py",
    "tests/test_audit_region.py",
    "tests/test_check_drafted_random.py",
    "tests/test_cli_check_fast.py",
    "tests/test_audit_pool.py",
    "tests/test_reading_fast_paths.py",
    "tests/test_table_causes.py",
    "tests/test_binding_compiled.py",
    "tests/test_init_schema.py",
    "tests/test_phrasing_bank.py",
)

# Libraries that tests in both workers of a forked run import (not at collection): imported once in
# the parent before the fork (cn2an ≈ 0.35 s of CPU: its patterns; the PDF readers ≈ 0.2 s).
PRELOAD = ("cn2an", "pdfplumber", "pypdfium2")

# A worker runs a whole module, so module-scoped fixtures and per-process caches are built once
# (not once per worker), except in these modules: their tests are long, share nothing, and are
# handed out one at a time to keep the two workers' shares even.
SPLIT = (
    "tests/test_install.py",
    "tests/test_cli_startup.py",
    "tests/test_atomic_writes.py",
    "tests/test_staff_workbook.py",
)

# Modules run one after the other by the same worker, so that one worker (not both) pays for a
# library only they use: the openai SDK (≈ 1-2 s of CPU to import; drafting.llm.client loads it
# when a client is made), and hypothesis (≈ 0.4 s to import and build its strategies; loaded when
# a property runs, tests/lazy_hypothesis.py).
TOGETHER = (
    (
        "tests/test_llm_cassettes.py",
        "tests/test_llm_cli.py",
        "tests/test_llm_drafter.py",
        "tests/test_llm_validate.py",
        "tests/test_llm_client.py",
    ),
    (
        "tests/test_fuzz_properties.py",
        "tests/test_claims_one_pass.py",
    ),
)


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """``-n N`` (xdist's ``--dist load``): whole modules (tests one by one in ``SPLIT`` modules,
    ``TOGETHER`` modules as one), in ``SLOW_FIRST`` order (suite_schedule.py). Other ``--dist`` modes are xdist's own."""
    if config.getvalue("dist") != "load":
        return None
    from suite_schedule import SlowFirstScheduling

    return SlowFirstScheduling(config, log, split=SPLIT, together=TOGETHER)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slow tests first (``SLOW_FIRST``), the rest in collection order (a stable sort: the same
    order in every xdist worker, as xdist requires)."""

    ranks = {module: i for i, module in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: ranks.get(item.nodeid.split("::", 1)[0], len(SLOW_FIRST)))


@pytest.fixture(scope="session")
def _no_certificate_authorities(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty folder of trusted CA certificates (see ``_hermetic_env``)."""
    return tmp_path_factory.mktemp("no_certificate_authorities")


@pytest.fixture(scope="session")
def _empty_config_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The config folder every test sees: empty and read-only, so that it stays empty (a test
    that wrote a config file there would fail instead of leaking it into later tests). One per
    process: a folder per test cost a numbered mkdir (pytest scans the whole temp root for the
    next number) for each of the ~1,500 tests."""
    folder = tmp_path_factory.mktemp("config")
    folder.chmod(0o555)
    return folder


@pytest.fixture(autouse=True)
def _hermetic_env(monkeypatch: pytest.MonkeyPatch, _empty_config_dir: Path, _no_certificate_authorities: Path) -> None:
    """No test sees the developer's endpoint, key or config file.

    Nor does a test trust any certificate authority: no test opens a TLS connection (no network;
    cassettes replay, the local test servers speak plain HTTP), and every HTTP client the openai
    SDK makes (one per ``draft --llm`` run) would otherwise load the system's CA bundle, ≈ 45 ms
    of CPU each. ``SSL_CERT_DIR`` (an empty folder) is what httpx reads instead; a TLS connection
    made by mistake fails verification rather than reaching a server."""
    import os

    for name in list(os.environ):
        if name.startswith(("OPENAI_", "DRAFT_REPORT_", "DEEPSEEK_", "DASHSCOPE_")):
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DRAFT_REPORT_CONFIG_DIR", str(_empty_config_dir))
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.setenv("SSL_CERT_DIR", str(_no_certificate_authorities))


# --- hypothesis (tests/test_fuzz_properties.py): the example budgets, by profile -------------

# "suite" (the default: CI and everyday runs): 15 derandomized examples per property, no deadline
# (a loaded CI machine must not fail a property on time), no example database (runs are
# reproducible and write nothing). "long": HYPOTHESIS_PROFILE=long python -m pytest -n0
# tests/test_fuzz_properties.py — random examples, many more of them. The long fuzz run with
# child processes and memory figures is bench/fuzz.py.
HYPOTHESIS_PROFILES: dict[str, dict[str, object]] = {
    "suite": {"max_examples": 15, "derandomize": True, "deadline": None, "database": None},
    "long": {"max_examples": 400, "derandomize": False, "deadline": None, "database": None},
}


def hypothesis_settings():  # -> hypothesis.settings (imported here: only the fuzz tests need it)
    """The settings of the profile named by ``HYPOTHESIS_PROFILE`` (default ``suite``)."""
    import os

    from hypothesis import HealthCheck, settings

    for name, values in HYPOTHESIS_PROFILES.items():
        settings.register_profile(
            name, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], **values
        )
    name = os.environ.get("HYPOTHESIS_PROFILE", "suite")
    settings.load_profile(name)
    return settings.get_profile(name)


# --- LLM drafting tests (helper LLM): a small, fixed dataset ---------------------------------

LLM_DATA_OVERRIDES: dict[str, int] = {
    "t2.norm.made": 2,
    "t2.licensing.decisions": 15,
    "t3.r1_new.np": 4,
    "t3.r1_new.biz": 1,
    "t3.r3_1_open.np": 3,
    "t3.r3_2_partial.biz": 1,
    "t3.r4_carry_out.np": 1,
    "t4.rv.keep": 1,
}


def write_llm_dataset(folder: Path) -> Path:
    """Write a small, valid data.yaml (夏县乡村振兴局 2023) for the LLM tests; return its path.

    Every non-total cell is 0 except ``LLM_DATA_OVERRIDES``; totals are derived by the loader.
    """
    import yaml

    from draft_report.models.table_input import Table2, Table3, Table4
    from draft_report.tables import layout as L

    tables = {}
    for name, model in (("table2", Table2), ("table3", Table3), ("table4", Table4)):
        table = model()
        for cid in table.cells():
            if not L.CELL_INFO[cid].is_total:
                table.set(cid, LLM_DATA_OVERRIDES.get(cid, 0))
        tables[name] = table.model_dump(exclude_none=True)
    data = {
        "agency": {"name": "夏县乡村振兴局", "kind": "部门"},
        "year": 2023,
        "publication_date": "2024-01-18",
        **tables,
        "notes": {
            "lead": ["坚持以公开为常态、不公开为例外，围绕巩固拓展脱贫攻坚成果做好政府信息公开"],
            "proactive": ["重点公开衔接资金项目安排和使用情况", "及时公开防止返贫监测帮扶政策"],
            "on_request": ["严格按照法定时限答复申请"],
            "management": ["落实信息发布前保密审查"],
            "platforms": ["依托县政府门户网站乡村振兴专栏发布信息"],
            "supervision": ["将政务公开纳入年度考核"],
        },
        "problems": ["信息发布不够及时", "政策解读形式较为单一"],
        "measures": ["建立信息发布台账，明确发布时限", "采用图解、问答等形式开展政策解读"],
        "previous_problems": [
            {"problem": "公开内容不够全面", "rectification": "已梳理公开事项清单，补充公开衔接资金项目信息"}
        ],
        "activity": {
            "publications": [
                {"channel": "政府网站", "count": 30},
                {"channel": "微信公众号", "count": 12},
            ],
            "events": [{"kind": "培训", "count": 2, "participants": 45}, {"kind": "政策解读", "count": 3}],
        },
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "data.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# --- LLM cassettes (helper LLM): matchers and scrubbing for cassettes/*.yaml -------------------

CASSETTES = ROOT / "cassettes"
# Request headers never written to a cassette; response headers dropped when recording.
SECRET_REQUEST_HEADERS = ("authorization", "api-key", "x-api-key", "cookie", "openai-organization", "openai-project")
SECRET_RESPONSE_HEADERS = ("set-cookie", "openai-organization", "openai-project", "x-request-id", "cf-ray",
                           "x-dashscope-call-gateway", "req-cost-time", "req-arrive-time", "resp-start-time")


def _chat_json(request) -> dict:
    import json

    body = request.body or b"{}"
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    try:
        return json.loads(body)
    except ValueError:
        return {}


def chat_path_matcher(r1, r2) -> None:
    """Both requests go to ``…/chat/completions`` (any host or prefix: the cassette is portable)."""
    assert r1.path.rstrip("/").endswith("/chat/completions"), r1.path
    assert r2.path.rstrip("/").endswith("/chat/completions"), r2.path


def chat_body_matcher(r1, r2) -> None:
    """Same model and same messages: a changed prompt fails loudly instead of replaying stale text."""
    b1, b2 = _chat_json(r1), _chat_json(r2)
    assert b1.get("model") == b2.get("model"), (b1.get("model"), b2.get("model"))
    assert b1.get("messages") == b2.get("messages"), "chat messages differ (prompt changed? regenerate cassettes)"


def _scrub_response(response: dict) -> dict:
    headers = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in SECRET_RESPONSE_HEADERS:
            del headers[name]
    return response


def llm_vcr(record_mode: str = "none"):
    """The vcrpy configuration of the LLM cassettes (replay only, unless recording on purpose)."""
    import vcr

    v = vcr.VCR(
        record_mode=record_mode,
        match_on=("method", "chat_path", "chat_body"),
        filter_headers=list(SECRET_REQUEST_HEADERS),
        before_record_response=_scrub_response,
        decode_compressed_response=True,
    )
    v.register_matcher("chat_path", chat_path_matcher)
    v.register_matcher("chat_body", chat_body_matcher)
    return v


def load_make_cassettes():
    """``cassettes/make_cassettes.py`` as a module (scenarios, authored answers, placeholder key)."""
    import importlib.util
    import sys

    if "make_cassettes" in sys.modules:
        return sys.modules["make_cassettes"]
    spec = importlib.util.spec_from_file_location("make_cassettes", CASSETTES / "make_cassettes.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_cassettes"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module
