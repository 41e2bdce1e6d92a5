"""Money as whole euro cents, so no amount is ever a float."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount in euro cents. Arithmetic stays exact; rounding is half up, once."""

    cents: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.cents, bool) or not isinstance(self.cents, int):
            raise TypeError("Money holds whole cents (int)")

    @classmethod
    def euros(cls, value: int | str | Decimal) -> Money:
        """Build from euros given as int, Decimal or a string such as "12.50"."""
        if isinstance(value, float):
            raise TypeError("use a string or Decimal, never a float, for money")
        try:
            amount = Decimal(str(value).strip())
            if not amount.is_finite():
                raise InvalidOperation
            cents = (amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        except InvalidOperation as error:
            raise ValueError(f"not an amount: {value!r}") from error
        return cls(int(cents))

    def as_decimal(self) -> Decimal:
        return (Decimal(self.cents) / 100).quantize(Decimal("0.01"))

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents - other.cents)

    def __neg__(self) -> Money:
        return Money(-self.cents)

    def __mul__(self, factor: int | Decimal) -> Money:
        if isinstance(factor, bool | float):
            return NotImplemented
        if isinstance(factor, int):
            return Money(self.cents * factor)
        if isinstance(factor, Decimal):
            product = (Decimal(self.cents) * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            return Money(int(product))
        return NotImplemented

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.cents != 0

    @staticmethod
    def total(amounts: list[Money] | tuple[Money, ...]) -> Money:
        return Money(sum(amount.cents for amount in amounts))

    def __str__(self) -> str:
        return f"EUR {self.as_decimal()}"
