"""Binding's compiled path gives exactly what the definition gives.

``bind_claim`` / ``bind_indexed`` bind a number through static tables (``keyword_index``: one
automaton, the facts of each keyword, each fact's conditions compiled in ``fact_rules``) and the
sorted arrays of one sentence (``sentence_index``). Here the definition is written out plainly —
the clause window as text, every keyword of every fact looked up with ``rfind`` / ``find``, the
conditions as ``binding._allowed`` states them, the members of a list and the subjects of 分别 found
the same way — and both are run on every number of every
fixture report, with several lists of facts, and on random sentences.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from draft_report.checking.claims import sentences
from draft_report.lexicon.binding import (
    _ELLIPTIC_REST,
    _RESPECTIVELY,
    _STRONG_DELIMITERS,
    CLAUSE_DELIMITERS,
    UNSURE_DEFAULT,
    _allowed,
    _elliptic,
    _rest,
    _runs,
    _with_alternatives,
    bind_claim,
    bind_indexed,
    clause_window,
    compact,
    fold_parentheses,
    last_named,
)
from draft_report.lexicon.bound import UNBOUND, Binding
from draft_report.lexicon.fact_rules import FactRule, last_named_in
from draft_report.lexicon.fields import FACTS, Fact, aggregate_facts, sum_fact
from draft_report.lexicon.keyword_index import KeywordIndex, keyword_index
from draft_report.lexicon.numerals import find_quantities, normalise_digits
from draft_report.lexicon.sentence_index import SentenceIndex

FIXTURES = Path(__file__).parent / "fixtures"
_AGGREGATES = ["publications.total", "publications.channel:政府网站", "publications.channel:微信公众号",
               "publications.channel:政务微博", "publications.channel:政府网站.column:工作动态",
               "publications.channel:微信公众号.column:工作动态", "publications.column:工作动态",
               "publications.column:政策解读", "events.kind:培训", "events.kind:培训.participants",
               "events.kind:政策解读", "events.kind:政策解读.participants", "events.total",
               # names with numbers in them: a keyword may then overlap a number or run into the next one
               "publications.column:一件事一次办", "publications.column:12345热线", "publications.column:3件实事"]
FACT_LISTS = (FACTS, [*FACTS, *aggregate_facts(_AGGREGATES)])


def _named_by_definition(facts: list[Fact] | tuple[Fact, ...], family: str | None, text: str, window: str,
                         unit: str | None, before: str, subjects: bool = False) -> list[tuple[int, int, Fact]]:
    hits = []
    for f in facts:
        if not f.keywords or f.family != family:
            continue
        if not _allowed(f, window, unit, before) and not (
                subjects and f.requires_in_sentence and _allowed(f, before, unit, before)):
            continue
        for kw in f.keywords:
            i = text.find(kw)
            while i >= 0:
                hits.append((i, i + len(kw), f))
                i = text.find(kw, i + 1)
    by_pos: dict[int, tuple[int, int, Fact]] = {}
    for pos, end, f in hits:
        if any(p <= pos and end <= e and (e - p) > (end - pos) for p, e, _ in hits):
            continue
        other = by_pos.get(pos)
        if other is None or (f.priority, end - pos) > (other[2].priority, other[1] - other[0]):
            by_pos[pos] = (pos, end, f)
    return sorted(by_pos.values(), key=lambda t: t[0])


def _listed_by_definition(facts: list[Fact] | tuple[Fact, ...], fact: Fact, text: str, window: str,
                          unit: str | None, before: str) -> list[Fact]:
    for run in _runs(_named_by_definition(facts, fact.family, text, window, unit, before), text):
        if any(f.id == fact.id for f in run):
            seen: set[tuple[str, ...]] = set()
            unique: list[Fact] = []
            for f in run:
                key = f.cells or (f.id,)
                if key not in seen:
                    seen.add(key)
                    unique.append(f)
            return unique
    return [fact]


def _respectively_by_definition(facts: list[Fact] | tuple[Fact, ...], sentence: str, start: int,
                                unit: str | None) -> Fact | None:
    idx = sentence.rfind(_RESPECTIVELY, 0, start)
    if idx < 0:
        return None
    between = sentence[idx:start]
    if any(ch in _STRONG_DELIMITERS for ch in between):
        return None
    i = idx - 1
    while i >= 0 and sentence[i] not in _STRONG_DELIMITERS:
        i -= 1
    head = compact(sentence[i + 1 : idx])
    window, before = head + compact(between), compact(sentence[:start])
    best: list[Fact] = []
    for family in [None, *sorted({f.family for f in facts if f.family})]:
        for run in _runs(_named_by_definition(facts, family, head, window, unit, before, subjects=True), head):
            if len(run) >= 2 and len(run) > len(best):
                best = run
    k = len(find_quantities(between))
    return best[k] if k < len(best) else None


def _side_by_definition(facts: list[Fact] | tuple[Fact, ...], side: str, left: bool, window: str, unit: str | None,
                        before: str) -> list[tuple[tuple[int, int, int], int, Fact]]:
    """(rank, order, fact) of each allowed fact a keyword of which stands in ``side``."""
    found = []
    for order, f in enumerate(facts):
        best = None
        for kw in f.keywords:
            idx = side.rfind(kw) if left else side.find(kw)
            if idx < 0:
                continue
            dist = len(side) - (idx + len(kw)) if left else idx
            rank = (f.priority, -dist, len(kw))
            best = rank if best is None or rank > best else best
        if best is not None and _allowed(f, window, unit, before):
            found.append((best, order, f))
    return found


def _elliptic_by_definition(facts: list[Fact] | tuple[Fact, ...], left: str, unit: str | None,
                            before: str) -> Fact | None:
    """``binding._elliptic`` as its docstring states it: every elliptic fact's words looked up one by one."""
    best: tuple[int, int, Fact] | None = None
    for f in facts:
        if not (f.elliptic or f.requires_in_sentence):
            continue
        if unit is not None and unit not in f.units:
            continue
        if f.excludes and any(w in left for w in f.excludes):
            continue
        if f.elliptic:
            named = max((w for w in (f.qualifiers or f.requires) if w in left), key=len, default=None)
            if named is None or len(_rest(left, named)) > _ELLIPTIC_REST or any(w in before for w in f.excludes):
                continue
            pos = max((before.rfind(kw) for kw in f.keywords), default=-1)
        else:
            named = max((w for w in f.keywords if w in left), key=len, default=None)
            if named is None or len(_rest(left, named)) > 1:
                continue
            pos = max((before.rfind(w) for w in f.requires), default=-1)
        if pos >= 0 and (best is None or (f.priority, pos) > (best[0], best[1])):
            best = (f.priority, pos, f)
    return best[2] if best else None


