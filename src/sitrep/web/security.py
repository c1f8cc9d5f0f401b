"""Security middleware: headers, token, Host and Origin checks, a request body cap.

One pure ASGI middleware (no per-request task switching):

- every response carries a strict Content-Security-Policy (scripts and styles
  from this server only, no inline code) and no-sniff/no-frame headers;
- with a token, every request needs ``Authorization: Bearer T`` or the
  ``sitrep_token`` cookie; ``?token=T`` sets that cookie and redirects to the
  same URL without the token;
- unsafe methods from another origin are refused (a web page cannot post to
  the analyst's local server), and so are Host headers not in the allowed
  list (DNS rebinding);
- request bodies over the cap get 413, whatever Content-Length says.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.errors import BodyTooLarge

COOKIE = "sitrep_token"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    # same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on the
    # app's own form posts, which the origin check must refuse.
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_SAFE = {"GET", "HEAD", "OPTIONS"}


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, *, token: str | None, max_body: int,
                 allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        login = bool(self.token and "token" in query and _same(query["token"], self.token))
        refusal = self._refusal(scope, headers, login)
        if refusal is not None:
            await refusal(send)
            return
        if login and self.token:
            await _login_redirect(scope, query, self.token, send)
            return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_body:
            await _plain(send, 413, str(BodyTooLarge(self.max_body)))
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_HEADERS]
            await send(message)

        await self.app(scope, self._capped(receive), send_secured)

    def _refusal(self, scope: Scope, headers: dict[str, str], login: bool) -> Any:
        """A responder for a refused request, or None to let it through."""
        host = headers.get("host", "").lower()
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            return lambda send: _plain(send, 400, "unexpected Host header")
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope.get("path", ""):
            # PostgreSQL cannot hold NUL in text; no query of this app needs one.
            return lambda send: _plain(send, 400, "NUL characters are not accepted in a URL")
        origin = headers.get("origin")
        if scope["method"] not in _SAFE and origin and urlsplit(origin).netloc.lower() != host:
            return lambda send: _plain(send, 403, "cross-origin request refused")
        if self.token and not login and not self._authorised(headers):
            return lambda send: _plain(send, 401, "token required: send 'Authorization: "
                                       "Bearer TOKEN' or open the page with ?token=TOKEN")
        return None

    def _authorised(self, headers: dict[str, str]) -> bool:
        assert self.token is not None
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and _same(auth[7:].strip(), self.token):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed cookie header is just no cookie
            return False
        morsel = cookie.get(COOKIE)
        return morsel is not None and _same(morsel.value, self.token)

    def _capped(self, receive: Receive) -> Receive:
        seen = 0

        async def receive_capped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        return receive_capped


def _same(given: str, token: str) -> bool:
    return secrets.compare_digest(given.encode(), token.encode())


async def _plain(send: Send, status: int, text: str) -> None:
    body = json.dumps({"detail": text}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *_HEADERS]})
    await send({"type": "http.response.body", "body": body})


async def _login_redirect(scope: Scope, query: dict[str, str], token: str, send: Send) -> None:
    rest = urlencode({k: v for k, v in query.items() if k != "token"})
    location = scope.get("path", "/") + (f"?{rest}" if rest else "")
    cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode()),
                            (b"set-cookie", cookie.encode()),
                            (b"content-length", b"0"), *_HEADERS]})
    await send({"type": "http.response.body", "body": b""})
