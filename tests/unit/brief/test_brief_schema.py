"""One brief schema: the JSON and the web API's models both come from brief.model's dataclasses."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from sitrep.brief import (
    ActorEntry,
    Brief,
    BriefItem,
    NumberPoint,
    NumberSeries,
    RelatedEntry,
    SourceEntry,
    TimelineEntry,
    brief_to_json,
)
from sitrep.reconcile.claims import Citation, Discrepancy, QuantityClaim, RoleClaim, Voice
from sitrep.web.schemas import BriefOut, TimelineEntryOut
from sitrep.web.timeline import TimelineRow

CITE = Citation("a1", 0, 12)
SENTENCE = Citation("a1", 0, 40)


def _claim(value: float, outlet: str) -> QuantityClaim:
    return QuantityClaim(CITE, SENTENCE, f"about {value:g} people", Voice("Police", attributed=True),
                         outlet, "2031-05-02T10:00:00Z", outlet_name=outlet.upper(),
                         value_text=f"about {value:g}", value=value, low=value * 0.9,
                         high=value * 1.1, counted="people", counted_class="people")


def _brief() -> Brief:
    item = BriefItem("Forty people were evacuated.", [CITE], sources=2, corroborated=True)
    role = RoleClaim(CITE, SENTENCE, "the mayor, Ana Ruiz", Voice("Daily"), "daily", None,
                     entity_id="e1", name="Ana Ruiz", role="mayor")
    return Brief(
        story="s1", title="Flood", summary=[item],
        facts=[BriefItem("Roads closed.", [CITE], new=True)],
        actors=[ActorEntry("e1", "Ana Ruiz", "PERSON", ["mayor"], [CITE], mentions=3,
                           articles=2)],
        timeline=[TimelineEntry("Rain began.", [CITE], date="2031-05-01", inferred=True)],
        numbers=[NumberSeries("40 people", [CITE], about="people evacuated", developing=True,
                              points=[NumberPoint("40", 40.0, None, "2031-05-02", "Police",
                                                  CITE, new=True)])],
        discrepancies=[Discrepancy("quantity_conflict", "people evacuated",
                                   [_claim(40, "daily"), _claim(90, "wire"), role],
                                   "Daily says 40, Wire says 90.")],
        related=[RelatedEntry("s2", "Storm")],
        sources=[SourceEntry("a1", "Daily", "Flood", None, "2031-05-02", 1.0)],
        since="2031-05-01", texts={"a1": "x" * 40})


def test_json_follows_the_field_metadata() -> None:
    data = brief_to_json(_brief())
    assert "texts" not in data and "articles" not in data["actors"][0]
    assert data["timeline"][0]["date_inferred"] is True and "inferred" not in data["timeline"][0]
    assert "new" not in data["summary"][0] and data["facts"][0]["new"] is True
    point = data["numbers"][0]["values"][0]
    assert point["article"] == "a1" and point["end"] == 12 and "citation" not in point
    claims = data["discrepancies"][0]["claims"]
    assert claims[0]["value"] == 40 and claims[0]["unit"] == "people"
    assert claims[0]["citation"] == {"article": "a1", "start": 0, "end": 12}
    assert claims[0]["outlet"] == "DAILY" and claims[0]["as_of"] == "2031-05-02"
    assert claims[2]["value"] is None and claims[2]["value_text"] == "mayor"
    assert data["discrepancies"][0]["conflict"] is True


def _undeclared(model: type[BaseModel], data: Any, path: str = "") -> list[str]:
    """Keys of ``data`` that ``model`` does not declare, at any depth."""
    out = []
    for key, value in data.items():
        field = model.model_fields.get(key)
        if field is None:
            out.append(path + key)
            continue
        inner = field.annotation
        args = getattr(inner, "__args__", ())
        sub = next((a for a in (inner, *args) if isinstance(a, type)
                    and issubclass(a, BaseModel)), None)
        items = value if isinstance(value, list) else [value]
        if sub is not None:
            for item in items:
                if isinstance(item, dict):
                    out += _undeclared(sub, item, f"{path}{key}.")
    return out


def test_api_model_declares_every_json_field_and_accepts_it() -> None:
    data = brief_to_json(_brief())
    assert _undeclared(BriefOut, data) == []
    assert BriefOut.model_validate(data).model_dump(exclude_unset=True) == data


def test_timeline_model_is_the_timeline_row() -> None:
    row = TimelineRow("2031-05-01", "CONSULT", "asserted", "They met.", "a1", 0, 9,
                      ["Ana Ruiz"], "Flood", "Daily", ["CONSULT"])
    from sitrep.brief.render_json import to_json

    data = to_json(row)
    assert _undeclared(TimelineEntryOut, data) == []
    assert set(TimelineEntryOut.model_fields) == set(data)
