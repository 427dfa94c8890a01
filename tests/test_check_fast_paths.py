"""The checker's one-pass mechanisms give what the straightforward per-item code gave.

Compiled identities (one flat value list per document), the bracket walk that masks titles and
quotations, and the one-scan search for old-format marker lines are checked against reference
implementations of the former code on seeded random input."""

from __future__ import annotations

import random
import re

import pytest

from draft_report.checking import structure as S
from draft_report.checking.staleness import _masked
from draft_report.lexicon.binding import trie_pattern
from draft_report.models.tables import Tables
from draft_report.tables import identities as I
from draft_report.tables import layout as L


@pytest.mark.parametrize("layout", [L.LAYOUT_2021, L.LAYOUT_2019])
def test_compiled_identities_sum_as_each_identity_does(layout: L.Layout) -> None:
    rng = random.Random(f"identities:{layout.name}")
    compiled = I.compiled_for(layout)
    assert compiled is I.compiled_for(layout)  # built once per format
    assert compiled.identities == I.identities_for(layout)
    for _ in range(200):
        values: dict[str, int] = {c: rng.randint(0, 40) for c in compiled.cells if rng.random() > 0.05}
        got = compiled.sums(values)
        want = [i.evaluate(values.get) for i in compiled.identities]  # each identity summed on its own
        assert got == want
        assert [type(v) for pair in got for v in pair] == [type(v) for pair in want for v in pair]


def test_compiled_identities_read_a_documents_tables() -> None:
    tables = Tables.of_layout(L.LAYOUT_2021)
    tables.set("t3.r1_new.np", 3)
    tables.set("t3.r1_new.total", 3)
    values = {**tables.table3.filled(), **tables.table4.filled()}
    sums = dict(zip(I.IDENTITIES, I.compiled_for(L.LAYOUT_2021).sums(values), strict=True))
    h3 = next(i for i in I.IDENTITIES if i.rule == "H3" and i.total_cell == "t3.r1_new.total")
    assert sums[h3] == (3, None)  # the total is read; the row's other cells are blank
    assert tables.table3.filled() == {"t3.r1_new.np": 3, "t3.r1_new.total": 3}


def _reference_masked(text: str) -> str:
    if "《" not in text and "“" not in text:
        return text
    out = list(text)
    depth = 0
    for i, ch in enumerate(text):
        if ch in "《“":
            depth += 1
        elif ch in "》”" and depth:
            depth -= 1
            out[i] = " "
            continue
        if depth:
            out[i] = " "
    return "".join(out)


def test_masking_walks_brackets_as_the_character_walk_did() -> None:
    rng = random.Random("masked")
    for _ in range(20000):
        text = "".join(rng.choices("年2《》“”a ", k=rng.randint(0, 16)))
        assert _masked(text) == _reference_masked(text), text
    assert _masked("依据《2019年条例》，2024年") == "依据" + " " * 9 + "，2024年"


def _reference_marker_lines(lines: list[str]) -> list[int]:
    return [n for n, line in enumerate(lines, 1)
            if S._ANY_STRONG.search(re.sub(r"\s+", "", line)) or "其他处理" in line]


def test_marker_lines_cover_every_line_the_per_line_search_finds() -> None:
    rng = random.Random("markers")
    pieces = [*"本年新制作数量增/减采购项目总金额", "\n", " ", "\t", "　", "政府集中采购", "本年增/减", "其他处理"]
    for _ in range(5000):
        lines = ["".join(rng.choices(pieces, k=rng.randint(0, 10))) for _ in range(rng.randint(1, 5))]
        assert set(_reference_marker_lines(lines)) <= set(S._marker_lines(lines, set())), lines
    assert S._marker_lines(["标题", "本 年 新 制 作", "数量 12", "（六）其他处理 3"], set()) == [2, 3, 4]


