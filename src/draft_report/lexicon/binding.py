"""Bind a number in a sentence to the lexicon fact it quotes.

The context is the clause around the number: the text from the previous clause delimiter
(or the previous number) up to the number, and, when that names nothing, the text after the
number up to the next delimiter (or the next number). "受理政府信息公开申请 3119 件，答复
3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）" binds 3119 → 新收, 3050 → 办结,
34 → 上年结转, 103 → 结转下年度. Outcome facts (结果维持 …) also need the group the sentence is
about: the last 行政复议 / 行政诉讼 before the number (and a publication column, the channel).

Two refinements: members of one family named as a list ("政府网站和微信公众号", "培训、政策解读")
bind to their sum (``fields.sum_fact``) — unless the sentence says 分别 (respectively): then the
k-th number after 分别 is the k-th member; a clause that names only a qualifier ("，废止1件")
takes the object named last earlier in the sentence (``Fact.elliptic``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from draft_report.lexicon.bound import UNBOUND, Binding
from draft_report.lexicon.elliptic_rules import ELLIPTIC_REST
from draft_report.lexicon.fact_rules import SHORT_CLAUSE, last_named_in
from draft_report.lexicon.fields import Fact, sum_fact
from draft_report.lexicon.keyword_index import FactEntry, KeywordIndex, Ranked, keyword_index, trie_pattern
from draft_report.lexicon.numerals import find_quantities
from draft_report.lexicon.sentence_index import CLAUSE, SentenceIndex, delimiter_pattern
from draft_report.regex_cache import regex

__all__ = [  # Binding, KeywordIndex, keyword_index and trie_pattern live in modules of their own
    "CLAUSE_DELIMITERS", "Binding", "KeywordIndex", "bind_claim", "bind_indexed", "bind_number", "bind_zero",
    "clause_window", "compact", "fold_parentheses", "keyword_index", "last_named", "left_clause", "listed_members",
    "trie_pattern",
]

# Quotation marks are not delimiters: they wrap names (在“工作动态”栏目发布信息37条).
CLAUSE_DELIMITERS = CLAUSE  # "，,；;。！？!?：:、（）()【】《》\n"
# Words that join the members of a list ("政府网站和微信公众号", "培训、政策解读").
_LIST_JOINERS = ("、", "和", "及", "与", "以及", "或", "/", "含", "包括", "加上", "连同")
_RESPECTIVELY = "分别"
_STRONG_DELIMITERS = "，,；;。！？!?：:\n"
_LIST_GAP = 6  # at most this many characters between two listed members (joiner included)
_ELLIPTIC_REST = ELLIPTIC_REST  # an elliptic clause: apart from the qualifier word, at most this many characters
_FILLERS = ("其中", "通过", "累计", "分别", "合计", "共计", "在", "另", "共", "为", "有", "的")
# A clause this short (spaces removed) may take a required word (申请) from earlier in the sentence
# (``fact_rules.SHORT_CLAUSE``): “共受理申请21件（本年新收19件、上年结转2件）”.
_SHORT_CLAUSE = SHORT_CLAUSE
_UNBOUND = UNBOUND
_ANY_OF: dict[tuple[str, ...], re.Pattern[str]] = {}


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a fact's word list (kept: the lists are few and fixed)."""
    found = _ANY_OF.get(words)
    if found is None:
        found = _ANY_OF[words] = regex("|".join(map(re.escape, words)))
    return found


_BREAKDOWN = ("（含", "(含", "（其中", "(其中", "（包括", "(包括")
UNSURE_DEFAULT = 0.6  # the confidence of a default reading (``Fact.sure_with``): below ``claim_check.SURE``
_PAREN = regex(r"[（(][^（）()]*[）)]")
_DIGIT = regex(r"\d")


def fold_parentheses(sentence: str) -> str:
    """The sentence with each parenthesis that holds no digit made part of its label (same length).

    “公开（含部分公开）26件” → the label is “公开含部分公开”; “（区分处理的，只计这一情形）” no longer
    cuts a label off its number. A parenthesis with a number (“（含上年结转34件）”) stays a clause."""
    if "（" not in sentence and "(" not in sentence:
        return sentence

    def fold(m: re.Match[str]) -> str:
        inner = m.group(0)
        if _DIGIT.search(inner):
            return inner
        return "\u3000" + inner[1:-1].translate(_FOLD_PUNCT) + "\u3000"

    return _PAREN.sub(fold, sentence)


