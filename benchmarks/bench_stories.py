"""Story assignment cost per article as the store grows (a script, not a test).

Builds a store from the example corpora with cheap inserts (no language
model: articles are stored without annotations and assigned on text-only
profiles), and at each checkpoint (1,000 and 10,000 stored articles by
default) times a probe batch: storing it (``add_articles``) and assigning
it to stories, per article. The probe articles carry annotations computed
once by ``sitrep ingest`` (``--annotated STORE``; each checkpoint draws
articles not drawn before), so entity, number and date terms are exercised
too.

Articles are made distinct by mixing sentences of three source texts (in
random order), so near-duplicate detection does not turn them into copies.
The source texts are all the public news text the bench may read at run time
(``JSONL_SOURCES``, ``TEXT_FOLDERS``: the example corpus, and the article
texts of the dev data sets under ../shared/data, read for measuring and never
copied into the project), each distinct text once: some 2,300 texts. They come as a stream
(:class:`Stream`): the texts mixed are those of a window that moves on as
articles arrive, and days pass, so stories form and end as news does. A text
comes back after a round of all the others (some 23,000 articles), told of
another happening: its rare names, figures and words made up afresh for the round
(:func:`renamed`); the names, figures and words many source texts write (``--common``,
20 or more: a weekday, a country, a party, a leader, the year, the words of floods and
shootings) stay themselves, as next year's news names the same world in the same
words. So a bigger store holds more stories, not bigger ones, as a real stream does,
and the story sizes a probe meets are alike at every store size: each checkpoint
prints ``articles_per_story``, the size of the story an average article is in
(``story_size_per_article``) and the largest, before and after its probe, so the
reader sees whether they held. (With every name renamed,
the size of the story an article is in did not hold, 13 at 1k and 10k, 21 at
30k, 37 at 50k: the stand-ins of names many texts share started each later round
rare and chained its reports like a rare name would. See docs/stories.md.)

``--window 3 --shift N`` (N past the largest size) mixes the same three texts
into every article instead: one story grows to the size of the store, and the
probe times what a story of thousands of members costs an article.

The store is filled through the assigner with rechecks off (``--fill-batch``
articles per transaction: about 14 ms an article on an idle machine, some 170 ms at
load 10 on 2 cores, so the 100,000 point takes from 25 minutes to hours: see ``--bulk``);
the probe
runs with the default tuning, rechecks included, and the last line gives the
ratio of the per-article cost at the largest size to the smallest.

``--bulk`` (SQLite) grows the store to each size but its last ``--tail`` articles
without assigning (:func:`retell`: the newest stored articles copied with their
profiles, stories, index entries and counts, told of other happenings and dated on),
then fills the tail through the assigner: the 100,000 point in well under the time of
assigning every article, the probe still assigned by the real assigner among stories
it built.

Each checkpoint prints a digest of every article's story and every live centroid after
its probe (:func:`digest`): a change meant to cost less and group the same must print
the same digests as main. ``--sql`` counts the statements and rows a probe article
reads (:class:`SqlTally`): counts the machine's load does not blur.

``--keep DIR`` (SQLite) keeps a copy of the store as filled to each size and
starts from it the next time instead of filling again: a probe can then be
timed many times, before and after a change, on the same stores. The probe
articles are drawn per size (not after the fill), so they are the same
whether the store was filled or copied.

    python benchmarks/bench_stories.py [--db PATH|URL] [--sizes 1000,10000,100000] [--keep DIR]
        [--window N] [--shift N] [--probe N] [--annotated STORE] [--common N]
        [--bulk [--tail N] [--span N]] [--keep-words] [--sql]
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import re
import sqlite3
import tempfile
import time
from collections import Counter
from collections.abc import Container, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.models import Annotations, Article, article_id
from sitrep.store import Store, open_store
from sitrep.store.migrations import utc_now
from sitrep.stories import DEFAULT_TUNING, Assigner
from sitrep.stories.features import profile, stop_words
from sitrep.stories.happening import DAY, MARKERS

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
DATA = SHARED / "data"
# Public news text the bench may read at run time (nothing of it is copied into the
# project): the example corpus, and the dev data sets' article texts, read here for
# measuring only. Texts met twice (the corpus is shipped as the examples too; Giveme's
# articles are the briefs' articles) count once.
JSONL_SOURCES = [SHARED / "corpus" / "voa_stories.jsonl",
                 HERE.parent / "examples" / "voa" / "voa_stories.jsonl",
                 DATA / "stories" / "ecbplus-dev" / "articles.jsonl",
                 DATA / "stories" / "giveme-dev" / "articles.jsonl",
                 DATA / "stories" / "gva-dev" / "articles.jsonl",
                 DATA / "briefs" / "articles.jsonl",
                 DATA / "places" / "articles.jsonl",
                 DATA / "times" / "tbaq.jsonl"]
TEXT_FOLDERS = [DATA / "attribution" / "polnear-train" / "text",
                DATA / "attribution" / "polnear-dev" / "text"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# A word written with a capital (a name when not at a sentence's start) and a figure.
_CAPITALISED = re.compile(r"(?<![A-Za-z'\-])[A-Z][A-Za-z'\-]+")
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\-]+")
# A word or a figure, each renamed whole (a name's stand-in as the name's own).
_TOKENS = re.compile(r"(?<![A-Za-z'\-])[A-Za-z][A-Za-z'\-]+|\d+")
_SENTENCE_END = frozenset(".!?:\"\u201c\u2014")


def _raw_texts() -> list[str]:
    out = []
    for path in JSONL_SOURCES:
        if path.is_file():
            out += [json.loads(line).get("text") or "" for line in path.open(encoding="utf-8")]
    for folder in TEXT_FOLDERS:
        if folder.is_dir():
            out += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return out


def source_texts() -> list[list[str]]:
    """The distinct source texts of four or more sentences, each as its sentences."""
    texts, seen = [], set()
    for text in _raw_texts():
        key = " ".join(text.split())
        if key in seen:
            continue
        seen.add(key)
        sentences = [" ".join(s.split()) for s in _SENTENCE.split(text) if len(s) > 20]
        if len(sentences) >= 4:
            texts.append(sentences)
    if not texts:
        raise SystemExit("no source corpora found under ../shared or examples/")
    return texts


def names(sentences: list[str]) -> set[str]:
    """The words a text writes capitalised inside a sentence and never in lower case,
    stop words left out: its names ("The", "Says" of a headline in title case, or
    "Mr", are no names)."""
    lower = {w for s in sentences for w in _WORDS.findall(s) if w.islower()} | stop_words()
    out = set()
    for sentence in sentences:
        for m in _CAPITALISED.finditer(sentence):
            before = sentence[:m.start()].rstrip()
            if before and before[-1] not in _SENTENCE_END and m.group().lower() not in lower:
                out.add(m.group())
    return out


def _pseudo(token: str, key: int) -> str:
    """A made-up token standing for ``token`` in round ``key``: the same length and
    kind (a capitalised word or a figure), the same in every text of the round."""
    digest = hashlib.blake2b(f"{key} {token}".encode(), digest_size=32).digest()
    if token.isdigit():
        digits = [str(b % 10) for b in digest[:len(token)]]
        if len(token) > 1 and digits[0] == "0":
            digits[0] = str(1 + digest[-1] % 9)
        return "".join(digits)
    letters = "".join(chr(97 + b % 26) for b in digest[:len(token)])
    return letters[0].upper() + letters[1:]


def common_tokens(texts: list[list[str]], least: int) -> frozenset[str]:
    """The names (:func:`names`) and figures that ``least`` or more of the texts
    write: those of the world a stream keeps telling of (a weekday, a country, a
    party, a leader, this year, a round number); and the words (in lower case) as
    many texts write: the language any report of any happening is worded in."""
    held = Counter(t for sentences in texts
                   for t in names(sentences) | {f for s in sentences for f in _DIGITS.findall(s)})
    worded = Counter(w for sentences in texts
                     for w in {m.lower() for s in sentences for m in _WORDS.findall(s)})
    return frozenset([*(t for t, count in held.items() if count >= least),
                      *(w for w, count in worded.items() if count >= least)])


def renamed(sentences: list[str], key: int,
            common: Container[str] = frozenset(), words: bool = True) -> list[str]:
    """The text told of another happening: its names, figures and (``words``) the words
    few texts write made up afresh for round ``key`` (round 0 keeps the text as
    written), but for the ``common`` names, figures and words, which stay themselves,
    as next year's news names the same countries and parties, in the same language.

    A second flood is told in the words of floods ("rescuers", "flood"), which many
    texts write and so stay, but a new happening brings its own (the ferry's name, the
    stadium, the disease): a later round that kept every topic word would tell the
    same happening again under new names, and its reports rejoined the first round's
    stories months apart."""
    if key == 0:
        return sentences
    named = names(sentences).difference(common)
    lower = {w for s in sentences for w in _WORDS.findall(s) if w.islower()}

    def token(m: re.Match[str]) -> str:
        word = m.group()
        if word.isdigit():
            return word if word in common else _pseudo(word, key)
        if word in named and not (word.isupper() and word.title() in common):
            return _pseudo(word, key)  # (a headline in capitals names the world's names too)
        if not words or word in common:
            return word
        folded = word.lower()
        if folded in common or folded in stop_words() or (
                word != folded and folded not in lower and word[0].isupper()
                and not _starts_sentence(m)):
            return word  # a common word, or a name many texts write
        made = _pseudo(folded, key).lower()
        return made[0].upper() + made[1:] if word[0].isupper() else made

    return [_TOKENS.sub(token, s) for s in sentences]


def _starts_sentence(m: re.Match[str]) -> bool:
    before = m.string[:m.start()].rstrip()
    return not before or before[-1] in _SENTENCE_END


@dataclasses.dataclass(frozen=True)
class Stream:
    """A news stream: happenings come and go while days pass.

    In a real store a story stops growing when its news ends, and a bigger store
    holds more happenings, not bigger ones. Drawing every article from all source
    texts at once would let the bench's stories grow with the store, and the probe
    would time story size, not store size. So the article at ``position`` mixes
    texts of a window that moves on one text every ``shift`` articles, and a day
    passes every ``per_day`` articles. A text comes back after a whole round of the
    others (``len(texts) * shift`` articles); told again as written, its reports
    would join the stories of its first round (articles per story grew 6 -> 59
    from 1k to 100k stored), so each round after the first tells every text of
    another happening: the words the text writes as names and every figure are
    made up afresh for the round (:func:`renamed`; the same name gets the same
    stand-in in every text of a round, as one person is named by many reports),
    and so are the words few texts write (``words``: a new happening brings its own
    things and places), while the words of its kind stay, as a second shooting or a
    second summit is worded like the first. The ``common`` names, figures and words
    stay too (:func:`common_tokens`): renamed, a name or a figure many texts share (a
    party, a weekday, the year) would start each round rare and chain the round's
    unrelated reports into long stories, as no real stream does (a year's stand-in
    gathered a story of 388 at 30k).
    """

    texts: list[list[str]]
    window: int = 24
    shift: int = 10
    per_day: int = 100
    common: frozenset[str] = frozenset()
    words: bool = True
    _told: dict[tuple[int, int], list[str]] = dataclasses.field(
        default_factory=dict, compare=False, repr=False)

    def occurrence(self, j: int) -> list[str]:
        """The ``j``-th text to enter the window, in the telling of its round."""
        index, key = j % len(self.texts), j // len(self.texts)
        if (index, key) not in self._told:
            self._told[index, key] = renamed(self.texts[index], key, self.common,
                                              self.words)
        return self._told[index, key]

    def live(self, position: int) -> list[list[str]]:
        first = position // self.shift
        return [self.occurrence(first + k) for k in range(self.window)]

    def day(self, position: int) -> str:
        return (date(2024, 1, 1) + timedelta(days=position // self.per_day)).isoformat()


def variants(stream: Stream, rng: random.Random, start: int, n: int,
             tag: str) -> list[Article]:
    """``n`` articles of the stream from ``start`` on, each mixing three live texts."""
    out = []
    for i in range(n):
        picked: list[str] = []
        for sentences in rng.sample(stream.live(start + i), 3):
            picked += rng.sample(sentences, max(2, int(len(sentences) * 0.4)))
        rng.shuffle(picked)
        text = " ".join(picked)
        url = f"https://bench.example/{tag}/{i}"
        out.append(Article(id=article_id(url, text), source="bench", text=text, url=url,
                           title=picked[0][:80], outlet=f"outlet{i % 7}",
                           published=stream.day(start + i)))
    return out


class AnnotatedPool:
    """Annotated articles of a store made by ``sitrep ingest``, each used once.

    Every checkpoint draws articles not drawn before, so a later probe holds
    no copies of an earlier one (copies take the cheap path to their original).
    """

    def __init__(self, path: str | None, rng: random.Random) -> None:
        self.path = path
        self.ids: list[str] = []
        if path:
            with open_store(path) as src:
                self.ids = [a.id for a in src.iter_articles(include_copies=False)]
            rng.shuffle(self.ids)

    def draw(self, n: int, tag: str) -> list[tuple[Article, Annotations | None]]:
        if not self.path:
            return []
        picked, self.ids = self.ids[:n], self.ids[n:]
        out: list[tuple[Article, Annotations | None]] = []
        with open_store(self.path) as src:
            for i, aid in enumerate(picked):
                a = src.get_article(aid)
                a.url = f"https://bench.example/{tag}/annotated/{i}"
                a.id = article_id(a.url, a.text)
                out.append((a, src.get_annotations(aid)))
        return out


class SqlTally:
    """Statements run and rows fetched on a store's connection (``--sql``): what an
    article reads of the store, as a count the machine's load does not blur. The
    connection's ``execute`` is wrapped, so the timings of a counted run carry the
    wrapper's cost too."""

    def __init__(self, store: Store) -> None:
        self.statements = self.rows = 0
        db = store._db  # a bench looks inside
        plain, plain_many = db.execute, db.executemany

        def execute(sql: str, params: Sequence[Any] = ()) -> _Counted:
            self.statements += 1
            return _Counted(plain(sql, params), self)

        def executemany(sql: str, rows: Sequence[Sequence[Any]]) -> None:
            self.statements += 1
            plain_many(sql, rows)

        db.execute = execute
        db.executemany = executemany

    def taken(self) -> tuple[int, int]:
        """(statements, rows) since the last call."""
        out = (self.statements, self.rows)
        self.statements = self.rows = 0
        return out


