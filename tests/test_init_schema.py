"""CLI: ``init`` writes a loadable, commented fill-in folder; ``schema`` prints the JSON Schema."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import draft_report.cli  # noqa: F401  (registers the commands)
from draft_report.cli import main
from draft_report.cli_app import app
from draft_report.errors import InputError
from draft_report.loading import load_dataset
from draft_report.loading.template import LOG_FILE_NAMES, LOG_SPECS
from draft_report.logs.readers import read_log
from draft_report.models.data import ReportData
from draft_report.tables import layout as L

runner = CliRunner()


def run_main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def test_init_writes_a_workbook_folder_that_is_refused_until_filled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "局" / "2024"
    result = runner.invoke(app, ["init", str(folder), "--agency", "云溪县市场监督管理局", "--year", "2024"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(["data.xlsx", *LOG_FILE_NAMES.values()])
    assert "已写入" in result.output and "draft-report draft" in result.output
    code, _, err = run_main(["draft", str(folder), "-o", str(tmp_path / "out")], capsys)
    assert code == 2 and "表二、表三、表四尚未填写" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def _fill_zeros(text: str, *, keep: tuple[str, ...] = ()) -> str:
    """Type 0 into every blank table cell, as staff do for what did not happen."""
    out = []
    for line in text.splitlines():
        if not any(line.strip().startswith(f"{k}:") for k in keep):
            line = re.sub(r"(\b\w+): (?=[,}])", r"\1: 0", line)
        out.append(line)
    return "\n".join(out) + "\n"


def test_init_yaml_starts_blank_and_loads_once_filled(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    result = runner.invoke(app, ["init", str(folder), "--agency", "云溪县市场监督管理局", "--year", "2024", "--yaml"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(["data.yaml", *LOG_FILE_NAMES.values()])
    with pytest.raises(InputError, match="表二、表三、表四尚未填写"):
        load_dataset(folder)
    path = folder / "data.yaml"
    path.write_text(_fill_zeros(path.read_text(encoding="utf-8")), encoding="utf-8")
    ds = load_dataset(folder)
    assert ds.data.agency.name == "云溪县市场监督管理局" and ds.data.year == 2024
    assert all(v == 0 for v in ds.data.tables().cells().values())


def test_data_yaml_explains_every_field_in_chinese(tmp_path: Path) -> None:
    runner.invoke(app, ["init", str(tmp_path / "d"), "--yaml"])
    text = (tmp_path / "d" / "data.yaml").read_text(encoding="utf-8")
    for name in ReportData.model_fields:
        assert f"{name}:" in text, name
    for model in ("Agency", "Fees", "OverviewNotes", "OtherMatters", "LogFiles"):
        cls = getattr(__import__("draft_report.models.data", fromlist=[model]), model)
        for name in cls.model_fields:
            assert f"{name}:" in text, f"{model}.{name}"
    lines = text.splitlines()
    for row in L.T3_ROWS:
        if row.is_total:
            continue
        line = next(x for x in lines if x.strip().startswith(f"{row.id}:"))
        assert f"# {row.label}" in line  # each 表三 row commented with its label
        assert all(f"{c.id}: " in line for c in L.T3_PART_COLUMNS)
    assert yaml.safe_load(text)["table3"]["r3_3_4"] == {c.id: None for c in L.T3_PART_COLUMNS}  # blank, not 0


def test_csv_templates_have_bom_allowed_values_and_headers(tmp_path: Path) -> None:
    runner.invoke(app, ["init", str(tmp_path / "d")])
    for spec in LOG_SPECS:
        raw = (tmp_path / "d" / LOG_FILE_NAMES[spec.key]).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        lines = raw.decode("utf-8-sig").splitlines()
        comments = [x for x in lines if x.startswith("#")]
        assert comments and all("," not in x for x in comments)  # one cell each when Excel opens the CSV
        header = next(csv.reader([lines[len(comments)]]))
        assert header == spec.headers
        assert read_log(tmp_path / "d" / LOG_FILE_NAMES[spec.key], spec) == []  # comments are not records
    text = (tmp_path / "d" / "requests.csv").read_text(encoding="utf-8-sig")
    assert "本机关不掌握相关政府信息" in text and "法律服务机构" in text


def test_filled_templates_drive_the_tables(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    runner.invoke(app, ["init", str(folder), "--year", "2024", "--agency", "测试局", "--yaml"])
    with (folder / "requests.csv").open("a", encoding="utf-8", newline="") as fh:
        fh.write("2024-03-01,自然人,予以公开,2024-03-10,测试\n2024-12-30,商业企业,,,\n")
    text = (folder / "data.yaml").read_text(encoding="utf-8")
    text = text.replace("  # requests: requests.csv", "  requests: requests.csv")
    keep = tuple(r.id for r in L.T3_ROWS)  # 表三 stays blank: the register gives it
    (folder / "data.yaml").write_text(_fill_zeros(text, keep=keep), encoding="utf-8")
    ds = load_dataset(folder)
    assert ds.data.table3.get("t3.r1_new.total") == 2
    assert ds.data.table3.get("t3.r4_carry_out.biz") == 1


def test_init_refuses_a_non_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = run_main(["init", str(tmp_path)], capsys)
    assert code == 2
    assert "文件夹不是空的" in err and "--force" in err and "Traceback" not in err
    assert not (tmp_path / "data.yaml").exists()


@pytest.mark.parametrize("name", ["data.yaml", "data.xlsx"])
def test_init_force_never_overwrites_existing_files(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("# my filled data\n", encoding="utf-8")
    args = ["init", str(tmp_path), "--force"] + (["--yaml"] if name == "data.yaml" else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert (tmp_path / name).read_text(encoding="utf-8") == "# my filled data\n"
    assert "已存在，未覆盖" in result.output
    assert (tmp_path / "requests.csv").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--kind", "局"], "--kind"), (["--year", "1999"], "--year")],
)
def test_init_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    code, _, err = run_main(["init", str(tmp_path / "d"), *args], capsys)
    assert code == 2 and expected in err and "Traceback" not in err


def test_init_without_folder_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["init"], capsys)
    assert code == 2 and "Traceback" not in err


def test_init_onto_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, _, err = run_main(["init", str(tmp_path / "f")], capsys)
    assert code == 2 and "不是文件夹" in err


def test_help_is_chinese() -> None:
    result = runner.invoke(app, ["init", "--help"])
    assert result.exit_code == 0 and "数据文件夹" in result.output and "不会被覆盖" in result.output
    assert "JSON Schema" in runner.invoke(app, ["schema", "--help"]).output


def test_schema_prints_the_data_file_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert set(schema["required"]) >= {"agency", "year"}
    assert set(schema["properties"]) == set(ReportData.model_fields)
    assert schema["properties"]["year"]["description"].startswith("报告年度")
    t3 = schema["$defs"]["Table3"]["properties"]
    assert set(t3) == {r.id for r in L.T3_ROWS}
    assert t3["r3_3_4"]["description"] == L.T3_ROW_BY_ID["r3_3_4"].full_label
    assert "机关全称" in result.output  # not escaped


def test_schema_accepts_the_example_data() -> None:
    """Light check without a JSON Schema library: every key of the example is a schema property."""
    schema = json.loads(runner.invoke(app, ["schema"]).output)
    example = Path(__file__).resolve().parent.parent / "examples" / "scjg-2024" / "data.yaml"
    raw = yaml.safe_load(example.read_text(encoding="utf-8"))
    assert set(raw) <= set(schema["properties"])
    fees = schema["$defs"]["Fees"]["properties"]
    assert set(raw["fees"]) <= set(fees)
