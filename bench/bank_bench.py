"""Phrasing bank bench: true sentences add no alarm, wrong ones are caught — tuning and held-out split.

    python bench/bank_bench.py [--seeds 2] [--json] [--show-failures]

Every template of bench/phrasing_bank.py (and the later tuning-only bench/phrasing_more.py and
bench/phrasing_applicants.py) is rendered over the tables of each real report
(tests/fixtures/real_reports) and the sample (tests/fixtures/seeds), with ``--seeds`` different
wrong versions per template and report, and inserted into the report's section 一 as a paragraph
of its own. The report is then checked against its own tables (洪泽 2024 with 洪泽 2023 as
``--previous``, so that 同比/较上年 sentences are verified there; elsewhere they are rendered from
made-up last-year values and must stay info). Compared with the unmodified report's findings:

- a **true** sentence must add no error and no warning (“false alarm” otherwise); for the
  ``scoped`` phenomenon (a sub-unit's or a moment's number, not the year's total) no error — the
  contract makes a sub-unit's differing number a scope warning;
- a **wrong** sentence (one number changed so that it disagrees with every reading the template
  allows) must add an error or a warning (“caught”).

Figures are printed per split — ``tuning`` and ``held-out`` (``phrasing_bank.held_out``: a hash
of the template id, never used for tuning) — and per phenomenon. ``--show-failures`` lists the
tuning split's failures (held-out failures are only counted).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import phrasing_bank as B  # noqa: E402
import real_render as R  # noqa: E402
from phrasing_applicants import APPLICANTS  # noqa: E402
from phrasing_more import MORE  # noqa: E402

from draft_report.checking import check_document  # noqa: E402
from draft_report.checking.findings import CheckResult  # noqa: E402
from draft_report.models.document import ReportDocument  # noqa: E402
from draft_report.reading import read_text  # noqa: E402

REPORTS: tuple[Path, ...] = (
    *sorted((ROOT / "tests/fixtures/real_reports").glob("*.txt")),
    ROOT / "tests/fixtures/seeds/xiaxian_2023.txt",
)
# A 2020 report in the 2019 trial format (invented, tests/fixtures/format2019): ``--with-2019`` adds it.
REPORTS_2019: tuple[Path, ...] = (ROOT / "tests/fixtures/format2019/qinglan-scj_2020.txt",)
PREVIOUS: dict[str, str] = {"huaian-hongze_2024.txt": "huaian-hongze_2023.txt"}


def read(text: str, name: str) -> ReportDocument:
    return read_text(text, source=name, fmt="text")


def insert(text: str, doc: ReportDocument, sentence: str) -> str | None:
    """The report with ``sentence`` as a paragraph of its own right after section 一's heading."""
    sec = doc.section("overview")
    if sec is None or sec.line is None:
        return None
    lines = text.split("\n")
    no = sec.line  # the heading's line is sec.line (1-based): insert after it
    return "\n".join(lines[:no] + [sentence] + lines[no:])


def _new(base: set[Any], result: CheckResult, severities: tuple[str, ...]) -> list[str]:
    return [f"{f.severity} {f.rule}: {f.message}" for f in result.findings
            if f.severity in severities and f.key() not in base]


ALL_TEMPLATES: tuple[B.Template, ...] = B.TEMPLATES + MORE + APPLICANTS
# MORE and APPLICANTS are all tuning
HELD_OUT: frozenset[str] = frozenset(t.id for t in B.TEMPLATES if B.held_out(t.id))


