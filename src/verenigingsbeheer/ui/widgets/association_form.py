"""The form for the association's details, shared by the first-run dialog and its page.

It validates as the user types (with the domain's rules) and marks each wrong field
with a Dutch explanation beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.domain.association import AssociationDetails, validate
from verenigingsbeheer.i18n import _
from verenigingsbeheer.i18n.formatting import month_name

LOGO_MAX_PIXELS = 256
ERROR_STYLE = "border: 1px solid #c0392b; background: #fdecea;"


class AssociationForm(QWidget):
    """Public widgets per field; `details()` and `problems()` give the state."""

    changed = Signal()

    def __init__(self, choose_logo=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choose_logo = choose_logo
        self._logo_png: bytes | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("e.g. Haags Kamerkoor"))
        self.street = QLineEdit()
        self.house_number = QLineEdit()
        self.house_number.setMaximumWidth(90)
        self.postcode = QLineEdit()
        self.postcode.setMaximumWidth(110)
        self.town = QLineEdit()
        self.country = QLineEdit("NL")
        self.country.setMaxLength(2)
        self.country.setMaximumWidth(60)
        self.kvk_number = QLineEdit()
        self.kvk_number.setPlaceholderText("12345678")
        self.iban = QLineEdit()
        self.iban.setPlaceholderText("NL91 ABNA 0417 1643 00")
        self.creditor_id = QLineEdit()
        self.creditor_id.setPlaceholderText("NL79ZZZ999999990000")
        self.financial_year_start_month = QComboBox()
        for month in range(1, 13):
            self.financial_year_start_month.addItem(month_name(month), month)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid);")
        self.logo_button = QPushButton(_("Choose logo…"))
        self.logo_remove = QPushButton(_("Remove logo"))
        self.logo_button.clicked.connect(self._pick_logo)
        self.logo_remove.clicked.connect(lambda: self.set_logo(None))

        self._fields: dict[str, QWidget] = {
            "name": self.name,
            "street": self.street,
            "house_number": self.house_number,
            "postcode": self.postcode,
            "town": self.town,
            "country": self.country,
            "kvk_number": self.kvk_number,
            "iban": self.iban,
            "creditor_id": self.creditor_id,
            "financial_year_start_month": self.financial_year_start_month,
        }
        self.error_labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        address = QHBoxLayout()
        address.addWidget(self.street, 1)
        address.addWidget(self.house_number)
        place = QHBoxLayout()
        place.addWidget(self.postcode)
        place.addWidget(self.town, 1)
        place.addWidget(QLabel(_("Country")))
        place.addWidget(self.country)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.logo_remove)
        logo_buttons.addStretch()
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch()
        rows = [
            (_("Name of the association"), self.name, ["name"]),
            (_("Street and number"), address, ["street", "house_number"]),
            (_("Postcode and town"), place, ["postcode", "town", "country"]),
            (_("KvK number"), self.kvk_number, ["kvk_number"]),
            (_("IBAN"), self.iban, ["iban"]),
            (_("SEPA creditor ID"), self.creditor_id, ["creditor_id"]),
            (
                _("Financial year starts in"),
                self.financial_year_start_month,
                ["financial_year_start_month"],
            ),
            (_("Logo"), logo_row, ["logo_png"]),
        ]
        for label, field, names in rows:
            form.addRow(label, field)
            error = QLabel()
            error.setStyleSheet("color: #c0392b;")
            error.setWordWrap(True)
            error.hide()
            form.addRow("", error)
            for name in names:
                self.error_labels[name] = error
        self.setLayout(form)
        self._touched: set[str] = set()
        for name, widget in self._fields.items():
            if isinstance(widget, QLineEdit):
                # typing marks a field as touched; any change (also clear()) re-validates
                widget.textEdited.connect(lambda _text, n=name: self._on_change(n))
                widget.textChanged.connect(lambda _text: self._on_change(None))
            else:
                widget.currentIndexChanged.connect(lambda _i, n=name: self._on_change(n))
        self.set_logo(None)

    def inputs(self) -> list[QWidget]:
        """Every field and button that changes the details (for read-only mode)."""
        return [*self._fields.values(), self.logo_button, self.logo_remove]

    def details(self) -> AssociationDetails:
        return AssociationDetails(
            name=self.name.text(),
            street=self.street.text(),
            house_number=self.house_number.text(),
            postcode=self.postcode.text(),
            town=self.town.text(),
            country=self.country.text(),
            kvk_number=self.kvk_number.text(),
            iban=self.iban.text(),
            creditor_id=self.creditor_id.text(),
            financial_year_start_month=int(self.financial_year_start_month.currentData()),
            logo_png=self._logo_png,
        )

    def set_details(self, details: AssociationDetails) -> None:
        for name, widget in self._fields.items():
            value = getattr(details, name)
            if isinstance(widget, QLineEdit):
                widget.setText(str(value))
        self.financial_year_start_month.setCurrentIndex(details.financial_year_start_month - 1)
        self.set_logo(details.logo_png)
        self._touched = set(self._fields)
        self.show_problems()

    def problems(self) -> dict[str, str]:
        return validate(self.details())

    def show_problems(self, everything: bool = False) -> dict[str, str]:
        """Mark wrong fields the user has touched (all of them when `everything`)."""
        problems = self.problems()
        if everything:
            self._touched = set(self._fields)
        shown = {k: v for k, v in problems.items() if k in self._touched or k == "logo_png"}
        for label in self.error_labels.values():
            label.hide()
        for name, widget in self._fields.items():
            widget.setStyleSheet(ERROR_STYLE if name in shown else "")
            widget.setToolTip(shown.get(name, ""))
        for name, message in shown.items():
            label = self.error_labels.get(name)
            if label is not None:
                label.setText(message)
                label.show()
        return problems

    def _on_change(self, name: str | None) -> None:
        if name is not None:
            self._touched.add(name)
        self.show_problems()
        self.changed.emit()

    def set_logo(self, png: bytes | None) -> None:
        self._logo_png = png
        self.logo_remove.setEnabled(png is not None)
        if png:
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    68,
                    68,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("no logo"))
        self.changed.emit()

    def _pick_logo(self) -> None:
        if self._choose_logo is None:
            return
        path = self._choose_logo(self)
        if path is not None:
            self.load_logo(path)

    def load_logo(self, path: Path) -> bool:
        """Read an image file, shrink it to at most 256 pixels and keep it as PNG."""
        image = QImage(str(path))
        label = self.error_labels["logo_png"]
        if image.isNull():
            label.setText(_("This file is not an image that can be read."))
            label.show()
            return False
        if max(image.width(), image.height()) > LOGO_MAX_PIXELS:
            image = image.scaled(
                LOGO_MAX_PIXELS,
                LOGO_MAX_PIXELS,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        label.hide()
        self.set_logo(bytes(data.data()))
        return True
