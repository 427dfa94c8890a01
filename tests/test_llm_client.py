"""The chat client over real HTTP (a local server): backoff, retries, errors without secrets."""

from __future__ import annotations

import socket
import time

import pytest

from draft_report.config import resolve_config
from draft_report.drafting.llm.client import ChatClient, LLMUnavailable
from draft_report.drafting.llm.local_server import LocalChatServer, Reply, completion_body

SECRET = "sk-local-test-0123456789abcdef"
MESSAGES = [{"role": "user", "content": "你好"}]


def _client(base_url: str, sleeps: list[float], **flags) -> ChatClient:
    config = resolve_config({"base_url": base_url, "model": "m", **flags}, env={})
    return ChatClient(config, sleep=sleeps.append)


def _script(*replies: Reply):
    queue = list(replies)
    return lambda body: queue.pop(0)


def test_success_sends_model_messages_and_placeholder_key() -> None:
    with LocalChatServer(
        _script(Reply(body=completion_body("好", prompt_tokens=7, completion_tokens=2)))
    ) as srv:
        client = _client(srv.base_url, [])
        result = client.complete(MESSAGES)
    assert (result.content, result.finish_reason, result.prompt_tokens) == ("好", "stop", 7)
    seen = srv.requests[0]
    assert seen.path == "/v1/chat/completions"
    assert seen.body["model"] == "m" and seen.body["messages"] == MESSAGES
    assert seen.headers["authorization"] == "Bearer no-key-required"
    assert "openai-organization" not in {k.lower() for k in seen.headers}
    assert client.stats.calls == 1 and client.stats.prompt_tokens == 7


def test_configured_key_is_sent_but_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_ORG_ID", "org-should-not-travel")
    replies = [Reply(401, {"error": {"message": "bad key", "type": "invalid_request_error"}})]
    with LocalChatServer(_script(*replies)) as srv:
        client = _client(srv.base_url, [], api_key=SECRET)
        with pytest.raises(LLMUnavailable) as err:
            client.complete(MESSAGES)
    assert srv.requests[0].headers["authorization"] == f"Bearer {SECRET}"
    assert "openai-organization" not in {k.lower() for k in srv.requests[0].headers}
    assert err.value.fatal and "401" in str(err.value) and SECRET not in str(err.value)
    assert len(srv.requests) == 1  # an auth error is not retried


def test_429_waits_retry_after_then_succeeds() -> None:
    sleeps: list[float] = []
    replies = [
        Reply(429, {"error": {"message": "slow down", "type": "rate_limit"}}, {"Retry-After": "3"}),
        Reply(body=completion_body("好")),
    ]
    with LocalChatServer(_script(*replies)) as srv:
        result = _client(srv.base_url, sleeps).complete(MESSAGES)
    assert result.content == "好" and sleeps == [3.0] and len(srv.requests) == 2


def test_5xx_backs_off_exponentially_and_gives_up() -> None:
    sleeps: list[float] = []
    with LocalChatServer(lambda body: Reply(503, {"error": {"message": "down"}})) as srv:
        client = _client(srv.base_url, sleeps, max_retries=3)
        with pytest.raises(LLMUnavailable) as err:
            client.complete(MESSAGES)
    assert len(srv.requests) == 4 and sleeps == [1.0, 2.0, 4.0]
    assert "503" in str(err.value) and "已重试 3 次" in str(err.value) and not err.value.fatal


def test_refused_connection_is_retried_then_reported() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sleeps: list[float] = []
    client = _client(f"http://127.0.0.1:{port}/v1", sleeps, max_retries=2)
    with pytest.raises(LLMUnavailable, match="无法连接 127.0.0.1"):
        client.complete(MESSAGES)
    assert sleeps == [1.0, 2.0] and client.stats.attempts == 3


def test_timeout_is_retried() -> None:
    calls = {"n": 0}

    def slow_then_fast(body: dict) -> Reply:
        calls["n"] += 1
        if calls["n"] == 1:
            time.sleep(1.5)
        return Reply(body=completion_body("好"))

    with LocalChatServer(slow_then_fast) as srv:
        sleeps: list[float] = []
        result = _client(srv.base_url, sleeps, timeout=0.3).complete(MESSAGES)  # the first answer: 1.5 s
    assert result.content == "好" and len(sleeps) == 1


def test_malformed_body_is_an_endpoint_failure() -> None:
    with LocalChatServer(
        lambda body: Reply(200, "<html>not json</html>", {"Content-Type": "text/html"})
    ) as srv:
        with pytest.raises(LLMUnavailable):
            _client(srv.base_url, [], max_retries=1).complete(MESSAGES)


@pytest.mark.parametrize("reply", [Reply(hang=True), Reply(body=completion_body("好" * 50), drip=0.1)])
def test_whole_request_is_bounded_whatever_the_server_does(reply: Reply) -> None:
    """A hanging server and a slow-drip one (a byte every 0.1 s never trips a read timeout; the
    whole answer would take ≈ 35 s) both end within the timeout per attempt; two timeouts make the
    endpoint count as down (fatal).

    The timeout is short (the test waits it twice). The allowance is for a loaded machine: after a
    timeout a new client is made and a thread started, and at a load of 14 on 2 cores the whole
    took 3.4 s with the earlier 2 x 0.6 s + 1 s bound (a failure of the bound's slack, not of the
    bound). 2 x 0.3 s + 4 s stays far below either server's unbounded time (never; ≈ 35 s)."""
    with LocalChatServer(lambda body: reply) as srv:
        sleeps: list[float] = []
        client = _client(srv.base_url, sleeps, timeout=0.3, max_retries=3)
        started = time.monotonic()
        with pytest.raises(LLMUnavailable) as err:
            client.complete(MESSAGES)
        elapsed = time.monotonic() - started
    assert err.value.fatal and "0.3 秒内未完成应答" in str(err.value)
    assert client.stats.attempts == 2 and elapsed < 2 * 0.3 + 4.0


def test_run_deadline_stops_attempts_and_waits() -> None:
    with LocalChatServer(lambda body: Reply(503, {"error": {"message": "busy"}})) as srv:
        sleeps: list[float] = []
        client = _client(srv.base_url, sleeps, max_retries=5)
        with pytest.raises(LLMUnavailable):
            client.complete(MESSAGES, deadline=time.monotonic() + 2.0)
        assert sum(sleeps) <= 2.0 and client.stats.attempts <= 2
        with pytest.raises(LLMUnavailable) as err:
            client.complete(MESSAGES, deadline=time.monotonic() + 0.1)
    assert err.value.fatal and "时间已用完" in str(err.value)
