"""The OK and Cancel buttons of a dialog, in the user's language, wired to accept/reject."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from verenigingsbeheer.i18n import _


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """Buttons for `dialog`: OK (or `ok_text`, e.g. "Rejoin") and Cancel. Qt translates its
    standard buttons only when its own catalog is loaded, so the texts are set here."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or _("OK"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
