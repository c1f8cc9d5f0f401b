"""Role claims (person -> title) and when two titles cannot both be right.

Titles are compared by their head office word ("minister") and what
qualifies it before the head: a rank ("deputy" = "vice") and a portfolio ("defence" =
"defense"); country words are dropped ("North Korean Defense Minister" is
"Defence Minister"). Two titles clash only when they name the same kind of
office with different ranks or portfolios, and neither is a less specific
form of the other; a person may hold a title and a rank ("US General",
"chairman of the Joint Chiefs of Staff") without clash.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.annotate.entities.countries import country_index
from sitrep.reconcile.claims import RoleClaim
from sitrep.reconcile.context import ArticleContext

_WORD = re.compile(r"[A-Za-z]+")
_RANKS = {"deputy": "deputy", "vice": "deputy", "first": "first", "acting": "acting",
          "assistant": "assistant", "under": "under", "junior": "junior", "senior": "senior",
          "chief": "chief", "prime": "prime"}
_SPELLING = {"defence": "defense", "labour": "labor", "programme": "program"}
_FILLER = {"the", "of", "a", "an", "and", "for", "s", "to", "in", "on", "at", "its"}
_COMPOUND = {"director", "secretary", "attorney", "surgeon", "inspector", "consul",
             "governor", "solicitor", "auditor", "postmaster"}
_PAST = {"former", "ex", "late", "then", "outgoing", "retired"}


@dataclass(frozen=True, slots=True)
class Title:
    head: str
    rank: frozenset[str]
    portfolio: frozenset[str]
    past: bool
    words: frozenset[str] = frozenset()  # every word, whatever its case

    def clashes(self, other: Title) -> bool:
        if self.past or other.past or self.head != other.head:
            return False
        if self.rank != other.rank:
            return True
        # "Transport Commissioner" and "London's transport commissioner" name one office.
        a, b = self.portfolio - other.words, other.portfolio - self.words
        return bool(a and b)

    def same(self, other: Title) -> bool:
        """The same office told with fewer or more words (a duplicate in a list of roles)."""
        return (self.head == other.head and self.rank == other.rank and self.past == other.past
                and (self.portfolio <= other.portfolio or other.portfolio <= self.portfolio))


@functools.cache
def _country_word(word: str) -> bool:
    return country_index().lookup(word) is not None


def title_of(role: str) -> Title:
    # Only capitalised words name a portfolio ("Defence Minister"); lower-case ones
    # describe ("longtime producer", "the app's co-founder") and never clash.
    named = {w.lower() for w in _WORD.findall(role) if w[:1].isupper()}
    named = {_SPELLING.get(w, w) for w in named}
    words = [w.lower() for w in _WORD.findall(role)]
    words = [_SPELLING.get(w, w) for w in words]
    past = any(w in _PAST for w in words)
    # The head precedes "of"/"for" when there is one ("director of the ... Bureau").
    cut = next((i for i, w in enumerate(words) if w in ("of", "for", "to") and i > 0), len(words))
    before = words[:cut]
    head = before[-1] if before else (words[-1] if words else "")
    if len(before) > 1 and before[-1] == "general" and before[-2] in _COMPOUND:
        head, before = f"{before[-2]} general", before[:-1]  # "director general" is one office
    # What follows "of" describes rather than names the office, and is worded
    # freely ("of military public relations", "of the military's media wing").
    rest = before[:-1]
    rank = frozenset(_RANKS[w] for w in rest if w in _RANKS)
    portfolio = frozenset(
        w for w in rest
        if w in named and w not in _RANKS and w not in _FILLER and w not in _PAST
        and not _country_word(w) and not _country_pair(words, w)
    )
    return Title(head, rank, portfolio, past, frozenset(words))


def _country_pair(words: list[str], w: str) -> bool:
    # "north korean", "south korea's": a two-word country name.
    for i, x in enumerate(words):
        if x == w:
            if i > 0 and _country_word(f"{words[i - 1]} {x}"):
                return True
            if i + 1 < len(words) and _country_word(f"{x} {words[i + 1]}"):
                return True
    return False


def role_claims(ctx: ArticleContext) -> list[RoleClaim]:
    out = []
    for m in ctx.ann.entities:
        if m.type != "PERSON" or not m.roles:
            continue
        sent = ctx.sentence_at(m.start)
        for role in m.roles:
            out.append(RoleClaim(
                **ctx.stated(ctx.cite(sent.start, sent.end), sent, sent.text,
                             ctx.voice_at(m.start, m.end)),
                entity_id=m.entity_id,
                name=m.name,
                role=role,
                mention=ctx.cite(m.start, m.end),
            ))
    return out
