"""Key dates of a story: follow-ups published after its burst, dates written in full.

Small multi-outlet stories built here: a ferry sinking told in one burst, a later
follow-up that looks back at it, and a later article about another happening.
"""

from __future__ import annotations

from sitrep import config as settings
from sitrep.brief import build_brief, check_citations
from sitrep.brief.model import Brief
from sitrep.brief.sentences import SentenceIndex
from sitrep.reconcile.chrome_text import chrome_tail
from sitrep.reconcile.context import ArticleContext
from tests.support.brief import Pair, annotated, make

_OUTLETS = ("Alpha News", "Beta Post", "Gamma Wire", "Delta Daily")

_BURST = (
    ("A ferry sank off the coast of Norland on Tuesday, killing 12 passengers, the coast "
     "guard of Norland said. Coast guard spokesman Erik Dahl said divers searched the "
     "wreck of the ferry for survivors.", "2021-06-02"),
    ("The Norland ferry sank on Tuesday and 12 passengers died, the coast guard said. "
     "Erik Dahl, a coast guard spokesman, said the ferry was overloaded with passengers.",
     "2021-06-02"),
    ("Divers searched the wreck of the ferry that sank off Norland on Tuesday, the coast "
     "guard said. Erik Dahl of the coast guard said 12 passengers died on the ferry.",
     "2021-06-03"),
)


def story(*reports: tuple[str, str]) -> list[Pair]:
    return annotated([make(text, id="abcd"[i], outlet=_OUTLETS[i], published=published)
                      for i, (text, published) in enumerate(reports)])


def days(brief: Brief) -> set[str]:
    return {t.date or "" for t in brief.timeline}


def test_a_follow_up_dates_the_timeline_but_another_happening_does_not() -> None:
    follow_up = ("The owner of the ferry that sank off Norland in June 2021, killing 12 "
                 "passengers, was charged on Monday, the coast guard said. Erik Dahl of the "
                 "coast guard said the ferry was overloaded with passengers when it sank.")
    pairs = story(*_BURST, (follow_up, "2021-11-10"))
    brief = build_brief(pairs, story_id="s")
    assert "2021-11-08" in days(brief)  # "Monday" of the follow-up
    assert "charged" not in " ".join(s.text for s in brief.summary)  # it does not lead
    assert check_citations(brief, [a for a, _ in pairs]) == []

    # The same words months later, but about a new sinking: it never looks back.
    other = ("A ferry sank off the coast of Norland on Monday and 12 passengers were "
             "rescued, the coast guard said. Erik Dahl of the coast guard said divers "
             "searched the wreck of the ferry and the passengers were safe.")
    brief = build_brief(story(*_BURST, (other, "2021-11-10")), story_id="s")
    assert "2021-11-08" not in days(brief)


def test_a_date_written_in_full_is_a_key_date_however_long_ago() -> None:
    history = ("The Norland ferry was launched on March 3, 1998, the coast guard said. Erik "
               "Dahl said 12 passengers died on the ferry on Tuesday.")
    brief = build_brief(story(*_BURST[:2], (history, "2021-06-03")), story_id="s")
    assert "1998-03-03" in days(brief)
    assert "2021-06-01" in days(brief)
    # Compared with another year's happening, it is background.
    since = ("It was the worst sinking since 2004, when seven died, the coast guard said. "
             "Erik Dahl said 12 passengers died on the Norland ferry on Tuesday.")
    brief = build_brief(story(*_BURST[:2], (since, "2021-06-03")), story_id="s")
    assert not [d for d in days(brief) if d.startswith("2004")]


def test_a_closing_prompt_to_the_reader_is_cut_from_its_sentence() -> None:
    said = "The ferry will be raised on Friday, the coast guard said."
    prompt = " (If you want a reminder, you can sign up for our newsletter.)"
    assert chrome_tail(said + prompt) == len(said) + 1
    assert chrome_tail("The talks between Norland and Sudland (and Westland) resumed.") is None
    assert chrome_tail("He said the ferry was full (you could not move on deck).") is None
    pairs = story(*_BURST[:2], (said + prompt + " Erik Dahl said 12 passengers died.",
                                "2021-06-03"))
    brief = build_brief(pairs, story_id="s")
    assert "2021-06-04" in days(brief)
    texts = {a.id: a.text for a, _ in pairs}
    for item in (*brief.summary, *brief.facts, *brief.timeline):
        assert "newsletter" not in item.text
        for c in item.citations:
            assert "newsletter" not in texts[c.article][c.start:c.end]


def test_another_story_glued_after_a_page_under_its_own_heading_stays_out() -> None:
    digest = (
        "Ferry sinking off Norland\n"
        "A ferry sank off the coast of Norland on Tuesday and 12 passengers died, the coast "
        "guard said. Erik Dahl of the coast guard said divers searched the wreck.\n"
        "More: Norland weather warnings\n"
        "The ferry was built in 1998 and had passed its last safety check, the coast guard "
        "said. Erik Dahl said the ferry carried passengers every day.\n"
        "Chess champion keeps her title\n"
        "Grandmaster Lena Holm beat her challenger on Monday in a twelve game match in "
        "Vienna. Holm won the final game with the black pieces after six hours of play.")
    pairs = story(*_BURST, (digest, "2021-06-03"))
    brief = build_brief(pairs, story_id="s")
    quoted = " ".join(i.text for i in (*brief.summary, *brief.facts, *brief.timeline))
    assert "Holm" not in quoted and "Vienna" not in quoted
    assert "2021-05-31" not in days(brief)  # the chess match's "Monday"
    # A teaser heading inside the story does not cut its own background away.
    index = SentenceIndex([ArticleContext.from_annotations(a, ann) for a, ann in pairs],
                          settings.current().brief)
    usable = [s.text for s in index.sentences if s.ctx.id == "d" and s.usable]
    assert any("built in 1998" in t for t in usable)
    assert not any("Holm" in t for t in usable)
