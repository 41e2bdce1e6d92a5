"""The Backups page: make, list and restore backups, check the file, and the settings."""

from __future__ import annotations

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.services import backups, integrity
from verenigingsbeheer.services.backup_texts import count_lines, size_text, when_text
from verenigingsbeheer.ui.context import PageContext
from verenigingsbeheer.ui.models.backups_table import BackupsTableModel
from verenigingsbeheer.ui.pages.backups import recovery
from verenigingsbeheer.ui.pages.backups.view import BackupsView


class BackupsPage(BackupsView):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self.model = BackupsTableModel(self)
        self.table.setModel(self.model)
        self.fit_columns()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())
        self.backup_button.clicked.connect(self.make_backup)
        self.restore_button.clicked.connect(self.restore_selected)
        self.check_button.clicked.connect(self.check_file)
        self.choose_folder_button.clicked.connect(self.choose_folder)
        self.default_folder_button.clicked.connect(self.use_default_folder)
        for spin in (self.keep_daily, self.keep_weekly, self.keep_monthly):
            spin.valueChanged.connect(lambda _value: self._keep_changed())
        self.encrypt.toggled.connect(self._encrypt_toggled)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self._show_settings()

    def page_title(self) -> str:
        return _("Backups")

    def can_leave(self) -> bool:
        return True

    def editing_controls(self) -> list:
        """Only restoring changes the file; a backup and a check only read it, and the
        backup settings belong to this computer."""
        return [self.restore_button]

    def config(self) -> backups.BackupConfig:
        return backups.config_for(self.context.settings, self.context.paths)

    def refresh(self) -> None:
        config = self.config()
        self.folder_note.setText(config.note)
        self.folder_note.setVisible(bool(config.note))
        self.model.set_rows(backups.list_backups(self.context.database, config))
        self._selected_changed()

    def selected(self) -> backups.BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected_changed(self) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None)
        if backup is None:
            self.show_details([])
            return
        rows = [
            (_("Made on"), when_text(backup.made_at)),
            (_("Why"), backups.reason_label(backup.reason)),
            (_("Size"), size_text(backup.size)),
            (_("Encrypted"), _("yes") if backup.encrypted else _("no")),
        ]
        try:
            contents = backups.contents_of(backup.path)
        except UserError as error:
            rows.append((_("Contents"), error.message))
        else:
            rows.insert(0, (_("Association"), contents.association))
            rows.extend(count_lines(contents))
            rows.append((_("Schema version"), contents.revision or "–"))
        self.show_details(rows)

    # -- actions ------------------------------------------------------------------------------
    def make_backup(self) -> None:
        try:
            made = backups.make_backup(self.context.database.path, "handmatig", self.config())
        except UserError as error:
            self.context.asker.error(self, _("No backup made"), error.message)
            return
        self.refresh()
        self.say(_("Backup made: {path}").format(path=made))

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is not None:
            recovery.restore_chosen(self.context, self, backup)

    def check_file(self) -> None:
        try:
            result = integrity.check_file(self.context.database.path)
        except UserError as error:
            self.say(error.message)
            return
        self.say(result.message)
        if not result.sound:  # offers the newest good backup, as opening a damaged file does
            details = "\n".join(result.details)
            recovery.offer_restore_open(self.context, self, f"{result.message}\n{details}")

    # -- settings -----------------------------------------------------------------------------
    def _show_settings(self) -> None:
        settings = self.context.settings
        for spin, value in (
            (self.keep_daily, settings.backup_keep_daily),
            (self.keep_weekly, settings.backup_keep_weekly),
            (self.keep_monthly, settings.backup_keep_monthly),
        ):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.folder.setText(settings.backup_folder or str(self.context.paths.backup_dir))
        self.default_folder_button.setEnabled(bool(settings.backup_folder))
        self.encrypt.blockSignals(True)
        self.encrypt.setChecked(settings.backup_encrypted)
        self.encrypt.blockSignals(False)
        self.passphrase_button.setEnabled(settings.backup_encrypted)
        where = backups.passphrase_file(self.context.paths)
        self.encrypt_note.setText(
            _(
                "A lost passphrase means lost backups: nobody can open them without it. It "
                "is kept on this computer in {file}, readable only for your user account."
            ).format(file=where)
            if settings.backup_encrypted
            else _(
                "Without encryption anyone who gets hold of a backup (a lost USB stick) can "
                "read the member list."
            )
        )

    def _save(self) -> None:
        self.context.save_settings()
        self._show_settings()
        self.refresh()

    def choose_folder(self) -> None:
        start = self.config().folder
        chosen = self.context.asker.choose_folder(self, _("Folder for backups"), start)
        if chosen is None:
            return
        self.context.settings.backup_folder = str(chosen)
        self._save()

    def use_default_folder(self) -> None:
        self.context.settings.backup_folder = ""
        self._save()

    def _keep_changed(self) -> None:
        settings = self.context.settings
        settings.backup_keep_daily = self.keep_daily.value()
        settings.backup_keep_weekly = self.keep_weekly.value()
        settings.backup_keep_monthly = self.keep_monthly.value()
        self.context.save_settings()

    def _encrypt_toggled(self, on: bool) -> None:
        paths = self.context.paths
        if on and backups.load_passphrase(paths) is None and not self._ask_passphrase():
            self._show_settings()  # cancelled: encryption stays off
            return
        self.context.settings.backup_encrypted = on
        self._save()

    def change_passphrase(self) -> None:
        if self._ask_passphrase():
            self.say(_("The new passphrase is used for the next backups."))

    def _ask_passphrase(self) -> bool:
        passphrase = self.context.asker.new_passphrase(self)
        if passphrase is None:
            return False
        try:
            backups.save_passphrase(self.context.paths, passphrase)
        except (UserError, OSError) as error:
            message = error.message if isinstance(error, UserError) else str(error)
            self.context.asker.error(self, _("Passphrase not kept"), message)
            return False
        return True
