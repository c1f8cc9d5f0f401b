"""Articles from plain text and Markdown: splitting glued dumps, dropping chrome, keeping bodies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.extract.chrome import CHROME_FILE_ENV, LineKind, classify_line, load_vocabulary
from sitrep.extract.text.plain import extract_text
from sitrep.models import Article, article_id

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’]?\s+")


@pytest.fixture(scope="module")
def seed(seeds_dir: Path) -> dict[str, str]:
    return {p.name[:3]: p.read_text("utf-8") for p in seeds_dir.glob("*.txt")}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if len(s.split()) >= 6]


# ------------------------------------------------------------ the seeds


def test_glued_page_gives_two_articles_with_titles_and_dates(seed: dict[str, str]) -> None:
    first, second = extract_text(seed["002"], "002.txt", {})
    assert first.title == (
        "North Korean and Russian military officials discuss further cooperation in Pyongyang"
    )
    assert first.published == "2025-11-07"  # from its "Updated 07 November 2025" stamp
    assert second.title == "Ahead of strikes, Trump was told Iran attack is high risk, high reward"
    assert second.published is None  # "Updated 6 sec ago" and no reference time
    assert first.id == article_id(None, first.text) and first.id != second.id


def test_glued_page_bodies_are_whole_and_disjoint(seed: dict[str, str]) -> None:
    first, second = extract_text(seed["002"], "002.txt", {})
    assert first.text.startswith("SEOUL: ") and second.text.startswith("WASHINGTON: ")
    assert first.text.endswith("infrastructure restoration projects.")
    assert "TRUMP’S SWEEPING GOALS\n\nIn the weeks leading up" in second.text
    assert second.text.endswith("“(The strikes are) a major gamble.”")
    # every finished paragraph of the page lands in exactly one of the two bodies
    for line in seed["002"].splitlines():
        line = line.strip()
        if line.endswith((".", ".”")) and not line.startswith("•"):
            assert (line in first.text) != (line in second.text), line
    assert not set(sentences(first.text)) & set(sentences(second.text))


def test_glued_page_chrome_is_gone(seed: dict[str, str]) -> None:
    for article in extract_text(seed["002"], "002.txt", {}):
        lines = article.text.split("\n\n")
        for chrome in ("Short Url", "Follow", "HIGHLIGHTS", article.title):
            assert chrome not in lines
        assert not any(line.startswith("Updated") for line in lines)
        assert "•" not in article.text and "(Reuters)" not in article.text
    first, second = extract_text(seed["002"], "002.txt", {})
    # the lead bullet repeated a body sentence: that sentence is there once, as body
    assert first.text.count("KCNA said the two sides discussed expanding cooperation") == 1
    assert second.text.count("Experts caution that the unfolding conflict") == 1
    assert "Diplomatic efforts with Iran fail" not in second.text  # a HIGHLIGHTS teaser


def test_brief_is_one_article_with_its_section_headings(seed: dict[str, str]) -> None:
    (article,) = extract_text(seed["000"], "000.txt", {})
    assert article.title == "High-Level Talks in Pyongyang"
    assert "\n\nScope of the Agreement and Troop Deployment Implications\n\n" in article.text
    assert article.text.startswith("On 6 November")
    assert article.text.endswith("via the DPRK link.")


# ------------------------------------------------------------ invented dumps

WIRE_DUMP = """\
Home | World | Business | Sport

Port workers walk out over pay in three cities

By Jane Doe, Reuters
Posted: 3 March 2025 14:05 GMT
Share on Facebook

LONDON, March 3 (Reuters) - Dock workers walked out at three ports on Monday after talks on pay broke down.

Advertisement

The union said the strike would last a week. Operators said cargo would be diverted.

Photo: A crane stands idle at the port. Credit: Example Pictures

Related stories
• Shipping rates climb as strikes spread
• Ministers urge calm

Talks are due to resume on Friday, the union said.


Flood warnings issued as river rises near capital

Jane Roe
Published 4 March 2025
Copy link

PARIS (AFP) - Authorities issued flood warnings on Tuesday as the river rose above its banks.

WHAT RESIDENTS SHOULD DO

