"""schemathesis against ``/api/openapi.json`` on both backends, bounded: no 500 and no
status the schema does not document.

``SITREP_API_FUZZ_EXAMPLES`` examples per operation (default 10). Drives the app in
process (ASGI), on a real store of each backend.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.pipeline import IngestOptions, ingest
from sitrep.store import open_store
from sitrep.web import WebSettings, create_app
from tests.support.cli import short_records, write_jsonl

schemathesis = pytest.importorskip("schemathesis")

EXAMPLES = int(os.environ.get("SITREP_API_FUZZ_EXAMPLES", "10"))


def _failures(db: str) -> list[str]:
    from hypothesis import HealthCheck, Phase, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import status_code_conformance

    app = create_app(WebSettings(db=db, annotate=False))
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    found: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate],
                  suppress_health_check=list(HealthCheck))
        def call(case: object) -> None:
            case.call_and_validate(  # type: ignore[attr-defined]
                checks=[not_a_server_error, status_code_conformance])

        try:
            call()
        except (Exception, BaseExceptionGroup) as err:  # collected: every failing operation
            lines = [ln.strip() for ln in str(err).splitlines()]
            said = [ln for ln in lines if ln.startswith(("- ", "Received", "`{"))][:3]
            found.append(f"{operation.method.upper()} {operation.path}: {' '.join(said)[:300]}")
    return found


def test_no_server_error_nor_undocumented_status(store_db: str, tmp_path: Path,
                                                 voa_corpus: Path) -> None:
    if store_db == ":memory:":
        pytest.skip("the app opens its own connections: a file or server store")
    with open_store(store_db) as store:
        ingest([write_jsonl(tmp_path / "voa.jsonl", short_records(voa_corpus, 6))], store,
               IngestOptions(annotate=False))
    assert _failures(store_db) == []
