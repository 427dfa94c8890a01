"""Runs of values in a table region, and their alignment to the rows of a layout.

A *run* is a block that ends in value cells (numbers, blanks, unusable values): "规章 1 0 11",
"一、本年新收…数量 3001 53 0 0 61 4 3119", or a bare "447 7 0 0 0 0 454" whose label was
broken over the lines around it by pdftotext. Label-only blocks between runs are given to
the run above while they complete its label ("形，不计其他情形）"), the rest to the run below.

Rows are matched by label (character bigram coverage of the normalised label and its
variants), looked up in an index bigram → row variants built once per table (``RowSpecs``), so
a label costs a few dictionary look-ups, not a comparison with every row. A run whose own label matches is placed; a run placed only by the text around
it must point to one row unambiguously, and two such runs never share a row: whatever is
uncertain is left unplaced, never guessed.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain, count, repeat
from operator import attrgetter

from draft_report.limits import MAX_NUMBER_DIGITS
from draft_report.reading.blocks import (
    CACHED_LENGTH,
    NOT_SPLIT,
    Block,
    _norm_key_cached,
    bigrams,
    classify_cell,
    classify_cells,
    clean,
    compact,
    is_value_token,
    norm_key,
)
from draft_report.records import dataclass
from draft_report.regex_cache import regex

MATCH = 0.7  # minimum label coverage
# A cell written as a Chinese numeral ("二", "十二", "两") where a value belongs.
_NUMERAL_CHARS = "〇零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟"
_CN_NUMERAL = regex(f"^[{_NUMERAL_CHARS}]+$")
MARGIN = 0.2  # the best row must beat the runner-up by this much


# One value cell (or number token) of a table row as written: (raw text, kind, source line),
# kind one of number / blank / bad. A plain tuple: a row's values are made with one ``zip``
# over its cells, kinds and lines, not one object per cell.
Value = tuple[str, str, int]
# a cell's kind as a value: label text where a value belongs is an unusable value
_VALUE_KIND = {"number": "number", "blank": "blank", "bad": "bad", "text": "bad"}


@dataclass(slots=True)
class Entry:
    """A run of values with the label before them: one candidate table row."""

    block: Block
    label: str  # text cells (or text tokens) before the values
    # the values (``values_of``): as many as the run has, and as ``Value``s unless ``counts`` is set;
    # when it is, they are its texts (the ``Value``s are made from ``counts`` only where they are read)
    values: list[Value] | list[str]
    explicit: bool  # cell boundaries are known (TAB, pipe, HTML), so blanks have positions
    has_value: bool  # some value is not blank (``new_entry`` computes it)
    # (empty: one shared tuple, not a list per entry; ``_attach_context`` gives a run its own lists)
    pre: Sequence[str] = ()
    post: Sequence[str] = ()
    extra_blocks: Sequence[Block] = ()  # further blocks of a merged run
    # the values' texts and lines when every value is a plain ASCII count of at most
    # ``MAX_NUMBER_DIGITS`` digits (``_plain_row``) or a blank cell "" (``_sparse_row``), else None;
    # then ``values`` is the texts (the same list)
    counts: tuple[list[str], list[int]] | None = None

    def __init__(self, block: Block, label: str, values: list[Value] | list[str], explicit: bool, has_value: bool,
                 pre: Sequence[str] = (), post: Sequence[str] = (),
                 extra_blocks: Sequence[Block] = (), counts: tuple[list[str], list[int]] | None = None) -> None:
        # written out (not a generated ``__init__``): a report makes an entry per table block
        self.block = block
        self.label = label
        self.values = values
        self.explicit = explicit
        self.has_value = has_value
        self.pre = pre
        self.post = post
        self.extra_blocks = extra_blocks
        self.counts = counts


def values_of(entry: Entry) -> list[Value]:
    """The run's values as ``Value``s (text, kind, line): made from ``Entry.counts`` when it is set
    (a count is a "number", "" a "blank"), else ``Entry.values`` as they are."""
    if entry.counts is None:
        return entry.values  # type: ignore[return-value]  # (``Value``s when ``counts`` is None)
    texts, lines = entry.counts
    return list(zip(texts, map(_SPARSE_KINDS.__getitem__, map(bool, texts)), lines))  # noqa: B905


def new_entry(block: Block, label: str, values: list[Value], explicit: bool,
              extra_blocks: Sequence[Block] = ()) -> Entry:
    """An ``Entry`` whose ``has_value`` says whether any of ``values`` is not blank."""
    has_value = False
    for v in values:
        if v[1] != "blank":
            has_value = True
            break
    return Entry(block, label, values, explicit, has_value, (), (), extra_blocks)


@dataclass(frozen=True)
class RowSpec:
    """A row of an official table to place runs on: its key, width and label variants (as bigrams)."""

    key: str
    width: int
    variants: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, key: str, width: int, labels: tuple[str, ...]) -> RowSpec:
        return cls(key, width, tuple(bigrams(norm_key(x)) for x in labels if norm_key(x)))

    def score(self, grams: frozenset[str]) -> float:
        best = 0.0
        for v in self.variants:
            if v:
                best = max(best, len(v & grams) / len(v))
        return best


class RowSpecs(tuple[RowSpec, ...]):
    """The rows of one table, with an index bigram → row variants for ``best``."""

    _by_gram: dict[str, tuple[int, ...]]  # bigram → ids of the variants that contain it
    _row_of: list[int]  # variant id → position of its row
    _size_of: list[int]  # variant id → its number of bigrams
    _memo: dict[frozenset[str], tuple[float, RowSpec | None, float]]
    _by_label: dict[str, tuple[float, RowSpec | None, float]]  # label → ``best`` of its bigrams
    order: dict[str, int]  # row key → its position in the table

    def __new__(cls, specs: Iterable[RowSpec]) -> RowSpecs:
        self = super().__new__(cls, specs)
        self._by_gram, self._row_of, self._size_of, self._memo, self._by_label = {}, [], [], {}, {}
        self.order = {s.key: i for i, s in enumerate(self)}
        return self

    def _build_index(self) -> None:
        """Built on first use, not at import (a cold ``check`` pays only for the tables it reads)."""
        by_gram: dict[str, list[int]] = {}
        for si, spec in enumerate(self):
            for variant in spec.variants:
                if not variant:
                    continue
                vid = len(self._row_of)
                self._row_of.append(si)
                self._size_of.append(len(variant))
                for gram in variant:
                    by_gram.setdefault(gram, []).append(vid)
        self._by_gram = {gram: tuple(vids) for gram, vids in by_gram.items()}

    def best_label(self, label: str) -> tuple[float, RowSpec | None, float]:
        """``best(label_grams(label))``, remembered per short label (labels recur in every report)."""
        known = self._by_label.get(label)
        if known is not None:
            return known
        result = self.best(label_grams(label))
        if len(label) <= CACHED_LENGTH:
            if len(self._by_label) >= 4096:
                self._by_label.clear()
            self._by_label[label] = result
        return result

    def best(self, grams: frozenset[str]) -> tuple[float, RowSpec | None, float]:
        """(best score, its row, runner-up score) — exactly what scoring every row gives.

        Only rows sharing a bigram with ``grams`` can score above 0, and rows scoring 0 never
        change the best or the runner-up; the rows that do are taken in table order, so ties
        go to the first row as before. Results are remembered per label (labels recur)."""
        known = self._memo.get(grams)
        if known is not None:
            return known
        if not self._row_of:
            self._build_index()
        by_gram = self._by_gram
        counts = Counter(chain.from_iterable([by_gram[g] for g in grams if g in by_gram]))
        per_row: dict[int, float] = {}
        row_of, size_of = self._row_of, self._size_of
        for vid, n in counts.items():
            si = row_of[vid]
            score = n / size_of[vid]
            if score > per_row.get(si, 0.0):
                per_row[si] = score
        best, second, spec = 0.0, 0.0, None
        for si in sorted(per_row):
            sc = per_row[si]
            if sc > best:
                best, second, spec = sc, best, self[si]
            elif sc > second:
                second = sc
        result = (best, spec, second)
        if len(grams) <= CACHED_LENGTH:
            if len(self._memo) >= 4096:
                self._memo.clear()
            self._memo[grams] = result
        return result


def label_grams(text: str) -> frozenset[str]:
    """The bigrams of a label's comparison key (cached for short labels: they recur in every report)."""
    return _label_grams(text) if len(text) <= CACHED_LENGTH else bigrams(norm_key(text))


