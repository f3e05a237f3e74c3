"""`python -m teiedit` runs the command."""

from teiedit.cli import main

main()