class _Counted:
    """A cursor whose fetched rows are counted in a :class:`SqlTally`."""

    def __init__(self, cursor: Any, tally: SqlTally) -> None:
        self.cursor, self.tally = cursor, tally

    def fetchone(self) -> Any:
        row = self.cursor.fetchone()
        self.tally.rows += row is not None
        return row

    def fetchall(self) -> list[Any]:
        rows = self.cursor.fetchall()
        self.tally.rows += len(rows)
        return rows

    def __iter__(self) -> Iterator[Any]:
        for row in self.cursor:
            self.tally.rows += 1
            yield row


def digest(store: Store) -> str:
    """A digest of every article's story and every live story's centroid and norm:
    two runs that agree on it built the same stories."""
    h = hashlib.blake2b(digest_size=8)
    db = store._db  # a bench looks inside
    for row in db.execute("SELECT article_id, story_id FROM story_articles ORDER BY article_id"):
        h.update(repr(tuple(row)).encode())
    for row in db.execute("SELECT id, centroid, norm FROM stories WHERE merged_into IS NULL"
                          " AND articles > 0 ORDER BY id"):
        h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def store_batch(store: Store, assigner: Assigner,
                items: list[tuple[Article, Annotations | None]]) -> tuple[float, float]:
    """Seconds spent storing and assigning one batch (one transaction)."""
    articles = [a for a, _ in items]
    layers = [ann for _, ann in items]
    with store.stories.write("bench batch"):
        t0 = time.perf_counter()
        outcomes = store.add_articles(articles, layers)
        t1 = time.perf_counter()
        assigner.assign_batch(articles, layers, outcomes)
        t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def time_probe(store: Store, assigner: Assigner, label: str,
               probe: list[tuple[Article, Annotations | None]],
               tally: SqlTally | None) -> tuple[float, float]:
    """Store and assign ``probe`` in batches of 32, print its cost per article (and
    its SQL, counted by ``tally``); returns seconds per article (wall, CPU)."""
    if tally is not None:
        tally.taken()
    add_s = assign_s = 0.0
    cpu0 = time.process_time()
    for start in range(0, len(probe), 32):
        a, b = store_batch(store, assigner, probe[start:start + 32])
        add_s += a
        assign_s += b
    cpu_s = time.process_time() - cpu0  # steadier than wall time on a busy machine
    n = len(probe)
    counted = tally.taken() if tally is not None else None
    print(f"{label} articles={n} "
          f"assign_ms_per_article={1000 * assign_s / n:.2f} "
          f"store_ms_per_article={1000 * add_s / n:.2f} "
          f"total_ms_per_article={1000 * (add_s + assign_s) / n:.2f} "
          f"cpu_ms_per_article={1000 * cpu_s / n:.2f} "
          f"{story_sizes(store)}", flush=True)
    if counted is not None:
        print(f"{label} sql_statements_per_article={counted[0] / n:.1f}"
              f" sql_rows_per_article={counted[1] / n:.1f}", flush=True)
    return (add_s + assign_s) / n, cpu_s / n