@lru_cache(maxsize=4096)
def _label_grams(text: str) -> frozenset[str]:
    return bigrams(norm_key(text))


_SUBTOTAL = regex(r"小计|合计")


def is_subtotal(label: str) -> bool:
    """An unofficial subtotal row ("（三）不予公开小计"): never placed on a standard row."""
    return "计" in label and _SUBTOTAL.search(compact(label)) is not None


def _is_prose(text: str) -> bool:
    return "。" in text or len(text) > 80


def _row_values(cells: list[str], kinds: list[str], lines: list[int]) -> tuple[str, list[Value]]:
    """Label and value cells of a row whose cell boundaries are known.

    The label is the text before the first value; every cell after it is a value, so a text
    cell among the values ("二", "见说明") is one unreadable value and its neighbours keep their
    columns. A Chinese numeral after the label is a value too ("规章 | 二 | 0 | 0"). Without
    any number among the cells, the label runs to the last text cell.
    """
    n = len(cells)
    # one pass: the first text cell that is not a numeral (the label's start), the first value
    # after it, and the first value anywhere (which counts when no cell is such text)
    first_text = first_value = first_any = None
    for i, k in enumerate(kinds):
        if k == "text" and (_is_label_cell(cells[i]) if len(cells[i]) <= CACHED_LENGTH else not _is_numeral(cells[i])):
            if first_text is None:
                first_text = i
        elif k != "blank":  # a number, an unusable value or a Chinese numeral
            if first_text is not None:
                first_value = i
                break
            if first_any is None:
                first_any = i
    if first_text is None:
        first_value = first_any
    if first_value is None:
        start = n
        while start > 0 and kinds[start - 1] != "text":
            start -= 1
    else:
        start = first_value
        while start > 0 and kinds[start - 1] == "blank":
            start -= 1
    label = "".join(cells[:start])
    values = list(zip(cells[start:], map(_VALUE_KIND.__getitem__, kinds[start:]), lines[start:], strict=True))
    return label, values


