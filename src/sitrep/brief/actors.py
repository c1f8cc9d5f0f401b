"""Actors: the participants and sources an analyst would name, merged across outlets.

An entity is listed when independent outlets name it (or, in a one-outlet story,
when it recurs), never from a photo credit ("Name/Agency"), from chrome, related
coverage or a section of the page telling another story, or from the pages of the
outlet it names (a publisher's own name on its page is chrome). It takes part in an
event or a statement only as the head of that side: in "US spy satellites",
"Prosecutors in Peru" or "the league's rookie of the year" the satellites, prosecutors
and rookie act; a name alone after "in" or "from" is where ("a lake house in Georgia").
A state also acts through its named organs ("the Ruritanian Interior Ministry rejected").
A person one outlet of many alone names is listed when it is introduced with a title
and speaks or acts there (one only asked about, "permission to talk to X", does not) or
is named in an article's lead; not when the title is the outlet's newsroom's ("Consumer
Editor"), nor when it is named only past the middle of its article (commentary and
background, as stories put the happening first) unless its title ties it to a body the
story's outlets name ("FBI spokeswoman"). A name told only as a thing's owner ("Vantage's
Night Shift", "Ada Quill's 'Paper Moons'") is no actor. Places are listed only when
a country takes part: in an event or as the source of a statement ("China said"); a
city or region is where things happen, not who does them, and so is a body mostly
named as a setting ("from New Hartley", "in the NFL"). Names that are one actor told
differently ("Voss", "Dalia Voss"; "TfL", "Transport for London") are one entry
under the fullest name, with its initials when the texts use them; a surname alone
joins the one full name of the story that ends in it, whichever article gives it.
A country takes part only where a side names it (not "it" or "the Brazilian" resolved
to it, not a teaser's headline), and one only done to ("a rebuke to the US") is a
setting unless most outlets name it in their lead. A capitalised word where a sentence
or quotation opens ("'Felt we should...'") and a name that only qualifies one same
word ("Social Security numbers") are no actors. A vehicle or product named by
several outlets ("Flight 90") takes part under its own name, and a body the tagger
missed that speaks ("The Ledger reported") is named as the texts write it.

Salience orders the list: how many outlets name the actor other than as a modifier
("US Treasury", "British police"), how many of them make it speak or act, and how many
name it in their headline or lead.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sitrep.annotate.entities.countries import country_index
from sitrep.annotate.entities.keys import country_entity_id, name_key
from sitrep.annotate.entities.titles import TITLE_WORDS
from sitrep.brief.acronyms import is_acronym, stands_for, with_acronym
from sitrep.brief.model import ActorEntry
from sitrep.brief.sentences import SentenceIndex
from sitrep.models import Actor, EntityMention, Span
from sitrep.outlets import is_publisher, publisher_key
from sitrep.reconcile.claims import Citation, RoleClaim
from sitrep.reconcile.config import BriefConfig
from sitrep.reconcile.context import PLACE_TYPES, ArticleContext
from sitrep.reconcile.roles import Title, title_of

_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT")
_CREDIT = re.compile(r"/|\b(?:Getty|AFP|Reuters|AP|EPA|Images?|Photo|Shutterstock)\b$")
_CREDIT_BEFORE = re.compile(r"(?<![\w:])[A-Z][\w.]*:$")  # "AP:Associated Press"
_THING_BEFORE = re.compile(r"\b(?:on|the|via)\s+$")
# A name written whole, after an optional "The": every word capitalised.
_NAMED = re.compile(r"(?:[Tt]he\s+)?((?:[A-Z][\w'’&.-]*)(?:\s+[A-Z][\w'’&.-]*){0,4})")
_STRAY = "`'\"‘’“” "
_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they", "you", "who"})
_LEAD_SENTENCES = 3  # an article's headline and first sentences are its lead
# What may follow the head of a phrase: its end, a possessive-free list of other heads.
_HEAD_AFTER = re.compile(r"\s*(?:$|[,;]|and\b|or\b|&)", re.I)
_BEFORE_NAME = re.compile(r"[-–][^\W\d_]| [A-Z][a-z]| \d")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|near|across|throughout)\s+(?:the\s+)?$", re.I)
_PLACE_LOOKBACK = 12
# What opens a sentence or a quotation before a word: a sentence's end or the text's
# start, then blanks and opening marks; or an opening quotation mark after a blank.
_OPENS = re.compile(r"(?:^|[.!?:;]\s|\n)[\s\"“‘'(\[—–-]*$|(?:^|\s)[\"“‘']$")
_OPENS_LOOKBACK = 8
# A lower-case word right after a name, but not a title before a person's name
# ("Riverton Otters coach Dale Mercer" tells the coach's body).
_NEXT_WORD = re.compile(r" ([a-z]+)\b(?! [A-Z])")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")
_UNDER_BEFORE = re.compile(
    r"\b(?:of|in|at|from|for|by|on|to|with|near|against)\s+(?:the\s+)?$", re.I)
# A name told as the owner or maker of a thing: "Vantage's Night Shift" (a
# possessive), "the Vantage series", "the famous Ada Quill tune" (before a noun).
_POSSESSIVE = re.compile(r"['’]s\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+)?$", re.I)
_ARTICLE_LOOKBACK = 24
# Titles of the newsroom: a person an outlet introduces by one reports or explains the
# story ("Digital Consumer Editor Jane Roe explains what to do"); it takes no part.
_NEWSROOM = frozenset({"editor", "correspondent", "reporter", "journalist", "columnist"})
# A person one outlet of many names only past the middle of its article (in the
# inverted pyramid, the background and commentary) is no participant of its own.
_LATE = 0.5


@dataclass(slots=True)
class _Seen:
    name: str
    type: str
    first: Citation
    mentions: int = 0
    outlets: set[str] = field(default_factory=set)
    acting: set[str] = field(default_factory=set)  # outlets where it speaks or acts
    named: set[str] = field(default_factory=set)  # outlets naming it other than as a modifier
    involved: bool = False  # a participant on either side of an event
    lead: set[str] = field(default_factory=set)  # outlets naming it in their lead
    country: bool = False
    thing: int = 0  # mentions read as a thing's ("on Twitter", "the App Store")
    located: int = 0  # mentions read as a place's ("in the NFL", "from New Hartley")
    opening: int = 0  # mentions that open a sentence or a quotation
    owner: int = 0  # mentions as the owner or maker of a thing ("Vantage's series")
    possessive: int = 0  # of them, possessives ("Vantage's")
    depth: float = 1.0  # how far into its article it is first named (0 opens it, 1 ends it)
    after: Counter[str] = field(default_factory=Counter)  # lower-case words right after
    ids: list[str] = field(default_factory=list)  # entity ids told under this name
    types: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)  # the name as the texts write it

    @property
    def salience(self) -> int:
        return len(self.named) + len(self.acting) + len(self.lead)

    def absorb(self, other: _Seen) -> None:
        """Take in what is known of another name of the same actor."""
        self.mentions += other.mentions
        self.thing += other.thing
        self.located += other.located
        self.opening += other.opening
        self.owner += other.owner
        self.possessive += other.possessive
        self.depth = min(self.depth, other.depth)
        self.after += other.after
        self.ids += [i for i in other.ids if i not in self.ids]
        self.outlets |= other.outlets
        self.named |= other.named
        self.acting |= other.acting
        self.lead |= other.lead
        self.involved |= other.involved
        self.forms += other.forms


@dataclass(frozen=True, slots=True)
class _Parts:
    """Who takes part in one article's events and statements."""

    acting: frozenset[str]  # speakers and the doers of events
    involved: frozenset[str]  # also those events are done to
    lead_end: int  # where the article's lead ends


