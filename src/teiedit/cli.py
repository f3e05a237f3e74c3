"""The `teiedit` command: one small click command per stage, registered on one group.

Each stage keeps its command next to its code (`teiedit/<stage>/command.py`) and is added
here with `main.add_command`; a stage that does not work yet is simply not registered.
"""

from __future__ import annotations

import click

from teiedit import __version__
from teiedit.build import build
from teiedit.encode.command import encode
from teiedit.enrich.command import eval_command, registers_group
from teiedit.gate.command import validate_command
from teiedit.render.command import render_command
from teiedit.schema.command import schema_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiedit")
def main() -> None:
    """Encode scholarly articles as TEI P5, validate TEI, publish it as HTML and PDF."""


main.add_command(encode)
main.add_command(build)
main.add_command(render_command)
main.add_command(schema_group)
main.add_command(validate_command)
main.add_command(registers_group)
main.add_command(eval_command)
