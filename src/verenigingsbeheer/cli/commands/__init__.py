"""One module per command; each has `register(commands)` and a `run(args, paths, out)`."""

from verenigingsbeheer.cli.commands import demo, info, members, privacy, report

COMMANDS = (demo, info, members, report, privacy)
