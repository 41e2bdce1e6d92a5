"""Backups around opening and restoring: the note on open, the offer for a damaged file,
and restoring a chosen backup after the question."""

from __future__ import annotations

from pathlib import Path

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import N_, _
from verenigingsbeheer.services import backups, locking
from verenigingsbeheer.services.backup_texts import summary_fields
from verenigingsbeheer.services.files import AssociationFile
from verenigingsbeheer.ui.asker import Asker
from verenigingsbeheer.ui.context import PageContext

OTHER_ASSOCIATION = N_(
    "Careful: this is a backup of another association file ({name}), not of the open one. "
    "Restoring it replaces this association's data by that one's."
)


def back_up_on_open(
    asker: Asker, parent, database: AssociationFile, config: backups.BackupConfig
) -> None:
    """A backup when the file changed since its last one; what went wrong is only said."""
    _made, note = backups.backup_if_changed(database, config)
    notes = [text for text in (config.note, note) if text]
    if notes:
        asker.inform(parent, _("Backups"), "\n\n".join(notes))


def offer_restore(
    asker: Asker, parent, path: Path, message: str, config: backups.BackupConfig
) -> bool:
    """For a file that failed the quick check: offer its newest backup that passes the full
    check. True when it was restored (then open the file again)."""
    found = backups.newest_good_backup(path, config)
    if found is None:
        return False
    backup, contents = found
    question = "\n\n".join(
        [
            message,
            _(
                "The newest good backup is of {when} ({reason}), with {members} and "
                "{former}. Restore it? The damaged file is kept as well."
            ).format(**summary_fields(backup, contents)),
        ]
    )
    if not asker.confirm(parent, _("The file is damaged"), question):
        return False
    try:
        # Restoring writes the file: only while nobody else has it open.
        with locking.holding_for_command(path, lambda _note: None):
            kept = backups.restore(path, backup.path, config)
    except UserError as error:
        asker.error(parent, _("Not restored"), error.message)
        return False
    asker.inform(
        parent,
        _("Restored"),
        _("The backup of {when} was restored. The damaged file was kept as {kept}.").format(
            when=summary_fields(backup, contents)["when"], kept=kept
        ),
    )
    return True


def restore_chosen(context: PageContext, parent, backup: backups.BackupFile) -> bool:
    """Show what the backup holds, warn about another association, ask, then restore."""
    config = backups.config_for(context.settings, context.paths)
    try:
        contents = backups.contents_of(backup.path)
    except UserError as error:
        context.asker.error(parent, _("Not restored"), error.message)
        return False
    live = context.database.path
    fields = summary_fields(backup, contents)
    parts = [
        _(
            "Restore the backup of {when} ({reason}) of {name}, with {members} and {former}? "
            "Everything changed since then is replaced."
        ).format(**fields),
        _("The current file is kept as a backup first, so you can go back to it."),
    ]
    if backups.is_other_association(backup.path, live):
        parts.insert(0, _(OTHER_ASSOCIATION).format(name=contents.association))
    if not context.asker.confirm(parent, _("Restore a backup"), "\n\n".join(parts)):
        return False
    passphrase = None
    if backup.encrypted:
        passphrase = config.passphrase
        if passphrase is None or not backups.passphrase_fits(backup.path, passphrase):
            passphrase = context.asker.passphrase(parent, backup.path.name)
            if passphrase is None:
                return False

    def run() -> str:
        kept = backups.restore(live, backup.path, config, passphrase)
        return _("The backup of {when} was restored. The previous file was kept as {kept}.").format(
            when=fields["when"], kept=kept
        )

    return context.replace_file(run)


def offer_restore_open(context: PageContext, parent, message: str) -> bool:
    """The open file failed the full check: offer its newest backup that passes it, and
    restore that (the damaged file is kept) with the file closed meanwhile."""
    config = backups.config_for(context.settings, context.paths)
    live = context.database.path
    found = backups.newest_good_backup(live, config)
    if found is None:
        context.asker.error(
            parent, _("The file is damaged"), message + "\n\n" + _("No good backup was found.")
        )
        return False
    backup, contents = found
    fields = summary_fields(backup, contents)
    question = "\n\n".join(
        [
            message,
            _(
                "The newest good backup is of {when} ({reason}), with {members} and "
                "{former}. Restore it? The damaged file is kept as well."
            ).format(**fields),
        ]
    )
    if not context.asker.confirm(parent, _("The file is damaged"), question):
        return False

    def run() -> str:
        kept = backups.restore(live, backup.path, config)
        return _("The backup of {when} was restored. The damaged file was kept as {kept}.").format(
            when=fields["when"], kept=kept
        )

    return context.replace_file(run)
