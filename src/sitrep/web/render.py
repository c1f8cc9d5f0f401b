"""What every page handler shares: rendering a template and reading its query."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from sitrep.errors import InvalidInput
from sitrep.render.safe import csv_cell

PAGE = 30  # list rows per page
MAX_PAGE = 100_000
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status)
    return response


def csv_response(rows: Sequence[Mapping[str, object]], name: str) -> Response:
    """``rows`` as a CSV download (the keys of the first row are the header); cells that
    a spreadsheet would run as a formula are quoted (see ``render.safe``)."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}"'})


def page_number(value: str | None) -> int:
    """A page number from the query (1 when absent); InvalidInput (422) otherwise."""
    text = (value or "").strip()
    if not text:
        return 1
    if not text.isdigit() or not 1 <= int(text) <= MAX_PAGE:
        raise InvalidInput(f"“{value}” is not a page number: use 1 to {MAX_PAGE}.")
    return int(text)


def form_day(value: str | None, name: str) -> str | None:
    """An ISO day from a form field (empty: None); InvalidInput (422) when malformed."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        if not _DAY.match(text):
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidInput(f"“{value}” is not a date for {name}: use YYYY-MM-DD, "
                           "for example 2025-03-14.") from None
