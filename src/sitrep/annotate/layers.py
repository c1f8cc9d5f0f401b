"""Run the language model once per article and derive every layer from its Doc."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sitrep import config
from sitrep.annotate.attributions.layer import find_attributions
from sitrep.annotate.chunks import PART_CHARS, Piece, char_batches, merge, pieces
from sitrep.annotate.entities.layer import find_entities
from sitrep.annotate.events.layer import find_events
from sitrep.annotate.nlp import load_nlp
from sitrep.annotate.places.layer import place_event_actors, resolve_places
from sitrep.annotate.quantities.layer import find_quantities
from sitrep.annotate.times.layer import find_times
from sitrep.errors import SitrepError
from sitrep.extract.chrome_spans import readable_article
from sitrep.models import Annotations, Article, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


ALL_LAYERS = frozenset({"entities", "times", "quantities", "attributions", "events"})
# Layers another layer reads: asking for events computes what events stand on.
_NEEDS = {"attributions": {"entities"}, "events": {"entities", "times", "attributions"}}


def selected_layers(spec: str | None = None) -> frozenset[str]:
    """Layers named in ``spec`` or the settings' [annotate] layers (comma-separated, also
    $SITREP_LAYERS); all by default."""
    spec = spec if spec is not None else config.current().annotate.layers
    names = {s.strip() for s in spec.split(",") if s.strip()}
    if not names:
        return ALL_LAYERS
    unknown = names - ALL_LAYERS
    if unknown:
        raise SitrepError(
            f"unknown annotation layer(s): {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(sorted(ALL_LAYERS))}"
        )
    for name in list(names):
        names |= _NEEDS.get(name, set())
    return frozenset(names)


def layers_from_doc(doc: Doc, article: Article, layers: frozenset[str] = ALL_LAYERS) -> Annotations:
    """The chosen annotation layers of one parsed article."""
    ann = Annotations(sentences=[Span(s.start_char, s.end_char) for s in doc.sents])
    if "entities" in layers:
        ann.entities = find_entities(doc)
        resolve_places(doc, ann.entities, article, config.current().places)
    if "times" in layers:
        ann.times = find_times(doc, article.published_date())
    if "quantities" in layers:
        ann.quantities = find_quantities(doc)
    if "attributions" in layers:
        ann.attributions = find_attributions(doc, ann.entities)
    if "events" in layers:
        ann.events = find_events(doc, ann, article.published_date())
        place_event_actors(ann)
    return ann


def annotate(
    articles: Iterable[Article],
    nlp: Language | None = None,
    batch_size: int = 32,
    layers: frozenset[str] | None = None,
    part_chars: int = PART_CHARS,
) -> Iterator[tuple[Article, Annotations]]:
    """Annotate articles in batches, in order.

    Long texts are parsed in parts and batches are bounded in characters too
    (see ``chunks``), so memory does not grow with an article's length. A record's
    page chrome (``chrome_spans``) is parsed as blanks: no layer reads a login form or a
    gallery's credits, and every offset still points into the article's own text.
    """
    nlp = nlp or load_nlp()
    chosen = layers or selected_layers()
    done: list[tuple[int, Annotations]] = []  # the parts of the article being finished
    last: Piece | None = None
    originals: dict[int, Article] = {}  # by input index, while its parts are parsed

    def readable_articles() -> Iterator[Article]:
        for index, article in enumerate(articles):
            originals[index] = article
            yield readable_article(article)

    for group in char_batches(pieces(readable_articles(), part_chars), batch_size, part_chars):
        pairs = ((p.article.text, p) for p in group)
        for doc, piece in nlp.pipe(pairs, as_tuples=True, batch_size=len(group)):
            if last is not None and piece.index != last.index:
                yield originals.pop(last.index), merge(done)
                done = []
            done.append((piece.offset, layers_from_doc(doc, piece.article, chosen)))
            last = piece
    if last is not None:
        yield originals.pop(last.index), merge(done)


def annotate_one(article: Article, nlp: Language | None = None) -> Annotations:
    return next(annotate([article], nlp))[1]
