"""``draft-report audit PATH...``: check many published reports at once, for supervisors.

Each report is read and checked against its own tables exactly as ``check`` does; the output
is one line per report (text), a CSV that opens in Excel, or JSON with every report's findings.
A report that cannot be read is listed with the reason and the others are still checked.

Exit codes: 0 no report has an error-severity finding; 1 at least one has; 2 at least one
report could not be read (or no report was found).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from draft_report.cli_app import app
from draft_report.commands.check import read_report_file
from draft_report.errors import InputError

REPORT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".docx", ".pdf")
CSV_HEADER = ("报告文件", "机关", "年度", "错误", "警告", "提示", "结论", "首个错误或警告")


@dataclass
class AuditRow:
    path: Path
    result: Any | None = None  # checking.findings.CheckResult
    unreadable: str | None = None

    @property
    def verdict(self) -> str:
        if self.result is None:
            return "无法读取"
        return "有错误" if self.result.has_errors else "通过"

    def first_problem(self) -> str:
        if self.result is None:
            return self.unreadable or ""
        for severity in ("error", "warning"):
            for f in self.result.findings:
                if f.severity == severity:
                    return f"[{f.rule}] {f.message}"
        return ""

    def counts(self) -> tuple[int, int, int]:
        if self.result is None:
            return (0, 0, 0)
        s = self.result.summary
        return (s["errors"], s["warnings"], s["info"])


def _looks_like_report(p: Path) -> bool:
    """A file in a searched folder that may be a report: not a Word lock file, hidden file or README."""
    return (
        p.is_file()
        and p.suffix.lower() in REPORT_SUFFIXES
        and not p.name.startswith(("~$", "."))
        and p.stem.lower() not in ("readme", "license", "changelog")
    )


def collect_reports(paths: list[Path]) -> list[Path]:
    """The report files named, and those inside named folders (recursively), in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if _looks_like_report(p)))
        elif path.exists():
            found.append(path)  # named explicitly: always checked
        else:
            raise InputError("文件或文件夹不存在", path=str(path))
    unique: list[Path] = []
    for p in found:
        if p not in unique:
            unique.append(p)
    return unique


def audit_reports(paths: list[Path]) -> list[AuditRow]:
    from draft_report.checking import check_document

    rows: list[AuditRow] = []
    for path in paths:
        try:
            doc = read_report_file(path)
        except InputError as err:
            rows.append(AuditRow(path, unreadable=str(err)))
            continue
        result = check_document(doc)
        if result.source is None:
            result.source = str(path)
        rows.append(AuditRow(path, result=result))
    return rows


def _cells(row: AuditRow) -> list[str]:
    errors, warnings, info = row.counts()
    agency = (row.result.agency if row.result else None) or ""
    year = (row.result.year if row.result else None) or ""
    return [str(row.path), agency, str(year), str(errors), str(warnings), str(info), row.verdict, row.first_problem()]


def render_text(rows: list[AuditRow]) -> str:
    lines = []
    for row in rows:
        path, agency, year, errors, warnings, info, verdict, first = _cells(row)
        who = f"{agency} {year}年度".strip() if agency or year else ""
        if row.result is None:
            lines.append(f"× {path}：无法读取 —— {first}")
            continue
        mark = "×" if row.result.has_errors else ("!" if int(warnings) else "✓")
        line = f"{mark} {path}（{who}）：错误 {errors}，警告 {warnings}，提示 {info}"
        if first:
            line += f"\n    {first}"
        lines.append(line)
    total = len(rows)
    bad = sum(1 for r in rows if r.result is not None and r.result.has_errors)
    unreadable = sum(1 for r in rows if r.result is None)
    lines.append("")
    lines.append(f"共 {total} 份报告：通过 {total - bad - unreadable} 份，有错误 {bad} 份，无法读取 {unreadable} 份。")
    lines.append("逐份详情：draft-report check 报告文件")
    return "\n".join(lines)


def render_csv(rows: list[AuditRow]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_HEADER)
    for row in rows:
        writer.writerow(_cells(row))
    return buf.getvalue()


def render_json(rows: list[AuditRow]) -> str:
    reports: list[dict[str, Any]] = []
    for row in rows:
        if row.result is None:
            reports.append({"path": str(row.path), "readable": False, "error": row.unreadable})
        else:
            reports.append({"path": str(row.path), "readable": True, **row.result.to_dict()})
    summary = {
        "reports": len(rows),
        "with_errors": sum(1 for r in rows if r.result is not None and r.result.has_errors),
        "unreadable": sum(1 for r in rows if r.result is None),
    }
    return json.dumps({"reports": reports, "summary": summary}, ensure_ascii=False, indent=2)


AUDIT_HELP = """批量核查已发布的年度报告（供上级主管部门抽查、审核），每份报告按其自身表格核对。

\b
示例：
  draft-report audit 年报/2024/
  draft-report audit 年报/2024/ --format csv -o 核查汇总.csv

文件夹中的 .md、.txt、.html、.docx、.pdf 都会被核查；无法读取的报告单独列出，不影响其他报告。"""


@app.command("audit", help=AUDIT_HELP)
def audit(
    paths: Annotated[list[Path], typer.Argument(metavar="报告或文件夹...", help="报告文件或存放报告的文件夹，可填多个")],
    fmt: Annotated[str, typer.Option("--format", help="输出格式：text（逐份一行）、csv（可用 Excel 打开）或 json")] = "text",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="把结果写入文件（不加则打印）；已存在的文件不会被覆盖，除非加 --force")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件")] = False,
) -> None:
    fmt = fmt.strip().lower()
    renderers = {"text": render_text, "csv": render_csv, "json": render_json}
    if fmt not in renderers:
        raise InputError(f"不支持的输出格式“{fmt}”；可选：text、csv、json", where="--format")
    if output is not None and output.exists() and not force:
        raise InputError("输出文件已存在；如需覆盖请加 --force，或另指定文件名", path=str(output))
    reports = collect_reports(paths)
    if not reports:
        raise InputError(f"没有找到报告文件（{'、'.join(REPORT_SUFFIXES)}）", where="、".join(map(str, paths)))
    rows = audit_reports(reports)
    text = renderers[fmt](rows)
    if output is None:
        typer.echo(text)
    else:
        try:
            # utf-8-sig so that Excel opens the CSV with the right encoding
            output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        except OSError as exc:
            raise InputError(f"无法写入文件（{exc.strerror or exc}）", path=str(output)) from None
        typer.echo(f"已写出核查汇总：{output}", err=True)
    if any(r.result is None for r in rows):
        raise typer.Exit(2)
    if any(r.result is not None and r.result.has_errors for r in rows):
        raise typer.Exit(1)