def actor_items(
    contexts: Sequence[ArticleContext], roles: Sequence[RoleClaim], config: BriefConfig,
    index: SentenceIndex | None = None,
) -> list[ActorEntry]:
    """The story's actors; with ``index``, names in chrome sentences (captions) and
    related coverage are left out."""
    seen = _collect(contexts, index)
    for s in seen.values():
        s.type = s.types.most_common(1)[0][0]  # the tagger's majority for the name
    seen = _link_surnames(seen)
    lower = _LowerWords(contexts)
    kept_roles = _roles([r for r in roles if index is None or r.mention is None
                         or not index.off_story(r.mention.article, r.mention.start)])
    live = [c for c in contexts if index is None or c.id in index.core]
    outlets = len({c.outlet for c in live})
    bodies = _Bodies(seen.values())
    entries = []
    by_id: dict[str, _Seen] = {}
    for s in seen.values():
        picked = [c for eid in s.ids for c in kept_roles.get(eid, [])]
        has_role = bool(picked)
        roles_told = list(dict.fromkeys(c.role for c in picked))
        if (_fragment(s, has_role, lower) or _compound(s, has_role)
                or _owner_only(s, has_role)
                or not _salient(s, has_role, outlets)
                or (outlets > 2 and len(s.outlets) < 2 and s.type == "PERSON"
                    and _bystander(s, roles_told, bodies))):
            continue
        cites = [c.sentence for c in picked] or [s.first]
        entries.append(ActorEntry(s.ids[0], _bare(s.name), s.type, roles_told, _dedup(cites),
                                  s.mentions, len(s.outlets)))
        by_id[s.ids[0]] = s
    entries = _merge_acronyms(_merge_names(_named_things(entries), by_id), by_id)
    entries.sort(key=lambda a: (-by_id[a.id].salience, -bool(a.roles), -a.mentions))
    return entries[: config.actors_max]


