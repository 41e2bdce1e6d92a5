"""The composition root: builds settings, translations, the controller and the window.

`run_gui` is what `verenigingsbeheer [--db PATH]` calls.
"""

from __future__ import annotations

import sys
from pathlib import Path

from verenigingsbeheer import APP_NAME
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.logs import configure_logging
from verenigingsbeheer.paths import Paths, default_paths


def run_gui(
    db: Path | None = None,
    quit_after_show: bool = False,
    paths: Paths | None = None,
    asker=None,
) -> int:
    """Start the window; returns the exit status."""
    from PySide6.QtWidgets import QApplication

    from verenigingsbeheer.ui.app_controller import AppController
    from verenigingsbeheer.ui.asker import QtAsker
    from verenigingsbeheer.ui.error_reporter import ErrorReporter
    from verenigingsbeheer.ui.icons import icon
    from verenigingsbeheer.ui.startup import QuitAfterShow

    paths = (paths or default_paths()).ensure()
    configure_logging(paths)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(icon("verenigingsbeheer"))
    asker = asker or QtAsker()
    controller = AppController(
        paths, settings_store.load(paths.settings_file), asker, preload=not quit_after_show
    )
    controller.apply_language()
    reporter = ErrorReporter(asker, lambda: controller.window, interactive=not quit_after_show)
    previous_hook = sys.excepthook
    reporter.install()
    quitter = QuitAfterShow(app, reporter) if quit_after_show else None
    if quitter is not None:
        quitter.arm()
    try:
        try:
            if not controller.start(db):  # the first start was cancelled
                return quitter.exit_code() if quitter is not None else 0
        except UserError as error:
            print(
                _("{prog}: error: {message}").format(
                    prog="verenigingsbeheer", message=error.message
                ),
                file=sys.stderr,
            )
            if quitter is None:  # started from a menu or icon there may be no terminal
                asker.error(None, _("The file cannot be opened"), error.message)
            return 2
        except Exception:
            reporter.handle(*sys.exc_info())
            return 1
        if quitter is not None and quitter.painted:
            return quitter.exit_code()  # painted and left before the main loop began
        code = app.exec()
        if quitter is not None:
            return quitter.exit_code() if quitter.painted else code
        return 0
    finally:
        controller.shutdown()
        sys.excepthook = previous_hook
