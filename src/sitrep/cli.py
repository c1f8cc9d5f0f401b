"""The ``sitrep`` command: a thin layer over the library.

Library errors (``SitrepError``) become one line on stderr and an exit
status: 0 all went well, 1 some input or step failed (the rest was done),
2 the command itself could not run (bad usage, unreachable store).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import click

from sitrep import __version__
from sitrep.errors import InputError, SitrepError
from sitrep.pipeline import ReadOptions, annotate_stream, extract_inputs
from sitrep.sources.files import DEFAULT_MAX_BYTES

EXIT_OK, EXIT_PARTIAL, EXIT_FATAL = 0, 1, 2

_db_option = click.option(
    "--db",
    envvar="SITREP_DB",
    default=None,
    help="Store: a SQLite file path or a postgresql:// URL (default: $SITREP_DB or ./sitrep.db).",
)
_fetch_option = click.option(
    "--fetch", is_flag=True, help="Fetch http(s) URLs and feed item links (off by default)."
)
_max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1024),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Largest input file or page accepted, in bytes.",
)


def _report_error(err: InputError) -> None:
    click.echo(f"sitrep: {err.source}: {err.reason}", err=True)


def _write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


class _Counter:
    """Counts errors reported while a stream is consumed."""

    def __init__(self) -> None:
        self.errors = 0

    def __call__(self, err: InputError) -> None:
        self.errors += 1
        _report_error(err)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def cli() -> None:
    """sitrep: turn raw news into sourced situation briefs."""


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@_fetch_option
@_max_bytes_option
def extract_cmd(paths: tuple[str, ...], fmt: str, fetch: bool, max_bytes: int) -> None:
    """Print the clean articles found in PATHS (files, folders, globs, '-', URLs)."""
    counter = _Counter()
    options = ReadOptions(fetch=fetch, max_bytes=max_bytes)

    def rows() -> Iterator[dict[str, Any]]:
        for item in extract_inputs(paths, options):
            if isinstance(item, InputError):
                counter(item)
            else:
                yield item.to_dict()

    if fmt == "jsonl":
        _write_jsonl(rows(), sys.stdout)
    else:
        from sitrep.render.tables import articles_table

        articles_table(list(rows()))
    sys.exit(EXIT_PARTIAL if counter.errors else EXIT_OK)


@cli.command("annotate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@_fetch_option
@_max_bytes_option
def annotate_cmd(paths: tuple[str, ...], fmt: str, fetch: bool, max_bytes: int) -> None:
    """Print articles with their annotation layers (entities, times, quantities, ...)."""
    counter = _Counter()
    options = ReadOptions(fetch=fetch, max_bytes=max_bytes)

    def rows() -> Iterator[dict[str, Any]]:
        for item in annotate_stream(extract_inputs(paths, options)):
            if isinstance(item, InputError):
                counter(item)
            else:
                article, ann = item
                yield {**article.to_dict(), **ann.to_dict()}

    _write_jsonl(rows(), sys.stdout)
    sys.exit(EXIT_PARTIAL if counter.errors else EXIT_OK)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("sitrep: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_FATAL)
    except SitrepError as err:
        click.echo(f"sitrep: error: {err}", err=True)
        sys.exit(EXIT_FATAL)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