_FOLD_PUNCT = str.maketrans({c: "\u3000" for c in "，,；;：:"})


def compact(text: str) -> str:
    """``text`` with its whitespace removed (``str.split`` and the ``\\s`` regex agree on what is whitespace)."""
    return "".join(text.split())


def left_clause(sentence: str, start: int, prev_end: int = 0, delimiters: str = CLAUSE_DELIMITERS) -> str:
    """The text of the clause before ``sentence[start]`` (back to a delimiter or ``prev_end``), spaces removed:
    the left side of ``clause_window``."""
    lo = max(prev_end, 0)
    i = start - 1
    while i >= lo and sentence[i] not in delimiters:
        i -= 1
    return compact(sentence[i + 1 : start])


def clause_window(
    sentence: str, start: int, end: int, prev_end: int = 0, next_start: int | None = None,
    delimiters: str = CLAUSE_DELIMITERS,
) -> tuple[str, str]:
    """(left, right) text of the clause around ``sentence[start:end]``, spaces removed."""
    hi = len(sentence) if next_start is None else min(next_start, len(sentence))
    j = end
    while j < hi and sentence[j] not in delimiters:
        j += 1
    right = sentence[end:j]
    return left_clause(sentence, start, prev_end, delimiters), compact(right)


def last_named(before: str, family: tuple[str, ...]) -> str | None:
    """Of the words in ``family``, the one named last in ``before`` (longest wins at a tie)."""
    best: tuple[int, int] | None = None
    found = None
    for w in family:
        idx = before.rfind(w)
        if idx >= 0 and (best is None or (idx + len(w), len(w)) > best):
            best, found = (idx + len(w), len(w)), w
    return found


def _allowed(fact: Fact, window: str, unit: str | None, before: str | None) -> bool:
    if unit is not None and unit not in fact.units:
        return False
    if fact.requires and not any(w in window for w in fact.requires) and not (
        before is not None and len(window) <= _SHORT_CLAUSE and any(w in before for w in fact.requires)
    ):
        return False
    if fact.requires_all and not all(w in window for w in fact.requires_all):
        return False
    if fact.excludes and any(w in window for w in fact.excludes):
        return False
    if (fact.sentence_excludes and before is not None and any(w in before for w in fact.sentence_excludes)
            and not any(w in window for w in fact.sentence_excludes_unless)):
        return False
    if fact.context is not None and (before is None or last_named(before, fact.context_family) != fact.context):
        return False
    return True


_LIST_DELIMITERS = CLAUSE_DELIMITERS.replace("、", "")
_LAST_SENTENCE: SentenceIndex | None = None


def _sentence_index(sentence: str) -> SentenceIndex:
    """The index of ``sentence`` (the last one is kept: a sentence's numbers are bound in a row)."""
    global _LAST_SENTENCE
    last = _LAST_SENTENCE
    if last is not None and last.text == sentence:
        return last
    ctx = _LAST_SENTENCE = SentenceIndex(sentence)
    return ctx


def bind_number(
    facts: Sequence[Fact],
    sentence: str,
    start: int,
    end: int,
    unit: str,
    prev_end: int = 0,
    next_start: int | None = None,
) -> Fact | None:
    """The fact the number at ``sentence[start:end]`` quotes, or None."""
    return bind_claim(facts, sentence, start, end, unit, prev_end, next_start).fact


_LAST_BY_ID: tuple[Sequence[Fact], dict[str, Fact]] | None = None


def _facts_by_id(facts: Sequence[Fact]) -> dict[str, Fact]:
    """``{id: fact}`` of ``facts`` (kept for the last list: a report's numbers share one)."""
    global _LAST_BY_ID
    last = _LAST_BY_ID
    if last is not None and last[0] is facts:
        return last[1]
    by_id = {f.id: f for f in facts}
    _LAST_BY_ID = (facts, by_id)
    return by_id


def _with_alternatives(fact: Fact, others: Sequence[Fact], facts: Sequence[Fact], confidence: float) -> Binding:
    if not others and not fact.alternatives:
        return Binding(fact, (), confidence)  # the common case: one measure, nothing else to collect
    alts: list[Fact] = [o for o in others if o.id != fact.id]
    if fact.alternatives:
        by_id = _facts_by_id(facts)
        alts += [by_id[i] for i in fact.alternatives if i in by_id and i != fact.id]
    seen: set[str] = set()
    unique = [a for a in alts if not (a.id in seen or seen.add(a.id))]  # type: ignore[func-returns-value]
    return Binding(fact, tuple(unique), confidence if not unique else min(confidence, 0.5))


