"""What every page's controller needs: the open file, the asker and today's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

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
