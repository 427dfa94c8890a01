"""A small fixed slice of the phrasing bank (bench/bank_bench.py runs all of it): true sentences add
no error or warning to a real report, a sentence with one wrong number adds one."""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bank_bench as BB  # noqa: E402
import phrasing_bank as B  # noqa: E402

REPORTS = (ROOT / "tests/fixtures/real_reports/huaian_2024.txt",
           ROOT / "tests/fixtures/real_reports/shuyang-fagaiju_2023.txt")
# every third template of the tuning split (the held-out split is never used for tests or tuning)
SLICE = tuple(t for t in B.TEMPLATES if not B.held_out(t.id))[::3]


def test_the_split_is_fixed_and_both_parts_are_used() -> None:
    held = [t.id for t in B.TEMPLATES if B.held_out(t.id)]
    assert 0.15 <= len(held) / len(B.TEMPLATES) <= 0.35
    assert B.held_out(held[0]) and len({t.id for t in B.TEMPLATES}) == len(B.TEMPLATES)


def test_render_gives_a_true_and_a_wrong_sentence() -> None:
    values = {"N": 21.0, "T": 23.0, "C": 2.0}
    t = next(t for t in B.TEMPLATES if t.id == "received_total:1")
    r = B.render(t, values, 2023, random.Random(0))
    assert r is not None and r.true == "全年共受理政府信息公开申请23件（含上年结转2件）。"
    assert r.wrong is not None and r.wrong != r.true


def test_slice_true_sentences_silent_and_wrong_ones_caught() -> None:
    out = BB.run(seeds=1, templates=SLICE, reports=REPORTS)
    st = out["stats"]["tuning"]
    assert st["true"] >= 30 and st["wrong"] >= 30
    assert st["alarms"] == 0, out["failures"]["tuning"]
    assert st["caught"] == st["wrong"], out["failures"]["tuning"]
