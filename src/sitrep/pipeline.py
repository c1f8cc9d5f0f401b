"""The flow as library calls: sources -> extract -> annotate -> store.

The command line and the web app call these; nothing here prints.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from sitrep import config
from sitrep.errors import InputError, StoreError
from sitrep.extract import extract
from sitrep.limits import DEFAULT_MAX_CHARS, check_article, check_page
from sitrep.models import Annotations, Article, SourceDoc
from sitrep.sources import Fetcher, read_inputs
from sitrep.sources.clean import clean_fields
from sitrep.sources.files import DEFAULT_MAX_BYTES
from sitrep.sources.web import DEFAULT_DEADLINE

if TYPE_CHECKING:
    from sitrep.store import AddOutcome, Store
    from sitrep.stories import Assigner

T = TypeVar("T")

log = logging.getLogger(__name__)

ArticleOrError = Article | InputError


@dataclass(slots=True)
class ReadOptions:
    """How inputs are read: URL fetching, the size cap, the text-length limit."""

    fetch: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    fetcher: Fetcher | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    fetch_deadline: float = DEFAULT_DEADLINE


def extract_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[ArticleOrError]:
    """Every article found in ``inputs``, with unreadable inputs as InputError values."""
    max_chars = (options or config.current().read).max_chars
    for doc in read_docs(inputs, options):
        if isinstance(doc, InputError):
            yield doc
        else:
            yield from extract_doc(doc, max_chars)


def read_docs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[SourceDoc | InputError]:
    """The readable documents of ``inputs``, before extraction (errors in order)."""
    opts = options or config.current().read
    return read_inputs(inputs, fetch=opts.fetch, fetcher=opts.fetcher, max_bytes=opts.max_bytes,
                       deadline=opts.fetch_deadline)


def extract_doc(doc: SourceDoc, max_chars: int = DEFAULT_MAX_CHARS) -> list[ArticleOrError]:
    """The articles of one document; a failure ends the list as an InputError.

    Articles come out with unstorable characters replaced and over-long texts
    refused (see ``limits``), so that later stages only see what they can do.
    """
    found: list[ArticleOrError] = []
    try:
        check_page(doc, max_chars)
        articles = extract(doc)
    except InputError as err:
        found.append(err)
    except Exception as err:  # an extractor bug must cost one input, not the batch
        log.debug("extraction crashed on %s", doc.source, exc_info=True)
        found.append(InputError(doc.source, f"extraction failed ({type(err).__name__}: {err}); "
                                "the input was left out; please report it with the file"))
    else:
        for article in articles:
            try:
                found.append(check_article(clean_fields(article), max_chars))
            except InputError as err:
                found.append(err)
    return found


def annotate_each(articles: Sequence[Article], batch_size: int = 32,
                  **kwargs: Any) -> list[Annotations | InputError]:
    """The annotations of each article; a crash costs only the article it happened on."""
    from sitrep.annotate import annotate

    try:
        return [ann for _, ann in annotate(articles, batch_size=batch_size, **kwargs)]
    except Exception as err:
        if len(articles) > 1:  # find the one that fails: the others still go in
            return [r for a in articles for r in annotate_each([a], 1, **kwargs)]
        log.debug("annotation crashed on %s", articles[0].source, exc_info=True)
        return [InputError(articles[0].source, f"annotation failed ({type(err).__name__}: "
                           f"{err}); the article was left out; please report it with the input")]


def annotate_stream(
    items: Iterable[ArticleOrError], batch_size: int = 32
) -> Iterator[tuple[Article, Annotations] | InputError]:
    """Annotate the articles of a stream, passing errors through in order."""
    for batch in batches(items, batch_size):
        articles = [a for a in batch if isinstance(a, Article)]
        done = iter(annotate_each(articles, batch_size=batch_size))
        for item in batch:
            if isinstance(item, InputError):
                yield item
            else:
                ann = next(done)
                yield ann if isinstance(ann, InputError) else (item, ann)


@dataclass(slots=True)
class IngestReport:
    """What an ingest did, for the closing summary and the exit status."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    copies: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)