def run(seeds: int = 2, templates: tuple[B.Template, ...] = ALL_TEMPLATES,
        reports: tuple[Path, ...] = REPORTS, on_result: Any = None) -> dict[str, Any]:
    """Figures per split and phenomenon; ``on_result(path, template, kind, sentence, result, base)`` sees
    every checked version (bench/real_prose_bench.py compares bindings there)."""
    stats: dict[str, dict[str, int]] = defaultdict(lambda: {"true": 0, "alarms": 0, "wrong": 0, "caught": 0})
    failures: dict[str, list[str]] = {"tuning": [], "held-out": []}
    for path in reports:
        text = path.read_text(encoding="utf-8")
        doc = read(text, path.name)
        year = doc.year or 2023
        prev_doc = None
        if path.name in PREVIOUS:
            prev_path = path.parent / PREVIOUS[path.name]
            prev_doc = read(prev_path.read_text(encoding="utf-8"), prev_path.name)
        values = R.values_of(doc.tables)  # phrasing_bank's slots and the real prose's (bench/real_render.py)
        previous = B.values_of(prev_doc.tables) if prev_doc is not None else {k: float(int(v * 0.8)) for k, v in values.items()}
        base = {f.key() for f in check_document(doc, previous=prev_doc).findings}
        for t in templates:
            real = isinstance(t, R.RealTemplate)
            split = "held-out" if (t.held_out if real else t.id in HELD_OUT) else "tuning"
            seen: set[str] = set()
            for seed in range(seeds):
                rng = random.Random(f"{path.name}:{t.id}:{seed}")
                r = R.render(t, values, year, rng, previous) if real else B.render(t, values, year, rng, previous)
                if r is None:
                    break
                versions: list[tuple[str, str]] = []
                if seed == 0 and r.true is not None:  # None: a real sentence's zero/equal claim fails here
                    versions.append(("true", r.true))
                wrong = r.wrong if (prev_doc is not None or t.phenomenon != "change") else None
                if wrong is not None and wrong not in seen:
                    seen.add(wrong)
                    versions.append(("wrong", wrong))
                for kind, sentence in versions:
                    mutated = insert(text, doc, sentence)
                    if mutated is None:
                        continue
                    result = check_document(read(mutated, path.name), previous=prev_doc)
                    if on_result is not None:
                        on_result(path, t, kind, sentence, r, result, base)
                    for key in (split, f"{split}:{t.phenomenon}"):
                        stats[key][kind] += 1
                    if kind == "true":
                        # a sub-unit's number may be a scope warning by contract: only errors are alarms there
                        severities = ("error",) if t.phenomenon == "scoped" else ("error", "warning")
                        alarms = _new(base, result, severities)
                        if alarms:
                            for key in (split, f"{split}:{t.phenomenon}"):
                                stats[key]["alarms"] += 1
                            failures[split].append(f"[{path.name} {t.id}] TRUE “{sentence}” → {alarms[0]}")
                    else:
                        caught = _new(base, result, ("error", "warning"))
                        if caught:
                            for key in (split, f"{split}:{t.phenomenon}"):
                                stats[key]["caught"] += 1
                        else:
                            failures[split].append(f"[{path.name} {t.id}] WRONG “{sentence}” ({r.note}) not caught")
    return {"stats": dict(stats), "failures": failures}


def _rate(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2%}" if b else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=2, help="wrong versions per template and report")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-failures", action="store_true", help="list the tuning split's failures")
    ap.add_argument("--tuning-only", action="store_true",
                    help="run only the tuning split (while tuning: the held-out split is measured once, at the end)")
    ap.add_argument("--with-2019", action="store_true",
                    help="also render over a 2020 report in the 2019 trial format (tests/fixtures/format2019)")
    ap.add_argument("--only", default="", help="tuning templates whose id starts with one of these (comma-separated)")
    ap.add_argument("--real", action="store_true",
                    help="the real prose slice instead (bench/phrasing_real.py, its own split: bench/real_prose_bench.py)")
    args = ap.parse_args(argv)
    if args.real:
        import real_prose_bench
        return real_prose_bench.main(["--seeds", str(args.seeds)] + (["--show-failures"] if args.show_failures else []))
    chosen = ALL_TEMPLATES
    if args.tuning_only or args.only:
        prefixes = tuple(p for p in args.only.split(",") if p)
        chosen = tuple(t for t in ALL_TEMPLATES if t.id not in HELD_OUT and (not prefixes or t.id.startswith(prefixes)))
    reports = REPORTS + (REPORTS_2019 if args.with_2019 else ())
    out = run(args.seeds, chosen, reports)
    if args.json:
        print(json.dumps({"stats": out["stats"], "tuning_failures": out["failures"]["tuning"],
                          "held_out_failures": len(out["failures"]["held-out"])}, ensure_ascii=False, indent=2))
        return 0
    s = out["stats"]
    n_templates = {split: sum(1 for t in ALL_TEMPLATES if (t.id in HELD_OUT) == (split == "held-out"))
                   for split in ("tuning", "held-out")}
    print(f"== Phrasing bank: {len(chosen)} templates × {len(reports)} reports "
          f"(targets: true ≥ 99 % silent, wrong ≥ 98 % caught) ==")
    for split in ("tuning", "held-out"):
        st = s.get(split, {"true": 0, "alarms": 0, "wrong": 0, "caught": 0})
        print(f"  {split:9s} ({n_templates[split]} templates): true sentences silent "
              f"{_rate(st['true'] - st['alarms'], st['true'])}; wrong caught {_rate(st['caught'], st['wrong'])}")
    print("  per phenomenon (true silent | wrong caught):")
    phenomena = sorted({t.phenomenon for t in ALL_TEMPLATES})
    for ph in phenomena:
        cells = []
        for split in ("tuning", "held-out"):
            st = s.get(f"{split}:{ph}")
            cells.append(f"{split} {_rate(st['true'] - st['alarms'], st['true'])} | {_rate(st['caught'], st['wrong'])}"
                         if st else f"{split} —")
        print(f"    {ph:15s} " + "; ".join(cells))
    print_failures(out, args.show_failures)
    return 0


def print_failures(out: dict[str, Any], show: bool) -> None:
    """How many sentences failed per split; with ``show``, the tuning split's failures (held-out ones are only counted)."""
    print(f"  failures: tuning {len(out['failures']['tuning'])}, held-out {len(out['failures']['held-out'])}")
    if show:
        for line in out["failures"]["tuning"]:
            print("    " + line)


if __name__ == "__main__":
    raise SystemExit(main())
