"""Fuzzing the readers (JSON Lines, feeds, HTML, text) with hypothesis: whatever the
bytes, a reader gives documents, articles or an InputError, never a crash.

Bounded: ``SITREP_FUZZ_EXAMPLES`` examples per reader (default 60), no deadline per
example (the first HTML parse loads libraries).
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import InputError
from sitrep.extract import extract
from sitrep.models import Article, SourceDoc
from sitrep.sources import read_inputs
from sitrep.sources.decode import decode_bytes
from sitrep.sources.feeds import parse_feed
from sitrep.sources.jsonl import parse_records
from sitrep.sources.sniff import sniff_kind

EXAMPLES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text with the characters that break things: NUL, lone surrogates, controls, RTL marks.
nasty_text = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | nasty_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty_text, inner, max_size=4),
    max_leaves=12)
record = st.fixed_dictionaries(
    {"text": json_values}, optional={"id": json_values, "title": json_values,
                                      "url": json_values, "published": json_values,
                                      "author": json_values})


def _check_items(items: list[Any]) -> None:
    for item in items:
        assert isinstance(item, SourceDoc | InputError | Article)
        if isinstance(item, InputError):
            assert "\n" not in item.line()
        else:
            text = item.content if isinstance(item, SourceDoc) else item.text
            assert isinstance(text, str)


def _extract_all(docs: list[SourceDoc | InputError]) -> None:
    for doc in docs:
        if isinstance(doc, SourceDoc):
            try:
                articles = extract(doc)
            except InputError:
                continue
            for article in articles:
                assert isinstance(article.text, str) and isinstance(article.id, str)


@FUZZ
@given(st.lists(record | json_values, max_size=5), st.sampled_from(["\n", "\r\n"]))
def test_json_lines(records: list[Any], newline: str) -> None:
    data = newline.join(json.dumps(r) for r in records).encode("utf-8")
    docs = list(parse_records(data, "fuzz.jsonl", 4096))
    _check_items(docs)
    _extract_all(docs)
    for doc in docs:  # what a record file gives is storable text
        if isinstance(doc, SourceDoc):
            assert "\x00" not in doc.content
            doc.content.encode("utf-8")


@FUZZ
@given(st.binary(max_size=2000))
def test_json_lines_raw_bytes(data: bytes) -> None:
    _check_items(list(parse_records(data, "fuzz.jsonl", 512)))


feed_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=200)


@FUZZ
@given(st.sampled_from(["rss", "atom", "rdf"]), st.lists(st.tuples(feed_text, feed_text,
                                                                     feed_text), max_size=4),
       st.binary(max_size=200))
def test_feeds(kind: str, items: list[tuple[str, str, str]], tail: bytes) -> None:
    from xml.sax.saxutils import escape

    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        f"<description>{escape(d)}</description></item>" if kind != "atom" else
        f"<entry><title>{escape(t)}</title><link href=\"{escape(u, {chr(34): '&quot;'})}\"/>"
        f"<summary>{escape(d)}</summary></entry>" for t, u, d in items)
    root = {"rss": f'<rss version="2.0"><channel><title>F</title>{body}</channel></rss>',
            "atom": f'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{body}</feed>',
            "rdf": ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                    f'xmlns="http://purl.org/rss/1.0/"><channel><title>F</title></channel>'
                    f"{body}</rdf:RDF>")}[kind]
    for data in (root.encode("utf-8", "replace"), root.encode("utf-8", "replace") + tail, tail):
        docs = list(parse_feed(data, "fuzz.xml"))
        _check_items(docs)
        _extract_all(docs)


html_piece = st.one_of(
    feed_text,
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<article>", "<h1>", "</h1>", "<br>",
                     "<script>x</script>", "<!--", "-->", "<time datetime='2025-13-45'>",
                     "<meta property='og:title' content='", "'>", "<table><tr><td>", "&#0;",
                     "&#xD800;", "<html>", "<body>", "<title>", "</title>", "<![CDATA[", "]]>"]))


@FUZZ
@given(st.lists(html_piece, max_size=40))
def test_html_pages(pieces: list[str]) -> None:
    page = "".join(pieces)
    doc = SourceDoc(source="fuzz.html", kind="html", content=page)
    _extract_all([doc])


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(["a.html", "a.txt", "a.md", "a.xml", "-"]))
def test_any_bytes_through_sniff_and_decode(data: bytes, name: str) -> None:
    kind = sniff_kind(name, data)
    if kind == "records" or kind == "feed":
        return  # their own tests above
    try:
        text, _ = decode_bytes(data, name)
    except InputError:
        return
    _extract_all([SourceDoc(source=name, kind=kind, content=text)])


@FUZZ
@given(feed_text, st.sampled_from([".txt", ".md", ".html", ".jsonl", ".json", ".xml"]))
def test_files_end_to_end(text: str, suffix: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "in" + suffix)
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write(text)
        docs = list(read_inputs([path]))
        _check_items(docs)
        _extract_all(docs)
