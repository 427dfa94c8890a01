"""The readers' fast paths give exactly what their general definitions give.

Each fast path below replaces a slower but plainer formulation (a regex, two loops, a second
pass over the blocks); the plainer one is written out here as the reference and both are run
on random input and on the fixture reports."""

from __future__ import annotations

import functools
import importlib
import random
import re
from pathlib import Path

from draft_report.reading import runs
from draft_report.reading.blocks import Block, clean, compact
from draft_report.reading.files import split_lines
from draft_report.reading.outline import may_be_heading, parse_heading

# the module (``draft_report.reading.text_blocks`` the attribute is its function of that name)
text_blocks = importlib.import_module("draft_report.reading.text_blocks")
FIXTURES = Path(__file__).parent / "fixtures"
TEXT_REPORTS = sorted((FIXTURES / "real_reports").glob("*.txt")) + sorted((FIXTURES / "seeds").glob("*.txt"))


@functools.cache
def whitespace() -> list[str]:
    """Every whitespace character of copied text (found when a test needs them, not at collection)."""
    return [chr(c) for c in range(0x10000) if re.fullmatch(r"[\s\u00a0\u3000\u200b\ufeff]", chr(c))]


def test_split_lines_is_the_newline_regex_split() -> None:
    newline = re.compile(r"\r\n|\r|\n")
    alphabet = ["\r", "\n", "\r\n", "\f", "\v", "\u2028", "\x1c", "a", "一", " ", "\t"]
    rng = random.Random(14)
    for _ in range(5000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 12)))
        expected = newline.split(text)
        if expected and expected[-1] == "":
            expected.pop()
        assert split_lines(text) == expected, repr(text)


def test_clean_lines_of_a_plain_text_is_clean_line_of_each() -> None:
    """``clean_lines``' split and join of a line without bookmarks or zero-width spaces."""
    alphabet = [*whitespace(), "a", "1", "一", "。", "（", "]", "b"]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 9)))
        if text_blocks._is_plain([text]):
            assert text_blocks.clean_lines([text], True, False) == [text_blocks._clean_line(text)], repr(text)
        else:
            assert any(ch in text for ch in ("[", "\u200b", "\ufeff"))


def _mark_wraps(blocks: list[Block]) -> list[bool]:
    """The reference: a paragraph line is joinable when the paragraph line before it (no row
    between) is on the line just above, at least 20 characters long and not ended."""
    out: list[bool] = []
    prev: Block | None = None
    for b in blocks:
        if b.kind != "para":
            prev = None
            out.append(b.joinable)
            continue
        out.append(bool(
            prev is not None
            and b.line == prev.line + 1 + len(prev.extra_lines)
            and len(prev.cells[0]) >= 20
            and prev.cells[0][-1] not in text_blocks._TERMINAL
        ))
        prev = b if b.cells[0] else None
    return out


def _fields(blocks: list[Block]) -> list[tuple[object, ...]]:
    return [(b.line, b.cells, b.cell_lines, b.raw, b.kind, b.md_level, b.joinable, b.extra_lines) for b in blocks]


def _mutants(rng: random.Random, lines: list[str], n: int) -> list[list[str]]:
    out = []
    for _ in range(n):
        mutated = list(lines)
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(mutated))
            choice = rng.random()
            if choice < 0.3:
                mutated[i] = ""
            elif choice < 0.6:
                mutated.insert(i, rng.choice(["\t商业", "企业", "\t12", "a\tb\t3", "[bookmark: x]一、总体情况", "\u200b二、 主动",
                                              "[bookmark: y]\t3", "\v", "\v\t\v", "[bookmark: z]", "[bookmark: 第3页",
                                              "很长的一行文字很长的一行文字很长的一行文字，", "— 3 —", "| 规章 | 0 |"]))
            else:
                del mutated[i]
        out.append(mutated)
    return out


