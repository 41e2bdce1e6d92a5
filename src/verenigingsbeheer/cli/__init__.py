"""The command line: a thin front over the services and outputs.

`verenigingsbeheer [--db PATH]` opens the window; `verenigingsbeheer --db PATH <command>`
runs a command. Each command lives in its own module under `commands/`.
"""

from verenigingsbeheer.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
