"""Every file location the program uses, in one place.

`VERENIGINGSBEHEER_HOME` moves all of them below one folder, so tests and portable
installs never touch the real user folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_HOME = "VERENIGINGSBEHEER_HOME"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "instellingen.json"

    @property
    def window_state_file(self) -> Path:
        return self.config_dir / "venster.ini"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "verenigingsbeheer.log"

    def ensure(self) -> Paths:
        for folder in (self.data_dir, self.config_dir, self.log_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def default_paths() -> Paths:
    """The user's folders (platformdirs), or those below $VERENIGINGSBEHEER_HOME."""
    home = os.environ.get(ENV_HOME)
    if home:
        root = Path(home)
        return Paths(root / "data", root / "config", root / "log")
    import platformdirs

    dirs = platformdirs.PlatformDirs("Verenigingsbeheer", appauthor=False)
    return Paths(Path(dirs.user_data_dir), Path(dirs.user_config_dir), Path(dirs.user_log_dir))


def resources_dir() -> Path:
    """`resources/` inside an installed wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    bundled = here / "resources"
    if bundled.is_dir():
        return bundled
    return here.parent.parent / "resources"


def locale_dir() -> Path:
    return resources_dir() / "locale"