def _is_numeral(cell: str) -> bool:
    head = cell[:1]  # a label starts with a character no numeral holds: no need to compact it
    if head and head not in _NUMERAL_CHARS and not head.isspace() and head not in NOT_SPLIT:
        return False
    return _CN_NUMERAL.match(compact(cell)) is not None


def _row_entry(block: Block) -> Entry:
    cells, lines = block.cells, block.cell_lines
    if len(cells) != len(lines):
        m = min(len(cells), len(lines))
        cells, lines = cells[:m], lines[:m]
    return _plain_row(cells, lines, block) or _other_row(block, cells, lines)


def _other_row(block: Block, cells: list[str], lines: list[int]) -> Entry:
    """``_row_entry`` of a row that is not a plain one (``_plain_row``)."""
    fast = _sparse_row(cells, lines, block) or _label_row(cells, block)
    if fast is not None:
        return fast
    kinds: list[str] = classify_cells(cells)  # type: ignore[assignment]
    if "numbers" in kinds:  # a text cell made only of space-separated numbers holds several values
        cells, kinds, lines = _split_numbers(cells, kinds, lines)
    label, values = _row_values(cells, kinds, lines)
    run = new_entry(block, label, values, True)
    if not label and not run.has_value:
        run.values = []
    return run


def _label_row(cells: list[str], block: Block) -> Entry | None:
    """A row of label cells only (a table's header row), made without classifying each cell;
    None when the row is anything else. Exactly what ``_row_values`` gives: every cell is label
    text (``_is_label_cell``), so the label is the whole row and there is no value."""
    label = "".join(cells)
    if len(label) > CACHED_LENGTH or not all(map(_is_label_cell, cells)):
        return None
    return Entry(block, label, [], True, False)


_SPARSE_KINDS = ("blank", "number")  # a sparse row's value: "" is a blank, else a count


def _sparse_row(cells: list[str], lines: list[int], block: Block) -> Entry | None:
    """A row of label cells, then plain ASCII counts and blank cells ("" — a Word table's empty
    cells) with at least one count, made without classifying each cell; None when the row is
    anything else (``_row_values`` then decides).

    Exactly what ``_row_values`` gives for such a row: a count is a value ("number"), an empty
    cell a blank; the label cells (``_is_label_cell``) come first, so the label is their text and
    every cell after them is a value (blanks before the first count included)."""
    k = len(cells)
    while k and (not cells[k - 1] or cells[k - 1].isdigit()):
        k -= 1
    if not k or k == len(cells):
        return None
    tail = cells[k:]
    digits = "".join(tail)
    if not digits or not digits.isascii():  # no count at all, or "１２", "²"
        return None
    head = cells[:k]
    label = "".join(head)
    if len(label) > CACHED_LENGTH or not all(map(_is_label_cell, head)):
        return None
    return _counts_entry(block, label, tail, lines[k:], digits)


