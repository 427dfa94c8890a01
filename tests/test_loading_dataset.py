"""load_dataset: data file + logs → Dataset; logs vs typed numbers; notices; the scjg-2024 example."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from draft_report.errors import InputError
from draft_report.loading import Dataset, load_dataset
from draft_report.loading.template import data_template
from draft_report.tables import layout as L
from parsed_once import yaml_of

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "scjg-2024"


def base() -> dict[str, Any]:
    return yaml_of(data_template(folder="x", agency="测试局", year=2024))


def save(folder: Path, raw: dict[str, Any], name: str = "data.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if name.endswith(".json"):
        path.write_text(json.dumps(raw, ensure_ascii=False, default=str), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def csv_file(folder: Path, name: str, header: str, *lines: str) -> None:
    (folder / name).write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8-sig")


def read_csv(name: str) -> list[dict[str, str]]:
    with (EXAMPLE / name).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# --- the example -------------------------------------------------------------


def test_example_loads_cleanly() -> None:
    ds = load_dataset(EXAMPLE)
    assert isinstance(ds, Dataset)
    assert ds.path == EXAMPLE / "data.yaml"
    assert ds.sources == {"table2": "数据文件", "table3": "requests.csv", "table4": "cases.csv"}
    assert ds.data.tables().cells()  # all three tables present
    assert all(v is not None for v in ds.data.tables().cells().values())


def test_example_table3_matches_an_independent_count_of_the_register() -> None:
    rows = read_csv("requests.csv")
    start, end = "2024-01-01", "2024-12-31"
    new = [r for r in rows if start <= r["收到日期"] <= end]
    carry_in = [r for r in rows if r["收到日期"] < start and (not r["办结日期"] or r["办结日期"] >= start)]
    open_at_end = [r for r in new + carry_in if not r["办结日期"] or r["办结日期"] > end]
    t3 = load_dataset(EXAMPLE).data.table3
    assert t3.get("t3.r1_new.total") == len(new)
    assert t3.get("t3.r2_carry_in.total") == len(carry_in) > 0
    assert t3.get("t3.r4_carry_out.total") == len(open_at_end) > 0
    assert t3.get("t3.r3_7_total.total") == len(new) + len(carry_in) - len(open_at_end)
    refusals = sum(t3.get(f"t3.{r.id}.total") for r in L.T3_RESULT_ROWS if r.category == "（三）不予公开")
    assert refusals >= 2
    assert t3.get("t3.r3_6_2.total") >= 1  # a fee notice that was not paid


def test_example_aggregates_match_the_logs() -> None:
    ds = load_dataset(EXAMPLE)
    pubs = [r for r in read_csv("publications.csv") if r["日期"].startswith("2024")]
    per_pair = Counter((r["渠道"], r["栏目"]) for r in pubs)
    assert ds.aggregates.get("publications.total") == len(pubs)
    for (channel, column), n in per_pair.items():
        assert ds.aggregates.get(f"publications.channel:{channel}.column:{column}") == n
    events = read_csv("events.csv")
    assert ds.aggregates.get("events.total") == len(events)
    for kind, n in Counter(r["类型"] for r in events).items():
        assert ds.aggregates.get(f"events.kind:{kind}") == n
    assert len(ds.records["publications"]) == len(pubs)


def test_example_notices_and_table4() -> None:
    ds = load_dataset(EXAMPLE)
    text = "\n".join(ds.notices)
    assert "publications.csv：1 条记录的日期不在 2024 年度内，已略去" in text
    assert "requests.csv：1 条记录不属于 2024 年度" in text
    assert ds.data.table4.get("t4.rv.total") >= 1
    assert ds.data.fees.notices_issued >= 1
    for value in (ds.data.fees.notices_amount_yuan, ds.data.fees.collected_yuan):
        assert value % 10 == 0
    assert ds.data.previous_problems and ds.data.problems and ds.data.measures


# --- typed numbers only --------------------------------------------------------


def test_folder_or_file_yaml_or_json(tmp_path: Path) -> None:
    raw = base()
    raw["activity"] = {"publications": [{"channel": "政务网站", "column": "工作动态", "count": 37}]}
    save(tmp_path / "a", raw)
    save(tmp_path / "b", raw, "data.json")
    for p in (tmp_path / "a", tmp_path / "a" / "data.yaml", tmp_path / "b"):
        ds = load_dataset(p)
        assert ds.aggregates.get("publications.channel:政务网站.column:工作动态") == 37
        assert ds.aggregates.get("publications.total") == 37
        assert ds.notices == []


def test_typed_events_give_aggregates(tmp_path: Path) -> None:
    raw = base()
    raw["activity"] = {
        "events": [{"kind": "培训", "count": 2, "participants": 60}, {"kind": "检查", "count": 1}]
    }
    ds = load_dataset(save(tmp_path, raw))
    assert ds.aggregates.get("events.kind:培训") == 2
    assert ds.aggregates.get("events.total") == 3
    assert ds.aggregates.get("events.kind:培训.participants") == 60


def test_table_missing_everywhere_is_an_error(tmp_path: Path) -> None:
    raw = base()
    del raw["table4"]
    with pytest.raises(InputError, match=r"缺少表四（table4）.*logs.cases"):
        load_dataset(save(tmp_path, raw))


def test_fee_not_a_multiple_of_ten_gives_a_notice(tmp_path: Path) -> None:
    raw = base()
    raw["fees"] = {"notices_issued": 1, "notices_amount_yuan": 385, "collected_yuan": 0}
    ds = load_dataset(save(tmp_path, raw))
    assert any("notices_amount_yuan" in n and "10 元的整数倍" in n for n in ds.notices)


# --- logs vs typed numbers -----------------------------------------------------

REQ_HEADER = "收到日期,申请人类型,办理结果,办结日期"


def with_register(tmp_path: Path, keep_table3: bool) -> dict[str, Any]:
    raw = base()
    raw["logs"] = {"requests": "requests.csv"}
    if not keep_table3:
        del raw["table3"]
    csv_file(
        tmp_path, "requests.csv", REQ_HEADER, "2023-12-30,自然人,,", "2024-02-01,商业企业,重复申请,2024-02-10"
    )
    return raw


def test_register_replaces_an_omitted_table3(tmp_path: Path) -> None:
    ds = load_dataset(save(tmp_path, with_register(tmp_path, keep_table3=False)))
    assert ds.sources["table3"] == "requests.csv"
    assert ds.data.table3.get("t3.r2_carry_in.np") == 1
    assert ds.data.table3.get("t3.r4_carry_out.np") == 1
    assert ds.data.table3.get("t3.r3_5_2.biz") == 1
    assert ds.data.table3.get("t3.r3_7_total.total") == 1
    assert len(ds.records["requests"]) == 2


def test_typed_table3_that_agrees_with_the_register_is_accepted(tmp_path: Path) -> None:
    raw = with_register(tmp_path, keep_table3=True)
    raw["table3"]["r2_carry_in"]["np"] = 1
    raw["table3"]["r4_carry_out"]["np"] = 1
    raw["table3"]["r1_new"]["biz"] = 1
    raw["table3"]["r3_5_2"]["biz"] = 1
    assert load_dataset(save(tmp_path, raw)).data.table3.get("t3.r1_new.total") == 1


def test_typed_table3_that_disagrees_names_both(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_dataset(save(tmp_path, with_register(tmp_path, keep_table3=True)))
    msg = str(err.value)
    assert "data.yaml" in msg and "requests.csv" in msg and "依申请公开登记台账" in msg
    assert "表三“一、本年新收政府信息公开申请数量”行“商业企业”列填写为 0" in msg
    assert "推算为 1" in msg


def test_typed_table4_that_disagrees_with_the_case_list(tmp_path: Path) -> None:
    raw = base()
    raw["logs"] = {"cases": "cases.csv"}
    csv_file(
        tmp_path,
        "cases.csv",
        "类型,是否经复议,结果,立案日期,审结日期",
        "行政复议,,纠正,2024-03-01,2024-05-01",
    )
    with pytest.raises(InputError, match=r"表四“行政复议”行“结果纠正”列填写为 0.*cases.csv 推算为 1"):
        load_dataset(save(tmp_path, raw))
    del raw["table4"]
    assert load_dataset(save(tmp_path, raw)).data.table4.get("t4.rv.fix") == 1


PUB_HEADER = "日期,渠道,栏目,标题"


def test_typed_publications_must_agree_with_the_log(tmp_path: Path) -> None:
    raw = base()
    raw["logs"] = {"publications": "pubs.csv"}
    raw["activity"] = {"publications": [{"channel": "政务网站", "column": "工作动态", "count": 3}]}
    csv_file(
        tmp_path, "pubs.csv", PUB_HEADER, "2024-01-02,政务网站,工作动态,a", "2024-01-03,政务网站,工作动态,b"
    )
    with pytest.raises(InputError) as err:
        load_dataset(save(tmp_path, raw))
    msg = str(err.value)
    assert (
        "activity.publications 第1项（政务网站/工作动态）填写为 3 条" in msg
        and "pubs.csv" in msg
        and "2 条" in msg
    )
    raw["activity"]["publications"][0]["count"] = 2
    ds = load_dataset(save(tmp_path, raw))
    assert ds.aggregates.get("publications.total") == 2


def test_typed_events_must_agree_with_the_log(tmp_path: Path) -> None:
    raw = base()
    raw["logs"] = {"events": "events.csv"}
    raw["activity"] = {"events": [{"kind": "培训", "count": 1}]}
    csv_file(
        tmp_path, "events.csv", "日期,类型,标题,参加人数", "2024-03-01,培训,a,10", "2024-05-01,培训,b,20"
    )
    with pytest.raises(
        InputError, match=r"activity.events 第1项（培训）填写为 1 次.*events.csv 统计 2024 年度为 2 次"
    ):
        load_dataset(save(tmp_path, raw))


def test_log_rows_outside_the_year_are_left_out_with_a_notice(tmp_path: Path) -> None:
    raw = base()
    raw["logs"] = {"publications": "pubs.csv"}
    csv_file(
        tmp_path,
        "pubs.csv",
        PUB_HEADER,
        "2023-12-31,网站,动态,a",
        "2024-01-01,网站,动态,b",
        "2025-01-01,网站,动态,c",
    )
    ds = load_dataset(save(tmp_path, raw))
    assert ds.aggregates.get("publications.total") == 1
    assert ds.notices == ["信息发布记录 pubs.csv：2 条记录的日期不在 2024 年度内，已略去"]


def test_xlsx_register(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(REQ_HEADER.split(","))
    ws.append([dt.datetime(2024, 3, 1), "自然人", "予以公开", dt.datetime(2024, 3, 9)])
    wb.save(tmp_path / "台账.xlsx")
    raw = base()
    del raw["table3"]
    raw["logs"] = {"requests": "台账.xlsx"}
    assert load_dataset(save(tmp_path, raw)).data.table3.get("t3.r3_1_open.np") == 1


def test_missing_log_file_names_the_field(tmp_path: Path) -> None:
    raw = base()
    raw["logs"] = {"cases": "no-such.csv"}
    with pytest.raises(InputError, match=r"data.yaml.*logs.cases.*“no-such.csv”不存在"):
        load_dataset(save(tmp_path, raw))


def test_example_copy_with_edited_register_changes_table3(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path / "ex")
    with (tmp_path / "ex" / "requests.csv").open("a", encoding="utf-8") as fh:
        fh.write("2024-06-01,科研机构,予以公开,2024-06-10,新增\n")
    before = load_dataset(EXAMPLE).data.table3
    after = load_dataset(tmp_path / "ex").data.table3
    assert after.get("t3.r1_new.sci") == before.get("t3.r1_new.sci") + 1
    assert after.get("t3.r3_1_open.total") == before.get("t3.r3_1_open.total") + 1


def test_typed_participants_must_agree_with_the_log(tmp_path: Path) -> None:
    raw = base()
    raw["logs"] = {"events": "events.csv"}
    raw["activity"] = {"events": [{"kind": "培训", "count": 2, "participants": 40}]}
    csv_file(tmp_path, "events.csv", "日期,类型,标题,参加人数", "2024-03-01,培训,a,10", "2024-05-01,培训,b,20")
    with pytest.raises(InputError, match=r"（培训）参加人次填写为 40 人次.*为 30 人次"):
        load_dataset(save(tmp_path, raw))
    raw["activity"]["events"][0]["participants"] = 30
    ds = load_dataset(save(tmp_path, raw))
    assert ds.aggregates.get("events.kind:培训.participants") == 30
