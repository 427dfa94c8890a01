"""How the reader and the checker do on tables as they come out of real web pages.

    python bench/real_tables_bench.py [--cases DIR] [--split tuning|heldout|all] [--show] [--json]

Each case (one JSON file of DIR, default bench/real_tables/) is a report text the way a user
would feed it — an excerpt of a published report's tables, under its section headings — with
its hand-read ground truth:

- ``cells``: every cell the excerpt shows, by cell id (``tables.layout``), and its value as
  published (null: blank as published — an empty cell, "/", "—");
- ``unknown``: cells whose value is cut by the excerpt's end (never scored);
- ``consistent``: whether the shown cells satisfy the identities (H1–H4) as published;
- ``split``: tuning or heldout, by sha1(source) % 3 == 0 → held out, fixed before any failure
  was looked at.

The committed cases are paraphrases (names and numbers changed, the layout quirk kept) of
excerpts of real 政府信息公开工作年度报告 pages; the raw excerpts stay outside the repository
(point ``--cases`` at them to measure on the raw text).

Figures per split:
- cells read right / read wrong / not read (of the cells the excerpt shows), and cells
  "invented" (a value read into a cell the excerpt does not show);
- table findings by severity; false table errors (an H1–H4/H5 error on a consistent table, or
  any table error caused by a misread), true inconsistencies caught / missed;
- errors of any rule on a table-only excerpt (listed with ``--show``);
- crashes (tracebacks): must be zero.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from draft_report.checking import check_document  # noqa: E402
from draft_report.errors import InputError  # noqa: E402
from draft_report.reading import read_text  # noqa: E402

DEFAULT_CASES = ROOT / "bench" / "real_tables"
_IDENTITY = ("table.identity.", "table.value.")


def load_cases(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) | {"file": p.name} for p in sorted(folder.glob("*.json"))]


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def score_case(case: dict[str, Any]) -> dict[str, Any]:
    """Read and check one case; what was read right, wrong or not at all, and what the checker said."""
    res: dict[str, Any] = {"id": case["id"], "split": case["split"], "right": 0, "wrong": [], "unread": [],
                           "invented": [], "findings": [], "crash": None}
    try:
        doc = read_text(case["text"], source=case["id"])
        findings = check_document(doc).findings
    except InputError as exc:
        res["crash"] = f"InputError: {exc}"
        res["unread"] = sorted(case["cells"])
        return res
    except Exception:  # noqa: BLE001 — a traceback is what this bench counts
        res["crash"] = traceback.format_exc(limit=4)
        res["unread"] = sorted(case["cells"])
        return res
    problems = {(i.cell_id, i.problem) for i in doc.cell_issues}
    unreadable = {cid for cid, p in problems if p in ("unreadable", "missing")}
    for cid, want in case["cells"].items():
        if cid in unreadable or cid not in doc.cell_lines:
            res["unread"].append(cid)
            continue
        got = doc.tables.get(cid)
        if _same(got, want):
            res["right"] += 1
        else:
            res["wrong"].append((cid, want, got))
    shown = set(case["cells"]) | set(case.get("unknown", []))
    for cid in doc.cell_lines:
        if cid not in shown and cid not in unreadable and doc.tables.get(cid) is not None:
            res["invented"].append((cid, doc.tables.get(cid)))
    misread = {c for c, _, _ in res["wrong"]} | {c for c, _ in res["invented"]}
    for f in findings:
        res["findings"].append({"rule": f.rule, "severity": f.severity, "cell": f.location.cell_id,
                                "message": f.message})
    table_errors = [f for f in res["findings"] if f["severity"] == "error" and f["rule"].startswith("table.")]
    res["table_errors"] = len(table_errors)
    identity_errors = [f for f in table_errors if f["rule"].startswith(_IDENTITY)]
    res["false_errors"] = len(identity_errors) if case["consistent"] else \
        sum(1 for f in identity_errors if f["cell"] in misread)
    res["caught"] = (not case["consistent"]) and bool(identity_errors)
    res["missed"] = (not case["consistent"]) and not identity_errors
    return res


def summarize(results: list[dict[str, Any]]) -> dict[str, Any]:
    sev: Counter[str] = Counter()
    other_errors: Counter[str] = Counter()
    for r in results:
        for f in r["findings"]:
            if f["rule"].startswith("table."):
                sev[f"{f['rule']}:{f['severity']}"] += 1
            elif f["severity"] == "error":
                other_errors[f["rule"]] += 1
    shown = sum(r["right"] + len(r["wrong"]) + len(r["unread"]) for r in results)
    return {
        "reports": len(results),
        "cells_shown": shown,
        "read_right": sum(r["right"] for r in results),
        "read_wrong": sum(len(r["wrong"]) for r in results),
        "not_read": sum(len(r["unread"]) for r in results),
        "invented": sum(len(r["invented"]) for r in results),
        "reports_all_right": sum(1 for r in results if not r["wrong"] and not r["unread"] and not r["invented"]),
        "table_errors": sum(r.get("table_errors", 0) for r in results),
        "false_table_errors": sum(r.get("false_errors", 0) for r in results),
        "reports_with_false_errors": sum(1 for r in results if r.get("false_errors", 0)),
        "inconsistent_caught": sum(1 for r in results if r.get("caught")),
        "inconsistent_missed": sum(1 for r in results if r.get("missed")),
        "crashes": sum(1 for r in results if r["crash"]),
        "table_findings": dict(sorted(sev.items())),
        "other_errors": dict(sorted(other_errors.items())),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=Path, default=DEFAULT_CASES, help="folder of case files (*.json)")
    ap.add_argument("--split", choices=("tuning", "heldout", "all"), default="all")
    ap.add_argument("--show", action="store_true", help="list each case's misreads and table findings")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    cases = load_cases(args.cases)
    splits = ("tuning", "heldout") if args.split == "all" else (args.split,)
    figures: dict[str, Any] = {}
    for split in splits:
        results = [score_case(c) for c in cases if c["split"] == split]
        figures[split] = summarize(results)
        if args.show:
            for r in results:
                table = [f"{f['severity']} {f['rule']} {f['cell'] or ''}" for f in r["findings"]
                         if f["rule"].startswith("table.") or f["severity"] == "error"]
                print(f"[{split}] {r['id']}: right {r['right']}, wrong {r['wrong']}, unread {len(r['unread'])} "
                      f"{sorted(r['unread'])[:6]}, invented {r['invented'][:4]}, crash {bool(r['crash'])}")
                for line in sorted(Counter(table).items()):
                    print(f"      {line[1]}× {line[0]}")
                if r["crash"]:
                    print(r["crash"])
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=1))
        return
    for split, fig in figures.items():
        print(f"== {split}: {fig['reports']} reports, {fig['cells_shown']} cells shown")
        print(f"   cells read right {fig['read_right']}, read wrong {fig['read_wrong']}, not read {fig['not_read']},"
              f" invented {fig['invented']}; reports read entirely right {fig['reports_all_right']}")
        print(f"   table errors {fig['table_errors']} (false {fig['false_table_errors']},"
              f" in {fig['reports_with_false_errors']} reports); inconsistent tables caught"
              f" {fig['inconsistent_caught']}, missed {fig['inconsistent_missed']}; crashes {fig['crashes']}")
        print(f"   table findings: {fig['table_findings']}")
        print(f"   errors of other rules: {fig['other_errors']}")


if __name__ == "__main__":
    main()
