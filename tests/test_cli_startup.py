"""Start-up stays lean: a command imports only what it uses (timings are in bench/speed.py).

Each case runs the CLI in a fresh interpreter and lists the modules it loaded. A new import at
module level in a shared module (or a command module loaded for every command) fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, REAL_REPORTS

_PROBE = """
import json, sys
from draft_report.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write("\\nMODULES=" + json.dumps(sorted(sys.modules)))
"""

# Heavy libraries and modules of other commands that `check` on a text report never needs.
NOT_FOR_CHECK = (
    "docx", "openpyxl", "jinja2", "openai", "httpx", "pdfplumber", "yaml", "lxml", "cn2an", "rich",
    "draft_report.drafting", "draft_report.rendering", "draft_report.loading", "draft_report.commands.draft",
    "draft_report.commands.init", "draft_report.commands.schema", "draft_report.commands.audit",
    "draft_report.config", "draft_report.checking.crossyear", "html",
    # a plain `check` is parsed without the command framework (commands.check_options)
    "typer", "click", "draft_report.cli_app", "draft_report.cli_help", "draft_report.commands.check",
    # front ends of other formats (reading imports them when such a report is read)
    "draft_report.reading.html_blocks", "draft_report.reading.markdown_blocks",
    # the parsed report and its tables are plain classes (models.tables, models.document)
    "pydantic", "pydantic_core", "draft_report.models.data", "draft_report.models.table_input",
    # what ``inspect`` brings: dataclasses imports it, but it stays unloaded (draft_report.lazy_stdlib)
    "ast", "dis", "tokenize",
)


def loaded_modules(*argv: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, timeout=60)
    marker = proc.stderr.rindex("MODULES=")
    return set(json.loads(proc.stderr[marker + len("MODULES="):]))


def _heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules for n in names if m == n or m.startswith(n + "."))


@pytest.mark.parametrize("options", [[], ["--format", "json", "-v"], ["--no-info", "--verbose"]])
def test_check_of_a_text_report_loads_only_what_it_uses(options: list[str]) -> None:
    modules = loaded_modules("check", str(REAL_REPORTS / "huaian_2024.txt"), *options)
    assert "draft_report.checking.engine" in modules  # the probe really ran the check
    assert _heavy(modules, NOT_FOR_CHECK) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_audit_loads_only_the_check_path(jobs: str) -> None:
    """A plain ``audit`` is parsed without typer too; the worker processes it forks inherit its modules."""
    modules = loaded_modules("audit", str(REAL_REPORTS), "--format", "csv", "--jobs", jobs)
    assert "draft_report.checking.engine" in modules and "draft_report.audit.render" in modules
    assert _heavy(modules, NOT_FOR_CHECK) == []  # rich too: no progress bar when stderr is not a terminal


_CHECK_PATH_PROBE = """
import json, sys
from draft_report.checking import check_document
from draft_report.checking.report_text import render_text
from draft_report.reading import read_report
result = check_document(read_report(sys.argv[1]))
render_text(result)
result.to_json()
sys.stderr.write("\\nMODULES=" + json.dumps(sorted(sys.modules)))
"""


@pytest.mark.parametrize("report", ["real_reports/huaian_2024.txt", "html/qinglan-jiaoyu_2024.html",
                                    "format2019/qinglan-scj_2020.txt"])
def test_reading_and_checking_a_report_never_imports_pydantic(report: str) -> None:
    """`check REPORT` without --data: the parsed report and its tables are plain classes."""
    path = REAL_REPORTS.parent / report
    proc = subprocess.run([sys.executable, "-c", _CHECK_PATH_PROBE, str(path)], capture_output=True, text=True,
                          timeout=60)
    marker = proc.stderr.rindex("MODULES=")
    modules = set(json.loads(proc.stderr[marker + len("MODULES="):]))
    assert "draft_report.checking.engine" in modules and "draft_report.models.tables" in modules
    assert _heavy(modules, ("pydantic", "pydantic_core", "draft_report.models.data",
                            "draft_report.models.table_input")) == []


def test_check_help_still_goes_through_typer() -> None:
    modules = loaded_modules("check", "--help")
    assert "typer" in modules and "draft_report.commands.check" in modules


def test_version_does_not_load_the_command_framework() -> None:
    modules = loaded_modules("--version")
    assert "draft_report.cli" in modules
    assert _heavy(modules, ("typer", "click", "pydantic", "draft_report.commands", "draft_report.checking")) == []


@pytest.mark.parametrize("command", ["check", "init"])
def test_a_command_help_loads_only_its_own_module(command: str) -> None:
    modules = loaded_modules(command, "--help")
    others = tuple(f"draft_report.commands.{c}" for c in ("draft", "audit", "schema", "init", "check") if c != command)
    assert f"draft_report.commands.{command}" in modules
    assert _heavy(modules, others) == []


def test_a_plain_draft_is_parsed_without_typer(tmp_path: Path) -> None:
    """``draft DATA -o OUT`` goes through the fast parser (``commands.draft_options``): no command
    framework, and for Markdown no Word, workbook or LLM libraries."""
    data = EXAMPLES / "xiaxian-2023" / "data.yaml"
    modules = loaded_modules("draft", str(data), "-o", str(tmp_path / "out"), "-f", "md")
    assert "draft_report.commands.draft_run" in modules and "draft_report.rendering.markdown" in modules
    assert (tmp_path / "out" / "report.md").is_file()
    assert _heavy(modules, ("typer", "click", "draft_report.cli_app", "draft_report.cli_help",
                            "draft_report.commands.draft", "docx", "openpyxl", "openai", "httpx")) == []
