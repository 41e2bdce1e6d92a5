"""The member page's widgets: search and filters, counts, actions, the table."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer.i18n import N_, _

STATUSES = (("active", N_("Current members")), ("former", N_("Former members")),
            ("all", N_("Everyone")))  # fmt: skip
EXTRA_FILTERS = (
    ("", N_("No further filter")),
    ("board", N_("Board and committees")),
    ("pass", N_("With Ooievaarspas")),
    ("email", N_("Without e-mail")),
    ("iban", N_("Without IBAN")),
    ("mandate", N_("Without mandate")),
)


class MembersView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, address, e-mail or phone…"))
        self.search.setClearButtonEnabled(True)
        filters.addWidget(self.search, 1)
        self.status = QComboBox()
        for key, label in STATUSES:
            self.status.addItem(_(label), key)
        self.section = QComboBox()
        self.membership_type = QComboBox()
        self.extra = QComboBox()
        for key, label in EXTRA_FILTERS:
            self.extra.addItem(_(label), key)
        for combo in (self.status, self.section, self.membership_type, self.extra):
            filters.addWidget(combo)
        layout.addLayout(filters)

        actions = QHBoxLayout()
        self.new_button = QPushButton(_("New member…"))
        self.edit_button = QPushButton(_("Edit…"))
        self.end_button = QPushButton(_("End membership…"))
        self.rejoin_button = QPushButton(_("Rejoin…"))
        self.delete_button = QPushButton(_("Delete…"))
        for button in (self.new_button, self.edit_button, self.end_button, self.rejoin_button,
                       self.delete_button):  # fmt: skip
            actions.addWidget(button)
        actions.addStretch(1)
        self.import_button = QPushButton(_("Import…"))
        self.export_button = QPushButton(_("Export…"))
        self.print_button = QPushButton(_("Print…"))
        self.more_button = QToolButton()
        self.more_button.setText(_("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.more_button.setMenu(self.more_menu)
        self.columns_menu = self.more_menu.addMenu(_("Columns"))
        self.categories_action = self.more_menu.addAction(_("Sections and membership types…"))
        for button in (self.import_button, self.export_button, self.print_button,
                       self.more_button):  # fmt: skip
            actions.addWidget(button)
        layout.addLayout(actions)

        self.table = QTableView()
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
