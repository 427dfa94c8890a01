"""One root cause, one finding: a single changed table cell gives one table finding naming it
(表三 always when its identities can be evaluated; every table with --data), never a finding
that blames a total for another cell's change."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import mutations as M  # noqa: E402
import table_findings as T  # noqa: E402

from draft_report.checking import check_document  # noqa: E402
from draft_report.tables import identities as I  # noqa: E402

REPORTS = {p.name: p for p in T.REPORTS}


def _evaluable(doc, cid: str) -> int:
    """How many identities containing ``cid`` the unmutated report lets us evaluate."""
    idents = [i for i in I.identities_for(doc.tables.table3_layout) if cid in (*i.lhs, *i.rhs)]
    return sum(None not in i.evaluate(doc.tables.get) for i in idents)


@pytest.mark.parametrize("name", ["huaian_2024.txt", "huaian-hongze_2024.txt", "xiaxian_2023.txt",
                                  "base_2023.txt", "qinglan-scj_2020.txt"])
def test_single_cell_changes_give_one_finding_naming_the_cell(name: str) -> None:
    text = REPORTS[name].read_text(encoding="utf-8")
    doc = M.read(text)
    dataset = T.as_dataset(doc)
    base_plain, base_data = check_document(doc), check_document(doc, dataset)
    rng = random.Random(f"causes:{name}")
    checked = 0
    for prefix in ("t2.", "t3.", "t4."):
        ids = [c for c, v in doc.tables.cells().items() if c.startswith(prefix) and isinstance(v, int)]
        rng.shuffle(ids)
        for cid in ids[:4]:
            mutated = T.mutate_cell(text, doc, cid, rng)
            if mutated is None:
                continue
            checked += 1
            mdoc = M.read(mutated)
            with_data = T.score(cid, base_data, check_document(mdoc, dataset))
            assert with_data["table_one_naming"], (cid, "with data")
            plain = T.score(cid, base_plain, check_document(mdoc))
            assert not plain["blames_other_total"], cid
            if prefix == "t3." and _evaluable(doc, cid) >= 2:
                assert plain["table_one_naming"], cid
            elif prefix == "t4.":
                assert plain["table_one"], cid  # one finding for the group, naming no wrong cell
    assert checked >= 8


def test_prose_decides_which_table4_cell_is_wrong() -> None:
    """表四 行政复议 结果维持 72 → 76 in huaian 2024: the prose says “结果维持 72 件”, the other cells
    agree with 72: one finding naming 结果维持, and no separate prose mismatch."""
    text = REPORTS["huaian_2024.txt"].read_text(encoding="utf-8")
    doc = M.read(text)
    mutated = T.mutate_cell(text, doc, "t4.rv.keep", random.Random(3))
    assert mutated is not None
    result = check_document(M.read(mutated))
    new = [f for f in result.findings if f.severity != "info"]
    assert [(f.rule, f.location.cell_id) for f in new] == [("table.identity.H4", "t4.rv.keep")]
    assert new[0].expected == "72" and "文中" in new[0].message


def test_data_mismatch_names_the_identities_it_breaks() -> None:
    text = REPORTS["huaian_2024.txt"].read_text(encoding="utf-8")
    doc = M.read(text)
    mutated = text.replace("（一）予以公开\t1288", "（一）予以公开\t1290", 1)
    mdoc = M.read(mutated)
    assert mdoc.tables.get("t3.r3_1_open.np") == 1290
    result = check_document(mdoc, T.as_dataset(doc))
    errors = [f for f in result.findings if f.severity == "error"]
    assert [(f.rule, f.location.cell_id) for f in errors] == [("data.cell_mismatch", "t3.r3_1_open.np")]
    assert "2 项勾稽关系不成立" in errors[0].message
