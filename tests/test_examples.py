"""The shipped examples draft offline into complete reports; the README's commands stay runnable."""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pytest

from draft_report.commands.draft import run_draft
from draft_report.drafting.compose import compose_document
from draft_report.drafting.facts import fmt_date
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset
from draft_report.sections import OVERVIEW_TOPICS, SECTIONS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if (p / "data.yaml").is_file())


def test_both_examples_are_present() -> None:
    assert {p.name for p in EXAMPLES} >= {"xiaxian-2023", "scjg-2024"}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_drafts_a_complete_report(example: Path, tmp_path: Path) -> None:
    written, notices = run_draft(example / "data.yaml", tmp_path, ["md"])
    assert written == [tmp_path / "report.md"]
    md = written[0].read_text(encoding="utf-8")
    data = load_dataset(example / "data.yaml").data
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == [s.heading for s in SECTIONS]
    overview = md.split("## 一、总体情况", 1)[1].split("## 二、", 1)[0]
    assert re.findall(r"^### (.+)$", overview, flags=re.M) == [t.heading for t in OVERVIEW_TOPICS]
    other = md.split("## 六、其他需要报告的事项", 1)[1]
    assert "信息处理费" in other and ("收费通知" in other)
    assert f'<p align="right">{data.signature}</p>' in md
    assert data.publication_date is not None
    assert md.rstrip().endswith(f'<p align="right">{fmt_date(data.publication_date)}</p>')
    # the examples fill in every sub-topic: nothing falls back to generic wording
    assert not [n for n in notices if "通用表述" in n]


def test_sample_example_reproduces_the_published_facts(tmp_path: Path) -> None:
    written, _ = run_draft(ROOT / "examples" / "xiaxian-2023", tmp_path, ["md"])  # folder works too
    md = written[0].read_text(encoding="utf-8")
    assert md.startswith("# 夏县乡村振兴局2023年度政府信息公开工作年度报告")
    assert "在政务网站发布信息37条" in md and "全年未收到政府信息公开申请" in md
    assert "## 四、政府信息公开行政复议、行政诉讼情况" in md  # not the published, truncated heading
    assert "疫情" not in md
    assert md.rstrip().endswith('<p align="right">2024年1月18日</p>')


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## 快速开始", 1)[1].split("\n## ", 1)[0]
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", quick, flags=re.S)]


def test_readme_has_exactly_two_commands_in_sync_with_ci() -> None:
    commands = _readme_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    install_and_draft, run_tests = commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_part = run_tests.split(". .venv/bin/activate && ", 1)[1]
    assert test_part in ci.splitlines()
    # command 1 drafts an example that exists
    words = shlex.split(install_and_draft.split("&& draft-report ", 1)[1])
    assert words[0] == "draft" and (ROOT / words[1]).is_file() and words[2] == "-o"
    # the English summary repeats the same two commands
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    english = readme.split("## English summary", 1)[1]
    assert install_and_draft in english and run_tests in english


def test_drafted_examples_pass_the_checker(tmp_path: Path) -> None:
    reading = pytest.importorskip("draft_report.reading")
    checking = pytest.importorskip("draft_report.checking")
    if not hasattr(reading, "read_report") or not hasattr(checking, "check_document"):
        pytest.skip("核查功能（reading.read_report / checking.check_document）尚未提供")
    for example in EXAMPLES:
        dataset = load_dataset(example / "data.yaml")
        out = tmp_path / example.name
        formats = ["md", "html"]
        if importlib.util.find_spec("draft_report.rendering.docx") is not None:
            formats.append("docx")
        written, _ = run_draft(example / "data.yaml", out, formats)
        assert len(written) == len(formats)
        for path in written:
            doc = reading.read_report(path)
            result = checking.check_document(doc, dataset)
            errors = [f for f in result.findings if f.severity == "error"]
            assert not errors, (path, [f.message for f in errors])
        drafted = compose_document(dataset, OfflineDrafter())
        findings = checking.check_document(drafted, dataset).findings
        assert not [f for f in findings if f.severity == "error"]
        # Every number the drafter itself writes binds to a data field; only numbers inside the
        # user's own notes may stay unverified.
        user_text = _user_text(dataset.data)
        for f in findings:
            if f.rule == "prose.unverified":
                assert f.location.excerpt and _strip(f.location.excerpt) in user_text, f.location.excerpt


def _strip(text: str) -> str:
    return re.sub(r"^\d+\.|[。；，\s]", "", text)


def _user_text(data: object) -> str:
    import json

    dumped = json.dumps(data.model_dump(mode="json"), ensure_ascii=False)  # type: ignore[attr-defined]
    return _strip(dumped)


_ALL_CONCLUDED = re.compile(r"(?:所有|全部)申请[^。；]*?办结|均已办结|全部办结")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_example_notes_do_not_contradict_the_data(example: Path, tmp_path: Path) -> None:
    """A reviewer reads the drafted report as a whole: the notes must agree with the tables and
    must not repeat a count the drafter already states from the logs."""
    dataset = load_dataset(example / "data.yaml")
    carried = dataset.data.tables().get("t3.r4_carry_out.total") or 0
    if carried:
        claims = [n for n in dataset.data.notes.on_request if _ALL_CONCLUDED.search(n)]
        assert not claims, f"结转下年度{carried}件，但要点称所有申请均已办结：{claims}"
    written, _ = run_draft(example / "data.yaml", tmp_path, ["md"])
    overview = written[0].read_text(encoding="utf-8").split("## 二、", 1)[0]
    for key, count in dataset.aggregates.items():
        kind = key.removeprefix("events.kind:")
        if kind == key or "." in kind or not count:
            continue
        stated = re.findall(rf"{re.escape(kind)}\s*{count}\s*[次场期]", overview)
        assert len(stated) <= 1, f"“{kind}{count}次”在总体情况中出现了{len(stated)}次"
