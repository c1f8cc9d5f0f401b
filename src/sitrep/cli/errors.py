"""The command line's words for library errors: the flags and commands that fix them.

Library messages say what went wrong and what to change in general terms; an
error's ``hint`` key names the setting or next step, said here as a flag or a
command (the web app says the same things in its own words, see sitrep.web.errors).
"""

from __future__ import annotations

from sitrep.errors import InputError, SitrepError, one_line

HINTS = {
    "max_chars": "the limit is set with --max-chars",
    "max_bytes": "the limit is set with --max-bytes",
    "fetch": "pass --fetch to read URLs",
    "db": "--db takes a store file path or a postgresql:// URL",
    "engine_address": "pass --address with --engine ray",
    "smtp_host": "the command line takes it as --smtp-host",
    "watch_rules": "give --entity, --words, --outlet or --story",
    "list_stories": "list them with: sitrep stories",
    "list_articles": "list the ids with: sitrep export articles --db DB --format jsonl",
    "assign_stories": "run: sitrep story assign",
}


def with_hint(text: str, err: SitrepError) -> str:
    """``text`` followed by what the CLI offers for the error's hint, if any."""
    hint = HINTS.get(err.hint or "")
    return f"{text}; {hint}" if hint else text


def describe(err: SitrepError) -> str:
    """The error as one line for stderr (an input's name first)."""
    text = err.line() if isinstance(err, InputError) else one_line(str(err))
    return with_hint(text, err)
