"""Realism bench for the LLM drafting loop: a local OpenAI-compatible server that drafts section 一
the way bureaus and models write it, in several behaviours, against the real pipeline.

    python bench/llm_realism.py [--drafts 16] [--seed 7] [--modes obedient,stubborn,...]

For each example and mode, ``--drafts`` drafts are generated from a phrasing bank (real report
wordings: 分别, 其中, derived totals such as 许可+处罚 or 新收+结转, notes copied verbatim, lists of
channels); half are correct, half carry one wrong item (a value off, an approximation outside its
range, a rate, a 同比, a date, an altered note figure, an invented count). The server's model then
behaves per mode:

* ``obedient``  follows every repair line (writes the value a mismatch names, restates a number
  with the facts sheet's label when it equals one of its values, else drops the clause);
* ``stubborn``  answers every repair with the same draft;
* ``off-by-one`` adds 1 to every number it writes, in the draft and in every repair;
* ``english`` / ``echo`` / ``long`` answer in English / with the prompt / with 10× the draft;
* ``slow`` drips one byte every 0.5 s; ``hang`` never answers (both with ``--timeout 2``).

Figures per mode: true numbers a repair changed (still there, other value), wrong numbers left
unmarked at exit 0, misplaced marks (a mark not right after a number, or marks ≠ unresolved
items), correct drafts flagged (exit 1 or a mark), non-report answers kept, calls and prompt
tokens per report and the largest repair-round prompt, wall time vs the bound. The bank's
phrasings were tuned on seed 1; report figures with another seed (held out).
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draft_report.commands.draft import run_draft
from draft_report.config import resolve_config
from draft_report.drafting.llm.drafter import LLMDrafter
from draft_report.drafting.llm.local_server import LocalChatServer, Reply, completion_body
from draft_report.drafting.llm.repair import MARK_OPEN
from draft_report.drafting.offline import OfflineDrafter
from draft_report.lexicon.fields import facts_for
from draft_report.loading import load_dataset

sys.path.insert(0, str(Path(__file__).resolve().parent))
from llm_bench import chat_tokens, token_counter  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("xiaxian-2023", "scjg-2024")
SHOW = False  # --show: print each draft that counts against a figure
MODES = ("obedient", "stubborn", "off-by-one", "english", "echo", "long", "slow", "hang")
HEADINGS = ("（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况", "（四）政府信息公开平台建设情况",
            "（五）监督保障情况")

# --- the phrasing bank: (sub-section, text); {a+b} is the sum of those facts' values ------------------
BANK: tuple[tuple[int, str], ...] = (
    (0, "全年主动公开政府信息{publications.total}条"),
    (0, "通过政府网站发布信息{publications.channel:政府网站}条"),
    (0, "全年通过政府网站和微信公众号发布信息{publications.channel:政府网站+publications.channel:微信公众号}条"),
    (0, "政府网站和微信公众号分别发布信息{publications.channel:政府网站}条、{publications.channel:微信公众号}条"),
    (0, "全年作出行政许可决定{licensing}件、行政处罚决定{penalty}件"),
    (0, "全年作出行政许可和行政处罚决定共{licensing+penalty}件"),
    (0, "在“工作动态”栏目发布信息{publications.column:工作动态}条"),
    (0, "全年共发布各类信息{publications.total}条，其中政府网站{publications.channel:政府网站}条"),
    (1, "本年度新收政府信息公开申请{requests_new}件，上年结转{requests_carry_in}件"),
    (1, "全年共受理政府信息公开申请{requests_new+requests_carry_in}件，其中本年新收{requests_new}件"),
    (1, "全年办结{requests_closed}件，其中予以公开{result_open}件、部分公开{result_partial}件"),
    (1, "结转下年度继续办理{requests_carry_out}件"),
    (1, "全年发生政府信息公开行政复议{review_total}件、行政诉讼{litigation_total}件"),
    (1, "实际收取信息处理费{fees_collected}元"),
    (1, "本年度收到政府信息公开申请{requests_new}件，均在法定期限内答复"),
    (2, "本年制发行政规范性文件{norm_made}件，废止{norm_repealed}件，现行有效{norm_valid}件"),
    (2, "全年制发规范性文件{norm_made}件"),
    (3, "政府网站“通知公告”栏目发布信息{publications.channel:政府网站.column:通知公告}条"),
    (4, "全年组织政务公开业务培训{events.kind:培训}次，参训{events.kind:培训.participants}人次"),
    (4, "开展政务公开专项检查{events.kind:检查}次"),
    (4, "召开新闻发布会{events.kind:新闻发布会}次"),
    (4, "开展政策解读{events.kind:政策解读}次，参与{events.kind:政策解读.participants}人次"),
)
WRONG_KINDS = ("value", "value", "approx", "rate", "comparison", "note_alter", "invented", "date")
_PLACE = re.compile(r"\{([^}]+)\}")
_NUM_UNIT = re.compile(r"(\d+)(余|多)?(件|条|次|人次|元|个|项)")


@dataclass
class Token:
    """A number written into a draft: the words before it, what was written, whether it is true."""

    anchor: str
    written: str
    true: bool


@dataclass
class Scenario:
    text: str
    tokens: list[Token]
    correct: bool
    wrong: str | None = None


def _clause_anchor(text: str, at: int) -> str:
    lo = max(text.rfind(ch, 0, at) for ch in "，；。、") + 1
    return text[max(lo, at - 6) : at]


def _sentence(values: dict[str, float], template: str) -> tuple[str, list[tuple[int, float]]] | None:
    out, pos, numbers = "", 0, []
    for m in _PLACE.finditer(template):
        ids = m.group(1).split("+")
        if any(i not in values for i in ids):
            return None
        value = sum(values[i] for i in ids)
        if not value:
            return None
        out += template[pos : m.start()]
        numbers.append((len(out), value))
        out += str(int(value))
        pos = m.end()
    return out + template[pos:], numbers


def build_scenario(dataset: Any, rng: random.Random, correct: bool) -> Scenario:
    values = {f.id: float(v) for f, v in facts_for(dataset)}
    notes = dataset.data.notes
    topic_notes = [notes.proactive, notes.on_request, notes.management, notes.platforms, notes.supervision]
    parts: list[str] = [f"{dataset.data.year}年，我局坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》。"]
    tokens: list[Token] = []
    lines: list[str] = []
    for k, heading in enumerate(HEADINGS):
        options = [t for s, t in BANK if s == k]
        rng.shuffle(options)
        chosen = [s for s in (_sentence(values, t) for t in options) if s][: rng.choice((1, 2))]
        sentences = [s for s, _ in chosen]
        note_lines = [n for n in topic_notes[k] if n.strip()]
        if note_lines:
            sentences.append(rng.choice(note_lines).rstrip("。"))
        paragraph = "。".join(sentences) + "。" if sentences else "我局按要求推进相关工作。"
        lines += [heading, paragraph]
    text = "\n".join(parts + lines)
    for m in _NUM_UNIT.finditer(text):
        if text[m.start() - 1 : m.start()].isdigit():
            continue
        tokens.append(Token(_clause_anchor(text, m.start()), m.group(0), True))
    scenario = Scenario(text, tokens, correct)
    if not correct:
        inject(scenario, rng)
    return scenario


def inject(s: Scenario, rng: random.Random) -> None:
    kinds = list(WRONG_KINDS)
    rng.shuffle(kinds)
    for kind in kinds:
        if kind in ("value", "approx"):
            candidates = [t for t in s.tokens if t.true and not t.written.startswith("0")]
            if not candidates:
                continue
            t = rng.choice(candidates)
            m = _NUM_UNIT.match(t.written)
            assert m
            n = int(m.group(1))
            if kind == "value":
                new = f"{n + rng.choice((1, 2, 10))}{m.group(3)}"
            else:
                if m.group(3) not in ("条", "件", "人次") or n < 12:
                    continue
                new = f"{(n // 10 + 1) * 10}余{m.group(3)}"
            at = s.text.find(t.anchor + t.written)
            if at < 0:
                continue
            at += len(t.anchor)
            s.text = s.text[:at] + new + s.text[at + len(t.written) :]
            t.written, t.true = new, False
            s.wrong = kind
            return
        if kind == "note_alter":
            m = re.search(r"(\d+)(个工作日|个栏目|个)", s.text)
            if not m:
                continue
            new = f"{int(m.group(1)) + 2}{m.group(2)}"
            s.tokens.append(Token(_clause_anchor(s.text, m.start()), new, False))
            s.text = s.text[: m.start()] + new + s.text[m.end() :]
            s.wrong = kind
            return
        extra = {
            "rate": ("（二）依申请公开情况\n", "全年按时办结率为90%，", "90%"),
            "comparison": ("（一）主动公开情况\n", "主动公开信息较上年增长12%，", "12%"),
            "invented": ("（四）政府信息公开平台建设情况\n", "开设政务新媒体账号3个，", "3个"),
            "date": ("（三）政府信息管理情况\n", "于2024年3月15日印发工作方案，", "2024年3月15日"),
        }[kind]
        head, words, written = extra
        at = s.text.find(head)
        if at < 0:
            continue
        at += len(head)
        s.text = s.text[:at] + words + s.text[at:]
        s.tokens.append(Token(_clause_anchor(s.text, s.text.find(written, at)), written, False))
        s.wrong = kind
        return


# --- the model ------------------------------------------------------------------------------------

_ISSUE = re.compile(r"^\d+\. “(?P<ctx>.+?)”中的“(?P<span>.+?)”(?P<rest>.*)$", re.M)


def _fact_lines(user: str) -> list[tuple[str, str]]:
    """(label, value with unit) of the facts sheet in a prompt."""
    return re.findall(r"^\s*- (.+?)：(\d+(?:\.\d+)?(?:件|条|次|人次|元|万元|个|项))$", user, re.M)


def _drop_clause(text: str, at: int, end: int) -> str:
    lo = max(text.rfind(ch, 0, at) for ch in "，；。\n") + 1
    his = [i for i in (text.find(ch, end) for ch in "，；。\n") if i >= 0]
    hi = min(his) if his else len(text)
    stop = text[hi : hi + 1]
    if stop == "，":
        return text[:lo] + text[hi + 1 :]
    return text[:lo].rstrip("，") + text[hi:]


def obey(draft: str, user: str) -> str:
    """What an obedient model does with each repair line."""
    facts = _fact_lines(user)
    for m in reversed(list(_ISSUE.finditer(user.split("数据表（")[0]))):
        ctx, span, rest = m.group("ctx"), m.group("span"), m.group("rest")
        at = draft.find(ctx)
        if at < 0:
            continue
        s_at = draft.find(span, at)
        if s_at < 0:
            continue
        s_end = s_at + len(span)
        value = re.search(r"请改为(\d+(?:\.\d+)?)。", rest)
        note = re.search(r"要点原文为“(.+?)”", rest)
        if value:
            unit = re.sub(r"^[\d.]+(余|多)?", "", span)
            draft = draft[:s_at] + value.group(1) + unit + draft[s_end:]
        elif note:
            draft = draft[:s_at] + note.group(1) + draft[s_end:]
        elif "重写" in rest or "紧接在数据表中对应项目的名称之后" in rest:
            label = next((lab for lab, v in facts if v == re.sub(r"(余|多)", "", span)), None)
            if label is not None:
                lo = max(draft.rfind(ch, 0, s_at) for ch in "，；。\n") + 1
                draft = draft[:lo] + label + re.sub(r"(余|多)", "", span) + draft[s_end:]
            else:
                draft = _drop_clause(draft, s_at, s_end)
        else:
            draft = _drop_clause(draft, s_at, s_end)
    return draft


def plus_one(text: str) -> str:
    return _NUM_UNIT.sub(lambda m: f"{int(m.group(1)) + 1}{m.group(2) or ''}{m.group(3)}", text)


@dataclass
class Model:
    mode: str
    scenario: Scenario
    problems: str
    count: Callable[[str], int]
    repair_prompt_tokens: list[int] = field(default_factory=list)

    def respond(self, body: dict[str, Any]) -> Reply:
        messages = body["messages"]
        user = messages[-1]["content"]
        prompt_tokens = chat_tokens(messages, self.count)
        repair = "原稿：" in user
        if repair:
            self.repair_prompt_tokens.append(prompt_tokens)
        overview = "第一部分" in user
        if self.mode == "hang":
            return Reply(hang=True)
        if not overview:
            text = self.problems
        elif self.mode == "english":
            text = "\n".join(h + "\nThe bureau published information and handled requests as required by law." for h in HEADINGS)
        elif self.mode == "echo":
            text = messages[0]["content"] + "\n" + user
        elif self.mode == "long":
            text = self.scenario.text + ("\n" + self.scenario.text.split("\n", 1)[1]) * 10
        elif not repair:
            text = plus_one(self.scenario.text) if self.mode == "off-by-one" else self.scenario.text
        else:
            draft = user.split("原稿：\n", 1)[1].strip()
            if self.mode == "stubborn":
                text = draft
            else:
                text = obey(draft, user)
                if self.mode == "off-by-one":
                    text = plus_one(text)
        reply = Reply(body=completion_body(text, prompt_tokens=prompt_tokens, completion_tokens=self.count(text)))
        if self.mode == "slow":
            reply.drip = 0.5
        return reply


# --- evaluation -----------------------------------------------------------------------------------


@dataclass
class Tally:
    reports: int = 0
    correct: int = 0
    correct_flagged: int = 0
    true_changed: int = 0
    wrong: int = 0
    wrong_unmarked: int = 0
    wrong_unmarked_any: int = 0  # left unmarked whatever the exit code
    marks: int = 0
    unresolved: int = 0
    misplaced: int = 0
    kept_bad_answers: int = 0
    calls: list[int] = field(default_factory=list)
    calls_correct: list[int] = field(default_factory=list)  # calls for the correct drafts
    prompt_tokens: list[int] = field(default_factory=list)
    repair_round_max: int = 0
    seconds: list[float] = field(default_factory=list)
    bound: list[float] = field(default_factory=list)


_MARK_AFTER = re.compile(r"(?:\d(?:余|多)?(?:件|条|次|人次|元|万元|个|项|份|人)?|%|日|号|月|申请|复议|诉讼|情况)$")


def evaluate(t: Tally, s: Scenario, section_text: str, code: int, mode: str, unresolved: int, backend: str) -> None:
    t.reports += 1
    marks = section_text.count(MARK_OPEN)
    t.marks += marks
    t.unresolved += unresolved
    t.misplaced += abs(marks - unresolved)
    for m in re.finditer(re.escape(MARK_OPEN), section_text):
        if not _MARK_AFTER.search(section_text[: m.start()]):
            t.misplaced += 1
    if mode in ("english", "echo", "long"):
        t.kept_bad_answers += int(backend == "llm")
    if s.correct:
        t.correct += 1
        t.correct_flagged += int(code != 0 or marks > 0)
    for tok in s.tokens:
        if backend != "llm":
            continue
        if not tok.true or mode == "off-by-one":  # off-by-one: every number it writes is wrong
            t.wrong += 1
            pattern = re.escape(tok.written) if not tok.true else re.escape(tok.anchor) + r"(\d+)(余|多)?(件|条|次|人次|元|个|项)"
            for m in re.finditer(pattern, section_text):
                if tok.true and m.group(0) == tok.anchor + tok.written:
                    continue  # repaired back to the truth
                if MARK_OPEN not in re.split(r"[，。；、]", section_text[m.end() : m.end() + 8 + len(MARK_OPEN)])[0]:
                    if SHOW:
                        print(f"   unmarked: {section_text[max(0, m.start() - 12) : m.end() + 2]!r}")
                    t.wrong_unmarked_any += 1
                    t.wrong_unmarked += int(code == 0)
                    break
            continue
        if (tok.anchor + tok.written) in section_text:
            continue
        for m in re.finditer(re.escape(tok.anchor), section_text) if tok.anchor else []:
            after = section_text[m.end() :]
            num = re.match(r"(\d+)(余|多)?(件|条|次|人次|元|个|项)", after)
            if num and num.group(0) != tok.written and num.group(3) == _NUM_UNIT.match(tok.written).group(3):  # type: ignore[union-attr]
                t.true_changed += 1
                break


def run_mode(name: str, mode: str, drafts: int, seed: int, count: Callable[[str], int], timeout: float) -> Tally:
    folder = ROOT / "examples" / name
    dataset = load_dataset(folder)
    problems = "\n".join(p.text for p in OfflineDrafter().draft("problems", dataset).paragraphs)
    rng = random.Random(f"{seed}:{name}")
    tally = Tally()
    n = drafts if mode in ("obedient", "stubborn", "off-by-one") else (2 if mode in ("slow", "hang") else 3)
    for i in range(n):
        scenario = build_scenario(dataset, rng, correct=(i % 2 == 0))
        model = Model(mode, scenario, problems, count)
        with LocalChatServer(model.respond) as server:
            flags: dict[str, Any] = {"base_url": server.base_url, "model": "realism"}
            if mode in ("slow", "hang"):
                flags["timeout"] = timeout
            config = resolve_config(flags, env={})
            drafter = LLMDrafter(config, sleep=lambda s: None)
            started = time.monotonic()
            with tempfile.TemporaryDirectory() as tmp:
                run_draft(folder, Path(tmp) / "out", ["md"], drafter=drafter)
                report = (Path(tmp) / "out" / "report.md").read_text(encoding="utf-8")
            elapsed = time.monotonic() - started
        code = 1 if drafter.unresolved else 0
        overview = report.split("## 一、总体情况", 1)[-1].split("## 二、", 1)[0]
        unresolved = sum(1 for u in drafter.unresolved if u.section == "overview")
        backend = drafter.sections["overview"].get("backend", "llm")
        before = (tally.correct_flagged, tally.wrong_unmarked, tally.true_changed, tally.misplaced)
        evaluate(tally, scenario, overview, code, mode, unresolved, backend)
        if SHOW and before != (tally.correct_flagged, tally.wrong_unmarked, tally.true_changed, tally.misplaced):
            print(f"--- {name} {mode} #{i} wrong={scenario.wrong}\n{overview.strip()}")
            for u in drafter.unresolved:
                print("   unresolved:", u.message)
        tally.calls.append(drafter.chat.stats.calls if mode not in ("slow", "hang") else drafter.chat.stats.attempts)
        if scenario.correct:
            tally.calls_correct.append(drafter.chat.stats.calls)
        tally.prompt_tokens.append(drafter.chat.stats.prompt_tokens)
        tally.repair_round_max = max([tally.repair_round_max, *model.repair_prompt_tokens])
        tally.seconds.append(elapsed)
        tally.bound.append(timeout * max(1, drafter.chat.stats.attempts) + 10)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drafts", type=int, default=16, help="drafts per example for obedient/stubborn/off-by-one")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--timeout", type=float, default=2.0, help="--timeout for slow and hang")
    parser.add_argument("--show", action="store_true", help="print each draft that counts against a figure")
    args = parser.parse_args()
    global SHOW
    SHOW = args.show
    count, method = token_counter()
    print(f"token counting: {method}; seed {args.seed}; {args.drafts} drafts per example (half correct)")
    header = ("mode", "reports", "true changed", "wrong unmarked@0", "wrong unmarked (any exit)", "wrong", "marks", "unresolved", "misplaced",
              "correct flagged", "bad kept", "calls/report", "calls/correct report", "prompt tok/report", "max repair prompt", "max s (bound)")
    print(" | ".join(header))
    for mode in args.modes.split(","):
        total = Tally()
        for name in EXAMPLES:
            t = run_mode(name, mode, args.drafts, args.seed, count, args.timeout)
            for f in ("reports", "correct", "correct_flagged", "true_changed", "wrong", "wrong_unmarked",
                      "wrong_unmarked_any", "marks",
                      "unresolved", "misplaced", "kept_bad_answers"):
                setattr(total, f, getattr(total, f) + getattr(t, f))
            total.calls += t.calls
            total.calls_correct += t.calls_correct
            total.prompt_tokens += t.prompt_tokens
            total.repair_round_max = max(total.repair_round_max, t.repair_round_max)
            total.seconds += t.seconds
            total.bound += t.bound
        worst = max(range(len(total.seconds)), key=lambda i: total.seconds[i] - total.bound[i])
        print(" | ".join(str(x) for x in (
            mode, total.reports, total.true_changed, total.wrong_unmarked, total.wrong_unmarked_any, total.wrong,
            total.marks, total.unresolved,
            total.misplaced, f"{total.correct_flagged}/{total.correct}", total.kept_bad_answers,
            f"{statistics.mean(total.calls):.1f} (max {max(total.calls)})",
            f"{statistics.mean(total.calls_correct):.1f}" if total.calls_correct else "-",
            f"{statistics.mean(total.prompt_tokens):.0f}", total.repair_round_max,
            f"{total.seconds[worst]:.1f} ({total.bound[worst]:.0f})",
        )))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
