"""Two small tables to edit on the volunteers page: the tasks with what an hour of each is
worth, and the tax-free limits of allowances per year with their source."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from verenigingsbeheer.domain.money import Money
from verenigingsbeheer.domain.parsing import parse_money
from verenigingsbeheer.domain.volunteers import Limits, limits_problem, tasks_problem
from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.dialogs.editable_table import EditableTable
from verenigingsbeheer.ui.widgets.money_field import typed_amount


class TasksDialog(EditableTable):
    def __init__(self, tasks: list[tuple[int, str, Money]], parent: QWidget | None = None):
        super().__init__(
            _("Volunteer tasks"),
            _(
                "The tasks volunteers help with, and what an hour of each is worth: the value of "
                "volunteer work in a subsidy budget."
            ),  # fmt: skip
            [_("Task"), _("Value an hour (€)")],
            parent,
        )
        for task_id, name, value in tasks:
            self.append([name, typed_amount(value)], task_id)

    def read(self) -> list[tuple[int | None, str, Money]]:
        found = []
        for key, (name, value) in self.cells():
            try:
                amount = parse_money(value or "0")
            except ValueError:
                raise ValueError(_("{task}: write the value as 12,50.").format(task=name)) from None
            found.append((key, name, amount))
        problem = tasks_problem([(name, amount) for _key, name, amount in found])
        if problem:
            raise ValueError(problem)
        return found


class LimitsDialog(EditableTable):
    def __init__(self, limits: list[Limits], parent: QWidget | None = None):
        super().__init__(
            _("Tax-free limits"),
            _(
                "The Belastingdienst sets the tax-free limits of volunteer allowances each year. "
                "Add a new year when they are published, with where they come from."
            ),  # fmt: skip
            [
                _("Year"),
                _("Per hour, 21+"),
                _("Per hour, under 21"),
                _("Per month"),
                _("Per year"),
                _("Source"),
            ],  # fmt: skip
            parent,
            stretch=5,
        )
        self.resize(760, 420)
        for limit in sorted(limits, key=lambda item: item.year):
            amounts = (limit.hourly_adult, limit.hourly_young, limit.monthly, limit.yearly)
            self.append([str(limit.year), *map(typed_amount, amounts), limit.source])

    def read(self) -> list[Limits]:
        found = []
        for _key, (year, *amounts, source) in self.cells():
            try:
                money = [parse_money(text) for text in amounts]
                found.append(Limits(int(year), *money, source))
            except ValueError:
                raise ValueError(
                    _("Line {year}: write the year as 2027 and amounts as 5,75.").format(
                        year=year or "?"
                    )
                ) from None
        problem = limits_problem(found)
        if problem:
            raise ValueError(problem)
        return found
