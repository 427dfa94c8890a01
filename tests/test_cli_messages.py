"""Usage errors of the command-line framework are shown in Chinese, exit 2, no traceback."""

from __future__ import annotations

import pytest

from draft_report.cli import main
from draft_report.cli_messages import usage_error_text


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Missing argument 'DATA'.", "缺少参数 DATA。"),
        ("Option '-o' requires an argument.", "选项 -o 后面需要填写一个值。"),
        ("No such option: --frmat (Possible options: --format)", "没有选项 --frmat。是否要用 --format？"),
        ("No such option: --bogus", "没有选项 --bogus。"),
        ("No such command 'drat'. Did you mean 'draft'?", "没有命令 drat。是否要用 draft？"),
        ("Got unexpected extra argument(s) (b)", "多余的参数：b。"),
        ("Invalid value for '--format': x", "'--format' 的取值无效：x"),
    ],
)
def test_usage_errors_are_translated(english: str, chinese: str) -> None:
    assert usage_error_text(english) == chinese


def test_unknown_messages_pass_through_unchanged() -> None:
    assert usage_error_text("Something new in a future click.") == "Something new in a future click."


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["draft"], "缺少参数：数据文件"),
        (["check"], "缺少参数：报告文件"),
        (["draft", "data.yaml"], "缺少选项：-o / --output 输出文件夹"),
        (["draft", "x.yaml", "-o", "out", "--frmat", "md"], "是否要用 --format"),
        (["drat"], "没有命令 drat"),
        (["check", "a.md", "b.md"], "多余的参数：b.md"),
    ],
)
def test_cli_usage_errors_in_chinese(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ex:
        main(argv)
    err = capsys.readouterr().err
    assert ex.value.code == 2
    assert expected in err and "查看用法" in err
    assert "Traceback" not in err and "Error:" not in err


@pytest.mark.parametrize("command", [[], ["init"], ["draft"], ["schema"], ["check"], ["audit"]])
def test_every_help_page_is_chinese(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ex:
        main([*command, "--help"])
    out = capsys.readouterr().out
    assert ex.value.code == 0
    assert "显示帮助信息并退出" in out and "Show this message" not in out
