"""Options and helpers shared by the command modules: the store option, the reading
bounds, exit statuses, error lines and JSONL output."""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from sitrep.errors import InputError
from sitrep.limits import DEFAULT_MAX_CHARS
from sitrep.pipeline import ReadOptions
from sitrep.sources.files import DEFAULT_MAX_BYTES
from sitrep.sources.web import DEFAULT_DEADLINE

if TYPE_CHECKING:
    from sitrep.store import Store

EXIT_OK, EXIT_PARTIAL, EXIT_FATAL, EXIT_INTERNAL = 0, 1, 2, 3
_debug: list[bool] = [bool(os.environ.get("SITREP_DEBUG"))]


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        _debug[0] = True

db_option = click.option(
    "--db",
    envvar="SITREP_DB",
    default=None,
    help="Store: a SQLite file path or a postgresql:// URL (default: $SITREP_DB or ./sitrep.db).",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
READ_OPTIONS = (
    click.option("--fetch", is_flag=True,
                 help="Fetch http(s) URLs and feed item links (off by default)."),
    click.option("--fetch-deadline", type=click.FloatRange(min=0.1), default=DEFAULT_DEADLINE,
                 show_default=True,
                 help="Seconds one URL fetch may take in all (a server that drips bytes is "
                 "cut off)."),
    click.option("--max-bytes", type=click.IntRange(min=1024), default=DEFAULT_MAX_BYTES,
                 show_default=True,
                 help="Largest input file or page (or one record of a record file) accepted, "
                 "in bytes."),
    click.option("--max-chars", type=click.IntRange(min=1000), default=DEFAULT_MAX_CHARS,
                 show_default=True,
                 help="Longest article text accepted, in characters (annotation takes about "
                 "6 s per 100,000)."),
)


def read_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that bound reading, handed to ``command`` as one ``options: ReadOptions``."""

    @functools.wraps(command)
    def with_options(fetch: bool, fetch_deadline: float, max_bytes: int, max_chars: int,
                     **kwargs: Any) -> None:
        command(options=ReadOptions(fetch=fetch, max_bytes=max_bytes, max_chars=max_chars,
                                    fetch_deadline=fetch_deadline), **kwargs)

    for option in reversed(READ_OPTIONS):
        with_options = option(with_options)
    return with_options


def report_error(err: InputError) -> None:
    click.echo(f"sitrep: {err.line()}", err=True)


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
