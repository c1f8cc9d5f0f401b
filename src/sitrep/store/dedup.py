"""Exact and near-duplicate detection: pure functions, no database.

Exact duplicates are found by key: the article id, a canonical form of its
URL (:func:`canonical_url`) and a hash of its normalised text
(:func:`text_hash`).

Near-duplicates (a syndicated copy of the same article under different site
chrome: headers, bylines, share lines, copyright footers) are found with
MinHash over word 5-shingles of the normalised text, and locality-sensitive
hashing: the 128 signature values are cut into 32 bands of 4 rows and each
band is hashed to one 64-bit key. Two texts whose Jaccard similarity is J
share at least one band key with probability ``1 - (1 - J**4)**32``
(0.999+ at J=0.7, 0.87 at J=0.5), so a new article only has to look up the
stored articles sharing a key, then confirm with the signature estimate
(:func:`estimate_jaccard`) against :data:`COPY_THRESHOLD`.

The hash functions are fixed by this module (derived from blake2b, never from
a random seed): stored signatures and band keys stay valid across runs and
versions. Changing any constant here needs a store migration that recomputes
them.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from sitrep.models import normalise_text

SHINGLE_SIZE = 5
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
# Estimated Jaccard at or above which a new article is a copy of a stored one.
# Tuned on the test texts: a copy under different chrome scores 0.79-0.95
# against the bare article, and two copies of a 120-word article, each with
# its own heavy chrome, 0.67-0.73 against each other; a different article
# about the same event scores below 0.05. 0.65 keeps those short copies while
# staying far from distinct reporting.
COPY_THRESHOLD = 0.65

_MERSENNE = (1 << 61) - 1
_MASK32 = (1 << 32) - 1
# Chunk the shingles so a very long text never builds a huge NUM_PERM x n matrix.
_CHUNK = 4096


def _fixed_int(label: str) -> int:
    return int.from_bytes(hashlib.blake2b(label.encode(), digest_size=8).digest(), "little")


# Universal hashing (a*x + b) mod p on 32-bit shingle hashes, like datasketch:
# the uint64 product may wrap, which numpy defines and which only reshuffles.
_A = np.array([_fixed_int(f"sitrep-minhash-a{i}") % (_MERSENNE - 1) + 1 for i in range(NUM_PERM)],
              dtype=np.uint64)
_B = np.array([_fixed_int(f"sitrep-minhash-b{i}") % _MERSENNE for i in range(NUM_PERM)],
              dtype=np.uint64)

_TRACKING_PARAM = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|smid)$", re.I)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the store keeps to recognise a text again.

    ``text_hash`` identifies the normalised text; ``signature`` (None for a
    text without words) and its ``bands`` find near-duplicates.
    """

    text_hash: str
    signature: list[int] | None
    bands: list[tuple[int, int]]

    @property
    def has_words(self) -> bool:
        return self.signature is not None


def fingerprint(text: str) -> Fingerprint:
    """Hash, MinHash signature and LSH band keys of a text, normalising it once."""
    normal = normalise_text(text)
    return near_fingerprint(normal, normalised_hash(normal))


def near_fingerprint(normal: str, text_hash: str) -> Fingerprint:
    """The fingerprint of an already normalised text whose hash is known: the
    store checks the cheap hash for an exact duplicate before paying for MinHash."""
    sig = signature(_shingle_hashes(normal.split(), SHINGLE_SIZE))
    return Fingerprint(text_hash, sig, band_keys(sig) if sig else [])


def text_hash(text: str) -> str:
    """The identity of a text: sha1 of its normalised form (case, spacing, punctuation folded)."""
    return normalised_hash(normalise_text(text))


def normalised_hash(normal: str) -> str:
    """text_hash of a text already passed through models.normalise_text."""
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()


# A body this short is as often page chrome (a sign-up or paywall notice, a video
# page's prompt) as a report: two pages with other headlines over it are two articles.
SHORT_BODY_WORDS = 50


def identity_hash(normal: str, title: str | None) -> str:
    """The text_hash that identifies a page: its normalised text's, or, for a body
    under ``SHORT_BODY_WORDS`` words, that of its headline and text together (an
    exact copy of a longer body is the same report whatever its headline says)."""
    if title and normal.count(" ") + 1 < SHORT_BODY_WORDS:
        return normalised_hash(normalise_text(title) + "\n" + normal)
    return normalised_hash(normal)


def canonical_url(url: str | None) -> str | None:
    """A URL folded for identity: scheme and host lower-cased, ``www.``, fragment,
    tracking parameters and a trailing slash dropped; query parameters sorted.
    ``http`` and ``https`` are the same page. None for no URL or a blank one."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not _TRACKING_PARAM.match(k))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[int]:
    """32-bit hashes (crc32) of the word ``size``-grams of the normalised text.

    A text shorter than ``size`` words is one shingle; an empty text has none.
    """
    return _shingle_hashes(normalise_text(text).split(), size)


def _shingle_hashes(words: list[str], size: int) -> set[int]:
    if not words:
        return set()
    grams = (" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1)))
    # crc32: fast and stable across processes; the universal hashing in
    # signature() does the mixing, and 32-bit collisions are negligible here.
    return {zlib.crc32(g.encode()) for g in grams}


def signature(shingle_hashes: Iterable[int]) -> list[int] | None:
    """The MinHash signature (NUM_PERM 32-bit values) of a shingle set, None if empty."""
    values = np.fromiter(shingle_hashes, dtype=np.uint64)
    if values.size == 0:
        return None
    mins = np.full(NUM_PERM, _MASK32, dtype=np.uint64)
    a, b = _A[:, None], _B[:, None]
    for start in range(0, values.size, _CHUNK):
        chunk = values[None, start:start + _CHUNK]
        hashed = ((a * chunk + b) % np.uint64(_MERSENNE)) & np.uint64(_MASK32)
        mins = np.minimum(mins, hashed.min(axis=1))
    return [int(v) for v in mins]


def text_signature(text: str) -> list[int] | None:
    """Shingle then sign a text: None when it has no words."""
    return signature(shingles(text))


def band_keys(sig: Sequence[int]) -> list[tuple[int, int]]:
    """(band index, signed 64-bit key) for each LSH band of a signature.

    The band index is hashed into the key too, so a lookup can match on the
    key alone. Keys are signed so they fit a SQL BIGINT.
    """
    keys = []
    for band in range(BANDS):
        rows = sig[band * ROWS:(band + 1) * ROWS]
        data = band.to_bytes(2, "little") + b"".join(v.to_bytes(4, "little") for v in rows)
        digest = hashlib.blake2b(data, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return keys


def estimate_jaccard(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """The share of equal signature values: an unbiased estimate of Jaccard similarity."""
    if len(sig_a) != len(sig_b) or not sig_a:
        raise ValueError("signatures must have the same, non-zero length")
    return sum(1 for x, y in zip(sig_a, sig_b, strict=True) if x == y) / len(sig_a)


def jaccard(a: set[int], b: set[int]) -> float:
    """Exact Jaccard similarity of two shingle sets (0.0 when both are empty)."""
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def pack_signature(sig: Sequence[int]) -> bytes:
    """A signature as bytes for a BLOB/BYTEA column (little-endian uint32)."""
    return np.asarray(sig, dtype="<u4").tobytes()


def unpack_signature(data: bytes | memoryview) -> list[int]:
    return [int(v) for v in np.frombuffer(bytes(data), dtype="<u4")]