def fill(store: Store, stream: Stream, rng: random.Random, size: int,
         batch_size: int) -> None:
    """Fill the store to ``size`` articles through the assigner, rechecks off."""
    filler = Assigner(store, dataclasses.replace(DEFAULT_TUNING, recheck_every=0))
    t0 = time.perf_counter()
    while (have := store.count_articles()) < size:
        batch = variants(stream, rng, have, min(batch_size, size - have), f"fill{have}")
        store_batch(store, filler, [(a, None) for a in batch])
    print(f"filled to {size} in {time.perf_counter() - t0:.0f} s", flush=True)


def story_sizes(store: Store) -> str:
    """How big the stores' stories are: articles per story, the size of the story an
    article is in (what a probe article meets), and the largest."""
    sizes = [int(r[0]) for r in store._db.execute(  # a bench looks inside
        "SELECT articles FROM stories WHERE merged_into IS NULL AND articles > 0")]
    total = max(1, sum(sizes))
    return (f"stories={len(sizes)} articles_per_story={total / max(1, len(sizes)):.1f} "
            f"story_size_per_article={sum(n * n for n in sizes) / total:.1f} "
            f"largest={max(sizes, default=0)}")


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite store (its write-ahead log included)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()



# ---------------------------------------------------------------- bulk fill (--bulk)



