"""The brief as the JSON of the command-line contract (DESIGN.md), with extra fields.

The JSON is derived from the dataclasses of brief.model, field by field, as
their ``metadata`` says (see that module); nothing here names a field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import Field, fields, is_dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

from sitrep.brief.model import Brief, DiscrepancyView
from sitrep.reconcile.claims import Discrepancy


def json_name(f: Field[Any]) -> str | None:
    """The field's name in the JSON; None when it is left out."""
    name: str | None = f.metadata.get("json", f.name)
    return name


Writer = Callable[[Any], Any]
_PLAIN = frozenset({str, int, float, bool, type(None)})
_AS_IS, _IF_TRUE, _FLAT = 0, 1, 2  # how a field is written
_WRITERS: dict[type, Writer | None] = {}  # per type, made on first use


def to_json(value: Any) -> Any:
    """``value`` as plain JSON data: dataclasses by their fields' metadata, lists and
    dicts item by item, anything else as it is."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        return [to_json(v) for v in value]
    if kind is dict:
        return {k: to_json(v) for k, v in value.items()}
    if kind not in _WRITERS:
        _WRITERS[kind] = _writer(kind)
    write = _WRITERS[kind]
    return value if write is None else write(value)


def _is_plain(tp: Any) -> bool:
    """A type whose values are JSON as they are (str, numbers, None, lists of them)."""
    if tp in _PLAIN:
        return True
    args = get_args(tp)
    return bool(args) and get_origin(tp) in (list, Union, UnionType) and all(map(_is_plain, args))


def _writer(kind: type) -> Writer | None:
    """The function writing a dataclass of type ``kind`` (None for other types),
    planned once per type from its fields' types and metadata."""
    if not is_dataclass(kind):
        return None
    try:
        hints = get_type_hints(kind)
    except NameError:  # a type named only for type checkers: convert every field
        hints = {}
    plan = []
    for f in fields(kind):
        name = json_name(f)
        if name is None:
            continue
        view = f.metadata.get("view")
        convert: Writer | None = None
        if view is not None:
            convert = lambda v, view=view: to_json(  # noqa: E731
                [view.of(x) for x in v] if isinstance(v, list) else view.of(v))
        elif not _is_plain(hints.get(f.name)):
            convert = to_json
        how = (_FLAT if f.metadata.get("flatten") else
               _IF_TRUE if f.metadata.get("omit_false") else _AS_IS)
        plan.append((name, f.name, convert, how))

    def write(obj: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, attr, convert, how in plan:
            value = getattr(obj, attr)
            if how == _IF_TRUE and not value:
                continue
            if convert is not None:
                value = convert(value)
            if how == _FLAT:
                out.update(value)
            else:
                out[name] = value
        return out

    return write


def discrepancy_to_json(d: Discrepancy) -> dict[str, Any]:
    data: dict[str, Any] = to_json(DiscrepancyView.of(d))
    return data


def brief_to_json(brief: Brief) -> dict[str, Any]:
    data: dict[str, Any] = to_json(brief)
    return data
