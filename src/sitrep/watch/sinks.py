"""Where alert digests go: a JSON Lines log, a webhook (POST of JSON), email over SMTP.

A sink is written as text and saved with its watchlist: ``log:PATH``,
``webhook:https://host/path``, ``email:analyst@example.org``. SMTP comes from
the settings (``SmtpSettings``: host, port, STARTTLS, credentials; the
``SITREP_SMTP_*`` environment variables), never from the watchlist. The
Atom feed of each watchlist needs no sink: the web app serves it from the
alerts in the store.
"""

from __future__ import annotations

import json
import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx

from sitrep.errors import SitrepError
from sitrep.sources.files import is_url
from sitrep.sources.web import USER_AGENT

SINK_KINDS = ("log", "webhook", "email")


@dataclass(frozen=True, slots=True)
class Sink:
    kind: str
    target: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.target}"


def parse_sink(text: str) -> Sink:
    kind, sep, target = text.strip().partition(":")
    target = target.strip()
    if not sep or kind not in SINK_KINDS or not target:
        raise SitrepError(f"alert sink {text!r}: write log:FILE, webhook:URL or email:ADDRESS")
    if kind == "webhook" and not is_url(target):
        raise SitrepError(f"webhook {target!r} is not an http(s) URL")
    if kind == "email" and ("@" not in target or any(c.isspace() for c in target)):
        raise SitrepError(f"email sink {target!r} is not an address")
    if kind == "log":
        target = str(Path(target).expanduser().resolve())
    return Sink(kind, target)


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """How to send email. ``starttls`` upgrades the connection before logging in;
    ``cafile`` trusts a private CA (a test server, a company relay)."""

    host: str
    port: int = 587
    starttls: bool = True
    user: str | None = None
    password: str | None = None
    sender: str = "sitrep@localhost"
    cafile: str | None = None
    timeout_s: float = 20.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> SmtpSettings | None:
        """From SITREP_SMTP_HOST, _PORT, _STARTTLS (1/0), _USER, _PASSWORD, _FROM, _CAFILE
        (read by sitrep.config: the settings' [smtp] section)."""
        from sitrep import config

        return config.load(env=env).smtp if env is not None else config.current().smtp


def digest_text(digest: dict[str, Any]) -> str:
    """The plain-text body of a digest: what changed, with links."""
    lines = [f"{len(digest['alerts'])} new on watchlist {digest['watchlist']}:", ""]
    for alert in digest["alerts"]:
        lines.append(f"- {alert['what']}")
        if alert.get("story"):
            lines.append(f"  story: {alert['story']['link']}")
        if alert.get("cite"):
            lines.append(f"  \u201c{alert['cite']['text']}\u201d")
            lines.append(f"  source: {alert['cite']['link']}")
        lines.append("")
    return "\n".join(lines)


def send(sink: Sink, digest: dict[str, Any], smtp: SmtpSettings | None,
         timeout_s: float = 20.0) -> None:
    """Deliver one digest; raises SitrepError (or OSError) saying why it failed."""
    if sink.kind == "log":
        path = Path(sink.target)
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(digest, ensure_ascii=False) + "\n")
            out.flush()
            os.fsync(out.fileno())
    elif sink.kind == "webhook":
        _post(sink.target, digest, timeout_s)
    else:
        _mail(sink.target, digest, smtp)


def _post(url: str, digest: dict[str, Any], timeout_s: float) -> None:
    try:
        response = httpx.post(url, json=digest, timeout=timeout_s,
                              headers={"User-Agent": USER_AGENT})
    except httpx.HTTPError as err:
        raise SitrepError(f"webhook {url} cannot be reached ({type(err).__name__})") from err
    if not 200 <= response.status_code < 300:
        raise SitrepError(f"webhook {url} answered HTTP {response.status_code}")


def _mail(to: str, digest: dict[str, Any], smtp: SmtpSettings | None) -> None:
    if smtp is None:
        raise SitrepError("no SMTP server set: set [smtp] host in the settings file, or "
                          "SITREP_SMTP_HOST (and _PORT, _USER, _PASSWORD)", hint="smtp_host")
    message = EmailMessage()
    n = len(digest["alerts"])
    message["Subject"] = f"sitrep: {n} new on {digest['watchlist']}"
    message["From"] = smtp.sender
    message["To"] = to
    message.set_content(digest_text(digest))
    try:
        with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_s) as client:
            client.ehlo()
            if smtp.starttls:
                client.starttls(context=ssl.create_default_context(cafile=smtp.cafile))
                client.ehlo()
            if smtp.user:
                client.login(smtp.user, smtp.password or "")
            client.send_message(message)
    except (smtplib.SMTPException, OSError) as err:
        raise SitrepError(f"email to {to} via {smtp.host}:{smtp.port} failed: {err}") from err