def bind_by_definition(facts: list[Fact] | tuple[Fact, ...], sentence: str, start: int, end: int, unit: str | None,
                       prev_end: int = 0, next_start: int | None = None) -> Binding:
    left, right = clause_window(sentence, start, end, prev_end, next_start)
    if "每" in left:
        return UNBOUND
    listed = _respectively_by_definition(facts, sentence, start, unit)
    if listed is not None:
        return _with_alternatives(listed, (), facts, 1.0)
    before = compact(sentence[:start])
    window = left + right
    side = "left"
    found = _side_by_definition(facts, left, True, window, unit, before)
    if not found and "等" in left and "、" in sentence[max(0, start - len(left) - 3) : start - len(left)]:
        # the clause was cut at a 、 of an enumeration closed by 等: it runs up to a stronger delimiter
        wide, _ = clause_window(sentence, start, end, prev_end, next_start, CLAUSE_DELIMITERS.replace("、", ""))
        if len(wide) > len(left):
            found = _side_by_definition(facts, wide, True, wide + right, unit, before)
            if found:
                left, window = wide, wide + right
    if not found:
        side = "right"
        found = _side_by_definition(facts, right, False, window, unit, before)
    if not found:
        fact = _elliptic_by_definition(facts, left, unit, before)
        return _with_alternatives(fact, (), facts, 0.9) if fact is not None else UNBOUND
    top = max(c[0] for c in found)
    best = next(f for rank, _, f in found if rank == top)  # the first of the list at the top rank
    ties = [f for rank, _, f in found if rank == top and f.id != best.id]
    if best.sure_with and not any(w in window for w in best.sure_with):  # a default reading: unsure …
        if sentence.startswith(("（含", "(含", "（其中", "(其中", "（包括", "(包括"), end):
            return UNBOUND  # … and none at all for a total broken down right after it
        return Binding(best, tuple(ties), UNSURE_DEFAULT)
    if best.family is None:
        return _with_alternatives(best, ties, facts, 1.0)
    list_delims = CLAUSE_DELIMITERS.replace("、", "")
    list_left, list_right = clause_window(sentence, start, end, prev_end, next_start, list_delims)
    members = _listed_by_definition(facts, best, list_left if side == "left" else list_right,
                                    list_left + list_right, unit, before)
    if len(members) < 2:
        return _with_alternatives(best, ties, facts, 1.0)
    family = [f for f in facts if f.family == best.family]
    return Binding(sum_fact(members, complete={f.id for f in members} == {f.id for f in family}))


