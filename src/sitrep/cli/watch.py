"""The live-monitoring commands: ``sitrep watch``, ``sitrep feeds`` and
``sitrep watchlist add|list|remove``; thin layers over sitrep.watch.

sitrep.cli registers them with :func:`register_watch_commands`; ``sitrep serve
--watch`` (sitrep.cli.serve) reuses :func:`watch_options` and :func:`start_watcher`.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from sitrep.cli.options import config_option, db_option, open_store
from sitrep.sources.files import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sitrep.store import Store
    from sitrep.watch import CycleReport, SmtpSettings, Watcher, WatchSettings

def _duration(ctx: click.Context, param: click.Parameter, value: str | None) -> float | None:
    from sitrep.errors import InputError
    from sitrep.watch.feedlist import parse_duration

    if value is None:
        return None
    try:
        return parse_duration(value, f"--{param.name}")
    except InputError as err:
        raise click.BadParameter(err.reason) from err


# Defaults None: the settings' [watch] section (--config) fills what is not given.
_OPTIONS: list[Callable[[Any], Any]] = [
    click.option("--interval", default=None, show_default="15m", callback=_duration,
                 help="How often each feed is polled (90s, 15m, 2h); a feed list line's "
                 "every=... wins."),
    click.option("--jitter", type=click.FloatRange(0, 0.5), default=None, show_default="0.1",
                 help="Spread of the polls, as a share of the interval."),
    click.option("--host-delay", type=click.FloatRange(min=0), default=None,
                 show_default="1.0",
                 help="Seconds between two requests to one host (one at a time per host)."),
    click.option("--timeout", type=click.FloatRange(min=0.1), default=None, show_default="20.0",
                 help="Seconds a feed or page may take in all."),
    click.option("--max-bytes", type=click.IntRange(min=1024), default=None,
                 show_default=str(DEFAULT_MAX_BYTES),
                 help="Largest feed or page accepted, in bytes."),
    click.option("--workers", type=click.IntRange(1, 64), default=None, show_default="8",
                 help="Parallel requests (to different hosts)."),
    click.option("--batch-size", type=click.IntRange(1, 1000), default=None, show_default="32",
                 help="Items stored per transaction."),
    click.option("--no-annotate", is_flag=True, help="Store articles without annotation layers."),
    click.option("--no-fetch-pages", is_flag=True,
                 help="Use the text the feed carries instead of fetching item links."),
    click.option("--base-url", default=None, show_default="http://127.0.0.1:8000",
                 help="Where `sitrep serve` is reached: alerts link to its pages."),
    click.option("--alert-log", default=None, type=click.Path(dir_okay=False),
                 help="Also append every alert digest to this JSON Lines file."),
    click.option("--smtp-host", default=None,
                 help="SMTP server for email alerts (default: the settings' [smtp] host, "
                 "$SITREP_SMTP_HOST)."),
    click.option("--smtp-port", type=int, default=None, show_default="587"),
    click.option("--smtp-starttls/--no-smtp-starttls", default=None, show_default="starttls"),
    click.option("--smtp-user", default=None,
                 help="SMTP login; the password only from the settings or "
                 "$SITREP_SMTP_PASSWORD."),
    click.option("--smtp-from", default=None, show_default="sitrep@localhost"),
]


def watch_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(_OPTIONS):
        f = option(f)
    return f


def watch_settings(opts: dict[str, Any]) -> WatchSettings:
    """WatchSettings from the options of :func:`watch_options` (consumed from ``opts``)
    over the settings' [watch] section."""
    import dataclasses

    from sitrep import config

    base = config.current().watch
    smtp = smtp_settings(opts)
    log = opts.pop("alert_log")
    given = {"interval_s": opts.pop("interval"), "jitter": opts.pop("jitter"),
             "host_delay_s": opts.pop("host_delay"), "timeout_s": opts.pop("timeout"),
             "max_bytes": opts.pop("max_bytes"), "workers": opts.pop("workers"),
             "batch_size": opts.pop("batch_size"), "base_url": opts.pop("base_url")}
    return dataclasses.replace(
        base, **{k: v for k, v in given.items() if v is not None},
        annotate=base.annotate and not opts.pop("no_annotate"),
        fetch_pages=base.fetch_pages and not opts.pop("no_fetch_pages"),
        extra_sinks=[*base.extra_sinks, *([f"log:{log}"] if log else [])], smtp=smtp)


