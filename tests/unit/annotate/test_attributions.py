"""Attributions: source, cue and content spans over the dependency parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.annotate.attributions.cues import read_cue_lexicon
from sitrep.annotate.attributions.layer import find_attributions
from sitrep.annotate.attributions.quotes import find_quote_regions
from sitrep.models import Article, Attribution, EntityMention


def spans(att: Attribution) -> tuple[str | None, str, str | None]:
    return (
        att.source.text if att.source else None,
        att.cue.text,
        att.content.text if att.content else None,
    )


def attributions(nlp: Language, text: str, entities: list[EntityMention] | None = None) -> list[Attribution]:
    return find_attributions(nlp(text), entities or [])


def by_cue(atts: list[Attribution], cue: str) -> Attribution:
    found = [a for a in atts if a.cue.text == cue]
    assert found, f"no attribution with cue {cue!r} in {[spans(a) for a in atts]}"
    return found[0]


CONSTRUCTIONS = [
    # (text, cue, source, content)
    (
        "The minister said that the talks had failed.",
        "said",
        "The minister",
        "that the talks had failed",
    ),
    ("The talks had failed, the minister said.", "said", "the minister", "The talks had failed"),
    (
        "According to the ministry, the talks had failed.",
        "According to",
        "the ministry",
        "the talks had failed",
    ),
    (
        "The general told reporters that the troops would stay.",
        "told",
        "The general",
        "that the troops would stay",
    ),
    ("“We will not back down,” Trump said.", "said", "Trump", "“We will not back down,”"),
    (
        "“It is over,” said John Smith, a spokesman for the party.",
        "said",
        "John Smith, a spokesman for the party",
        "“It is over,”",
    ),
    (
        "“We will win,” she said. “Nobody can stop us.”",
        "said",
        "she",
        "“We will win,” she said. “Nobody can stop us.”",
    ),
    ("He added: “This is only the beginning.”", "added", "He", "“This is only the beginning.”"),
    ("The report didn't mention any casualties.", "didn't mention", "The report", "any casualties"),
    (
        "A statement said the ceasefire would hold.",
        "said",
        "A statement",
        "the ceasefire would hold",
    ),
    (
        "It was reported that the border had been closed.",
        "was reported",
        None,
        "that the border had been closed",
    ),
    (
        "Officials said the strikes hit three sites.",
        "said",
        "Officials",
        "the strikes hit three sites",
    ),
    (
        "The strikes were planned weeks ago, a US official told Reuters.",
        "told",
        "a US official",
        "The strikes were planned weeks ago",
    ),
    (
        "The agency said it believes the troops are moving north.",
        "believes",
        "it",
        "the troops are moving north",
    ),
    ("Iran denies seeking a nuclear weapon.", "denies", "Iran", "seeking a nuclear weapon"),
    (
        "Cruz continued: “The questions illustrate why.”",
        "continued",
        "Cruz",
        "“The questions illustrate why.”",
    ),
    (
        "“We are not done yet,” the senator went on.",
        "went",
        "the senator",
        "“We are not done yet,”",
    ),
]


@pytest.mark.parametrize(("text", "cue", "source", "content"), CONSTRUCTIONS)
def test_construction(nlp: Language, text: str, cue: str, source: str | None, content: str) -> None:
    att = by_cue(attributions(nlp, text), cue)
    assert spans(att) == (source, cue, content)
    assert text[att.cue.start : att.cue.end] == cue


def test_said_it_believes_gives_two_attributions(nlp: Language) -> None:
    atts = attributions(nlp, "The agency said it believes the troops are moving north.")
    assert [a.cue.text for a in atts] == ["said", "believes"]
    assert atts[0].content is not None
    assert atts[0].content.text == "it believes the troops are moving north"


def test_speech_inside_a_quotation_is_not_a_separate_attribution(nlp: Language) -> None:
    atts = attributions(nlp, "“I think they said no,” the senator said.")
    assert [spans(a) for a in atts] == [("the senator", "said", "“I think they said no,”")]


def test_quoted_answer_is_not_joined_to_an_attributed_next_quote(nlp: Language) -> None:
    text = "“We will win,” she said. “They will lose,” he said."
    first, second = attributions(nlp, text)
    assert first.content is not None and first.content.text == "“We will win,”"
    assert second.content is not None and second.content.text == "“They will lose,”"


def test_when_asked_is_not_the_speaker_asking(nlp: Language) -> None:
    text = "When asked about the talks, the spokesman said nothing had been agreed."
    asked = by_cue(attributions(nlp, text), "asked")
    assert asked.source is None


# ---------------------------------------------------------------- entity ids


def mention(text: str, part: str, type_: str, entity_id: str) -> EntityMention:
    start = text.index(part)
    return EntityMention(start, start + len(part), part, type_, entity_id, part)


def test_entity_prefers_the_head_organisation_over_a_possessive(nlp: Language) -> None:
    text = "South Korea's National Intelligence Service said it believes the troops are moving."
    ents = [
        mention(text, "South Korea", "GPE", "kor"),
        mention(text, "National Intelligence Service", "ORG", "nis"),
    ]
    said, believes = attributions(nlp, text, ents)
    assert said.source is not None
    assert said.source.text == "South Korea's National Intelligence Service"
    assert said.entity_id == "nis"
    assert believes.source is not None and believes.source.text == "it"
    assert believes.entity_id == "nis"  # the pronoun takes the speaker just named


def test_entity_of_a_described_person_and_of_a_pronoun(nlp: Language) -> None:
    text = (
        "Jane Doe, a spokeswoman for the Interior Ministry, said the road was open. "
        "She added that repairs would start soon."
    )
    ents = [
        mention(text, "Jane Doe", "PERSON", "doe"),
        mention(text, "Interior Ministry", "ORG", "moi"),
    ]
    said = by_cue(attributions(nlp, text, ents), "said")
    added = by_cue(attributions(nlp, text, ents), "added")
    assert said.entity_id == "doe"
    assert added.source is not None and added.source.text == "She"
    assert added.entity_id == "doe"


def test_unnamed_source_has_no_entity(nlp: Language) -> None:
    text = "A US official told Reuters the strikes were planned."
    ents = [mention(text, "US", "GPE", "usa"), mention(text, "Reuters", "ORG", "reuters")]
    told = by_cue(attributions(nlp, text, ents), "told")
    assert told.source is not None and told.source.text == "A US official"
    assert told.entity_id is None


# ---------------------------------------------------------------- parts


def test_quote_regions_pair_curly_straight_and_typewriter_marks() -> None:
    text = "“One,” he said. \"Two\" and ''three'' here.\n\"Open only"
    regions = find_quote_regions(text)
    assert [text[s:e] for s, e in regions.spans] == ["“One,”", '"Two"', "''three''"]


def test_user_lexicon_adds_cues(tmp_path: Path) -> None:
    path = tmp_path / "cues.csv"
    path.write_text(
        "# my cues\ncue,kind,needs\nmurmur,verb,any\nas reported by,prep,any\nrumour,noun,content\n",
        encoding="utf-8",
    )
    lexicon = read_cue_lexicon(path)
    assert lexicon.verbs == {"murmur": False}
    assert lexicon.preps == {("as", "reported", "by"): False}
    assert lexicon.nouns == {"rumour": True}


# ---------------------------------------------------------------- seed


@pytest.fixture(scope="module")
def seed_attributions(nlp: Language, seed_article: Article) -> list[Attribution]:
    from sitrep.annotate.entities.layer import find_entities

    doc = nlp(seed_article.text)
    return find_attributions(doc, find_entities(doc))


def sources(atts: list[Attribution]) -> dict[str, list[Attribution]]:
    out: dict[str, list[Attribution]] = {}
    for a in atts:
        if a.source is not None:
            out.setdefault(a.source.text, []).append(a)
    return out


def test_seed_kcna(seed_attributions: list[Attribution]) -> None:
    by_source = sources(seed_attributions)
    kcna = by_source["KCNA"]
    assert len(kcna) == 2
    assert all(a.cue.text == "said" for a in kcna)
    assert kcna[0].content is not None
    assert kcna[0].content.text.startswith("the two sides discussed expanding cooperation")
    full = by_source["North Korea’s official Korean Central News Agency"]
    ids = {a.entity_id for a in kcna + full}
    assert len(ids) == 1  # one agency, by acronym and by name
    if ids != {None}:  # entity linking has landed
        assert None not in ids


def test_seed_national_intelligence_service(seed_attributions: list[Attribution]) -> None:
    nis = sources(seed_attributions)["South Korea’s National Intelligence Service"]
    assert [a.cue.text for a in nis] == ["said"]
    assert nis[0].content is not None
    assert nis[0].content.text.startswith("it also believes around 5,000")
    believes = [a for a in seed_attributions if a.cue.text == "believes"]
    assert len(believes) == 1
    assert believes[0].source is not None and believes[0].source.text == "it"
    assert believes[0].entity_id == nis[0].entity_id


def test_seed_unification_ministry_spokesperson(seed_attributions: list[Attribution]) -> None:
    source = "Chang Yoon-jeong, a spokesperson for South Korea’s Unification Ministry"
    chang = [a for a in sources(seed_attributions)[source] if a.cue.text == "said"]
    assert len(chang) == 1
    assert chang[0].content is not None
    assert (
        chang[0].content.text
        == "Seoul was closely monitoring the situation but wouldn’t make assumptions"
    )


def test_seed_according_to_assessments(seed_attributions: list[Attribution]) -> None:
    att = by_cue(seed_attributions, "According to")
    assert att.source is not None and att.source.text == "South Korean assessments"
    assert att.content is not None
    assert att.content.text.startswith("North Korea has sent around 15,000 troops to Russia")
