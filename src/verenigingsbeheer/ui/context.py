"""What every page's controller needs: the open file, the asker and today's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

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
