"""Replay the authored cassettes in ``cassettes/`` through the real CLI and the real ``openai`` client.

Requests are matched on method, the ``/chat/completions`` path suffix and the JSON body (model and
messages), so a changed prompt fails here until ``python cassettes/make_cassettes.py`` is run.
Every interaction of a cassette must be played (no stale answers left over).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CASSETTES, ROOT, llm_vcr, load_make_cassettes
from draft_report.cli import main
from draft_report.drafting.llm import client as client_module

M = load_make_cassettes()


class Run:
    def __init__(self, code: int, out: str, err: str, folder: Path, waits: list[float]) -> None:
        self.code, self.out, self.err, self.folder, self.waits = code, out, err, folder, waits
        self.report = (folder / "report.md").read_text(encoding="utf-8")
        self.prov = json.loads((folder / "report.provenance.json").read_text(encoding="utf-8"))

    def section(self, key: str) -> dict:
        return self.prov["sections"][key]


@pytest.fixture
def replay(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    def run(name: str, *extra: str) -> Run:
        scenario = M.SCENARIO_BY_NAME[name]
        waits: list[float] = []
        monkeypatch.setattr(client_module, "real_sleep", waits.append)
        out = tmp_path / name
        args = [
            "draft",
            str(M.EXAMPLE),
            "-o",
            str(out),
            "--llm",
            "--base-url",
            scenario.base_url,
            "--model",
            scenario.model,
            "--api-key",
            M.PLACEHOLDER_KEY,
            *extra,
        ]
        with llm_vcr().use_cassette(str(CASSETTES / f"{name}.yaml")) as cassette:
            with pytest.raises(SystemExit) as ex:
                main(args)
            assert cassette.all_played, (
                f"{name}: {cassette.play_count} of {len(cassette)} interactions played"
            )
        captured = capsys.readouterr()
        return Run(int(ex.value.code or 0), captured.out, captured.err, out, waits)

    return run


def test_every_scenario_has_its_cassette() -> None:
    files = {p.stem for p in CASSETTES.glob("authored_*.yaml")}
    assert files == set(M.SCENARIO_BY_NAME)
    for path in CASSETTES.glob("authored_*.yaml"):
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# AUTHORED cassette") and "NOT recorded" in head


def test_clean_draft(replay) -> None:
    run = replay("authored_clean_draft")
    assert run.code == 0, run.err
    assert "全年主动公开政府信息96条" in run.report and "【待核实" not in run.report
    for key in ("overview", "problems"):
        assert run.section(key)["backend"] == "llm" and run.section(key)["repair_rounds"] == 0
        assert run.section(key)["endpoint_host"] == "api.openai.com"
    assert run.prov["totals"]["llm_calls"] == 2 and run.prov["totals"]["prompt_tokens"] > 1000
    assert M.PLACEHOLDER_KEY not in json.dumps(run.prov)


def test_one_wrong_number_fixed_by_a_repair_round(replay) -> None:
    run = replay("authored_repair_fixes_number")
    assert run.code == 0, run.err
    assert "新收政府信息公开申请18件" in run.report and "申请17件" not in run.report
    assert run.section("overview")["repair_rounds"] == 1 and run.section("problems")["repair_rounds"] == 0
    assert "repair.j2" in run.section("overview")["prompt_templates"]


def test_number_still_wrong_is_flagged_and_exits_1(replay) -> None:
    run = replay("authored_still_wrong_flagged")
    assert run.code == 1
    assert "新收政府信息公开申请17件【待核实：" in run.report
    assert run.section("overview")["repair_rounds"] == 2
    assert [u["actual"] for u in run.prov["unresolved"]] == ["17"]
    assert "待核实" in run.err and "17件" in run.err


def test_429_then_success(replay) -> None:
    run = replay("authored_429_then_success")
    assert run.code == 0, run.err
    assert run.waits == [1.0]  # the server's Retry-After
    assert run.section("overview")["backend"] == "llm"
    assert run.prov["totals"]["http_attempts"] == 3


def test_500_falls_back_to_offline_for_that_section(replay) -> None:
    run = replay("authored_500_fallback")
    assert run.code == 0, run.err
    assert run.waits == [1.0, 2.0, 4.0]
    assert run.section("overview")["backend"] == "offline" and run.section("problems")["backend"] == "llm"
    assert "已改用内置模板起草" in run.out and "HTTP 500" in run.out
    assert "一、总体情况" in run.report and "【待核实" not in run.report


def test_truncated_answer_is_asked_again(replay) -> None:
    run = replay("authored_truncated_then_retry")
    assert run.code == 0, run.err
    assert run.section("overview")["token_usage"]["truncated"] == 1
    assert "结转下年度继续办理2件" in run.report  # the complete answer, not the cut one


def test_reasoning_model_think_block_is_stripped(replay) -> None:
    run = replay("authored_reasoning_think")
    assert run.code == 0, run.err
    assert "<think>" not in run.report and "先核对数据表" not in run.report
    assert run.section("overview")["endpoint_host"] == "127.0.0.1:8000"


def test_deepseek_style_body(replay) -> None:
    run = replay("authored_deepseek_style")
    assert run.code == 0, run.err
    assert "用户要求起草" not in run.report  # reasoning_content never reaches the report
    overview = run.section("overview")
    assert (overview["model"], overview["endpoint_host"]) == ("deepseek-reasoner", "api.deepseek.com")
    assert overview["token_usage"]["completion_tokens"] > 40


def test_qwen_style_body(replay) -> None:
    run = replay("authored_qwen_style")
    assert run.code == 0, run.err
    section5 = run.report.split("## 五、存在的主要问题及改进情况", 1)[1].split("## 六、", 1)[0]
    assert (
        "```" not in section5 and "五、存在的主要问题及改进情况" not in section5
    )  # fence and heading dropped
    assert "一是政策解读以文字稿和宣讲会为主，短视频" in section5  # half-width commas normalised
    assert run.section("problems")["endpoint_host"] == "dashscope.aliyuncs.com"


def test_a_changed_prompt_does_not_replay(replay, monkeypatch: pytest.MonkeyPatch) -> None:
    """The body matcher: a different model name (or prompt) finds no recorded answer."""
    from vcr.errors import CannotOverwriteExistingCassetteException

    scenario = M.SCENARIO_BY_NAME["authored_clean_draft"]
    monkeypatch.setattr(scenario, "model", "gpt-4o")
    monkeypatch.setenv("DRAFT_REPORT_DEBUG", "1")  # let the CLI re-raise instead of its one-line message
    with pytest.raises(CannotOverwriteExistingCassetteException):
        replay("authored_clean_draft")


RECORDED = sorted(CASSETTES.glob("recorded_*.yaml"))

if RECORDED:  # only when a user has recorded a real endpoint (make_cassettes.py --record)

    @pytest.mark.parametrize("path", RECORDED, ids=lambda p: p.stem)
    def test_recorded_cassettes_replay(path: Path, tmp_path: Path, capsys, monkeypatch) -> None:
        """Recorded cassettes replay offline through the CLI, every interaction played."""
        import yaml

        monkeypatch.setattr(client_module, "real_sleep", lambda s: None)
        first = yaml.safe_load(path.read_text(encoding="utf-8"))["interactions"][0]["request"]
        model = json.loads(first["body"])["model"]
        base_url = first["uri"].rsplit("/chat/completions", 1)[0]
        with llm_vcr().use_cassette(str(path)) as cassette:
            with pytest.raises(SystemExit) as ex:
                main(
                    [
                        "draft",
                        str(ROOT / "examples" / "scjg-2024"),
                        "-o",
                        str(tmp_path / "o"),
                        "--llm",
                        "--base-url",
                        base_url,
                        "--model",
                        model,
                        "--api-key",
                        M.PLACEHOLDER_KEY,
                    ]
                )
            assert cassette.all_played
        assert ex.value.code in (0, 1) and (tmp_path / "o" / "report.md").is_file()
