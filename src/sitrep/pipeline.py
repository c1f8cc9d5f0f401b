"""The flow as library calls: sources -> extract -> annotate -> store.

The command line and the web app call these; nothing here prints.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from sitrep.errors import InputError
from sitrep.extract import extract
from sitrep.models import Annotations, Article, SourceDoc
from sitrep.sources import Fetcher, read_inputs
from sitrep.sources.files import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sitrep.store import AddOutcome, Store
    from sitrep.stories import Assigner

log = logging.getLogger(__name__)

ArticleOrError = Article | InputError


@dataclass(slots=True)
class ReadOptions:
    """How inputs are read: URL fetching and the size cap."""

    fetch: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    fetcher: Fetcher | None = None


def extract_inputs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[ArticleOrError]:
    """Every article found in ``inputs``, with unreadable inputs as InputError values."""
    for doc in read_docs(inputs, options):
        if isinstance(doc, InputError):
            yield doc
        else:
            yield from extract_doc(doc)


def read_docs(
    inputs: Iterable[str], options: ReadOptions | None = None
) -> Iterator[SourceDoc | InputError]:
    """The readable documents of ``inputs``, before extraction (errors in order)."""
    opts = options or ReadOptions()
    return read_inputs(inputs, fetch=opts.fetch, fetcher=opts.fetcher, max_bytes=opts.max_bytes)


def extract_doc(doc: SourceDoc) -> list[ArticleOrError]:
    """The articles of one document; a failure ends the list as an InputError."""
    found: list[ArticleOrError] = []
    try:
        found.extend(extract(doc))
    except InputError as err:
        found.append(err)
    except Exception as err:  # an extractor bug must cost one input, not the batch
        log.debug("extraction crashed on %s", doc.source, exc_info=True)
        found.append(InputError(doc.source, f"extraction failed ({type(err).__name__}: {err})"))
    return found


def annotate_stream(
    items: Iterable[ArticleOrError], batch_size: int = 32
) -> Iterator[tuple[Article, Annotations] | InputError]:
    """Annotate the articles of a stream, passing errors through in order."""
    from sitrep.annotate import annotate

    for batch in batches(iter(items), batch_size):
        articles = [a for a in batch if isinstance(a, Article)]
        done = iter(annotate(articles, batch_size=batch_size))
        for item in batch:
            yield item if isinstance(item, InputError) else next(done)


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


def batches(items: Iterator[ArticleOrError], size: int) -> Iterator[list[ArticleOrError]]:
    while batch := list(islice(items, size)):
        yield batch


def take_articles(batch: Iterable[ArticleOrError], report: IngestReport,
                  on_error: Callable[[InputError], None] | None = None) -> list[Article]:
    """The articles of a batch, counted as read; its errors are recorded and reported."""
    articles = []
    for item in batch:
        if isinstance(item, InputError):
            report.errors.append(item)
            if on_error:
                on_error(item)
        else:
            articles.append(item)
    report.read += len(articles)
    return articles


def commit_batch(store: Store, assigner: Assigner, run_id: int, fresh: Sequence[Article],
                 layers: Sequence[Annotations | None], report: IngestReport) -> None:
    """Store a batch and assign it to stories, in one transaction; count the outcomes."""
    with store.story_write(f"store a batch of {len(fresh)} articles"):
        outcomes = store.add_articles(fresh, layers, run_id=run_id)
        assigner.assign_batch(fresh, layers, outcomes)
    _count(report, outcomes)


def ingest(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    options: ReadOptions | None = None,
    batch_size: int = 32,
    annotate_articles: bool = True,
    on_error: Callable[[InputError], None] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, extract, annotate and store ``inputs``; each batch is one transaction.

    Articles whose id is already stored are skipped before the language model
    runs, so a second run of the same inputs costs little and adds nothing; a
    crash loses at most the open batch, which the next run adds.
    """
    from sitrep.annotate import annotate
    from sitrep.stories import Assigner

    names = [os.fspath(i) for i in inputs]
    report = IngestReport()
    assigner = Assigner(store)
    with store.ingest_run(names) as run_id:
        for batch in batches(extract_inputs(names, options), batch_size):
            articles = take_articles(batch, report, on_error)
            known = store.known_ids([a.id for a in articles])
            fresh = [a for a in articles if a.id not in known]
            report.duplicates += len(articles) - len(fresh)
            store.count_skipped(run_id, len(articles) - len(fresh))
            if fresh:
                layers: list[Annotations | None] = (
                    [ann for _, ann in annotate(fresh, batch_size=batch_size)]
                    if annotate_articles
                    else [None] * len(fresh)
                )
                # Articles and their story assignment commit together.
                commit_batch(store, assigner, run_id, fresh, layers, report)
            if progress:
                progress(report)
    return report


def _count(report: IngestReport, outcomes: Iterable[AddOutcome]) -> None:
    for outcome in outcomes:
        if outcome.status == "added":
            report.added += 1
        elif outcome.status == "copy":
            report.copies += 1
        else:
            report.duplicates += 1
