"""One activity's form: kind, title, day and times, place, who is expected, and for a
performance whether it is public and how large the audience was. Checked as the user
types, by the same rules the service applies."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from verenigingsbeheer.domain import activities as rules
from verenigingsbeheer.domain.activities import ActivityDetails
from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.widgets.date_field import DateField
from verenigingsbeheer.ui.widgets.dialog_buttons import ok_cancel
from verenigingsbeheer.ui.widgets.field_marks import error_label, mark
from verenigingsbeheer.ui.widgets.place_choice import PlaceChoice
from verenigingsbeheer.ui.widgets.sections_choice import SectionsChoice, TimeField

NO_AUDIENCE = -1  # the spin box's "not known"


def kind_combo() -> QComboBox:
    combo = QComboBox()
    for key in rules.KINDS:
        combo.addItem(rules.kind_label(key), key)
    return combo


def time_row(start: TimeField, end: TimeField) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(start)
    layout.addWidget(QLabel("–"))
    layout.addWidget(end)
    layout.addStretch(1)
    return row


class ActivityDialog(QDialog):
    def __init__(
        self,
        today: dt.date,
        sections: list[tuple[int, str]],
        places: list[str],
        details: ActivityDetails | None = None,
        *,
        rooms: list[tuple[int, str]] = (),
        room_id: int | None = None,
        series_title: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        new = details is None
        self.setWindowTitle(_("New activity") if new else _("Edit activity"))
        self.setMinimumWidth(500)
        form = QFormLayout(self)
        if series_title is not None:
            note = QLabel(
                _(
                    "This activity belongs to the series '{title}'. Changes made here apply "
                    "to this occurrence only; use 'Change the series from here' for the rest."
                ).format(title=series_title)
            )
            note.setWordWrap(True)
            form.addRow(note)
        self.kind = kind_combo()
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.date = DateField(today)
        self.start = TimeField(dt.time(20, 0))
        self.end = TimeField(dt.time(22, 0))
        self.place = PlaceChoice(list(rooms), places)
        self.sections = SectionsChoice(sections)
        self.public = QCheckBox(_("Public (counts for subsidies)"))
        self.audience = QSpinBox()
        self.audience.setRange(NO_AUDIENCE, 100_000)
        self.audience.setSpecialValueText(_("not known"))
        self.audience.setValue(NO_AUDIENCE)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(self.fontMetrics().height() * 4 + 12)

        fields = ("kind", "title", "date", "end_time", "place", "sections", "audience")
        self.problems = {key: error_label() for key in fields}
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Title"), self.title)
        form.addRow("", self.problems["title"])
        form.addRow(_("Date"), self.date)
        form.addRow("", self.problems["date"])
        form.addRow(_("Time"), time_row(self.start, self.end))
        form.addRow("", self.problems["end_time"])
        form.addRow(_("Place"), self.place)
        form.addRow("", self.problems["place"])
        form.addRow(_("Expected"), self.sections)
        form.addRow("", self.problems["sections"])
        form.addRow("", self.public)
        self.audience_label = QLabel(_("Audience"))
        form.addRow(self.audience_label, self.audience)
        form.addRow("", self.problems["audience"])
        form.addRow(_("Notes"), self.notes)
        form.addRow(ok_cancel(self))

        self._typed_title = False
        self._room_id = room_id
        if details is not None:
            self.set_details(details)
        else:
            self.date.set_date(today)
            self.title.setText(rules.default_title("rehearsal"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.title.textEdited.connect(lambda _text: setattr(self, "_typed_title", True))
        self._kind_changed()

    def set_details(self, details: ActivityDetails) -> None:
        self.kind.setCurrentIndex(max(0, self.kind.findData(details.kind)))
        self.title.setText(details.title)
        self._typed_title = True
        self.date.set_date(details.date)
        self.start.set_time(details.start_time)
        self.end.set_time(details.end_time)
        self.place.set_place(self._room_id, details.place)
        self.sections.set_section_ids(details.section_ids)
        self.public.setChecked(details.public)
        self.audience.setValue(NO_AUDIENCE if details.audience is None else details.audience)
        self.notes.setPlainText(details.notes)

    def set_day(self, day: dt.date, start: dt.time | None) -> None:
        """A new activity where the user double-clicked in the calendar."""
        self.date.set_date(day)
        if start is not None:
            self.start.set_time(start)
            end = (dt.datetime.combine(day, start) + dt.timedelta(hours=2)).time()
            self.end.set_time(end if end > start else dt.time(23, 55))

    def room_id(self) -> int | None:
        """The room chosen: the activity is booked there."""
        return self.place.room_id()

    def _kind_changed(self, _index: int = 0) -> None:
        kind = self.kind.currentData()
        if not self._typed_title:
            self.title.setText(rules.default_title(kind))
        performance = kind == "performance"
        self.audience.setEnabled(performance)
        self.audience_label.setEnabled(performance)
        if performance and not self.public.isChecked() and not self._typed_title:
            self.public.setChecked(True)

    def details(self) -> ActivityDetails:
        audience = self.audience.value()
        return ActivityDetails(
            kind=self.kind.currentData(),
            title=self.title.text(),
            date=self.date.date() or dt.date.min,
            start_time=self.start.value(),
            end_time=self.end.value(),
            place=self.place.place(),
            section_ids=self.sections.section_ids(),
            public=self.public.isChecked(),
            audience=None if audience == NO_AUDIENCE else audience,
            notes=self.notes.toPlainText(),
        )

    def check(self) -> dict[str, str]:
        """Every problem per field, shown beside it; empty when the form may be saved."""
        details = self.details()
        problems = rules.validate_activity(details)
        date_problem = self.date.problem()
        if not date_problem and self.date.date() is None:
            date_problem = _("Enter the date.")
        if date_problem:
            problems["date"] = date_problem
        if self.sections.problem():
            problems["sections"] = self.sections.problem()
        widgets = {"kind": self.kind, "title": self.title, "date": self.date,
                   "end_time": self.end, "place": self.place.text, "sections": self.sections.list,
                   "audience": self.audience}  # fmt: skip
        for key, label in self.problems.items():
            mark(widgets[key], label, problems.get(key, ""))
        return problems

    def accept(self) -> None:
        if not self.check():
            super().accept()
