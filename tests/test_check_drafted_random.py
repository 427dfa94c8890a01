"""The drafter ↔ checker contract on many seeded random datasets: every drafted report, written
to Markdown and read back, checks clean against its data (no error, no warning), and a changed
prose number or cell in it is caught."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from draft_report.checking import check_document
from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading.dataset import Dataset, typed_aggregates
from draft_report.logs.aggregates import Aggregates
from draft_report.models.data import ReportData
from draft_report.reading import read_text
from draft_report.rendering.markdown import render_markdown
from draft_report.tables import layout as L

CHANNELS = ("政府网站", "微信公众号", "政务微博")
COLUMNS = ("工作动态", "通知公告", "政策文件")
KINDS = ("培训", "政策解读", "新闻发布会", "检查")


def random_data(seed: int) -> ReportData:
    rng = random.Random(seed)

    def n(hi: int) -> int:
        return rng.choice((0, 0, rng.randint(1, hi)))

    issued = n(4)
    paid = rng.randint(0, issued)
    t3: dict[str, dict[str, int]] = {}
    for col in L.T3_PART_COLUMNS:
        results = {r.id: n(40) for r in L.T3_RESULT_ROWS}
        # 逾期未缴费: only requests whose fee notice was not paid (F3/F4 hold)
        results["r3_6_2"] = issued - paid if col.id == "np" else 0
        closed = sum(results.values())
        carry_in = n(5)
        carry_out = n(5)
        new = max(0, closed + carry_out - carry_in)
        carry_out = new + carry_in - closed  # keep H1 exact
        for rid, v in {**results, "r1_new": new, "r2_carry_in": carry_in, "r4_carry_out": carry_out}.items():
            t3.setdefault(rid, {})[col.id] = v
    t4 = {g.id: {c.id: n(6) for c in L.T4_PART_COLUMNS} for g in L.T4_GROUPS}
    made, repealed = n(8), n(3)
    amount = 10 * rng.randint(1, 90) * issued
    return ReportData.model_validate({
        "agency": {"name": rng.choice(("某县农业农村局", "某市人民政府", "某区司法局")),
                   "kind": "部门"},
        "year": rng.choice((2023, 2024)),
        "table2": {"reg": {"made": 0, "repealed": 0, "valid": 0},
                   "norm": {"made": made, "repealed": repealed, "valid": made + n(30)},
                   "licensing": {"decisions": n(5000)}, "penalty": {"decisions": n(900)},
                   "coercion": {"decisions": n(50)}, "fees": {"amount_wan": 0}},
        "table3": t3,
        "table4": t4,
        "problems": ["政策解读形式较为单一", "答复文书规范性有待提高"],
        "measures": ["丰富解读形式", "规范答复文书"],
        "fees": {"notices_issued": issued, "notices_amount_yuan": amount if issued else 0,
                 "collected_yuan": (amount // max(issued, 1)) * paid if issued else 0, "notices_paid": paid},
        "activity": {
            "publications": [{"channel": ch, "column": col, "count": rng.randint(1, 300)}
                             for ch in rng.sample(CHANNELS, rng.randint(1, 3))
                             for col in rng.sample(COLUMNS, rng.randint(1, 2))],
            "events": [{"kind": k, "count": rng.randint(1, 9), "participants": rng.choice((None, rng.randint(10, 300)))}
                       for k in rng.sample(KINDS, rng.randint(0, 4))],
        },
    })


def dataset(seed: int) -> Dataset:
    data = random_data(seed)
    return Dataset(data=data, aggregates=Aggregates(typed_aggregates(data)), path=Path(f"random-{seed}.yaml"))


@pytest.mark.parametrize("seed", range(12))
def test_drafted_report_is_clean_against_its_data(seed: int) -> None:
    ds = dataset(seed)
    md = render_markdown(compose_document(ds, OfflineDrafter()))
    result = check_document(read_text(md, source="report.md", fmt="markdown"), ds)
    bad = [(f.rule, f.message) for f in result.findings if f.severity != "info"]
    assert bad == []


@pytest.mark.parametrize("seed", range(12))
def test_changed_number_in_drafted_report_is_caught(seed: int) -> None:
    ds = dataset(seed)
    md = render_markdown(compose_document(ds, OfflineDrafter()))
    doc = read_text(md, source="report.md", fmt="markdown")
    base = {f.key() for f in check_document(doc, ds).findings}
    rng = random.Random(seed)
    # a prose number of section 一 (the first “N件/条/次” after the heading)
    head = md.index("## 一、")
    m = next(re.finditer(r"(\d+)(件|条|次|场)", md[head:]), None)
    if m is not None:
        old = int(m.group(1))
        new = old + rng.randint(1, 9)
        at = head + m.start(1)
        mutated = md[:at] + str(new) + md[at + len(m.group(1)):]
        result = check_document(read_text(mutated, source="report.md", fmt="markdown"), ds)
        assert any(f.key() not in base and f.rule in ("prose.mismatch", "prose.zero_claim") for f in result.findings)
    # one table cell
    cell = rng.choice([c for c in L.all_cell_ids() if not c.startswith("t2.fees")])
    pattern = re.compile(rf'(data-cell="{re.escape(cell)}"[^>]*>)(\d+)<')
    m2 = pattern.search(md)
    assert m2 is not None
    mutated = md[: m2.start(2)] + str(int(m2.group(2)) + 1) + md[m2.end(2):]
    result = check_document(read_text(mutated, source="report.md", fmt="markdown"), ds)
    assert any(f.rule == "data.cell_mismatch" and f.location.cell_id == cell for f in result.findings)
