"""``claims.sentences`` (one ``findall``, offsets by running length) splits as the delimiter scan does."""

from __future__ import annotations

import random
from collections.abc import Iterator

from draft_report.checking.claims import sentences
from draft_report.lexicon.numerals import SENTENCE_END


def _reference(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for m in SENTENCE_END.finditer(text):
        piece = text[start : m.end()]
        if piece.strip():
            yield start, piece
        start = m.end()
    if text[start:].strip():
        yield start, text[start:]


def test_same_pieces_and_offsets_as_the_delimiter_scan() -> None:
    rng = random.Random(14)
    alphabet = [*"。！？!?；;\n \t\u3000ab中文3件", "受理申请"]
    texts = ["", "\n", "受理申请3件。办结2件；", "  \n\n受理3件", *(
        "".join(rng.choices(alphabet, k=rng.randint(0, 20))) for _ in range(5000))]
    for text in texts:
        assert list(sentences(text)) == list(_reference(text)), repr(text)
