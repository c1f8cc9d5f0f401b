"""The ``sitrep`` command: a thin layer over the library.

Library errors (``SitrepError``) become one line on stderr and an exit
status: 0 all went well, 1 some input or step failed (the rest was done),
2 the command itself could not run (bad usage, unreachable store), 3 an
internal error (a bug): one short line, the traceback only with ``--debug``.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from sitrep import __version__
from sitrep.errors import InputError, SitrepError, one_line
from sitrep.export import FORMATS, export
from sitrep.limits import DEFAULT_MAX_CHARS
from sitrep.pipeline import (
    IngestReport,
    ReadOptions,
    annotate_stream,
    extract_inputs,
)
from sitrep.results import write_results
from sitrep.sources.files import DEFAULT_MAX_BYTES
from sitrep.sources.web import DEFAULT_DEADLINE

if TYPE_CHECKING:
    from sitrep.store import Store

EXIT_OK, EXIT_PARTIAL, EXIT_FATAL, EXIT_INTERNAL = 0, 1, 2, 3
_debug: list[bool] = [bool(os.environ.get("SITREP_DEBUG"))]


def _set_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        _debug[0] = True

_db_option = click.option(
    "--db",
    envvar="SITREP_DB",
    default=None,
    help="Store: a SQLite file path or a postgresql:// URL (default: $SITREP_DB or ./sitrep.db).",
)
_READ_OPTIONS = (
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


def _read_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that bound reading, handed to ``command`` as one ``options: ReadOptions``."""

    @functools.wraps(command)
    def with_options(fetch: bool, fetch_deadline: float, max_bytes: int, max_chars: int,
                     **kwargs: Any) -> None:
        command(options=ReadOptions(fetch=fetch, max_bytes=max_bytes, max_chars=max_chars,
                                    fetch_deadline=fetch_deadline), **kwargs)

    for option in reversed(_READ_OPTIONS):
        with_options = option(with_options)
    return with_options


def _report_error(err: InputError) -> None:
    click.echo(f"sitrep: {err.line()}", err=True)


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
@click.option("--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
              help="Show the traceback of an internal error (also $SITREP_DEBUG=1).")
def cli() -> None:
    """sitrep: turn raw news into sourced situation briefs."""


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
@_read_options
def extract_cmd(paths: tuple[str, ...], fmt: str, options: ReadOptions) -> None:
    """Print the clean articles found in PATHS (files, folders, globs, '-', URLs)."""
    counter = _Counter()

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
@_read_options
def annotate_cmd(paths: tuple[str, ...], fmt: str, options: ReadOptions) -> None:
    """Print articles with their annotation layers (entities, times, quantities, ...)."""
    counter = _Counter()

    def rows() -> Iterator[dict[str, Any]]:
        for item in annotate_stream(extract_inputs(paths, options)):
            if isinstance(item, InputError):
                counter(item)
            else:
                article, ann = item
                yield {**article.to_dict(), **ann.to_dict()}

    _write_jsonl(rows(), sys.stdout)
    sys.exit(EXIT_PARTIAL if counter.errors else EXIT_OK)


def _open_store(db: str | None) -> Store:
    from sitrep.store import open_store

    return open_store(db)