def bind_claim(
    facts: Sequence[Fact],
    sentence: str,
    start: int,
    end: int,
    unit: str | None,
    prev_end: int = 0,
    next_start: int | None = None,
) -> Binding:
    """The measure(s) the number at ``sentence[start:end]`` quotes (see ``Binding``)."""
    index = keyword_index(facts)
    ctx = _sentence_index(sentence)  # built once per sentence, shared by its numbers
    return bind_indexed(facts, index, ctx, start, end, unit, prev_end, next_start)


def bind_indexed(
    facts: Sequence[Fact], index: KeywordIndex, ctx: SentenceIndex, start: int, end: int, unit: str | None,
    prev_end: int = 0, next_start: int | None = None,
) -> Binding:
    """``bind_claim`` with the keyword index of ``facts`` and the index of the sentence (``ctx.text``)
    given: a caller binding every number of a sentence builds them once.

    Per number: two delimiter searches give the clause (``SentenceIndex.clause``), one split by the
    keyword automaton ranks the facts the keywords of its left side name (of its right side only
    when the left names nothing allowed; ``KeywordIndex.ranked``, a static list for a lone
    keyword), and their conditions are compiled (``fact_rules``). Everything before
    the number is looked at only by the few conditions and refinements that need it."""
    left, right = ctx.clause(start, end, prev_end, next_start)
    if "每" in left:  # 每半年一次: a frequency, not a count
        return UNBOUND
    if ctx.respectively:
        listed = _respectively(facts, ctx.text, start, unit)
        if listed is not None:
            return _with_alternatives(listed, (), facts, 1.0)
    window = left + right
    side = "left"
    ranked = index.ranked(left, True) if left else None
    chosen = _side(ranked, window, unit, ctx, start) if ranked else None
    if chosen is None and "等" in left and "、" in ctx.text[max(0, start - len(left) - 3) : start - len(left)]:
        # a 、 of an enumeration closed by 等 inside the number's noun phrase (“通过邮寄、邮件、现场等方式提交的
        # 申请17件”) does not end its clause: with no number in between, it runs back to a stronger delimiter
        wide, _ = ctx.clause(start, end, prev_end, next_start, delimiter_pattern(_LIST_DELIMITERS))
        if len(wide) > len(left):
            ranked = index.ranked(wide, True)
            chosen = _side(ranked, wide + right, unit, ctx, start) if ranked else None
            if chosen is not None:
                left, window = wide, wide + right
    if chosen is None:
        side = "right"
        ranked = index.ranked(right, False) if right else None
        chosen = _side(ranked, window, unit, ctx, start) if ranked else None
        if chosen is None:
            if not left or index.elliptic_named.search(left) is None:
                return UNBOUND  # the clause names no word an elliptic fact needs (``_elliptic``)
            compact, lb = ctx.before(start)
            fact = _elliptic(facts, left, unit, compact[:lb])
            return _with_alternatives(fact, (), facts, 0.9) if fact is not None else UNBOUND
    top = chosen[0]
    best = top.fact
    if best.sure_with and _any_of(best.sure_with).search(window) is None:
        # a default reading (“规章13件” read as 制发): named without the words that make it sure; a total
        # broken down right after it (“公开规章13件（含新制定5件，修改4件，废止4件）”) is not that reading at all
        if ctx.text.startswith(_BREAKDOWN, end):
            return UNBOUND
        return Binding(best, tuple(e.fact for e in chosen[1:] if e.fact.id != best.id), UNSURE_DEFAULT)
    if len(chosen) == 1 and best.family is None and not best.alternatives:
        return top.bound  # the common case: one measure, nothing else to collect
    ties = [e.fact for e in chosen[1:] if e.fact.id != best.id]
    if best.family is None:
        return _with_alternatives(best, ties, facts, 1.0)
    compact, before_end = ctx.before(start)
    # A list may span 、: look at the clause up to the stronger delimiters.
    list_left, list_right = ctx.clause(start, end, prev_end, next_start, delimiter_pattern(_LIST_DELIMITERS))
    members = listed_members(facts, best, list_left if side == "left" else list_right, list_left + list_right,
                             unit, compact[:before_end])
    if len(members) < 2:
        return _with_alternatives(best, ties, facts, 1.0)
    family = [f for f in facts if f.family == best.family]
    return Binding(sum_fact(members, complete={f.id for f in members} == {f.id for f in family}))


