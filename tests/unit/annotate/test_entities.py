"""Entity mentions and their canonical identities, on the seeds, VOA and own sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sitrep.annotate.entities.countries import country_index
from sitrep.annotate.entities.keys import country_entity_id, fold_name, name_key
from sitrep.annotate.entities.layer import alias_record, entity_record, find_entities
from sitrep.annotate.entities.organisations import gazetteer
from sitrep.models import Article, EntityMention

if TYPE_CHECKING:
    from spacy.language import Language


def mentions(nlp, text: str) -> list[EntityMention]:
    return find_entities(nlp(text))


def by_text(found: list[EntityMention], text: str) -> list[EntityMention]:
    hits = [m for m in found if m.text == text]
    assert hits, f"no mention {text!r} in {[m.text for m in found]}"
    return hits


def one_id(found: list[EntityMention], *texts: str) -> str:
    ids = {m.entity_id for t in texts for m in by_text(found, t)}
    assert len(ids) == 1, f"{texts} map to {len(ids)} entities"
    return ids.pop()


# ---------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seed_mentions(nlp, seed_article: Article) -> list[EntityMention]:
    return mentions(nlp, seed_article.text)


@pytest.fixture(scope="module")
def brief_mentions(nlp, seed_brief: Path) -> list[EntityMention]:
    return mentions(nlp, seed_brief.read_text(encoding="utf-8"))


def test_seed_spans_point_into_the_text(
    seed_article: Article, seed_mentions: list[EntityMention]
) -> None:
    for m in seed_mentions:
        assert seed_article.text[m.start : m.end] == m.text
        assert m.entity_id and m.name and m.type


def test_seed_kcna_and_its_full_name_are_one_entity(seed_mentions: list[EntityMention]) -> None:
    one_id(seed_mentions, "KCNA", "Korean Central News Agency")
    assert by_text(seed_mentions, "KCNA")[0].country == "PRK"


def test_seed_north_korea_forms_are_the_country(seed_mentions: list[EntityMention]) -> None:
    eid = one_id(seed_mentions, "North Korea", "North Korean")
    assert eid == country_entity_id("PRK")
    for m in seed_mentions:
        if m.entity_id == eid:
            assert (m.name, m.type, m.country) == ("North Korea", "GPE", "PRK")
    # "North Korea’s" loses its possessive
    assert not [m for m in seed_mentions if m.text.endswith(("’s", "'s"))]


def test_seed_capital_stays_a_city(seed_mentions: list[EntityMention]) -> None:
    pyongyang = by_text(seed_mentions, "Pyongyang")[0]
    assert pyongyang.type == "GPE" and pyongyang.name == "Pyongyang"
    assert pyongyang.entity_id != country_entity_id("PRK") and pyongyang.country == "PRK"


def test_seed_roles(seed_mentions: list[EntityMention]) -> None:
    pak = by_text(seed_mentions, "Pak Yong Il")[0]
    assert "vice director of the Korean People’s Army’s General Political Bureau" in pak.roles
    goremykin = by_text(seed_mentions, "Viktor Goremykin")[0]
    assert goremykin.roles == ["Vice Defense Minister"]
    no = by_text(seed_mentions, "No Kwang Chol")[0]
    assert any(r.endswith("Defense Minister") for r in no.roles)
    chang = by_text(seed_mentions, "Chang Yoon-jeong")[0]
    assert chang.roles == ["spokesperson for South Korea’s Unification Ministry"]
    assert by_text(seed_mentions, "Pete Hegseth")[0].roles == ["US Defense Secretary"]


def test_seed_short_names_link_to_full_names(seed_mentions: list[EntityMention]) -> None:
    one_id(seed_mentions, "Kim", "Kim Jong Un")
    # spaCy tags "Goremykin’s" as an ORG; it is the minister
    goremykin = by_text(seed_mentions, "Goremykin")[0]
    assert goremykin.type == "PERSON" and goremykin.name == "Viktor Goremykin"


def test_seed_south_korean_bodies(seed_mentions: list[EntityMention]) -> None:
    spy = by_text(seed_mentions, "spy agency")[0]
    nis = by_text(seed_mentions, "National Intelligence Service")[0]
    assert spy.entity_id == nis.entity_id
    assert nis.name == "National Intelligence Service (South Korea)" and nis.country == "KOR"
    ministry = by_text(seed_mentions, "Unification Ministry")[0]
    assert ministry.name == "Unification Ministry (South Korea)" and ministry.country == "KOR"


def test_seed_no_title_fragments(seed_mentions: list[EntityMention]) -> None:
    assert not [m for m in seed_mentions if m.text in {"Defense", "Defence"}]


def test_seed_caption_spelling_joins_body_spelling(nlp: Language, news_page: Path) -> None:
    # The page's photo caption spells "No Kwang-chol", the body "No Kwang Chol".
    found = mentions(nlp, news_page.read_text(encoding="utf-8")[:4000])
    eid = one_id(found, "No Kwang-chol", "No Kwang Chol")
    assert by_text(found, "No Kwang-chol")[0].roles == ["North Korea's Defense Minister"]
    assert eid == by_text(found, "No Kwang Chol")[0].entity_id


def test_brief_dprk_names_are_north_korea(brief_mentions: list[EntityMention]) -> None:
    eid = one_id(brief_mentions, "DPRK", "Democratic People’s Republic of Korea", "North Korea")
    assert eid == country_entity_id("PRK")
    assert by_text(brief_mentions, "Republic of Korea")[0].country == "KOR"


def test_brief_defined_acronyms(brief_mentions: list[EntityMention]) -> None:
    one_id(brief_mentions, "KCNA", "Korean Central News Agency")
    one_id(brief_mentions, "NIS", "National Intelligence Service")
    ministry = by_text(brief_mentions, "Ministry of Defence")[0]
    assert (ministry.name, ministry.country) == ("Defense Ministry (North Korea)", "PRK")


def test_ids_are_equal_across_articles(
    seed_mentions: list[EntityMention], brief_mentions: list[EntityMention]
) -> None:
    for text in ("No Kwang Chol", "Viktor Goremykin", "KCNA", "Russia"):
        assert (
            by_text(seed_mentions, text)[0].entity_id == by_text(brief_mentions, text)[0].entity_id
        )


# ---------------------------------------------------------------- own sentences


def test_title_is_split_from_the_name(nlp: Language) -> None:
    found = mentions(nlp, "Defense Minister Sergei Shoigu met South Korea's president in Seoul.")
    shoigu = by_text(found, "Sergei Shoigu")[0]
    assert shoigu.type == "PERSON" and shoigu.roles == ["Defense Minister"]
    assert by_text(found, "South Korea")[0].country == "KOR"


def test_acronym_defined_in_text(nlp: Language) -> None:
    found = mentions(
        nlp, "The Main Military-Political Directorate (MMPD) signed the plan. The MMPD said so."
    )
    one_id(found, "MMPD", "Main Military-Political Directorate")


def test_spelling_variants_and_surnames(nlp: Language) -> None:
    found = mentions(
        nlp,
        "Opposition leader Lee Jae-myung spoke on Monday. Lee Jae Myung later denied "
        "the report, and Lee said he would appeal.",
    )
    one_id(found, "Lee Jae-myung", "Lee Jae Myung", "Lee")
    assert by_text(found, "Lee Jae-myung")[0].roles == ["Opposition leader"]


def test_ambiguous_surname_takes_the_nearest_full_name(nlp: Language) -> None:
    found = mentions(
        nlp, "Kim Jong Un met his sister Kim Yo Jong in Wonsan. Kim said it went well."
    )
    assert by_text(found, "Kim")[0].name == "Kim Yo Jong"


def test_generic_bodies_take_their_country(nlp: Language) -> None:
    found = mentions(
        nlp,
        "Russia's Defense Ministry said the drones were downed. The Defense Ministry added "
        "that nobody was hurt. Japan's Defense Ministry disagreed.",
    )
    names = [m.name for m in found if m.text == "Defense Ministry"]
    assert names == [
        "Defense Ministry (Russia)",
        "Defense Ministry (Russia)",
        "Defense Ministry (Japan)",
    ]


def test_descriptive_aliases_need_an_owner(nlp: Language) -> None:
    found = mentions(nlp, "Israel's spy agency and South Korea's spy agency declined to comment.")
    assert [m.name for m in found if m.text == "spy agency"] == [
        "Mossad",
        "National Intelligence Service (South Korea)",
    ]
    assert not [m for m in mentions(nlp, "A spy agency declined to comment.") if m.type == "ORG"]


def test_gazetteer_aliases_and_demonyms(nlp: Language) -> None:
    found = mentions(
        nlp,
        "Irina Volkova, a spokeswoman for the Russian Foreign Ministry, said the U.N. "
        "should act. The United Nations did not respond. NATO and the North Atlantic "
        "Treaty Organization are one.",
    )
    assert by_text(found, "Irina Volkova")[0].roles == [
        "spokeswoman for the Russian Foreign Ministry"
    ]
    assert by_text(found, "Russian")[0].entity_id == country_entity_id("RUS")
    assert by_text(found, "Foreign Ministry")[0].name == "Foreign Ministry (Russia)"
    one_id(found, "U.N.", "United Nations")
    one_id(found, "NATO", "North Atlantic Treaty Organization")


def test_acronyms_keep_their_case(nlp: Language) -> None:
    found = mentions(nlp, "Who said the IS fighters left? WHO officials said so.")
    assert [m.name for m in found if m.type == "ORG"] == [
        "Islamic State",
        "World Health Organization",
    ]


# ---------------------------------------------------------------- data and helpers


def test_country_data_covers_every_iso_country() -> None:
    import pycountry

    index = country_index()
    assert {c.alpha_3 for c in pycountry.countries} <= set(index.by_iso3)
    assert index.lookup("Korea, Democratic People's Republic of") is None
    assert index.lookup("the DPRK").name == "North Korea"  # type: ignore[union-attr]
    assert index.lookup("North-Korean").iso3 == "PRK"  # type: ignore[union-attr]


def test_gazetteer_is_broad() -> None:
    entries = {e.id: e for group in gazetteer().entries.values() for e in group}
    assert len(entries) >= 150
    assert len({e.country for e in entries.values()}) >= 40


def test_fold_joins_spellings() -> None:
    assert name_key("No Kwang-chol") == name_key("NO KWANG CHOL") == name_key("No Kwang Chol")
    assert fold_name("U.S.") == fold_name("US") == "us"
    assert fold_name("Goremykin’s") == "goremykin"


def test_store_records(nlp: Language) -> None:
    m = by_text(mentions(nlp, "North Korean troops moved."), "North Korean")[0]
    assert entity_record(m) == {
        "id": country_entity_id("PRK"),
        "name": "North Korea",
        "type": "GPE",
        "country": "PRK",
    }
    assert alias_record(m)["alias"] == "North Korean"


# ---------------------------------------------------------------- VOA


def test_voa_stories(nlp: Language, voa_corpus: Path) -> None:
    records = [json.loads(line) for line in voa_corpus.read_text(encoding="utf-8").splitlines()[:6]]
    linked_surnames = 0
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        found = find_entities(doc)
        assert len(found) >= 10
        for m in found:
            assert record["text"][m.start : m.end] == m.text
            assert m.entity_id and m.name and m.type
        linked_surnames += sum(1 for m in found if m.type == "PERSON" and m.name != m.text)
    assert linked_surnames >= 5


# ---------------------------------------------------------------- type evidence


def relabelled(nlp, text: str, labels: dict[str, str]) -> list[EntityMention]:
    """Mentions of ``text`` once the model has typed each phrase in ``labels`` as given
    there (the small model's mistakes vary with the name: this fixes one)."""
    from spacy.tokens import Span

    doc = nlp(text)
    spans: list[Span] = []
    taken: set[int] = set()
    for phrase, label in labels.items():  # longer phrases first
        for start in range(len(doc)):
            end = start + len(phrase.split())
            if doc[start:end].text == phrase and not taken.intersection(range(start, end)):
                spans.append(Span(doc, start, end, label=label))
                taken.update(range(start, end))
    rest = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
    doc.ents = sorted(spans + rest, key=lambda s: s.start)
    return find_entities(doc)


def test_a_person_the_model_calls_an_organisation_is_a_person_by_the_cues(nlp) -> None:
    found = relabelled(
        nlp,
        "In this photo, model Dalia Voss poses at the gala. Dalia Voss and her "
        "husband were aboard the plane. Voss was aboard and posted videos.",
        {"Dalia Voss": "ORG", "Voss": "ORG"},
    )
    assert {m.type for m in found if "Voss" in m.text} == {"PERSON"}
    assert one_id(found, "Dalia Voss", "Voss")


def test_an_age_and_a_courtesy_title_make_a_person(nlp) -> None:
    found = relabelled(
        nlp,
        "Kudira Obafemi, 63, said she was shocked. Ms Obafemi lives nearby.",
        {"Kudira Obafemi": "ORG"},
    )
    assert by_text(found, "Kudira Obafemi")[0].type == "PERSON"


def test_without_cues_the_model_label_stands(nlp) -> None:
    found = relabelled(nlp, "Kudira Obafemi opened a branch in Lagos.", {"Kudira Obafemi": "ORG"})
    assert by_text(found, "Kudira Obafemi")[0].type == "ORG"


def test_a_newspaper_the_model_calls_a_person_is_an_organisation(nlp) -> None:
    found = relabelled(
        nlp,
        "The Nordby Tidende reported that Mr Lund left. It was in Norway's Nordby Tidende "
        "newspaper on Tuesday.",
        {"Nordby Tidende": "PERSON"},
    )
    assert {m.type for m in by_text(found, "Nordby Tidende")} == {"ORG"}


def test_person_score_reads_the_words_around_a_name(nlp) -> None:
    from sitrep.annotate.entities.evidence import person_score

    doc = nlp("Dr. Wilma Ostrander, 54, met the Grupo Belcanto newspaper.")
    assert person_score(doc, 1, 3) > 0  # "Dr." before, ", 54," after
    org = next(e for e in doc.ents if "Belcanto" in e.text)
    start = org.start + (doc[org.start].lower_ == "the")
    assert person_score(doc, start, org.end) < 0  # "the" before, "newspaper" after


def test_a_name_particle_stays_in_the_name_and_a_later_surname_joins_it(nlp) -> None:
    found = mentions(
        nlp,
        "In a column on Wednesday, Paulo do Vale Moreira Jr., the interim chief "
        "executive, wrote about the outage. Mr. Moreira said more.",
    )
    assert one_id(found, "Paulo do Vale Moreira Jr.", "Moreira")
    assert not [m for m in found if m.text == "Vale Moreira Jr."]


def test_a_place_before_a_particle_is_no_given_name(nlp) -> None:
    found = mentions(nlp, "Ministers in Rio de Janeiro met Luiz da Silva on Monday.")
    assert by_text(found, "Rio de Janeiro")[0].type == "GPE"
    assert by_text(found, "Luiz da Silva")[0].type == "PERSON"


def test_a_sentence_opener_is_no_part_of_a_name_written_without_it(nlp) -> None:
    found = relabelled(
        nlp,
        "Model Dalia Voss and her husband were aboard. Photos show model Dalia "
        "Voss at the gate.",
        {"Model Dalia Voss": "PRODUCT", "Dalia Voss": "ORG"},
    )
    assert {m.text for m in found if "Voss" in m.text} == {"Dalia Voss"}
    assert {m.type for m in found if "Voss" in m.text} == {"PERSON"}


def test_a_known_body_glued_before_a_name_keeps_its_own_identity(nlp) -> None:
    found = relabelled(
        nlp,
        "Boko Haram said it held the hostages. The leader of Boko Haram Idris Malek "
        "spoke. The group leader Idris Malek is in hiding. Boko Haram denied it.",
        {"Boko Haram Idris Malek": "ORG", "Idris Malek": "PERSON", "Boko Haram": "PERSON"},
    )
    assert {m.type for m in by_text(found, "Boko Haram")} == {"ORG"}