def _fixture_sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(FIXTURES.glob("*/*.txt")):
        text = normalise_digits(path.read_text(encoding="utf-8"))
        out += [fold_parentheses(s) for _, s in sentences(text) if find_quantities(s, normalised=True)]
    return out


def _compare_all_numbers(facts: list[Fact] | tuple[Fact, ...], sentence: str) -> int:
    index = keyword_index(facts)
    qs = find_quantities(sentence, normalised=True)
    ctx = SentenceIndex(sentence)
    for i, q in enumerate(qs):
        prev_end = qs[i - 1].end if i else 0
        next_start = qs[i + 1].start if i + 1 < len(qs) else None
        for unit in (q.unit, None):
            expected = bind_by_definition(facts, sentence, q.start, q.end, unit, prev_end, next_start)
            got = bind_indexed(facts, index, ctx, q.start, q.end, unit, prev_end, next_start)
            assert got == expected, (sentence, q.raw, unit, got, expected)
        assert bind_claim(facts, sentence, q.start, q.end, q.unit) == bind_by_definition(
            facts, sentence, q.start, q.end, q.unit)
    return len(qs)


def test_every_number_of_the_fixture_reports_binds_as_defined() -> None:
    numbers = 0
    for sentence in _fixture_sentences():
        for facts in FACT_LISTS:
            numbers += _compare_all_numbers(facts, sentence)
    assert numbers > 500  # the fixtures hold that many numbers (two lists of facts): the comparison did run


def _random_sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = sorted({kw for f in FACT_LISTS[1] for kw in f.keywords})
    words += sorted({w for f in FACT_LISTS[1] for w in (*f.requires, *f.excludes, *f.sentence_excludes)})
    pieces = [*words, *"，、；（）() \n每", "分别", "其中", "共", "废止", "和", "3件", "12条", "5次", "7人次", "2个", "一件",
              "12345", "一次办"]
    return ["".join(rng.choices(pieces, k=rng.randint(2, 16))) for _ in range(count)]


# lists of a family's members, some of them refused by their conditions (主动公开 excludes 予以公开 …)
LISTS = ("予以公开和部分公开的主动公开信息共5件。", "予以公开、部分公开和不予公开的申请分别为3件、2件、1件。",
         "通过政府网站和微信公众号等发布信息96条，政府网站和政务微博分别发布64条、32条。",
         "不予公开和无法提供的共4件，其中不予公开（主动公开）1件。", "行政许可和行政处罚决定合计12个，许可和处罚信息5条。",
         "组织培训和政策解读共7次，培训和政策解读分别3次、4次。", "政府网站和微信公众号分别发布各类信息64条、32条。")


def test_lists_of_members_bind_as_defined() -> None:
    for sentence in LISTS:
        for facts in FACT_LISTS:
            assert _compare_all_numbers(facts, sentence)


def test_random_sentences_bind_as_defined() -> None:
    for sentence in _random_sentences(400, 14):
        for facts in FACT_LISTS:
            _compare_all_numbers(facts, sentence)


def test_fact_rules_allow_what_the_definition_allows() -> None:
    rng = random.Random(3)
    facts = FACT_LISTS[1]
    texts = [compact(s) for s in _random_sentences(150, 5)]  # no spaces: offsets are those of ``compact``
    units = [None, "件", "条", "元", "人次", "次"]
    for f in facts:
        rule = FactRule(f)
        for text in texts:
            end = rng.randint(0, len(text))
            a = rng.randint(0, end)
            window = text[a:end] + text[end : rng.randint(end, len(text))]
            sentence = SentenceIndex(text)
            for unit in units:
                assert rule.allows(window, unit, sentence, end) == _allowed(f, window, unit, text[:end]), (f.id, window)
            if f.context_family:
                assert last_named_in(text, end, f.context_family) == last_named(text[:end], f.context_family)


def _plain_occurrences(keywords: list[str], text: str) -> list[tuple[int, str]]:
    """Every keyword at every position (longest first), by brute force."""
    return [(i, k) for i in range(len(text)) for k in sorted(keywords, key=len, reverse=True) if text.startswith(k, i)]


def test_one_pass_finds_every_overlapping_keyword() -> None:
    """Keywords inside others and keywords that start inside a match and run past it (``expansion``)."""
    rng = random.Random(11)
    for _ in range(300):
        keywords = sorted({"".join(rng.choices("abc", k=rng.randint(1, 4))) for _ in range(rng.randint(1, 6))})
        index = KeywordIndex([Fact("f", "f", tuple(keywords))])
        for _ in range(5):
            text = "".join(rng.choices("abcd", k=rng.randint(0, 20)))
            assert index.occurrences(text) == _plain_occurrences(keywords, text), (keywords, text)
            assert [e for _, e, _ in index.found(text)] == [s + len(k) for s, _, k in index.found(text)]


