"""Opening the association file for a command, with this computer's backup settings: an
upgrade's backup goes to the chosen folder, encrypted when that is chosen."""

from __future__ import annotations

from pathlib import Path

from verenigingsbeheer.paths import Paths


def open_for_command(path: Path, paths: Paths):
    from verenigingsbeheer import settings as settings_store
    from verenigingsbeheer.services import backups
    from verenigingsbeheer.services.files import open_association_file

    config = backups.config_for(settings_store.load(paths.settings_file), paths)
    return open_association_file(
        path, config.folder, passphrase=config.passphrase, encrypt=config.encrypt
    )
