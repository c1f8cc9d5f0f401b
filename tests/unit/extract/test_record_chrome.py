"""Page chrome in a record's text: listed as spans, the text itself unchanged."""

from __future__ import annotations

from sitrep.extract.chrome_spans import EXTRA_KEY, chrome_spans, mask, readable
from sitrep.extract.record import record_to_article
from sitrep.models import SourceDoc

REPORT = "Firefighters saved two horses from a burning barn near Calder Ridge on Sunday."


def _blanked(line: str) -> str:
    """What is left of ``line`` once its chrome is blanked, spaces collapsed."""
    return " ".join(mask(line, chrome_spans(line)).split())


def _record(text: str, **fields: object) -> SourceDoc:
    return SourceDoc("feed.jsonl#1", "record", "", {"text": text, "title": "Barn fire", **fields})


def test_a_login_form_and_share_buttons_are_chrome() -> None:
    assert _blanked("Email Password Forgot your password?") == ""
    assert _blanked("Username Password Remember me Log in") == ""
    assert _blanked("Share this: Facebook") == ""
    assert _blanked("Twitter Facebook Print Email More") == ""
    assert _blanked("Don't have an account? Sign up") == ""
    assert _blanked("Leave a comment") == ""
    assert _blanked("Copyright 2031 Valley Courier. All rights reserved.") == ""
    assert _blanked("For more county news, listen to our morning show here:") == ""


def test_a_gallery_keeps_its_captions_prose_not_its_counters_and_credits() -> None:
    line = ("Image 4 of 12 Crews hose down the barn roof at dusk. "
            "Photo: Dana Okafor, Valley Courier")
    assert _blanked(line) == "Crews hose down the barn roof at dusk."
    assert _blanked("Photo: Dana Okafor Image 1 of / 12 Caption Close "
                    "slide_panel_show|gallery-881|gallery-881|0") == ""
    assert _blanked("A neighbour leads a horse away. View Full Caption Dana Okafor/Courier") == (
        "A neighbour leads a horse away.")
    assert _blanked("The barn had stood since 1911. (Photo: Valley Courier)") == (
        "The barn had stood since 1911.")


def test_teasers_under_a_related_label_are_chrome() -> None:
    text = (f"{REPORT}\nRelated Stories:\nCouncil delays vote on the new library\n\n"
            "Mayor opens riverside park\nThe owners thanked the crews on Monday, a neighbour "
            "said.\n")
    kept = mask(text, chrome_spans(text)).split()
    assert "library" not in kept and "park" not in kept
    assert " ".join(kept) == f"{REPORT} The owners thanked the crews on Monday, a neighbour said."


def test_prose_is_not_chrome() -> None:
    for line in (REPORT, "Six of 10 stalls were empty, the owner said.",
                 "(The owner has a picture of the barn from 1950.)",
                 "There was little left to look at here.", "04 / 11 / 2031", "Updated March 3, 2031",
                 "The source of the fire was a heater in the tack room, the chief said.",
                 "Please share your memories of the barn with the owners, a neighbour said "
                 "at the gate on Monday evening while crews left."):
        assert _blanked(line) == " ".join(line.split()), line


def test_a_record_lists_its_chrome_and_keeps_its_text() -> None:
    text = f"Email Password Forgot your password?\n\n{REPORT}\n\nShare this: Facebook\nTwitter"
    article = record_to_article(_record(text))
    assert article.text == text  # offsets a caller computed on the record still hold
    spans = article.extra[EXTRA_KEY]
    assert [text[a:b] for a, b in spans] == [
        "Email Password Forgot your password?", "Share this: Facebook", "Twitter"]
    seen = readable(article)
    assert len(seen) == len(text) and seen.strip().startswith(REPORT)
    assert "Password" not in seen and "Facebook" not in seen


def test_a_reingested_export_gets_its_spans_from_the_text() -> None:
    exported = _record(REPORT, chrome_spans=[[0, 11]])  # a stale or foreign list
    article = record_to_article(exported)
    assert EXTRA_KEY not in article.extra and readable(article) == REPORT
    again = record_to_article(_record(f"Print\n{REPORT}", chrome_spans=[[0, 11]]))
    assert again.extra[EXTRA_KEY] == [[0, 5]]