@dataclasses.dataclass(frozen=True)
class Retelling:
    """How one pass of :func:`retell` tells its template of stored articles again.

    A real stream's next months bring new happenings told in the same language:
    the template's rare terms (held by fewer than ``share`` of the stored documents,
    by their value under any namespace: a name, a figure, a topic word) get the
    round's stand-ins, the common ones stay, and every day moves by ``days``."""

    key: int
    days: int
    common: frozenset[str]

    def term(self, term: str) -> str:
        ns, sep, value = term.partition(":")
        if not sep:
            return term
        if term.startswith(DAY):
            return DAY + self.day(value)
        return term if value in self.common else f"{ns}:{value}~{self.key}"

    def vector(self, text: str) -> str:
        vec = json.loads(text)
        return json.dumps({self.term(t): v for t, v in vec.items()}, separators=(",", ":"))

    def day(self, day: str | None) -> str | None:
        if not day:
            return day
        try:
            return (date.fromisoformat(day[:10]) + timedelta(days=self.days)).isoformat() + day[10:]
        except ValueError:
            return day

    def ident(self, old: str) -> str:
        return hashlib.blake2b(f"{self.key} {old}".encode(), digest_size=8).hexdigest()


def _common_values(db: sqlite3.Connection, share: float) -> frozenset[str]:
    """The term values (after the namespace) that ``share`` or more of the stored
    documents hold under some namespace."""
    total = db.execute("SELECT df FROM term_df WHERE term = ''").fetchone()
    least = max(2, int(share * (total[0] if total else 0)))
    return frozenset(str(t).partition(":")[2] for (t,) in db.execute(
        "SELECT term FROM term_df WHERE df >= ?", (least,)))


