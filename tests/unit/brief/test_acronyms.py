"""Acronyms and the names they stand for."""

from __future__ import annotations

import pytest

from sitrep.brief.acronyms import is_acronym, stands_for, with_acronym


@pytest.mark.parametrize("text", ["FBI", "U.N.", "TfL", "RAIB", "NATO"])
def test_acronyms(text: str) -> None:
    assert is_acronym(text)


@pytest.mark.parametrize("text", ["Apple", "iOS", "A", "Transport for London", "NORTHWEST"])
def test_not_acronyms(text: str) -> None:
    assert not is_acronym(text)


@pytest.mark.parametrize(("short", "name"), [
    ("TfL", "Transport for London"),  # initials of every word
    ("FBI", "Federal Bureau of Investigation"),  # initials of the capitalised words
    ("U.N.", "United Nations"),
])
def test_stands_for(short: str, name: str) -> None:
    assert stands_for(short, name)


@pytest.mark.parametrize(("short", "name"), [
    ("UN", "Union"),  # one word has no initials to spell
    ("FBI", "Federal Reserve"),
    ("CEO", "Chief Executive"),
])
def test_does_not_stand_for(short: str, name: str) -> None:
    assert not stands_for(short, name)


def test_with_acronym_writes_it_once_without_dots() -> None:
    assert with_acronym("United Nations", "U.N.") == "United Nations (UN)"
    assert with_acronym("TfL Rail", "TfL") == "TfL Rail"
