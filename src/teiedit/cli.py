"""The `teiedit` command: one small click command per stage, registered on one group.

Each stage keeps its command next to its code (`teiedit/<stage>/command.py`) and is added
here with `main.add_command`; a stage that does not work yet is simply not registered.
"""

from __future__ import annotations

import importlib

import click

from teiedit import __version__
from teiedit.errors import fail
from teiedit.xmlio import UsageError

# command name -> "module:attribute"; each module is imported only when its command runs
# (or when --help lists them), so `teiedit validate` in a pre-commit hook does not pay for
# the encoder's word lists and the renderer's imports.
COMMANDS = {
    "encode": "teiedit.encode.command:encode",
    "build": "teiedit.build:build",
    "render": "teiedit.render.command:render_command",
    "schema": "teiedit.schema.command:schema_group",
    "validate": "teiedit.gate.command:validate_command",
    "registers": "teiedit.enrich.command:registers_group",
    "eval": "teiedit.enrich.command:eval_command",
    "ner": "teiedit.enrich.ner_command:ner_group",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (click's documented pattern),
    and the last guard of the error convention: an OS error no command foresaw (a folder
    that cannot be read, a full disk) is reported as `file: error: message`, exit 2, never
    as a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except OSError as e:
            fail(UsageError(e.strerror or str(e), file=e.filename))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *COMMANDS])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return super().get_command(ctx, name)
        module, _, attribute = COMMANDS[name].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command) and command.name == name, name
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiedit")
def main() -> None:
    """Encode scholarly articles as TEI P5, validate TEI, publish it as HTML and PDF."""