def _plain_row(cells: list[str], lines: list[int], block: Block) -> Entry | None:
    """The common row — label cells, then plain ASCII counts — made without classifying each
    cell; None when the row is anything else (``_row_values`` then decides).

    Exactly what ``_row_values`` gives for such a row: every count is a value ("number"), and
    when every cell before them is label text (``_is_label_cell``: text, not a Chinese
    numeral), those cells are the label and no blank stands between."""
    counts = cells[1:]
    digits = "".join(counts)
    if digits.isdigit() and "" not in counts:
        if not cells[0].isdigit():  # one label cell, then counts
            k = 1
            label = cells[0]
            if not digits.isascii() or len(label) > CACHED_LENGTH or not _is_label_cell(label):
                return None
        else:  # counts only (a bare run)
            if not digits.isascii() or not cells[0].isascii():
                return None
            k = 0
            label = ""
            counts = cells[:]
            digits = cells[0] + digits
    else:
        if not cells or not cells[-1].isdigit():  # (a header row: no count at the end)
            return None
        is_count = list(map(str.isdigit, cells))
        k = len(cells) - is_count[::-1].index(False) if False in is_count else 0
        counts = cells[k:]
        digits = "".join(counts)
        if not digits.isascii():  # "１２", "²": isdigit but not a plain count
            return None
        label = ""
        if k:
            head = cells[:k]
            label = "".join(head)
            if len(label) > CACHED_LENGTH or not all(map(_is_label_cell, head)):
                return None
    return _counts_entry(block, label, counts, lines[k:], digits)


def _counts_entry(block: Block, label: str, texts: list[str], lines: list[int], digits: str) -> Entry:
    """The run of ``_plain_row`` or ``_sparse_row``: its values' texts (plain ASCII counts, "" for a
    blank; ``digits`` the counts joined) kept as ``Entry.counts`` — unless a count is too long to be
    one (``MAX_NUMBER_DIGITS``): then its values are ``Value``s, left to ``TableRead.put_row`` to judge."""
    entry = Entry(block, label, texts, True, True, (), (), (), (texts, lines))
    if len(digits) <= MAX_NUMBER_DIGITS or max(map(len, texts)) <= MAX_NUMBER_DIGITS:
        return entry
    return Entry(block, label, values_of(entry), True, True)


@lru_cache(maxsize=8192)
def _is_label_cell(cell: str) -> bool:
    """A cell that ``_row_values`` reads as (part of) a row's label: text, not a Chinese numeral."""
    return classify_cell(cell) == "text" and not _is_numeral(cell)


def _split_numbers(cells: list[str], kinds: list[str], lines: list[int]) -> tuple[list[str], list[str], list[int]]:
    out_cells: list[str] = []
    out_kinds: list[str] = []
    out_lines: list[int] = []
    for c, k, ln in zip(cells, kinds, lines, strict=True):
        if k == "numbers":
            toks = unicodedata.normalize("NFKC", c).split()
            out_cells += toks
            out_kinds += ["number"] * len(toks)
            out_lines += [ln] * len(toks)
        else:
            out_cells.append(c)
            out_kinds.append(k)
            out_lines.append(ln)
    return out_cells, out_kinds, out_lines


def entry_of(block: Block) -> Entry:
    """Split a block into its label text and its trailing value cells."""
    if block.kind == "row":
        return _row_entry(block)
    text = block.cells[0]
    if _is_prose(text):
        return Entry(block, text, [], False, False)
    toks = text.split()
    n = end = len(toks)
    # a Chinese numeral among the trailing values ("5 二 0") is one more value; whether the
    # run can be placed is then decided by its count (``value_cells``)
    while end > 0:
        tok = toks[end - 1]
        if not (_value_token_cached(tok) if len(tok) <= CACHED_LENGTH else is_value_token(tok)) \
                and (end == n or _CN_NUMERAL.match(tok) is None):
            break
        end -= 1
    if end == n:  # no value: a label-only entry
        return Entry(block, "".join(toks), [], False, False)
    kinds = classify_cells(toks[end:])  # label text where a value belongs is "bad" (``_VALUE_KIND``)
    values = list(zip(toks[end:], map(_VALUE_KIND.get, kinds, kinds), repeat(block.line)))
    return new_entry(block, "".join(toks[:end]), values, False)


