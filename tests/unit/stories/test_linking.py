"""Entity linking across outlets for story profiles (stories/linking.py)."""

from __future__ import annotations

from sitrep.models import EntityMention, stable_id
from sitrep.stories.linking import core_words, story_id, story_ids


def _mention(name: str, kind: str = "ORG", **extra: object) -> EntityMention:
    return EntityMention(start=0, end=len(name), text=name, type=kind,
                         entity_id=stable_id("raw", name), name=name, **extra)  # type: ignore[arg-type]


def test_legal_forms_and_honorifics_are_not_part_of_the_name() -> None:
    assert core_words("Equifax Inc.") == ["equifax"]
    assert core_words("The Boeing Co") == ["boeing"]
    assert core_words("Mr. Kim Jong-un") == ["kim", "jong", "un"]
    assert core_words("President Macron") == ["macron"]


def test_a_name_is_never_emptied() -> None:
    assert core_words("The") == ["the"]
    assert core_words("Co.") == ["co"]


def test_spellings_of_one_name_share_an_id() -> None:
    ids = {story_id(_mention(n)) for n in ("Equifax Inc.", "Equifax", "EQUIFAX", "equifax's")}
    assert len(ids) == 1
    people = {story_id(_mention(n, "PERSON")) for n in ("Kim Jong-un", "Kim Jong Un", "Kim Jŏng Un")}
    assert len(people) == 1


def test_the_id_is_the_one_the_annotator_gives_the_plain_name() -> None:
    # entities.keys: stable_id(type group, folded name without spaces)
    assert story_id(_mention("Equifax Inc.")) == stable_id("org", "equifax")
    assert story_id(_mention("Kwangmyongsong", "GPE")) == stable_id("place", "kwangmyongsong")


def test_kinds_stay_apart() -> None:
    assert story_id(_mention("Jordan", "PERSON")) != story_id(_mention("Jordan", "ORG"))


def test_resolved_places_and_countries_keep_their_id() -> None:
    country = EntityMention(0, 4, "U.S.", "GPE", stable_id("country", "USA"), "United States",
                            country="USA")
    town = EntityMention(0, 6, "Tempe", "GPE", "town-id", "Tempe",
                         place={"geonameid": 5317058, "feature": "PPL"})
    assert story_id(country) == stable_id("country", "USA")
    assert story_id(town) == "town-id"


def test_mentions_without_an_id_are_left_out() -> None:
    m = _mention("Equifax")
    m.entity_id = ""
    assert story_ids([m, _mention("Experian")]) == [(0, stable_id("org", "experian"))]


def test_a_leading_article_is_not_part_of_the_name() -> None:
    assert core_words("an Elwin Ferry Company") == ["elwin", "ferry", "company"]
    assert core_words("A") == ["a"]