def test_text_blocks_plain_path_and_joinable_marks_match_the_general_definitions(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    inputs: list[list[str]] = []
    for path in TEXT_REPORTS:
        lines = split_lines(path.read_text(encoding="utf-8"))
        inputs += [lines, *_mutants(rng, lines, 10)]
    assert len(inputs) > 50
    plain_seen = 0
    for lines in inputs:
        blocks = text_blocks.text_blocks(lines)
        assert [b.joinable for b in blocks] == _mark_wraps(blocks)
        # a block's ``clean_raw``, where the plain path keeps it, is what ``raw_of`` would compute
        assert all(b.clean_raw is None or b.clean_raw == clean(b.raw) for b in blocks)
        if text_blocks._is_plain(lines):
            plain_seen += 1
            with monkeypatch.context() as m:
                m.setattr(text_blocks, "_is_plain", lambda _lines: False)
                general = text_blocks.text_blocks(lines)
            assert _fields(blocks) == _fields(general)
        with monkeypatch.context() as m:  # every line cleaned by ``_clean_line`` itself
            m.setattr(text_blocks, "_is_plain", lambda _lines: False)
            m.setattr(text_blocks, "clean_lines", lambda lines, plain, zero_width: list(map(text_blocks._clean_line, lines)))
            reference = text_blocks.text_blocks(lines)
        assert _fields(blocks) == _fields(reference)
    assert plain_seen > 10


def _row_values_reference(cells: list[str], kinds: list[str], lines: list[int]) -> tuple[str, list[runs.Value]]:
    """The two-loop definition of ``runs._row_values``."""
    def numeral(cell: str) -> bool:
        return runs._CN_NUMERAL.match(compact(cell)) is not None

    n = len(cells)
    first_text = next((i for i, k in enumerate(kinds) if k == "text" and not numeral(cells[i])), None)
    first_value = next((i for i in range(0 if first_text is None else first_text + 1, n)
                        if kinds[i] in ("number", "bad") or (kinds[i] == "text" and numeral(cells[i]))), None)
    if first_value is None:
        start = n
        while start > 0 and kinds[start - 1] != "text":
            start -= 1
    else:
        start = first_value
        while start > 0 and kinds[start - 1] == "blank":
            start -= 1
    values = [(cells[i], "bad" if kinds[i] == "text" else kinds[i], lines[i]) for i in range(start, n)]
    return "".join(cells[:start]), values


def test_row_values_in_one_pass_is_the_two_loop_definition() -> None:
    pool = [("规章", "text"), ("二", "text"), ("十二", "text"), (" 三", "text"), ("\u200b五", "text"), ("（一）", "text"),
            ("12", "number"), ("0", "number"), ("", "blank"), ("—", "bad"), ("x", "bad")]
    rng = random.Random(11)
    for _ in range(20000):
        picked = rng.choices(pool, k=rng.randint(0, 8))
        cells = [c for c, _ in picked]
        kinds = [k for _, k in picked]
        lines = list(range(1, len(cells) + 1))
        assert runs._row_values(cells, kinds, lines) == _row_values_reference(cells, kinds, lines), picked


def test_is_numeral_is_the_regex_on_the_compacted_cell() -> None:
    alphabet = [*whitespace()[:40], "\u200b", "\ufeff", "一", "十", "两", "零", "a", "1", "（", "规"]
    rng = random.Random(5)
    for _ in range(20000):
        cell = "".join(rng.choices(alphabet, k=rng.randint(0, 5)))
        assert runs._is_numeral(cell) == (runs._CN_NUMERAL.match(compact(cell)) is not None), repr(cell)


def test_may_be_heading_never_rules_out_a_heading() -> None:
    texts: list[str] = []
    for path in TEXT_REPORTS:
        texts += split_lines(path.read_text(encoding="utf-8"))
    alphabet = [" ", "\u3000", "\u200b", "一", "、", "第", "部分", "总体情况", "其他", "（", "a", "。"]
    rng = random.Random(9)
    texts += ["".join(rng.choices(alphabet, k=rng.randint(0, 6))) for _ in range(20000)]
    headings = 0
    for text in texts:
        if parse_heading(text) is not None:
            headings += 1
            assert may_be_heading(text), repr(text)
    assert headings > 30


def test_whitespace_is_every_character_isspace_holds() -> None:
    from draft_report.reading.outline import WHITESPACE

    assert frozenset(filter(str.isspace, map(chr, range(0x110000)))) == WHITESPACE


def test_uses_cell_lines_is_the_regex_count() -> None:
    """``_uses_cell_lines`` (a count of lines starting with a TAB first, then a test per line)
    against its definition: ``_CELL_LINE`` matches and TAB rows counted line by line."""
    def reference(lines: list[str]) -> bool:
        cells = sum(1 for ln in lines if text_blocks._CELL_LINE.match(ln))
        rows = sum(1 for ln in lines if "\t" in ln.strip("\t"))
        return cells >= 8 and cells > 2 * rows

    rng = random.Random(21)
    pool = ["\t商业", "\t12", "规章\t1\t2", "\t\t", "\t", "", "a", "\ta\tb", "\t\n", "x\t"]
    inputs = [split_lines(p.read_text(encoding="utf-8")) for p in TEXT_REPORTS]
    inputs += [rng.choices(pool, k=rng.randint(0, 30)) for _ in range(5000)]
    assert sum(map(reference, inputs)) > 100
    for lines in inputs:
        assert text_blocks._uses_cell_lines(lines) == reference(lines), lines


def test_only_tabs_means_every_tab_cell_is_clean() -> None:
    """``_only_tabs``: when it holds, a TAB row's parts are their own split and join (what
    ``text_blocks`` would make of each cell); when it does not, the line holds other whitespace."""
    pool = [*whitespace()[:12], "\t", "\t", "a", "1", "一", "。", "|"]
    rng = random.Random(30)
    for _ in range(30000):
        line = "".join(rng.choices(pool, k=rng.randint(0, 10)))
        text = " ".join(line.split())
        parts = line.lstrip("\t").split("\t")
        if text_blocks._only_tabs(line, text):
            assert parts == list(map(" ".join, map(str.split, parts))), repr(line)
        else:
            assert any(c.isspace() and c != "\t" for c in line), repr(line)


def test_pipe_cells_is_clean_of_every_cell() -> None:
    """``pipe_cells`` (cells stripped when no cell holds whitespace within) against its definition:
    the body between the outer pipes split at "|", every cell ``clean``-ed."""
    from draft_report.reading.blocks import clean

    def reference(line: str) -> list[str]:
        body = line.strip()
        body = body[1:] if body.startswith("|") else body
        body = body[:-1] if body.endswith("|") else body
        return [clean(c) for c in body.split("|")]

    pool = [*whitespace()[:10], "\u200b", "|", "|", "|", "a", "1", "一", "。", "-"]
    rng = random.Random(32)
    for _ in range(30000):
        line = "".join(rng.choices(pool, k=rng.randint(0, 12)))
        assert text_blocks.pipe_cells(line) == reference(line), repr(line)


def test_two_cjk_is_two_cjk_characters_found() -> None:
    """``outline.TWO_CJK`` (one search) against its definition: ``blocks.CJK`` finds two characters or more."""
    from draft_report.reading import outline
    from draft_report.reading.blocks import CJK

    pool = ["一", "总", "\u3400", "\u9fff", "\u33ff", "\ua000", "a", "1", "、", "\n", " ", "（"]
    rng = random.Random(51)
    two = 0
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 6)))
        expected = len(CJK.findall(text)) >= 2
        two += expected
        assert (outline.TWO_CJK.search(text) is not None) == expected, text
    assert 2000 < two < 18000


