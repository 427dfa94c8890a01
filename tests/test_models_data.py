"""Input model: totals derived when omitted, validated when given; blank is not zero; counts ≥ 0."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from draft_report.loading.template import data_template
from draft_report.models.data import ReportData
from draft_report.tables import layout as L
from parsed_once import yaml_of


def base() -> dict[str, Any]:
    """The init template: all cells 0, totals omitted."""
    return yaml_of(data_template(folder="x", agency="测试局", year=2024))


def with_cells(**cells: int | float | None) -> dict[str, Any]:
    raw = base()
    for key, value in cells.items():
        table, row, col = key.split("__")
        raw[table].setdefault(row, {})[col] = value
    return raw


def test_template_data_is_valid_and_all_totals_are_derived() -> None:
    data = ReportData.model_validate(base())
    tables = data.tables()
    assert all(v == 0 for v in tables.cells().values())
    assert all(v is not None for v in tables.cells().values())


def test_table3_totals_are_derived_from_parts() -> None:
    raw = with_cells(
        table3__r1_new__np=3,
        table3__r1_new__biz=2,
        table3__r3_1_open__np=2,
        table3__r3_4_1__biz=2,
        table3__r4_carry_out__np=1,
    )
    t3 = ReportData.model_validate(raw).table3
    assert t3.get("t3.r1_new.total") == 5
    assert t3.get("t3.r3_7_total.np") == 2
    assert t3.get("t3.r3_7_total.biz") == 2
    assert t3.get("t3.r3_7_total.total") == 4
    assert t3.get("t3.r4_carry_out.total") == 1


def test_table4_totals_are_derived() -> None:
    raw = with_cells(table4__rv__keep=2, table4__rv__pending=1, table4__lr__fix=1)
    t4 = ReportData.model_validate(raw).table4
    assert (t4.get("t4.rv.total"), t4.get("t4.ld.total"), t4.get("t4.lr.total")) == (3, 0, 1)


def test_given_totals_that_match_are_accepted() -> None:
    raw = with_cells(
        table3__r1_new__np=1,
        table3__r1_new__total=1,
        table3__r3_1_open__np=1,
        table4__rv__fix=1,
        table4__rv__total=1,
    )
    data = ReportData.model_validate(raw)
    assert data.table3.get("t3.r3_7_total.total") == 1


@pytest.mark.parametrize(
    ("cells", "named"),
    [
        (
            {"table3__r1_new__np": 1, "table3__r3_1_open__np": 1, "table3__r1_new__total": 2},
            "表三“一、本年新收政府信息公开申请数量”行“总计”列",
        ),
        (
            {"table3__r1_new__np": 1, "table3__r3_1_open__np": 1, "table3__r3_7_total__np": 2},
            "表三“（七）总计”行“自然人”列",
        ),
        ({"table4__rv__keep": 1, "table4__rv__total": 3}, "表四“行政复议”行“总计”列"),
    ],
)
def test_total_not_equal_to_its_parts_names_the_cell(cells: dict[str, int], named: str) -> None:
    with pytest.raises(ValidationError) as err:
        ReportData.model_validate(with_cells(**cells))
    assert named in str(err.value)
    assert "勾稽关系" in str(err.value)


def test_carry_over_identity_h1_is_enforced() -> None:
    # 1 new request, no result and no carry-out: 一 + 二 ≠ （七） + 四
    with pytest.raises(ValidationError) as err:
        ReportData.model_validate(with_cells(table3__r1_new__np=1))
    assert "第一项加第二项" in str(err.value) or "一（本年新收）+ 二（上年结转）" in str(err.value)


@pytest.mark.parametrize("key", ["table3__r3_3_4__law", "table2__reg__made", "table4__ld__other"])
def test_blank_cell_is_not_zero(key: str) -> None:
    with pytest.raises(ValidationError) as err:
        ReportData.model_validate(with_cells(**{key: None}))
    table, row, col = key.split("__")
    cid = f"t{table[-1]}.{row}.{col}"
    assert L.describe_cell(cid) in str(err.value)
    assert "空白不等于 0" in str(err.value)


def test_negative_count_is_rejected() -> None:
    with pytest.raises(ValidationError) as err:
        ReportData.model_validate(with_cells(table3__r2_carry_in__sci=-1))
    assert err.value.errors()[0]["loc"] == ("table3", "r2_carry_in", "sci")


def test_fee_cell_of_table2_may_be_decimal_but_counts_may_not() -> None:
    data = ReportData.model_validate(with_cells(table2__fees__amount_wan=96171.6))
    assert data.table2.get("t2.fees.amount_wan") == pytest.approx(96171.6)
    with pytest.raises(ValidationError):
        ReportData.model_validate(with_cells(table2__penalty__decisions=1.5))


def test_missing_agency_name_and_year() -> None:
    raw = base()
    del raw["year"]
    raw["agency"] = {"kind": "部门"}
    with pytest.raises(ValidationError) as err:
        ReportData.model_validate(raw)
    locs = {e["loc"] for e in err.value.errors()}
    assert ("year",) in locs and ("agency", "name") in locs


def test_agency_kind_is_department_or_government() -> None:
    raw = base()
    raw["agency"]["kind"] = "事业单位"
    with pytest.raises(ValidationError):
        ReportData.model_validate(raw)
    raw["agency"]["kind"] = "人民政府"
    assert ReportData.model_validate(raw).agency.kind == "人民政府"


def test_publication_date_must_follow_the_report_year() -> None:
    raw = base()
    raw["publication_date"] = dt.date(2024, 1, 20)
    with pytest.raises(ValidationError) as err:
        ReportData.model_validate(raw)
    assert "publication_date" in str(err.value)
    raw["publication_date"] = dt.date(2025, 1, 20)
    assert ReportData.model_validate(raw).publication_date == dt.date(2025, 1, 20)


@pytest.mark.parametrize(
    ("fees", "field"),
    [
        ({"notices_issued": 0, "notices_amount_yuan": 100}, "notices_amount_yuan"),
        ({"notices_issued": 0, "collected_yuan": 100}, "collected_yuan"),
        ({"notices_issued": 1, "notices_amount_yuan": 100, "collected_yuan": 200}, "collected_yuan"),
        ({"notices_issued": 1, "notices_amount_yuan": 100, "notices_paid": 2}, "notices_paid"),
        ({"notices_issued": -1}, None),
        ({"standard": "按年"}, None),
    ],
)
def test_fee_rules(fees: dict[str, Any], field: str | None) -> None:
    raw = base()
    raw["fees"] = fees
    with pytest.raises(ValidationError) as err:
        ReportData.model_validate(raw)
    if field:
        assert field in str(err.value)


def test_fees_consistent() -> None:
    raw = base()
    raw["fees"] = {
        "standard": "按件",
        "notices_issued": 2,
        "notices_amount_yuan": 500,
        "collected_yuan": 120,
        "notices_paid": 1,
    }
    assert ReportData.model_validate(raw).fees.collected_yuan == 120


def test_activity_counts_are_non_negative_integers() -> None:
    raw = base()
    raw["activity"] = {"publications": [{"channel": "政务网站", "column": "工作动态", "count": 37}]}
    assert ReportData.model_validate(raw).activity.publications[0].count == 37
    for bad in (-1, 2.5):
        broken = copy.deepcopy(raw)
        broken["activity"]["publications"][0]["count"] = bad
        with pytest.raises(ValidationError):
            ReportData.model_validate(broken)
    raw["activity"] = {"events": [{"kind": "培训", "count": 2, "participants": -3}]}
    with pytest.raises(ValidationError):
        ReportData.model_validate(raw)


def test_unknown_field_is_rejected() -> None:
    raw = base()
    raw["tabel3"] = {}
    with pytest.raises(ValidationError) as err:
        ReportData.model_validate(raw)
    assert err.value.errors()[0]["type"] == "extra_forbidden"


def test_tables_missing_when_neither_given_nor_derived() -> None:
    raw = base()
    del raw["table3"]
    data = ReportData.model_validate(raw)
    with pytest.raises(ValueError, match="table3"):
        data.tables()
