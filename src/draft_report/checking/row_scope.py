"""The row an applicant-kind number counts: inherited from its parent clause.

“自然人12件” states a column of 表三 (``lexicon.applicants``); the row comes from what the sentence
counts. The **parent** of an applicant number is, in order:

1. the nearest earlier number of the sentence that counts a 表三 row (“全年办结申请35件，其中自然人
   33件” → 办理结果总计; “结转下年度3件，其中自然人2件” → 结转下年度) — a number inside a parenthesis
   or after 含 is a part of its clause, not its parent (“受理21件（含上年结转2件），其中…”);
2. else the last row word named before it (“办结的申请中，自然人…”, “本年新收的申请中…”);
3. else, for a sentence that starts with 其中, the parent of the sentence before (“…共收到申请44件。
   其中，自然人40件”); for a sentence after a ；, that parent unlinked (its rows, or 新收);
4. else 新收 (and 新收 + 上年结转 when the sentence names carried-over requests).

The parent's readings become the child's: “受理申请N件” may be 新收 or 新收 + 上年结转, so may its
其中. When the parent is a number, the readings it agrees with decide (``ClaimCheck`` filters the
child's readings by ``Claim.parent``): “共受理申请21件（含上年结转2件）” agrees with 新收 + 上年结转,
so its 其中 counts carried-over requests too. An explicit 新收 qualifier (本年新收, 新收到) leaves
新收 alone (``Fact.exclusive``).

Lists follow the kinds: “自然人N件、法人M件” are two columns of the same row; a bare “其他N件” after
kinds in a list is the 其他 column; “自然人和法人共N件” (``binding`` sums the family) is the sum of
their columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from draft_report.checking.claim import Claim
from draft_report.lexicon.applicants import APPLICANT_KINDS, columns_label, union_columns
from draft_report.lexicon.binding import Binding
from draft_report.lexicon.fields import CARRY_IN_WORDS, FACT_BY_ID, Fact
from draft_report.records_replace import replace
from draft_report.regex_cache import regex
from draft_report.tables import layout as L

CONTINUES = regex(r"^\s*其中")
_PART_OF = ("含", "包括", "包含")
_OTHER = "其他"
# Words that make an applicant number a breakdown of the parent before it.
_LINKS = ("其中", "分别")
_IN_THEM = regex(r"中\s*[，,：:]|中\s*$|之中|当中")
_FILLERS = ("其中", "另有", "另", "和", "及", "以及", "为", "有", "的", "共")


def t3_rows(cells: Sequence[str]) -> tuple[str, ...] | None:
    """The 表三 rows of cells of the 总计 column (None when any cell is not one)."""
    rows = []
    for cid in cells:
        parts = cid.split(".")
        if len(parts) != 3 or parts[0] != "t3" or parts[2] != "total":
            return None
        rows.append(parts[1])
    return tuple(rows) if rows else None


def t3_grid(cells: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(rows, columns) when ``cells`` are every cell of some 表三 rows × columns; else None."""
    rows: list[str] = []
    cols: list[str] = []
    for cid in cells:
        parts = cid.split(".")
        if len(parts) != 3 or parts[0] != "t3" or parts[1] not in L.T3_ROW_BY_ID:
            return None
        if parts[1] not in rows:
            rows.append(parts[1])
        if parts[2] not in cols:
            cols.append(parts[2])
    if not rows or len(rows) * len(cols) != len(set(cells)):
        return None
    return tuple(rows), tuple(cols)


def _cells(fact: Fact) -> tuple[str, ...]:
    return tuple(c for p in fact.parts for c in _cells(p)) if fact.parts else fact.cells


def row_sets(facts: Sequence[Fact]) -> list[tuple[str, ...]]:
    """Every row set the facts' readings count (own cells, then ``also_accept``), in order."""
    out: list[tuple[str, ...]] = []
    for f in facts:
        for cells in (_cells(f), *f.also_accept):
            rows = t3_rows(cells)
            if rows is not None and rows not in out:
                out.append(rows)
    return out


def is_row_claim(c: Claim) -> bool:
    """A number that counts 表三 rows (a possible parent)."""
    return c.kind == "number" and c.fact is not None and not c.fact.columns and bool(row_sets([c.fact]))


def applicant_columns(fact: Fact | None) -> tuple[str, ...] | None:
    """The columns an applicant fact (or a sum of applicant facts) states; None for any other fact."""
    if fact is None:
        return None
    if fact.columns:
        return fact.columns
    if fact.parts and all(p.columns for p in fact.parts):
        return union_columns([p.columns for p in fact.parts])
    return None