def _bare(name: str) -> str:
    """A name without the stray quotation marks a scrape leaves around it ("`Nature")."""
    return name.strip(_STRAY) or name


def _collect(contexts: Sequence[ArticleContext], index: SentenceIndex | None) -> dict[str, _Seen]:
    """Every candidate named in the story's own sentences, with where and how."""
    seen: dict[str, _Seen] = {}
    organs: list[tuple[str, str]] = []  # (country id, outlet) of state organs that act
    for ctx in contexts:
        parts = _parts(ctx, index)
        host = publisher_key(ctx.article.outlet, ctx.article.url)
        text = ctx.article.text
        starts = [p.start for p in ctx.sentences
                  if index is None or not index.off_story(ctx.id, p.start)]
        missed = _unlinked(ctx)  # they speak
        acting = parts.acting | {m.entity_id for m in missed}
        for m in [*ctx.ann.entities, *missed]:
            if m.type not in _TYPES or _credit(m, text) or is_publisher(m.name, host):
                continue
            if index is not None and index.off_story(ctx.id, m.start):
                continue
            key = _pool(m)
            s = seen.get(key)  # built once per name: its counters cost more than a lookup
            if s is None:
                s = seen[key] = _Seen(m.name, m.type, ctx.cite(m.start, m.end),
                                      country=_is_country(m))
            if m.entity_id not in s.ids:
                s.ids.append(m.entity_id)
            s.types[m.type] += 1
            s.forms[m.text] += 1
            s.mentions += 1
            s.thing += bool(_THING_BEFORE.search(text, max(0, m.start - 8), m.start))
            s.located += _placed(text, m.start)
            s.opening += _opens(text, m.start)
            possessive = bool(_POSSESSIVE.match(text, m.end))
            follows = _NEXT_WORD.match(text, m.end)
            s.possessive += possessive
            s.owner += possessive or (follows is not None and _attributive(text, m.start))
            s.depth = min(s.depth, _depth(starts, m.start))
            if follows:
                s.after[follows.group(1)] += 1
            s.outlets.add(ctx.outlet)
            if not _modifier(text, m):
                s.named.add(ctx.outlet)
            if m.entity_id in acting:
                s.acting.add(ctx.outlet)
            s.involved |= m.entity_id in parts.involved
            if m.start < parts.lead_end:
                s.lead.add(ctx.outlet)
            if m.country and _is_organ(m) and m.entity_id in parts.acting:
                organs.append((country_entity_id(m.country), ctx.outlet))
    # A state acts through its organs: "the Ruritanian Interior Ministry rejected" is Ruritania's.
    for country, outlet in organs:
        if country in seen:
            seen[country].involved = True
            seen[country].acting.add(outlet)
    return seen


