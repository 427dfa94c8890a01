"""The one place that talks to an OpenAI-compatible chat-completions endpoint.

``make_openai_client`` builds a real ``openai.OpenAI`` client (HTTP via ``httpx2``) from an
``LLMConfig``; ``ChatClient`` wraps it with our own bounded backoff for 429, 5xx, timeouts and
refused connections (the SDK's own retries are switched off so that the count is ours and the
sleep is injectable), and keeps the call and token counts for provenance and the bench.

Error messages name the endpoint host and the HTTP status only: never the key, never the body.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx2
import openai

from draft_report.config import LLMConfig
from draft_report.errors import DraftReportError

Message = dict[str, str]
Sleep = Callable[[float], None]

BACKOFF_BASE = 1.0  # seconds before the first retry
BACKOFF_CAP = 20.0  # longest single wait, also the cap on a server's Retry-After


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
    client = openai.OpenAI(
        api_key=config.bearer_token(),
        base_url=config.base_url,
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
        self._client = make_openai_client(config, http_client)
        self.stats = CallStats()

    def _wait(self, attempt: int, hint: float | None) -> None:
        delay = min(BACKOFF_CAP, hint if hint is not None else BACKOFF_BASE * (2**attempt))
        self.stats.seconds_sleeping += delay
        (self._sleep or real_sleep)(delay)

    def complete(self, messages: Sequence[Message], *, max_tokens: int | None = None) -> ChatResult:
        host = self.config.host
        last = ""
        for attempt in range(self.config.max_retries + 1):
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
                response = self._client.chat.completions.create(**kwargs)
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
                    if attempt < self.config.max_retries:
                        self._wait(attempt, _retry_after(exc))
                    continue
                reason = {401: "密钥无效或未提供", 403: "无权访问", 404: "接口地址或模型名称不存在"}.get(
                    status, "请求被拒绝"
                )
                self.stats.errors.append(f"{host} 返回 HTTP {status}")
                raise LLMUnavailable(
                    f"{host} 返回 HTTP {status}（{reason}），请检查 --base-url、--model 与密钥配置",
                    fatal=status in (401, 403, 404),
                ) from None
            except openai.APITimeoutError:
                last = f"{host} 在 {self.config.timeout:g} 秒内未响应"
            except openai.APIConnectionError:
                last = f"无法连接 {host}（连接被拒绝或网络不可达）"
            except (openai.OpenAIError, ValueError) as exc:  # malformed body and the like
                last = f"{host} 的应答无法解析（{type(exc).__name__}）"
            else:
                self.stats.seconds_in_model += time.perf_counter() - started
                return self._result(response)
            self.stats.seconds_in_model += time.perf_counter() - started
            self.stats.errors.append(last)
            if attempt < self.config.max_retries:
                self._wait(attempt, None)
        raise LLMUnavailable(f"{last}；已重试 {self.config.max_retries} 次")

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