_value_token_cached = lru_cache(maxsize=8192)(is_value_token)


def value_cells(entry: Entry, width: int) -> list[Value] | None:
    """The run's ``width`` values in column order, or None when positions are uncertain."""
    vals = values_of(entry)
    n = len(vals)
    if n == width:  # the common case: nothing to trim
        return list(vals)
    if n < width or not entry.explicit:
        return None
    end = n
    while end > width and vals[end - 1][1] == "blank":
        end -= 1
    start = 0
    while end - start > width and vals[start][1] == "blank":
        start += 1
    return vals[start:end] if end - start == width else None


def entries_of(blocks: list[Block]) -> list[Entry]:
    """``entry_of`` of every block, the common ones made at once: a row of label cells and plain
    counts (``_plain_row``), and a paragraph line of one word — no whitespace (its text printable,
    without a space) — that is no value: a label-only entry (``entry_of``'s one token, prose or not)."""
    out: list[Entry] = []
    for b in blocks:
        if b.kind == "row":
            if len(b.cells) == len(b.cell_lines):
                out.append(_plain_row(b.cells, b.cell_lines, b) or _other_row(b, b.cells, b.cell_lines))
                continue
        else:
            text = b.cells[0]
            if text and " " not in text and text.isprintable() and len(text) <= CACHED_LENGTH \
                    and not _value_token_cached(text):
                out.append(Entry(b, text, [], False, False))
                continue
        if b.kind != "row" and b.cells[0].count(" ") >= 3 and "。" not in b.cells[0]:
            runs = _squashed_runs(b, b.cells[0].split())
            if runs is not None:
                out += runs
                continue
        out.append(entry_of(b))
    return out


_COUNT_UNITS = frozenset("件条个次项人户家份元万亿%％")


def _squashed_runs(block: Block, toks: list[str]) -> list[Entry] | None:
    """The runs of a text line that holds several rows one after another, each a label and its
    values ("规章 0 0 0 行政规范性文件 0 0 0 第二十条第（五）项 …": a table whose line breaks were
    lost); None when the line holds values in fewer than two places (``entry_of`` then reads it as
    one run, as before).

    Tokens alternate between label text and values; a Chinese numeral right after a value is one
    more value ("5 二 0"), as in ``entry_of``. Each label with the values after it is one run (a
    leading run without a label is a bare run, a trailing label without values a label-only entry),
    so every row keeps its own values and no value is moved to another row's label."""
    kinds = [
        _value_token_cached(t) if len(t) <= CACHED_LENGTH else is_value_token(t) for t in toks
    ]
    for i in range(1, len(toks)):
        if not kinds[i] and kinds[i - 1] and _CN_NUMERAL.match(toks[i]) is not None:
            kinds[i] = True
    # where each run of values starts and ends
    starts = [i for i, k in enumerate(kinds) if k and (i == 0 or not kinds[i - 1])]
    if len(starts) < 2:
        return None
    ends = [i for i, k in enumerate(kinds) if k and (i + 1 == len(kinds) or not kinds[i + 1])]
    # a table's rows hold 3 (表二（一）), 7 (表三) or 5/15 (表四) values: a line whose runs are all
    # single counts is prose ("行政规范性文件 13 件；规划计划文件 2 件"), and so is one where a
    # count unit follows a run ("13 件")
    if max(e - b for b, e in zip(starts, ends, strict=True)) < 2:
        return None
    if any(e + 1 < len(toks) and toks[e + 1][0] in _COUNT_UNITS for e in ends):
        return None
    out: list[Entry] = []
    i, n = 0, len(toks)
    while i < n:
        j = i
        while j < n and not kinds[j]:
            j += 1
        k = j
        while k < n and kinds[k]:
            k += 1
        label = "".join(toks[i:j])
        if k == j:
            out.append(Entry(block, label, [], False, False))
        else:
            vals = toks[j:k]
            vkinds = classify_cells(vals)
            values = list(zip(vals, map(_VALUE_KIND.get, vkinds, vkinds), repeat(block.line)))
            out.append(new_entry(block, label, values, False))
        i = k
    return out