def _side(ranked: Sequence[Ranked], window: str, unit: str | None, ctx: SentenceIndex,
          start: int) -> list[FactEntry] | None:
    """The facts one side of a number names (``_side_candidates``): ``ranked``, each fact a keyword
    of the side names with its rank, highest first (``KeywordIndex.ranked``: priority, then the
    nearest keyword, then the longest; the first of the list first at one rank). Returns the
    allowed facts of the top rank, or None."""
    chosen: list[FactEntry] = []
    top = None
    for rank, _, entry in ranked:
        if chosen and rank != top:
            break  # (a fact's second mention ranks lower than its first: after the top rank, or refused again)
        if entry.plain:
            ok = unit is None or unit in entry.units
        else:
            ok = (entry.rule or entry.compiled_rule()).allows(window, unit, ctx, start)
        if ok:
            chosen.append(entry)
            top = rank
    return chosen or None


def _named(facts: Sequence[Fact], family: str | None, text: str, window: str, unit: str | None,
           before: str | None, subjects: bool = False) -> list[tuple[int, int, Fact]]:
    """(start, end, fact) of each mention of a member of ``family`` (None: facts of no family) in
    ``text``, in order; a mention inside a longer one (公开 in 部分公开) is not a mention of its own.
    ``subjects``: the mentions are the subjects of the sentence's predicate (a list before 分别), so a
    ``requires_in_sentence`` fact may take its required word from anywhere before."""
    hits: list[tuple[int, int, Fact]] = []
    sentence = _Before(before or "")
    for entry in keyword_index(facts).members.get(family, ()):
        f = entry.fact
        mentions = []  # (the mentions first: most members are not named at all, and their conditions not asked)
        for kw in f.keywords:
            i = text.find(kw)
            while i >= 0:
                mentions.append((i, i + len(kw), f))
                i = text.find(kw, i + 1)
        if not mentions:
            continue
        if before is None:
            if not _allowed(f, window, unit, None):
                continue
        else:  # ``_allowed(f, window, unit, before)``, compiled (``fact_rules``)
            rule = entry.rule or entry.compiled_rule()
            if not rule.allows(window, unit, sentence, 0) and not (
                    subjects and f.requires_in_sentence and rule.allows(before, unit, sentence, 0)):
                continue
        hits += mentions
    by_pos: dict[int, tuple[int, int, Fact]] = {}
    for pos, end, f in hits:
        if any(p <= pos and end <= e and (e - p) > (end - pos) for p, e, _ in hits):
            continue  # inside a longer mention
        other = by_pos.get(pos)
        if other is None or (f.priority, end - pos) > (other[2].priority, other[1] - other[0]):
            by_pos[pos] = (pos, end, f)  # one fact per mention: the most specific
    return sorted(by_pos.values(), key=lambda t: t[0])


