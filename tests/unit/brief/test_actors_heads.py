"""Who takes part: the head of an event's side, not a name that qualifies it or sets
the scene; one actor per name and initials; a live blog's entries about other stories
stay out. Small multi-outlet stories built here."""

from __future__ import annotations

from sitrep.brief import build_brief
from tests.support.brief import Pair, annotated, make

_OUTLETS = ("Alpha News", "Beta Post", "Gamma Wire", "Delta Daily")


def story(*texts: str) -> list[Pair]:
    return annotated([make(text, id="abcd"[i], outlet=_OUTLETS[i], published="2021-06-02")
                      for i, text in enumerate(texts)])


def names(pairs: list[Pair]) -> list[str]:
    return [a.name for a in build_brief(pairs, story_id="s").actors]


def test_a_country_that_only_qualifies_or_hosts_takes_no_part() -> None:
    listed = names(story(
        "Chile seized an oil tanker on Tuesday, the navy said. Prosecutors in Peru "
        "said they were investigating the owner of the tanker.",
        "Chile said on Tuesday it had seized the tanker. Peru-flagged ships were seen "
        "near the tanker by satellites, prosecutors in Peru said.",
        "Chile's navy seized the tanker on Tuesday. Chile said the tanker broke the ban, "
        "and prosecutors in Peru said they would question its owner.",
    ))
    assert "Chile" in listed
    assert "Peru" not in listed


def test_a_state_acts_through_its_named_ministry() -> None:
    listed = names(story(
        "Chile seized an oil tanker on Tuesday. The Peruvian Foreign Ministry denied "
        "that Peruvian ships had sold oil to the tanker.",
        "Chile said on Tuesday it had seized the tanker. The Peruvian Foreign Ministry "
        "denied the report on Wednesday.",
    ))
    assert "Chile" in listed and "Peru" in listed


def test_a_live_blog_entry_about_another_story_stays_out() -> None:
    blog = ("10.05am - UPDATE - Chile seized an oil tanker on Tuesday, the navy said, and "
            "the crew of the tanker was detained. 9.40am - UPDATE - Football: striker "
            "Tomas Berg scored twice as United beat City 3-1 in the cup final, and coach "
            "Lena Holm praised her players. 9.10am - UPDATE - The navy of Chile said the "
            "tanker had been followed for a week before it was seized.")
    pairs = story(
        "Chile seized an oil tanker on Tuesday, the navy said. The crew of the tanker "
        "was detained after the navy boarded it.",
        blog,
        "The navy of Chile seized the tanker on Tuesday and detained its crew, officials "
        "said. The tanker had been followed for a week.",
    )
    brief = build_brief(pairs, story_id="s")
    listed = [a.name for a in brief.actors]
    assert not [n for n in listed if "Berg" in n or "Holm" in n]
    quoted = " ".join(i.text for i in (*brief.summary, *brief.facts, *brief.timeline))
    assert "tanker" in quoted and "Berg" not in quoted
    assert "UPDATE" not in quoted and "10.05am" not in quoted  # time stamps are no prose