def smtp_settings(opts: dict[str, Any]) -> SmtpSettings | None:
    """The settings' [smtp] section with the --smtp-* options over it; None without a host."""
    import dataclasses

    from sitrep import config
    from sitrep.watch import SmtpSettings

    given = {key: opts.pop(f"smtp_{option}") for key, option in
             (("host", "host"), ("port", "port"), ("starttls", "starttls"), ("user", "user"),
              ("sender", "from"))}
    given = {k: v for k, v in given.items() if v is not None}
    base = config.current().smtp
    if base is not None:
        return dataclasses.replace(base, **given)
    return SmtpSettings(**given) if given.get("host") else None


def _report_error(message: str) -> None:
    click.echo(f"sitrep: {message}", err=True)


def make_watcher(store: Store, feeds: tuple[str, ...], settings: WatchSettings,
                 stop: threading.Event) -> Watcher:
    """A watcher over FEEDS (URLs, lists, OPML), or over the store's feeds when none."""
    from sitrep.watch import FeedSpec, Watcher, read_feed_list

    specs = read_feed_list(feeds) if feeds else [
        FeedSpec(f.url, f.title, f.interval_s) for f in store.watch.feed_states()]
    if not specs:
        raise click.UsageError("no feeds: give feed URLs, a text file of URLs or an OPML file")
    return Watcher(store, specs, settings, stop=stop, on_error=_report_error)


@click.command("watch")
@config_option
@click.argument("feeds", nargs=-1)
@db_option
@click.option("--once", is_flag=True, help="Run one cycle (poll what is due, store, alert), "
              "then exit.")
@click.option("-q", "--quiet", is_flag=True, help="No summary line per cycle.")
@watch_options
def watch_cmd(feeds: tuple[str, ...], db: str | None, once: bool, quiet: bool,
              **opts: Any) -> None:
    """Follow FEEDS (URLs, text files of URLs, OPML files; none: the store's feeds),
    store new articles as they arrive, assign them to stories and send alerts.

    SIGTERM or Ctrl-C finish the batch under way and exit; the next start resumes.
    """
    settings = watch_settings(opts)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    failed = False

    def on_cycle(report: CycleReport) -> None:
        nonlocal failed
        failed = failed or bool(report.errors)
        if not quiet:
            click.echo(f"sitrep: {report.summary()}", err=True)

    with open_store(db) as store, make_watcher(store, feeds, settings, stop) as watcher:
        watcher.run(once=once, on_cycle=on_cycle)
    sys.exit(1 if once and failed else 0)


@click.command("feeds")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
@click.option("--remove", "remove", multiple=True, metavar="URL",
              help="Stop watching this feed (its stored articles stay).")
