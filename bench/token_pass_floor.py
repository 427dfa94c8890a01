"""What a one-pass token stream over every prose paragraph would cost before any claim logic.

    python bench/token_pass_floor.py [--calls 2] [--long 10]

A design often proposed for claim extraction: one compiled alternation of everything extraction
looks for — numbers (``numerals._NUMBER``), sentence ends, clause delimiters and the lexicon's
keywords — run once over each paragraph with ``finditer``, the tokens dispatched on ``lastgroup``,
and sentences, clauses and bindings read off the token list. This script measures the floor of that
design on section 一 of huaian_2024 repeated ``--long`` times (bench/claim_speed.py ``long_report``),
under ``valgrind --tool=callgrind`` (PYTHONHASHSEED=0, gc off), each stage through a C-level wrapper of
its own: the token pass alone (two variants: the plain alternation, ``functools.reduce``; the same led
by one character set of every first character with a lookbehind per alternative, as
``numerals._NUMBER`` is written, ``itertools.starmap``), the numeral pass alone
(``itertools.accumulate``) and the whole of ``document_claims`` (``itertools.groupby``).

Measured at 00:20 UTC 2026-12-01 (×10: 15,218 chars, 243 claims, 2,032 tokens):
document_claims ≈ 31.9 M; the token pass alone ≈ 30 M with either variant — as much as the
whole extraction today, before a single claim is made. Keywords start with common characters, so
the automaton is tried at most positions of the whole paragraph, where today it runs only over
the clauses next to a number (one ``split`` each); the numeral pass alone is ≈ 5 M. So the one-pass
design is not a way to halve extraction in CPython's ``re``: the keyword search must stay where the
numbers are.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gc
import itertools
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from callgrind_costs import long_report_args, meta_and_costs  # noqa: E402


def token_patterns(keywords: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the plain alternation, the led one) of numbers | sentence ends | clause delimiters | keywords."""
    from draft_report.lexicon import numerals as N
    from draft_report.lexicon.keyword_index import trie_pattern
    from draft_report.lexicon.sentence_index import CLAUSE

    ends, clause = re.escape(N.SENTENCE_ENDS), re.escape(CLAUSE.replace("\n", ""))
    number = N._NUMBER.pattern
    plain = re.compile(f"(?P<n>{number})|(?P<e>[{ends}])|(?P<c>[{clause}])|(?P<k>{trie_pattern(keywords)})")
    by_first: dict[str, list[str]] = collections.defaultdict(list)
    for kw in keywords:
        by_first[kw[0]].append(kw[1:])

    def after(first: str, rests: list[str]) -> str:
        body = trie_pattern([r for r in rests if r])
        if "" in rests and body:
            body = f"(?:{body})?"
        return f"(?<={re.escape(first)}){body}"

    lead = N._DECIMAL_LEAD + N._CN_DIGITS + ends + clause + "".join(
        re.escape(c) for c in by_first if c not in N._CN_DIGITS and not c.isdigit())
    number_body = number[number.index("](?:") + 1 :]
    keyword_body = "|".join(after(c, r) for c, r in by_first.items())
    led = re.compile(f"[{lead}](?:(?P<n>{number_body})|(?P<e>(?<=[{ends}]))|(?P<c>(?<=[{clause}]))"
                     f"|(?P<k>{keyword_body}))")
    return plain, led


def tokens(pattern: re.Pattern[str], text: str) -> list[tuple[Any, ...]]:
    """The token list of ``text``: (0, start, end) a number, (3, start, keyword), (1, start) a delimiter."""
    out: list[tuple[Any, ...]] = []
    append = out.append
    for m in pattern.finditer(text):
        group = m.lastgroup
        if group == "n":
            append((0, m.start(), m.end()))
        elif group == "k":
            append((3, m.start(), m.group()))
        else:
            append((1, m.start()))
    return out


def measured(args: argparse.Namespace) -> None:
    from claim_speed import long_report

    from draft_report.checking.fact_source import FactSource
    from draft_report.checking.prose import document_claims
    from draft_report.lexicon import numerals as N

    doc, chars = long_report(args.long)
    facts = FactSource.from_document(doc).facts()
    keywords = sorted({kw for f in facts for kw in f.keywords}, key=len, reverse=True)
    plain, led = token_patterns(keywords)
    texts = [p.text for p in doc.preface] + [p.text for s in doc.sections for p in s.paragraphs]
    number = re.compile(N._NUMBER.pattern)
    n_claims = len(document_claims(doc, facts))
    n_tokens = sum(len(tokens(plain, t)) for t in texts)
    assert n_tokens == sum(len(tokens(led, t)) for t in texts)
    gc.disable()
    n = args.calls
    functools.reduce(lambda a, _: [tokens(plain, t) for t in texts], range(n), None)
    list(itertools.starmap(lambda: [tokens(led, t) for t in texts], [()] * n))
    list(itertools.accumulate(range(n + 1), lambda a, _: ([list(number.finditer(t)) for t in texts], 0)[1]))
    list(itertools.groupby(range(n), key=lambda _: (document_claims(doc, facts), 0)[1]))
    print(f"meta\t{n}\t{chars}\t{n_claims}\t{n_tokens}")


def main(argv: list[str] | None = None) -> int:
    args = long_report_args(__doc__, argv, 2, "calls of each pass", "TOKEN_PASS_CHILD", measured)
    if args is None:
        return 0
    stages = (("document_claims", "groupby_next"), ("token pass, plain", "functools_reduce"),
              ("token pass, led", "starmap_next"), ("numeral pass alone", "accumulate_next"))
    (calls, chars, n_claims, n_tokens), costs = meta_and_costs(
        __file__, argv if argv is not None else sys.argv[1:], "TOKEN_PASS_CHILD", [w for _, w in stages])
    print(f"section 一 ×{args.long}: {chars} prose chars, {n_claims} claims, {n_tokens} tokens, {calls} calls "
          f"(valgrind callgrind, PYTHONHASHSEED=0, gc off)")
    for name, wrapper in stages:
        cost = costs[wrapper] / calls
        print(f"  {name:20} {cost / 1e6:7.2f} M instr  {cost / chars:6.0f} per char  {cost / n_claims / 1e3:6.1f} k per claim")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
