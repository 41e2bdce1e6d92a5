"""Connects the member page to the member services: list, filters, form and actions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from verenigingsbeheer.domain.member import MemberDetails
from verenigingsbeheer.errors import ValidationFailed
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_number
from verenigingsbeheer.services import categories, households, member_records, members
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.dialogs.categories_dialog import CategoriesDialog
from verenigingsbeheer.ui.dialogs.member_dialog import MemberDialog
from verenigingsbeheer.ui.dialogs.membership_dialogs import EndMembershipDialog, RejoinDialog
from verenigingsbeheer.ui.models.members_table import (
    COLUMN_KEYS,
    COLUMNS,
    Filters,
    MemberFilterProxy,
    MembersTableModel,
)
from verenigingsbeheer.ui.pages.members import file_actions, privacy_actions
from verenigingsbeheer.ui.pages.members.view import MembersView


class MembersPage(MembersView):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self._loaded: tuple | None = None
        self.model = MembersTableModel(self)
        self.proxy = MemberFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(COLUMN_KEYS.index("name"), Qt.SortOrder.AscendingOrder)
        self._build_columns_menu()
        self.search.textChanged.connect(self._search)
        for combo in (self.status, self.section, self.membership_type, self.extra):
            combo.currentIndexChanged.connect(self._filter)
        # Keys and double-clicks go through the actions, so read-only mode stops them too.
        self.table.doubleClicked.connect(lambda _index: self.open_member())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.new_action.triggered.connect(lambda: self.new_member())
        self.edit_action.triggered.connect(lambda: self.edit_member())
        self.end_action.triggered.connect(lambda: self.end_membership())
        self.rejoin_action.triggered.connect(lambda: self.rejoin())
        self.delete_action.triggered.connect(lambda: self.delete_member())
        self.categories_action.triggered.connect(self.edit_categories)
        self.import_action.triggered.connect(lambda: file_actions.import_members(self))
        self.export_action.triggered.connect(lambda: file_actions.export_members(self))
        self.print_action.triggered.connect(lambda: file_actions.print_list(self))
        self.mailing_action.triggered.connect(lambda: file_actions.export_mailing(self))
        self.person_data_action.triggered.connect(lambda: privacy_actions.export_person(self))
        self.forget_action.triggered.connect(lambda: privacy_actions.forget_person(self))
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.open_member)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self.open_member)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_action.trigger)
        self._update_buttons()

    def page_title(self) -> str:
        return _("Members")

    def can_leave(self) -> bool:
        return True

    def editing_controls(self) -> list:
        """What changes the file; switched off while it is open read-only."""
        return [
            self.new_action, self.edit_action, self.end_action, self.rejoin_action,
            self.delete_action, self.import_action, self.categories_action,
            self.forget_action,
        ]  # fmt: skip

    # -- loading ------------------------------------------------------------------------
    def preload(self) -> None:
        """Read the list ahead, before the page is first shown (see AppController)."""
        self.refresh()

    def refresh(self, force: bool = False) -> None:
        """Reload only when something changed since the last look (or the day did)."""
        today = self.context.today()
        key = (self.context.database.generation, today)
        if key == self._loaded and not force:
            return
        self._loaded = key
        with self.context.database.reading() as session:
            rows = members.list_members(session, today, include_former=True)
            sections = categories.list_categories(session, "section")
            types = categories.list_categories(session, "type")
        per_section = members.tally_current(rows, "section", [c.name for c in sections])
        per_type = members.tally_current(rows, "membership_type", [c.name for c in types])
        self._fill_combo(self.section, _("All sections"), [c.name for c in sections])
        self._fill_combo(self.membership_type, _("All membership types"), [c.name for c in types])
        self.model.set_rows(rows)
        self.proxy.resort()
        self._show_counts(per_section, per_type)
        self._update_summary()
        self._update_buttons()

    def _fill_combo(self, combo, everything: str, names: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _show_counts(self, per_section, per_type) -> None:
        total = sum(count for _name, count in per_section)
        parts = [ngettext("{n} current member", "{n} current members", total).format(
            n=format_number(total))]  # fmt: skip
        no_section, no_type = _("(no section)"), _("(no type)")
        sections = " · ".join(f"{name or no_section}: {n}" for name, n in per_section)
        types = " · ".join(f"{name or no_type}: {n}" for name, n in per_type)
        self.counts.setText("  —  ".join(p for p in (parts[0], sections, types) if p))

    # -- search, filters, columns -----------------------------------------------------------
    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_summary()

    def _filter(self) -> None:
        extra = self.extra.currentData()
        self.proxy.set_filters(
            Filters(
                status=self.status.currentData(),
                section=self.section.currentData(),
                membership_type=self.membership_type.currentData(),
                board_only=extra == "board",
                pass_only=extra == "pass",
                missing=extra if extra in ("email", "iban", "mandate") else "",
            )
        )
        self._update_summary()

    def _update_summary(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.summary.setText(
            ngettext("{shown} of {total} person shown", "{shown} of {total} persons shown",
                     total).format(shown=format_number(shown), total=format_number(total))
        )  # fmt: skip

    def _build_columns_menu(self) -> None:
        chosen = set(self.context.settings.member_columns) or {c.key for c in COLUMNS if c.visible}
        chosen.add("name")
        for number, column in enumerate(COLUMNS):
            self.table.setColumnWidth(number, column.width)
            self.table.setColumnHidden(number, column.key not in chosen)
            action = QAction(_(column.title), self.columns_menu)
            action.setCheckable(True)
            action.setChecked(column.key in chosen)
            action.setEnabled(column.key != "name")
            action.toggled.connect(lambda on, n=number: self.show_column(n, on))
            self.columns_menu.addAction(action)

    def show_column(self, number: int, visible: bool) -> None:
        self.table.setColumnHidden(number, not visible)
        self.context.settings.member_columns = self.visible_columns()
        self.context.save_settings()

    def visible_columns(self) -> list[str]:
        return [c.key for n, c in enumerate(COLUMNS) if not self.table.isColumnHidden(n)]

    # -- selection ------------------------------------------------------------------------
    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_member(self, member_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_at(source.row()).member_id == member_id:
                self.table.selectionModel().select(
                    self.proxy.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.proxy.index(row, 0))
                return

    def _update_buttons(self) -> None:
        row = self.selected()
        self.edit_action.setEnabled(row is not None)
        self.delete_action.setEnabled(row is not None)
        # A membership with a notice and a later end date is still running: it can be
        # changed in the form, but neither ended again nor rejoined.
        ended = row is not None and row.member_until is not None
        self.end_action.setEnabled(row is not None and not ended)
        self.rejoin_action.setEnabled(ended and row.member_until < self.context.today())
        self.person_data_action.setEnabled(row is not None)
        self.forget_action.setEnabled(row is not None)

    # -- actions --------------------------------------------------------------------------
    def open_member(self) -> None:
        """Double-click or Enter: the form to edit, or only to look at while the file is
        open read-only (then editing is switched off)."""
        if self.edit_action.isEnabled():
            self.edit_member()
        elif self.selected() is not None:
            self.view_member()

    def view_member(self) -> None:
        row = self.selected()
        if row is None:
            return
        with self.context.database.reading() as session:
            record = member_records.get_member(session, row.member_id)
        dialog, _saved = self._dialog(record, view_only=True)
        self.context.asker.run_dialog(dialog)

    def _dialog(self, record, *, view_only: bool = False):
        with self.context.database.reading() as session:
            sections = categories.list_categories(session, "section")
            types = categories.list_categories(session, "type")
            known_households = households.list_households(session)
            committees = members.committee_names(session)
        saved: dict[str, int] = {}

        def save(details: MemberDetails, household: tuple[int | None, bool]):
            try:
                with self.context.database.transaction() as session:
                    if record is None:
                        saved["id"] = member_records.create_member(
                            session, details, self.context.today()
                        )
                    else:
                        member_records.update_member(
                            session, record.member_id, details, self.context.today()
                        )
                        saved["id"] = record.member_id
                    households.set_household(session, saved["id"], *household)
            except ValidationFailed as refused:
                return refused.problems
            return None

        dialog = MemberDialog(
            self.context.today(),
            sections,
            types,
            record,
            save,
            self.context.asker,
            self,
            households=known_households,
            committees=committees,
            view_only=view_only,
        )
        return dialog, saved

    def new_member(self) -> None:
        dialog, saved = self._dialog(None)
        if self.context.asker.run_dialog(dialog) and "id" in saved:
            self.refresh()
            self.select_member(saved["id"])

    def edit_member(self) -> None:
        row = self.selected()
        if row is None:
            return
        with self.context.database.reading() as session:
            record = member_records.get_member(session, row.member_id)
        dialog, saved = self._dialog(record)
        if self.context.asker.run_dialog(dialog) and "id" in saved:
            self.refresh()
            self.select_member(saved["id"])

    def _act(self, action, member_id: int) -> bool:
        if not self.context.write(self, action):
            return False
        self.refresh()
        self.select_member(member_id)
        return True

    def end_membership(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = EndMembershipDialog(row.name.full, self.context.today(), self)
        if self.context.asker.run_dialog(dialog):
            self._act(
                lambda s: member_records.end_membership(
                    s, row.member_id, dialog.until.date(), dialog.reason.text(),
                    dialog.notice.date(),
                ),
                row.member_id,
            )  # fmt: skip

    def rejoin(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = RejoinDialog(row.name.full, self.context.today(), self)
        if self.context.asker.run_dialog(dialog):
            self._act(lambda s: member_records.rejoin(s, row.member_id, dialog.since.date()),
                      row.member_id)  # fmt: skip

    def delete_member(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = _(
            "Delete {name} (member number {number}) with all their details? To keep the "
            "history, end the membership instead."
        ).format(name=row.name.full, number=row.member_number)
        if self.context.asker.confirm(self, _("Delete member"), question):
            self._act(lambda s: member_records.delete_member(s, row.member_id), row.member_id)

    def edit_categories(self) -> None:
        self.context.asker.run_dialog(CategoriesDialog(self.context.database, self))
        self.refresh(force=True)
