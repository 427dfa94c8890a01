"""compose_document: the whole report — title, preface, six sections, tables, 六, signature, date."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from draft_report.drafting.base import SectionDraft
from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.errors import InputError
from draft_report.loading import Dataset, load_dataset
from draft_report.logs.aggregates import Aggregates
from draft_report.models.data import ReportData
from draft_report.models.document import Paragraph
from draft_report.sections import SECTIONS
from parsed_once import yaml_of

ROOT = Path(__file__).resolve().parent.parent
XIAXIAN = ROOT / "examples" / "xiaxian-2023" / "data.yaml"
SCJG = ROOT / "examples" / "scjg-2024" / "data.yaml"


def make_dataset(**changes: Any) -> Dataset:
    raw = yaml_of(XIAXIAN.read_text(encoding="utf-8"))
    raw.pop("activity", None)
    for key, value in changes.items():
        raw[key] = copy.deepcopy(value)
    return Dataset(data=ReportData.model_validate(raw), aggregates=Aggregates({}), path=Path("t.yaml"))


def section_text(doc: Any, key: str) -> str:
    return doc.section(key).text


@pytest.mark.parametrize("example", [XIAXIAN, SCJG])
def test_complete_report_structure(example: Path) -> None:
    dataset = load_dataset(example)
    doc = compose_document(dataset, OfflineDrafter())
    data = dataset.data
    assert doc.title == f"{data.agency.name}{data.year}年度政府信息公开工作年度报告"
    assert [s.heading for s in doc.sections] == [s.heading for s in SECTIONS]
    assert [s.key for s in doc.sections] == [s.key for s in SECTIONS]
    assert doc.signature == data.signature and doc.date == data.publication_date
    assert doc.tables.cells() == data.tables().cells()
    assert "信息处理费" in section_text(doc, "other")
    assert doc.preface and f"{data.year}年1月1日" in doc.preface[0].text
    assert f"{data.year}年12月31日" in doc.preface[0].text
    assert "《中华人民共和国政府信息公开条例》" in doc.preface[0].text


def test_sample_report_identity() -> None:
    doc = compose_document(load_dataset(XIAXIAN), OfflineDrafter())
    assert doc.title == "夏县乡村振兴局2023年度政府信息公开工作年度报告"
    assert doc.signature == "夏县乡村振兴局" and doc.date == dt.date(2024, 1, 18)
    assert doc.section("review_litigation").heading == "四、政府信息公开行政复议、行政诉讼情况"
    assert "未发出收费通知，未收取信息处理费" in section_text(doc, "other")
    assert "无其他需要报告的事项" in section_text(doc, "other")


def test_fee_statement_with_fees_and_other_matters() -> None:
    dataset = make_dataset(
        fees={"standard": "按件", "notices_issued": 3, "notices_amount_yuan": 600, "collected_yuan": 400},
        other_matters={"proposals": "办理人大代表建议2件，办理结果已公开", "other": ["开展政务开放日活动"]},
    )
    text = section_text(compose_document(dataset, OfflineDrafter()), "other")
    assert "实行按件计收，发出收费通知3件，收费通知金额合计600元，实际收取信息处理费400元。" in text
    assert "办理人大代表建议2件，办理结果已公开。" in text and "开展政务开放日活动。" in text
    assert "无其他需要报告的事项" not in text


def test_fee_notices_without_payment() -> None:
    dataset = make_dataset(fees={"notices_issued": 1, "notices_amount_yuan": 100, "collected_yuan": 0})
    text = section_text(compose_document(dataset, OfflineDrafter()), "other")
    assert "发出收费通知1件" in text and "未实际收取信息处理费" in text


def test_preface_given_or_with_contact() -> None:
    own = compose_document(make_dataset(preface="第一段。\n\n第二段。"), OfflineDrafter())
    assert [p.text for p in own.preface] == ["第一段。", "第二段。"]
    agency = {
        "name": "夏县乡村振兴局",
        "contact": {"office": "夏县乡村振兴局办公室", "phone": "0359-1234567", "email": "a@b.cn"},
    }
    doc = compose_document(make_dataset(agency=agency), OfflineDrafter())
    assert "请与夏县乡村振兴局办公室联系（电话：0359-1234567，电子邮箱：a@b.cn）。" in doc.preface[0].text


def test_missing_table_is_an_input_error() -> None:
    dataset = make_dataset()
    dataset.data.table4 = None
    with pytest.raises(InputError, match="table4"):
        compose_document(dataset, OfflineDrafter())


class _FixedDrafter:
    name = "fixed"

    def draft(self, key: str, dataset: Dataset) -> SectionDraft:
        return SectionDraft([Paragraph(text=f"{key}正文")], {"drafter": self.name, "key": key})


def test_any_section_drafter_can_be_plugged_in() -> None:
    provenance: dict[str, Any] = {}
    doc = compose_document(make_dataset(), _FixedDrafter(), provenance=provenance)
    assert section_text(doc, "overview") == "overview正文"
    assert section_text(doc, "problems") == "problems正文"
    assert provenance == {"overview": {"drafter": "fixed", "key": "overview"}, "problems": {"drafter": "fixed", "key": "problems"}}
    assert "信息处理费" in section_text(doc, "other")  # 六 stays deterministic
