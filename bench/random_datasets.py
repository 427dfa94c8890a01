"""Seeded random datasets (consistent tables, fees, publication and event counts) for drafting
reports the checker must pass, in the bench and in tests/test_check_drafted_random.py."""

from __future__ import annotations

import random
from pathlib import Path

from draft_report.loading.dataset import Dataset, typed_aggregates
from draft_report.logs.aggregates import Aggregates
from draft_report.models.data import ReportData
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
