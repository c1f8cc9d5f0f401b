"""A page whose text is a notice (sign-up, paywall, chat prompt) is judged by its headline."""

from __future__ import annotations

from sitrep.models import Annotations, EntityMention
from sitrep.store import Store
from sitrep.stories.features import body_off_title, headline_names, profile
from tests.support.store import make_article
from tests.support.stories import ingest

NOTICE = ("Thanks for signing up! Confirm your address with the link we mailed you. "
          "Questions? Write to our help desk any time.")


def test_a_short_notice_is_left_out_of_the_profile() -> None:
    page = make_article(NOTICE, title="Harbour crane collapses onto cargo ship in Port Elwin")
    start = NOTICE.index("Write")
    ann = Annotations(entities=[EntityMention(start, start + 5, "Write", "PERSON", "p1", "Write")])
    terms = profile(page, ann).terms
    assert body_off_title(page)
    assert "w:crane" in terms and "w:elwin" in terms
    assert not any(t.startswith(("e:", "w:confirm", "w:desk")) for t in terms)


def test_a_body_that_writes_a_headline_word_or_runs_long_is_kept() -> None:
    short = make_article("The crane fell at noon; no one was hurt.",
                         title="Harbour crane collapses onto cargo ship")
    assert not body_off_title(short) and "w:noon" in profile(short, None).terms
    long = make_article(" ".join(f"Caption {i}: workers cleared the quay by evening."
                                 for i in range(12)), title="Harbour crane collapses")
    assert not body_off_title(long)  # a gallery's captions: a report in other words
    assert not body_off_title(make_article(NOTICE))  # no headline: nothing to judge by
    # a one-word headline over a short report in other words
    assert not body_off_title(make_article("Two men were shot overnight.", title="Shooting"))


def test_two_pages_with_one_notice_are_not_one_story(store: Store) -> None:
    first = make_article(NOTICE + " Reader 4411.", url="https://a.example/crane",
                         title="Harbour crane collapses onto cargo ship in Port Elwin",
                         published="2025-03-02")
    second = make_article(NOTICE + " Reader 9027.", url="https://a.example/vote",
                          title="Council votes to close Brindle Street library branch",
                          published="2025-03-03")
    done = ingest(store, [first, second])
    assert done[1].how != "copy" and done[0].story_id != done[1].story_id


# A long text about something else: a concert tour, not the headline's harbour.
OTHER_REPORT = " ".join(
    f"The singer will open her farewell tour in spring, with {n} nights at the arena "
    "and a last show by the river, her manager told fans on the radio." for n in range(4))


def test_a_long_body_that_never_names_the_headline_name_is_another_report() -> None:
    page = make_article(OTHER_REPORT, title="Dockers stage walkout over safety rules at Port Elwin")
    assert headline_names(page.title or "") == ["Port", "Elwin"]
    assert body_off_title(page)
    terms = profile(page, None).terms
    assert "w:walkout" in terms and "w:singer" not in terms


def test_a_long_body_is_kept_when_it_names_the_headline_or_the_headline_names_no_one() -> None:
    names = make_article(OTHER_REPORT + " Port Elwin cheered.",
                         title="Dockers stage walkout over safety rules at Port Elwin")
    assert not body_off_title(names)
    title_case = make_article(OTHER_REPORT, title="Dockers Stage Walkout Over Safety Rules")
    assert headline_names(title_case.title or "") == [] and not body_off_title(title_case)
    # a capital that opens a clause is no name: nothing to look for in the text
    assert headline_names("Harbour strike: Dockers stage walkout over safety rules") == []
