"""`--quit-after-show`: leave as soon as the first window has been painted.

For smoke tests and start-up benchmarks: exit status 0, or 1 when an exception was
caught before the window appeared.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SAFETY_SECONDS = 60


class QuitAfterShow(QObject):
    def __init__(self, app: QApplication, window: QWidget, reporter) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.reporter = reporter
        self.painted = False

    def arm(self) -> None:
        self.window.installEventFilter(self)
        # Never hang when no paint event comes (e.g. a platform without windows).
        QTimer.singleShot(SAFETY_SECONDS * 1000, lambda: self.app.exit(1))
        self.window.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._quit)
        return False

    def _quit(self) -> None:
        self.app.exit(1 if self.reporter.count else 0)
