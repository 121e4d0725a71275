"""Guards for the review app: the Host header, a CSRF token on every POST, and the reviewer's session.

* Host must be ``127.0.0.1:PORT`` or ``localhost:PORT`` (DNS rebinding): otherwise 400.
* Every POST must carry the per-process CSRF token in the ``X-CSRF-Token`` header: otherwise 403.
* A reviewer's session is a random cookie mapped in memory to the name they typed; restricted pages
  are shown only to a named session.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

CSRF_HEADER = "x-csrf-token"
SESSION_COOKIE = "scr_review_session"
MAX_NAME = 120
SAFE_METHODS = ("GET", "HEAD")
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


@dataclass
class Guard:
    """Per-process secrets: the CSRF token and the sessions (session id -> reviewer name)."""

    port: int
    csrf_token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    sessions: dict[str, str] = field(default_factory=dict)

    @property
    def allowed_hosts(self) -> tuple[str, ...]:
        return (f"127.0.0.1:{self.port}", f"localhost:{self.port}")

    def csrf_ok(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(token.encode(), self.csrf_token.encode())

    def start_session(self, name: str) -> str:
        session = secrets.token_urlsafe(32)
        self.sessions[session] = name
        return session

    def reviewer(self, request: Request) -> str | None:
        """The name of this request's reviewer, or None before they have entered it."""
        session = request.cookies.get(SESSION_COOKIE)
        return self.sessions.get(session) if session else None


def clean_name(raw: object) -> str | None:
    """A reviewer's name as typed, on one line; None when empty or too long."""
    if not isinstance(raw, str):
        return None
    name = " ".join(raw.split())
    return name if 0 < len(name) <= MAX_NAME else None


class GuardMiddleware:
    """Refuses bad Host headers (400) and POSTs without the CSRF token (403); adds security headers."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refusal = None
        if request.headers.get("host", "") not in self.guard.allowed_hosts:
            refusal = PlainTextResponse("Invalid Host header", status_code=400)
        elif request.method not in SAFE_METHODS and not self.guard.csrf_ok(request.headers.get(CSRF_HEADER)):
            refusal = PlainTextResponse("Missing or wrong CSRF token", status_code=403)
        if refusal is not None:
            await refusal(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()
                            if k.lower().encode() not in present]  # fmt: skip
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