def _run_ingest(
    paths: tuple[str, ...],
    store: Store,
    options: ReadOptions,
    quiet: bool,
    annotate: bool = True,
    engine: str = "local",
    address: str | None = None,
) -> IngestReport:
    """Ingest with a live progress line on a terminal; errors go to stderr as they come."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sitrep.engines import run_ingest

    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        return run_ingest(
            engine, paths, store, address=address, options=options,
            annotate_articles=annotate, on_error=_report_error,
        )
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("reading", total=None)

        def progress(report: IngestReport) -> None:
            bar.update(
                task,
                description=f"{report.read} articles, {report.added} new, {report.failed} failed",
            )

        def on_error(err: InputError) -> None:
            bar.console.print(f"sitrep: {err.line()}", markup=False, highlight=False)

        return run_ingest(
            engine,
            paths,
            store,
            address=address,
            options=options,
            annotate_articles=annotate,
            on_error=on_error,
            progress=progress,
        )


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_read_options
@click.option("-q", "--quiet", is_flag=True, help="No progress line and no summary table.")
@click.option("--no-annotate", is_flag=True, help="Store articles without annotation layers.")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="Where extraction and annotation run: this process, or Ray workers "
    "(this process still does all the writing).",
)
@click.option(
    "--address",
    default=None,
    help="Ray cluster to join (host:port, or 'auto'); default: start a local one.",
)
def ingest_cmd(
    paths: tuple[str, ...],
    db: str | None,
    options: ReadOptions,
    quiet: bool,
    no_annotate: bool,
    engine: str,
    address: str | None,
) -> None:
    """Read, extract, annotate and store the articles in PATHS."""
    from sitrep.render.tables import ingest_summary

    started = time.monotonic()
    if engine == "ray":
        from sitrep.engines.ray_cluster import require_ray

        require_ray()  # fail before the store is opened
    with _open_store(db) as store:
        report = _run_ingest(
            paths, store, options, quiet, annotate=not no_annotate, engine=engine, address=address
        )
        if not quiet:
            ingest_summary(report, store.describe, time.monotonic() - started)
    sys.exit(EXIT_PARTIAL if report.failed else EXIT_OK)


@cli.command("search")
@click.argument("query")
@_db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
def search_cmd(query: str, db: str | None, limit: int, fmt: str) -> None:
    """Full-text search over the stored articles."""
    with _open_store(db) as store:
        hits = store.search(query, limit=limit)
    if fmt == "jsonl":
        _write_jsonl((dataclasses.asdict(h) for h in hits), sys.stdout)
    else:
        from sitrep.render.tables import search_table

        search_table(query, hits)


@cli.command("export")
@click.argument("kind")
@_db_option
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default="jsonl", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def export_cmd(kind: str, db: str | None, fmt: str, output: Path | None) -> None:
    """Export KIND (articles, entities, events, stories, discrepancies) from the store."""
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give --output FILE or redirect standard output.")
    with _open_store(db) as store:
        export(store, kind, fmt, output, sys.stdout)


@cli.command("run")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("sitrep-out"),
    show_default=True,
    help="Folder for the results.",
)
@_read_options
def run_cmd(
    paths: tuple[str, ...], db: str | None, out_dir: Path, options: ReadOptions
) -> None:
    """The main job: ingest PATHS into the store and write the results to --out."""
    from sitrep.render.tables import ingest_summary

    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    with _open_store(db) as store:
        report = _run_ingest(paths, store, options, False)
        results = write_results(store, out_dir)
        ingest_summary(report, store.describe, time.monotonic() - started)
    click.echo(
        f"wrote {results.briefs} briefs and the exports to {out_dir}; "
        f"open {results.index.resolve()}",
        err=True,
    )
    sys.exit(EXIT_PARTIAL if report.failed else EXIT_OK)


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
        click.echo(f"sitrep: error: {one_line(str(err))}", err=True)
        sys.exit(EXIT_FATAL)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as err:  # a bug: say so in one line, the traceback on demand
        if _debug[0]:
            traceback.print_exc()
        detail = one_line(f"{type(err).__name__}: {err}")
        click.echo(f"sitrep: internal error ({detail[:300]}); this is a bug: "
                   "rerun with --debug for the traceback and report it", err=True)
        sys.exit(EXIT_INTERNAL)


# Command groups that live in their own modules, registered last.
from sitrep.cli_brief import brief_cmd  # noqa: E402
from sitrep.cli_stories import register_story_commands  # noqa: E402
from sitrep.cli_watch import register_watch_commands  # noqa: E402
from sitrep.cli_web import serve_cmd  # noqa: E402

register_story_commands(cli)
register_watch_commands(cli)
cli.add_command(brief_cmd)
cli.add_command(serve_cmd)
