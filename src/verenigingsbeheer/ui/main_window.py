"""The main window: a sidebar, the pages, the File menu and the status bar.

It only assembles what it is given; opening files and building pages is the
AppController's work, and each page talks to the services itself.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from verenigingsbeheer import APP_NAME
from verenigingsbeheer.i18n import _
from verenigingsbeheer.ui.icons import icon
from verenigingsbeheer.ui.read_only import EditGuard

SIDEBAR_WIDTH = 200
SIDEBAR_STYLE = """
QListWidget#sidebar { border: none; border-right: 1px solid palette(mid); outline: 0;
                      background: palette(base); padding-top: 6px; }
QListWidget#sidebar::item { padding: 8px 8px; border-radius: 4px; margin: 0 6px; }
QListWidget#sidebar::item:selected { background: #d6e4f2; color: #1d3d5e; }
QListWidget#sidebar::item:hover:!selected { background: palette(alternate-base); }
"""
BANNER_STYLE = """
QLabel#readOnlyBanner { background: #fff3cd; color: #5c4400; padding: 7px 16px;
                        border-bottom: 1px solid #e6c869; }
"""


class MainWindow(QMainWindow):
    new_requested = Signal()
    open_requested = Signal()
    recent_requested = Signal(str)
    settings_requested = Signal()
    undo_requested = Signal()
    closed = Signal()  # the user closed the window: the file may be let go

    def __init__(self, state_file: Path) -> None:
        super().__init__()
        self._state = QSettings(str(state_file), QSettings.Format.IniFormat)
        self.setWindowIcon(icon("verenigingsbeheer"))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # pages are reached by Ctrl+n
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        self.stack = QStackedWidget()
        # Shown above everything while the file is open read-only (see set_read_only).
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setStyleSheet(BANNER_STYLE)
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.hide()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.read_only_banner)
        layout = QHBoxLayout()
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.file_label, 1)
        self.read_only_label = QLabel()
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.edit_guard = EditGuard(self)
        self._build_menus()
        self.edit_guard.add([self.undo_action])
        self.sidebar.currentRowChanged.connect(self._row_changed)
        self._current_row = -1

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.new_action = QAction(_("&New association file…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_requested)
        self.open_action = QAction(_("&Open…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_requested)
        self.recent_menu = QMenu(_("&Recent files"), self)
        self.settings_action = QAction(_("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.settings_requested)
        self.quit_action = QAction(_("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.open_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.undo_action = QAction(_("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_requested)
        edit_menu.addAction(self.undo_action)
        self.set_undo(None)
        self.go_menu = self.menuBar().addMenu(_("&Go"))
        self.page_actions: list[QAction] = []

    def add_page(self, page: QWidget, icon_name: str) -> None:
        """Add a page to the sidebar; the n-th page is reached with Ctrl+n (the tenth with
        Ctrl+0)."""
        index = self.stack.addWidget(page)
        item = QListWidgetItem(icon(icon_name), page.page_title())
        self.sidebar.addItem(item)
        action = QAction(page.page_title(), self)
        if index < 10:  # Ctrl+1 ... Ctrl+9, and Ctrl+0 for the tenth page
            action.setShortcut(QKeySequence(f"Ctrl+{(index + 1) % 10}"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
        self.go_menu.addAction(action)
        self.addAction(action)
        self.page_actions.append(action)
        editing = getattr(page, "editing_controls", None)
        if editing is not None:
            self.edit_guard.add(editing())

    def pages(self) -> list[QWidget]:
        return [self.stack.widget(i) for i in range(self.stack.count())]

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_page(self, index: int) -> bool:
        if index == self._current_row:
            return True
        self.sidebar.setCurrentRow(index)
        return self._current_row == index

    def _row_changed(self, row: int) -> None:
        if row == self._current_row or row < 0:
            return
        current = self.current_page()
        if self._current_row >= 0 and current is not None and not current.can_leave():
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(self._current_row)
            self.sidebar.blockSignals(False)
            return
        self._current_row = row
        page = self.stack.widget(row)
        page.refresh()
        self.stack.setCurrentIndex(row)

    def set_association(self, name: str, path: Path) -> None:
        self.setWindowTitle(f"{name} – {APP_NAME}")
        self.file_label.setText(_("File: {path}").format(path=path))

    def set_read_only(self, banner: str | None) -> None:
        """`banner` (who has the file open) switches every editing control off; set it once,
        right after the pages were added."""
        read_only = banner is not None
        self.edit_guard.set_read_only(read_only)
        self.read_only_banner.setText(
            f"<b>{escape(banner)}</b>. "
            + escape(_("You can view, search, export and print, but not change anything."))
            if read_only
            else ""
        )
        self.read_only_banner.setVisible(read_only)
        self.read_only_label.setText(_("Read-only"))
        self.read_only_label.setVisible(read_only)

    def set_undo(self, description: str | None) -> None:
        """What Edit > Undo would undo now; None greys it out."""
        self.undo_action.setEnabled(description is not None)
        self.undo_action.setText(
            _("&Undo: {action}").format(action=description) if description else _("&Undo")
        )

    def set_recent_files(self, files: list[str], current: Path | None) -> None:
        self.recent_menu.clear()
        others = [f for f in files if current is None or Path(f) != current.resolve()]
        for file in others:
            action = self.recent_menu.addAction(file)
            action.triggered.connect(lambda _checked=False, f=file: self.recent_requested.emit(f))
        self.recent_menu.setEnabled(bool(others))

    def restore_state(self) -> None:
        geometry = self._state.value("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)

    def save_state(self) -> None:
        self._state.setValue("geometry", self.saveGeometry())
        self._state.sync()

    def may_close(self) -> bool:
        current = self.current_page()
        return current is None or current.can_leave()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close():
            event.ignore()
            return
        self.save_state()
        event.accept()
        self.closed.emit()
