"""``draft-report check``: exit codes, text and JSON output, --data, --previous, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from draft_report.cli import main
from draft_report.drafting.compose import compose_document
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset
from draft_report.rendering.markdown import render_markdown

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "fixtures" / "real_reports"
SAMPLE_DATA = ROOT / "examples" / "xiaxian-2023" / "data.yaml"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(args)
    out, err = capsys.readouterr()
    return int(exc.value.code or 0), out, err


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    doc = compose_document(load_dataset(SAMPLE_DATA), OfflineDrafter())
    path = tmp_path / "report.md"
    path.write_text(render_markdown(doc), encoding="utf-8")
    return path


def test_drafted_report_checks_clean_against_its_data(drafted: Path, capsys) -> None:
    code, out, _ = run(["check", str(drafted), "--data", str(SAMPLE_DATA), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0, out
    assert data["summary"]["errors"] == 0 and data["summary"]["warnings"] == 0
    assert data["summary"]["checked_against"] == "data"


def test_reviewer_changed_a_prose_number(drafted: Path, capsys) -> None:
    text = drafted.read_text(encoding="utf-8")
    assert "37条" in text
    drafted.write_text(text.replace("37条", "38条", 1), encoding="utf-8")
    code, out, _ = run(["check", str(drafted), "--data", str(SAMPLE_DATA), "--format", "json"], capsys)
    assert code == 1
    (f,) = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert f["rule"] == "prose.mismatch" and (f["expected"], f["actual"]) == ("37", "38")
    assert f["location"]["section"] == "overview" and "38条" in f["location"]["excerpt"]


def test_reviewer_changed_a_table_cell(drafted: Path, capsys) -> None:
    text = drafted.read_text(encoding="utf-8")
    new = re.sub(r'(data-cell="t2\.penalty\.decisions">)0<', r"\g<1>4<", text)
    assert new != text
    drafted.write_text(new, encoding="utf-8")
    code, out, _ = run(["check", str(drafted), "--data", str(SAMPLE_DATA), "--format", "json"], capsys)
    assert code == 1
    errs = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert [(f["rule"], f["location"]["cell_id"], f["expected"], f["actual"]) for f in errs] == [
        ("data.cell_mismatch", "t2.penalty.decisions", "0", "4")]
    assert errs[0]["location"]["table"] == "表二"


def test_text_output_groups_by_section_in_chinese(capsys) -> None:
    code, out, _ = run(["check", str(REAL / "huaian-hongze_2023.txt")], capsys)
    assert code == 1
    assert "【四、政府信息公开行政复议、行政诉讼情况】" in out
    assert "✗ 错误 第76行 表四“行政复议”" in out and "应为：11；报告中为：0" in out
    assert "table.identity" not in out and "[" not in out  # rule ids only with --verbose
    code, out, _ = run(["check", "-v", str(REAL / "huaian-hongze_2023.txt")], capsys)
    assert "（规则 table.identity.H4）" in out
    assert "未通过" in out and "\x1b[" not in out  # plain text when not a terminal


def test_clean_published_report_exits_0(capsys) -> None:
    code, out, _ = run(["check", str(REAL / "huaian_2024.txt"), "--no-info"], capsys)
    assert code == 0 and "通过" in out and "提示" in out  # the count line still names 提示
    assert "prose.unverified" not in out


def test_json_contract(capsys) -> None:
    code, out, _ = run(["check", str(REAL / "huaian-hongze_2023.txt"), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1 and set(data) == {"findings", "summary"}
    for f in data["findings"]:
        assert set(f) == {"rule", "severity", "message", "location", "expected", "actual"}
        assert f["severity"] in ("error", "warning", "info")
        assert {"section", "table", "row", "column", "line", "excerpt"} <= set(f["location"])
    assert data["summary"]["errors"] == 2  # 表四 H4: 行政复议 and 复议后起诉 totals


def test_scope_mismatch_is_a_warning_exit_0(capsys) -> None:
    code, out, _ = run(["check", str(REAL / "huaian-hongze_2024.txt"), "--format", "json"], capsys)
    data = json.loads(out)
    (f,) = [f for f in data["findings"] if f["rule"] == "prose.scope_mismatch"]
    assert code == 0 and f["severity"] == "warning" and (f["expected"], f["actual"]) == ("95", "17")


def test_previous_report_and_previous_data(tmp_path: Path, capsys) -> None:
    code, out, _ = run(["check", str(REAL / "huaian-hongze_2024.txt"), "--previous",
                        str(REAL / "huaian-hongze_2023.txt"), "--format", "json"], capsys)
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert "cross.rectification.X4" in rules and "cross.carry_over.X1" not in rules
    code, out, _ = run(["check", str(REAL / "huaian_2024.txt"), "--previous", str(SAMPLE_DATA), "--format", "json"],
                       capsys)
    assert json.loads(out)["summary"]["previous"].endswith("data.yaml")


@pytest.mark.parametrize(
    "args",
    [
        ["check", "no-such-report.md"],
        ["check", str(REAL / "huaian_2024.txt"), "--format", "xml"],
        ["check", str(REAL / "huaian_2024.txt"), "--data", "no-such-data.yaml"],
        ["check", str(REAL)],
    ],
)
def test_unreadable_input_exits_2(args: list[str], capsys) -> None:
    code, out, err = run(args, capsys)
    assert code == 2 and "错误" in err and "Traceback" not in err and out == ""


def test_pdf_is_refused_with_exit_2(tmp_path: Path, capsys) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    code, _, err = run(["check", str(pdf)], capsys)
    assert code == 2 and "report.pdf" in err
