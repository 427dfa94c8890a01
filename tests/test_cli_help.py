"""Every help page and usage line is Chinese: a walk over all commands (found from the app)."""

from __future__ import annotations

import re

import pytest
import typer

from draft_report.cli import main
from draft_report.cli_app import app

# Words a help page may contain although they are Latin script: file formats and values the
# user types (text, json, md …), product names, the program's and its commands' names.
ALLOWED_WORDS = {
    "draft-report", "text", "json", "csv", "md", "html", "docx", "markdown", "Markdown", "word",
    "YAML", "JSON", "CSV", "HTML", "XLSX", "PDF", "API", "Excel", "Word", "OpenAI", "Schema",
    "openai", "deepseek", "qwen", "dashscope", "ollama", "vllm",
}
# What typer/click print by themselves, in English; none may appear.
FRAMEWORK_WORDS = re.compile(
    r"Usage|Options|Arguments|Commands|\[required\]|required|default|env var|<\w+(\[\w+\])?>|"
    r"\bTEXT\b|\bPATH\b|\bINTEGER\b|\bFLOAT\b|\bBOOLEAN\b|\bFILE\b|\bDIRECTORY\b|list\[|Show this message"
)
_LATIN_RUN = re.compile(r"[A-Za-z0-9_.\-/:|,+\[\]<>]*[A-Za-z][A-Za-z0-9_.\-/:|,+\[\]<>]*")
_FILE_NAME = re.compile(r"[\w\-]*\.[a-z]{2,5}|\.[a-z]{2,5}")
_ENV_VAR = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    ctx = typer.Context(group, info_name="draft-report")
    return list(group.list_commands(ctx))  # type: ignore[attr-defined]


def help_page(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as ex:
        main([*argv, "--help"])
    out, err = capsys.readouterr()
    assert ex.value.code == 0 and not err
    return out


def english_words(page: str, commands: list[str]) -> list[str]:
    """Latin-script words that are not option names, file names, env vars, URLs or allowed words."""
    found: list[str] = []
    for line in page.splitlines():
        if line.strip().startswith("draft-report "):  # an example command line: literally what to type
            continue
        for run in _LATIN_RUN.findall(line):
            run = run.rstrip(".,:")
            if run.startswith("-") or "://" in run or _ENV_VAR.fullmatch(run):
                continue
            for part in re.split(r"[/|,]", run):
                if _FILE_NAME.fullmatch(part.rstrip(".")):
                    continue
                part = part.strip(".")
                if not part or not re.search(r"[A-Za-z]", part):
                    continue
                if part not in ALLOWED_WORDS and part not in commands and not re.fullmatch(r"v\d+", part):
                    found.append(part)
    return found


def test_commands_are_discovered_from_the_app() -> None:
    names = command_names()
    assert {"draft", "check", "audit", "init", "schema"} <= set(names)


def test_every_help_page_has_no_english_outside_option_names(capsys: pytest.CaptureFixture[str]) -> None:
    commands = command_names()
    pages = {"draft-report": help_page(capsys)}
    pages.update({name: help_page(capsys, name) for name in commands})
    for name, page in pages.items():
        assert page.startswith("用法：draft-report"), (name, page[:80])
        assert not FRAMEWORK_WORDS.search(page), (name, FRAMEWORK_WORDS.search(page))
        assert english_words(page, commands) == [], (name, english_words(page, commands))
        assert "显示帮助信息并退出" in page
    for name in commands:  # the group's page lists every command with its summary
        assert re.search(rf"^  {re.escape(name)} +\S", pages["draft-report"], re.M), name


def test_the_walk_would_catch_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert english_words("  --data 数据文件  the data file", []) == ["the", "data", "file"]
    assert english_words("  --data 数据文件  见 data.yaml、YAML/JSON、http://x/v1、OPENAI_API_KEY", []) == []
    assert FRAMEWORK_WORDS.search("Usage: draft-report check [OPTIONS] REPORT")


def test_placeholders_say_what_to_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert "用法：draft-report check [选项] 报告文件\n" in help_page(capsys, "check")
    page = help_page(capsys, "draft")
    assert "用法：draft-report draft [选项] 数据文件\n" in page
    assert "-o, --output 输出文件夹" in page and "必填" in page
    assert "--timeout 秒数" in page
    assert "用法：draft-report init [选项] 数据文件夹\n" in help_page(capsys, "init")


def test_columns_line_up_by_display_width(capsys: pytest.CaptureFixture[str]) -> None:
    """Chinese characters take two columns: descriptions start in one column."""
    from draft_report.cli_help import display_width

    page = help_page(capsys, "check")
    options = page.split("选项：\n", 1)[1].splitlines()
    starts = set()
    for line in options:
        m = re.match(r"^(  \S.*?  +)\S", line)
        if m:
            starts.add(display_width(m.group(1)))
    assert len(starts) == 1, options


def test_plain_command_prints_the_help_once(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ex:
        main([])
    out, err = capsys.readouterr()
    assert ex.value.code == 0 and err == ""
    assert out.count("用法：draft-report") == 1 and "命令：" in out and "错误" not in out


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check"], "错误：缺少参数：报告文件。"),
        (["audit"], "错误：缺少参数：报告或文件夹...。"),
        (["init"], "错误：缺少参数：数据文件夹。"),
    ],
)
def test_missing_argument_names_the_placeholder(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as ex:
        main(argv)
    err = capsys.readouterr().err
    assert ex.value.code == 2
    assert err.startswith(expected), err
    assert f"用法：draft-report {argv[0]} [选项]" in err
    assert not re.search(r"Usage|Missing|(?<!draft-)report\b|DATA", err)
