"""An amount typed as Dutch users write it (`22,50`), that may stay empty."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.parsing import parse_money
from verenigingsbeheer.i18n import _, language


def typed_amount(amount: Money) -> str:
    """An amount as it is typed back: without the euro sign or thousands, with the
    language's decimal sign (12,50; 12.50 in English)."""
    text = f"{amount.as_decimal():.2f}"
    return text.replace(".", ",") if language() == "nl" else text


class MoneyField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("e.g. 22,50"))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(130)

    def set_amount(self, amount: Money | None) -> None:
        self.setText("" if amount is None else typed_amount(amount))

    def problem(self) -> str:
        if not self.text().strip():
            return ""
        try:
            amount = parse_money(self.text())
        except ValueError:
            return _("Write an amount in euros, e.g. 22,50.")
        return _("An amount cannot be negative.") if amount.cents < 0 else ""

    def amount(self) -> Money | None:
        """The amount, or None when empty or unreadable (see `problem`)."""
        if not self.text().strip() or self.problem():
            return None
        return parse_money(self.text())
