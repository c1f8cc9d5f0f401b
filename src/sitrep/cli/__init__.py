"""The ``sitrep`` command line: one module per command group, registered on the group in
:mod:`sitrep.cli.app`."""

from sitrep.cli.app import cli, main
from sitrep.cli.articles import register_article_commands
from sitrep.cli.brief import brief_cmd
from sitrep.cli.serve import serve_cmd
from sitrep.cli.stories import register_story_commands
from sitrep.cli.watch import register_watch_commands

register_article_commands(cli)
register_story_commands(cli)
register_watch_commands(cli)
cli.add_command(brief_cmd)
cli.add_command(serve_cmd)

__all__ = ["cli", "main"]
