"""``extract_claims`` reads a text in one pass (quantities, zero markers and sentence ends found over
the whole text, only the sentences that hold one read further): it gives exactly what reading the
text sentence by sentence gives — the definition below, the loop ``extract_claims`` was before.
Checked over every text fixture (whole files, with their line breaks, and line by line) and over
texts made of the pieces that matter (numbers, measure words, sentence ends, quotes, zero markers,
scope words, parentheses)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from draft_report.checking import claims as C
from draft_report.checking.claim import Claim
from draft_report.checking.ratios import percent_claims
from draft_report.checking.row_scope import CONTINUES, inherit_rows, kind_of_previous_clause, last_row_claim
from draft_report.checking.scope import (
    _ALTERNATIVES,
    _MARKER_WORDS,
    SCOPE_MARKERS,
    alternation,
    markers_pattern,
    may_have_markers,
    scope_before,
    scope_markers,
)
from draft_report.lexicon import numerals as N
from draft_report.lexicon.binding import bind_indexed, fold_parentheses, keyword_index
from draft_report.lexicon.fields import FACTS, Fact
from draft_report.lexicon.numerals import find_quantities, normalise_digits, scan_quantities
from draft_report.lexicon.sentence_index import SentenceIndex
from draft_report.records_replace import replace
from lazy_hypothesis import hypothesis_property

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXTS = sorted(p for p in FIXTURES.rglob("*.txt"))


def per_sentence_quantities(text: str) -> list[tuple[int, int, str, float, str, bool, str]]:
    """``find_quantities`` of each sentence, offsets in ``text``."""
    out = []
    for offset, sent in C.sentences(text):
        for q in find_quantities(sent, normalised=True):
            out.append((q.start + offset, q.end + offset, q.raw, q.value, q.unit, q.approx, q.numeral))
    return out


def two_pass_scan(text: str, lo: int, hi: int, by_sentence: bool) -> list[tuple[int, int, str, float, str, bool, str]]:
    """``numerals._scan`` as two passes, ``_ARABIC`` then ``_CHINESE`` (a Chinese match inside an Arabic
    quantity left out), merged by offset: the definition the one pass of ``_NUMBER`` keeps."""
    found = []
    ordinals = "第" in text
    for m in N._ARABIC.finditer(text, lo, hi):
        start, end = m.start(1), m.end()
        if start > lo and text[start - 1] in " 第%％." and (
                (ordinals and N._is_ordinal(text, start)) or text[start - 1] in "%％."):
            continue
        if N._idiom_after(text, end):
            continue
        num, wan, approx_mark, unit = m.group(1, 3, 4, 5)
        value = N.parse_arabic(num)
        approx = approx_mark is not None or N._approx_before(text, start, lo)
        if wan:
            value *= 10000
            approx = approx or not float(num.replace(",", "")).is_integer()
        found.append((start, end, text[start:end], value, unit, approx, "arabic"))
    taken = [(q[0], q[1]) for q in found]
    for m in N._CHINESE.finditer(text, lo, hi):
        start, end = m.start(1), m.end()
        if any(a <= start < b for a, b in taken):
            continue
        num, approx_mark, unit = m.group(1, 3, 4)
        if unit in N._CN_SKIP_UNITS or (ordinals and N._is_ordinal(text, start)) or N._idiom_after(text, end):
            continue
        stop = len(text)
        if by_sentence and start > 0 and text[start - 1] in N._OPEN_QUOTES:
            end_m = N.SENTENCE_END.search(text, end)
            stop = end_m.end() if end_m else len(text)
        if N._quoted_slogan(text, start, end, stop):
            continue
        if start > lo and (text[start - 1] in N._CN_WORD_BEFORE or text[start - 1] in "（(〔["):
            continue
        parsed = N.parse_chinese(num)
        if parsed is not None:
            found.append((start, end, text[start:end], float(parsed), unit,
                          bool(approx_mark) or N._approx_before(text, start, lo), "chinese"))
    return sorted(found, key=lambda q: q[0])


def reference_claims(text: str, facts: Sequence[Fact] = FACTS) -> list[Claim]:
    """The claims of ``text`` read sentence by sentence (the definition ``extract_claims`` keeps)."""
    index = keyword_index(facts)
    text = normalise_digits(text)
    claims: list[Claim] = []
    prev_labels, carried = "", None
    prev_numbers: list[Claim] = []
    scopes = may_have_markers(text)
    for offset, sent in C.sentences(text):
        qs = find_quantities(sent, normalised=True)
        if not qs and "%" not in sent and "％" not in sent and not any(ch in sent for ch in C._ZERO_FIRST):
            prev_labels, prev_numbers, carried = fold_parentheses(sent), [], None
            continue
        if len(qs) > C.MAX_NUMBERS_PER_SENTENCE:
            q = qs[0]
            claims.append(Claim("too_many", f"{len(qs)}个数字", float(len(qs)), None, None, sent, q.start, q.start,
                                sentence_start=offset))
            continue
        numbers: list[Claim] = []
        labels = fold_parentheses(sent)
        continues = bool(qs) and (CONTINUES.match(sent) is not None or prev_labels.rstrip().endswith(("；", ";")))
        context = prev_labels if continues else ""
        shift = len(context)
        ctx = SentenceIndex(context + labels)
        for i, q in enumerate(qs):
            prev_end = qs[i - 1].end + shift if i else 0
            next_start = qs[i + 1].start + shift if i + 1 < len(qs) else None
            binding = bind_indexed(facts, index, ctx, q.start + shift, q.end + shift, q.unit, prev_end, next_start)
            if binding.fact is None:
                binding = C._sum_of_earlier(labels, q.start, q.end, q.unit, prev_end - shift if i else 0, numbers)
            if binding.fact is None and not numbers:
                binding = kind_of_previous_clause(labels, q.start, q.unit, facts)
            if binding.fact is None and C.is_idiom_numeral(q.raw, q.numeral):
                continue
            numbers.append(C._number_claim(sent, offset, q.start, q.end, q.raw, q.value, q.unit, q.approx, q.numeral,
                                           binding, numbers))
        carried = (last_row_claim(prev_numbers, prev_labels) or carried) if continues else None
        numbers = inherit_rows(numbers, labels, facts, carried)
        prev_labels, prev_numbers = labels, numbers
        found = numbers + percent_claims(labels, offset, facts, numbers, sent)
        found += C._zero_claims(sent, facts, C._ZERO.finditer(sent), [q.start for q in qs], 0, offset)
        markers = scope_markers(sent) if found and scopes and may_have_markers(sent) else []
        if markers:
            found = [c if (scope := scope_before(markers, c.start)) is None else replace(c, scope=scope)
                     for c in found]
        claims.extend(found)
    return claims


# ``SCOPE_MARKERS`` as it was written before it was led by one character set (``scope.led_alternation``)
SCOPE_MARKERS_WRITTEN = re.compile(
    r"代表(?<!人大代表)(?<!党代表)(?<!职工代表)(?!建议|提出|意见|委员|性)[^，,。；;]{0,6}?(?:政府|机关|单位|部门|局|委(?!员))"
    r"|本级|其中[，,]?[^，,。；;]{0,8}?(?:政府办|办公室|办公厅|局|委|中心|街道|乡镇|镇政府|乡政府)"
    r"|政府办|政府办公室|政府办公厅"
    r"|截[至止](?!\s*(?:\d{4}\s*年\s*)?(?:12\s*月\s*31\s*日|12\s*月\s*底|12\s*月\s*末|年\s*底|年\s*末|本年底|本年末|年终))"
    r"[^，,。；;]{0,12}?(?:月底|月末|月份|月\d{1,2}日|日|目前|现在|当前|发稿|本报告)"
    r"|上半年|下半年|第[一二三四1-4]季度|[一二三四1-4]季度|\d{1,2}\s*[-—－~至到]\s*\d{1,2}\s*月|\d(?<!\d\d)\d?\s*月份"
)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_scope_markers_led_by_a_set_are_the_alternation_as_written() -> None:
    assert SCOPE_MARKERS_WRITTEN.pattern == alternation(_ALTERNATIVES).replace(r"\d\d?\s*[-", r"\d{1,2}\s*[-")
    for path in TEXTS:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert spans(SCOPE_MARKERS, text) == spans(SCOPE_MARKERS_WRITTEN, text), path.name


def check_one_pass(text: str) -> None:
    assert spans(SCOPE_MARKERS, text) == spans(SCOPE_MARKERS_WRITTEN, text)
    assert spans(markers_pattern(text), text) == spans(SCOPE_MARKERS, text)  # the variant for the text
    norm = normalise_digits(text)
    assert scan_quantities(norm) == per_sentence_quantities(norm)
    for by_sentence in (True, False):  # one pass of _NUMBER = the Arabic and the Chinese pass
        assert N._scan(norm, 0, len(norm), by_sentence) == two_pass_scan(norm, 0, len(norm), by_sentence)
    assert [m.span() for m in C._zero_marks(norm)] == [m.span() for m in C._ZERO.finditer(norm)]
    # the piece that holds each offset, found from it (two searches) — as ``sentences`` splits the text
    rev = norm[::-1]
    pieces = dict.fromkeys((C._piece_start(rev, p), C._piece_end(norm, p)) for p in range(len(norm)))
    assert [(a, norm[a:b]) for a, b in pieces if not norm[a:b].isspace()] == list(C.sentences(norm))
    assert all(C._piece_start(rev, b - 1) == a for a, b in pieces)
    assert may_have_markers(text) == any(w in text for w in _MARKER_WORDS)
    assert C.extract_claims(text) == reference_claims(text)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_one_pass_gives_the_per_sentence_claims_of_every_fixture(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r", "")
    check_one_pass(text)  # whole files: many sentences, line breaks, tables as text
    for line in text.split("\n"):
        check_one_pass(line)


PIECES = [
    "3", "12", "1,234", "3 119", "1.5", "0", " ", "  ", "\n", "万", "余", "多", "件", "个", "人次", "万元", "条", "起",
    "一", "两", "三十七", "十", "零", "〇", "第", "约", "近", "超过", "以上", "左右", "“", "”", "\"", "。", "！", "？",
    "!", "?", "；", ";", "，", "、", "：", "%", "％", "（", "）", "(", ")", "其中", "自然人", "法人", "受理", "申请",
    "共", "共计", "未收到", "没有", "无", "无法", "截至6月底", "上半年", "区政府办", "代表", "本级", "同比", "增加",
    "较上年", "办结", "率", "占", "月", "工作日", "性", "年", "日", "政府信息公开", "予以公开", "不予公开", "行政复议",
    "行政诉讼", "上年结转", "新收", "４", "２", "、法人", "收费", "元", "四个意识", "人大代表", "代表区政府", "政府办公室",
    "局", "委员", "截止", "12月31日", "目前", "下半年", "第一", "二", "季度", "1-6", "至", "3月份", "11", "部门",
    "亿", "亿元", "百", "3万", "万亿",
]
@hypothesis_property(text=lambda st: st.lists(st.sampled_from(PIECES), max_size=40).map("".join), at_least=300)
def test_one_pass_gives_the_per_sentence_claims_of_any_text(text: str) -> None:
    check_one_pass(text)


@pytest.mark.parametrize("text", [
    "“一件事！”受理申请3件。",  # the slogan's closing quote is in the next sentence: not a slogan
    "约\n3件；其中自然人2件",  # an approximation word on the line before is not this number's
    "3\n件。共受理申请 3 119\n件",  # a number and its measure word on two lines are no quantity
    "共受理申请5件；\n\n其中自然人3件。",  # blank sentences between: the context is the sentence before them
    # a sentence with too many numbers leaves the context as it was: 其中 reads the sentence before it
    "共受理申请5件。" + "、".join(f"{i}件" for i in range(C.MAX_NUMBERS_PER_SENTENCE + 1)) + "。其中自然人2件。",
])
def test_one_pass_at_sentence_and_line_edges(text: str) -> None:
    check_one_pass(text)


def test_every_decimal_digit_leads_the_number_pattern() -> None:
    """``numerals._DECIMAL_LEAD`` holds every character ``\\d`` matches (so the one pass tries every
    position a number may start at)."""
    lead = re.compile(f"[{N._DECIMAL_LEAD}{N.CHINESE_DIGITS}]")
    digit = re.compile(r"\d")
    assert all(lead.fullmatch(ch) for ch in map(chr, range(0x110000)) if digit.fullmatch(ch))
    assert all(lead.fullmatch(ch) for ch in N.CHINESE_DIGITS)
