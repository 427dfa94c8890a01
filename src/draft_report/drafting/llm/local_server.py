"""A tiny OpenAI-compatible chat-completions server on 127.0.0.1, for tests, the bench and demos.

``LocalChatServer(responder)`` listens on a random port (``base_url`` is ``http://127.0.0.1:PORT/v1``)
and answers ``POST …/chat/completions`` by calling ``responder(body) -> Reply``. It records every
request (path, headers, JSON body) so a test can assert on what really went over the wire.
``completion_body`` builds a response body in the exact wire format.

A ``Reply`` can also misbehave the way real servers do: wait before answering (``delay``), send its
bytes one at a time with a pause between them (``drip``: a slow-drip server that never trips a read
timeout) or never answer at all (``hang``). Every wait ends as soon as the server is closed, and the
server closes promptly (a 20 ms shutdown poll, daemon handler threads), so tests do not wait for it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from draft_report.records import dataclass

SHUTDOWN_POLL = 0.02  # seconds between checks of the shutdown flag (http.server's default is 0.5)


@dataclass
class Reply:
    status: int = 200
    body: dict[str, Any] | str = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line is sent
    drip: float = 0.0  # seconds between single bytes of the whole response (0: all at once)
    hang: bool = False  # never answer (until the server is closed)


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def completion_body(
    content: str,
    *,
    model: str = "local-model",
    finish_reason: str = "stop",
    prompt_tokens: int = 0,
    completion_tokens: int = 0,
    created: int = 1700000000,
    completion_id: str = "chatcmpl-local",
    extra_message: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A ``chat.completion`` object as OpenAI's API returns it."""
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, **(extra_message or {})},
                "logprobs": None,
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


Responder = Callable[[dict[str, Any]], Reply]


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a hanging handler never keeps the process (or a test) alive
    block_on_close = False


class LocalChatServer:
    """``with LocalChatServer(responder) as server: … server.base_url …``"""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.requests: list[SeenRequest] = []
        self.closing = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server naming
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    body = {}
                server.requests.append(SeenRequest(self.path, dict(self.headers.items()), body))
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    reply = Reply(404, {"error": {"message": "not found", "type": "invalid_request_error"}})
                else:
                    reply = server.responder(body)
                if reply.hang:
                    server.closing.wait()
                    self.close_connection = True
                    return
                if reply.delay and server.closing.wait(reply.delay):
                    self.close_connection = True
                    return
                data = (
                    reply.body if isinstance(reply.body, str) else json.dumps(reply.body, ensure_ascii=False)
                )
                payload = data.encode("utf-8")
                head = [f"HTTP/1.1 {reply.status} {self.responses.get(reply.status, ('',))[0]}"]
                head.append(f"Content-Type: {reply.headers.get('Content-Type', 'application/json')}")
                head.append(f"Content-Length: {len(payload)}")
                head.append("Connection: close")  # one request per connection: no reuse race
                head += [
                    f"{name}: {value}"
                    for name, value in reply.headers.items()
                    if name.lower() not in ("content-type", "content-length", "connection")
                ]
                raw_reply = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + payload
                try:
                    if not reply.drip:
                        self.wfile.write(raw_reply)
                    else:
                        for i in range(len(raw_reply)):
                            if server.closing.wait(reply.drip):
                                break
                            self.wfile.write(raw_reply[i : i + 1])
                            self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass
                self.close_connection = True

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence
                return

        self._httpd = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": SHUTDOWN_POLL}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def __enter__(self) -> LocalChatServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
