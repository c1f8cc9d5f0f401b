"""The error tree: one home, codes, no CLI flags in library messages, mapped at each edge."""

from __future__ import annotations

import ast
import inspect
import re
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import sitrep
from sitrep import errors
from sitrep.cli.errors import HINTS, describe
from sitrep.errors import InputError, NotFoundError, SitrepError, StoreError
from sitrep.web import WebSettings, create_app
from sitrep.web.errors import status_of

SRC = Path(sitrep.__file__).parent
_CLI_WORDS = re.compile(r"(?:^|\s)--[a-z]|\bsitrep (?:stories|story|export|brief|ingest|serve)\b")


def _error_classes() -> list[type[BaseException]]:
    return [c for _, c in inspect.getmembers(errors, inspect.isclass)
            if issubclass(c, BaseException) and c.__module__ == errors.__name__]


def test_every_exception_class_lives_in_errors_py() -> None:
    for path in SRC.rglob("*.py"):
        if path.name == "errors.py" and path.parent == SRC:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(b) for b in node.bases}
                assert not any(b.endswith(("Error", "Exception")) for b in bases), \
                    f"{path.relative_to(SRC)}: exception class {node.name}"


def test_each_error_has_its_own_code_and_advice() -> None:
    library: list[type[SitrepError]] = [
        c for c in _error_classes() if issubclass(c, SitrepError)]
    codes = [c.code for c in library]
    assert len(library) >= 8 and len(set(codes)) == len(codes), codes
    assert all(c.advice and c.__doc__ for c in library)
    assert all(c.__name__ in (errors.__doc__ or "") for c in _error_classes())


def _string_constants(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant)
            and isinstance(n.value, str)]


def _error_calls(tree: ast.AST) -> list[ast.Call]:
    """Calls that make an error (``SomethingError(...)``, ``InvalidInput(...)``)."""
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call)
            and ast.unparse(n.func).split(".")[-1] in {c.__name__ for c in _error_classes()}]


def test_library_messages_name_no_cli_flag() -> None:
    """An error made outside the CLI says what to change, not which flag changes it."""
    for path in SRC.rglob("*.py"):
        if "cli" in path.relative_to(SRC).parts:
            continue  # the edge says it in its own words
        for call in _error_calls(ast.parse(path.read_text(encoding="utf-8"))):
            text = " ".join(_string_constants(call))
            assert not _CLI_WORDS.search(text), \
                f"{path.relative_to(SRC)}:{call.lineno}: {text}"


def test_cli_adds_the_flag_of_a_hint() -> None:
    err = InputError("big.txt", "article text is over the limit; raise the limit",
                     hint="max_chars")
    assert describe(err) == f"big.txt: article text is over the limit; raise the limit; " \
        f"{HINTS['max_chars']}"
    assert "--max-chars" in describe(err)
    assert describe(SitrepError("plain")) == "plain"
    assert "sitrep stories" in describe(NotFoundError("no story 'x'", hint="list_stories"))


def test_web_status_caller_errors_4xx_store_errors_5xx() -> None:
    assert status_of(NotFoundError("x")) == 404
    assert status_of(errors.InvalidInput("x")) == 422
    assert status_of(errors.BodyTooLarge(10)) == 413
    assert status_of(SitrepError("x")) == 400
    assert status_of(StoreError("x")) == 503
    assert status_of(errors.ModelError("x")) == 503


def test_store_failure_is_503_without_paths(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from sitrep.web import service

    def broken(*args: object, **kwargs: object) -> None:
        raise StoreError(f"cannot open the store {tmp_path}/secret.db: disk I/O error")

    db = tmp_path / "s.db"
    with TestClient(create_app(WebSettings(db=str(db)))) as client:
        monkeypatch.setattr(service, "story_page", broken)
        for path in ("/api/stories", "/"):
            r = client.get(path)
            assert r.status_code == 503, path
            assert str(tmp_path) not in r.text and "secret" not in r.text and "I/O" not in r.text
        assert client.get("/api/stories").json()["code"] == "store"


def test_serve_in_memory_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from sitrep.cli import main

    monkeypatch.setattr(sys, "argv", ["sitrep", "serve", "--db", ":memory:"])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sitrep: error: ") and ":memory:" in err
    assert "Traceback" not in err and "ValueError" not in err
