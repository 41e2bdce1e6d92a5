"""Connects the member list to the members service."""

from __future__ import annotations

from PySide6.QtCore import Qt

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_number
from verenigingsbeheer.services import members
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.models.members_table import MemberFilterProxy, MembersTableModel
from verenigingsbeheer.ui.pages.members.view import MembersView

COLUMN_WIDTHS = (50, 190, 85, 210, 100, 95, 95)
UNTIL_COLUMN = 6


class MembersPage(MembersView):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self._loaded: tuple | None = None
        self.model = MembersTableModel(self)
        self.proxy = MemberFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.search.textChanged.connect(self._search)
        self.include_former.toggled.connect(lambda _checked: self.refresh())

    def page_title(self) -> str:
        return _("Members")

    def refresh(self) -> None:
        """Reload only when something changed since the last look (or the day did)."""
        key = (
            self.context.database.generation,
            self.include_former.isChecked(),
            self.context.today(),
        )
        if key == self._loaded:
            return
        self._loaded = key
        with self.context.database.reading() as session:
            rows = members.list_members(
                session, self.context.today(), include_former=self.include_former.isChecked()
            )
        self.model.set_rows(rows)
        self.proxy.resort()
        self.table.setColumnHidden(UNTIL_COLUMN, not self.include_former.isChecked())
        self._update_summary()

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_summary()

    def _update_summary(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = ngettext("{n} member", "{n} members", total).format(n=format_number(total))
        else:
            text = _("{shown} of {total} members").format(
                shown=format_number(shown), total=format_number(total)
            )
        self.summary.setText(text)

    def can_leave(self) -> bool:
        return True