Residents of low-lying streets were told to move cars and valuables. Shelters opened in two schools.
"""


def test_wire_dump_splits_and_keeps_dates_bylines_and_datelines() -> None:
    strike, flood = extract_text(WIRE_DUMP, "dump.txt", {})
    assert strike.title == "Port workers walk out over pay in three cities"
    assert strike.published == "2025-03-03T14:05:00+00:00"
    assert strike.author == "Jane Doe"
    assert strike.outlet == "Reuters"  # from the dateline's agency
    assert strike.text.startswith("LONDON, March 3 (Reuters) - Dock workers")
    assert strike.text.endswith("Talks are due to resume on Friday, the union said.")
    for chrome in ("Advertisement", "Photo:", "Related stories", "Shipping rates", "Share"):
        assert chrome not in strike.text
    assert flood.title == "Flood warnings issued as river rises near capital"
    assert flood.published == "2025-03-04" and flood.outlet == "AFP"
    assert "WHAT RESIDENTS SHOULD DO\n\nResidents of low-lying streets" in flood.text
    assert flood.author == "Jane Roe"  # a bare name under the headline is its byline
    assert flood.text.startswith("PARIS (AFP) - Authorities") and "Copy link" not in flood.text


LINE_DUMP = """\
Drought forces farmers to sell cattle early
NAIROBI (AP) — Farmers across the region are selling cattle months early as a third dry season sets in.
Prices at markets have halved since January, traders said.
WHY THE RAINS FAILED
Forecasters blame a cooling of ocean waters for the weak rains.
Aid groups ask for help
Aid agencies appealed for funds on Wednesday. They said stocks would run out by June.
Election commission sets date for runoff vote
LIMA (Reuters) — The election commission said on Thursday the runoff would be held on June 7.
Both candidates welcomed the decision.
"""


def test_one_paragraph_per_line_splits_only_at_datelined_headlines() -> None:
    drought, vote = extract_text(LINE_DUMP, "lines.txt", {})
    assert drought.title == "Drought forces farmers to sell cattle early"
    paragraphs = drought.text.split("\n\n")
    assert paragraphs[0].startswith("NAIROBI (AP) — Farmers")
    assert "WHY THE RAINS FAILED" in paragraphs and "Aid groups ask for help" in paragraphs
    assert vote.title == "Election commission sets date for runoff vote"
    assert vote.text.endswith("Both candidates welcomed the decision.")
    assert vote.outlet == "Reuters" and vote.extra["dateline"] == "LIMA"


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    wrapped = (
        "Bridge reopens after repairs\n\nUpdated 12 May 2024\n\n"
        "The city's main bridge reopened to traffic on Sunday after eight months\n"
        "of repairs that cost more than expected, officials said at a ceremony\n"
        "attended by residents and business owners from both banks.\n\n"
        "Tolls will be waived until the end of the month.\n"
    )
    (article,) = extract_text(wrapped, "wrapped.txt", {})
    assert article.published == "2024-05-12"
    first, second = article.text.split("\n\n")
    assert "eight months of repairs" in first and "\n" not in first
    assert second == "Tolls will be waived until the end of the month."


def test_reprinted_headline_starts_an_article_and_is_dropped() -> None:
    text = (
        "Ceasefire holds on first day\n\nOfficials reported no violations overnight.\n\n\n"
        "Rail strike called off\n\nRail strike called off\n\nUnions accepted the offer late."
    )
    first, second = extract_text(text, "t.txt", {})
    assert (first.title, second.title) == ("Ceasefire holds on first day", "Rail strike called off")
    assert second.text == "Unions accepted the offer late."


def test_relative_stamp_needs_a_reference_time() -> None:
    text = "Storm makes landfall on coast\nUpdated 3 hours ago\nThe storm came ashore at dawn."
    (dated,) = extract_text(text, "t.txt", {"fetched": "2025-06-01T12:00:00+00:00"})
    assert dated.published == "2025-06-01T09:00:00+00:00"
    (undated,) = extract_text(text, "t.txt", {})
    assert undated.published is None


@pytest.mark.parametrize(
    ("stamp", "iso"),
    [
        ("Updated: Nov. 7, 2025 at 3:04 p.m. ET", "2025-11-07T15:04:00-05:00"),
        ("Fri 7 Nov 2025 14.05 GMT", "2025-11-07T14:05:00+00:00"),
        ("Published 07.11.2025", "2025-11-07"),
        ("Last updated on 2025-11-07T09:30:00Z", "2025-11-07T09:30:00+00:00"),
        ("Updated Nov 7", None),  # a stamp, but no year: no date
    ],
)
def test_stamp_dates(stamp: str, iso: str | None) -> None:
    (article,) = extract_text(f"Storm makes landfall\n{stamp}\nThe storm came ashore.", "t", {})
    assert article.published == iso and article.text == "The storm came ashore."


def test_repeating_bullet_goes_but_a_list_stays() -> None:
    text = (
        "Council approves new budget\n\n"
        "• The council approved the budget by nine votes to four\n\n"
        "The council approved the budget by nine votes to four. It funds:\n\n"
        "• two new clinics\n• a bus depot\n"
    )
    (article,) = extract_text(text, "t.txt", {})
    assert article.text.count("nine votes to four") == 1
    assert article.text.endswith("• two new clinics\n\n• a bus depot")


# ------------------------------------------------------------ Markdown

MARKDOWN = """\
---
title: Not the headline
date: 2025-03-02
---

