"""The Backups page's widgets: the list, what a backup holds, the actions, the settings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _

MAX_KEEP = 1000
WARNING_STYLE = "color: #8a3b00;"


class _Content(QWidget):
    """Asks for the height its wrapped texts need at its width; a scroll area otherwise
    squeezes them (it ignores height-for-width)."""

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        needed = self.layout().totalHeightForWidth(self.width())
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)


class BackupsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Scrolls as a whole, so the page fits beside the sidebar on a small screen too.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        content = _Content()
        scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 12, 16, 12)
        intro = QLabel(
            _(
                "A backup is a complete copy of the association file. One is made when the "
                "file is opened after a change, before an import, an anonymisation or an "
                "upgrade, and whenever you ask for one. Old backups are cleared away by the "
                "schedule below."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        actions = QHBoxLayout()
        self.backup_button = QPushButton(_("Make a backup now"))
        self.restore_button = QPushButton(_("Restore…"))
        self.check_button = QPushButton(_("Check the file"))
        for button in (self.backup_button, self.restore_button, self.check_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)

        middle = QHBoxLayout()
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setMinimumHeight(180)
        middle.addWidget(self.table, 3)
        details = QGroupBox(_("Selected backup"))
        self.details = QFormLayout(details)
        self.details_hint = QLabel(_("Choose a backup in the list to see what it holds."))
        self.details_hint.setWordWrap(True)
        self.details.addRow(self.details_hint)
        details.setMinimumWidth(220)
        details.setMaximumWidth(360)
        middle.addWidget(details, 2)
        layout.addLayout(middle, 1)

        layout.addWidget(self._settings_box())

    def _settings_box(self) -> QGroupBox:
        """Labels above their fields, so the box stays narrow beside the sidebar."""
        box = QGroupBox(_("Settings on this computer"))
        column = QVBoxLayout(box)
        column.addWidget(QLabel(_("Backup folder")))
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setMinimumWidth(120)
        self.choose_folder_button = QPushButton(_("Choose…"))
        self.default_folder_button = QPushButton(_("Default folder"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder_button)
        folder_row.addWidget(self.default_folder_button)
        column.addLayout(folder_row)
        self.folder_note = QLabel()
        self.folder_note.setWordWrap(True)
        self.folder_note.setStyleSheet(WARNING_STYLE)
        self.folder_note.hide()
        column.addWidget(self.folder_note)

        column.addSpacing(6)
        column.addWidget(QLabel(_("Keep")))
        keep = QHBoxLayout()
        self.keep_daily, self.keep_weekly, self.keep_monthly = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, label in (
            (self.keep_daily, _("daily")),
            (self.keep_weekly, _("weekly")),
            (self.keep_monthly, _("monthly")),
        ):
            spin.setRange(0, MAX_KEEP)
            keep.addWidget(spin)
            keep.addWidget(QLabel(label))
            keep.addSpacing(8)
        keep.addStretch(1)
        column.addLayout(keep)
        recent = QLabel(_("The newest backup of each day, week and month; everything of the "
                          "last 48 hours is kept as well."))  # fmt: skip
        recent.setWordWrap(True)
        column.addWidget(recent)

        column.addSpacing(6)
        self.encrypt = QCheckBox(_("Encrypt backups with a passphrase"))
        self.passphrase_button = QPushButton(_("Change passphrase…"))
        encrypt_row = QHBoxLayout()
        encrypt_row.addWidget(self.encrypt)
        encrypt_row.addWidget(self.passphrase_button)
        encrypt_row.addStretch(1)
        column.addLayout(encrypt_row)
        self.encrypt_note = QLabel()
        self.encrypt_note.setWordWrap(True)
        self.encrypt_note.setStyleSheet(WARNING_STYLE)
        column.addWidget(self.encrypt_note)
        return box

    def show_details(self, rows: list[tuple[str, str]]) -> None:
        """(label, value) rows for the selected backup; none shows the hint."""
        while self.details.rowCount() > 1:
            self.details.removeRow(1)
        self.details_hint.setVisible(not rows)
        for label, value in rows:
            text = QLabel(value)
            text.setWordWrap(True)
            self.details.addRow(label, text)

    def fit_columns(self) -> None:
        """Once the model is set: the reason takes the room left, the rest fits its text."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
