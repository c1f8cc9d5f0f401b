"""``sitrep brief STORY``: a story's sourced brief as JSON, Markdown or HTML."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from sitrep.cli.options import config_option, db_option, open_store, output_option

RENDERINGS = ("json", "md", "html")


def render_brief(brief: object, fmt: str) -> str:
    from sitrep.brief import Brief, brief_to_html, brief_to_json, brief_to_markdown

    assert isinstance(brief, Brief)
    if fmt == "json":
        return json.dumps(brief_to_json(brief), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return brief_to_markdown(brief)
    return brief_to_html(brief)


@click.command("brief")
@click.argument("story")
@db_option
@click.option("--format", "fmt", type=click.Choice(RENDERINGS), default="md", show_default=True)
@click.option(
    "--since",
    metavar="DATE",
    default=None,
    help="Mark and keep what is new since DATE (ISO 8601): what changed.",
)
@config_option
@output_option
def brief_cmd(
    story: str,
    db: str | None,
    fmt: str,
    since: str | None,
    output: Path | None,
) -> None:
    """The sourced brief of STORY (an id from `sitrep stories`)."""
    from sitrep.brief.stored import brief_for_story
    from sitrep.extract.published import normalise_published

    if since is not None and normalise_published(since) is None:
        raise click.BadParameter(
            f"'{since}' is not a date; give e.g. 2025-11-06", param_hint="--since"
        )
    with open_store(db) as store:  # the settings' [brief] section (--config) shapes it
        brief = brief_for_story(store, story, since=normalise_published(since))
    text = render_brief(brief, fmt)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
