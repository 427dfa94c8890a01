"""``draft-report draft`` through the CLI: happy path, no overwrite, --force, bad input."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from draft_report.cli import main
from draft_report.cli_app import app
from draft_report.commands.draft import parse_formats
from draft_report.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
XIAXIAN = ROOT / "examples" / "xiaxian-2023" / "data.yaml"


def run_main(args: list[str]) -> tuple[int, str, str]:
    """Run the real entry point (with its error → exit code mapping) under CliRunner's isolation."""
    runner = CliRunner()
    with runner.isolation() as streams:
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = streams[0].getvalue().decode(), streams[1].getvalue().decode()
    return code, out, err


def test_draft_writes_the_report_and_says_where(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["draft", str(XIAXIAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = out / "report.md"
    assert f"已生成报告：{report}" in result.output
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# 夏县乡村振兴局2023年度政府信息公开工作年度报告\n")
    assert "## 六、其他需要报告的事项" in text
    assert sorted(p.name for p in out.iterdir()) == ["report.md"]


def test_draft_several_formats(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["draft", str(XIAXIAN), "-o", str(tmp_path), "--format", "md,html", "-f", "html"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.md"]
    assert "<!DOCTYPE html>" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_refuses_to_overwrite_an_edited_draft(tmp_path: Path) -> None:
    (tmp_path / "report.md").write_text("审核人员修改过的稿件", encoding="utf-8")
    code, out, err = run_main(["draft", str(XIAXIAN), "-o", str(tmp_path), "--format", "html,md"])
    assert code == 2
    assert "输出文件已存在" in err and "--force" in err and "Traceback" not in err + out
    assert (tmp_path / "report.md").read_text(encoding="utf-8") == "审核人员修改过的稿件"
    assert not (tmp_path / "report.html").exists()  # nothing written at all


def test_force_overwrites(tmp_path: Path) -> None:
    (tmp_path / "report.md").write_text("旧稿", encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", str(XIAXIAN), "-o", str(tmp_path), "--force"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# 夏县乡村振兴局")


def test_bad_data_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "data.yaml"
    text = XIAXIAN.read_text(encoding="utf-8").replace("r1_new: {np: 0,", "r1_new: {np: -3,")
    assert text != XIAXIAN.read_text(encoding="utf-8")
    bad.write_text(text, encoding="utf-8")
    code, out, err = run_main(["draft", str(bad), "-o", str(tmp_path / "out")])
    assert code == 2
    assert err.startswith("错误：") and str(bad) in err
    assert "Traceback" not in out + err
    assert not (tmp_path / "out").exists()


def test_missing_data_file_and_bad_format(tmp_path: Path) -> None:
    code, _, err = run_main(["draft", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "o")])
    assert code == 2 and "错误：" in err
    code, _, err = run_main(["draft", str(XIAXIAN), "-o", str(tmp_path / "o"), "--format", "pdf"])
    assert code == 2 and "pdf" in err and "md、html、docx" in err


def test_output_must_be_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "file.md"
    target.write_text("x", encoding="utf-8")
    code, _, err = run_main(["draft", str(XIAXIAN), "-o", str(target)])
    assert code == 2 and "不是文件夹" in err


def test_docx_writer_unavailable_gives_a_chinese_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "draft_report.rendering.docx", None)  # import now fails
    code, _, err = run_main(["draft", str(XIAXIAN), "-o", str(tmp_path), "--format", "md,docx"])
    assert code == 1
    assert "不支持 Word（docx）输出" in err and "Traceback" not in err
    assert not (tmp_path / "report.md").exists()  # checked before anything is written


def test_notices_for_missing_notes_and_date(tmp_path: Path) -> None:
    import yaml

    raw = yaml.safe_load(XIAXIAN.read_text(encoding="utf-8"))
    raw.pop("publication_date")
    raw["notes"]["platforms"] = []
    data = tmp_path / "data.yaml"
    data.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", str(data), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "提示：" in result.output and "（四）政府信息公开平台建设情况" in result.output
    assert "publication_date" in result.output


def test_parse_formats() -> None:
    assert parse_formats(None) == ["md"]
    assert parse_formats(["md,html", "docx", "html"]) == ["md", "html", "docx"]
    assert parse_formats(["Word，markdown"]) == ["docx", "md"]
    with pytest.raises(InputError):
        parse_formats(["md,odt"])


def test_help_is_chinese_with_an_example() -> None:
    result = CliRunner().invoke(app, ["draft", "--help"])
    assert result.exit_code == 0
    assert "起草" in result.output and "draft-report draft examples/xiaxian-2023/data.yaml -o" in result.output


def test_unexpected_internal_error_is_one_chinese_line(monkeypatch, capsys) -> None:
    """A bug (not bad input) still gives one Chinese line and exit 1, no traceback."""
    import pytest as _pytest

    from draft_report import cli

    def boom(*_a: object, **_k: object) -> None:
        raise RuntimeError("模拟的内部故障")

    monkeypatch.setattr(cli, "app", boom)
    with _pytest.raises(SystemExit) as ex:
        cli.main(["schema"])
    err = capsys.readouterr().err
    assert ex.value.code == 1
    assert "程序内部错误" in err and "RuntimeError" in err and "Traceback" not in err


class _WrongNumberDrafter:
    """Offline drafter whose section 一 misquotes one figure (as a careless model might)."""

    name = "wrong-number"

    def draft(self, key, dataset):  # type: ignore[no-untyped-def]
        from draft_report.drafting.offline import OfflineDrafter

        section = OfflineDrafter().draft(key, dataset)
        for p in section.paragraphs:
            p.text = p.text.replace("发布信息37条", "发布信息38条")
        return section


def test_self_check_findings_become_word_comments_and_a_notice(tmp_path: Path) -> None:
    from docx import Document

    from draft_report.commands.draft import run_draft

    data = XIAXIAN
    written, notices = run_draft(data, tmp_path / "o", ["md", "docx"], drafter=_WrongNumberDrafter())
    assert [p.name for p in written] == ["report.md", "report.docx"]
    summary = [n for n in notices if "自检发现" in n]
    assert len(summary) == 1 and "错误 1 个" in summary[0] and "批注" in summary[0]
    # the finding itself is shown, so the user need not run check to know what is wrong
    assert "· 错误：" in summary[0] and "38" in summary[0] and "37" in summary[0]
    comments = list(Document(str(tmp_path / "o" / "report.docx")).comments)
    assert len(comments) == 1 and "38" in comments[0].text and "37" in comments[0].text


def test_clean_offline_draft_has_no_self_check_notice_or_comments(tmp_path: Path) -> None:
    from docx import Document

    from draft_report.commands.draft import run_draft

    _, notices = run_draft(ROOT / "examples" / "scjg-2024", tmp_path / "o", ["docx"])
    assert not [n for n in notices if "自检发现" in n]
    assert list(Document(str(tmp_path / "o" / "report.docx")).comments) == []


def test_a_command_built_once_runs_again_with_only_its_own_options(tmp_path: Path) -> None:
    """The process keeps the commands it built (cli_app._BUILT); a second run gets its own
    options, none left over from the first."""
    from draft_report import cli_app

    code, _, err = run_main(["draft", str(XIAXIAN), "-o", str(tmp_path / "a"), "-f", "md,html"])
    assert code == 0, err
    built = cli_app._BUILT["draft"]
    code, _, err = run_main(["draft", str(XIAXIAN), "-o", str(tmp_path / "b")])
    assert code == 0, err
    assert cli_app._BUILT["draft"] is built
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["report.html", "report.md"]
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == sorted(
        p.name for p in (tmp_path / "a").iterdir() if p.suffix != ".html"
    )