_LABEL = attrgetter("label")


def merge_split_runs(entries: list[Entry], width: int) -> list[Entry]:
    """Join consecutive label-less runs that only together hold ``width`` values."""
    labels = list(map(_LABEL, entries))
    if "" not in labels:  # no label-less run: nothing to join (most tables)
        return list(entries)
    i = labels.index("")  # the entries before the first label-less one stay as they are
    out: list[Entry] = entries[:i]
    n = len(entries)
    while i < n:
        e = entries[i]
        if e.values and not e.label and len(e.values) < width:
            total = len(e.values)
            j = i + 1
            while j < n and entries[j].values and not entries[j].label and total < width:
                total += len(entries[j].values)
                j += 1
            if total == width and j - i > 1:
                merged = new_entry(e.block, "", [v for x in entries[i:j] for v in values_of(x)], False,
                               [x.block for x in entries[i + 1 : j]])
                out.append(merged)
                i = j
                continue
        out.append(e)
        i += 1
    return out


def _best(specs: Sequence[RowSpec], grams: frozenset[str]) -> tuple[float, RowSpec | None, float]:
    if isinstance(specs, RowSpecs):
        return specs.best(grams)
    best, second, spec = 0.0, 0.0, None
    for s in specs:
        sc = s.score(grams)
        if sc > best:
            best, second, spec = sc, best, s
        elif sc > second:
            second = sc
    return best, spec, second


def _best_label(specs: Sequence[RowSpec], label: str) -> tuple[float, RowSpec | None, float]:
    """``_best`` of a label's bigrams, remembered per label by the table's ``RowSpecs`` (labels recur).
    For a text that is already a comparison key (``norm_key``) it is ``_best`` of its own bigrams:
    ``norm_key`` leaves a key as it is."""
    if isinstance(specs, RowSpecs):
        return specs.best_label(label)
    return _best(specs, label_grams(label))


def _attach_context(entries: list[Entry], specs: Sequence[RowSpec]) -> list[Entry]:
    """Give label-only text between runs to the run above (while it completes it) or below."""
    runs: list[Entry] = []
    pending: list[str] = []
    post: list[str] = []  # the last run's ``post``
    known = specs._by_label if isinstance(specs, RowSpecs) else {}
    for e in entries:
        if e.values and not e.has_value:  # a row of blanks counts only when its label is a row's
            best, _, second = known.get(e.label) or _best_label(specs, e.label)
            if best < MATCH or best - second < MARGIN:
                e = Entry(e.block, e.label, [], e.explicit, False)
        if e.values:  # a run
            e.pre = pending
            e.post = post = []
            pending = []
            runs.append(e)
            continue
        if "。" in e.label or len(e.label) > 80:  # ``_is_prose``
            continue
        text = _norm_key_cached(e.label) if len(e.label) <= CACHED_LENGTH else norm_key(e.label)
        if not text:
            continue
        if runs and not pending:
            last = runs[-1]
            before = norm_key("".join([*last.pre, last.label, *last.post]))
            score, spec, _ = known.get(before) or _best_label(specs, before)  # (``before`` is a key already)
            # the text continues the label this run already half-matches ("…只计这一情" + "形，不计其他情形）")
            if spec is not None and 0.3 <= score < 0.999 and spec.score(bigrams(before + text)) > score + 1e-9:
                post.append(text)  # (``last.post``)
                continue
        pending.append(text)
    return runs


_ENTRY = attrgetter("entry")


@dataclass
class Placement:
    """A run placed on a row of the official table."""

    entry: Entry
    spec: RowSpec
    inline: bool  # placed by its own label, not by the text around it


