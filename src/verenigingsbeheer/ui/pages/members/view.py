"""The member page's widgets: search and filters, counts, actions, the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolBar,
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
        self.search.setMinimumWidth(140)
        filters.addWidget(self.search, 1)
        self.status = QComboBox()
        for key, label in STATUSES:
            self.status.addItem(_(label), key)
        filters.addWidget(self.status)
        layout.addLayout(filters)
        more_filters = QHBoxLayout()
        self.section = QComboBox()
        self.membership_type = QComboBox()
        self.extra = QComboBox()
        for key, label in EXTRA_FILTERS:
            self.extra.addItem(_(label), key)
        for combo in (self.status, self.section, self.membership_type, self.extra):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
        for combo in (self.section, self.membership_type, self.extra):
            more_filters.addWidget(combo)
        more_filters.addStretch(1)
        layout.addLayout(more_filters)

        # A tool bar, so a narrow window folds the last actions into a ">>" menu.
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self.toolbar.addAction(_("New member…"))
        self.edit_action = self.toolbar.addAction(_("Edit…"))
        self.end_action = self.toolbar.addAction(_("End membership…"))
        self.rejoin_action = self.toolbar.addAction(_("Rejoin…"))
        self.delete_action = self.toolbar.addAction(_("Delete…"))
        self.toolbar.addSeparator()
        self.import_action = self.toolbar.addAction(_("Import…"))
        self.export_action = self.toolbar.addAction(_("Export…"))
        self.print_action = self.toolbar.addAction(_("Print…"))
        self.more_menu = QMenu(_("More"), self)
        self.columns_menu = self.more_menu.addMenu(_("Columns"))
        self.categories_action = self.more_menu.addAction(_("Sections and membership types…"))
        self.more_menu.addSeparator()
        self.mailing_action = self.more_menu.addAction(_("Export the newsletter mailing list…"))
        self.person_data_action = self.more_menu.addAction(
            _("Export this person's data (request for access)…")
        )
        self.forget_action = self.more_menu.addAction(_("Forget this person…"))
        self.more_action = self.toolbar.addAction(_("More"))
        self.more_action.setMenu(self.more_menu)
        more_button = self.toolbar.widgetForAction(self.more_action)
        more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        layout.addWidget(self.toolbar)

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
