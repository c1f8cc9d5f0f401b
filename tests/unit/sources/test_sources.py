"""Every source kind and every kind of bad input, on real files."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from sitrep.cli.errors import describe
from sitrep.errors import InputError
from sitrep.models import SourceDoc
from sitrep.sources import read_inputs

_TRUNCATED_GZ = gzip.compress(" ".join(str(i) for i in range(20000)).encode())[:300]

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Gazette</title>
<item><title>Ferry service resumes</title><link>https://gazette.example/ferry</link>
<pubDate>Tue, 04 Nov 2025 08:30:00 GMT</pubDate><dc:creator>A. Writer</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The ferry service resumed on Monday.</p><p>Officials said <b>400</b> passengers crossed.</p>]]></content:encoded>
</item>
<item><title>Summary only</title><link>https://gazette.example/two</link>
<description>&lt;p&gt;Only a summary here.&lt;/p&gt;</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title>
<entry><title>Bridge opens</title><link rel="alternate" href="https://valley.example/bridge"/>
<id>tag:valley.example,2025:1</id><published>2025-10-01T12:00:00Z</published>
<author><name>B. Reporter</name></author>
<content type="html">&lt;p&gt;The new bridge opened to traffic.&lt;/p&gt;</content></entry>
</feed>"""


def docs(*inputs: str, **kw: object) -> list[SourceDoc | InputError]:
    return list(read_inputs(list(inputs), **kw))  # type: ignore[arg-type]


def only_docs(items: list[SourceDoc | InputError]) -> list[SourceDoc]:
    return [d for d in items if isinstance(d, SourceDoc)]


def only_errors(items: list[SourceDoc | InputError]) -> list[InputError]:
    return [d for d in items if isinstance(d, InputError)]


def test_folder_is_walked_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second file body.")
    (tmp_path / "one.md").write_text("# Title\n\nBody.")
    (tmp_path / "page.htm").write_text("<html><body><p>x</p></body></html>")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")  # unknown extension: not walked
    (tmp_path / ".hidden.txt").write_text("hidden")
    got = only_docs(docs(str(tmp_path)))
    assert [Path(d.source).name for d in got] == ["one.md", "page.htm", "two.txt"]
    assert [d.kind for d in got] == ["markdown", "html", "text"]


def test_glob_and_missing_inputs(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Body of {name}.")
    items = docs(str(tmp_path / "*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "*.html"))
    assert len(only_docs(items)) == 2
    reasons = [e.reason for e in only_errors(items)]
    assert reasons == ["no such file or folder", "pattern matches no files"]


def test_gzipped_html_and_encoding_detection(tmp_path: Path) -> None:
    html = "<html><head><meta charset='windows-1252'></head><body><p>Café, naïve – “quoted”</p></body></html>"
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(html.encode("cp1252")))
    undeclared = "<html><body><p>Ærø is a Danish island; Zürich café prices rose.</p></body></html>"
    (tmp_path / "latin.html").write_bytes(undeclared.encode("latin-1"))
    got = only_docs(docs(str(tmp_path / "page.html.gz"), str(tmp_path / "latin.html")))
    assert "Café, naïve – “quoted”" in got[0].content
    assert got[0].kind == "html"
    assert "Zürich café" in got[1].content


def test_jsonl_records_keep_text_and_fields(tmp_path: Path) -> None:
    rec = {
        "id": "r1",
        "url": "https://x.example/a",
        "title": "T",
        "published": "2025-03-14 20:30:26Z",
        "source_domain": "x.example",
        "author": "W",
        "text": "  Text kept as is.  ",
        "section": "World",
    }
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(rec) + "\n\n" + json.dumps({**rec, "id": "r2"}) + "\n")
    got = only_docs(docs(str(path)))
    assert [d.meta["id"] for d in got] == ["r1", "r2"]
    assert got[0].content == "  Text kept as is.  "
    assert got[0].kind == "record" and got[0].source.endswith("records.jsonl:1")


def test_malformed_jsonl_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "ok1", "text": "First."}\n'
        b'{"id": "broken", "text": \n'
        b'{"id": "bad-utf8", "text": "caf\xe9"}\n'
        b'["not", "an", "object"]\n'
        b'{"id": "no-text"}\n'
        b'{"id": "ok2", "text": "Second."}\n'
    )
    items = docs(str(path))
    assert [d.meta["id"] for d in only_docs(items)] == ["ok1", "ok2"]
    errors = only_errors(items)
    assert [e.source.rsplit(":", 1)[1] for e in errors] == ["2", "3", "4", "5"]
    assert "malformed JSON" in errors[0].reason
    assert "UTF-8" in errors[1].reason
    assert "JSON object" in errors[2].reason
    assert "text" in errors[3].reason


