"""LLM drafting cost per report, for both examples: calls, prompt/completion tokens, time outside the model.

    python bench/llm_bench.py [--runs 5]

No model is reachable here, so the pipeline runs against a local OpenAI-compatible server
(``drafting.llm.local_server``) that answers instantly with the offline drafter's text for the
section asked (numbers right, so no repair round is needed). Figures printed:

* LLM calls per report: clean (one per drafted section) and worst case (every section using all
  repair rounds: 2 × (1 + max_repair_rounds)), not counting retries of failed HTTP calls.
* tokens: the rendered prompts and the answers counted with the cl100k_base encoding. tiktoken
  downloads its encodings from the internet; when that fails, ``bpe-openai`` (the same cl100k_base
  vocabulary compiled into the package; ``pip install -e '.[bench]'``) is used; without either, an
  estimate (1 token per CJK character, 1 per 4 other characters) — the script says which.
* time outside the model: wall time of the whole ``draft --llm`` pipeline (load, prompts, answer
  cleaning, checking, compose, render, write) minus the time spent inside chat-completion calls
  (which here are local round trips of a few milliseconds), median of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import re
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from draft_report.commands.draft import run_draft
from draft_report.config import resolve_config
from draft_report.drafting.llm import prompts as P
from draft_report.drafting.llm.drafter import LLMDrafter
from draft_report.drafting.llm.local_server import LocalChatServer, Reply, completion_body
from draft_report.drafting.offline import OfflineDrafter
from draft_report.loading import load_dataset

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("xiaxian-2023", "scjg-2024")


def token_counter() -> tuple[Callable[[str], int], str]:
    """cl100k_base via tiktoken, else via bpe-openai, else an estimate; and the name of the method."""
    try:
        import tiktoken

        enc = tiktoken.get_encoding("cl100k_base")
        return (lambda s: len(enc.encode(s))), "tiktoken cl100k_base"
    except Exception as exc:  # encodings are downloaded on first use; no internet here
        reason = type(exc).__name__
    try:
        import bpe_openai

        enc2 = bpe_openai.get_encoding("cl100k_base")
        return (lambda s: len(enc2.encode(s))), f"bpe-openai cl100k_base (tiktoken failed: {reason})"
    except Exception:
        pass

    def estimate(s: str) -> int:
        cjk = len(re.findall(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]", s))
        return cjk + (len(s) - cjk + 3) // 4

    return estimate, f"ESTIMATE (1/CJK char + 1/4 other chars; tiktoken failed: {reason}, bpe-openai missing)"


def chat_tokens(messages: list[dict[str, str]], count: Callable[[str], int]) -> int:
    """Tokens of a chat request as OpenAI counts them: content + ~4 per message + 3 priming."""
    return sum(count(m["content"]) + 4 for m in messages) + 3


def bench_example(name: str, count: Callable[[str], int], runs: int) -> dict[str, float]:
    folder = ROOT / "examples" / name
    dataset = load_dataset(folder)
    offline = OfflineDrafter()
    answers = {
        k: "\n".join(p.text for p in offline.draft(k, dataset).paragraphs) for k in ("overview", "problems")
    }
    prompts = {k: P.section_messages(k, dataset).messages for k in answers}
    repair = P.repair_messages(  # a typical round: one issue, in one sub-section
        "overview", dataset, answers["overview"], ["（示例）一处数字与数据不符"], ["（二）依申请公开情况"]
    ).messages

    def respond(body: dict) -> Reply:
        key = "overview" if "第一部分" in body["messages"][-1]["content"] else "problems"
        return Reply(body=completion_body(answers[key]))

    outside: list[float] = []
    llm_side: list[float] = []
    calls = 0
    with LocalChatServer(respond) as server:
        config = resolve_config({"base_url": server.base_url, "model": "bench"}, env={})
        for _ in range(runs):
            drafter = LLMDrafter(config)
            with tempfile.TemporaryDirectory() as tmp:
                started = time.perf_counter()
                run_draft(folder, Path(tmp) / "out", ["md", "html", "docx"], drafter=drafter)
                wall = time.perf_counter() - started
            outside.append(wall - drafter.chat.stats.seconds_in_model)
            llm_side.append(drafter.seconds_outside_model)
            calls = drafter.chat.stats.calls
    rounds = config.max_repair_rounds
    prompt_clean = sum(chat_tokens(m, count) for m in prompts.values())
    completion_clean = sum(count(a) for a in answers.values())
    repair_tokens = chat_tokens(repair, count)
    return {
        "calls_clean": calls,
        "calls_worst": 2 * (1 + rounds),
        "prompt_overview": chat_tokens(prompts["overview"], count),
        "prompt_problems": chat_tokens(prompts["problems"], count),
        "prompt_repair_round": repair_tokens,
        "prompt_clean": prompt_clean,
        "completion_clean": completion_clean,
        "prompt_worst": prompt_clean + 2 * rounds * repair_tokens,
        "completion_worst": completion_clean * (1 + rounds),
        "outside_median_ms": statistics.median(outside) * 1000,
        "outside_min_ms": min(outside) * 1000,
        "llm_side_median_ms": statistics.median(llm_side) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    count, method = token_counter()
    print(f"token counting: {method}")
    print(f"runs per example: {args.runs} (md + html + docx written each run)")
    for name in EXAMPLES:
        r = bench_example(name, count, args.runs)
        print(f"\n== {name} ==")
        print(
            f"LLM calls per report: {r['calls_clean']:.0f} clean; {r['calls_worst']:.0f} worst case (all repair rounds)"
        )
        print(
            f"prompt tokens: overview {r['prompt_overview']:.0f}, problems {r['prompt_problems']:.0f}, "
            f"one repair round {r['prompt_repair_round']:.0f}"
        )
        print(
            f"per report (clean): prompt {r['prompt_clean']:.0f} + completion {r['completion_clean']:.0f} tokens; "
            f"worst case: prompt {r['prompt_worst']:.0f} + completion {r['completion_worst']:.0f}"
        )
        print(
            f"time outside the model: median {r['outside_median_ms']:.0f} ms, min {r['outside_min_ms']:.0f} ms "
            "(load, prompts, cleaning, checking, compose, md+html+docx)"
        )
        print(
            f"  of which the LLM drafter's own work (prompt rendering, answer cleaning, check_prose, "
            f"claim binding): median {r['llm_side_median_ms']:.0f} ms"
        )


if __name__ == "__main__":
    main()
