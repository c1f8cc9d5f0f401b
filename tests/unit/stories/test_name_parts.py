"""A company named in full by one outlet and by its short name by another (issue 13g)."""

from __future__ import annotations

from sitrep.models import Annotations, EntityMention, stable_id
from sitrep.stories import DEFAULT_TUNING as TUNING
from sitrep.stories.assign import anchor_factor
from sitrep.stories.features import ANCHORS, profile
from sitrep.stories.linking import part_ids, story_id
from tests.support.store import make_article


def _mention(name: str, text: str, kind: str = "ORG") -> EntityMention:
    start = text.index(name)
    return EntityMention(start=start, end=start + len(name), text=name, type=kind,
                         entity_id=stable_id("raw", name), name=name)


def _terms(text: str, name: str) -> dict[str, float]:
    ann = Annotations(entities=[_mention(name, text)])
    # the headline writes no word of the name: no title word stands for it (features.PROPER)
    title = " ".join(w for w in text.lower().split() if w not in name.lower().split())
    return profile(make_article(text, title=title), ann).terms


def test_the_parts_of_a_name_are_its_opening_and_closing_runs() -> None:
    full = _mention("Vantor Ferry Lines", "Vantor Ferry Lines said")
    alone = _mention("Vantor", "Vantor said")
    assert story_id(alone) in part_ids(full)
    assert story_id(_mention("Ferry Lines", "Ferry Lines said")) in part_ids(full)
    assert part_ids(alone) == []  # one word: nothing shorter
    assert part_ids(_mention("Ada Vantor", "Ada Vantor said", "PERSON")) == []


def test_a_short_name_shares_an_anchor_with_the_full_name() -> None:
    full = _terms("Vantor Ferry Lines turned away two riders at the quay.", "Vantor Ferry Lines")
    short = _terms("Riders were turned away by Vantor at the quay on Sunday.", "Vantor")
    anchors = {t for t in short if t.startswith(ANCHORS)}
    assert anchor_factor(anchors, full, TUNING, None, short) == 1.0
    back = {t for t in full if t.startswith(ANCHORS)}
    assert anchor_factor(back, short, TUNING, None, full) == 1.0
    assert anchor_factor(anchors, full, TUNING) == TUNING.no_anchor  # not judged without own


def test_two_names_sharing_only_a_part_share_no_anchor() -> None:
    one = _terms("Elwin Harbour Board met on the quay.", "Elwin Harbour Board")
    two = _terms("Elwin Rail Board met at the depot.", "Elwin Rail Board")
    anchors = {t for t in one if t.startswith(ANCHORS)}
    assert anchor_factor(anchors, two, TUNING, None, one) == TUNING.no_anchor
