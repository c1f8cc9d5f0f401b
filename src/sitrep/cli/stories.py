"""The story commands: ``sitrep stories``, ``sitrep show STORY`` and
``sitrep story move|merge|split|pin|unpin|assign|recheck``; thin layers over sitrep.stories.

sitrep.cli registers them with :func:`register_story_commands`.
"""

from __future__ import annotations

import json
import sys

import click

from sitrep import config
from sitrep.cli.options import db_option, open_store


def _dates(first: str | None, last: str | None) -> str:
    if not first:
        return ""
    return first if first == last or not last else f"{first} – {last}"


@click.command("stories")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True)
def stories_cmd(db: str | None, limit: int, fmt: str) -> None:
    """List the stories, most recently active first."""
    from itertools import islice

    from sitrep.stories import iter_story_records

    with open_store(db) as store:
        records = list(islice(iter_story_records(store, related=False), limit))
    if fmt == "jsonl":
        for r in records:
            sys.stdout.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(records)} stories", show_lines=False)
    for name in ("id", "title", "dates", "articles", "outlets"):
        table.add_column(name, overflow="fold", justify="right" if name == "articles" else "left")
    for r in records:
        table.add_row(r.id, r.title or "", _dates(r.first_date, r.last_date),
                      str(r.article_count), ", ".join(r.outlets[:4])
                      + (f" +{len(r.outlets) - 4}" if len(r.outlets) > 4 else ""))
    Console().print(table)


@click.command("show")
@click.argument("story")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def show_cmd(story: str, db: str | None, fmt: str) -> None:
    """Show a story: its record, actors, related stories and articles."""
    from sitrep.stories import story_record
    from sitrep.stories.reasons import story_reasons

    with open_store(db) as store:
        # The reasons once: the record's shared terms and each article's come from them.
        found = story_reasons(store, store.stories.resolve(story) or story)
        record = story_record(store, story, reasons=found)
        members = store.stories.members(record.id)
        log = store.stories.history(record.id)
        reasons = found.by_article
    if fmt == "json":
        data = record.to_dict()
        data["log"] = log
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    from sitrep.stories.views import outlet_of

    console = Console()
    console.print(f"[bold]{record.title or record.id}[/bold]  ({record.id})")
    console.print(f"dates: {_dates(record.first_date, record.last_date) or 'unknown'}   "
                  f"articles: {record.article_count}   outlets: {', '.join(record.outlets)}")
    if record.actors:
        console.print("actors: " + ", ".join(f"{a['name']} ({a['articles']})"
                                              for a in record.actors))
    if record.events:
        console.print("events: " + ", ".join(e["type"] for e in record.events))
    if record.shared:
        console.print("joined by: " + ", ".join(f"{r['kind']} {r['label']} ({r['articles']})"
                                                 for r in record.shared), highlight=False)
    for rel in record.related:
        console.print(f"background: {rel['id']} {rel['title'] or ''}")
    table = Table(show_lines=False)
    for name in ("article", "published", "outlet", "title", "how", "shares"):
        table.add_column(name, overflow="fold")
    for m in members:
        how = m.how + (" (pinned)" if m.pinned else "")
        shares = ", ".join(r.label for r in reasons.get(m.article_id, []))
        table.add_row(m.article_id, m.published or "", outlet_of(m) or "", m.title or "", how,
                      shares)
    console.print(table)
    # Analysts' changes, and the assigner's own second thoughts (splits, merges) with why.
    for entry in log:
        if not entry["manual"] and entry["action"] not in ("split", "merge"):
            continue
        who = "analyst" if entry["manual"] else "auto"
        note = f" ({entry['note']})" if entry["note"] and not entry["manual"] else ""
        console.print(f"{entry['at']} {who} {entry['action']} {entry['story']} "
                      f"{entry['other'] or ''} {' '.join(entry['articles'])}{note}",
                      highlight=False)


@click.group("story")
def story_group() -> None:
    """Correct story assignments: move, merge, split, pin (kept by later ingests)."""


@story_group.command("move")
@click.argument("article")
@click.argument("story")
@db_option
def move_cmd(article: str, story: str, db: str | None) -> None:
    """Move ARTICLE to STORY (and pin it there)."""
    from sitrep.stories import move_article

    with open_store(db) as store:
        click.echo(move_article(store, article, story, config.current().stories))


@story_group.command("merge")
@click.argument("story")
@click.argument("others", nargs=-1, required=True)
@db_option
def merge_cmd(story: str, others: tuple[str, ...], db: str | None) -> None:
    """Merge OTHERS into STORY, which keeps its id."""
    from sitrep.stories import merge_stories

    with open_store(db) as store:
        click.echo(merge_stories(store, story, others, config.current().stories))


@story_group.command("split")
@click.argument("articles", nargs=-1, required=True)
@db_option
def split_cmd(articles: tuple[str, ...], db: str | None) -> None:
    """Split ARTICLES off into a new story (pinned there); prints its id."""
    from sitrep.stories import split_articles

    with open_store(db) as store:
        click.echo(split_articles(store, articles, config.current().stories))


@story_group.command("pin")
@click.argument("articles", nargs=-1, required=True)
@db_option
@click.option("--unpin", is_flag=True, help="Release the pin instead.")
def pin_cmd(articles: tuple[str, ...], db: str | None, unpin: bool) -> None:
    """Pin ARTICLES to their current story: no later ingest moves them."""
    from sitrep.stories import pin_article

    with open_store(db) as store:
        for article in articles:
            click.echo(f"{article} {pin_article(store, article, not unpin)}")


@story_group.command("assign")
@db_option
def assign_cmd(db: str | None) -> None:
    """Assign stored articles that have no story yet (stores made before stories)."""
    from sitrep.stories import assign_unassigned

    with open_store(db) as store:
        done = assign_unassigned(store, config.current().stories)
    click.echo(f"assigned {len(done)} articles", err=True)


@story_group.command("recheck")
@db_option
@click.option("--window", type=click.IntRange(min=1), default=None,
              help="Newest stored articles whose stories are judged again "
                   "(default: the setting stories.recheck_window).")
def recheck_cmd(db: str | None, window: int | None) -> None:
    """Judge the recent stories again: move articles to the story they now fit
    best, merge stories whose members are as alike across as within."""
    from sitrep.stories import recheck_recent

    with open_store(db) as store:
        done = recheck_recent(store, config.current().stories, window)
    click.echo(f"looked at {done.looked_at} articles: moved {len(done.moved)}, "
               f"merged {len(done.merged)} stories", err=True)


def register_story_commands(cli: click.Group) -> None:
    for command in (stories_cmd, show_cmd, story_group):
        cli.add_command(command)