def _unlinked(ctx: ArticleContext) -> list[EntityMention]:
    """Names the tagger missed that speak: an attribution's source written as a name,
    every word capitalised ("The Gazette reported"), that no entity mention covers; a
    body under its own name. Not where a sentence or a quotation opens with it, where
    any word is capitalised ("Officials said"), nor one made of title words ("the
    Prime Minister said"): an office, told by the resolver when it knows whose."""
    spans = [(m.start, m.end) for m in ctx.ann.entities]
    out = []
    for t in ctx.ann.attributions:
        src = t.source
        if src is None or t.entity_id or any(a < src.end and src.start < b for a, b in spans):
            continue
        name = _NAMED.fullmatch(src.text)
        if name is None or name.group(1).lower() in _PRONOUNS:
            continue
        start = src.start + name.start(1)
        if start == src.start and _opens(ctx.article.text, start):
            continue  # "Officials said": any word is capitalised there
        if all(w.lower() in TITLE_WORDS for w in name.group(1).split()):
            continue
        out.append(EntityMention(start, start + len(name.group(1)), name.group(1), "ORG",
                                 "name:" + name_key(name.group(1)), name.group(1)))
    return out


def _link_surnames(seen: dict[str, _Seen]) -> dict[str, _Seen]:
    """One candidate per person told by the full name in one article and by the
    surname alone in others ("Dalia Voss", "Voss"), over the whole story, when
    one person alone has that surname (a title before the name, "Model Dalia
    Voss", is the same person); the person's type holds ("Voss" tagged a body is
    still the person)."""
    hosts: dict[str, list[_Seen]] = defaultdict(list)
    for s in seen.values():
        words = s.name.split()
        if len(words) > 1 and s.type == "PERSON":
            hosts[words[-1].lower()].append(s)
    out = {}
    for key, s in seen.items():
        host = _one_person(hosts.get(s.name.lower(), [])) if s.type not in PLACE_TYPES else None
        if host is None:
            out[key] = s
        else:
            host.absorb(s)
    return out


def _one_person(names: list[_Seen]) -> _Seen | None:
    """The shortest of full names that all hold it ("Dalia Voss" in "Model Dalia
    Voss"): one person; None when they name different people."""
    if not names:
        return None
    short = min(names, key=lambda s: len(s.name.split()))
    words = set(short.name.lower().split())
    return short if all(words <= set(n.name.lower().split()) for n in names) else None


def _opens(text: str, at: int) -> bool:
    """Whether a mention at ``at`` opens a sentence or a quotation, where any word is
    capitalised."""
    return bool(_OPENS.search(text[max(0, at - _OPENS_LOOKBACK):at]))


def _attributive(text: str, at: int) -> bool:
    """Whether a mention at ``at``, followed by a lower-case word (the caller's test),
    follows an article: it qualifies a thing ("the Vantage series", "an Ada Quill tune")."""
    return bool(_ARTICLE_BEFORE.search(text, max(0, at - _ARTICLE_LOOKBACK), at))


def _depth(starts: list[int], at: int) -> float:
    """How far into its article's story sentences (their ``starts``) the one at ``at``
    stands: the middle of the first is near 0, of the last near 1."""
    if not starts:
        return 0.0
    i = max(0, bisect.bisect_right(starts, at) - 1)
    return (i + 0.5) / len(starts)


def _placed(text: str, at: int) -> bool:
    """Whether what stands at ``at`` follows "in" or "from": where, not who."""
    return bool(_PLACE_BEFORE.search(text, max(0, at - _PLACE_LOOKBACK), at))


class _LowerWords:
    """The words the story's texts write in lower case, read when first asked."""

    def __init__(self, contexts: Sequence[ArticleContext]) -> None:
        self._contexts = contexts
        self._words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = {w for c in self._contexts
                           for w in _LOWER_WORD.findall(c.article.text)}
        return word in self._words


def _fragment(s: _Seen, has_role: bool, lower: _LowerWords) -> bool:
    """A capitalised word the tagger took for a name ("'Thought we would let
    you know'"): one word, capitalised only where a sentence or a quotation opens, and
    written in lower case elsewhere in the story, or told as a person never given a
    full name or a title (a surname alone was linked to its full name before)."""
    if s.opening < s.mentions or any(" " in f.strip() for f in s.forms):
        return False
    bare = s.type == "PERSON" and not has_role
    return bare or any(f.strip().lower() in lower for f in s.forms)


def _compound(s: _Seen, has_role: bool) -> bool:
    """A name the texts write mostly before one same word, and never as someone who
    acts or is acted on: it qualifies a thing ("Social Security numbers")."""
    if has_role or s.acting or s.involved or not s.after:
        return False
    _, most = s.after.most_common(1)[0]
    return s.mentions >= 3 and 3 * most >= 2 * s.mentions


