"""First run and File > New: the association's details and where its file goes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.domain.association import AssociationDetails, normalise
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services.files import FILE_SUFFIX
from verenigingsbeheer.ui.widgets.association_form import AssociationForm


def file_name_for(name: str) -> str:
    """ "Haags Kamerkoor" -> "haags-kamerkoor.sqlite"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return (slug or "vereniging") + FILE_SUFFIX


class NewAssociationDialog(QDialog):
    def __init__(self, folder: Path, asker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._asker = asker
        self._folder = folder
        self._path_chosen = False
        self.setWindowTitle(_("New association"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        intro = QLabel(
            _(
                "Enter the name of your association. Everything else is optional and can be "
                "filled in later on the Association page."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = AssociationForm(choose_logo=asker.choose_logo)
        layout.addWidget(self.form)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(_("Save as")))
        self.path_edit = QLineEdit(str(folder / file_name_for("")))
        self.path_edit.textEdited.connect(self._path_edited)
        file_row.addWidget(self.path_edit, 1)
        self.browse = QPushButton(_("Browse…"))
        self.browse.clicked.connect(self._browse)
        file_row.addWidget(self.browse)
        layout.addLayout(file_row)
        self.path_problem = QLabel()
        self.path_problem.setStyleSheet("color: #c0392b;")
        self.path_problem.hide()
        layout.addWidget(self.path_problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.open_existing_button = QPushButton(_("Open an existing file…"))
        self.open_existing_button.setToolTip(
            _("For a board member who already has the association's file, e.g. on a USB stick")
        )
        self.buttons.addButton(self.open_existing_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.open_existing_button.clicked.connect(self._open_existing)
        self.existing: Path | None = None
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.form.changed.connect(self._update)
        self.form.name.textChanged.connect(self._suggest_path)
        self._update()
        self.form.name.setFocus()

    def path(self) -> Path:
        """The typed path; a bare name goes into the data folder and gets `.sqlite`."""
        path = Path(self.path_edit.text().strip()).expanduser()
        if not path.is_absolute():
            path = self._folder / path
        if path.name and path.suffix.lower() not in (FILE_SUFFIX, ".db"):
            path = path.with_name(path.name + FILE_SUFFIX)
        return path

    def _suggest_path(self, name: str) -> None:
        if not self._path_chosen:
            self.path_edit.setText(str(self._folder / file_name_for(name)))
        self._update()

    def _path_edited(self, _text: str) -> None:
        self._path_chosen = True
        self._update()

    def _browse(self) -> None:
        chosen = self._asker.save_path(self, self.path())
        if chosen is not None:
            if not chosen.suffix:
                chosen = chosen.with_suffix(FILE_SUFFIX)
            self._path_chosen = True
            self.path_edit.setText(str(chosen))
            self._update()

    def path_problem_text(self) -> str:
        path = self.path()
        if not self.path_edit.text().strip() or path.is_dir():
            return _("Choose where to save the file.")
        if path.exists():
            return _("{path} already exists; choose another name.").format(path=path)
        if not path.parent.is_dir():
            return _("The folder {folder} does not exist.").format(folder=path.parent)
        return ""

    def _update(self) -> None:
        problem = self.path_problem_text()
        self.path_problem.setText(problem)
        self.path_problem.setVisible(bool(problem))
        self.ok_button.setEnabled(not self.form.problems() and not problem)

    def _open_existing(self) -> None:
        chosen = self._asker.open_path(self, self._folder)
        if chosen is not None:
            self.existing = chosen
            super().accept()

    def accept(self) -> None:
        if self.form.show_problems(everything=True) or self.path_problem_text():
            self._update()
            return
        super().accept()

    def result_value(self) -> tuple[Path, AssociationDetails | None]:
        """Where and what to create; details None means: open this existing file."""
        if self.existing is not None:
            return self.existing, None
        return self.path(), normalise(self.form.details())
