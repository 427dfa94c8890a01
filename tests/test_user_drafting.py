"""How the offline draft reads to a supervisor: the regulation by its defined short name,
no sub-topic reduced to one bare count sentence."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import Dataset
from draft_report.logs.aggregates import Aggregates
from draft_report.models.data import ReportData

ROOT = Path(__file__).resolve().parent.parent
XIAXIAN = ROOT / "examples" / "xiaxian-2023" / "data.yaml"
FULL = "《中华人民共和国政府信息公开条例》"


def dataset(raw: dict[str, Any], aggregates: dict[str, int] | None = None) -> Dataset:
    raw = copy.deepcopy(raw)
    raw.pop("activity", None)
    return Dataset(data=ReportData.model_validate(raw), aggregates=Aggregates(aggregates or {}), path=Path("t.yaml"))


def raw_xiaxian() -> dict[str, Any]:
    return yaml.safe_load(XIAXIAN.read_text(encoding="utf-8"))


def body(doc: Any) -> str:
    return "\n".join(p.text for s in doc.sections for p in s.paragraphs)


def test_body_uses_the_short_name_the_standard_preface_defines() -> None:
    raw = raw_xiaxian()
    raw.pop("preface", None)
    raw["notes"]["lead"] = [f"全面贯彻落实{FULL}"]
    raw["problems"] = []
    raw["measures"] = []
    doc = compose_document(dataset(raw), OfflineDrafter())
    assert "（以下简称《条例》）" in doc.preface[0].text
    text = body(doc)
    assert FULL not in text
    assert "全面贯彻落实《条例》" in text and "对照《条例》和上级要求" in text


def test_own_preface_keeps_the_full_name_in_the_body() -> None:
    raw = raw_xiaxian()
    raw["preface"] = "本报告由本局编制。"
    raw["problems"] = []
    doc = compose_document(dataset(raw), OfflineDrafter())
    assert f"对照{FULL}和上级要求" in body(doc)
    assert "对照《条例》" not in body(doc)


def test_sub_topic_with_counted_events_but_no_notes_is_not_one_bare_sentence() -> None:
    raw = raw_xiaxian()
    raw["notes"]["supervision"] = []
    draft = OfflineDrafter().draft(
        "overview", dataset(raw, {"events.kind:培训": 3, "events.kind:培训.participants": 120})
    )
    paras = [p.text for p in draft.paragraphs]
    i = paras.index("（五）监督保障情况")
    text = paras[i + 1]
    assert text.startswith("我局") and "组织政务公开业务培训3次（共120人次参加）" in text
    assert text.index("培训") > text.index("。")  # the training follows a full sentence
    assert "（五）监督保障情况" in draft.provenance["generic_topics"]