class _Before:
    """What a ``FactRule`` reads of a sentence (``fact_rules.Sentence``) when all there is of it is
    ``text``, the compact text before the number."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def before(self, start: int) -> tuple[str, int]:
        return self.text, len(self.text)

    def last_named(self, start: int, family: tuple[str, ...]) -> str | None:
        return last_named_in(self.text, len(self.text), family)


_NO_SENTENCE = _Before("")  # a zero claim is read without the sentence before it: ``_allowed(…, before=None)``


def _runs(found: list[tuple[int, int, Fact]], text: str) -> list[list[Fact]]:
    """Split members in order of mention into runs listed together (a joiner, close by)."""
    runs: list[list[Fact]] = []
    prev_end: int | None = None
    for pos, end, f in found:
        gap = text[prev_end:pos] if prev_end is not None else ""
        if not runs or not (0 < len(gap) <= _LIST_GAP and any(j in gap for j in _LIST_JOINERS)):
            runs.append([])
        runs[-1].append(f)
        prev_end = end
    return runs


def listed_members(
    facts: Sequence[Fact], fact: Fact, text: str, window: str, unit: str | None, before: str | None
) -> list[Fact]:
    """The members of ``fact``'s family named in ``text`` as one list with ``fact``, in order of mention.

    Two members count as listed together only when a joiner (、和及与) stands between them and
    they are close ("政府网站和微信公众号"); "政策解读培训" is one kind of training, not a list."""
    for run in _runs(_named(facts, fact.family, text, window, unit, before), text):
        if any(f.id == fact.id for f in run):
            seen: set[tuple[str, ...]] = set()
            unique: list[Fact] = []
            for f in run:  # a measure named twice (予以公开 … 公开) counts once
                key = f.cells or (f.id,)
                if key not in seen:
                    seen.add(key)
                    unique.append(f)
            return unique
    return [fact]


def _respectively(facts: Sequence[Fact], sentence: str, start: int, unit: str | None) -> Fact | None:
    """"政府网站和微信公众号分别发布信息64条、32条": the k-th number after 分别 is the k-th member."""
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
    families: list[str | None] = [None, *sorted({f.family for f in facts if f.family})]
    for family in families:
        for run in _runs(_named(facts, family, head, window, unit, before, subjects=True), head):
            if len(run) >= 2 and len(run) > len(best):
                best = run
    k = len(find_quantities(between))
    return best[k] if k < len(best) else None


def _elliptic(facts: Sequence[Fact], left: str, unit: str | None, before: str) -> Fact | None:
    """A clause that names only part of a fact takes the rest from earlier in the sentence.

    "…现行有效的9件行政规范性文件开展清理，废止1件": the clause names only the qualifier 废止; the
    object (规范性文件 / 规章) is the one named last before (``Fact.elliptic``). "发布信息96条，其中
    政府网站64条": the clause names only the subject; the verb 发布 comes from the sentence
    (``Fact.requires_in_sentence``). Either clause may hold little else (其中, 另, 共 …)."""
    index = keyword_index(facts)
    if not index.elliptic_named.search(left):
        return None  # the clause names no qualifier, requirement or keyword of any of them
    compiled = index.elliptic_rules()
    present = compiled.present(left)
    best: tuple[int, int, Fact] | None = None
    for r in compiled.rules:  # (``elliptic_rules``: the definition's conditions, cheapest first)
        if present.isdisjoint(r.words) or (unit is not None and unit not in r.units):
            continue
        excludes = r.excludes
        if excludes is not None and excludes.search(left) is not None:
            continue
        named = next(w for w in r.named if w in present)
        if len(_rest(left, named)) > r.rest or (r.elliptic and excludes is not None and excludes.search(before)):
            continue
        pos = max(map(before.rfind, r.targets), default=-1)
        if pos >= 0 and (best is None or (r.priority, pos) > (best[0], best[1])):
            best = (r.priority, pos, r.fact)
    return best[2] if best else None


def _rest(clause: str, named: str) -> str:
    """What a clause says besides ``named`` and filler words (其中, 另, 共 …)."""
    rest = clause.replace(named, "", 1)
    for w in _FILLERS:
        rest = rest.replace(w, "")
    return rest


def bind_zero(facts: Sequence[Fact], phrase: str, obj: str) -> list[Fact]:
    """Facts a zero claim ("未收到" + "政府信息公开申请") is about: the most specific ones — of the facts
    with zero phrases and no context (``KeywordIndex.zero_facts``), those a keyword of which stands
    in the claim and whose conditions allow it (no sentence before it, no unit), of the top priority."""
    window = compact(phrase + obj)
    index = keyword_index(facts)
    named: dict[int, FactEntry] = {}  # the facts the claim names, by their place in the list
    for _, _, kw in index.found(window):
        for entry in index.entries[kw]:
            named[entry.order] = entry
    found: list[Fact] = []
    for order in sorted(named):
        entry = named[order]
        f = entry.fact
        if f.context is None and f.zero_phrases and (entry.rule or entry.compiled_rule()).allows(
                window, None, _NO_SENTENCE, 0):
            found.append(f)
    if found:
        top = max(f.priority for f in found)
        return [f for f in found if f.priority == top]
    # "无政府信息公开申请": the object itself names the fact. Not "没有超期答复的申请" (a qualified
    # object says nothing about the total), and never against the fact's exclusions.
    obj_c = compact(obj)
    if "的" in obj_c or len(obj_c) > 14:
        return []
    return [
        f for f in index.zero_facts
        if any(w in obj_c for w in f.zero_phrases) and not any(w in window for w in f.excludes)
    ][:1]