def retell(path: str, stream: Stream, size: int, span: int, share: float = 0.008) -> int:
    """Grow an SQLite store towards ``size`` articles without assigning them: each
    pass copies the newest ``span`` stored articles with their profiles, stories,
    index entries and counts, told of other happenings (:class:`Retelling`) and
    dated on, as the assigner would have written them for such a retelling. Returns
    the articles added. The stories a probe meets are the ones the real assigner
    builds in the articles filled after (``--tail``); what the retold history gives
    is a store of the size, with its counts, index lists and files."""
    added = 0
    with sqlite3.connect(path) as db:
        while (have := int(db.execute("SELECT count(*) FROM articles").fetchone()[0])) < size:
            n = min(span, size - have, have)
            if n <= 0:
                break
            added += _retell_pass(db, stream, have, n, share)
            db.commit()
    db.close()
    return added


def _retell_pass(db: sqlite3.Connection, stream: Stream, have: int, n: int,
                 share: float) -> int:
    top = int(db.execute("SELECT max(seq) FROM articles").fetchone()[0])
    first = int(db.execute("SELECT seq FROM articles ORDER BY seq DESC LIMIT 1 OFFSET ?",
                           (n - 1,)).fetchone()[0])
    days = (date.fromisoformat(stream.day(have)) - date.fromisoformat(
        stream.day(have - n))).days
    r = Retelling(key=top, days=days, common=_common_values(db, share))
    seqs: dict[int, int] = {}
    columns = ("seq, id, source, url, url_key, title, outlet, author, published,"
               " published_sort, language, text, extra, text_hash, signature, copy_of,"
               " similarity, added_at, run_id")
    rows = db.execute(f"SELECT {columns} FROM articles WHERE seq >= ? ORDER BY seq",
                      (first,)).fetchall()
    ids = {str(row[1]): r.ident(str(row[1])) for row in rows}
    out = []
    for i, row in enumerate(rows):
        seqs[int(row[0])] = top + 1 + i
        (_, aid, source, url, url_key, title, outlet, author, published, published_sort,
         language, text, extra, text_hash, signature, copy_of, similarity, added_at, run) = row
        out.append((top + 1 + i, ids[aid], source, f"{url}#{r.key}",
                    None if url_key is None else f"{url_key}#{r.key}", title, outlet, author,
                    r.day(published), r.day(published_sort), language, text, extra,
                    hashlib.sha1(f"{r.key} {text_hash}".encode()).hexdigest(), signature,
                    ids.get(copy_of) if copy_of else None, similarity, added_at, run))
    db.executemany(f"INSERT INTO articles ({columns}) VALUES ({', '.join('?' * 19)})", out)
    old = list(ids)
    for chunk in _chunks(old):
        q = ",".join("?" * len(chunk))
        bands = db.execute(f"SELECT hash, band, article_id FROM minhash_bands WHERE article_id"
                           f" IN ({q})", chunk).fetchall()
        db.executemany("INSERT OR IGNORE INTO minhash_bands (hash, band, article_id)"
                       " VALUES (?, ?, ?)",
                       [(_band(h, r.key), b, ids[a]) for h, b, a in bands])
        feats = db.execute(f"SELECT article_id, terms, day FROM story_features WHERE"
                           f" article_id IN ({q})", chunk).fetchall()
        counted: Counter[str] = Counter()
        fresh = []
        for a, terms, day in feats:
            text = r.vector(terms)
            fresh.append((ids[a], text, r.day(day)))
            counted.update(t for t in json.loads(text) if not t.startswith(MARKERS))
        db.executemany("INSERT INTO story_features (article_id, terms, day) VALUES (?, ?, ?)",
                       fresh)
        counted[""] += len(feats)  # the document total (store.stories.DOC_COUNT)
        db.executemany("INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT (term)"
                       " DO UPDATE SET df = df + excluded.df", list(counted.items()))
    _retell_stories(db, r, ids, seqs)
    return len(rows)


