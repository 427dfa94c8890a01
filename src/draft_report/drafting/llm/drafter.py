"""``LLMDrafter``: sections 一 and 五 written by a model, checked against the data, repaired.

For each section:

1. render the prompts (``prompts.section_messages``) and ask the model; an empty answer or one
   cut off by the token limit (``finish_reason == "length"``) is asked again (bounded);
2. clean the answer (``answer.clean_answer``) and split it into paragraphs and sub-headings;
3. check it: claims against the data (``checking.check_prose``) and the shape (sub-headings);
4. on a problem, send the findings and the last draft only (``prompts.repair_messages``) and take
   the corrected section; at most ``max_repair_rounds`` rounds;
5. still wrong → keep the draft, mark each wrong claim 【待核实：…】 and list it (``unresolved``);
   the command then exits with code 1. A repair answer that cannot be used (sub-headings missing, or
   empty/cut off/failed after the retries) does not throw the section away: the last draft with all
   its sub-headings is kept (and marked). Only when no answer ever had the sub-headings → the
   offline section.

An endpoint that keeps failing (429/5xx/timeouts/refused) → the offline drafter writes that section
and a Chinese notice says so; the report is still written.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import httpx2

from draft_report.config import LLMConfig
from draft_report.drafting.base import DRAFTED_SECTIONS, DraftedSection, SectionDraft, SectionDrafter
from draft_report.drafting.llm import answer as A
from draft_report.drafting.llm import changes as C
from draft_report.drafting.llm import draft_claims as D
from draft_report.drafting.llm import prompts as P
from draft_report.drafting.llm import repair as R
from draft_report.drafting.llm import validate as V
from draft_report.drafting.llm.client import ChatClient, LLMUnavailable, Sleep
from draft_report.drafting.llm.notes import own_words as _source_text
from draft_report.drafting.llm.repair import Unresolved, paragraphs_text
from draft_report.models.document import Paragraph
from draft_report.sections import SECTION_BY_KEY

if TYPE_CHECKING:
    from draft_report.loading import Dataset

ANSWER_RETRIES = 2  # extra asks for an empty or truncated answer
MAX_ISSUES_PER_ROUND = 6  # a repair round names at most this many issues (the prompt stays bounded)
TRUNCATED_MAX_TOKENS = 4096  # max_tokens sent when asking again after a cut-off answer


def _default_fallback() -> SectionDrafter:
    from draft_report.drafting.offline import OfflineDrafter

    return OfflineDrafter()


def claim_bindings(paragraphs: Sequence[Paragraph], dataset: Dataset) -> list[dict[str, Any]]:
    """Each number in the section and the data field it binds to (through the checker's lexicon)."""
    from draft_report.checking.claims import extract_claims
    from draft_report.lexicon.fields import facts_for

    values = {fact.id: (fact, value) for fact, value in facts_for(dataset)}
    facts = [fact for fact, _ in values.values()]
    out: list[dict[str, Any]] = []
    for p in paragraphs:
        if p.kind != "text":
            continue
        for claim in extract_claims(p.text, facts):
            bound = values.get(claim.fact.id) if claim.fact is not None else None
            out.append(
                {
                    "text": claim.text,
                    "value": claim.shown_value,
                    "fact": claim.fact.id if claim.fact is not None else None,
                    "label": claim.fact.label if claim.fact is not None else None,
                    "field": P.fact_field(claim.fact) if claim.fact is not None else None,
                    "data_value": bound[1] if bound else None,
                }
            )
    return out


def _broken(shape: Sequence[str]) -> bool:
    """A draft that cannot be used as the section: sub-headings missing or no text at all."""
    return any(s.startswith(("缺少小标题", "没有正文")) for s in shape)


class LLMDrafter:
    """``SectionDrafter`` over an OpenAI-compatible chat-completions endpoint."""

    name = "llm"

    def __init__(
        self,
        config: LLMConfig,
        *,
        fallback: SectionDrafter | None = None,
        sleep: Sleep | None = None,
        http_client: httpx2.Client | None = None,
        answer_retries: int = ANSWER_RETRIES,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.config = config
        self.chat = ChatClient(config, sleep=sleep, http_client=http_client)
        self.fallback = fallback or _default_fallback()
        self.answer_retries = answer_retries
        self.progress = progress or (lambda message: None)
        self.notices: list[str] = []
        self.unresolved: list[Unresolved] = []
        self.seconds_outside_model = 0.0
        self._disabled: str | None = None  # a fatal endpoint error: stop calling it
        self.sections: dict[str, dict[str, Any]] = {}  # provenance per drafted section
        self._run_deadline: float | None = None  # set at the first model call
        self.rejections: list[str] = []  # answers refused as not report text (provenance)

    def run_budget(self) -> float:
        """Seconds the whole run may spend on the model: ``--timeout`` for each answer a run plans
        (two sections, each a draft and up to ``max_repair_rounds`` repairs); retries fit inside."""
        return self.config.timeout * len(DRAFTED_SECTIONS) * (1 + self.config.max_repair_rounds)

    def _deadline(self) -> float:
        if self._run_deadline is None:
            self._run_deadline = time.monotonic() + self.run_budget()
        return self._run_deadline

    # --- SectionDrafter -----------------------------------------------------------------------

    def draft(self, key: DraftedSection, dataset: Dataset) -> SectionDraft:
        result = self._draft(key, dataset)
        started = time.perf_counter()
        result.provenance["claims"] = claim_bindings(result.paragraphs, dataset)
        self.sections[key] = result.provenance
        self.seconds_outside_model += time.perf_counter() - started
        return result

    def _draft(self, key: DraftedSection, dataset: Dataset) -> SectionDraft:
        heading = SECTION_BY_KEY[key].heading
        if self._disabled is None:
            try:
                return self._draft_with_model(key, dataset)
            except LLMUnavailable as exc:
                if exc.fatal:
                    self._disabled = str(exc)
                reason = str(exc)
        else:
            reason = self._disabled
        return self._fall_back(key, dataset, f"“{heading}”未能由模型起草（{reason}），已改用内置模板起草。")

    # --- internals ----------------------------------------------------------------------------

    def _fall_back(self, key: DraftedSection, dataset: Dataset, notice: str) -> SectionDraft:
        self.notices.append(notice)
        draft = self.fallback.draft(key, dataset)
        # a note figure the template had to mark (it contradicts the data) counts like an LLM one
        self.unresolved += [Unresolved(**u) for u in draft.provenance.get("unresolved") or []]
        provenance = {
            **draft.provenance,
            "backend": self.fallback.name,
            "fallback_reason": notice,
            "llm": self._endpoint(),
        }
        return SectionDraft(paragraphs=draft.paragraphs, provenance=provenance)

    def _endpoint(self) -> dict[str, Any]:
        return {
            "model": self.config.model,
            "endpoint_host": self.config.host,
            "provider": self.config.provider,
        }

    def _ask(
        self,
        prompt: P.RenderedPrompt,
        subheadings: Sequence[str],
        heading: str,
        usage: dict[str, int],
        *,
        limit: int,
        own_words: str,
    ) -> list[Paragraph]:
        """One answer as paragraphs; empty, truncated or non-report answers (too long, not Chinese,
        the prompt echoed: ``validate.reject_reason``) are asked again (bounded)."""
        problem = ""
        max_tokens: int | None = None  # the server's default, until an answer is cut off
        instructions = V.instruction_sentences(
            [m["content"] for m in prompt.messages], own_words, [heading, *subheadings]
        )
        for _ in range(self.answer_retries + 1):
            result = self.chat.complete(prompt.messages, max_tokens=max_tokens, deadline=self._deadline())
            started = time.perf_counter()
            usage["calls"] += 1
            usage["prompt_tokens"] += result.prompt_tokens or 0
            usage["completion_tokens"] += result.completion_tokens or 0
            raw = result.content or ""
            # a huge answer is refused before it is cleaned (cleaning is linear, but why pay)
            text = A.clean_answer(raw) if len(raw) <= 20 * limit else raw
            rejected = V.reject_reason(text, limit=limit, instructions=instructions) if text else None
            paragraphs = A.split_paragraphs(text, subheadings, heading) if text and not rejected else []
            self.seconds_outside_model += time.perf_counter() - started
            if result.finish_reason == "length" and not rejected:
                usage["truncated"] += 1
                problem = "回答因长度限制被截断"
                # ask again with room for a whole section (twice what was cut, at least 4096 tokens)
                max_tokens = max(
                    TRUNCATED_MAX_TOKENS, 2 * (result.completion_tokens or 0), 2 * (max_tokens or 0)
                )
                continue
            if rejected:
                usage["rejected"] += 1
                problem = rejected
                self.rejections.append(f"“{heading}”{rejected}")
                continue
            if not any(p.kind == "text" for p in paragraphs):
                usage["empty"] += 1
                problem = "回答为空"
                continue
            return paragraphs
        raise LLMUnavailable(f"模型连续 {self.answer_retries + 1} 次{problem}")

    def _draft_with_model(self, key: DraftedSection, dataset: Dataset) -> SectionDraft:
        started = time.perf_counter()
        heading = SECTION_BY_KEY[key].heading
        subheadings = P.expected_subheadings(key, dataset)
        prompt = P.section_messages(key, dataset)
        usage = {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0, "truncated": 0, "empty": 0, "rejected": 0}
        templates = list(prompt.templates)
        template_draft = self.fallback.draft(key, dataset)
        limit = V.answer_limit(sum(len(p.text) for p in template_draft.paragraphs))
        own_words = _source_text(dataset)
        self.seconds_outside_model += time.perf_counter() - started

        self.progress(f"正在请模型起草“{heading}”（{self.config.model}，{self.config.host}）……")
        paragraphs = self._ask(prompt, subheadings, heading, usage, limit=limit, own_words=own_words)
        rounds = 0
        history: list[dict[str, Any]] = []
        changes: list[C.Change] = []
        asked: set[tuple[int, int]] = set()
        # the latest draft with every sub-heading and its claims: what a broken repair answer leaves us
        usable: tuple[list[Paragraph], D.SectionClaims, list[str]] | None = None
        unusable: list[str] = []  # repair answers that could not be used, and why
        while True:
            started = time.perf_counter()
            claims = D.section_claims(paragraphs, dataset, key)
            shape = A.structure_problems(paragraphs, subheadings)
            entry: dict[str, Any] = {"round": rounds, "issues": len(claims.issues), "structure": shape}
            if not _broken(shape):
                if usable is not None and rounds > 0:  # a repair answer: what did it change?
                    merged, changed = C.compare(rounds, usable[0], usable[1].numbers, paragraphs, claims.numbers, asked)
                    changes += changed
                    if any(c.undone for c in changed):
                        entry["undone"] = [c.describe() for c in changed if c.undone]
                        paragraphs = merged
                        claims = D.section_claims(paragraphs, dataset, key)
                        shape = A.structure_problems(paragraphs, subheadings)
                usable = (paragraphs, claims, shape)
                unusable = []  # a later usable answer supersedes the earlier broken ones
            elif usable is not None:  # a repair answer without the sub-headings: keep the last draft
                entry["kept_previous_draft"] = True
                unusable.append(f"第 {rounds} 轮修改稿" + "；".join(s for s in shape if _broken([s])))
                paragraphs, claims, shape = usable
            history.append(entry)
            issues = claims.issues
            done = (not issues and not shape) or rounds >= self.config.max_repair_rounds
            if not done:
                sent = issues[:MAX_ISSUES_PER_ROUND]
                asked = {(i.paragraph, i.start) for i in sent}
                repair = P.repair_messages(
                    key, dataset, paragraphs_text(paragraphs),
                    [R.describe_issue(paragraphs, i) for i in sent] + shape,
                )
                templates += [t for t in repair.templates if t not in templates]
            self.seconds_outside_model += time.perf_counter() - started
            if done:
                break
            rounds += 1
            self.progress(f"“{heading}”有 {len(issues) + len(shape)} 处问题，请模型修改（第 {rounds} 轮）……")
            try:
                paragraphs = self._ask(
                    repair, subheadings, heading, usage, limit=limit,
                    own_words=own_words + "\n" + paragraphs_text(paragraphs),
                )
            except LLMUnavailable as exc:
                if usable is None:
                    raise
                if exc.fatal:
                    self._disabled = str(exc)
                # an empty, cut-off or failed repair answer: the last usable draft stays
                history.append({"round": rounds, "unusable": str(exc), "kept_previous_draft": True})
                unusable.append(f"第 {rounds} 轮修改未成功（{exc}）")
                paragraphs, claims, shape = usable
                issues = claims.issues
                break

        if _broken(shape):
            raise LLMUnavailable("模型未按要求写出全部小标题：" + "；".join(shape))
        if unusable:
            self.notices.append(
                f"“{heading}”{'；'.join(unusable)}，已保留上一稿"
                + ("，其中仍未核实的数字已标注【待核实】。" if issues else "。")
            )
        kept = [c for c in changes if not c.undone]
        undone = [c for c in changes if c.undone]
        if kept:
            self.notices.append(f"“{heading}”经模型修改的数字（请核对）：" + "；".join(c.describe() for c in kept[:12])
                                + (f"……共 {len(kept)} 处" if len(kept) > 12 else ""))
        if undone:
            self.notices.append(f"“{heading}”模型修改时改动了正确的数字，已撤销该处修改：" + "；".join(c.describe() for c in undone[:12]))
        started = time.perf_counter()
        paragraphs, unresolved = R.mark_issues(key, paragraphs, issues)
        self.unresolved.extend(unresolved)
        self.seconds_outside_model += time.perf_counter() - started
        provenance: dict[str, Any] = {
            "backend": self.name,
            **self._endpoint(),
            "temperature": self.config.temperature,
            "prompt_templates": templates,
            "prompt_template_hash": P.templates_hash(templates),
            "token_usage": usage,
            "repair_rounds": rounds,
            "checks": history,
            "unresolved": [u.to_dict() for u in unresolved],
            "number_changes": [c.to_dict() for c in changes],
        }
        if unusable:
            provenance["kept_previous_draft"] = unusable
        return SectionDraft(paragraphs=paragraphs, provenance=provenance)
