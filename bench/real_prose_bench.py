"""Real prose bench: section-一 sentences paraphrased from real reports, checked against tables that make them true / false.

    python bench/real_prose_bench.py [--seeds 2] [--show-failures] [--raw DIR] [--round2]

The templates of bench/phrasing_real.py (paraphrases of 209 sentences of 70 published reports,
2021–2025: districts, counties, towns, bureaus, commissions; see bench/real_render.py for the slots
and the ground truth they carry) go through ``bank_bench.run``: each is rendered over the tables of
the real reports of tests/fixtures and the sample, inserted into section 一 and checked; the
findings are compared with the unmodified report's. The split is the source page's URL hash
(``int(sha1(url), 16) % 3 == 0``: held out).

Figures per split:

- true sentences: silent / a false **error** / a false warning (no error);
- wrong sentences (one table figure changed, or a zero/equal claim the tables contradict):
  caught by an error / by a warning only / missed;
- bindings: for every number of the true sentences, what the checker bound it to vs. the ground
  truth — a table figure bound to its cells (right), to other cells (wrong), to nothing (unbound);
  a number that names no table figure left unbound (right) or bound to a table figure (wrong).

``--round2`` runs the second batch instead (bench/phrasing_real2.py: 67 sentences of 25 reports round 1
did not use, paraphrased the same way). ``--raw DIR`` reads the templates from DIR/gt_raw.py instead (the raw sentences, kept outside the
repository: third-party text). ``--show-failures`` lists the tuning split's failures only.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bank_bench as BB  # noqa: E402
import real_render as R  # noqa: E402

from draft_report.checking.claims import extract_claims  # noqa: E402


def _cells(fact: Any) -> frozenset[str]:
    if fact is None:
        return frozenset()
    return frozenset(fact.cells or [c for p in fact.parts for c in p.cells])


def _binding_rows(t: R.RealTemplate, sentence: str, r: R.RealRendered) -> list[tuple[str, str]]:
    """(verdict, description) for every number and zero claim of a true sentence."""
    out: list[tuple[str, str]] = []
    claims = [c for c in extract_claims(sentence) if c.kind in ("number", "zero")]
    used: set[tuple[int, int, str]] = set()
    for c in claims:
        start = c.sentence_start + c.start
        end = c.sentence_start + c.end
        bound = _cells(c.fact)
        alts = [_cells(a) for a in c.alternatives]
        if c.fact is not None:
            alts += [frozenset(cs) for cs in c.fact.also_accept]
        label = c.fact.id if c.fact is not None else "—"
        if c.kind == "zero":
            truth = frozenset(x for k in t.zero for x in R.KEY_CELLS[k])
            if not bound:
                out.append(("unbound-zero" if truth else "ok-notfact", f"zero “{c.text}” → — (truth {t.zero or '—'})"))
            elif bound <= truth:
                out.append(("right", f"zero “{c.text}” → {label}"))
            else:
                out.append(("wrong-fact" if truth else "bound-notfact",
                            f"zero “{c.text}” → {label} (truth {t.zero or 'not a table fact'})"))
            continue
        span = next((s for s in r.spans if s[0] < end and start < s[1]), None)
        key = R.slot_key(span[2]) if span is not None else None
        if span is not None:
            used.add(span)
        if key is None:
            if span is not None and not span[2].startswith(("part:", "rest:")):
                continue  # a year or a ratio slot: not compared here
            if bound:
                out.append(("bound-notfact", f"“{c.text}” → {label} (truth: not a table fact)"))
            else:
                out.append(("ok-notfact", f"“{c.text}” → —"))
            continue
        truth = frozenset(R.KEY_CELLS[key])
        if not bound:
            out.append(("unbound", f"“{c.text}” → — (truth {key})"))
        elif bound == truth or truth in alts:
            out.append(("right", f"“{c.text}” → {label}"))
        else:
            out.append(("wrong-fact", f"“{c.text}” → {label} (truth {key})"))
    for span in r.spans:
        key = R.slot_key(span[2])
        if key is not None and span not in used:
            out.append(("no-claim", f"slot {span[2]} “{sentence[span[0]:span[1]]}” read as no claim"))
    return out


def run(templates: tuple[R.RealTemplate, ...], seeds: int) -> dict[str, Any]:
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    failures: dict[str, list[str]] = {"tuning": [], "held-out": []}
    bound_seen: set[tuple[str, str]] = set()

    def on_result(path: Path, t: R.RealTemplate, kind: str, sentence: str, r: R.RealRendered,
                  result: Any, base: set[Any]) -> None:
        split = "held-out" if t.held_out else "tuning"
        st = stats[split]
        new = [f for f in result.findings if f.key() not in base]
        errors = [f for f in new if f.severity == "error"]
        warnings = [f for f in new if f.severity == "warning"]
        where = f"[{path.name} {t.id} {t.kind}]"
        if kind == "true":
            st["true"] += 1
            if errors:
                st["true-error"] += 1
                failures[split].append(f"{where} TRUE “{sentence}” → error {errors[0].rule}: {errors[0].message}")
            elif warnings:
                st["true-warning"] += 1
                failures[split].append(f"{where} TRUE “{sentence}” → warning {warnings[0].rule}: {warnings[0].message}")
            if (t.id, sentence) not in bound_seen:
                bound_seen.add((t.id, sentence))
                for verdict, text in _binding_rows(t, sentence, r):
                    st["bind:" + verdict] += 1
                    if verdict not in ("right", "ok-notfact"):
                        failures[split].append(f"{where} BIND {verdict}: {text} in “{sentence}”")
        else:
            st["wrong"] += 1
            if errors:
                st["wrong-error"] += 1
            elif warnings:
                st["wrong-warning"] += 1
            else:
                st["wrong-missed"] += 1
                failures[split].append(f"{where} WRONG “{sentence}” ({r.note}) not caught")

    BB.run(seeds, templates, BB.REPORTS, on_result=on_result)
    return {"stats": stats, "failures": failures}


def _load(raw: str | None, round2: bool = False) -> tuple[R.RealTemplate, ...]:
    if raw:
        sys.path.insert(0, raw)
        return tuple(importlib.import_module("gt_raw").raw())
    if round2:
        from phrasing_real2 import REAL2
        return REAL2
    from phrasing_real import REAL
    return REAL


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=2)
    ap.add_argument("--raw", default=None, help="a folder with gt_raw.py: the raw sentences (kept outside the repo)")
    ap.add_argument("--round2", action="store_true",
                    help="the second, fresh batch (bench/phrasing_real2.py) instead of the first")
    ap.add_argument("--show-failures", action="store_true", help="list the tuning split's failures")
    ap.add_argument("--split", choices=("tuning", "held-out", "both"), default="both")
    args = ap.parse_args(argv)
    templates = _load(args.raw, args.round2)
    if args.split != "both":
        templates = tuple(t for t in templates if t.held_out == (args.split == "held-out"))
    out = run(templates, args.seeds)
    print(f"== Real prose: {len(templates)} templates from {len({t.src for t in templates})} reports × "
          f"{len(BB.REPORTS)} report tables ==")
    for split in ("tuning", "held-out"):
        st = out["stats"].get(split)
        if not st:
            continue
        n = sum(1 for t in templates if t.held_out == (split == "held-out"))
        silent = st["true"] - st["true-error"] - st["true-warning"]
        print(f"  {split} ({n} templates): true {st['true']}: silent {silent}, false error {st['true-error']}, "
              f"false warning {st['true-warning']}; wrong {st['wrong']}: error {st['wrong-error']}, "
              f"warning {st['wrong-warning']}, missed {st['wrong-missed']}")
        b = {k[5:]: v for k, v in st.items() if k.startswith("bind:")}
        print(f"    bindings: table figure right {b.get('right', 0)}, wrong cells {b.get('wrong-fact', 0)}, "
              f"unbound {b.get('unbound', 0)}, zero unbound {b.get('unbound-zero', 0)}, no claim {b.get('no-claim', 0)}; "
              f"not a table fact: unbound {b.get('ok-notfact', 0)}, bound {b.get('bound-notfact', 0)}")
    BB.print_failures(out, args.show_failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