def _retell_stories(db: sqlite3.Connection, r: Retelling, ids: dict[str, str],
                    seqs: dict[int, int]) -> None:
    """The stories of the retold articles, each with its retold members only."""
    members: dict[str, list[tuple[str, float | None, str, int]]] = {}
    for chunk in _chunks(list(ids)):
        q = ",".join("?" * len(chunk))
        for a, s, score, how, seq in db.execute(
                f"SELECT article_id, story_id, score, how, seq FROM story_articles"
                f" WHERE article_id IN ({q})", chunk):
            members.setdefault(str(s), []).append((ids[a], score, how, seqs.get(seq, seq)))
    now = utc_now()
    for sid, rows in members.items():
        got = db.execute("SELECT title, title_article, title_score, first_date, last_date,"
                         " centroid, norm FROM stories WHERE id = ?", (sid,)).fetchone()
        title, title_article, title_score, first, last, centroid, norm = got
        new = r.ident(sid)
        counted = [m for m in rows if m[2] != "copy"]
        activity = max(m[3] for m in rows)
        db.execute("INSERT INTO stories (id, title, title_article, title_score, first_date,"
                   " last_date, articles, members, centroid, norm, activity, merged_into,"
                   " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                   (new, title, ids.get(title_article, title_article), title_score,
                    r.day(first), r.day(last), len(rows), len(counted), r.vector(centroid),
                    norm, activity, now, now))
        db.executemany("INSERT INTO story_articles (article_id, story_id, score, how, pinned,"
                       " assigned_at, seq) VALUES (?, ?, ?, ?, 0, ?, ?)",
                       [(a, new, score, how, now, seq) for a, score, how, seq in rows])
        terms = [str(t) for (t,) in db.execute("SELECT term FROM story_terms WHERE story_id = ?",
                                               (sid,))]
        db.executemany("INSERT INTO story_terms (term, story_id, activity) VALUES (?, ?, ?)",
                       [(r.term(t), new, activity) for t in terms])