def test_tab_row_from_its_parts_is_the_cleaned_line_split_at_tabs() -> None:
    """``_tab_row`` (cells and cleaned text made from the TAB-separated parts when they hold no
    whitespace) against its definition: the line cleaned as a whole, its parts kept when the only
    whitespace is TABs (``_only_tabs``), else each part cleaned; the block's text its cells joined."""
    pool = ["\t", "\t", "\t", "规章", "0", "12", "（一）", "|", " ", "\u3000", "\u00a0", "\v", "\u200e", "\x85", "a b"]
    rng = random.Random(52)
    fast = 0
    for _ in range(12000):
        line = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        b = text_blocks._tab_row(7, line)
        text = " ".join(line.split())
        parts = line.lstrip("\t").split("\t")
        cells = parts if text_blocks._only_tabs(line, text) else [" ".join(p.split()) for p in parts]
        fast += "".join(parts).isprintable() and " " not in "".join(parts)
        assert (b.cells, b.cell_lines, b.raw, b.kind, b.clean_raw, b.text) == \
            (cells, [7] * len(cells), line, "row", text, "".join(cells)), repr(line)
    assert 1000 < fast < 11000


def test_parse_heading_is_its_definition() -> None:
    """``parse_heading`` (the title taken from the heading match when the line holds no whitespace;
    ``has_cjk`` only when the title is not a short one of two CJK characters) against its definition."""
    from draft_report.reading import outline as o

    def reference(text: str) -> o.Heading | None:
        stripped = text.strip()
        key = compact(stripped)
        m = o._HEADING.match(key)
        if not m:
            return o.Heading("", stripped, stripped, "") if key in o._BARE_TITLES else None
        number, title = m.group(1) or m.group(2), m.group(3)
        if o._is_t3_label(title) or not o.has_cjk(title):
            return None
        if len(title) <= o.MAX_TITLE and "。" not in title and len(re.findall(r"[\u3400-\u9fff]", title)) >= 2:
            return o.Heading(number, o._after_number(stripped), stripped, "")
        for _, standard in o._GLUED_TITLES:
            if title.startswith(standard) and len(title) > len(standard):
                cut = o._cut_after(stripped, len(compact(stripped)) - len(title) + len(standard))
                rest = stripped[cut:].strip()
                if not o.has_cjk(rest) and not any(c.isdigit() for c in rest):
                    rest = ""
                return o.Heading(number, o._after_number(stripped[:cut]), stripped[:cut].strip(), rest)
        for m in re.finditer("情况|措施|事项", title[: o.MAX_TITLE]):  # a real wording glued to its text
            head = title[: m.end()]
            if m.end() < len(title) and "。" not in head and any(o._names(head, a) for a in o._STRONG.values()):
                cut = o._cut_after(stripped, len(compact(stripped)) - len(title) + m.end())
                rest = stripped[cut:].strip()
                if not o.has_cjk(rest) and not any(c.isdigit() for c in rest):
                    rest = ""
                return o.Heading(number, o._after_number(stripped[:cut]), stripped[:cut].strip(), rest)
        return None

    pieces = ["一、", "十二．", "第三部分", "第 二 部分：", "三 、", "总体情况", "其他需要报告的事项", "本年度办理结果", "。",
              " ", "\u3000", "\u200b", "2023年", "a", "1", "，", "情", "：", "结转下年度继续办理"]
    rng = random.Random(53)
    headings = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        expected = reference(text)
        headings += expected is not None
        assert parse_heading(text) == expected, text
    assert 500 < headings < 5500

