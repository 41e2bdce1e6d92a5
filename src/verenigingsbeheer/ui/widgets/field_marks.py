"""Marking wrong fields: a red frame and the explanation beside the field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    label.hide()
    return label


def mark(widget: QWidget, label: QLabel | None, message: str) -> None:
    """Show `message` for `widget` (an empty message clears the mark)."""
    widget.setStyleSheet(ERROR_STYLE if message else "")
    widget.setToolTip(message)
    if label is not None:
        label.setText(message)
        label.setVisible(bool(message))
