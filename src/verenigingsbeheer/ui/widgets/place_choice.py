"""Where an activity takes place: one of the association's rooms (then it is booked there),
or a place typed for somewhere that is no known room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QVBoxLayout, QWidget

from verenigingsbeheer.i18n import _


class PlaceChoice(QWidget):
    def __init__(
        self, rooms: list[tuple[int, str]], places: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.room = QComboBox()
        self.room.addItem(_("Another place (typed)"), None)
        for room_id, label in rooms:
            self.room.addItem(label, room_id)
        self.text = QLineEdit()
        self.text.setMaxLength(200)
        self.text.setPlaceholderText(_("e.g. Kloosterkerk, Lange Voorhout 4"))
        completer = QCompleter(places, self.text)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.text.setCompleter(completer)
        layout.addWidget(self.room)
        layout.addWidget(self.text)
        self.room.setVisible(bool(rooms))  # no rooms known yet: just the text
        self.room.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    def _update(self) -> None:
        self.text.setVisible(self.room_id() is None)

    def room_id(self) -> int | None:
        return self.room.currentData()

    def place(self) -> str:
        """The typed place; empty when a room is chosen (the booking is the place)."""
        return self.text.text() if self.room_id() is None else ""

    def set_place(self, room_id: int | None, text: str) -> None:
        index = self.room.findData(room_id) if room_id is not None else 0
        self.room.setCurrentIndex(max(index, 0))
        self.text.setText(text)
        self._update()
