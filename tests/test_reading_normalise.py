"""The text normalisation the readers use everywhere (``compact``, ``clean``, ``Block.key``):
the fast paths (``str.split`` instead of a regex, a cached key) give exactly what the
regex definition gives, for every kind of whitespace."""

from __future__ import annotations

import functools
import random
import re

from draft_report.reading.blocks import bigrams, clean, compact, para, row

# the definition: every kind of whitespace as it appears in copied Word/PDF/web text
SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


@functools.cache
def whitespace() -> list[str]:
    """Every character ``SPACES`` matches (all of Unicode's are in the BMP); found when a test
    needs them, not while the module is collected."""
    return [chr(c) for c in range(0x10000) if SPACES.fullmatch(chr(c))]


def test_every_whitespace_character_is_known() -> None:
    assert {"\t", " ", "\u00a0", "\u3000", "\u200b", "\ufeff", "\u2028", "\x1c"} <= set(whitespace())


def test_compact_and_clean_match_the_regex_definition() -> None:
    alphabet = [*whitespace(), "a", "1", "一", "。", ",", "（"]
    rng = random.Random(14)
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 9)))
        assert compact(text) == SPACES.sub("", text), repr(text)
        assert clean(text) == SPACES.sub(" ", text).strip(), repr(text)


def test_block_key_is_the_compacted_text() -> None:
    assert para(1, " 一、 总体\u200b情况 ").key == "一、总体情况"
    assert row(["规章 ", "\u3000 1", "0"], [1, 1, 1], "").key == "规章10"


def test_bigrams_are_every_pair_of_neighbours() -> None:
    for key in ["", "a", "ab", "aaa", "一二三四", "二部分公开"]:
        expected = frozenset({key}) if len(key) == 1 else frozenset(key[i : i + 2] for i in range(len(key) - 1))
        assert bigrams(key) == expected


def test_value_token_alternation_matches_where_one_of_its_patterns_does() -> None:
    from draft_report.reading import blocks

    patterns = (blocks._NUMBER, blocks._WITH_UNIT, blocks._PLACEHOLDER, blocks.SIGNED)
    alphabet = ["1", "0", ",", ".", "-", "+", "—", "/", "件", "万元", "元", "x", "无", "空", "一", "a", " "]
    rng = random.Random(7)
    for _ in range(20000):
        token = "".join(rng.choices(alphabet, k=rng.randint(1, 6)))
        t = compact(token)
        expected = bool(t) and any(p.match(t) is not None for p in patterns)
        assert blocks.is_value_token(token) == expected, repr(token)


def test_row_text_is_its_cells_joined() -> None:
    block = row(["（一）", "规章", " 1"], [3, 3, 3], "（一）\t规章\t 1")
    assert block.text == "（一）规章 1" and block.text is block.text  # joined once
    assert para(1, "一、总体情况").text == "一、总体情况"
