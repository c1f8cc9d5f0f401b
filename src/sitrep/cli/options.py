"""Options and helpers shared by the command modules: the settings file, the store option,
the reading bounds, exit statuses, error lines and JSONL output."""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from sitrep import config
from sitrep.cli.errors import describe
from sitrep.errors import InputError
from sitrep.limits import DEFAULT_MAX_CHARS
from sitrep.sources.files import DEFAULT_MAX_BYTES
from sitrep.sources.web import DEFAULT_DEADLINE

if TYPE_CHECKING:
    from sitrep.store import Store

EXIT_OK, EXIT_PARTIAL, EXIT_FATAL, EXIT_INTERNAL = 0, 1, 2, 3
_debug: list[bool] = [False]  # --debug; the settings' debug ($SITREP_DEBUG) also counts


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        _debug[0] = True


def debugging() -> bool:
    """--debug, or the settings say so (a settings file that cannot be read does not)."""
    try:
        return _debug[0] or config.current().debug
    except Exception:  # the error being reported may be that very file
        return _debug[0]


def _use_settings(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    config.use(config.load(value))
    ctx.call_on_close(lambda: config.use(None))  # a caller in this process sees its own


# Eager: the settings are in use before the other options are read.
config_option = click.option(
    "--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
    default=None, expose_value=False, is_eager=True, callback=_use_settings,
    help="Settings file (TOML; default: $SITREP_CONFIG): every section of the settings "
    "tree, see docs/configuration.md.")

db_option = click.option(
    "--db",
    default=None,
    help="Store: a SQLite file path or a postgresql:// URL (default: the settings' [store] "
    "db, $SITREP_DB, else ./sitrep.db).",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
READ_OPTIONS = (
    click.option("--fetch", is_flag=True, default=None,
                 help="Fetch http(s) URLs and feed item links (off by default)."),
    click.option("--fetch-deadline", type=click.FloatRange(min=0.1), default=None,
                 show_default=str(DEFAULT_DEADLINE),
                 help="Seconds one URL fetch may take in all (a server that drips bytes is "
                 "cut off)."),
    click.option("--max-bytes", type=click.IntRange(min=1024), default=None,
                 show_default=str(DEFAULT_MAX_BYTES),
                 help="Largest input file or page (or one record of a record file) accepted, "
                 "in bytes."),
    click.option("--max-chars", type=click.IntRange(min=1000), default=None,
                 show_default=str(DEFAULT_MAX_CHARS),
                 help="Longest article text accepted, in characters (annotation takes about "
                 "6 s per 100,000)."),
)


def read_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that bound reading, handed to ``command`` as one ``options: ReadOptions``:
    the settings' [read] section with the options given on the command line over it."""

    @functools.wraps(command)
    def with_options(fetch: bool | None, fetch_deadline: float | None, max_bytes: int | None,
                     max_chars: int | None, **kwargs: Any) -> None:
        given: dict[str, Any] = {"fetch": fetch, "fetch_deadline": fetch_deadline,
                                 "max_bytes": max_bytes, "max_chars": max_chars}
        options = dataclasses.replace(config.current().read,
                                      **{k: v for k, v in given.items() if v is not None})
        command(options=options, **kwargs)

    for option in reversed(READ_OPTIONS):
        with_options = option(with_options)
    return with_options


def report_error(err: InputError) -> None:
    click.echo(f"sitrep: {describe(err)}", err=True)


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


class ErrorCounter:
    """Counts errors reported while a stream is consumed."""

    def __init__(self) -> None:
        self.errors = 0

    def __call__(self, err: InputError) -> None:
        self.errors += 1
        report_error(err)




def open_store(db: str | None) -> Store:
    from sitrep.store import open_store as open_any

    return open_any(db)
