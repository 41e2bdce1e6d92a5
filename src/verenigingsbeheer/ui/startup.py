"""`--quit-after-show`: leave as soon as the first window has been painted.

For smoke tests and start-up benchmarks: exit status 0, or 1 when an exception was
caught before that. The first window may be the main window or, on a first start, the
new-association dialog; Qt's exit ends its modal loop as well.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

SAFETY_SECONDS = 60


class QuitAfterShow(QObject):
    def __init__(self, app: QApplication, reporter) -> None:
        super().__init__(app)
        self.app = app
        self.reporter = reporter
        self.painted = False

    def arm(self) -> None:
        self.app.installEventFilter(self)
        # Never hang when no paint event comes (e.g. a platform without windows).
        QTimer.singleShot(SAFETY_SECONDS * 1000, lambda: self.app.exit(1))

    def exit_code(self) -> int:
        return 1 if self.reporter.count else 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.painted
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.isWindow()
        ):
            self.painted = True
            QTimer.singleShot(0, lambda: self.app.exit(self.exit_code()))
        return False


class _AfterFirstPaint(QObject):
    """Runs a callback once, on the event loop's next turn after `widget` was first painted."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._callback)
        return False


def after_first_paint(widget: QWidget, callback) -> None:
    """Do `callback` once the window is on screen, so it never delays the first paint."""
    _AfterFirstPaint(widget, callback)