def _modifier(text: str, m: EntityMention) -> bool:
    """Whether a mention only qualifies another name or word: a demonym ("British
    police"), or a name before a name, a hyphen or a number ("US Treasury", "Hong
    Kong-flagged", "a Boeing 747")."""
    return country_index().is_demonym(m.text) or bool(_BEFORE_NAME.match(text, m.end))


def _is_organ(m: EntityMention) -> bool:
    """A state's own body named as such, a generic body of a country: "Interior
    Ministry (Ruritania)" told "the Ruritanian Interior Ministry" (not "the British police", a
    service of some town)."""
    return (m.type == "ORG" and m.name.endswith(")") and not _is_country(m)
            and m.text[:1].isupper())


def _pool(m: EntityMention) -> str:
    """What mentions are pooled under: one name typed differently by the tagger
    ("Bitcoin" as a person here, an organisation there) is one candidate; places
    keep their entity (a country is not the team named after it), and a name tagged
    a product is a thing of its own ("Parley X", the app, is not the company)."""
    if m.type == "PRODUCT":
        return "thing:" + name_key(m.name)
    return m.entity_id if m.type in PLACE_TYPES else "name:" + name_key(m.name)


def _is_country(m: EntityMention) -> bool:
    return bool(m.country) and m.entity_id == country_entity_id(m.country or "")


def _salient(s: _Seen, has_role: bool, outlets: int) -> bool:
    """Whether an entity is a participant an analyst would name; ``outlets`` is the
    number of outlets telling the story."""
    single_outlet = outlets < 2
    if s.type in PLACE_TYPES:
        # Where things happen, not who does them: only a country taking part, and one
        # that a single outlet of many brings up is background ("as Iran did before").
        # A country only done to ("a threat to the US") is a setting unless the story
        # is about it: most outlets name it in their lead.
        if not s.country or (not s.acting and 2 * len(s.lead) < outlets):
            return False
        return (bool(s.acting) or s.involved) and (len(s.named) >= 2 or outlets <= 2)
    if s.type == "NORP" and not (s.acting and len(s.outlets) >= 2):
        return False  # "Islamist", "inter-Korean": a description, unless it speaks or acts
    acts = bool(s.acting) or s.involved
    if s.type == "PERSON" and not has_role and 2 * s.thing > s.mentions:
        return False  # "on Twitter", "the App Store": a platform or product, not a person
    if not (has_role or s.acting) and 2 * s.located > s.mentions:
        return False  # "from New Hartley", "in the NFL": where things happen
    if single_outlet:
        return s.mentions >= 2 or has_role or acts
    if len(s.named) >= 2:
        # Two passing mentions ("like Joe Harlan before him") are not participation,
        # nor are outlets naming it only to qualify a thing ("a Boeing 747").
        return len(s.named) >= 3 or s.mentions >= 3 or has_role or acts
    if outlets <= 2:
        # One of two outlets is half the coverage: who it introduces or quotes counts.
        return has_role or bool(s.acting)
    # One outlet of many: a named participant when introduced with a title and it
    # speaks or acts there or is named in the lead; a title alone may be a passing
    # mention ("like former coach Jane Roe"), and so is one only done to ("permission
    # to talk to coach Jane Roe").
    return has_role and (bool(s.acting) or bool(s.lead))


def _owner_only(s: _Seen, has_role: bool) -> bool:
    """A name told only as the owner or maker of a thing, mostly with a possessive
    ("Vantage's Night Shift", "the Vantage series", "Ada Quill's 'Paper
    Moons'"), and never as someone who acts or is acted on: the thing is the story's,
    not its owner."""
    return (not (has_role or s.acting or s.involved) and s.owner == s.mentions
            and 2 * s.possessive >= s.mentions)


class _Bodies:
    """The names (as the texts write them) of the bodies that more than one outlet
    names: who a person's title may tie it to ("FBI spokeswoman"). Not places: a
    "North Korea expert" speaks about the country, not for it."""

    def __init__(self, seen: Iterable[_Seen]) -> None:
        forms = {f.strip() for s in seen if s.type not in ("PERSON", *PLACE_TYPES)
                 and len(s.named) >= 2 for f in s.forms}
        self._pattern = (re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(forms))) + r")\b")
                         if forms else None)

    def tie(self, title: str) -> bool:
        return bool(self._pattern and self._pattern.search(title))


