"""What the web app is configured with (the ``sitrep serve`` options)."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024  # bytes per ingest request
UPLOAD_SUFFIXES = (".html", ".htm", ".txt", ".md", ".jsonl", ".json", ".xml", ".gz")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(slots=True)
class WebSettings:
    """``token`` None means no authentication (only allowed on loopback);
    ``allowed_hosts`` guards against DNS rebinding (None: any Host header)."""

    db: str | None = None
    token: str | None = None
    read_only: bool = False
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    annotate: bool = True
    allowed_hosts: list[str] | None = field(default=None)