def test_marker_candidates_are_the_non_prose_lines_that_may_hold_a_marker() -> None:
    """Old-format markers are looked for with the prose lines blanked: the candidates are still
    every non-prose line the per-line search finds (and no prose line)."""
    from draft_report.models.document import Paragraph, ReportDocument, Section

    rng = random.Random("marker-candidates")
    pieces = [*"本年新制作数量增/减采购项目总金额", "\n", " ", "\t", "政府集中采购", "本年增/减", "其他处理", "说明" * 25]
    for _ in range(3000):
        lines = ["".join(rng.choices(pieces, k=rng.randint(0, 8))) for _ in range(rng.randint(1, 8))]
        paragraphs = [Paragraph(text=line, line=n) for n, line in enumerate(lines, 1) if rng.random() < 0.5]
        paragraphs.append(Paragraph(text="说明" * 30, line=len(lines) + 3))  # a paragraph past the last line
        doc = ReportDocument(lines=lines, sections=[Section(key="overview", heading="一、总体情况", paragraphs=paragraphs)])
        prose = S._prose_lines(doc)
        got_lines, got = S._marker_candidates(doc)
        assert got_lines is lines
        assert set(_reference_marker_lines(lines)) - prose <= set(got) <= set(range(1, len(lines) + 1)) - prose
        assert got == sorted(got)
    assert S._marker_candidates(ReportDocument(sections=[Section(heading="h", paragraphs=[Paragraph(text="其他处理")])])) == (
        ["其他处理"], [1])


def test_year_findings_skip_only_paragraphs_that_cannot_be_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph is skipped when the only years in it are the report's own; the findings are
    those of scanning every sentence (the prefilter disabled)."""
    from draft_report.checking import staleness
    from draft_report.models.document import Paragraph, ReportDocument

    rng = random.Random("years")
    words = ["2024年", "2023年", "2022年", "2025年", "2026年", "202019年", "自2023年1月1日", "以来", "至", "，", "。",
             "《", "》", "“", "”", "全年", "我局", " ", "（一）", "2024"]
    texts = ["".join(rng.choices(words, k=rng.randint(1, 12))) for _ in range(3000)]
    doc = ReportDocument(preface=[Paragraph(text=t, line=n) for n, t in enumerate(texts, 1)])
    got = staleness.year_findings(doc, 2024)
    monkeypatch.setattr(staleness, "_EVERY_YEAR", re.compile(r"(?=((?:19|20)\d{2}|$))"))  # never only 2024
    monkeypatch.setattr(staleness, "_only_year", lambda text, year: False)
    monkeypatch.setattr(staleness, "_other_year", lambda year: (re.compile(""),))  # always "maybe another year"
    want = staleness.year_findings(doc, 2024)
    assert got == want
    assert len(got) > 100


def test_only_year_is_never_wrong_about_another_year() -> None:
    """The substring-count prefilter says “only the report's year” only when the year scan agrees."""
    from draft_report.checking import staleness

    rng = random.Random("only-year")
    pieces = ["2024", "2023", "19", "20", "1", "2", "0", "4", "9", "年", " "]
    for year in ("2024", "2020", "2019", "2002"):
        for _ in range(3000):
            text = "".join(rng.choices(pieces, k=rng.randint(0, 10)))
            if staleness._only_year(text, year):
                assert set(staleness._EVERY_YEAR.findall(text)) <= {year}, (text, year)


def test_a_spaced_trie_pattern_matches_exactly_the_words_with_any_whitespace() -> None:
    rng = random.Random("spaced")
    words = ["本年增减", "本年增/减", "本年新制作数量", "采购总金额", "采购", "a(b)"]
    pattern = re.compile(trie_pattern(words, gap=r"\s*"))
    for w in words:
        spaced = "".join(ch + rng.choice(["", " ", "\t", "\n", "　"]) for ch in w).rstrip()
        assert pattern.fullmatch(w) and pattern.fullmatch(spaced), spaced
    assert pattern.fullmatch("本年增") is None and pattern.search("本年减") is None


def test_marker_lines_with_skip_are_those_without_it_minus_skip() -> None:
    lines = ["标题", "本 年 新 制 作", "数量 12", "（六）其他处理 3", "政府集中采购项目"]
    assert S._marker_lines(lines, {2, 5}) == [n for n in S._marker_lines(lines) if n not in {2, 5}] == [3, 4]