def test_rss_items_become_records(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS)
    got = only_docs(docs(str(path)))
    assert len(got) == 2
    first = got[0]
    assert first.kind == "record"
    assert (
        first.content
        == "The ferry service resumed on Monday.\n\nOfficials said 400 passengers crossed."
    )
    assert first.meta["title"] == "Ferry service resumes"
    assert first.meta["url"] == "https://gazette.example/ferry"
    assert first.meta["outlet"] == "Harbour Gazette"
    assert first.meta["author"] == "A. Writer"
    assert got[1].content == "Only a summary here."


def test_atom_entries_become_records(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(ATOM)
    (doc,) = only_docs(docs(str(path)))
    assert doc.content == "The new bridge opened to traffic."
    assert doc.meta["url"] == "https://valley.example/bridge"
    assert doc.meta["published"] == "2025-10-01T12:00:00Z"
    assert doc.meta["author"] == "B. Reporter"


def test_broken_feed_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text(RSS[: len(RSS) // 2])
    (err,) = only_errors(docs(str(path)))
    assert "not a well-formed RSS or Atom feed" in err.reason
    assert err.source == str(path)


def test_feed_entities_are_not_expanded(tmp_path: Path) -> None:
    evil = """<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>x</title>
<description>&xxe;</description></item></channel></rss>"""
    path = tmp_path / "evil.xml"
    path.write_text(evil)
    items = docs(str(path))
    assert not any("root:" in d.content for d in only_docs(items))


@pytest.mark.parametrize(
    ("name", "payload", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\n", "empty file"),
        (
            "image.html",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
            "binary data",
        ),
        ("damaged.txt", "Déjà vu in Zürich.".encode() + b"\xff\xfe broken \xc3", "invalid UTF-8"),
        ("truncated.html.gz", _TRUNCATED_GZ, "truncated gzip"),
        ("fake.txt.gz", b"plain text pretending", "not gzip data"),
    ],
)
def test_bad_files_give_one_clear_error(
    tmp_path: Path, name: str, payload: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(payload)
    good = tmp_path / "good.txt"
    good.write_text("A good file still goes in.")
    items = docs(str(bad), str(good))
    (err,) = only_errors(items)
    assert err.source == str(bad)
    assert reason in err.reason
    assert str(err).startswith(str(bad))
    assert [d.content for d in only_docs(items)] == ["A good file still goes in."]


def test_oversized_page_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as fh:
        fh.write(b"<html><body>")
        chunk = b"<p>" + b"word " * 200 + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    (err,) = only_errors(docs(str(big)))
    assert "MB limit" in err.reason and "--max-bytes" in describe(err)  # the CLI names it


def test_gzip_bomb_is_capped(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b"a" * (4 * 1024 * 1024) + b"</p>"))
    (err,) = only_errors(docs(str(bomb), max_bytes=1024 * 1024))
    assert "uncompressed" in err.reason.lower()


def test_urls_need_fetch() -> None:
    (err,) = only_errors(docs("https://example.invalid/page"))
    assert err.hint == "fetch" and "--fetch" in describe(err)
    (err,) = only_errors(docs("ftp://example.invalid/page"))
    assert "not supported" in err.reason


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'{"id": "s1", "text": "From a pipe."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (doc,) = only_docs(docs("-"))
    assert doc.kind == "record" and doc.content == "From a pipe."


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "download"
    page.write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    feed = tmp_path / "feed"
    feed.write_text(ATOM)
    got = only_docs(docs(str(page), str(feed)))
    assert [d.kind for d in got] == ["html", "record"]
