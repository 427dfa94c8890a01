"""The one place that talks to an OpenAI-compatible chat-completions endpoint.

``make_openai_client`` builds a real ``openai.OpenAI`` client (HTTP via ``httpx2``) from an
``LLMConfig``; ``ChatClient`` wraps it with our own bounded backoff for 429, 5xx, timeouts and
refused connections (the SDK's own retries are switched off so that the count is ours and the
sleep is injectable), and keeps the call and token counts for provenance and the bench.

Error messages name the endpoint host and the HTTP status only: never the key, never the body.

Time is bounded as a whole, not per socket operation: every HTTP attempt runs in a worker thread and
is abandoned when ``--timeout`` seconds have passed, however the server behaves (no answer at all, or
one byte every few seconds, which never trips a read timeout). A caller may also pass a run deadline
(``complete(deadline=…)``): no attempt and no backoff wait goes past it. An endpoint that times out
twice in one call is treated as down for the run (``LLMUnavailable(fatal=True)``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Any

from draft_report.config import LLMConfig
from draft_report.errors import DraftReportError
from draft_report.records import dataclass

if TYPE_CHECKING:  # the SDK (≈ 1 s to import) is loaded when a client is made, not with this module
    import httpx2
    import openai

Message = dict[str, str]
Sleep = Callable[[float], None]

BACKOFF_BASE = 1.0  # seconds before the first retry
BACKOFF_CAP = 20.0  # longest single wait, also the cap on a server's Retry-After
TIMEOUT_ATTEMPTS = 2  # attempts that may time out in one call before the endpoint counts as down
MIN_ATTEMPT_SECONDS = 0.5  # an attempt with less time than this left before the deadline is not started


class _Deadline(Exception):
    """An attempt ran out of its time (whole request, however the bytes arrive)."""


def real_sleep(seconds: float) -> None:
    """The default wait between retries (tests replace it through ``ChatClient(sleep=…)`` or by
    patching this module attribute)."""
    time.sleep(seconds)


class LLMUnavailable(DraftReportError):
    """The endpoint did not give a usable answer after the allowed retries (Chinese message).

    ``fatal`` marks failures that will not go away by asking again (bad key, unknown model), so the
    drafter stops calling the endpoint for the remaining sections.
    """

    def __init__(self, message: str, *, fatal: bool = False) -> None:
        super().__init__(message)
        self.fatal = fatal


@dataclass(frozen=True)
class ChatResult:
    content: str
    finish_reason: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    model: str | None


@dataclass
class CallStats:
    """What the endpoint cost: HTTP attempts, answered calls, tokens and seconds spent waiting."""

    attempts: int = 0
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds_in_model: float = 0.0
    seconds_sleeping: float = 0.0
    errors: list[str] = field(default_factory=list)


def make_openai_client(config: LLMConfig, http_client: httpx2.Client | None = None) -> openai.OpenAI:
    """A real ``openai.OpenAI`` client for ``config``; SDK retries off (``ChatClient`` retries)."""
    import httpx2
    import openai

    client = openai.OpenAI(
        api_key=config.bearer_token(),
        base_url=config.base_url,
        # per socket operation; the whole request is bounded by ``ChatClient`` (see the module doc)
        timeout=httpx2.Timeout(config.timeout, connect=min(10.0, config.timeout)),
        max_retries=0,
        http_client=http_client,
    )
    # The SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID from the environment; they are account
    # identifiers of the user's OpenAI account and must not travel to any other host.
    if not config.is_default_host:
        client.organization = None
        client.project = None
    return client


def _retry_after(exc: openai.APIStatusError) -> float | None:
    value = exc.response.headers.get("retry-after") if exc.response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class ChatClient:
    """``complete(messages)`` → ``ChatResult``, with bounded backoff; raises ``LLMUnavailable``."""

    def __init__(
        self,
        config: LLMConfig,
        *,
        sleep: Sleep | None = None,
        http_client: httpx2.Client | None = None,
    ) -> None:
        self.config = config
        self._sleep = sleep
        self._own_client = http_client is None
        self._http_client = http_client
        self._client = make_openai_client(config, http_client)
        self.stats = CallStats()

    def _wait(self, attempt: int, hint: float | None, deadline: float | None) -> bool:
        """Back off before the next attempt; False when the wait would run past ``deadline``."""
        delay = min(BACKOFF_CAP, hint if hint is not None else BACKOFF_BASE * (2**attempt))
        if deadline is not None and time.monotonic() + delay + MIN_ATTEMPT_SECONDS > deadline:
            return False
        self.stats.seconds_sleeping += delay
        (self._sleep or real_sleep)(delay)
        return True

    def _create(self, kwargs: dict[str, Any], seconds: float) -> Any:
        """``chat.completions.create`` bounded to ``seconds`` of wall time in all (connect, send,
        headers, body). A late attempt is abandoned: its connection is closed and a fresh client
        serves the next attempt (the worker thread is a daemon and ends with its socket)."""
        box: dict[str, Any] = {}
        done = threading.Event()
        client = self._client

        def work() -> None:
            try:
                box["response"] = client.chat.completions.create(**kwargs)
            except BaseException as exc:  # handed to the caller's thread below
                box["error"] = exc
            finally:
                done.set()

        threading.Thread(target=work, name="llm-request", daemon=True).start()
        if not done.wait(seconds):
            if self._own_client:
                self._client = make_openai_client(self.config)
                threading.Thread(target=client.close, name="llm-close", daemon=True).start()
            raise _Deadline
        if "error" in box:
            raise box["error"]
        return box["response"]

    def complete(
        self, messages: Sequence[Message], *, max_tokens: int | None = None, deadline: float | None = None
    ) -> ChatResult:
        """One answer. ``deadline`` (``time.monotonic()`` value): the run's time limit — no attempt
        or wait goes past it, and reaching it is fatal for the run."""
        import openai  # loaded by make_openai_client already: a lookup

        host = self.config.host
        last = ""
        timeouts = 0
        for attempt in range(self.config.max_retries + 1):
            seconds = self.config.timeout
            if deadline is not None:
                seconds = min(seconds, deadline - time.monotonic())
                if seconds < MIN_ATTEMPT_SECONDS:
                    raise LLMUnavailable(
                        f"本次运行留给模型的时间已用完（{last or '按 --timeout 计算的总时限'}）", fatal=True
                    )
            self.stats.attempts += 1
            kwargs: dict[str, Any] = {
                "model": self.config.model,
                "messages": list(messages),
                "temperature": self.config.temperature,
            }
            if max_tokens is not None:
                kwargs["max_tokens"] = max_tokens
            started = time.perf_counter()
            try:
                response = self._create(kwargs, seconds)
                if not hasattr(response, "choices"):  # e.g. an HTML error page with status 200
                    raise ValueError("not a chat completion")
            except openai.APIStatusError as exc:
                status = exc.status_code
                if status == 429 or status >= 500:
                    last = f"{host} 返回 HTTP {status}" + (
                        "（请求过于频繁）" if status == 429 else "（服务端错误）"
                    )
                    self.stats.seconds_in_model += time.perf_counter() - started
                    self.stats.errors.append(last)
                    if attempt < self.config.max_retries and not self._wait(attempt, _retry_after(exc), deadline):
                        break
                    continue
                reason = {401: "密钥无效或未提供", 403: "无权访问", 404: "接口地址或模型名称不存在"}.get(
                    status, "请求被拒绝"
                )
                self.stats.errors.append(f"{host} 返回 HTTP {status}")
                raise LLMUnavailable(
                    f"{host} 返回 HTTP {status}（{reason}），请检查 --base-url、--model 与密钥配置",
                    fatal=status in (401, 403, 404),
                ) from None
            except (openai.APITimeoutError, _Deadline):
                timeouts += 1
                last = f"{host} 在 {round(seconds, 1):g} 秒内未完成应答"
            except openai.APIConnectionError:
                last = f"无法连接 {host}（连接被拒绝或网络不可达）"
            except (openai.OpenAIError, ValueError) as exc:  # malformed body and the like
                last = f"{host} 的应答无法解析（{type(exc).__name__}）"
            else:
                self.stats.seconds_in_model += time.perf_counter() - started
                return self._result(response)
            self.stats.seconds_in_model += time.perf_counter() - started
            self.stats.errors.append(last)
            if timeouts >= TIMEOUT_ATTEMPTS:
                raise LLMUnavailable(f"{last}（连续 {timeouts} 次超时，本次不再调用该接口）", fatal=True)
            if attempt < self.config.max_retries and not self._wait(attempt, None, deadline):
                break
        raise LLMUnavailable(f"{last}；已重试 {attempt} 次")

    def _result(self, response: Any) -> ChatResult:
        self.stats.calls += 1
        usage = getattr(response, "usage", None)
        prompt_tokens = getattr(usage, "prompt_tokens", None) if usage is not None else None
        completion_tokens = getattr(usage, "completion_tokens", None) if usage is not None else None
        self.stats.prompt_tokens += prompt_tokens or 0
        self.stats.completion_tokens += completion_tokens or 0
        choices = getattr(response, "choices", None) or []
        if not choices:
            return ChatResult("", None, prompt_tokens, completion_tokens, getattr(response, "model", None))
        choice = choices[0]
        content = getattr(choice.message, "content", None) or ""
        return ChatResult(
            content, choice.finish_reason, prompt_tokens, completion_tokens, getattr(response, "model", None)
        )
