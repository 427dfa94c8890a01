"""The per-sentence index gives exactly what the per-number scans give (binding's speed path)."""

from __future__ import annotations

import random
import re

from draft_report.lexicon.binding import CLAUSE_DELIMITERS, KeywordIndex, clause_window
from draft_report.lexicon.fields import FACTS
from draft_report.lexicon.sentence_index import SentenceIndex, delimiter_pattern

SENTENCES = (
    "受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）。",
    "全年主动公开政府信息 1 234 条，其中政府网站、微信公众号分别发布 64 条、32 条；",
    "  区政府办代表区政府受理申请\u300017件 ，部分公开 3 件、不予公开2件\n",
    "未收到 政府信息公开申请",
    "",
)


def _alphabet() -> list[str]:
    words = sorted({kw for f in FACTS for kw in f.keywords})
    return [*words[:60], *"，、（）() \u3000\t\n1234件条申请公开部分予以", "分别", "其中"]


def _sentences() -> list[str]:
    rng = random.Random(7)
    alphabet = _alphabet()
    return [*SENTENCES, *("".join(rng.choices(alphabet, k=rng.randint(1, 24))) for _ in range(60))]


def test_clauses_are_the_clause_windows() -> None:
    delimiter_sets = (CLAUSE_DELIMITERS, CLAUSE_DELIMITERS.replace("、", ""))
    for sentence in _sentences():
        ctx = SentenceIndex(sentence)
        n = len(sentence)
        for start in range(n + 1):
            for end in (start, min(n, start + 2)):
                for prev_end in (0, max(0, start - 3)):
                    for next_start in (None, min(n, end + 2)):
                        for delimiters in delimiter_sets:
                            left, right = clause_window(sentence, start, end, prev_end, next_start, delimiters)
                            pattern = delimiter_pattern(delimiters)
                            assert ctx.clause(start, end, prev_end, next_start, pattern) == (left, right)
                            if delimiters == CLAUSE_DELIMITERS:
                                assert ctx.clause(start, end, prev_end, next_start) == (left, right)


def test_trie_pattern_finds_what_a_plain_alternation_finds() -> None:
    index = KeywordIndex(FACTS)
    keywords = sorted({kw for f in FACTS for kw in f.keywords}, key=len, reverse=True)
    plain = re.compile("(?=(" + "|".join(map(re.escape, keywords)) + "))")
    for sentence in _sentences():
        expected = [(m.start(), k) for m in plain.finditer(sentence) for k in index.prefixes[m.group(1)]]
        assert index.occurrences(sentence) == expected