def _is_part(sentence: str, c: Claim) -> bool:
    """A number inside a parenthesis, or after 含 in its clause: a part of its clause's measure."""
    before = sentence[: c.start]
    opened = max(before.rfind("（"), before.rfind("("))
    if opened > max(before.rfind("）"), before.rfind(")")):
        return True
    i = c.start - 1
    while i >= 0 and sentence[i] not in "，,；;。：:（(":
        i -= 1
    return any(w in sentence[i + 1 : c.start] for w in _PART_OF)


def _row_word_parent(before: str, facts: Sequence[Fact]) -> Fact | None:
    """The 表三 row fact named last in ``before`` (“办结的申请中” → 办理结果总计)."""
    best: tuple[int, int, int] | None = None
    found: Fact | None = None
    for f in facts:
        if f.columns or f.context is not None or f.requires_all or f.parts or not row_sets([f]):
            continue
        for kw in f.keywords:
            idx = before.rfind(kw)
            if idx < 0 or any(w in before[max(0, idx - 4) : idx + len(kw) + 4] for w in f.excludes if w not in kw):
                continue
            key = (idx + len(kw), f.priority, len(kw))
            if best is None or key > best:
                best, found = key, f
    return found


def _qualified(fact: Fact, text: str) -> Fact:
    """``fact`` without its other readings when ``text`` names its exclusive qualifier (本年新收)."""
    if fact.also_accept and fact.exclusive and any(w in text for w in fact.exclusive):
        return replace(fact, also_accept=())
    return fact


def _default_parent(before: str) -> Fact:
    """新收; 新收 + 上年结转 too only when the sentence names carried-over requests."""
    new = FACT_BY_ID["requests_new"]
    if not any(w in before for w in CARRY_IN_WORDS):
        return replace(new, also_accept=())
    return _qualified(new, before)


def scoped_fact(fact: Fact, columns: tuple[str, ...], parent_facts: Sequence[Fact]) -> Fact:
    """The applicant fact over the rows of its parent: cells = first row set × columns, the other
    row sets as ``also_accept``."""
    sets = row_sets(parent_facts) or [("r1_new",)]
    cells = [tuple(L.t3_cell_id(r, c) for r in rows for c in columns) for rows in sets]
    rows0 = sets[0]
    row_label = "＋".join(L.T3_ROW_BY_ID[r].short if r in L.T3_ROW_BY_ID else r for r in rows0)
    base = fact.parts[0] if fact.parts else fact
    plain = rows0 == ("r1_new",) and columns == base.columns and not fact.parts
    fid = base.id if plain else f"{base.id.rsplit('@', 1)[0]}@{'+'.join(rows0)}:{'+'.join(columns)}"
    return replace(
        base, id=fid, label=f"{row_label}（{columns_label(columns)}）", cells=cells[0], also_accept=tuple(cells[1:]),
        columns=columns, parts=(), family=base.family, family_cells=(), accept_aggregates=(),
    )


def _sibling_other(sentence: str, c: Claim, prev: Claim | None, facts: Sequence[Fact]) -> Fact | None:
    """A bare “其他N件” right after an applicant number of the same sentence: the 其他 column."""
    if prev is None or prev.fact is None or not prev.fact.columns:
        return None
    clause = sentence[prev.end : c.start]
    rest = re.sub(r"[\s，,、；;]", "", clause)
    if not rest.startswith(_OTHER):
        return None
    rest = rest[len(_OTHER):]
    for w in _FILLERS:
        rest = rest.replace(w, "")
    if rest not in ("", "申请", "类", "类型", "主体", "申请人"):
        return None
    return next((f for f in facts if f.columns == ("oth",)), None)


def _linked(between: str) -> bool:
    """The words between a parent and an applicant number make it a breakdown of that parent."""
    return any(w in between for w in _LINKS) or bool(_IN_THEM.search(between))


