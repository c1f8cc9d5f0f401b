"""Clock times and street addresses as story terms, from the times layer and the text:
not from the quantities layer, which reads neither as a figure."""

from __future__ import annotations

from sitrep.models import Annotations, TimeExpr
from sitrep.stories.features import addresses, occurrences
from tests.support.store import make_article


def _terms(text: str, ann: Annotations, kind: str) -> list[str]:
    return [term for _, term, k in occurrences(make_article(text), ann) if k == kind]


def test_a_time_of_day_is_a_term_on_its_date() -> None:
    text = "The fire started at 4 a.m. on Sunday and burned until noon on Monday."
    at = text.index("4 a.m.")
    sunday = TimeExpr(at, at + len("4 a.m. on Sunday"), "4 a.m. on Sunday", "TIME",
                      "2025-03-09T04:00")
    monday = TimeExpr(text.index("Monday"), len(text) - 1, "Monday", "DATE", "2025-03-10")
    assert _terms(text, Annotations(times=[sunday, monday]), "k") == ["k:2025-03-09T04:00"]


def test_a_recurring_time_of_day_is_no_term() -> None:
    text = "Doors open at 7 p.m. every night."
    at = text.index("7 p.m.")
    clock = TimeExpr(at, at + 6, "7 p.m.", "TIME", "TNI")
    assert _terms(text, Annotations(times=[clock]), "k") == []


def test_a_hundred_block_names_its_street_however_abbreviated() -> None:
    assert [t for _, t in addresses("Crews repaved the 300 block of Birch Avenue.")] \
        == ["a:300_birch"]
    assert [t for _, t in addresses("Officers closed the 300 block of Birch Ave. overnight.")] \
        == ["a:300_birch"]


def test_a_house_number_needs_a_street_word() -> None:
    assert [t for _, t in addresses("The crash outside 2215 Lakeview Drive left two hurt.")] \
        == ["a:2215_lakeview"]
    assert addresses("In 2019 Volvo recalled 40 Trucks in Sweden.") == []


def test_a_number_after_a_slash_is_no_house_number() -> None:
    # a photo gallery's counter, a date, a ratio: the street word after them is chrome
    assert addresses("Slide 2 of / 9 Caption Close and the 9/12 Harbor Court hearing") == []
    assert [t for _, t in addresses("Slides 2/9: smoke over 410 Harbor Court.")] \
        == ["a:410_harbor"]


def test_addresses_come_from_the_text_without_annotations_of_quantities() -> None:
    text = "A van was towed from the 2300 block of Cedar Lane on Tuesday."
    assert _terms(text, Annotations(), "a") == ["a:2300_cedar"]


def test_a_shared_time_and_address_read_as_such_in_reasons() -> None:
    from sitrep.stories.reasons import _reason

    assert (_reason("k:2025-03-09T04:00", 2, {}).kind,
            _reason("k:2025-03-09T04:00", 2, {}).label) == ("time", "2025-03-09 04:00")
    assert (_reason("a:300_birch", 3, {}).kind, _reason("a:300_birch", 3, {}).label) \
        == ("address", "300 birch")


def test_an_undated_time_of_day_is_a_term_by_its_hour() -> None:
    # the times layer gives a time of day on no known day TimeML's underspecified date
    text = "The first bus left at 6: 00 p.m., and the last one at 8.40pm."
    first, second = text.index("6: 00"), text.index("8.40pm")
    times = [TimeExpr(first, first + 10, "6: 00 p.m.", "TIME", "XXXX-XX-XXT18:00"),
             TimeExpr(second, second + 6, "8.40pm", "TIME", "XXXX-XX-XXT20:40")]
    assert _terms(text, Annotations(times=times), "k") == ["k:18:00", "k:20:40"]


def test_a_time_the_times_layer_did_not_resolve_is_no_term() -> None:
    # the clock is read from the times layer's value, not parsed again from the text
    text = "Doors open at 7 p.m. sharp."
    at = text.index("7 p.m.")
    assert _terms(text, Annotations(times=[TimeExpr(at, at + 6, "7 p.m.", "TIME", None)]),
                  "k") == []


def test_clock_and_address_terms_are_no_markers() -> None:
    from sitrep.stories.happening import MARKERS

    text = "A fire broke out at 9 p.m. on the 400 block of Pine Street."
    at = text.index("9 p.m.")
    ann = Annotations(times=[TimeExpr(at, at + 6, "9 p.m.", "TIME", "2025-06-01T21:00")])
    terms = _terms(text, ann, "k") + _terms(text, ann, "a")
    assert terms == ["k:2025-06-01T21:00", "a:400_pine"]
    assert not any(t.startswith(MARKERS) for t in terms)
