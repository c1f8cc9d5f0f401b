"""Article commands: ``sitrep extract``, ``annotate``, ``ingest``, ``search``, ``export``
and ``run``."""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from sitrep.cli.errors import describe
from sitrep.cli.options import (
    EXIT_OK,
    EXIT_PARTIAL,
    ErrorCounter,
    config_option,
    db_option,
    open_store,
    output_option,
    read_options,
    report_error,
    write_jsonl,
)
from sitrep.errors import InputError
from sitrep.export import FORMATS, export
from sitrep.pipeline import (
    IngestOptions,
    IngestReport,
    ReadOptions,
    annotate_stream,
    extract_inputs,
)
from sitrep.results import write_results

if TYPE_CHECKING:
    from sitrep.store import Store


@click.command("extract")
@config_option
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
@read_options
def extract_cmd(paths: tuple[str, ...], fmt: str, options: ReadOptions) -> None:
    """Print the clean articles found in PATHS (files, folders, globs, '-', URLs)."""
    counter = ErrorCounter()

    def rows() -> Iterator[dict[str, Any]]:
        for item in extract_inputs(paths, options):
            if isinstance(item, InputError):
                counter(item)
            else:
                yield item.to_dict()

    if fmt == "jsonl":
        write_jsonl(rows(), sys.stdout)
    else:
        from sitrep.render.tables import articles_table

        articles_table(list(rows()))
    sys.exit(EXIT_PARTIAL if counter.errors else EXIT_OK)


@click.command("annotate")
@config_option
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@read_options
def annotate_cmd(paths: tuple[str, ...], fmt: str, options: ReadOptions) -> None:
    """Print articles with their annotation layers (entities, times, quantities, ...)."""
    counter = ErrorCounter()

    def rows() -> Iterator[dict[str, Any]]:
        for item in annotate_stream(extract_inputs(paths, options)):
            if isinstance(item, InputError):
                counter(item)
            else:
                article, ann = item
                yield {**article.to_dict(), **ann.to_dict()}

    write_jsonl(rows(), sys.stdout)
    sys.exit(EXIT_PARTIAL if counter.errors else EXIT_OK)


def _run_ingest(
    paths: tuple[str, ...],
    store: Store,
    options: IngestOptions,
    quiet: bool,
    engine: str = "local",
    address: str | None = None,
) -> IngestReport:
    """Ingest with a live progress line on a terminal; errors go to stderr as they come
    (``options`` gets the error and progress hooks here)."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from sitrep.engines import run_ingest

    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        quiet_hooks = dataclasses.replace(options, on_error=report_error)
        return run_ingest(engine, paths, store, quiet_hooks, address=address)
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
            bar.console.print(f"sitrep: {describe(err)}", markup=False, highlight=False)

        hooked = dataclasses.replace(options, on_error=on_error, progress=progress)
        return run_ingest(engine, paths, store, hooked, address=address)


@click.command("ingest")
@config_option
@click.argument("paths", nargs=-1, required=True)
@db_option
@read_options
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
    with open_store(db) as store:
        how = IngestOptions(read=options, annotate=not no_annotate)
        report = _run_ingest(paths, store, how, quiet, engine=engine, address=address)
        if not quiet:
            ingest_summary(report, store.describe, time.monotonic() - started)
    sys.exit(EXIT_PARTIAL if report.failed else EXIT_OK)


@click.command("search")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
def search_cmd(query: str, db: str | None, limit: int, fmt: str) -> None:
    """Full-text search over the stored articles."""
    with open_store(db) as store:
        hits = store.search(query, limit=limit)
    if fmt == "jsonl":
        write_jsonl((dataclasses.asdict(h) for h in hits), sys.stdout)
    else:
        from sitrep.render.tables import search_table

        search_table(query, hits)


@click.command("export")
@click.argument("kind")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(list(FORMATS)), default="jsonl", show_default=True
)
@output_option
def export_cmd(kind: str, db: str | None, fmt: str, output: Path | None) -> None:
    """Export KIND (articles, entities, events, stories, discrepancies) from the store."""
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give --output FILE or redirect standard output.")
    with open_store(db) as store:
        export(store, kind, fmt, output, sys.stdout)


@click.command("run")
@config_option
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("sitrep-out"),
    show_default=True,
    help="Folder for the results.",
)
@read_options
def run_cmd(
    paths: tuple[str, ...], db: str | None, out_dir: Path, options: ReadOptions
) -> None:
    """The main job: ingest PATHS into the store and write the results to --out."""
    from sitrep.render.tables import ingest_summary

    started = time.monotonic()
    out_dir.mkdir(parents=True, exist_ok=True)
    with open_store(db) as store:
        report = _run_ingest(paths, store, IngestOptions(read=options), False)
        results = write_results(store, out_dir)
        ingest_summary(report, store.describe, time.monotonic() - started)
    click.echo(
        f"wrote {results.briefs} briefs and the exports to {out_dir}; "
        f"open {results.index.resolve()}",
        err=True,
    )
    sys.exit(EXIT_PARTIAL if report.failed else EXIT_OK)


def register_article_commands(cli: click.Group) -> None:
    for command in (extract_cmd, annotate_cmd, ingest_cmd, search_cmd, export_cmd, run_cmd):
        cli.add_command(command)
