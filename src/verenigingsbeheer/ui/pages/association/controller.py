"""Loads and saves the association's details; never drops unsaved edits silently."""

from __future__ import annotations

from verenigingsbeheer.domain.association import AssociationDetails, normalise
from verenigingsbeheer.errors import ValidationFailed
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import association
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.pages.association.view import AssociationView


class AssociationPage(AssociationView):
    def __init__(self, context: PageContext) -> None:
        super().__init__(choose_logo=context.asker.choose_logo)
        self.context = context
        self._saved: AssociationDetails | None = None
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.form.changed.connect(self._update_buttons)

    def page_title(self) -> str:
        return _("Association")

    def editing_controls(self) -> list:
        """Read-only: the details stay readable, but the form cannot be changed or saved."""
        return [*self.form.inputs(), self.save_button, self.revert_button]

    def refresh(self) -> None:
        if self.has_unsaved_changes():
            return  # keep what the user is typing
        with self.context.database.reading() as session:
            self._saved = association.get_details(session)
        self.form.set_details(self._saved)
        self.status.clear()
        self._update_buttons()

    def has_unsaved_changes(self) -> bool:
        return self._saved is not None and normalise(self.form.details()) != normalise(self._saved)

    def save(self) -> bool:
        """Save in one transaction; invalid input is marked and nothing is saved."""
        if self.form.show_problems(everything=True):
            self.status.setText(_("Not saved: correct the marked fields first."))
            return False
        try:
            with self.context.database.transaction() as session:
                saved = association.update_details(session, self.form.details())
        except ValidationFailed:
            self.form.show_problems(everything=True)
            self.status.setText(_("Not saved: correct the marked fields first."))
            return False
        self._saved = saved
        self.form.set_details(saved)
        self.status.setText(_("Saved."))
        self._update_buttons()
        self.context.association_changed()
        return True

    def revert(self) -> None:
        if self._saved is not None:
            self.form.set_details(self._saved)
        self.status.clear()
        self._update_buttons()

    def can_leave(self) -> bool:
        """Ask before unsaved edits would be lost; False keeps the user here."""
        if not self.has_unsaved_changes():
            return True
        answer = self.context.asker.save_changes(
            self, _("You changed the association's details. Save the changes?")
        )
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.revert()
            return True
        return False

    def _update_buttons(self) -> None:
        dirty = self.has_unsaved_changes()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.setText(_("Unsaved changes"))
