"""Author the LLM cassettes in ``cassettes/`` — or re-record one from a real endpoint.

No model is reachable from the machines this project is built on, so the cassettes here are
AUTHORED, not recorded: each ``authored_*.yaml`` holds OpenAI chat-completions interactions in the
exact wire format, whose request bodies are the prompts the current code renders for
``examples/scjg-2024`` and whose answers are the fixed texts below. Run

    python cassettes/make_cassettes.py            # rewrite every authored_*.yaml

after a prompt change (the tests match on the request body, so a changed prompt fails loudly until
the cassettes are regenerated). The authored answers never change with the prompts.

To record a real model instead (needs a key; see docs/llm.md):

    RECORD_LLM_API_KEY=sk-… python cassettes/make_cassettes.py --record \\
        --base-url https://api.deepseek.com/v1 --model deepseek-chat

writes ``cassettes/recorded_<host>_<model>.yaml`` with the Authorization header, cookies and
account headers scrubbed; ``tests/test_cassette_hygiene.py`` refuses any cassette that still holds one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2
import yaml

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
EXAMPLE = ROOT / "examples" / "scjg-2024"
PLACEHOLDER_KEY = "test-key-not-a-secret"  # what the replaying tests send; never recorded

OPENAI_URL = "https://api.openai.com/v1"
DEEPSEEK_URL = "https://api.deepseek.com/v1"
DASHSCOPE_URL = "https://dashscope.aliyuncs.com/compatible-mode/v1"
VLLM_URL = "http://127.0.0.1:8000/v1"

# --- the authored answers (fixed text, written for examples/scjg-2024) -------------------------

OVERVIEW = """2024年，我局坚持以公开为常态、不公开为例外，围绕市场监管中心工作推进政务公开，调整了政务公开工作领导小组，由分管副局长任组长，办公室负责日常工作。
（一）主动公开情况
全年主动公开政府信息96条，其中在政府网站发布信息64条、在微信公众号发布信息32条。我局重点公开食品安全监督抽检、产品质量监督抽查、“双随机、一公开”抽查结果，行政许可、行政处罚决定自作出之日起7个工作日内在政府网站公示，全年作出行政许可决定1286件、行政处罚决定147件。
（二）依申请公开情况
全年新收政府信息公开申请18件，上年结转2件，办结18件，结转下年度继续办理2件。我局严格按照法定时限答复，对不予公开的申请逐一说明理由和法律依据，并告知救济途径。
（三）政府信息管理情况
我局对本局制发的行政规范性文件开展全面清理，废止1件，清理后现行有效9件；全年制发行政规范性文件2件。落实信息发布保密审查制度，坚持“先审查、后公开”和“一事一审”。
（四）政府信息公开平台建设情况
政府网站部门专栏设工作动态、政策文件、通知公告、行政执法公示等栏目；微信公众号“云溪市场监管”开设“政策解读”栏目，以图解、问答形式解读新规。
（五）监督保障情况
我局将政务公开纳入科室年度考核，全年组织政务公开业务培训3次，开展政务公开专项检查2次。本年度未发生因政府信息公开工作被责任追究的情况。"""

PROBLEMS = """（一）上年度问题整改情况
针对上年度报告提出的政府网站部分栏目更新不及时问题，我局明确各栏目责任科室和更新时限，每月通报栏目更新情况，全年未再出现栏目长期未更新的情况。针对行政执法信息公示不够全面问题，我局将行政许可、行政处罚决定的公示纳入执法办案流程，全年公示行政许可决定1286件、行政处罚决定147件。
（二）存在的主要问题
一是政策解读以文字稿和宣讲会为主，短视频、动漫等群众喜闻乐见的解读形式运用不多；二是依申请公开答复文书的规范性有待提高，个别答复对法律依据的援引不够具体；三是基层市场监管所工作人员的政务公开业务能力参差不齐。
（三）改进措施
一是丰富政策解读形式，重要政策文件做到解读材料与文件同步起草、同步审签、同步发布；二是制定依申请公开答复文书范本，办公室对每份答复实行法制审核；三是每半年组织一次面向基层所的政务公开业务培训。"""

# One wrong figure: the data says 18 new requests.
OVERVIEW_WRONG = OVERVIEW.replace("新收政府信息公开申请18件", "新收政府信息公开申请17件")
# Cut off by the token limit in the middle of sub-section (二).
OVERVIEW_TRUNCATED = OVERVIEW[: OVERVIEW.index("上年结转")]
THINK = "<think>\n先核对数据表：新收申请18件，办结18件，发布信息96条。按要求只写段落，小标题单独成行。\n</think>\n\n"
# A Qwen-style answer: wrapped in a fence, half-width punctuation, a Markdown heading.
PROBLEMS_QWEN = (
    "```text\n## 五、存在的主要问题及改进情况\n" + PROBLEMS.replace("，", ",").replace("；", ";") + "\n```"
)

# --- response bodies in each provider's shape ---------------------------------------------------


def _tokens(messages: list[dict[str, str]]) -> int:
    """Authored usage figures: about one token per Chinese character, four ASCII characters each."""
    text = "".join(m["content"] for m in messages)
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    return cjk + (len(text) - cjk) // 4


def openai_body(content: str, request: dict[str, Any], n: int, finish: str = "stop") -> dict[str, Any]:
    return {
        "id": f"chatcmpl-authored{n:04d}",
        "object": "chat.completion",
        "created": 1737331200 + n,
        "model": request["model"],
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": None},
                "logprobs": None,
                "finish_reason": finish,
            }
        ],
        "usage": {
            "prompt_tokens": _tokens(request["messages"]),
            "completion_tokens": _tokens([{"content": content}]),
            "total_tokens": _tokens(request["messages"]) + _tokens([{"content": content}]),
        },
        "system_fingerprint": "fp_authored",
    }


def deepseek_body(content: str, request: dict[str, Any], n: int) -> dict[str, Any]:
    """deepseek-reasoner: the chain of thought in ``reasoning_content``, cache-hit usage fields."""
    prompt = _tokens(request["messages"])
    completion = _tokens([{"content": content}])
    return {
        "id": f"6f1c2d3e-authored-{n:04d}",
        "object": "chat.completion",
        "created": 1737331200 + n,
        "model": "deepseek-reasoner",
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": content,
                    "reasoning_content": "用户要求起草年度报告的一个部分。数据表中的数字要原样引用。",
                },
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion + 40,
            "total_tokens": prompt + completion + 40,
            "prompt_tokens_details": {"cached_tokens": 0},
            "completion_tokens_details": {"reasoning_tokens": 40},
            "prompt_cache_hit_tokens": 0,
            "prompt_cache_miss_tokens": prompt,
        },
        "system_fingerprint": "fp_authored_deepseek",
    }


def qwen_body(content: str, request: dict[str, Any], n: int) -> dict[str, Any]:
    """DashScope compatible mode: ``system_fingerprint`` null, ``prompt_tokens_details`` present."""
    prompt = _tokens(request["messages"])
    completion = _tokens([{"content": content}])
    return {
        "choices": [
            {
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
                "index": 0,
                "logprobs": None,
            }
        ],
        "object": "chat.completion",
        "usage": {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
            "prompt_tokens_details": {"cached_tokens": 0},
        },
        "created": 1737331200 + n,
        "system_fingerprint": None,
        "model": "qwen-plus",
        "id": f"chatcmpl-authored-qwen-{n:04d}",
    }


def error_body(status: int) -> dict[str, Any]:
    if status == 429:
        return {
            "error": {
                "message": "Rate limit reached. Please try again in 1s.",
                "type": "requests",
                "param": None,
                "code": "rate_limit_exceeded",
            }
        }
    return {
        "error": {
            "message": "The server had an error while processing your request.",
            "type": "server_error",
            "param": None,
            "code": None,
        }
    }


@dataclass
class Step:
    """One authored response: a function of the request it answers."""

    make: Callable[[dict[str, Any], int], dict[str, Any]]
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


def ok(content: str, finish: str = "stop") -> Step:
    return Step(lambda req, n: openai_body(content, req, n, finish))


def fail(status: int, **headers: str) -> Step:
    return Step(lambda req, n: error_body(status), status, headers)


@dataclass
class Scenario:
    name: str
    description: str
    base_url: str
    model: str
    steps: list[Step]


SCENARIOS: list[Scenario] = [
    Scenario(
        "authored_clean_draft",
        "两部分一次写对：无需修改轮次",
        OPENAI_URL,
        "gpt-4o-mini",
        [ok(OVERVIEW), ok(PROBLEMS)],
    ),
    Scenario(
        "authored_repair_fixes_number",
        "第一部分有一个数字写错（17件，数据为18件），一轮修改后改正",
        OPENAI_URL,
        "gpt-4o-mini",
        [ok(OVERVIEW_WRONG), ok(OVERVIEW), ok(PROBLEMS)],
    ),
    Scenario(
        "authored_still_wrong_flagged",
        "两轮修改后数字仍然错误：保留草稿，标注【待核实】，退出码 1",
        OPENAI_URL,
        "gpt-4o-mini",
        [ok(OVERVIEW_WRONG), ok(OVERVIEW_WRONG), ok(OVERVIEW_WRONG), ok(PROBLEMS)],
    ),
    Scenario(
        "authored_429_then_success",
        "第一次请求返回 429（Retry-After: 1），退避后成功",
        OPENAI_URL,
        "gpt-4o-mini",
        [fail(429, **{"retry-after": "1"}), ok(OVERVIEW), ok(PROBLEMS)],
    ),
    Scenario(
        "authored_500_fallback",
        "第一部分连续返回 500（1 次 + 3 次重试），改用内置模板；第五部分正常",
        OPENAI_URL,
        "gpt-4o-mini",
        [fail(500), fail(500), fail(500), fail(500), ok(PROBLEMS)],
    ),
    Scenario(
        "authored_truncated_then_retry",
        "第一次回答因长度限制被截断（finish_reason=length），重新请求后完整",
        OPENAI_URL,
        "gpt-4o-mini",
        [ok(OVERVIEW_TRUNCATED, "length"), ok(OVERVIEW), ok(PROBLEMS)],
    ),
    Scenario(
        "authored_reasoning_think",
        "推理模型（vLLM 上的 QwQ）在正文前输出 <think>…</think>",
        VLLM_URL,
        "Qwen/QwQ-32B",
        [ok(THINK + OVERVIEW), ok(THINK + PROBLEMS)],
    ),
    Scenario(
        "authored_deepseek_style",
        "DeepSeek 风格的应答体（reasoning_content、缓存命中计数）",
        DEEPSEEK_URL,
        "deepseek-reasoner",
        [
            Step(lambda req, n: deepseek_body(OVERVIEW, req, n)),
            Step(lambda req, n: deepseek_body(PROBLEMS, req, n)),
        ],
    ),
    Scenario(
        "authored_qwen_style",
        "通义千问（DashScope 兼容模式）风格的应答体；第五部分带代码围栏和半角标点",
        DASHSCOPE_URL,
        "qwen-plus",
        [
            Step(lambda req, n: qwen_body(OVERVIEW, req, n)),
            Step(lambda req, n: qwen_body(PROBLEMS_QWEN, req, n)),
        ],
    ),
]
SCENARIO_BY_NAME = {s.name: s for s in SCENARIOS}

HEADER = """\
# AUTHORED cassette — NOT recorded from a real model.
# No LLM endpoint is reachable from the machines draft-report is built on, so this file was written
# by cassettes/make_cassettes.py in the exact OpenAI chat-completions wire format: the request bodies
# are the prompts the code renders for examples/scjg-2024; the answers are fixed authored text.
# Scenario: {name} — {description}
# Regenerate after a prompt change: python cassettes/make_cassettes.py
# It holds no key, no Authorization header, no cookies and no account headers (tests/test_cassette_hygiene.py).
"""


def _interaction(request: httpx2.Request, status: int, headers: dict[str, str], body: dict[str, Any]) -> dict:
    return {
        "request": {
            "body": request.content.decode("utf-8"),
            "headers": {"Content-Type": ["application/json"]},
            "method": request.method,
            "uri": str(request.url),
        },
        "response": {
            "status": {"code": status, "message": httpx2.codes.get_reason_phrase(status)},
            "headers": {"Content-Type": ["application/json"], **{k: [v] for k, v in headers.items()}},
            "body": {"string": json.dumps(body, ensure_ascii=False)},
        },
    }


def author(scenario: Scenario) -> dict[str, Any]:
    """Run the real drafting pipeline against the scripted answers; capture the exact requests."""
    from draft_report.config import resolve_config
    from draft_report.drafting.llm.drafter import LLMDrafter
    from draft_report.loading import load_dataset

    steps = list(scenario.steps)
    interactions: list[dict[str, Any]] = []

    def handler(request: httpx2.Request) -> httpx2.Response:
        if not steps:
            raise RuntimeError(f"{scenario.name}: the pipeline asked more than the scenario answers")
        step = steps.pop(0)
        body = step.make(json.loads(request.content), len(interactions) + 1)
        interactions.append(_interaction(request, step.status, step.headers, body))
        return httpx2.Response(step.status, json=body, headers=step.headers)

    config = resolve_config(
        {"base_url": scenario.base_url, "model": scenario.model, "api_key": PLACEHOLDER_KEY}, env={}
    )
    drafter = LLMDrafter(
        config, http_client=httpx2.Client(transport=httpx2.MockTransport(handler)), sleep=lambda s: None
    )
    dataset = load_dataset(EXAMPLE)
    for key in ("overview", "problems"):
        drafter.draft(key, dataset)
    if steps:
        raise RuntimeError(f"{scenario.name}: {len(steps)} authored answers were never asked for")
    return {"interactions": interactions, "version": 1}


def write_cassette(path: Path, data: dict[str, Any], header: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + text, encoding="utf-8")


def author_all(names: list[str] | None = None) -> list[Path]:
    written = []
    for scenario in SCENARIOS:
        if names and scenario.name not in names:
            continue
        path = CASSETTES / f"{scenario.name}.yaml"
        write_cassette(
            path, author(scenario), HEADER.format(name=scenario.name, description=scenario.description)
        )
        written.append(path)
    return written


# --- recording from a real endpoint ---------------------------------------------------------------


def record(base_url: str, model: str) -> Path:
    """Draft the example once against a real endpoint, recording with everything secret scrubbed."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import llm_vcr  # the same matchers and scrubbing the tests use
    from draft_report.cli import main

    key = os.environ.get("RECORD_LLM_API_KEY")
    if not key:
        raise SystemExit("请设置环境变量 RECORD_LLM_API_KEY（录制所用的真实密钥，不会写入磁带）")
    host = re.sub(r"[^A-Za-z0-9]+", "-", httpx2.URL(base_url).host).strip("-")
    safe_model = re.sub(r"[^A-Za-z0-9]+", "-", model).strip("-")
    path = CASSETTES / f"recorded_{host}_{safe_model}.yaml"
    if path.exists():
        path.unlink()
    out = Path(tempfile.mkdtemp(prefix="draft-report-record-")) / "out"
    os.environ["DRAFT_REPORT_API_KEY"] = key
    with llm_vcr(record_mode="all").use_cassette(str(path)):
        try:
            main(
                [
                    "draft",
                    str(EXAMPLE),
                    "-o",
                    str(out),
                    "--force",
                    "--llm",
                    "--base-url",
                    base_url,
                    "--model",
                    model,
                ]
            )
        except SystemExit as exc:
            print(f"draft exited with {exc.code}; report in {out}")
    header = (
        f"# RECORDED from {httpx2.URL(base_url).host} ({model}) on {dt.date.today()} with "
        "cassettes/make_cassettes.py --record;\n# Authorization, cookies and account headers were scrubbed.\n"
    )
    path.write_text(header + path.read_text(encoding="utf-8"), encoding="utf-8")
    if key in path.read_text(encoding="utf-8"):
        path.unlink()
        raise SystemExit("录制结果中出现了密钥，已删除该磁带文件")
    return path


def main_cli(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("names", nargs="*", help="only these scenarios (default: all)")
    parser.add_argument(
        "--record", action="store_true", help="record a real endpoint instead (needs RECORD_LLM_API_KEY)"
    )
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    args = parser.parse_args(argv)
    if args.record:
        if not (args.base_url and args.model):
            parser.error("--record needs --base-url and --model")
        print(record(args.base_url, args.model))
        return
    for path in author_all(args.names):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main_cli()
