"""Guards against defects of the Qt binding that would crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal()


def test_emitting_a_signal_keeps_the_reference_count_of_true(qapp):
    """PySide6 6.12.0 dropped a reference to True on every emit(); after some thousands
    of emits (typing in a form, sorting a list) Python aborts with `bool_dealloc`."""
    emitter = _Emitter()
    emitter.changed.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.changed.emit()
    assert abs(sys.getrefcount(True) - before) < 10