def test_lexicon_keywords_found_in_one_pass() -> None:
    keywords = sorted({kw for f in FACT_LISTS[1] for kw in f.keywords})
    index = keyword_index(FACT_LISTS[1])
    for sentence in _random_sentences(100, 2):
        text = compact(sentence)
        assert index.occurrences(text) == _plain_occurrences(keywords, text)
    assert re.search("[\u4e00-\u9fff]", "".join(keywords))  # the lexicon's words, not a toy alphabet


def test_keywords_running_into_the_number_or_past_the_clause_do_not_count() -> None:
    """A keyword that starts in a side and runs into the number (or past the clause's end) is not
    within the side: the definition looks in the side's text only."""
    facts = [*FACTS, Fact("odd_a", "a", ("共计3",)), Fact("odd_b", "b", ("件，发", "办结3")),
             Fact("odd_c", "c", ("信息5",), units=("条",))]
    cases = ("共计3件。", "办结3件，发布信息5条。", "答复2件，发布信息5条，共计3件", "受理1件，发")
    for sentence in cases:
        assert _compare_all_numbers(facts, sentence)


def test_elliptic_facts_bind_as_defined() -> None:
    """The compiled elliptic rules (one automaton lists the words a clause names) against the
    definition, on clauses made of the elliptic facts' own words, qualifiers and fillers."""
    rng = random.Random(8)
    for facts in FACT_LISTS:
        ell = [f for f in facts if f.elliptic or f.requires_in_sentence]
        words = sorted({w for f in ell for w in (*f.keywords, *f.requires, *f.qualifiers, *f.excludes)})
        pieces = [*words, "其中", "另", "共", "同时", "的", "，", "件"]
        for _ in range(400):
            left = "".join(rng.choices(pieces, k=rng.randint(1, 4)))
            before = "".join(rng.choices(pieces, k=rng.randint(0, 8))) + left
            for unit in (None, "件", "条", "元"):
                assert _elliptic(facts, left, unit, before) == _elliptic_by_definition(facts, left, unit, before), (
                    left, before, unit)


def _zero_by_definition(facts: list[Fact] | tuple[Fact, ...], phrase: str, obj: str) -> list[Fact]:
    """``bind_zero`` as it was written: the usable facts any keyword of which stands in the claim and
    which ``_allowed`` allows with no unit and no sentence before, of the top priority (else the
    first whose zero phrase the unqualified object names)."""
    window = compact(phrase + obj)
    usable = [f for f in facts if f.context is None and f.zero_phrases]
    found = [f for f in usable if any(kw in window for kw in f.keywords) and _allowed(f, window, None, None)]
    if found:
        top = max(f.priority for f in found)
        return [f for f in found if f.priority == top]
    obj_c = compact(obj)
    if "的" in obj_c or len(obj_c) > 14:
        return []
    return [f for f in usable
            if any(w in obj_c for w in f.zero_phrases) and not any(w in window for w in f.excludes)][:1]


def test_zero_claims_bind_as_defined() -> None:
    """``bind_zero`` ranks through the keyword index (one pass, compiled conditions): the same facts as
    the definition, on every zero marker of the fixture reports and on random objects."""
    from draft_report.checking.claims import _OBJECT_END, _zero_marks
    from draft_report.lexicon.binding import bind_zero

    cases: list[tuple[str, str]] = []
    for path in sorted(FIXTURES.glob("*/*.txt")):
        text = normalise_digits(path.read_text(encoding="utf-8"))
        for m in _zero_marks(text):
            end_m = _OBJECT_END.search(text, m.end())
            cases.append((m.group(0), text[m.end() : end_m.start() if end_m else len(text)]))
    assert len(cases) > 50  # the fixtures hold that many zero markers: the comparison did run
    rng = random.Random(21)
    words = sorted({w for f in FACT_LISTS[1] for w in (*f.keywords, *f.zero_phrases, *f.requires, *f.excludes)})
    for _ in range(600):
        obj = "".join(rng.choices([*words, "的", " ", "工作", "申请"], k=rng.randint(1, 4)))
        cases.append((rng.choice(["未收到", "没有", "无", "未发生"]), obj))
    for facts in FACT_LISTS:
        for phrase, obj in cases:
            assert bind_zero(facts, phrase, obj) == _zero_by_definition(facts, phrase, obj), (phrase, obj)