def feeds_cmd(db: str | None, fmt: str, remove: tuple[str, ...]) -> None:
    """Each watched feed's health: last success, last error, back-off, items seen."""
    with open_store(db) as store:
        for url in remove:
            if not store.watch.remove_feed(url):
                raise click.UsageError(f"no watched feed {url}; list them with: sitrep feeds")
            click.echo(f"removed {url}", err=True)
        states = store.watch.feed_states()
        counts = store.watch.item_counts()
    rows = [{**s.to_dict(), "health": _health(s.failures, s.last_success),
             "pending": counts.get(s.url, {}).get("pending", 0),
             "failed_items": counts.get(s.url, {}).get("failed", 0)} for s in states]
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} feeds")
    for name in ("feed", "health", "last success", "next poll", "items", "articles",
                 "304s", "last error"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(r["title"] or r["url"], r["health"], (r["last_success"] or "never")[:19],
                      r["next_poll"][:19], str(r["items_seen"]), str(r["articles"]),
                      f"{r['not_modified']}/{r['requests']}", r["last_error"] or "")
    Console().print(table)


def _health(failures: int, last_success: str | None) -> str:
    if failures == 0:
        return "ok" if last_success else "new"
    return f"failing ({failures}x)"


@click.group("watchlist")
def watchlist_group() -> None:
    """Saved rules that raise alerts: entities, words, outlets, stories."""


@watchlist_group.command("add")
@click.argument("name")
@db_option
@click.option("--entity", "entities", multiple=True,
              help="An entity: canonical id, name or any alias (repeatable).")
@click.option("--words", "words", multiple=True, help="A full-text query (repeatable).")
@click.option("--outlet", "outlets", multiple=True, help="An outlet name or site host.")
@click.option("--story", "stories", multiple=True, help="A story id to follow.")
@click.option("--webhook", "webhooks", multiple=True, help="POST each digest here as JSON.")
@click.option("--email", "emails", multiple=True, help="Mail each digest here (SMTP settings).")
@click.option("--log", "logs", multiple=True, type=click.Path(dir_okay=False),
              help="Append each digest to this JSON Lines file.")
def watchlist_add(name: str, db: str | None, entities: tuple[str, ...], words: tuple[str, ...],
                  outlets: tuple[str, ...], stories: tuple[str, ...], webhooks: tuple[str, ...],
                  emails: tuple[str, ...], logs: tuple[str, ...]) -> None:
    """Create or replace watchlist NAME; it alerts on what is stored from now on."""
    from sitrep.store.migrations import utc_now
    from sitrep.watch import Watchlist, check_watchlist

    sinks = [*(f"webhook:{u}" for u in webhooks), *(f"email:{a}" for a in emails),
             *(f"log:{p}" for p in logs)]
    w = check_watchlist(Watchlist(name, list(entities), list(words), list(outlets),
                                  list(stories), sinks))
    with open_store(db) as store:
        store.watch.put_watchlist(w.name, w.rules(), w.sinks, utc_now())
    click.echo(f"watchlist {w.name} saved", err=True)


@watchlist_group.command("list")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def watchlist_list(db: str | None, fmt: str) -> None:
    """The watchlists, their rules and sinks."""
    from sitrep.watch import Watchlist

    with open_store(db) as store:
        rows = [(Watchlist.from_row(r), len(store.watch.alerts_of(r.name, limit=100_000)))
                for r in store.watch.watchlists()]
    if fmt == "jsonl":
        for w, n in rows:
            sys.stdout.write(json.dumps({**w.to_dict(), "alerts": n}, ensure_ascii=False)
                             + "\n")
        return
    for w, n in rows:
        rules = "; ".join(f"{k}: {', '.join(v)}" for k, v in w.rules().items() if v)
        click.echo(f"{w.name}\t{rules}\t{', '.join(w.sinks) or 'no sinks'}\t{n} alerts")


@watchlist_group.command("remove")
@click.argument("name")
@db_option
def watchlist_remove(name: str, db: str | None) -> None:
    """Delete watchlist NAME and its alerts."""
    with open_store(db) as store:
        if not store.watch.remove_watchlist(name):
            raise click.UsageError(f"no watchlist {name!r}; list them with: sitrep watchlist list")
    click.echo(f"watchlist {name} removed", err=True)


class BackgroundWatcher:
    """A watcher in a thread of its own (with its own store connection)."""

    def __init__(self, db: str | None, feeds: tuple[str, ...], settings: WatchSettings) -> None:
        from sitrep.watch import read_feed_list

        read_feed_list(feeds)  # a bad feed list fails now, not in the thread
        self.event = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(db, feeds, settings),
                                       name="sitrep-watch", daemon=True)

    def _run(self, db: str | None, feeds: tuple[str, ...], settings: WatchSettings) -> None:
        from sitrep.cli.errors import describe
        from sitrep.errors import SitrepError

        try:
            with open_store(db) as store, make_watcher(store, feeds, settings, self.event) as w:
                w.run(on_cycle=lambda r: click.echo(f"sitrep: watch: {r.summary()}", err=True))
        except SitrepError as err:
            click.echo(f"sitrep: watch stopped: {describe(err)}", err=True)

    def stop(self, timeout: float = 120.0) -> None:
        self.event.set()
        self.thread.join(timeout)


def start_watcher(db: str | None, feeds: tuple[str, ...],
                  settings: WatchSettings) -> BackgroundWatcher:
    watcher = BackgroundWatcher(db, feeds, settings)
    watcher.thread.start()
    return watcher


def register_watch_commands(cli: click.Group) -> None:
    for command in (watch_cmd, feeds_cmd, watchlist_group):
        cli.add_command(command)
