"""One module per command; each has `register(commands)` and a `run(args, paths, out)`.

A command that changes the file says so with `set_defaults(writes=True)`; see `cli.guard`.
"""

from verenigingsbeheer.cli.commands import (
    backup,
    check,
    demo,
    ical,
    info,
    members,
    privacy,
    report,
    restore,
)

COMMANDS = (demo, info, members, report, ical, privacy, backup, restore, check)
