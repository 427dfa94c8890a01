"""``init --from``: what last year's published report gives this year's data, each value with its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from draft_report.cli import main
from draft_report.loading.prefill import prefill_from_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def test_the_sample_report_prefills_agency_carry_over_and_problems() -> None:
    p = prefill_from_report(FIXTURES / "seeds" / "xiaxian_2023.txt")
    assert p.year == 2023
    assert p.raw["agency"] == {"name": "夏县乡村振兴局", "kind": "部门", "signature": "夏县乡村振兴局", "short_name": "我局"}
    assert p.raw["table3"]["r2_carry_in"] == {c: 0 for c in ("np", "biz", "sci", "npo", "law", "oth")}
    assert p.baseline == {"reg": 0, "norm": 0}
    problems = [x["problem"] for x in p.raw["previous_problems"]]
    assert problems[0].startswith("政府信息还存在发布不及时的问题") and problems[1] == "已公开的信息在广度和深度上仍需提升"
    assert all(x["rectification"] is None for x in p.raw["previous_problems"])  # for staff to fill in
    assert all(source.startswith("上年报告 xiaxian_2023.txt：") for source in p.sources.values())
    assert p.sources[("agency", "signature")].endswith("落款")
    assert any("联系方式" in m for m in p.missing)


@pytest.mark.parametrize(
    ("name", "contact", "norm", "problems"),
    [
        ("huaian-hongze_2023.txt", {"postcode": "223100", "phone": "0517-87222589", "email": "hzzwgk@126.com"}, 5,
         ["依申请公开工作规范性还有待提高", "政务公开内容的深度和广度还有待提升", "政务公开队伍建设有待加强"]),
        ("huaian-hongze_2024.txt", {"postcode": "223100", "phone": "0517-87290606"}, 8,
         ["个别部门对复杂申请件的研判能力不足", "答复文书规范性有待提升", "疑难问题协调处理机制尚需完善",
          "政策解读的形式还不够丰富", "政务新媒体运维管理还需加强"]),
        ("shuyang-fagaiju_2023.txt", {"postcode": "223600", "phone": "0527-83593059"}, 18,
         ["各科室人员信息公开意识有所松懈，部门文件、新政策发布及解读工作主动性不强",
          "政民互动栏目网民留言回复效率有待提高", "信息公开队伍专业化能力建设有待进一步提升"]),
    ],
)
def test_published_reports(name: str, contact: dict[str, str], norm: int, problems: list[str]) -> None:
    p = prefill_from_report(FIXTURES / "real_reports" / name)
    got = p.raw["agency"]["contact"]
    assert {k: got.get(k) for k in contact} == contact
    assert p.baseline["norm"] == norm
    assert [x["problem"] for x in p.raw["previous_problems"]] == problems


def test_what_cannot_be_found_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["init", str(tmp_path / "d"), "--from", str(FIXTURES / "real_reports" / "shanghai-kewei_2024.txt"), "--yaml"])
    out = capsys.readouterr().out
    assert exc.value.code in (0, None)
    assert "未能预填：上年度问题" in out and "（来自上年报告 shanghai-kewei_2024.txt：" in out
    text = (tmp_path / "d" / "data.yaml").read_text(encoding="utf-8")
    assert "year: 2025" in text and "# 来自上年报告 shanghai-kewei_2024.txt：标题" in text


def test_unreadable_last_report_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "last.docx"
    bad.write_bytes(b"not a docx")
    with pytest.raises(SystemExit) as exc:
        main(["init", str(tmp_path / "d"), "--from", str(bad)])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "Traceback" not in err and not (tmp_path / "d").exists()


def test_a_published_pdf_prefills_the_carry_over() -> None:
    p = prefill_from_report(FIXTURES / "real_pdfs" / "huaian_2024.pdf")
    assert p.year == 2024 and p.raw["agency"]["kind"] == "人民政府"
    assert p.raw["table3"]["r2_carry_in"]["np"] == 103  # last year's 结转下年度, 自然人
    assert p.baseline == {"reg": 11, "norm": 66}
    assert p.sources[("table3", "r2_carry_in", "np")] == "上年报告 huaian_2024.pdf：表三“四、结转下年度继续办理”行"


def test_agency_given_on_the_command_line_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["init", str(tmp_path / "d"), "--from", str(FIXTURES / "seeds" / "xiaxian_2023.txt"), "--agency", "夏县农业农村局"])
    out = capsys.readouterr().out
    assert "agency.name" not in out and "agency.signature = 夏县乡村振兴局" in out
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "d" / "data.xlsx")["基本信息"]
    assert ws["B3"].value == "夏县农业农村局" and ws["B3"].comment is None and ws["B4"].comment is not None