def inherit_rows(numbers: list[Claim], sentence: str, facts: Sequence[Fact], carried: Claim | None) -> list[Claim]:
    """The sentence's numbers with every applicant number over its parent's rows (module docstring).

    ``sentence``: the sentence with digit-free parentheses folded; ``carried``: the last row number
    of the sentence this one continues (it starts with 其中 — linked — or follows a ；). A parent not linked to
    the number by 其中 / 分别 / “…中，” gives its rows as one reading and 新收 as another."""
    for c in numbers:  # ``any(applicant_columns(c.fact) is not None …)``: most facts have neither columns nor parts
        f = c.fact
        if f is not None and (f.columns or f.parts) and applicant_columns(f) is not None:
            break
    else:
        return numbers
    out: list[Claim] = []
    for c in numbers:
        fact = c.fact
        if fact is None and out:
            fact = _sibling_other(sentence, c, out[-1], facts)
            if fact is not None:
                c = replace(c, confidence=min(c.confidence, 0.9))
        columns = applicant_columns(fact)
        if columns is None or c.kind != "number" or fact is None:
            out.append(c)
            continue
        before = sentence[: c.start]
        parent = next((p for p in reversed(out) if is_row_claim(p) and not _is_part(sentence, p)), None)
        parent_facts: list[Fact] = []
        linked = True
        if parent is not None:
            linked = _linked(sentence[parent.end : c.start])
        else:
            word = _row_word_parent(before, facts)
            if word is not None:
                parent_facts = [_qualified(word, before)]
                parent_facts += [FACT_BY_ID[i] for i in word.alternatives if i in FACT_BY_ID]
                linked = _linked(before) or _own_clause(before, word)
            elif carried is not None:
                parent = carried
                linked = CONTINUES.match(sentence) is not None
        if parent is not None:
            assert parent.fact is not None
            parent_facts = [parent.fact, *parent.alternatives]
        if not parent_facts or not linked:
            parent_facts.append(_default_parent(before))
        scoped = scoped_fact(fact, columns, parent_facts)
        out.append(replace(c, fact=scoped, parent=parent))
    return out


def _own_clause(before: str, word: Fact) -> bool:
    """The row word stands in the number's own clause (“受理自然人申请12件”)."""
    i = len(before) - 1
    while i >= 0 and before[i] not in "，,；;。：:":
        i -= 1
    clause = before[i + 1 :]
    return any(kw in clause for kw in word.keywords)


_BARE_SUM = regex(r"^(?:共计|合计|总计|一共|总共|共|计|为)?$")
_BARE_SUM_ENDS = "，,计共为"  # what ends a clause “，” with nothing or one word of ``_BARE_SUM`` after it
_UNBOUND = Binding(None)
# Every phrase of every applicant kind in one alternation (compiled on first use, as every ``regex``):
# longest first; equal lengths by text, so that the pattern (a regex_cache key) is the same every run.
_ANY_KIND_PHRASE = regex("|".join(map(re.escape, sorted({p for k in APPLICANT_KINDS for p in k.phrases},
                                                         key=lambda w: (-len(w), w)))))


_STOPS = "，,；;。：:"


def _last_stop(sentence: str, end: int) -> int:
    """The offset of the last of ``_STOPS`` in ``sentence[:end]`` (-1: none)."""
    return max([sentence.rfind(ch, 0, end) for ch in _STOPS])


def kind_of_previous_clause(sentence: str, start: int, unit: str | None, facts: Sequence[Fact]) -> Binding:
    """“从申请主体看，以自然人为主，共95件”: a bare 共N件 right after a clause that names an applicant kind
    and no number states that kind — or all the requests the kind is part of (two readings, unsure)."""
    # the last character before the number that is no space: “，” ending the clause, or the end of a
    # bare sum word (``_BARE_SUM``: 共计 合计 总计 一共 总共 共 计 为) — most numbers are passed over here
    at = start - 1
    while at >= 0 and sentence[at].isspace():
        at -= 1
    if at < 0 or sentence[at] not in _BARE_SUM_ENDS:
        return _UNBOUND
    i = _last_stop(sentence, start)
    if i < 0 or sentence[i] not in "，," or not _BARE_SUM.match("".join(sentence[i + 1 : start].split())):
        return _UNBOUND
    j = _last_stop(sentence, i)
    clause = sentence[j + 1 : i]
    if _ANY_KIND_PHRASE.search(clause) is None:
        return _UNBOUND  # the clause names no applicant kind (one search instead of every phrase)
    if not any(ch.isdigit() for ch in clause):
        for k in APPLICANT_KINDS:
            named = [p for p in k.phrases if p in clause]
            if named and not any(w in clause for w in k.excludes):
                fact = next((f for f in facts if f.columns == k.columns), None)
                if fact is not None and unit in fact.units:
                    return Binding(fact, (FACT_BY_ID["requests_new"],), 0.6)
    return _UNBOUND


def last_row_claim(claims: Sequence[Claim], sentence: str) -> Claim | None:
    """The last row number of a sentence that is not a part of its clause (a parent for the next)."""
    return next((c for c in reversed(claims) if is_row_claim(c) and not _is_part(sentence, c)), None)