def _bystander(s: _Seen, titles: list[str], bodies: _Bodies) -> bool:
    """A person one outlet of many names (the caller's test) who is no participant of
    its own: one the outlet's newsroom titles (its editor or reporter tells the
    story), or one named only past the middle of the article (background or a
    commentator's aside, as stories put the happening first; in a short article that
    may still be its lead, which names participants) unless its title ties it to a
    body the story's outlets name ("FBI spokeswoman", "deputy director of the London
    Ambulance Service": that body speaks through it)."""
    if titles and all(title_of(t).head in _NEWSROOM for t in titles):
        return True
    return (s.depth > _LATE and not s.lead
            and not any(bodies.tie(t) for t in titles))


def _parts(ctx: ArticleContext, index: SentenceIndex | None = None) -> _Parts:
    """Entities that speak or act in the article (speakers, the doers of events), and
    those events are done to; where its lead ends. An entity takes part only as the
    head of the side it is named in: in "US spy satellites", "Prosecutors in Peru"
    or "the league's rookie of the year" the satellites, prosecutors and rookie act. With
    ``index``, sides in chrome or another story's teaser take no part."""
    mentions: dict[str, list[EntityMention]] = defaultdict(list)
    for m in ctx.ann.entities:
        mentions[m.entity_id].append(m)
    text = ctx.article.text
    country = {m.entity_id for m in ctx.ann.entities if _is_country(m)}

    def heads(a: Actor | Span | None, eid: str) -> bool:
        if a is None:
            return True  # a source without a span: the resolver's call
        if index is not None and index.off_story(ctx.id, a.start):
            return False
        inside = [m for m in mentions[eid] if a.start <= m.start and m.end <= a.end]
        if eid in country:
            # A country takes part only where the side names it: "it" or "the
            # Brazilian" resolved to a country is mostly someone else told so.
            inside = [m for m in inside if not country_index().is_demonym(m.text)]
            return any(_is_head(text, a.start, a.end, m) for m in inside)
        # A side told without the name ("he", "the ministry") is the resolver's call.
        return not inside or any(_is_head(text, a.start, a.end, m) for m in inside)

    acting: set[str] = set()
    involved: set[str] = set()
    for e in ctx.ann.events:
        for a in (*e.sources, e.source, e.reported_by):
            if a is not None and a.entity_id and heads(a, a.entity_id):
                acting.add(a.entity_id)
        for a in (*e.targets, e.target):
            if a is not None and a.entity_id and heads(a, a.entity_id):
                involved.add(a.entity_id)
    acting.update(t.entity_id for t in ctx.ann.attributions
                  if t.entity_id and heads(t.source, t.entity_id))
    sents = ctx.sentences
    lead_end = sents[min(_LEAD_SENTENCES, len(sents)) - 1].end if sents else 0
    return _Parts(frozenset(acting), frozenset(acting | involved), lead_end)


def _is_head(text: str, start: int, end: int, m: EntityMention) -> bool:
    """Whether mention ``m`` heads the phrase ``text[start:end]``: nothing but a list
    of other heads follows it ("Canada, Chile and New Zealand"), and no
    preposition puts it under another noun ("Prosecutors in Peru")."""
    after = text[m.end:end]
    before = text[start:m.start]
    if not _HEAD_AFTER.match(after) or _UNDER_BEFORE.search(before):
        return False
    # A phrase that is all the name, after "in" or "from", is where ("at their home in
    # Georgia", "travelling from New Hartley"), not who.
    if before.strip().lower() not in ("", "the"):
        return True
    return not _placed(text, start)


def _credit(m: EntityMention, text: str) -> bool:
    """A photo credit ("Jane Roe/Getty Images", "AP:Associated Press") names no
    participant."""
    return bool(_CREDIT.search(m.text) or _CREDIT_BEFORE.search(text, max(0, m.start - 12),
                                                                 m.start))


