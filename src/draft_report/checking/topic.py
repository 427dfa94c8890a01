"""The topic a bare-verb clause continues: “受理群众来信34件，办结34件”.

A clause that names only a handling verb (“办结34件”, “已答复30件”, “结转2件”) says nothing of its
own about *what* was handled: its object is the one of the clause before it in the sentence. When
that clause counted something that is not a 政府信息公开申请 — it has a handling verb (受理, 收到,
办理 …) and its number bound to no measure: 来访信件, 热线工单, 网民留言, 群众诉求 … — the bare
verb continues that foreign topic, and its number is not the table's 办结/答复/结转 either.

Only numbers of one sentence are linked (the sentence is where an elided object is recovered); a
clause that names its own object (“办结申请34件”) keeps its binding.
"""

from __future__ import annotations

from collections.abc import Sequence

from draft_report.checking.claim import Claim
from draft_report.lexicon.binding import CLAUSE_DELIMITERS, compact, left_clause
from draft_report.lexicon.bound import UNBOUND, Binding
from draft_report.lexicon.fields import Fact
from draft_report.regex_cache import regex

# Verbs that count handled items — requests or anything else (letters, calls, messages).
HANDLING_VERBS = ("受理", "收到", "接到", "接收", "收件", "办理", "处理", "答复", "回复", "办结")
# Words that make a clause's object the disclosure requests themselves (not a foreign topic).
REQUEST_TOPIC = ("申请", "政府信息公开", "依申请")
# Words a bare-verb clause may hold besides its verb.
_FILLERS = ("其中", "已经", "已", "均", "全部", "共计", "合计", "累计", "共", "另有", "另", "有", "为", "按时", "按期",
            "依法", "及时", "的")
_BARE_REST = 2  # at most this many characters besides the verb and fillers
_BARE_MAX = 10  # a longer clause is never a bare verb (“已全部按时办结” is 7)


_HANDLING = regex("|".join(HANDLING_VERBS))
_REQUEST_TOPIC = regex("|".join(REQUEST_TOPIC))


def _foreign_count(clause: str) -> bool:
    """The clause of an unbound number counts what a handling verb handled, and not the requests."""
    return _HANDLING.search(clause) is not None and _REQUEST_TOPIC.search(clause) is None


def _bare_verb(left: str, fact: Fact) -> bool:
    """The clause ``left`` names ``fact`` by a keyword and little else (no object of its own)."""
    named = max((kw for kw in fact.keywords if kw in left), key=len, default=None)
    if named is None:
        return False
    rest = left.replace(named, "", 1)
    for w in _FILLERS:
        rest = rest.replace(w, "")
    return len(rest) <= _BARE_REST


def continues_foreign_topic(sentence: str, start: int, prev_end: int, fact: Fact | None,
                            earlier: list[Claim]) -> bool:
    """The number at ``sentence[start:]`` (bound to ``fact``) sits in a bare-verb clause whose object is
    the unbound count of the clause before it (``earlier[-1]``): a topic that is not a table's."""
    if fact is None or not earlier:
        return False
    prev = earlier[-1]
    if prev.kind != "number" or prev.fact is not None or prev.unit is None:
        return False
    lo = max(prev_end, start - _BARE_MAX - 1, 0)
    i = start - 1
    while i >= lo and sentence[i] not in CLAUSE_DELIMITERS:
        i -= 1
    if i < lo and lo > max(prev_end, 0):
        return False  # no delimiter within reach: a clause longer than any bare verb
    left = compact(sentence[i + 1 : start])
    prev_left = left_clause(sentence, prev.start)
    return _foreign_count(prev_left) and _bare_verb(left, fact)


# How a request reached the agency: a number qualified by one channel counts a part of the requests
# (“通过网络申请12件”, “群众网上申请105件”), which 表三 does not break down; channels closed by 等
# (“通过线上、信函等渠道收到申请16件”) name the whole.
CHANNELS = ("网上", "网络", "在线", "线上", "信函", "来信", "邮寄", "快递", "当面", "现场", "电子邮件", "邮件", "传真",
            "电话")


_CHANNEL = regex("|".join(CHANNELS))


def names_a_channel(sentence: str) -> bool:
    """Whether ``sentence`` names a channel at all (``channel_part`` can only hold when it does)."""
    return _CHANNEL.search(sentence) is not None


def _one_channel(text: str) -> bool:
    """``text`` names a channel, and no 等 closes the last one it names (“通过线上、信函等渠道” names the whole)."""
    at = max((m.start() for m in _CHANNEL.finditer(text)), default=-1)
    return at >= 0 and "等" not in text[at:]


def _of_table3(fact: Fact) -> bool:
    return bool(fact.cells) and all(c.startswith("t3.") for c in fact.cells)


def channel_part(sentence: str, start: int, prev_end: int, fact: Fact | None) -> bool:
    """The number at ``sentence[start:]`` is bound to a 表三 row but its clause names one channel
    (not closed by 等): it counts the requests of that channel only."""
    return fact is not None and _of_table3(fact) and _one_channel(left_clause(sentence, start, prev_end))


def channel_zero(obj: str, fact: Fact) -> bool:
    """A zero claim on a 表三 row whose object names one channel (“无当面申请件”, “未收到信函申请”): it says
    no request came that way, nothing of the requests as a whole (as ``channel_part`` for a number)."""
    return _of_table3(fact) and _one_channel(obj)


def _last_before(numbers: Sequence[Claim], start: int) -> Claim | None:
    """The last number claim of ``numbers`` that ends before ``start``."""
    for c in reversed(numbers):
        if c.end <= start and c.kind == "number":
            return c
    return None


def unbound_before(numbers: Sequence[Claim], start: int) -> bool:
    """The number just before ``start`` is bound to nothing (“通过网络申请12件，占57%”: nor is its share)."""
    last = _last_before(numbers, start)
    return last is not None and last.fact is None


def after_foreign_count(sentence: str, start: int, numbers: Sequence[Claim]) -> bool:
    """The last number before ``start`` is an unbound count of a handling verb's object (来信7件,
    热线47件): a bare rate right after it (“答复率100%”) is that topic's rate."""
    last = _last_before(numbers, start)
    if last is None or last.fact is not None:
        return False
    return _foreign_count(left_clause(sentence, last.start))


_SUM_WORDS = ("合计", "共计", "总计", "一共", "总共", "共")


def channel_total(sentence: str, start: int, prev_end: int, fact: Fact) -> Binding:
    """“网上申请105件，快递17件，合计122件”: a bare sum after parts by channel is the whole they break down."""
    left = left_clause(sentence, start, prev_end)
    named = next((w for w in _SUM_WORDS if w in left), None)
    if named is None or len(left.replace(named, "", 1)) > _BARE_REST:
        return UNBOUND
    return Binding(fact, (), 0.8)
