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
