"""Choosing a printed list and its options; the page makes the PDF and opens it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.i18n.formatting import month_name
from verenigingsbeheer.outputs.pdf.options import (
    DEFAULT_COLUMNS,
    DEFAULT_SHEET,
    LABEL_SHEETS,
    MAX_OFFSET_MM,
    MEMBER_COLUMNS,
)

# (key, title in the dialog, name of the PDF file), all translated when used.
REPORTS = (
    ("members", N_("Member list"), N_("member list")),
    ("labels", N_("Address labels"), N_("address labels")),
    ("birthdays", N_("Birthday list"), N_("birthdays")),
    ("signin", N_("Sign-in sheet per section"), N_("sign-in sheet")),
    ("board", N_("Board list"), N_("board list")),
)
FILE_NAMES = {key: file_name for key, _title, file_name in REPORTS}


class PrintDialog(QDialog):
    """`choice()` tells what to make; `save_as` is True when the user wants to keep the PDF."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Print"))
        self.setMinimumWidth(460)
        self.save_as = False
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.report = QComboBox()
        for key, label, _file_name in REPORTS:
            self.report.addItem(_(label), key)
        form.addRow(_("List"), self.report)
        layout.addLayout(form)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)

        members = QWidget()
        grid = QGridLayout(members)
        self.columns: dict[str, QCheckBox] = {}
        for number, (key, title) in enumerate(MEMBER_COLUMNS.items()):
            box = QCheckBox(_(title))
            box.setChecked(key in DEFAULT_COLUMNS)
            box.setEnabled(key != "name")
            self.columns[key] = box
            grid.addWidget(box, number // 2, number % 2)
        self.include_former = QCheckBox(_("Include former members"))
        grid.addWidget(self.include_former, len(MEMBER_COLUMNS) // 2 + 1, 0, 1, 2)
        self.pages.addWidget(members)

        labels = QWidget()
        label_form = QFormLayout(labels)
        self.sheet = QComboBox()
        for key, sheet in LABEL_SHEETS.items():
            self.sheet.addItem(sheet.name, key)
        self.sheet.setCurrentIndex(self.sheet.findData(DEFAULT_SHEET))
        self.offset_x = self._offset()
        self.offset_y = self._offset()
        self.per_household = QCheckBox(_("One label per household"))
        self.outlines = QCheckBox(_("Draw the label edges (test print on plain paper)"))
        label_form.addRow(_("Label sheet"), self.sheet)
        label_form.addRow(_("Printer offset to the right (mm)"), self.offset_x)
        label_form.addRow(_("Printer offset downwards (mm)"), self.offset_y)
        label_form.addRow("", self.per_household)
        label_form.addRow("", self.outlines)
        self.pages.addWidget(labels)

        birthdays = QWidget()
        birthday_form = QFormLayout(birthdays)
        self.month = QComboBox()
        self.month.addItem(_("The whole year"), None)
        for month in range(1, 13):
            self.month.addItem(month_name(month), month)
        self.month.setCurrentIndex(today.month)
        birthday_form.addRow(_("Month"), self.month)
        self.pages.addWidget(birthdays)

        sign_in = QWidget()
        sign_in_form = QFormLayout(sign_in)
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("e.g. Rehearsal, General meeting"))
        sign_in_form.addRow(_("Title"), self.title)
        self.pages.addWidget(sign_in)
        self.pages.addWidget(QWidget())  # the board list has no options

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.open_button = QPushButton(_("Open to print"))
        self.open_button.setDefault(True)
        self.save_button = QPushButton(_("Save as PDF…"))
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.clicked.connect(lambda: self._finish(False))
        self.save_button.clicked.connect(lambda: self._finish(True))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.report.currentIndexChanged.connect(self.pages.setCurrentIndex)

    def _offset(self) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
        box.setSingleStep(0.5)
        box.setDecimals(1)
        return box

    def _finish(self, save_as: bool) -> None:
        self.save_as = save_as
        self.accept()

    def choice(self) -> tuple[str, dict]:
        """The report key and the keyword options for services.member_reports."""
        key = self.report.currentData()
        if key == "members":
            columns = [k for k, box in self.columns.items() if box.isChecked()]
            return key, {"columns": columns, "include_former": self.include_former.isChecked()}
        if key == "labels":
            return key, {
                "sheet": self.sheet.currentData(),
                "offset_x_mm": self.offset_x.value(),
                "offset_y_mm": self.offset_y.value(),
                "per_household": self.per_household.isChecked(),
                "outlines": self.outlines.isChecked(),
            }
        if key == "birthdays":
            return key, {"month": self.month.currentData()}
        if key == "signin":
            return key, {"title": self.title.text().strip()}
        return key, {}
