"""Prose claims of a 2019/2020 report bind to the cells of its 2019-format tables (``lexicon.layout_facts``)."""

from __future__ import annotations

from pathlib import Path

from draft_report.checking import check_document
from draft_report.checking.claim_check import ClaimCheck, check_claims
from draft_report.checking.fact_source import FactSource
from draft_report.lexicon.fields import FACTS
from draft_report.lexicon.layout_facts import facts_for_layouts
from draft_report.reading import read_text
from draft_report.tables import layout as L

CLEAN = Path(__file__).resolve().parent / "fixtures" / "format2019" / "qinglan-scj_2020.txt"
# its 表二: 规范性文件 3 / 3 / 27, 行政许可 1285, 其他对外管理服务事项 356, 政府集中采购 6 项 85.6 万元; 表三 （六） 1
DOC = read_text(CLEAN.read_text(encoding="utf-8"), source=CLEAN.name, fmt="text")
SOURCE = FactSource.from_document(DOC)


def checks(text: str) -> list[ClaimCheck]:
    return [c for c in check_claims(text, SOURCE) if c.claim.kind == "number"]


def test_2019_table2_cells_are_bound() -> None:
    found = checks("本年新制作规范性文件3件，新公开3件，对外公开规范性文件总数量27件。")
    assert [c.readings[0].items for c in found] == [
        ("t2.norm.new_made",), ("t2.norm.new_public",), ("t2.norm.public_total",)]
    assert all(c.verdict == "agrees" for c in found)
    found = checks("政府集中采购项目6个，采购总金额85.6万元；其他对外管理服务事项处理决定356件。")
    assert [c.verdict for c in found] == ["agrees"] * 3
    assert found[2].readings[0].items == ("t2.services.decisions",)


def test_wrong_2019_numbers_are_errors() -> None:
    for text, expected in (("本年新制作规范性文件4件。", 3), ("对外公开规范性文件总数量26件。", 27),
                           ("政府集中采购项目7个。", 6), ("其他处理2件。", 1)):
        (c,) = checks(text)
        assert c.verdict == "disagrees_unambiguous" and c.expected == expected, text
        assert c.finding is not None and c.finding.severity == "error"


def test_cells_the_2019_format_lacks_bind_to_nothing() -> None:
    (c,) = checks("现行有效规范性文件25件。")  # no 现行有效 in the 2019 表二: unverified, never an error
    assert c.verdict == "unbound" and c.finding is not None and c.finding.severity == "info"
    facts = facts_for_layouts(L.LAYOUT_2019, L.LAYOUT_2019)
    ids = {f.id for f in facts}
    assert "norm_valid" not in ids and "admin_fees_wan" not in ids and "norm_new_public" in ids
    assert facts_for_layouts(L.LAYOUT_2021, L.LAYOUT_2021) is FACTS


def test_the_clean_2019_report_has_no_prose_alarm_and_a_wrong_number_is_found() -> None:
    text = CLEAN.read_text(encoding="utf-8")
    base = [f for f in check_document(DOC).findings if f.severity in ("error", "warning")]
    assert base == []
    wrong = text.replace("其中制发规范性文件3件", "其中制发规范性文件5件")
    assert wrong != text
    found = check_document(read_text(wrong, source=CLEAN.name, fmt="text")).findings
    assert any(f.rule == "prose.mismatch" and "规范性文件" in f.message for f in found)


def test_per_layout_builds_once_per_combination_of_formats() -> None:
    calls: list[tuple[str, ...]] = []

    @L.per_layout
    def names(*layouts: L.Layout) -> tuple[str, ...]:
        calls.append(tuple(x.name for x in layouts))
        return tuple(x.name for x in layouts)

    assert names(L.LAYOUT_2019, L.LAYOUT_2021) == ("2019", "2021")
    assert names(L.LAYOUT_2019, L.LAYOUT_2021) is names(L.LAYOUT_2019, L.LAYOUT_2021)
    assert names(L.LAYOUT_2021, L.LAYOUT_2019) == ("2021", "2019")
    assert calls == [("2019", "2021"), ("2021", "2019")]
    # an equal but distinct layout object is a format of its own (found by identity)
    import dataclasses

    copy = dataclasses.replace(L.LAYOUT_2021)
    assert copy == L.LAYOUT_2021 and copy is not L.LAYOUT_2021
    names(L.LAYOUT_2019, copy)
    assert len(calls) == 3
    assert facts_for_layouts(L.LAYOUT_2019, L.LAYOUT_2019) is facts_for_layouts(L.LAYOUT_2019, L.LAYOUT_2019)