def align(entries: list[Entry], specs: Sequence[RowSpec], *, ordered: bool) -> tuple[dict[str, Placement], list[Entry]]:
    """Place runs on rows. Returns (row key → placement, runs left unplaced)."""
    if isinstance(specs, RowSpecs):
        by_labels = _placed_by_labels(entries, specs)
        if by_labels is not None:
            return by_labels, []
    runs = _attach_context(entries, specs)
    candidates: list[Placement] = []
    known = specs._by_label if isinstance(specs, RowSpecs) else {}
    for run in runs:
        if ("计" in run.label and is_subtotal(run.label)) or (not run.label and is_subtotal("".join(run.pre))):
            continue
        best, spec, second = known.get(run.label) or _best_label(specs, run.label)
        if spec is not None and best >= MATCH and best - second >= MARGIN:
            candidates.append(Placement(run, spec, True))
            continue
        if not run.has_value:
            continue
        ctx = norm_key("".join([*run.pre, run.label, *run.post]))
        best, spec, second = known.get(ctx) or _best_label(specs, ctx)  # (``ctx`` is a key already)
        if spec is not None and best >= MATCH and best - second >= MARGIN:
            candidates.append(Placement(run, spec, False))
    by_key: dict[str, list[Placement]] = {}
    for p in candidates:
        by_key.setdefault(p.spec.key, []).append(p)
    placed: dict[str, Placement] = {}
    for key, ps in by_key.items():
        for p in ps:  # the first placed by its own label, else the only one
            if p.inline:
                placed[key] = p
                break
        else:
            if len(ps) == 1:
                placed[key] = ps[0]
    if ordered:
        _drop_out_of_order(placed, specs, runs)
    used = set(map(id, map(_ENTRY, placed.values())))
    return placed, [r for r in runs if r.has_value and id(r) not in used]


def _placed_by_labels(entries: list[Entry], specs: RowSpecs) -> dict[str, Placement] | None:
    """``align`` of a table whose every run is placed by its own label, each on a row of its own
    (the common well-formed table), in one pass; None when some run is not (``align`` decides).

    Then ``align`` gives exactly this: every run is a candidate placed by its own label (inline),
    no two on one row, so each is placed and none is dropped as out of order or left loose; the
    label-only text between runs (``_attach_context``) only serves runs placed by their context.
    A row of blanks whose label is no row's is label text (``_attach_context``): skipped here."""
    known = specs._by_label
    placed: dict[str, Placement] = {}
    for e in entries:
        if not e.values:
            continue
        label = e.label
        best, spec, second = known.get(label) or specs.best_label(label)
        inline = spec is not None and best >= MATCH and best - second >= MARGIN
        if not e.has_value:  # a row of blanks: on its label's row, else label text; a subtotal: neither
            if not inline or ("计" in label and is_subtotal(label)):
                continue
        elif not inline or not label or ("计" in label and is_subtotal(label)):
            return None  # a run placed by its context, if at all, or a loose one
        assert spec is not None  # (``inline``)
        if spec.key in placed:
            return None
        placed[spec.key] = Placement(e, spec, True)
    return placed


def _drop_out_of_order(placed: dict[str, Placement], specs: Sequence[RowSpec], runs: list[Entry]) -> None:
    """Drop each run placed by its context that stands out of the table's order: after a run placed
    by its own label on the same or a later row, or before one on the same or an earlier row.

    The runs placed by their own labels (anchors) are taken in the order they stand; the latest
    row among those before a run and the earliest among those after it decide (a run is placed
    once, so no anchor stands where it stands)."""
    order = specs.order if isinstance(specs, RowSpecs) else {s.key: i for i, s in enumerate(specs)}
    position = dict(zip(map(id, runs), count()))  # (in one C loop)
    anchors = sorted([(position[id(p.entry)], order[k]) for k, p in placed.items() if p.inline])
    if len(anchors) == len(placed):
        return  # every run placed by its own label
    at = [pos for pos, _ in anchors]
    rows = [idx for _, idx in anchors]
    for key, p in list(placed.items()):
        if p.inline:
            continue
        pos, idx = position[id(p.entry)], order[key]
        cut = bisect_left(at, pos)  # anchors[:cut] stand before the run, anchors[cut:] after it
        if max(rows[:cut], default=-1) >= idx or min(rows[cut:], default=idx + 1) <= idx:
            del placed[key]


def raw_of(entry: Entry) -> str:
    """The source text of a run, for quoting in messages."""
    more = entry.extra_blocks  # (clean turns TABs into spaces too)
    if more:
        text = clean(" ".join(b.raw for b in (entry.block, *more)))
    else:
        text = entry.block.clean_raw or clean(entry.block.raw)
    if not entry.label and entry.pre:  # bare values whose label stood on the lines above
        text = f"{entry.pre[-1]} {text}".strip()
    return text or compact(entry.label)