Progress = Callable[[IngestReport], None]
ErrorHook = Callable[[InputError], None]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How an ingest runs, whatever the engine: how inputs are read (None: the
    settings' ``[read]``), the batch size, whether the language model annotates,
    and who hears of each error and of the progress after each batch. A command or
    an endpoint builds it once and it travels whole down to the engine."""

    read: ReadOptions | None = None
    batch_size: int = 32
    annotate: bool = True
    on_error: ErrorHook | None = None
    progress: Progress | None = None


@dataclass(frozen=True, slots=True)
class IngestRun:
    """An open ingest run, which every batch commits into: the store, the story
    assigner working inside its transactions, the run's id, the report counting
    the outcomes and who hears of an article the store refuses."""

    store: Store
    assigner: Assigner
    run_id: int
    report: IngestReport
    on_error: ErrorHook | None = None


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter), read as they come."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def take_articles(batch: Iterable[ArticleOrError], report: IngestReport,
                  on_error: ErrorHook | None = None) -> list[Article]:
    """The articles of a batch, counted as read; its errors are recorded and reported."""
    articles = []
    for item in batch:
        if isinstance(item, InputError):
            _record_error(report, item, on_error)
        else:
            articles.append(item)
    report.read += len(articles)
    return articles


def commit_batch(run: IngestRun, fresh: Sequence[Article],
                 layers: Sequence[Annotations | None]) -> None:
    """Store a batch and assign it to stories, in one transaction; count the outcomes.

    When the batch cannot be stored, each article is tried on its own, so one
    the store refuses costs only itself; if every one fails the store itself
    is the problem and the error is raised.
    """
    try:
        with run.store.stories.write(f"store a batch of {len(fresh)} articles"):
            outcomes = run.store.add_articles(fresh, layers, run_id=run.run_id)
            run.assigner.assign_batch(fresh, layers, outcomes)
    except StoreError as err:
        if len(fresh) == 1:
            raise
        failed: list[InputError] = []
        for article, layer in zip(fresh, layers, strict=True):
            try:
                commit_batch(run, [article], [layer])
            except StoreError as one:
                failed.append(InputError(article.source, f"could not be stored ({one}); "
                                         "the article was left out"))
        if len(failed) == len(fresh):
            raise err from None
        for problem in failed:
            _record_error(run.report, problem, run.on_error)
        return
    _count(run.report, outcomes)


def annotate_fresh(fresh: list[Article], layers: Sequence[Annotations | InputError],
                   report: IngestReport, on_error: ErrorHook | None,
                   ) -> tuple[list[Article], list[Annotations | None]]:
    """The articles whose annotation worked, with their layers; failures are reported."""
    kept: list[Article] = []
    kept_layers: list[Annotations | None] = []
    for article, ann in zip(fresh, layers, strict=True):
        if isinstance(ann, InputError):
            _record_error(report, ann, on_error)
        else:
            kept.append(article)
            kept_layers.append(ann)
    return kept, kept_layers


def _record_error(report: IngestReport, err: InputError,
                  on_error: ErrorHook | None) -> None:
    report.errors.append(err)
    if on_error:
        on_error(err)


def ingest(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    options: IngestOptions | None = None,
) -> IngestReport:
    """Read, extract, annotate and store ``inputs``; each batch is one transaction.

    Articles whose id is already stored are skipped before the language model
    runs, so a second run of the same inputs costs little and adds nothing; a
    crash loses at most the open batch, which the next run adds.
    """
    from sitrep.stories import Assigner

    opts = options or IngestOptions()
    names = [os.fspath(i) for i in inputs]
    report = IngestReport()
    assigner = Assigner(store, config.current().stories)
    with store.ingest_run(names) as run_id:
        run = IngestRun(store, assigner, run_id, report, opts.on_error)
        for batch in batches(extract_inputs(names, opts.read), opts.batch_size):
            articles = take_articles(batch, report, opts.on_error)
            known = store.known_ids([a.id for a in articles])
            fresh = [a for a in articles if a.id not in known]
            report.duplicates += len(articles) - len(fresh)
            store.count_skipped(run_id, len(articles) - len(fresh))
            layers: list[Annotations | None] = [None] * len(fresh)
            if fresh and opts.annotate:
                fresh, layers = annotate_fresh(
                    fresh, annotate_each(fresh, batch_size=opts.batch_size), report,
                    opts.on_error)
            if fresh:
                # Articles and their story assignment commit together.
                commit_batch(run, fresh, layers)
            if opts.progress:
                opts.progress(report)
        assigner.settle()
    return report


def _count(report: IngestReport, outcomes: Iterable[AddOutcome]) -> None:
    for outcome in outcomes:
        if outcome.status == "added":
            report.added += 1
        elif outcome.status == "copy":
            report.copies += 1
        else:
            report.duplicates += 1