def test_shorter_than_is_the_length_of_the_normalised_text() -> None:
    rng = random.Random("shorter")
    pieces = [*"问题不足，。、 “”（）ab", "改进措施", "\n"]
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 200)))
        for n in (1, 5, 40):
            assert S._shorter_than(text, n) == (len(S._norm(text)) < n)


def test_expired_topics_are_found_as_one_alternation_of_their_words_finds_them() -> None:
    from draft_report.checking import staleness

    rng = random.Random("topics")
    pieces = [*"疫情防控新冠肺炎十三五复工产核酸检测抗防，。", "\n", "疫情防控", "十三五", "常态化疫情"]
    for year in (2021, 2022, 2023, 2024):
        topics, words, keys = staleness._expired(year)
        assert all(t.part in t.word for t in topics) and set(keys) == {t.part for t in topics}
        alternation = re.compile("|".join(re.escape(t.word) for t in topics)) if topics else None
        for _ in range(2000):
            text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
            assert staleness._names_any(words, text) == bool(alternation and alternation.search(text))
            if staleness._names_any(words, text):  # the keys let every text with a topic through
                assert staleness._names_any(keys, text)


def test_subheadings_are_those_the_pattern_alone_finds() -> None:
    from draft_report.models.document import Paragraph, Section

    rng = random.Random("subheadings")
    pieces = ["（一）", "(二)", "（ 三 ）", " ", "\u3000", "\t", "主动公开情况", "。", "：", "2024年", "一、", "（", "(", "十"]
    paragraphs = [Paragraph(text="".join(rng.choices(pieces, k=rng.randint(0, 6))), line=n,
                            kind=rng.choice(("text", "text", "subheading"))) for n in range(4000)]
    sec = Section(key="overview", heading="一、总体情况", paragraphs=paragraphs)
    want = [(S._HEAD_END.split(p.text, maxsplit=1)[0][:40].strip(), p.line) for p in paragraphs
            if p.kind == "subheading" or S._SUBHEADING.match(p.text)]
    assert S._subheadings(sec) == want
    assert len(want) > 1500


def test_other_year_is_found_exactly_when_the_year_scan_finds_another_year() -> None:
    from draft_report.checking import staleness

    rng = random.Random("other-year")
    pieces = ["2024", "2023", "2019", "19", "20", "1", "2", "0", "4", "9", "年", " ", "２", "\n"]
    for year in ("2024", "2020", "2019", "2002", "1999", "999"):
        for _ in range(3000):
            text = "".join(rng.choices(pieces, k=rng.randint(0, 8)))
            other = set(staleness._EVERY_YEAR.findall(text)) - {year}
            assert any(p.search(text) for p in staleness._other_year(year)) == bool(other), (year, text)


def test_an_identity_set_compiles_its_sums_on_first_use() -> None:
    """Importing the identities builds both formats' sets; the generated function of a set (a few ms
    to compile) is made only when a format's tables are first summed, and then kept."""
    fresh = I.IdentitySet(I.identities_for(L.LAYOUT_2019))
    assert fresh._sides is None
    values = {c: 1 for c in fresh.cells}
    first = fresh.sums(values)
    compiled = fresh._sides
    assert compiled is not None
    assert fresh.sums(values) == first == [i.evaluate(values.get) for i in fresh.identities]
    assert fresh._sides is compiled


def _holds_by_definition(compiled: I.IdentitySet, values: dict[str, int | float]) -> bool:
    """Every cell has a value and every identity's sides, summed on their own, are equal."""
    return all(c in values for c in compiled.cells) and all(
        left == right for left, right in (i.evaluate(values.get) for i in compiled.identities))


