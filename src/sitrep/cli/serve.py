"""``sitrep serve``: the web app over a store (see sitrep.web)."""

from __future__ import annotations

import dataclasses
import ipaddress
import re
import signal
from typing import Any

import click

from sitrep import config
from sitrep.cli.options import config_option, db_option
from sitrep.cli.watch import start_watcher, watch_options, watch_settings
from sitrep.web.settings import DEFAULT_MAX_UPLOAD, LOCAL_HOSTS

_TOKEN = re.compile(r"^[A-Za-z0-9._~-]{16,}$")


def is_loopback(host: str) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> list[str] | None:
    """Host headers accepted: the loopback names on loopback, anything with a token."""
    if not is_loopback(host):
        return None  # the token guards a public address; names vary (proxies, DNS)
    names = {host, "127.0.0.1", "localhost", "[::1]"}
    return sorted({*(f"{n}:{port}" for n in names), *names})


@click.command("serve")
@config_option
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", default=None,
              help="Require this token (16+ URL-safe characters): 'Authorization: Bearer "
              "TOKEN', or open any page once with ?token=TOKEN to set a cookie (default: "
              "the settings' [web] token, $SITREP_WEB_TOKEN).")
@click.option("--read-only", is_flag=True, default=None, help="Refuse ingest (403).")
@click.option("--max-upload", type=click.IntRange(min=1024), default=None,
              show_default=str(DEFAULT_MAX_UPLOAD),
              help="Largest ingest request accepted, in bytes.")
@click.option("--watch", "watch", multiple=True, metavar="FEEDS",
              help="Also watch these feeds (URL, text file of URLs or OPML; repeatable) "
              "beside the web app, with the `sitrep watch` options below.")
@watch_options
def serve_cmd(db: str | None, host: str, port: int, token: str | None,
              read_only: bool | None, max_upload: int | None, watch: tuple[str, ...],
              **opts: Any) -> None:
    """Open the store in a browser: stories, briefs with live citations, entities, search."""
    import uvicorn

    from sitrep.web import create_app

    web = config.current().web
    db = db or config.current().store.db
    token = token or web.token
    read_only = web.read_only if read_only is None else read_only
    if token is not None and not _TOKEN.match(token):
        raise click.UsageError("--token needs 16 or more characters from A-Z a-z 0-9 . _ ~ -")
    if not is_loopback(host) and token is None:
        raise click.UsageError(f"refusing to listen on {host} without --token: anyone who can "
                               "reach it could read the store; pass --token or use 127.0.0.1")
    app = create_app(dataclasses.replace(
        web, db=db, token=token, read_only=read_only,
        max_upload_bytes=max_upload or web.max_upload_bytes,
        allowed_hosts=allowed_hosts(host, port)))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"sitrep: serving on http://{shown}:{port}/"
               + (" (token required)" if token else "") + (" read-only" if read_only else ""),
               err=True)
    watcher = None
    if watch:
        settings = watch_settings(opts)
        if settings.base_url == type(settings)().base_url:  # neither option nor file set it
            settings.base_url = f"http://{shown}:{port}"
        watcher = start_watcher(db, watch, settings)
        # uvicorn re-raises the signal that stopped it once it has shut down; with
        # these handlers in place that ends here, and the watcher finishes its batch.
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: None)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
    finally:
        if watcher is not None:  # uvicorn returns on SIGTERM/SIGINT: finish the batch
            watcher.stop()
