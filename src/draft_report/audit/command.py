"""The work of ``draft-report audit``, without the command framework.

``run_audit_command`` is called by the typer command (``commands.audit``) and by the fast path
of ``cli.main`` (options parsed by ``commands.audit_options``); both print the same and return
the same exit code: 0 no report has an error-severity finding; 1 at least one has; 2 at least
one report could not be read. Input that cannot be used raises ``InputError`` (exit 2).
"""

from __future__ import annotations

import sys
from pathlib import Path

from draft_report.commands.audit_options import FORMATS
from draft_report.errors import InputError

_BY_SUFFIX = {".csv": "csv", ".json": "json", ".html": "html", ".htm": "html"}


def _echo(text: str, *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n")
    stream.flush()


def format_of(fmt: str | None, output: Path | None) -> str:
    if fmt is None:
        return _BY_SUFFIX.get(output.suffix.lower(), "text") if output is not None else "text"
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise InputError(f"不支持的输出格式“{fmt}”；可选：{'、'.join(FORMATS)}", where="--format")
    if fmt == "html" and output is None:
        raise InputError("HTML 汇总需要用 -o 指定文件，例如 -o 核查汇总.html", where="--format")
    return fmt


def _targets(fmt: str, output: Path) -> list[Path]:
    """The files written: an HTML summary comes with its CSV and JSON beside it."""
    if fmt == "html":
        return [output, output.with_suffix(".csv"), output.with_suffix(".json")]
    return [output]


def run_audit_command(
    paths: list[Path],
    fmt: str | None = None,
    output: Path | None = None,
    force: bool = False,
    previous_dir: Path | None = None,
    jobs: int | None = None,
) -> int:
    """Audit the reports of ``paths`` and print or write the summary; the exit code."""
    from draft_report.audit.collect import collect
    from draft_report.audit.render import Audit, render_csv, render_json, render_text, render_text_file
    from draft_report.audit.run import default_workers, read_previous, run_audit
    from draft_report.safety.paths import check_output

    kind = format_of(fmt, output)
    if previous_dir is not None and not previous_dir.is_dir():
        raise InputError("应为存放上年度报告的文件夹", path=str(previous_dir), where="--previous-dir")
    found = collect(paths)
    if not found.jobs and not found.unreadable:
        raise InputError("没有找到报告文件（.docx、.html、.md、.pdf、.txt）", where="、".join(map(str, paths)))
    targets = _targets(kind, output) if output is not None else []
    for target in targets:
        check_output(target, inputs=found.inputs(), where="-o")
        if target.exists() and not force:
            raise InputError("输出文件已存在；如需覆盖请加 --force，或另指定文件名", path=str(target))
    previous = None
    if previous_dir is not None:
        previous = read_previous(collect([previous_dir]).jobs, jobs if jobs is not None else default_workers())
    rows = run_audit(found.jobs, workers=jobs, previous=previous)
    result = Audit(rows, found.unreadable, found.skipped, str(previous_dir) if previous_dir is not None else None)
    if output is None:
        _echo({"text": render_text, "csv": render_csv, "json": render_json}[kind](result))
    else:
        from draft_report.audit.html_summary import render_html_summary
        from draft_report.safety.atomic import FileSet

        with FileSet() as files:
            if kind == "html":
                files.add_text(output, render_html_summary(result, output))
            elif kind == "text":
                files.add_text(output, render_text_file(result))
            if kind in ("html", "csv"):
                # utf-8-sig so that Excel opens the CSV with the right encoding
                files.add_text(targets[1] if kind == "html" else output, render_csv(result), encoding="utf-8-sig")
            if kind in ("html", "json"):
                files.add_text(targets[-1], render_json(result) + "\n")
        _echo(f"已写出核查汇总：{'、'.join(map(str, targets))}", err=True)
        s = result.summary()
        _echo(f"共 {s['reports']} 份报告：通过 {s['checked'] - s['with_errors']} 份，有错误 {s['with_errors']} 份，"
              f"无法读取 {s['unreadable']} 份；跳过其他文件 {s['skipped']} 个。", err=True)
    if result.unreadable_count:
        return 2
    return 1 if result.with_errors else 0
