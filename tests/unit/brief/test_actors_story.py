"""Actors told across a story's outlets: surnames joined to full names, capitalised words
that are no names, countries that are only a setting, and teaser blocks; key facts that
tell no possibility and no other year's happening. Small stories built here."""

from __future__ import annotations

from sitrep.brief import build_brief
from sitrep.brief.actors import _compound, _credit, _Seen
from sitrep.brief.facts import _elsewhere
from sitrep.models import EntityMention
from sitrep.reconcile.chrome_text import is_chrome_line
from sitrep.reconcile.claims import Citation, QuantityClaim, Voice
from tests.support.brief import Pair, annotated, make

_OUTLETS = ("Alpha News", "Beta Post", "Gamma Wire", "Delta Daily")


def story(*reports: tuple[str, str]) -> list[Pair]:
    return annotated([make(text, id="abcd"[i], outlet=_OUTLETS[i], published=published)
                      for i, (text, published) in enumerate(reports)])


def names(pairs: list[Pair]) -> list[str]:
    return [a.name for a in build_brief(pairs, story_id="s").actors]


_FLIGHT = (
    ("Maria Vance said on Monday she was removed from a flight to Tokyo. The airline said "
     "the plane flew back to Denver after a passenger mix-up.", "2018-01-02"),
    ("The flight turned back to Denver on Monday. Vance said the crew told passengers "
     "about the mix-up. The airline apologised to Vance.", "2018-01-02"),
    ("Vance tweeted on Monday that the plane had turned around. \"Felt we had to share this "
     "with everyone,\" she wrote. The airline said it regretted the error. Vance thanked the crew.",
     "2018-01-02"),
    ("Vance said the flight returned on Monday. \"Felt like a film,\" she wrote on Twitter, "
     "adding that the plane landed safely. The airline said Vance was rebooked.",
     "2018-01-03"),
)


def test_a_surname_joins_the_full_name_another_outlet_gives() -> None:
    listed = names(story(*_FLIGHT))
    assert "Maria Vance" in listed
    assert "Vance" not in listed  # one person, under the fullest name


def test_a_word_capitalised_only_where_a_quote_opens_is_no_name() -> None:
    assert "Felt" not in names(story(*_FLIGHT))


def test_a_country_only_warned_or_hosting_is_a_setting() -> None:
    lead = ("Tomas Berg said on Monday his army had tested a new missile. The missile flew "
            "for ten minutes before it fell into the sea. Engineers watched the launch from "
            "a hill near the coast. ")
    pairs = story(
        (lead + "Berg warned the United States against new sanctions.", "2019-05-06"),
        (lead + "He warned the United States that his army would not give up its weapons.",
         "2019-05-06"),
        (lead + "Berg said the launch was a message to the United States.", "2019-05-06"),
    )
    listed = names(pairs)
    assert "Tomas Berg" in listed
    assert "United States" not in listed


def test_a_teaser_block_glued_after_its_label_is_chrome() -> None:
    assert is_chrome_line("Related Stories 'WORST YET' Rebel leader mocks claims "
                          "FLOOD WARNING Rivers burst their banks in the north")
    assert is_chrome_line("READ MORE: Ferry sinks off the coast")
    assert not is_chrome_line("Related to the case, police said the driver was held.")


def test_a_credit_glued_by_a_colon_names_no_actor() -> None:
    text = "AP:Associated Press The hostages were freed on Thursday."
    at = text.index("Associated")
    m = EntityMention(at, at + len("Associated Press"), "Associated Press", "ORG", "e1",
                      "Associated Press")
    assert _credit(m, text)
    name = EntityMention(0, 11, "Maria Vance", "PERSON", "e2", "Maria Vance")
    assert not _credit(name, "Maria Vance said on Monday: the hostages were freed.")


def test_a_name_only_before_one_word_qualifies_a_thing() -> None:
    numbers = _Seen("Social Security", "ORG", Citation("a", 0, 1), mentions=4)
    numbers.after.update({"numbers": 4})
    assert _compound(numbers, has_role=False)
    said = _Seen("Equifax", "ORG", Citation("a", 0, 1), mentions=4, acting={"a"})
    said.after.update({"said": 4})
    assert not _compound(said, has_role=False)  # it speaks: a participant


def test_key_facts_tell_no_possibility() -> None:
    pairs = annotated([make(text, id="abc"[i], outlet=_OUTLETS[i], published=day)
                       for i, (text, day) in enumerate((
        ("Engineers said on Tuesday the new pipeline could one day carry 900,000 barrels "
         "of oil a day. Regulators fined the operator $5 million on Tuesday over the "
         "spill. The spill fouled 12 miles of river.", "2017-06-07"),
        ("Regulators fined the operator $5 million on Tuesday over the oil spill, which "
         "fouled 12 miles of river.", "2017-06-07"),
        ("The operator was fined $5 million, regulators said on Tuesday. The pipeline "
         "could one day carry 900,000 barrels a day, its owner said.", "2017-06-08"),
    ))])
    facts = " ".join(f.text for f in build_brief(pairs, story_id="s").facts)
    assert "$5 million" in facts
    assert "900,000 barrels" not in facts


def test_a_claim_dated_years_from_the_story_tells_another_happening() -> None:
    cite = Citation("a", 0, 10)
    voice = Voice("Alpha News")
    old = QuantityClaim(cite, cite, "15 million", voice, "alpha", "2017-11-14",
                        value_text="15 million", scope="2015")
    now = QuantityClaim(cite, cite, "145 million", voice, "alpha", "2017-11-14",
                        value_text="145 million", scope="2017")
    assert _elsewhere(old, (2017, 2017))
    assert not _elsewhere(now, (2017, 2017))
    assert not _elsewhere(old, (2016, 2016))  # a year before the story is still its own
