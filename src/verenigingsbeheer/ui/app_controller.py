"""Which file is open, and the window that shows it.

Opens, creates and switches association files, rebuilds the window when the language
changes, and keeps the recent-files list. Questions go through the injected Asker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from verenigingsbeheer import i18n
from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.errors import DamagedFile, UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.paths import Paths
from verenigingsbeheer.services import backups, history, overview
from verenigingsbeheer.services.files import AssociationFile, create_association_file
from verenigingsbeheer.settings import Settings
from verenigingsbeheer.ui import file_lock, qt_translations
from verenigingsbeheer.ui.asker import Asker
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.file_lock import Cancelled, LockKeeper, Opened, open_for_window
from verenigingsbeheer.ui.main_window import MainWindow
from verenigingsbeheer.ui.pages.activities.controller import ActivitiesPage
from verenigingsbeheer.ui.pages.association.controller import AssociationPage
from verenigingsbeheer.ui.pages.attendance.controller import AttendancePage
from verenigingsbeheer.ui.pages.backups import recovery
from verenigingsbeheer.ui.pages.backups.controller import BackupsPage
from verenigingsbeheer.ui.pages.dashboard.controller import DashboardPage
from verenigingsbeheer.ui.pages.history.controller import HistoryPage, undo_action
from verenigingsbeheer.ui.pages.members.controller import MembersPage
from verenigingsbeheer.ui.pages.privacy.controller import PrivacyPage
from verenigingsbeheer.ui.pages.rooms.controller import RoomsPage
from verenigingsbeheer.ui.pages.volunteers.controller import VolunteersPage
from verenigingsbeheer.ui.startup import after_first_paint

# (page class, icon) in sidebar order; Ctrl+1, Ctrl+2, ... follow this order.
PAGES = (
    (DashboardPage, "dashboard"),
    (MembersPage, "members"),
    (ActivitiesPage, "activities"),
    (AttendancePage, "attendance"),
    (RoomsPage, "rooms"),
    (VolunteersPage, "volunteers"),
    (AssociationPage, "association"),
    (PrivacyPage, "privacy"),
    (BackupsPage, "backups"),
    (HistoryPage, "history"),
)


class AppController:
    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        asker: Asker,
        today: Callable[[], dt.date] = dt.date.today,
        preload: bool = True,
    ) -> None:
        self.paths = paths
        self.preload = preload  # off for --quit-after-show, which measures the first paint
        self.settings = settings
        self.asker = asker
        self.today = today
        self.database: AssociationFile | None = None
        self.window: MainWindow | None = None
        self._context: PageContext | None = None
        # One writer at a time: the open file's lock, or the read-only line (ui/file_lock.py).
        self.lock_keeper = LockKeeper(self._lock_lost)
        self.read_only_banner: str | None = None

    # -- start-up ---------------------------------------------------------------------------
    def start(self, db_path: Path | None) -> bool:
        """Open `db_path`, else the last-used file, else ask for a new association.

        Returns False when there is nothing to show (the user cancelled the first run).
        """
        if db_path is not None:
            return self.open_file(db_path, raise_errors=True)  # False: cancelled (in use)
        last = self.settings.last_file
        if last is not None and last.exists() and self.open_file(last):
            return True
        return self.new_file()

    # -- files ------------------------------------------------------------------------------
    def open_file(self, path: Path, *, raise_errors: bool = False) -> bool:
        if self.window is not None and not self.window.may_close():
            return False
        config = backups.config_for(self.settings, self.paths)
        try:
            opened = open_for_window(
                Path(path),
                config.folder,
                self.asker,
                self.window,
                self.lock_keeper,
                passphrase=config.passphrase,
            )
        except Cancelled:
            return False
        except UserError as error:
            if isinstance(error, DamagedFile) and recovery.offer_restore(
                self.asker, self.window, Path(path), error.message, config
            ):
                return self.open_file(path, raise_errors=raise_errors)
            if raise_errors:
                raise
            self.asker.error(self.window, _("The file cannot be opened"), error.message)
            if not Path(path).exists():
                self.settings.forget(Path(path))
                self._save_settings()
            return False
        self._switch_to(opened)
        if not opened.database.read_only:
            recovery.back_up_on_open(self.asker, self.window, opened.database, config)
        return True

    def new_file(self) -> bool:
        if self.window is not None and not self.window.may_close():
            return False
        self.paths.data_dir.mkdir(parents=True, exist_ok=True)
        answer = self.asker.new_association(self.window, self.paths.data_dir)
        if answer is None:
            return False
        path, details = answer
        if details is None:  # the user chose to open an existing file instead
            return self.open_file(path)
        try:
            create_association_file(path, details).close()
        except UserError as error:
            self.asker.error(self.window, _("The file cannot be created"), error.message)
            return False
        return self.open_file(path)  # takes its lock like any other file

    def _switch_to(self, opened: Opened, *, explain: bool = True) -> None:
        if self.database is not opened.database:
            if self.database is not None:
                self.database.close()
            opened.database.committed.append(self._update_undo)
        self.lock_keeper.hold(opened.lock)  # lets go of the previous file's lock
        opened.database.before_commit = self.lock_keeper.verify if opened.lock else None
        self.read_only_banner = opened.banner if opened.lock is None else None
        database = self.database = opened.database
        self.settings.remember(database.path)
        self._save_settings()
        self._build_window()
        if explain:
            file_lock.explain_conflicts(self.asker, self.window, database.path)

    def _lock_lost(self, lost) -> None:
        """Someone took the file over while we slept: from now on we only look."""
        assert self.database is not None
        self.database.read_only = True
        opened = Opened(self.database, None, file_lock.lost_banner(lost))
        self._switch_to(opened, explain=False)
        self.asker.inform(self.window, _("File taken over"), file_lock.lost_message(lost))

    # -- settings ---------------------------------------------------------------------------
    def change_settings(self) -> None:
        language = self.asker.settings(self.window, self.settings.language)
        if language is None or language == self.settings.language:
            return
        if self.window is not None and not self.window.may_close():
            return
        self.settings.language = language
        self._save_settings()
        self.apply_language()
        self._build_window()

    def apply_language(self) -> None:
        i18n.set_language(self.settings.language)
        qt_translations.install(self.settings.language)

    def _save_settings(self) -> None:
        settings_store.save(self.settings, self.paths.settings_file)

    # -- the window -------------------------------------------------------------------------
    def _build_window(self) -> None:
        assert self.database is not None
        old = self.window
        if old is not None:
            old.save_state()
        window = MainWindow(self.paths.window_state_file)
        context = PageContext(
            database=self.database,
            asker=self.asker,
            today=self.today,
            association_changed=self._refresh_title,
            settings=self.settings,
            save_settings=self._save_settings,
            read_only=self.read_only_banner is not None,
            paths=self.paths,
            replace_file=self._replace_file,
        )
        for page_class, icon_name in PAGES:
            window.add_page(page_class(context), icon_name)
        window.set_read_only(self.read_only_banner)
        window.new_requested.connect(self.new_file)
        window.open_requested.connect(self._ask_open)
        window.recent_requested.connect(lambda path: self.open_file(Path(path)))
        window.settings_requested.connect(self.change_settings)
        window.undo_requested.connect(self._undo_last)
        window.closed.connect(self.lock_keeper.release)  # quitting: others may write now
        self._context = context
        window.restore_state()
        self.window = window
        self._refresh_title()
        self._update_undo()
        window.show_page(0)
        if old is not None:
            old.hide()
            old.deleteLater()
        if self.preload:
            after_first_paint(window, lambda: self._preload(window))
        window.show()

    def _preload(self, window: MainWindow) -> None:
        """While the user looks at the first page, pages with much to read (the member list
        of a large association) read it, so that opening them later is instant."""
        if window is not self.window or self.database is None:  # replaced or shut down since
            return
        for page in window.pages():
            preload = getattr(page, "preload", None)
            if preload is not None:
                preload()

    def _refresh_title(self) -> None:
        if self.window is None or self.database is None:
            return
        with self.database.reading() as session:
            name = overview.association_name(session)
        self.window.set_association(name, self.database.path)
        self.window.set_recent_files(self.settings.recent_files, self.database.path)

    def _update_undo(self) -> None:
        if self.window is None or self.database is None:
            return
        with self.database.reading() as session:
            last = history.last_undoable(session, self.database.actions)
        self.window.set_undo(last.description if last else None)

    def _undo_last(self) -> None:
        if self.database.read_only:
            return
        with self.database.reading() as session:
            last = history.last_undoable(session, self.database.actions)
        if last is not None and undo_action(self._context, last, self.window):
            page = self.window.current_page()
            if page is not None:
                page.refresh()

    def _replace_file(self, run: Callable[[], str]) -> bool:
        """Close the file, let `run` replace it (a restore), then open it again.

        A UserError from `run` is shown and the file, left as it was, is opened again.
        """
        if self.database is None or (self.window is not None and not self.window.may_close()):
            return False
        path = self.database.path
        self.database.close()
        try:
            message = run()
        except UserError as error:
            self.asker.error(self.window, _("Not restored"), error.message)
            self.open_file(path)
            return False
        self.database = None  # closed: opening again must not close it twice
        if self.open_file(path) and message:
            self.asker.inform(self.window, _("Restored"), message)
        return True

    def _ask_open(self) -> None:
        folder = self.database.path.parent if self.database else self.paths.data_dir
        path = self.asker.open_path(self.window, folder)
        if path is not None:
            self.open_file(path)

    def shutdown(self) -> None:
        self.lock_keeper.release()
        if self.database is not None:
            self.database.close()
            self.database = None
