"""The brief as the JSON of the command-line contract (DESIGN.md), with extra fields.

The JSON is derived from the dataclasses of brief.model, field by field, as
their ``metadata`` says (see that module); nothing here names a field.
"""

from __future__ import annotations

from dataclasses import Field, fields, is_dataclass
from functools import cache
from typing import Any

from sitrep.brief.model import Brief, DiscrepancyView
from sitrep.reconcile.records import Discrepancy


@cache
def _plan(cls: type) -> tuple[tuple[str, str | None, Any, bool, bool], ...]:
    """(attribute, JSON name or None, view, omit when false, flatten) per field of ``cls``."""
    return tuple((f.name, json_name(f), f.metadata.get("view"),
                  bool(f.metadata.get("omit_false")), bool(f.metadata.get("flatten")))
                 for f in fields(cls))


def json_name(f: Field[Any]) -> str | None:
    """The field's name in the JSON; None when it is left out."""
    name: str | None = f.metadata.get("json", f.name)
    return name


def to_json(value: Any) -> Any:
    """``value`` as plain JSON data: dataclasses by their fields' metadata, lists and
    dicts item by item, anything else as it is."""
    if is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for attr, name, view, omit_false, flatten in _plan(type(value)):
            if name is None:
                continue
            item = getattr(value, attr)
            if view is not None:
                item = [view.of(v) for v in item] if isinstance(item, list) else view.of(item)
            if omit_false and not item:
                continue
            if flatten:
                out.update(to_json(item))
            else:
                out[name] = to_json(item)
        return out
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def discrepancy_to_json(d: Discrepancy) -> dict[str, Any]:
    data: dict[str, Any] = to_json(DiscrepancyView.of(d))
    return data


def brief_to_json(brief: Brief) -> dict[str, Any]:
    data: dict[str, Any] = to_json(brief)
    return data
