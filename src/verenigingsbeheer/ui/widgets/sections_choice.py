"""Which sections an activity expects: everyone, or only the ones ticked (a sectional
rehearsal for the men's voices). Also a time field typed as HH:MM."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import _


class SectionsChoice(QWidget):
    def __init__(self, sections: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.everyone = QRadioButton(_("Everyone"))
        self.some = QRadioButton(_("Only these sections:"))
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for section_id, name in sections:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, section_id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        rows = max(1, min(len(sections), 6))
        self.list.setFixedHeight(rows * (self.list.fontMetrics().height() + 8) + 6)
        layout.addWidget(self.everyone)
        layout.addWidget(self.some)
        layout.addWidget(self.list)
        self.everyone.setChecked(True)
        self.some.setEnabled(bool(sections))
        self.everyone.toggled.connect(lambda _on: self._update())
        self.list.itemChanged.connect(lambda _item: self._ticked())
        self._update()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(n) for n in range(self.list.count())]

    def _update(self) -> None:
        self.list.setEnabled(self.some.isChecked())

    def _ticked(self) -> None:
        if any(i.checkState() == Qt.CheckState.Checked for i in self._items()):
            self.some.setChecked(True)

    def set_section_ids(self, section_ids: tuple[int, ...]) -> None:
        wanted = set(section_ids)
        self.list.blockSignals(True)
        for item in self._items():
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        (self.some if wanted else self.everyone).setChecked(True)
        self._update()

    def section_ids(self) -> tuple[int, ...]:
        """Empty: everyone is expected."""
        if self.everyone.isChecked():
            return ()
        return tuple(
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def problem(self) -> str:
        if self.some.isChecked() and not self.section_ids():
            return _("Tick at least one section, or choose everyone.")
        return ""


class TimeField(QTimeEdit):
    """A time as HH:MM in steps of five minutes by the arrows."""

    def __init__(self, time: dt.time, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("HH:mm")
        self.set_time(time)

    def set_time(self, time: dt.time) -> None:
        self.setTime(QTime(time.hour, time.minute))

    def value(self) -> dt.time:
        time = self.time()
        return dt.time(time.hour(), time.minute())

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == QTimeEdit.Section.MinuteSection:
            minutes = self.time().hour() * 60 + self.time().minute() + steps * 5
            minutes = max(0, min(minutes - minutes % 5, 23 * 60 + 55))
            self.setTime(QTime(minutes // 60, minutes % 60))
        else:
            super().stepBy(steps)
