"""An output that is an input under another name, or a link leading elsewhere, is refused (safety.paths)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from draft_report.cli import main
from draft_report.errors import InputError
from draft_report.safety.paths import check_output

DATA = EXAMPLES / "xiaxian-2023" / "data.yaml"


class Result:
    def __init__(self, exit_code: int, output: str) -> None:
        self.exit_code, self.output = exit_code, output


class Runner:
    """Runs ``cli.main`` (the real exit-code mapping) and captures what it prints."""

    def __init__(self) -> None:
        self.capsys: pytest.CaptureFixture[str] | None = None

    def invoke(self, args: list[str]) -> Result:
        assert self.capsys is not None
        with pytest.raises(SystemExit) as exc:
            main(args)
        out, err = self.capsys.readouterr()
        return Result(int(exc.value.code or 0), out + err)


runner = Runner()


@pytest.fixture(autouse=True)
def _capture(capsys: pytest.CaptureFixture[str]) -> None:
    runner.capsys = capsys


@pytest.fixture
def drafted(tmp_path: Path) -> Path:
    out = tmp_path / "drafted"
    result = runner.invoke(["draft", str(DATA), "-o", str(out), "-f", "docx"])
    assert result.exit_code == 0, result.output
    return out / "report.docx"


def test_annotate_refuses_a_hard_link_to_the_report(tmp_path: Path, drafted: Path) -> None:
    report = tmp_path / "r.docx"
    report.write_bytes(drafted.read_bytes())
    link = tmp_path / "link.docx"
    os.link(report, link)
    before = report.read_bytes()
    result = runner.invoke(["check", str(report), "--data", str(DATA), "--annotate", str(link), "--force"])
    assert result.exit_code == 2
    assert "同一个文件" in result.output and "原文件未改动" not in result.output
    assert report.read_bytes() == before


def test_annotate_refuses_a_symlink_to_the_report(tmp_path: Path, drafted: Path) -> None:
    report = tmp_path / "r.docx"
    report.write_bytes(drafted.read_bytes())
    (tmp_path / "alias.docx").symlink_to(report)
    result = runner.invoke(["check", str(report), "--annotate", str(tmp_path / "alias.docx"), "--force"])
    assert result.exit_code == 2 and "同一个文件" in result.output


def test_a_dangling_symlink_in_out_does_not_send_the_draft_elsewhere(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "elsewhere" / "victim.md"
    outside.parent.mkdir()
    (out / "report.md").symlink_to(outside)  # dangling: victim.md does not exist yet
    for extra in ([], ["--force"]):
        result = runner.invoke(["draft", str(DATA), "-o", str(out), *extra])
        assert result.exit_code == 2, result.output
        assert "符号链接" in result.output
    assert not outside.exists()
    assert (out / "report.md").is_symlink()


def test_draft_into_its_own_data_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "data.yaml").write_bytes(DATA.read_bytes())
    (tmp_path / "out").mkdir()
    os.link(folder / "data.yaml", tmp_path / "out" / "report.md")  # the data file under another name
    before = (folder / "data.yaml").read_bytes()
    result = runner.invoke(["draft", str(folder), "-o", str(tmp_path / "out"), "--force"])
    assert result.exit_code == 2 and "同一个文件" in result.output
    assert (folder / "data.yaml").read_bytes() == before


def test_a_name_differing_only_in_case_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "Report.docx"
    source.write_bytes(b"x")
    with pytest.raises(InputError, match="大小写"):
        check_output(tmp_path / "report.DOCX", inputs=[source])
    check_output(tmp_path / "report-批注.docx", inputs=[source])  # a different name is fine


def test_a_fifo_or_folder_as_output_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.docx")
    with pytest.raises(InputError, match="不是普通文件"):
        check_output(tmp_path / "pipe.docx")
    (tmp_path / "dir.md").mkdir()
    with pytest.raises(InputError, match="文件夹"):
        check_output(tmp_path / "dir.md")