def _merge_names(entries: list[ActorEntry], seen: dict[str, _Seen]) -> list[ActorEntry]:
    """One entry per person or body told several ways: a name whose words are all in a
    longer listed name ("Voss" in "Dalia Voss", "Otters" in "Riverton Otters"),
    or the same name typed differently by the tagger, joins that entry (a place never
    joins a body: "Riverton" is not "Riverton Otters"; nor a maker its product)."""
    by_len = sorted(entries, key=lambda a: -len(a.name.split()))
    kept: list[ActorEntry] = []
    holders: dict[str, list[tuple[frozenset[str], ActorEntry]]] = defaultdict(list)
    for a in by_len:
        words = frozenset(a.name.lower().split())
        kind = _kind(a.type)
        # Candidates share a word with the name; a longer name holding it all is the host.
        host = next((k for w in words for kw, k in holders[w]
                     if kw == words or (words < kw and _kind(k.type) == kind)), None)
        if host is None:
            kept.append(a)
            for w in words:
                holders[w].append((words, a))
            continue
        _absorb(host, a, seen)
    return kept


def _kind(type_: str) -> str:
    """What a name joins only its like in: a place, a product, or who acts."""
    return "place" if type_ in PLACE_TYPES else "thing" if type_ == "PRODUCT" else "actor"


def _named_things(entries: list[ActorEntry]) -> list[ActorEntry]:
    """A product, vehicle or vessel takes part under its own name ("Flight 90", the
    launched "Orbiter 3"), and its maker is another actor ("Harlow Motors" beside
    "Harlow Motors Z5"); a name tagged a product that holds a listed person's name
    ("Singer Jane Roe" beside "Jane Roe") is that person misread, and is left out."""
    words = [frozenset(a.name.lower().split()) for a in entries if a.type == "PERSON"]
    return [a for a in entries if a.type != "PRODUCT"
            or not any(w < frozenset(a.name.lower().split()) for w in words)]


def _merge_acronyms(entries: list[ActorEntry], seen: dict[str, _Seen]) -> list[ActorEntry]:
    """One entry per body told by its name and its initials ("TfL" joins "Transport
    for London"); a name the texts also write as initials shows both: "Federal Bureau
    of Investigation (FBI)", as the texts may say only "FBI"."""
    # Places keep their names: "US" is the country's alias, not a body's initials.
    bodies = [a for a in entries if a.type not in PLACE_TYPES]
    kept = [a for a in entries if a.type in PLACE_TYPES or not is_acronym(a.name)]
    for a in bodies:
        if not is_acronym(a.name):
            continue
        host = next((k for k in kept if k.type not in PLACE_TYPES
                     and stands_for(a.name, k.name)), None)
        if host is None:
            kept.append(a)
            continue
        _absorb(host, a, seen)
    for a in kept:
        if a.type in PLACE_TYPES or is_acronym(a.name):
            continue
        short = next((f for f, _ in seen[a.id].forms.most_common()
                      if stands_for(f, a.name)), None)
        if short is not None:
            a.name = with_acronym(a.name, short)
    order = {id(a): i for i, a in enumerate(entries)}
    return sorted(kept, key=lambda a: order[id(a)])


def _absorb(host: ActorEntry, a: ActorEntry, seen: dict[str, _Seen]) -> None:
    """``host`` takes in another entry of the same actor."""
    host.mentions += a.mentions
    seen[host.id].absorb(seen[a.id])
    host.articles = max(host.articles, a.articles)
    host.roles += [r for r in a.roles if r not in host.roles]
    host.citations = _dedup(host.citations + a.citations)


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "sir", "dame", "madam"})


def _roles(claims: Sequence[RoleClaim]) -> dict[str, list[RoleClaim]]:
    """Per person, one claim per office: "Defence Minister" and "North Korean Defense
    Minister" are one role (the fuller wording is kept); "Ms" or "Mr." is no role."""
    out: dict[str, list[tuple[Title, RoleClaim]]] = defaultdict(list)
    for c in claims:
        if c.role.strip(" .").lower() in _HONORIFICS:
            continue
        title = title_of(c.role)
        kept = out[c.entity_id]
        for i, (t, k) in enumerate(kept):
            if c.role.lower() == k.role.lower() or t.same(title):
                if len(c.role) > len(k.role):
                    kept[i] = (title, c)
                break
        else:
            kept.append((title, c))
    return {eid: [c for _, c in kept] for eid, kept in out.items()}


def _dedup(cites: list[Citation]) -> list[Citation]:
    return list(dict.fromkeys(cites))
