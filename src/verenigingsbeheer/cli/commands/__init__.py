"""One module per command; each has `register(commands)` and a `run(args, paths, out)`."""

from verenigingsbeheer.cli.commands import backup, check, demo, info, members, report, restore

COMMANDS = (demo, info, members, report, backup, restore, check)
