"""Choosing a printed list and its options; the page makes the PDF and opens it.

Each list has a page of options; the dialog is as tall as the page shown (not as the
tallest), and long texts wrap rather than being cut off. The label choices a user
calibrates once (sheet, printer offset, one label per household) come from the settings
and are written back with `remember`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import N_, _, ngettext
from verenigingsbeheer.i18n.formatting import format_number, month_name
from verenigingsbeheer.outputs.pdf.options import (
    DEFAULT_COLUMNS,
    LABEL_SHEETS,
    MAX_OFFSET_MM,
    MEMBER_COLUMNS,
)
from verenigingsbeheer.settings import Settings

# (key, title in the dialog, name of the PDF file), all translated when used.
REPORTS = (
    ("members", N_("Member list"), N_("member list")),
    ("labels", N_("Address labels"), N_("address labels")),
    ("birthdays", N_("Birthday list"), N_("birthdays")),
    ("signin", N_("Sign-in sheet per section"), N_("sign-in sheet")),
    ("board", N_("Board list"), N_("board list")),
)
FILE_NAMES = {key: file_name for key, _title, file_name in REPORTS}


class OptionPages(QWidget):
    """One page of options shown at a time, and only as tall as that page.

    Unlike a QStackedWidget, which is as tall as its tallest page: the hidden pages are
    left out of the layout altogether.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        _flush(self._layout)
        self._pages: list[QWidget] = []
        self._current = -1

    def add_page(self, page: QWidget) -> None:
        self._pages.append(page)
        self._layout.addWidget(page)
        page.setVisible(len(self._pages) == 1)
        self._current = max(self._current, 0)

    def current_page(self) -> QWidget:
        return self._pages[self._current]

    def set_current_index(self, index: int) -> None:
        self._current = index
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)


