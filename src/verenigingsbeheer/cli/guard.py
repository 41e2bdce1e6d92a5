"""What every command on a file goes through: conflict-copy notes, and the lock.

A command that writes declares it with `command.set_defaults(writes=True)` (a sub-command
on its own parser). It then holds the file's lock while it runs: refused with exit 2 when
another program has the file open, a stale lock of this computer taken over with a note.
Reading commands take no lock, so they also work while the window has the file open.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from verenigingsbeheer.i18n import _


@contextmanager
def guarded(args: argparse.Namespace, prog: str, err: TextIO) -> Iterator[None]:
    from verenigingsbeheer.services import conflicts, locking
    from verenigingsbeheer.services.files import needs_upgrade

    def note(message: str) -> None:
        print(_("{prog}: note: {message}").format(prog=prog, message=message), file=err)

    if args.db.is_file():
        for message in conflicts.notes(args.db):
            note(message)
    # A reading command writes too when the file must first be upgraded: then it holds
    # the lock like a writing one, and is refused while someone else has the file open.
    writes = getattr(args, "writes", False) or (args.db.is_file() and needs_upgrade(args.db))
    if not writes:
        yield
        return
    with locking.holding_for_command(args.db, note):
        yield