# Port strike halts shipping along the coast

*By Jane Roe* | Published 2 March 2025

![Dockers at the gate](https://example.org/img.jpg)

Dock workers walked out on **Sunday**, halting [container traffic](https://example.org/x)
at three ports.

## What the union wants

The union is asking for a raise over two years.

## Reaction

- Shipping lines rerouted vessels.
"""


def test_markdown_title_sections_and_inline_markup() -> None:
    (article,) = extract_text(MARKDOWN, "a.md", {}, markdown=True)
    assert article.title == "Port strike halts shipping along the coast"
    assert article.author == "Jane Roe" and article.published == "2025-03-02"
    assert article.text.split("\n\n") == [
        "Dock workers walked out on Sunday, halting container traffic at three ports.",
        "What the union wants",
        "The union is asking for a raise over two years.",
        "Reaction",
        "- Shipping lines rerouted vessels.",
    ]


def test_markdown_top_headings_start_articles() -> None:
    text = "# First story here\n\nBody one is here.\n\n# Second story here\n\nBody two is here.\n"
    articles = extract_text(text, "b.md", {}, markdown=True)
    assert [(a.title, a.text) for a in articles] == [
        ("First story here", "Body one is here."),
        ("Second story here", "Body two is here."),
    ]


# ------------------------------------------------------------ no title, no text


def test_plain_paragraph_without_title_is_one_untitled_article() -> None:
    text = "Officials said on Monday that the talks would resume next week in the capital."
    (article,) = extract_text(text, "p.txt", {"url": "https://example.org/a"})
    assert article.title is None  # no title is invented from the first sentence
    assert article.text == text and article.id == article_id("https://example.org/a", text)
    (titled,) = extract_text(text, "p.txt", {"title": "From the feed"})
    assert titled.title == "From the feed"


@pytest.mark.parametrize(
    "text", ["", "   \n\t\n", "Share\nFollow\nUpdated 6 sec ago\nAdvertisement"]
)
def test_no_article_text_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError) as err:
        extract_text(text, "empty.txt", {})
    assert err.value.source == "empty.txt"


def test_articles_are_article_objects_in_order() -> None:
    articles = extract_text(WIRE_DUMP, "dump.txt", {"url": "https://example.org/page"})
    assert all(isinstance(a, Article) and a.url == "https://example.org/page" for a in articles)
    assert len({a.id for a in articles}) == len(articles)  # a shared page URL cannot name both
    windows = extract_text(WIRE_DUMP.replace("\n", "\r\n"), "dump.txt", {"url": articles[0].url})
    assert [a.to_dict() for a in windows] == [a.to_dict() for a in articles]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Short Url", LineKind.CHROME),
        ("Follow us on X", LineKind.CHROME),
        (
            "Sign up for our free morning briefing with the day's top stories in your inbox",
            LineKind.CHROME,
        ),
        ("Updated 07 November 2025", LineKind.DATE),
        ("HIGHLIGHTS", LineKind.TEASER_LABEL),
        ("Soldiers march in the capital, (Reuters)", LineKind.CREDIT),
        ("Rescuers search the rubble. (AP Photo/Jane Doe)", LineKind.CREDIT),
        ("A view of the harbour. Getty Images", LineKind.CREDIT),
        ("By Jane Doe and John Roe | AP", LineKind.BYLINE),
        ("By Thursday, officials expect a deal.", LineKind.TEXT),
        ("Related talks are planned for next week.", LineKind.TEXT),
        ("Updated figures were released on Monday by the ministry.", LineKind.TEXT),
    ],
)
def test_classify_line(line: str, kind: LineKind) -> None:
    assert classify_line(line).kind is kind


def test_users_extend_the_vocabulary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "chrome.csv"
    extra.write_text("# my sites\nrole,phrase\nlabels,Jetzt teilen\nteaser_labels,Mehr zum Thema\n")
    assert classify_line("Jetzt teilen").kind is LineKind.TEXT
    monkeypatch.setenv(CHROME_FILE_ENV, str(extra))
    assert classify_line("Jetzt teilen").kind is LineKind.CHROME
    assert classify_line("Mehr zum Thema").kind is LineKind.TEASER_LABEL
    assert classify_line("Short Url").kind is LineKind.CHROME  # the shipped words stay
    extra.write_text("role,phrase\nlabel,Jetzt teilen\n")
    with pytest.raises(InputError, match="role 'label' is not one of"):
        load_vocabulary(extra)