def _band(value: int, key: int) -> int:
    digest = hashlib.blake2b(f"{key} {value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, help="store (default: a temporary SQLite file)")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--fill-batch", type=int, default=1000)
    parser.add_argument("--probe", type=int, default=128, help="articles timed per checkpoint")
    parser.add_argument("--annotated", default=None,
                        help="a store made by `sitrep ingest` whose annotations the probe reuses")
    parser.add_argument("--window", type=int, default=Stream.window,
                        help="texts live at once (3, with a --shift past the largest size,"
                             " grows one story to the store's size)")
    parser.add_argument("--shift", type=int, default=Stream.shift,
                        help="articles before the window moves on one text")
    parser.add_argument("--common", type=int, default=20,
                        help="a name or figure this many source texts write stays itself"
                             " in every round (0: all are renamed)")
    parser.add_argument("--keep-words", action="store_true",
                        help="a later round keeps every word of a text but its names and"
                             " figures (the stream before issue 13c: retellings rejoin"
                             " the first round's stories)")
    parser.add_argument("--bulk", action="store_true",
                        help="grow the store to each size but --tail by retelling its newest"
                             " articles (retell: no assignment), then fill the tail through the"
                             " assigner (SQLite)")
    parser.add_argument("--tail", type=int, default=3000,
                        help="articles filled through the assigner before each size (--bulk)")
    parser.add_argument("--span", type=int, default=10000,
                        help="newest articles a retelling pass copies (--bulk)")
    parser.add_argument("--sql", action="store_true",
                        help="count the SQL statements and rows a probe article reads"
                             " (wraps the connection: timings carry its cost)")
    parser.add_argument("--keep", default=None,
                        help="folder of filled stores (SQLite): reused when there, kept when not")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rng = random.Random(7)
    texts = source_texts()
    random.Random("stream").shuffle(texts)  # corpora list a topic's reports side by side
    common = common_tokens(texts, args.common) if args.common > 0 else frozenset()
    stream = Stream(texts, window=args.window, shift=args.shift, common=common,
                    words=not args.keep_words)
    db = args.db or str(Path(tempfile.mkdtemp(prefix="sitrep-bench-")) / "bench.db")
    print(f"store: {db}; {len(texts)} source texts; {len(common)} names and figures kept"
          " in every round")
    pool = AnnotatedPool(args.annotated, rng)
    costs: list[float] = []
    cpu_costs: list[float] = []
    if (args.keep or args.bulk) and "://" in db:
        parser.error("--keep and --bulk work on SQLite files: give --db a file path")
    for size in sizes:
        kept = Path(args.keep) / f"filled-{size}.db" if args.keep else None
        if kept is not None and kept.is_file():
            copy_sqlite(kept, Path(db))
            print(f"store of {size} copied from {kept}", flush=True)
        elif args.bulk and Path(db).is_file():
            t0 = time.perf_counter()
            added = retell(db, stream, size - args.tail, args.span)
            print(f"retold {added} articles in {time.perf_counter() - t0:.0f} s", flush=True)
        with open_store(db) as store:
            if kept is None or not kept.is_file():
                fill(store, stream, rng, size, args.fill_batch)
                if kept is not None:
                    copy_sqlite(Path(db), kept)
            print(f"stored={size:>6} before the probe: {story_sizes(store)}", flush=True)
            assigner = Assigner(store)
            probe_rng = random.Random(f"probe {size}")  # the same, filled or copied
            probe_plain = [(a, None) for a in variants(stream, probe_rng, size, args.probe,
                                                       f"p{size}")]
            probe_ann = pool.draw(args.probe, f"a{size}")
            # Untimed: a store copied rather than filled has not profiled an article in
            # this process yet (lazy imports, compiled patterns: some 8 ms an article).
            for a, ann in (*probe_plain[:1], *probe_ann[:1]):
                profile(a, ann)
            tally = SqlTally(store) if args.sql else None
            for label, probe in (("text-only", probe_plain), ("annotated", probe_ann)):
                if probe:
                    total_s, cpu_s = time_probe(store, assigner, f"stored={size:>6} "
                                                f"probe={label:<9}", probe, tally)
                    if label == "text-only":
                        costs.append(total_s)
                        cpu_costs.append(cpu_s)
            print(f"stored={size:>6} digest={digest(store)}", flush=True)

    if len(costs) > 1:
        print(f"text-only total per article, {sizes[-1]} / {sizes[0]} stored: "
              f"{costs[-1] / costs[0]:.2f} (cpu time: {cpu_costs[-1] / cpu_costs[0]:.2f})")


if __name__ == "__main__":
    main()
