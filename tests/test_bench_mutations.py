"""The bench's mutations are honest: seeded, generated from the text, verified to differ, and a
mutation only counts as detected through a finding the unmutated report did not have."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import check_bench as B  # noqa: E402
import mutations as M  # noqa: E402

from draft_report.checking import check_document  # noqa: E402

HUAIAN = ROOT / "tests" / "fixtures" / "real_reports" / "huaian_2024.txt"


@pytest.fixture(scope="module")
def base():
    text = HUAIAN.read_text(encoding="utf-8")
    doc = M.read(text)
    return text, doc, check_document(doc)


def test_table_mutant_changes_exactly_one_cell(base) -> None:
    text, doc, _ = base
    m = M.table_cell(text, doc, random.Random(1))
    assert m is not None and m.text != text
    before, after = doc.tables.cells(), M.read(m.text).tables.cells()
    changed = [c for c in before if before[c] != after[c]]
    assert len(changed) == 1 and changed[0].startswith(("t3.", "t4."))


def test_mutants_are_seeded(base) -> None:
    text, doc, _ = base
    a = M.false_zero(text, doc, random.Random("x"))
    b = M.false_zero(text, doc, random.Random("x"))
    assert a is not None and b is not None and a.text == b.text


@pytest.mark.parametrize("kind", M.KINDS)
def test_every_kind_applies_to_huaian_and_is_detected_as_new(base, kind: str) -> None:
    text, doc, result = base
    verified = M.verified_claims(doc, set())
    mutant = B.make_mutant(kind, text, doc, random.Random(7), verified)
    assert mutant is not None and mutant.text != text
    mdoc = M.read(mutant.text)
    mresult = check_document(mdoc, B.as_dataset(doc)) if kind == "table_cell_data" else check_document(mdoc)
    base_result = check_document(doc, B.as_dataset(doc)) if kind == "table_cell_data" else result
    keys = {f.key() for f in base_result.findings}
    assert B.detected(kind, keys, mresult)
    # the unmutated report is never "detected" against itself
    assert not B.detected(kind, keys, base_result)


def test_inapplicable_mutations_return_none() -> None:
    text = (ROOT / "tests" / "fixtures" / "seeds" / "xiaxian_2023.txt").read_text(encoding="utf-8")
    doc = M.read(text)
    assert M.false_zero(text, doc, random.Random(0)) is None  # 表三 is all zeros
    assert M.fee_delete(text, doc, random.Random(0)) is None  # no fee statement to delete


def test_false_errors_count_only_unlisted_errors() -> None:
    text = (ROOT / "tests" / "fixtures" / "real_reports" / "huaian-hongze_2023.txt").read_text(encoding="utf-8")
    result = check_document(M.read(text))
    false, missing = B.false_errors("huaian-hongze_2023.txt", result)
    assert false == [] and missing == []
    false, missing = B.false_errors("some-other.txt", result)
    assert len(false) == 2 and missing == []
