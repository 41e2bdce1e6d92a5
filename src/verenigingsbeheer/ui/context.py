"""What every page's controller needs: the open file, the asker, today's date, and whether
the file may be changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from verenigingsbeheer.paths import Paths
from verenigingsbeheer.services.files import AssociationFile
from verenigingsbeheer.settings import Settings
from verenigingsbeheer.ui.asker import Asker


@dataclass
class PageContext:
    database: AssociationFile
    asker: Asker
    today: Callable[[], dt.date] = dt.date.today
    # Called after an action changed the association's details (name, logo).
    association_changed: Callable[[], None] = field(default=lambda: None)
    settings: Settings = field(default_factory=Settings)
    save_settings: Callable[[], None] = field(default=lambda: None)
    # Backups: this computer's folders (the kept passphrase lives in the config folder),
    # and a way to replace the open file (a restore): the function runs with the file
    # closed and returns what to tell the user; then the window reopens the file.
    paths: Paths | None = None
    replace_file: Callable[[Callable[[], str]], bool] = field(default=lambda _run: False)
    # Someone else has the file open: nothing may be changed. The main window switches off
    # what each page lists in `editing_controls()` (see ui/read_only.py); a page reads this
    # only when it wants to do more, such as not offering an edit form.
    read_only: bool = False

    def back_up_before(self, reason: str) -> None:
        """The backup before a bulk action ("voor-import", "voor-anonimiseren"); a UserError
        when none could be made, and then the action must not start."""
        from verenigingsbeheer.services import backups

        if self.paths is not None:
            config = backups.config_for(self.settings, self.paths)
            backups.backup_before(self.database, reason, config)

    def write_asking(
        self,
        parent,
        action: Callable[[Any, Any], object],
        first: Any,
        refusal: type[Exception],
        ask: Callable[[Any], Any],
    ) -> bool:
        """Like `write`, for an action a rule may stop with a question: `action(session,
        first)` is tried; when it raises `refusal`, `ask(error)` puts the question to the
        user and gives the way to do it after all (None: not at all), and it is done
        again that way, as a new transaction."""
        from verenigingsbeheer.errors import UserError
        from verenigingsbeheer.i18n import _

        try:
            with self.database.transaction() as session:
                action(session, first)
            return True
        except refusal as stopped:
            then = ask(stopped)
            if then is None:
                return False
        except UserError as error:
            self.asker.error(parent, _("Not done"), error.message)
            return False
        return self.write(parent, lambda session: action(session, then))

    def write_insisting(self, parent, action: Callable[[Any, bool], object]) -> bool:
        """For an action that may find its room taken: `action(session, accept_conflicts)`;
        when a room is double-booked the user is told by which bookings and may insist
        (two groups share a hall), and it is done again, marked."""
        from verenigingsbeheer.i18n import _
        from verenigingsbeheer.services.bookings import ConflictFound

        def ask(conflict) -> bool | None:
            question = "{found}\n\n{ask}".format(
                found=conflict.message,
                ask=_("Save anyway, with the double booking marked (two groups share the hall)?"),
            )
            return True if self.asker.confirm(parent, _("Room already booked"), question) else None

        return self.write_asking(parent, action, False, ConflictFound, ask)

    def write_many_bookings(self, parent, action: Callable[[Any, str], object]) -> bool:
        """For booking a whole series: `action(session, on_conflict)` is tried with
        "refuse"; when rooms are taken the user chooses to leave those occurrences out
        ("skip") or book them all, marked ("accept"), and it is done again that way."""
        from verenigingsbeheer.i18n import _
        from verenigingsbeheer.services.bookings import ConflictFound

        def ask(conflict) -> str | None:
            return self.asker.choose(
                parent,
                _("Room already booked"),
                "{found}\n\n{ask}".format(
                    found=conflict.message,
                    ask=_(
                        "Book the other occurrences only, or all of them with the double "
                        "bookings marked?"
                    ),  # fmt: skip
                ),
                [("skip", _("Book the others")), ("accept", _("Book all, marked"))],
            )

        return self.write_asking(parent, action, "refuse", ConflictFound, ask)

    def write(self, parent, action: Callable[[Any], object]) -> bool:
        """Do `action(session)` as one transaction; when a rule refuses it, say why ("Not
        done") and return False, with nothing changed."""
        from verenigingsbeheer.errors import UserError
        from verenigingsbeheer.i18n import _

        try:
            with self.database.transaction() as session:
                action(session)
        except UserError as error:
            self.asker.error(parent, _("Not done"), error.message)
            return False
        return True
