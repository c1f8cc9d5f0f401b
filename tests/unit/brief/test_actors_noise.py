"""Actors an analyst would name and no noise, on small multi-outlet stories built here.

Related coverage (another happening's article), chrome lines (captions ending in a
credit, embedded posts, sign-up boxes) and passing mentions never reach a brief.
"""

from __future__ import annotations

from sitrep.brief import build_brief, check_citations
from sitrep.brief.model import Brief
from sitrep.extract.chrome import classify_line
from sitrep.reconcile.chrome_text import is_chrome_line
from tests.support.brief import Pair, annotated, make

_OUTLETS = ("Alpha News", "Beta Post", "Gamma Wire", "Delta Daily")


def story(*reports: tuple[str, str]) -> list[Pair]:
    """Annotated reports (text, published) of one story, each from another outlet."""
    return annotated([make(text, id="abcd"[i], outlet=_OUTLETS[i], published=published)
                      for i, (text, published) in enumerate(reports)])


def quoted(brief: Brief) -> str:
    """Everything the brief quotes: summary, facts and timeline."""
    return "\n".join(i.text for i in (*brief.summary, *brief.facts, *brief.timeline))


_FERRY = (
    "A ferry sank off the coast of Norland on Tuesday, killing 12 passengers, "
    "the coast guard said. Coast guard spokesman Erik Dahl said divers were searching "
    "the wreck of the ferry for survivors on Tuesday night.")


def test_related_coverage_of_another_happening_stays_out() -> None:
    pairs = story(
        (_FERRY, "2021-06-02"),
        ("The ferry sank on Tuesday near the port and 12 passengers died, the coast guard "
         "said. Erik Dahl, a coast guard spokesman, said the ferry was overloaded.",
         "2021-06-02"),
        ("Rescuers said on Wednesday the ferry that sank on Tuesday carried too many "
         "passengers. Erik Dahl of the coast guard said 12 bodies had been recovered.",
         "2021-06-03"),
        # Months earlier, another outlet's page about a football match.
        ("Striker Tomas Berg scored twice on Saturday as United beat City 3-1 in the cup "
         "final. Coach Lena Holm praised her players after the final on Saturday.",
         "2021-02-13"),
    )
    brief = build_brief(pairs, story_id="s")
    text = quoted(brief)
    assert "ferry" in text
    assert "Berg" not in text and "Holm" not in text
    names = [a.name for a in brief.actors]
    assert "Erik Dahl" in names
    assert not [n for n in names if "Berg" in n or "Holm" in n]
    assert not [t for t in brief.timeline if t.date.startswith("2021-02")]
    assert check_citations(brief, [a for a, _ in pairs]) == []


def test_caption_lines_embedded_posts_and_signup_boxes_are_never_quoted() -> None:
    caption = ("Rescue workers carry a survivor from the ferry that sank off the coast on "
               "Tuesday, June 1, 2021. (Jane Roe/Associated Press)")
    post = ("Skip Twitter post by @coastguard Divers are searching the wreck of the ferry "
            "tonight. — Coast Guard (@coastguard) June 1, 2021")
    signup = ("Newsletter Sign Up Continue reading the main story Sign Up for the Morning "
              "Briefing Every day, get the news that matters delivered to you.")
    pairs = story(
        (f"{caption}\n{_FERRY}\n{post}", "2021-06-02"),
        (f"The ferry sank on Tuesday and 12 passengers died, the coast guard said.\n{signup}\n"
         "Erik Dahl, a coast guard spokesman, said the ferry was overloaded.", "2021-06-02"),
    )
    brief = build_brief(pairs, story_id="s")
    text = quoted(brief)
    assert "ferry" in text
    for chrome in ("Rescue workers carry", "Skip Twitter", "Divers are searching the wreck of "
                   "the ferry tonight", "Newsletter", "Morning Briefing"):
        assert chrome not in text
    for item in (*brief.summary, *brief.facts, *brief.timeline):
        for c in item.citations:
            cited = pairs[0][0].text if c.article == "a" else pairs[1][0].text
            assert "Associated Press" not in cited[c.start:c.end]


def test_chrome_lines_recognised_and_prose_kept() -> None:
    assert is_chrome_line("A coach hugs his quarterback after the game on Sunday in Seattle. "
                          "(Jane Roe/Associated Press)")
    assert is_chrome_line("Teaser of another story The price rose last year. "
                          "Photograph: Jane Roe/Getty Images")
    assert is_chrome_line("We are back online. — Jane Roe (@janeroe) February 1, 2018")
    assert is_chrome_line("Newsletter Sign Up Continue reading the main story Sign Up for "
                          "the Music Newsletter")
    # Prose that names the same words in passing stays prose.
    assert not is_chrome_line("The minister said people should sign up for the scheme and "
                              "read more about it before Friday.")
    assert not is_chrome_line("The talks between Canada and the United States (and Mexico) "
                              "resumed on Monday, officials said.")
    assert classify_line("Mercer retires. (Elaine Roe/Associated Press)").kind == "credit"


def test_settings_are_not_actors_but_countries_taking_part_are() -> None:
    pairs = story(
        ("Norland said on Tuesday it would investigate the sinking of the ferry near the "
         "city of Portvik. Coast guard spokesman Erik Dahl said 12 passengers died near "
         "Portvik.", "2021-06-02"),
        ("Norland's government said the ferry sank near Portvik on Tuesday. Erik Dahl "
         "said divers were searching the wreck near Portvik.", "2021-06-02"),
        ("The ferry sank near Portvik, Erik Dahl said. Norland said it would investigate. "
         "Former harbour master Anna Lind once worked in Portvik, a port town, decades ago.",
         "2021-06-03"),
    )
    brief = build_brief(pairs, story_id="s")
    names = [a.name for a in brief.actors]
    assert "Erik Dahl" in names
    assert "Portvik" not in names  # where it happened, not who did anything
    # One outlet's passing mention, titled but neither acting nor in a lead.
    assert "Anna Lind" not in names
