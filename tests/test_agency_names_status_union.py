"""Round-2 real prose (paraphrased): an agency named after a table row, and a count over a union of statuses."""

from __future__ import annotations

from draft_report.checking.claims import extract_claims
from draft_report.lexicon.agency_names import mask_agency_names
from draft_report.lexicon.fields import FACTS


def _bound(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.fact.id if c.fact else None) for c in extract_claims(text) if c.kind == "number"]


def test_an_agency_called_xinfang_is_not_the_xinfang_row() -> None:
    assert _bound("2024年，市信访局共受理政府信息公开申请34件。") == [("34件", "requests_new")]
    assert _bound("2024年，市信访局因政府信息公开工作被申请行政复议0件，与去年相同。") == [("0件", "review_total")]
    # the row itself still binds
    assert _bound("不予处理的申请中，信访举报投诉类申请2件。") == [("2件", "result_r3_5_1")]


def test_mask_keeps_offsets_and_spares_verbs() -> None:
    text = "县信访局受理申请3件，依申请公开办理2件。"
    masked = mask_agency_names(text, FACTS)
    assert len(masked) == len(text)
    assert "信访" not in masked and "依申请公开办理" in masked


def test_repealed_joined_with_a_status_the_table_lacks_is_no_table_figure() -> None:
    assert _bound("开展规范性文件清理，废止和失效县政府规范性文件23件。") == [("23件", None)]
    assert _bound("修改和废止规范性文件3件。") == [("3件", None)]
    # named one by one, 废止 is still 本年废止
    got = _bound("对规范性文件进行全面梳理，继续有效22件，失效3件、废止5件。")
    assert got[0] == ("22件", "norm_valid") and got[-1] == ("5件", "norm_repealed")


def test_a_share_of_a_part_named_without_a_measure_is_not_the_number_before() -> None:
    text = ("全市全年新收政府信息公开申请31件，共办理政府信息公开申请31件，其中予以公开或部分公开占90.3%、"
            "不予公开占3.2%，其他情况占6.5%。")
    shares = [(c.text, c.fact.id if c.fact else None) for c in extract_claims(text) if c.kind == "percent"]
    assert ("6.5%", "requests_handled") not in shares and len(shares) == 2
    # a share right after its own number still takes that number
    text2 = "予以公开20件、占64.5%；不予公开2件、占6.5%。"
    assert [c.fact.id for c in extract_claims(text2) if c.kind == "percent" and c.fact] == [
        "result_open", "result_withheld"]
