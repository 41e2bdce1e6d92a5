"""Unexpected errors in the UI: written to the log, shown in a Dutch dialog.

The failed action's transaction has already been rolled back by the Unit of Work.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.files import describe_error
from verenigingsbeheer.ui.asker import Asker

log = logging.getLogger("verenigingsbeheer")


class ErrorReporter:
    def __init__(
        self, asker: Asker, parent: Callable[[], object], interactive: bool = True
    ) -> None:
        self.asker = asker
        self.parent = parent
        self.interactive = interactive  # False: log and print only (--quit-after-show)
        self.count = 0

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        self.count += 1
        if not self.interactive:
            details = "".join(traceback.format_exception(kind, error, tb))
            log.error("unexpected error\n%s", details)
            print(details, file=sys.stderr)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        if isinstance(error, UserError):
            self.asker.error(self.parent(), _("Something went wrong"), error.message)
            return
        log.error("unexpected error\n%s", details)
        explained = describe_error(error)
        if explained is not None:  # a storage problem the user can act on
            self.asker.error(
                self.parent(),
                _("Something went wrong"),
                explained + " " + _("What you were doing has been undone."),
                details,
            )
            return
        self.asker.error(
            self.parent(),
            _("Unexpected error"),
            _(
                "Something unexpected went wrong. What you were doing has been undone; your "
                "data is safe. If it happens again, send the details to whoever helps you with "
                "Verenigingsbeheer."
            ),
            details,
        )
