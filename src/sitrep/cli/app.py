"""The ``sitrep`` command group and its error edge: a thin layer over the library.

Library errors (``SitrepError``) become one line on stderr and an exit
status: 0 all went well, 1 some input or step failed (the rest was done),
2 the command itself could not run (bad usage, unreachable store), 3 an
internal error (a bug): one short line, the traceback only with ``--debug``.
"""

from __future__ import annotations

import sys
import traceback

import click

from sitrep import __version__, config
from sitrep.cli.errors import describe
from sitrep.cli.options import EXIT_FATAL, EXIT_INTERNAL, EXIT_OK, _set_debug, debugging
from sitrep.errors import SitrepError, one_line


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
              help="Show the traceback of an internal error (also $SITREP_DEBUG=1).")
def cli() -> None:
    """sitrep: turn raw news into sourced situation briefs."""
    config.use(None)  # from the environment, until a command's --config says otherwise


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("sitrep: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_FATAL)
    except SitrepError as err:
        click.echo(f"sitrep: error: {describe(err)}", err=True)
        sys.exit(EXIT_FATAL)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except Exception as err:  # a bug: say so in one line, the traceback on demand
        if debugging():
            traceback.print_exc()
        detail = one_line(f"{type(err).__name__}: {err}")
        click.echo(f"sitrep: internal error ({detail[:300]}); this is a bug: "
                   "rerun with --debug for the traceback and report it", err=True)
        sys.exit(EXIT_INTERNAL)


