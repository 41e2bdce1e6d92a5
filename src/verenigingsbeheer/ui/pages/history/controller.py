"""Fills the log page from the history service and undoes a chosen action."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_number
from verenigingsbeheer.services import history
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.models.history_table import HistoryTableModel
from verenigingsbeheer.ui.pages.history.view import HistoryView


class HistoryPage(HistoryView):
    def __init__(self, context: PageContext) -> None:
        super().__init__(context.today())
        self.context = context
        self.model = HistoryTableModel(self)
        self.actions.setModel(self.model)
        # Fixed widths and the status taking what is left: in a narrow window the table
        # scrolls sideways instead of squeezing the description to nothing.
        header = self.actions.horizontalHeader()
        header.setStretchLastSection(True)
        for width, column in ((125, 0), (100, 1), (135, 2), (280, 3), (85, 4), (140, 5)):
            self.actions.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.kind.addItem(_("All kinds"), None)
        for key, label in history.KIND_LABELS.items():
            self.kind.addItem(_(label), key)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.who.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since.editingFinished.connect(self.refresh)
        self.until.editingFinished.connect(self.refresh)
        self.actions.selectionModel().selectionChanged.connect(lambda *_: self._show_changes())
        self.undo_button.clicked.connect(self.undo_selected)
        self._update_button()

    def page_title(self) -> str:
        return _("Log")

    def editing_controls(self) -> list:
        return [self.undo_button]

    def can_leave(self) -> bool:
        return True

    def refresh(self) -> None:
        problem = self.since.problem() or self.until.problem()
        self.date_problem.setText(problem)
        self.date_problem.setVisible(bool(problem))
        if problem:
            return
        with self.context.database.reading() as session:
            people = history.people_who_changed(session)
            rows = history.list_actions(
                session,
                kind=self.kind.currentData(),
                who=self.who.currentData(),
                since=self.since.date(),
                until=self.until.date(),
            )
        self._fill_people(people)
        self.model.set_rows(rows, set(self.context.database.actions))
        self.summary.setText(
            ngettext("{n} action shown", "{n} actions shown", len(rows)).format(
                n=format_number(len(rows))
            )
        )
        self._show_changes()

    def _fill_people(self, people: list[str]) -> None:
        current = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(_("Everyone"), None)
        for name in people:
            self.who.addItem(name, name)
        self.who.setCurrentIndex(max(0, self.who.findData(current)))
        self.who.blockSignals(False)

    def selected(self) -> history.ActionRow | None:
        rows = self.actions.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_action(self, action_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).action_id == action_id:
                self.actions.selectRow(row)
                return

    def _show_changes(self) -> None:
        action = self.selected()
        lines = []
        if action is not None:
            with self.context.database.reading() as session:
                changes = history.changes_of(session, action.action_id)
            for change in changes:
                record = f"{change.table_label} {change.row_id}"
                shown = change.shown() or [("", "", "")]
                lines.extend((record, change.operation_label, *values) for values in shown)
        self.changes.setRowCount(len(lines))
        for row, texts in enumerate(lines):
            for column, text in enumerate(texts):
                self.changes.setItem(row, column, QTableWidgetItem(text))
        self._update_button()

    def _update_button(self) -> None:
        action = self.selected()
        self.undo_button.setEnabled(
            action is not None
            and action.undoable
            and not action.undone
            and action.action_id in self.context.database.actions
        )

    def undo_selected(self) -> None:
        action = self.selected()
        if action is None:
            return
        if undo_action(self.context, action, self):
            self.refresh()


def undo_action(context: PageContext, action: history.ActionRow, parent) -> bool:
    """Ask, then undo `action` in one transaction; says why when it cannot be done."""
    question = _("Undo “{action}” of {when}? This is recorded in the log as well.").format(
        action=action.description or action.kind_label, when=f"{action.at:%H:%M}"
    )
    if not context.asker.confirm(parent, _("Undo"), question):
        return False
    try:
        with context.database.transaction() as session:
            history.undo(session, action.action_id)
    except UserError as error:
        context.asker.error(parent, _("Not undone"), error.message)
        return False
    return True
