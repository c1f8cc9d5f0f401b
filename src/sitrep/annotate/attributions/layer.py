"""Attributions: who says what (source, cue, content).

Cues come from a lexicon (``data/attribution_cues.csv``); everything else is a
walk over the dependency parse from the cue: the subject is the source, the
clausal complement (or an adjacent quotation) the content. Spans follow the
PolNeAR conventions: the source is the speaker's whole noun phrase, the content
keeps its quotation marks, and a quotation continued after "…,” X said." in a
standalone next sentence belongs to the same content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.annotate.attributions.cues import CueLexicon, load_cue_lexicon
from sitrep.annotate.attributions.quotes import QuoteRegions, find_quote_regions
from sitrep.annotate.attributions.spans import (
    CharSpan,
    char_span,
    continued_quote,
    quote_before,
    with_quotes,
)
from sitrep.annotate.attributions.speakers import EntityResolver, SourceRef
from sitrep.models import Attribution, EntityMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# a verb without its own subject shares its head's ("he smiled and said", "..., saying")
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl"})
OBJECT_DEPS = frozenset({"dobj", "oprd", "attr"})
# verbs whose object is the addressee, not what is said ("told reporters")
ADDRESSEE_VERBS = frozenset(
    {"tell", "ask", "inform", "assure", "reassure", "notify", "advise", "brief", "urge", "warn"}
)
QUOTE_FRAME_CHARS = 60  # how far back a closing quotation mark may sit from its "X said"
HANDOVER_PUNCT = frozenset(",?!—–-…")  # a quotation ending so hands over to its speaker
REDUCED_CLAUSE_WORDS = frozenset({"when", "if", "once", "after", "before", "unless", "as"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})


class _Finder:
    """State for one document: the parse, its quotations, the lexicon."""

    def __init__(self, doc: Doc, lexicon: CueLexicon) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.lexicon = lexicon
        self.quotes: QuoteRegions = find_quote_regions(self.text)

    # ------------------------------------------------------------ cues
    def verb_cue(self, verb: Token) -> tuple[Attribution, SourceRef | None] | None:
        needs = self._verb_needs(verb)
        if needs is None:
            return None
        subject = self._subject(verb)
        source = self._source_span(subject, verb) if subject is not None else None
        frame_start = (
            min(verb.i, subject.left_edge.i)
            if subject is not None and subject.i < verb.i
            else verb.i
        )
        content, clausal = self._verb_content(verb, frame_start, subject)
        if content is None and needs:
            return None
        if needs and not clausal:
            return None
        att = Attribution(cue=self._cue_span(verb), source=source, content=content)
        return att, self._source_ref(subject, verb, source)

    def noun_cue(self, noun: Token) -> tuple[Attribution, SourceRef | None] | None:
        if self.lexicon.nouns.get(noun.lemma_.lower()) is None:
            return None
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if clause is None:
            return None
        subject = next((c for c in noun.children if c.dep_ == "poss"), None)
        if subject is None:
            by = next(
                (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None
            )
            subject = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        source = self._source_span(subject, noun) if subject is not None else None
        content = self._span(clause.left_edge.i, clause.right_edge.i)
        att = Attribution(
            cue=Span(*char_span(self.doc, noun.i, noun.i)), source=source, content=content
        )
        return att, self._source_ref(subject, noun, source)

    def prep_cue(self, first: Token) -> tuple[Attribution, SourceRef | None] | None:
        """ "according to X, ...": X is the source, the rest of the sentence the content."""
        for words in self.lexicon.preps:
            last_i = first.i + len(words) - 1
            if last_i >= len(self.doc) or any(
                self.doc[first.i + k].lower_ != w for k, w in enumerate(words)
            ):
                continue
            last = self.doc[last_i]
            subject = next((c for c in last.children if c.dep_ == "pobj"), None)
            if subject is None and last_i + 1 < len(self.doc):
                subject = self.doc[last_i + 1]
            if subject is None:
                return None
            phrase_end = max(subject.right_edge.i, last_i)
            source = self._source_span(subject, first)
            content = self._rest_of_sentence(first, phrase_end)
            att = Attribution(
                cue=Span(*char_span(self.doc, first.i, last_i)), source=source, content=content
            )
            return att, self._source_ref(subject, first, source)
        return None

    def may_frame_quote(self, tok: Token) -> bool:
        """Cheap test for a verb outside the lexicon that introduces or closes a quotation."""
        if tok.pos_ != "VERB":
            return False
        nxt = tok.i + 1
        if nxt < len(self.doc) and self.doc[nxt].text == ":":
            return True
        return self.quotes.any_end_between(tok.idx - QUOTE_FRAME_CHARS, tok.idx)

    # ------------------------------------------------------------ parts
    def _verb_needs(self, verb: Token) -> bool | None:
        """None when not a cue verb, else whether it needs reported content.

        A verb introducing a quotation after a colon ("Cruz continued: “…”")
        is a cue whatever the verb.
        """
        if not verb.tag_.startswith("VB") or verb.dep_ in ("aux", "auxpass", "amod"):
            return None
        lemma = verb.lemma_.lower()
        if verb.i + 1 < len(self.doc):
            phrasal = self.lexicon.verbs.get(f"{lemma} {self.doc[verb.i + 1].lower_}")
            if phrasal is not None:
                return phrasal
        needs = self.lexicon.verbs.get(lemma)
        if needs is None and (self._colon_quote(verb) or self._quote_frame(verb)):
            return False
        return needs

    def _quote_frame(self, verb: Token) -> bool:
        """ "“…,” X continued." — a verb right after a quotation that ends in a comma."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.dep_ in OBJECT_DEPS for c in verb.children):
            return False
        first = min(verb.i, subject.left_edge.i)
        quote = self._quote_ending_frame(first)
        return quote is not None and self.text[quote[0] : quote[1]].rstrip("”\"'»")[-1:] in ",?!"

    def _colon_quote(self, verb: Token) -> bool:
        nxt = verb.i + 1
        if nxt >= len(self.doc) or self.doc[nxt].text != ":":
            return False
        pos = self.doc[nxt].idx + 1
        while pos < len(self.text) and self.text[pos] in " \t\n":
            pos += 1
        return self.quotes.starting_at(pos) is not None

    def _subject(self, verb: Token, depth: int = 0) -> Token | None:
        passive = False
        for c in verb.children:
            if c.dep_ in SUBJECT_DEPS:
                return c
            if c.dep_ in PASSIVE_SUBJECT_DEPS:
                passive = True
        if passive:  # "it was reported by X that": only an agent speaks
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "a statement saying ..."
        if verb.dep_ == "advcl" and self._reduced_passive(verb):
            return None  # "when asked, X said": the asker is someone else
        if verb.dep_ in SHARED_SUBJECT_DEPS and verb.head.i != verb.i and depth < 3:
            return self._subject(verb.head, depth + 1)
        if any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return self._stranded_subject(verb)
        return None

    @staticmethod
    def _reduced_passive(verb: Token) -> bool:
        if verb.tag_ == "VBN":
            return True
        return verb.tag_ == "VBD" and any(c.lower_ in REDUCED_CLAUSE_WORDS for c in verb.children)

    def _stranded_subject(self, verb: Token) -> Token | None:
        """The noun just before the cue, when the parser hung it in a preceding clause.

        "The report came after the agency, in a briefing, said ..." is often
        parsed with "said" as the root and no subject; the speaker is the noun
        phrase ending before the cue (or before a parenthetical ", in ..., ").
        """
        doc = self.doc
        i = verb.i - 1
        if i > 0 and doc[i].text == ",":
            j = i - 1
            while j > verb.sent.start and doc[j].text != ",":
                j -= 1
            if doc[j].text == "," and doc[j + 1].dep_ == "prep":
                i = j
            i -= 1
        tok = doc[i] if i >= 0 else None
        if tok is None or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound":
            return None
        return tok

    def _source_span(self, subject: Token, cue: Token) -> Span | None:
        first, last = subject.left_edge.i, subject.right_edge.i
        if first <= cue.i <= last:  # the head noun of "a statement saying": stop before the cue
            last = subject.i
        return self._span(first, last)

    def _source_ref(
        self, subject: Token | None, cue: Token, source: Span | None
    ) -> SourceRef | None:
        if subject is None or source is None:
            return None
        lower = subject.lower_
        ref = SourceRef(source.start, source.end, subject.idx, subject.idx + len(subject))
        if lower in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
            head = cue.head
            ref.antecedent = (head.left_edge.idx, head.idx + len(head))
        elif lower in PERSONAL_PRONOUNS and source.end - source.start == len(subject):
            ref.pronoun = lower
        return ref

    def _cue_span(self, verb: Token) -> Span:
        first = verb.i
        while (
            first > 0
            and self.doc[first - 1].dep_ in ("aux", "auxpass", "neg")
            and self.doc[first - 1].head.i == verb.i
        ):
            first -= 1
        last = verb.i + 1 if self._is_phrasal(verb) else verb.i
        return Span(*char_span(self.doc, first, last))

    def _is_phrasal(self, verb: Token) -> bool:
        nxt = verb.i + 1
        return nxt < len(self.doc) and (
            f"{verb.lemma_.lower()} {self.doc[nxt].lower_}" in self.lexicon.verbs
        )

    def _verb_content(
        self, verb: Token, frame_start: int, subject: Token | None
    ) -> tuple[Span | None, bool]:
        """The reported content and whether it is clausal (not a bare object)."""
        children = list(verb.children)
        ccomps = [c for c in children if c.dep_ == "ccomp"]
        quote = self._quote_ending_frame(frame_start)
        if quote is not None:
            return self._finish_quote(verb, quote), True
        right = [c for c in ccomps if c.i > verb.i]
        if right:
            return self._clause_span(verb, right), True
        if ccomps:
            return self._clause_span(verb, ccomps), True
        colon = self._after_colon(verb)
        if colon is not None:
            return colon, True
        xcomps = [c for c in children if c.dep_ == "xcomp"]
        if xcomps:
            return self._clause_span(verb, xcomps), True
        trailing = self._clause_before(verb, frame_start)
        if trailing is not None:
            return trailing, True
        if self._is_phrasal(verb):  # "called for the US to act"
            rest = [c for c in children if c.i > verb.i + 1 and not c.is_punct]
            if rest:
                return self._clause_span(verb, rest), True
        if verb.lemma_.lower() not in ADDRESSEE_VERBS:
            objects = [c for c in children if c.dep_ in OBJECT_DEPS and c.i > verb.i]
            if objects:
                return self._clause_span(verb, objects), False
        return None, False

    def _quote_ending_frame(self, frame_start: int) -> CharSpan | None:
        """The quotation a "X said" frame closes: `“…,” X said` (or `“….” X said` mid-sentence)."""
        quote = quote_before(self.text, self.quotes, self.doc[frame_start].idx)
        if quote is None:
            return None
        last = self.text[quote[0] : quote[1]].rstrip("”\"'»")[-1:]
        if last in HANDOVER_PUNCT or not self.doc[frame_start].is_sent_start:
            return quote
        return None

    def _clause_span(self, verb: Token, heads: list[Token]) -> Span | None:
        first = min(h.left_edge.i for h in heads)
        last = max(h.right_edge.i for h in heads)
        span = self._span(first, last)
        if span is None:
            return None
        return self._finish_quote(verb, with_quotes(self.quotes, (span.start, span.end), verb.idx))

    def _finish_quote(self, verb: Token, span: CharSpan) -> Span:
        start, end = continued_quote(self.text, self.quotes, span, verb.sent.end_char)
        return Span(start, end, self.text[start:end])

    def _after_colon(self, verb: Token) -> Span | None:
        """ "X said: ..." — a quotation, or the rest of the sentence."""
        sent_end = verb.sent.end
        for i in range(verb.i + 1, min(verb.i + 4, len(self.doc))):
            tok = self.doc[i]
            if tok.text == ":":
                pos = tok.idx + 1
                while pos < len(self.text) and self.text[pos] in " \t":
                    pos += 1
                quote = self.quotes.starting_at(pos)
                if quote is not None:
                    return self._finish_quote(verb, quote)
                if i + 1 < sent_end:
                    return self._span(i + 1, sent_end - 1)
                return None
            if tok.dep_ not in ("npadvmod", "advmod", "prt") and tok.head.i != verb.i:
                return None
        return None

    def _clause_before(self, verb: Token, frame_start: int) -> Span | None:
        """ "North Korea has sent troops, a US official told Reuters." """
        sent = verb.sent
        if verb.dep_ == "relcl" or frame_start - 1 <= sent.start:
            return None
        if self.doc[frame_start - 1].text != ",":
            return None
        after = [t for t in self.doc[verb.i + 1 : sent.end] if not t.is_punct]
        if any(t.dep_ in ("ccomp", "conj") and t.head.i == verb.i for t in after):
            return None
        before = self.doc[sent.start : frame_start - 1]
        if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in before):
            return None  # an adverbial opener ("In response to X, ..."), not a reported clause
        return self._span(sent.start, frame_start - 2)

    def _rest_of_sentence(self, first: Token, phrase_end: int) -> Span | None:
        sent = first.sent
        before = self._span(sent.start, first.i - 1) if first.i > sent.start else None
        after = self._span(phrase_end + 1, sent.end - 1) if phrase_end + 1 < sent.end else None
        if before is not None and after is not None:
            return Span(before.start, after.end, self.text[before.start : after.end])
        return before or after

    def _span(self, first: int, last: int) -> Span | None:
        """Tokens first..last without punctuation at either edge (quotation marks kept)."""
        doc = self.doc
        while first <= last and doc[first].is_punct and not doc[first].is_quote:
            first += 1
        while last >= first and (
            (doc[last].is_punct and not doc[last].is_quote)
            or doc[last].is_space
            or doc[last].dep_ == "cc"
        ):
            last -= 1
        if first > last:
            return None
        start, end = char_span(doc, first, last)
        return Span(start, end, self.text[start:end])


