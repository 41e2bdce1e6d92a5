"""What every page's controller needs: the open file, the asker and today's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

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