class PrintDialog(QDialog):
    """`choice()` tells what to make; `save_as` is True when the user wants to keep the PDF.

    `sections` are the association's sections with their current members, in its own
    order; "" stands for the members without a section.
    """

    def __init__(
        self,
        today: dt.date,
        settings: Settings | None = None,
        sections: Sequence[tuple[str, int]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        settings = settings or Settings()
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
        self.pages = OptionPages()
        for page in (
            self._members_page(),
            self._labels_page(settings),
            self._birthdays_page(today),
            self._sign_in_page(sections),
            QWidget(),  # the board list has no options
        ):
            self.pages.add_page(page)
        layout.addWidget(self.pages)
        layout.addStretch(1)  # when the user makes the dialog taller, the space goes below

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
        self.buttons = buttons
        layout.addSpacing(layout.spacing())  # a little air between the options and the buttons
        layout.addWidget(buttons)
        self.report.currentIndexChanged.connect(self._show_page)
        self._show_page(0)

    # -- the pages ------------------------------------------------------------------------
    def _members_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        _flush(grid)
        self.columns: dict[str, QCheckBox] = {}
        for number, (key, title) in enumerate(MEMBER_COLUMNS.items()):
            box = QCheckBox(_(title))
            box.setChecked(key in DEFAULT_COLUMNS)
            box.setEnabled(key != "name")
            self.columns[key] = box
            grid.addWidget(box, number // 2, number % 2)
        self.include_former = QCheckBox(_("Include former members"))
        grid.addWidget(self.include_former, len(MEMBER_COLUMNS) // 2 + 1, 0, 1, 2)
        return page

    def _labels_page(self, settings: Settings) -> QWidget:
        page = QWidget()
        form = _form(page)
        self.sheet = QComboBox()
        for key, sheet in LABEL_SHEETS.items():
            self.sheet.addItem(sheet.name, key)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData(settings.label_sheet)))
        self.offset_x = _offset(settings.label_offset_x_mm)
        self.offset_y = _offset(settings.label_offset_y_mm)
        self.per_household = QCheckBox(_("One label per household"))
        self.per_household.setChecked(settings.labels_per_household)
        self.outlines = QCheckBox(_("Draw the label edges"))
        self.outlines_hint = _hint(
            _(
                "For a test print on plain paper: hold it against a sheet of labels to see "
                "whether the printer offset is right."
            ),
            below=self.outlines,
        )
        form.addRow(_("Label sheet"), self.sheet)
        form.addRow(_("Printer offset to the right (mm)"), self.offset_x)
        form.addRow(_("Printer offset downwards (mm)"), self.offset_y)
        form.addRow(self.per_household)
        form.addRow(self.outlines)
        form.addRow(self.outlines_hint)
        return page

    def _birthdays_page(self, today: dt.date) -> QWidget:
        page = QWidget()
        form = _form(page)
        self.month = QComboBox()
        self.month.addItem(_("The whole year"), None)
        for month in range(1, 13):
            self.month.addItem(month_name(month), month)
        self.month.setCurrentIndex(today.month)
        form.addRow(_("Month"), self.month)
        return page

    def _sign_in_page(self, sections: Sequence[tuple[str, int]]) -> QWidget:
        page = QWidget()
        form = _form(page)
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("e.g. Rehearsal, General meeting"))
        form.addRow(_("Title"), self.title)
        self.sections: dict[str, QCheckBox] = {}
        if sections:
            boxes = QWidget()
            grid = QGridLayout(boxes)
            _flush(grid)
            for number, (name, count) in enumerate(sections):
                members = ngettext("{n} member", "{n} members", count)
                box = QCheckBox(
                    "{name} ({count})".format(
                        name=name or _("No section"),
                        count=members.format(n=format_number(count)),
                    )
                )
                box.setChecked(True)
                box.toggled.connect(self._update_buttons)
                self.sections[name] = box
                grid.addWidget(box, number // 2, number % 2)
            form.addRow(_("Sections"), boxes)
            self.no_section_chosen = _hint(_("Choose at least one section."))
            form.addRow("", self.no_section_chosen)
        return page

    # -- behaviour ------------------------------------------------------------------------
    def _show_page(self, index: int) -> None:
        """Show the options of one list; the dialog takes that page's height."""
        self.pages.set_current_index(index)
        self._update_buttons()
        if not self.isVisible():
            return  # showing it sizes it to the page
        layout = self.layout()
        layout.invalidate()
        layout.activate()
        width = max(self.width(), layout.totalMinimumSize().width())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else -1
        self.resize(width, max(height, layout.totalSizeHint().height()))

    def _update_buttons(self) -> None:
        """Printing a sign-in sheet needs at least one section."""
        none_chosen = (
            self.report.currentData() == "signin"
            and bool(self.sections)
            and not any(box.isChecked() for box in self.sections.values())
        )
        self.open_button.setEnabled(not none_chosen)
        self.save_button.setEnabled(not none_chosen)
        if self.sections:
            self.no_section_chosen.setVisible(none_chosen)

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
            chosen = [name for name, box in self.sections.items() if box.isChecked()]
            every = len(chosen) == len(self.sections)
            return key, {"title": self.title.text().strip(), "sections": None if every else chosen}
        return key, {}

    def remember(self, settings: Settings) -> bool:
        """Keep the label choices for next time; True when a label list was chosen."""
        if self.report.currentData() != "labels":
            return False
        settings.label_sheet = self.sheet.currentData()
        settings.label_offset_x_mm = round(self.offset_x.value(), 1)
        settings.label_offset_y_mm = round(self.offset_y.value(), 1)
        settings.labels_per_household = self.per_household.isChecked()
        return True


def _offset(value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
    box.setSingleStep(0.5)
    box.setDecimals(1)
    box.setValue(value)
    return box


def _form(page: QWidget) -> QFormLayout:
    """A form without margins of its own, lined up with the list chooser above it."""
    form = QFormLayout(page)
    _flush(form)
    # A label too long for its column (a longer translation) goes above its field.
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _flush(layout: QLayout) -> None:
    layout.setContentsMargins(0, 0, 0, 0)


def _hint(text: str, below: QCheckBox | None = None) -> QLabel:
    """An explanation wrapped to the dialog's width; `below` a check box, under its text."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if below is not None:
        style = below.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, below)
        indent += style.pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, below)
        label.setContentsMargins(indent, 0, 0, 0)
    return label