def _cue_hashes(doc: Doc, lexicon: CueLexicon) -> frozenset[int]:
    """Hashes of every word that can start a cue, for a cheap first test per token."""
    words = {key.split()[0] for key in (*lexicon.verbs, *lexicon.nouns)}
    words.update(words_[0] for words_ in lexicon.preps)
    return frozenset(doc.vocab.strings.add(w) for w in words)


def find_attributions(doc: Doc, entities: list[EntityMention]) -> list[Attribution]:
    """Every attribution in the parsed article, in text order, with source entity ids."""
    finder = _Finder(doc, load_cue_lexicon())
    resolver = EntityResolver(entities)
    candidates = _cue_hashes(doc, finder.lexicon)
    preps_first = {words[0] for words in finder.lexicon.preps}
    out: list[Attribution] = []
    for tok in doc:
        if (
            tok.lemma not in candidates
            and tok.lower not in candidates
            and not finder.may_frame_quote(tok)
        ):
            continue
        # speech quoted inside a quotation belongs to the quoted speaker's words
        if finder.quotes.containing(tok.idx, tok.idx + len(tok)) is not None:
            continue
        if tok.lower_ in preps_first:
            found = finder.prep_cue(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            found = finder.noun_cue(tok)
        else:
            found = finder.verb_cue(tok)
        if found is None:
            continue
        att, ref = found
        if ref is not None:
            att.entity_id = resolver.resolve(ref)
        att.cue.text = finder.text[att.cue.start : att.cue.end]
        out.append(att)
    return out