@pytest.mark.parametrize("layout", [L.LAYOUT_2021, L.LAYOUT_2019])
def test_all_hold_is_every_identity_holding_over_every_cell(layout: L.Layout) -> None:
    from pathlib import Path

    from draft_report.checking.table_causes import evaluate
    from draft_report.reading import read_text

    rng = random.Random(f"all-hold:{layout.name}")
    compiled = I.compiled_for(layout)
    tables: list[dict[str, int | float]] = []
    for path in sorted(Path(__file__).parent.joinpath("fixtures/real_reports").glob("*.txt")):
        doc = read_text(path.read_text(encoding="utf-8"), fmt="text")
        if doc.tables.table3_layout is layout:
            tables.append({**doc.tables.table3.filled(), **doc.tables.table4.filled()})
    for _ in range(300):  # consistent tables: parts drawn, totals derived from them, H1 balanced
        t = Tables.of_layout(layout)
        for cid in compiled.cells:
            if not cid.endswith(".total") and "r3_7_total" not in cid and "r2_carry_in" not in cid:
                t.set(cid, rng.randint(0, 9))
        I.derive_totals(t.get, t.set)
        for c in L.T3_COLUMNS:  # 二（上年结转）that balances H1 when it can
            new, done, out = (t.get(L.t3_cell_id(r, c.id)) for r in ("r1_new", "r3_7_total", "r4_carry_out"))
            if None not in (new, done, out) and done + out - new >= 0:  # type: ignore[operator]
                t.set(L.t3_cell_id("r2_carry_in", c.id), done + out - new)  # type: ignore[operator]
        tables.append({**t.table3.filled(), **t.table4.filled()})
    seen = set()
    for values in tables:
        for change in range(4):  # as read; a cell off by one; a cell blank; a float cell
            v = dict(values)
            cell = rng.choice(compiled.cells)
            if change == 1 and cell in v:
                v[cell] += 1
            elif change == 2:
                v.pop(cell, None)
            elif change == 3 and cell in v:
                v[cell] = v[cell] + 0.5 - 0.5
            t3 = {c: x for c, x in v.items() if c.startswith("t3.")}
            t4 = {c: x for c, x in v.items() if c.startswith("t4.")}
            want = _holds_by_definition(compiled, v)
            assert compiled.all_hold(t3, t4) is want
            if want:  # what the checker skips: evaluating finds no failing identity
                assert evaluate(compiled, v)[0] == []
            seen.add(want)
    assert seen == {True, False}


def test_other_year_paragraphs_are_those_the_year_scan_finds_another_year_in() -> None:
    from draft_report.checking import staleness

    rng = random.Random("other-year-paragraphs")
    pieces = ["2024", "2023", "2019", "19", "20", "1", "2", "0", "4", "9", "年", " ", "\n", "。"]
    for year in ("2024", "2020", "1999", "999"):
        for _ in range(1500):
            texts = ["".join(rng.choices(pieces, k=rng.randint(0, 6))) for _ in range(rng.randint(1, 6))]
            want = [k for k, text in enumerate(texts) if set(staleness._EVERY_YEAR.findall(text)) - {year}]
            assert staleness._other_year_paragraphs(texts, year) == want, (year, texts)


def test_holding_cells_are_the_cells_of_the_holding_identities() -> None:
    from draft_report.checking.table_causes import holding_cells

    rng = random.Random("holding-cells")
    for layout in (L.LAYOUT_2021, L.LAYOUT_2019):
        for _ in range(200):
            holding = [i for i in I.identities_for(layout) if rng.random() < 0.3]
            assert holding_cells(holding) == {c for ident in holding for c in (*ident.lhs, *ident.rhs)}


def test_a_standard_heading_is_one_the_heading_rules_say_nothing_about() -> None:
    """``heading_findings`` skips a heading written exactly as the standard's: the numbering and
    title checks pass for it, and it is not numbered “第×部分”."""
    from draft_report.models.document import ReportDocument, Section
    from draft_report.sections import SECTIONS

    for sdef in SECTIONS:
        heading = S._STANDARD_HEADINGS[sdef.key]
        m = S._NUMBERING.match(heading)
        assert m is not None and m.group(1) == sdef.number and m.group(2) is None
        assert S._norm(heading[m.end():]).startswith(S._NORM_TITLES[sdef.key])
    doc = ReportDocument(sections=[Section(key=sdef.key, heading=f" {sdef.heading} ", line=n) for n, sdef in enumerate(SECTIONS)])
    assert S.heading_findings(doc) == []
