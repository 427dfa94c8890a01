"""``draft-report draft DATA -o OUT --llm --base-url http://127.0.0.1:PORT/v1 --model NAME`` end to end,
against a small local HTTP server that speaks the chat-completions protocol."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES
from draft_report.cli import main
from draft_report.drafting.llm import client as client_module
from draft_report.drafting.llm.local_server import LocalChatServer, Reply, completion_body
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset

EXAMPLE = EXAMPLES / "scjg-2024"
SECRET = "sk-cli-test-abcdefghijklmnopqrstuvwxyz"


@pytest.fixture(scope="module")
def model_text() -> dict[str, str]:
    """What our fake model writes: the offline draft with the wording changed (no numbers touched),
    so the report shows whose prose it is."""
    dataset = load_dataset(EXAMPLE)
    offline = OfflineDrafter()
    out = {}
    for key in ("overview", "problems"):
        text = "\n".join(p.text for p in offline.draft(key, dataset).paragraphs)
        out[key] = text.replace("认真贯彻落实", "深入贯彻落实").replace("下一步", "今后")
    return out


def _section_of(body: dict) -> str:
    user = body["messages"][-1]["content"]
    return "overview" if "第一部分" in user else "problems"


def _responder(answers: Callable[[str, int], str]) -> Callable[[dict], Reply]:
    counts: dict[str, int] = {}

    def respond(body: dict) -> Reply:
        key = _section_of(body)
        counts[key] = counts.get(key, 0) + 1
        return Reply(
            body=completion_body(
                answers(key, counts[key]), model=body["model"], prompt_tokens=1000, completion_tokens=400
            )
        )

    return respond


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ex:
        main(args)
    captured = capsys.readouterr()
    return int(ex.value.code or 0), captured.out, captured.err


def _draft(server: LocalChatServer, out: Path, *extra: str) -> list[str]:
    return [
        "draft",
        str(EXAMPLE),
        "-o",
        str(out),
        "--llm",
        "--base-url",
        server.base_url,
        "--model",
        "local-qwen",
        *extra,
    ]


def test_llm_draft_end_to_end(tmp_path: Path, capsys, model_text) -> None:
    out = tmp_path / "out"
    with LocalChatServer(_responder(lambda key, n: model_text[key])) as server:
        code, stdout, stderr = _run(_draft(server, out, "--api-key", SECRET), capsys)
    assert code == 0, stderr
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "深入贯彻落实" in report and "今后" in report  # the model's prose made it into the report
    assert "【待核实" not in report
    assert [_section_of(r.body) for r in server.requests] == ["overview", "problems"]
    assert all(r.body["model"] == "local-qwen" and r.path == "/v1/chat/completions" for r in server.requests)
    assert server.requests[0].headers["authorization"] == f"Bearer {SECRET}"

    sidecar = out / "report.provenance.json"
    raw = sidecar.read_text(encoding="utf-8")
    assert SECRET not in raw and SECRET not in stdout + stderr
    prov = json.loads(raw)
    overview = prov["sections"]["overview"]
    assert overview["backend"] == "llm" and overview["model"] == "local-qwen"
    assert overview["endpoint_host"] == server.base_url.split("//")[1].split("/")[0]
    assert overview["prompt_template_hash"].startswith("sha256:") and overview["repair_rounds"] == 0
    assert overview["token_usage"]["prompt_tokens"] == 1000
    bound = {(c["text"], c["field"]) for c in overview["claims"]}
    assert ("96条", "publications.total") in bound and ("18件", "t3.r1_new.total") in bound
    assert all(c["data_value"] is None or str(c["data_value"]) == c["value"] for c in overview["claims"])
    assert prov["totals"]["llm_calls"] == 2 and prov["llm"]["api_key"] == "已配置"
    assert "report.provenance.json" in stdout
    assert "正在请模型起草“一、总体情况”（local-qwen" in stderr  # progress goes to stderr


def test_wrong_number_is_repaired(tmp_path: Path, capsys, model_text) -> None:
    wrong = model_text["overview"].replace("申请18件", "申请17件")
    assert wrong != model_text["overview"]
    answers = lambda key, n: wrong if key == "overview" and n == 1 else model_text[key]  # noqa: E731
    with LocalChatServer(_responder(answers)) as server:
        code, _, stderr = _run(_draft(server, tmp_path / "out"), capsys)
    assert code == 0, stderr
    repair = server.requests[1].body["messages"]
    assert len(repair) == 2 and "17件" in repair[1]["content"] and "18" in repair[1]["content"]
    # bounded: the issues, the facts, the notes and rules, the last draft — not the conversation so far
    assert "工作要点" in repair[1]["content"] and "规则：" in repair[1]["content"]
    assert repair[1]["content"].count("原稿：") == 1
    assert "请模型修改（第 1 轮）" in stderr
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "申请18件" in report and "申请17件" not in report
    prov = json.loads((tmp_path / "out" / "report.provenance.json").read_text(encoding="utf-8"))
    assert prov["sections"]["overview"]["repair_rounds"] == 1
    assert prov["sections"]["overview"]["number_changes"][0]["before"] == "17件"


def test_number_still_wrong_is_marked_and_exits_1(tmp_path: Path, capsys, model_text) -> None:
    wrong = model_text["overview"].replace("申请18件", "申请17件")
    answers = lambda key, n: wrong if key == "overview" else model_text[key]  # noqa: E731
    with LocalChatServer(_responder(answers)) as server:
        code, _, stderr = _run(_draft(server, tmp_path / "out", "--max-repair-rounds", "1"), capsys)
    assert code == 1
    assert len([r for r in server.requests if _section_of(r.body) == "overview"]) == 2  # 1 draft + 1 repair
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "申请17件【待核实：" in report  # never unmarked
    assert "17件" in stderr and "待核实" in stderr
    prov = json.loads((tmp_path / "out" / "report.provenance.json").read_text(encoding="utf-8"))
    assert prov["unresolved"][0]["actual"] == "17" and prov["unresolved"][0]["expected"] == "18"


def test_unreachable_endpoint_falls_back_to_offline(tmp_path: Path, capsys, monkeypatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr(client_module, "real_sleep", waits.append)
    with LocalChatServer(lambda body: Reply(502, {"error": {"message": "bad gateway"}})) as server:
        code, stdout, stderr = _run(_draft(server, tmp_path / "out"), capsys)
    assert code == 0, stderr
    assert len(server.requests) == 8 and waits == [1.0, 2.0, 4.0] * 2  # 4 attempts per section
    assert "已改用内置模板起草" in stdout and "502" in stdout
    prov = json.loads((tmp_path / "out" / "report.provenance.json").read_text(encoding="utf-8"))
    assert prov["sections"]["overview"]["backend"] == "offline"
    assert (tmp_path / "out" / "report.md").is_file()


def test_llm_without_any_endpoint_drafts_offline_with_a_notice(tmp_path: Path, capsys) -> None:
    code, stdout, stderr = _run(["draft", str(EXAMPLE), "-o", str(tmp_path / "out"), "--llm"], capsys)
    assert code == 0, stderr
    notice = next(line for line in stdout.splitlines() if "未配置大模型接口" in line)
    for name in ("--base-url", "--api-key", "DRAFT_REPORT_BASE_URL", "DRAFT_REPORT_API_KEY", "OPENAI_API_KEY"):
        assert name in notice
    assert "配置文件" in notice and "config.toml" in notice and "Traceback" not in stderr
    # the same report as the offline drafter writes without --llm
    code, _, _ = _run(["draft", str(EXAMPLE), "-o", str(tmp_path / "plain")], capsys)
    assert code == 0
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert report == (tmp_path / "plain" / "report.md").read_text(encoding="utf-8")
    prov = json.loads((tmp_path / "out" / "report.provenance.json").read_text(encoding="utf-8"))
    assert prov["llm"]["configured"] is False and prov["totals"]["llm_calls"] == 0
    for key in ("overview", "problems"):
        assert prov["sections"][key]["backend"] == "offline"
        assert "未配置大模型接口" in prov["sections"][key]["fallback_reason"]


def test_llm_from_env_without_endpoint_drafts_offline(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("DRAFT_REPORT_LLM", "1")
    monkeypatch.setenv("DRAFT_REPORT_TEMPERATURE", "0.1")  # a setting, but no endpoint and no key
    code, stdout, _ = _run(["draft", str(EXAMPLE), "-o", str(tmp_path / "out")], capsys)
    assert code == 0 and "未配置大模型接口" in stdout
    assert (tmp_path / "out" / "report.md").is_file()


@pytest.mark.parametrize(
    ("args", "key_env"),
    [
        (["--provider", "deepseek"], "DEEPSEEK_API_KEY"),
        (["--provider", "qwen"], "DASHSCOPE_API_KEY"),
        (["--base-url", "https://api.deepseek.com/v1"], "DEEPSEEK_API_KEY"),
        (["--model", "gpt-4o"], "OPENAI_API_KEY"),  # a model name with the default host: OpenAI
        (["--provider", "openai"], "OPENAI_API_KEY"),
    ],
)
def test_hosted_provider_chosen_without_key_is_a_clear_error(
    tmp_path: Path, capsys, args: list[str], key_env: str
) -> None:
    code, stdout, stderr = _run(["draft", str(EXAMPLE), "-o", str(tmp_path / "out"), "--llm", *args], capsys)
    assert code == 2
    assert "--api-key" in stderr and "DRAFT_REPORT_API_KEY" in stderr and key_env in stderr
    assert args[0] in stderr and "Traceback" not in stderr
    assert not (tmp_path / "out").exists()


def test_draft_without_llm_is_quiet(tmp_path: Path, capsys) -> None:
    code, stdout, stderr = _run(["draft", str(EXAMPLE), "-o", str(tmp_path / "out")], capsys)
    assert code == 0 and stderr == ""
    assert "大模型" not in stdout and "离线" not in stdout
    assert not (tmp_path / "out" / "report.provenance.json").exists()


def test_existing_report_is_refused_before_any_model_call(tmp_path: Path, capsys, model_text) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("审核人员改过的稿件", encoding="utf-8")
    with LocalChatServer(_responder(lambda key, n: model_text[key])) as server:
        code, _, stderr = _run(_draft(server, out), capsys)
    assert code == 2 and server.requests == []
    assert (out / "report.md").read_text(encoding="utf-8") == "审核人员改过的稿件"


def test_llm_options_without_llm_are_reported(tmp_path: Path, capsys) -> None:
    code, _, stderr = _run(["draft", str(EXAMPLE), "-o", str(tmp_path / "o"), "--model", "x"], capsys)
    assert code == 0 and "未加 --llm" in stderr
    assert not (tmp_path / "o" / "report.provenance.json").exists()


@pytest.mark.parametrize(
    ("flag", "value", "expected"),
    [
        ("--timeout", "abc", "大于0且不超过3600的秒数"),
        ("--temperature", "3", "0到2之间的数"),
        ("--max-repair-rounds", "1.5", "整数"),
    ],
)
def test_bad_llm_numbers_are_chinese_input_errors(
    tmp_path: Path, capsys, flag: str, value: str, expected: str
) -> None:
    args = ["draft", str(EXAMPLE), "-o", str(tmp_path / "o"), "--llm", "--base-url", "http://127.0.0.1:9/v1"]
    code, _, stderr = _run([*args, flag, value], capsys)
    assert code == 2 and flag in stderr and expected in stderr and f"“{value}”" in stderr
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("reply", [Reply(hang=True), Reply(body=completion_body("好" * 40), drip=0.1)])
def test_hanging_or_dripping_server_falls_back_within_the_bound(
    tmp_path: Path, capsys, monkeypatch, reply: Reply
) -> None:
    import time

    # --timeout 0.5: the run's budget (6 x 0.5 s) still leaves room for the second attempt after
    # the first one's timeout and its (skipped) 1 s backoff; the drip (0.1 s) stays well under it.
    monkeypatch.setattr(client_module, "real_sleep", lambda s: None)
    with LocalChatServer(lambda body: reply) as server:
        started = time.monotonic()
        code, stdout, stderr = _run(_draft(server, tmp_path / "out", "--timeout", "0.5"), capsys)
        elapsed = time.monotonic() - started
    assert code == 0, stderr
    assert len(server.requests) == 2  # two timeouts: the endpoint is down for the run
    assert elapsed < 0.5 * len(server.requests) + 10
    assert "已改用内置模板起草" in stdout and (tmp_path / "out" / "report.md").is_file()
    prov = json.loads((tmp_path / "out" / "report.provenance.json").read_text(encoding="utf-8"))
    assert {prov["sections"][k]["backend"] for k in ("overview", "problems")} == {"offline"}
