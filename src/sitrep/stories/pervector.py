"""What is read off a vector's terms, read once per vector rather than once per pair.

A story's centroid and its members' profiles are compared again and again: with
every new article's candidates, with each recheck's window members, pair by pair
in its merge pass. What a comparison reads of the other side's terms alone (its
headline words, whether it names an anchor, its towns) is the same each time: a
scan of some hundreds of terms per pair, the largest cost that grew with the store.
The store hands out one dict per stored vector text (``StoryTables``), so a
vector read again is the same object, and is looked up here by identity.

Keys only: a value changed in place changes nothing read here; vectors are not
given new terms after they are built (a changed size is read again anyway).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TypeVar

T = TypeVar("T")
# Vectors remembered per reader: an article's ~20 candidates and ~20 members, a
# recheck's stories and members as it judges them (held alive while remembered:
# a bounded few, not a store's worth).
CAP = 1024

Keys = Mapping[str, float]


def per_vector(read: Callable[[Keys], T]) -> Callable[[Keys], T]:
    """``read`` (a function of a vector's keys) remembered per vector object.

    The vector is held with its result, so its id is not reused while remembered;
    the oldest are dropped past ``CAP``."""
    seen: dict[int, tuple[Keys, int, T]] = {}

    @functools.wraps(read)
    def remembered(vec: Keys) -> T:
        got = seen.get(id(vec))
        if got is not None and got[0] is vec and got[1] == len(vec):
            return got[2]
        if len(seen) >= CAP:
            del seen[next(iter(seen))]
        value = read(vec)
        seen[id(vec)] = (vec, len(vec), value)
        return value

    return remembered


@per_vector
def namespaces(vec: Keys) -> dict[str, tuple[str, ...]]:
    """The keys of ``vec`` by their namespace (the first two characters: "w:", "e:",
    "h:", ...), each group in the vector's order, read once per vector.

    The reads that look for one namespace (towns, regions, name parts, anchors,
    headline words) take their keys from here rather than each testing every key
    of the vector: a story first met (more of them an article as the store grows)
    had its some 290 keys tested five times over. Every namespace is two characters,
    so a key's group is exactly what ``key.startswith(namespace)`` would find."""
    out: dict[str, list[str]] = {}
    for key in vec:
        group = out.get(key[:2])
        if group is None:
            out[key[:2]] = [key]
        else:
            group.append(key)
    return {ns: tuple(keys) for ns, keys in out.items()}
