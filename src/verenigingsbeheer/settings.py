"""The user's preferences, typed, with defaults; stored as JSON in the config folder.

Window geometry is Qt's business and goes to QSettings in the UI layer.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import asdict, dataclass, field
from pathlib import Path

from verenigingsbeheer.i18n import DEFAULT_LANGUAGE, LANGUAGES
from verenigingsbeheer.outputs.pdf.options import DEFAULT_SHEET, LABEL_SHEETS, MAX_OFFSET_MM

MAX_RECENT = 8
log = logging.getLogger(__name__)


@dataclass
class Settings:
    language: str = DEFAULT_LANGUAGE
    recent_files: list[str] = field(default_factory=list)
    # Columns shown in the member list, by key; empty means the default choice.
    member_columns: list[str] = field(default_factory=list)
    # Address labels: the sheet in the drawer and how this printer misplaces the print
    # (mm; positive is to the right and down), so a calibrated offset is set only once.
    label_sheet: str = DEFAULT_SHEET
    label_offset_x_mm: float = 0.0
    label_offset_y_mm: float = 0.0
    labels_per_household: bool = False
    # Backups (per computer): the folder ("" is backups/ in the data folder), how many
    # daily, weekly and monthly backups rotation keeps, and whether they are encrypted.
    backup_folder: str = ""
    backup_keep_daily: int = 7
    backup_keep_weekly: int = 4
    backup_keep_monthly: int = 12
    backup_encrypted: bool = False

    @property
    def last_file(self) -> Path | None:
        return Path(self.recent_files[0]) if self.recent_files else None

    def remember(self, path: Path) -> None:
        """Put `path` first in the recent files."""
        text = str(Path(path).resolve())
        self.recent_files = [text] + [p for p in self.recent_files if p != text]
        del self.recent_files[MAX_RECENT:]

    def forget(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [p for p in self.recent_files if p != text]


def load(file: Path) -> Settings:
    """Read the settings; a missing or unreadable file gives the defaults."""
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("settings unreadable, using defaults: %s", error)
        return Settings()
    if not isinstance(raw, dict):
        log.warning("settings file holds no settings, using defaults")
        return Settings()
    settings = Settings()
    if _choice(raw.get("language"), LANGUAGES):
        settings.language = raw["language"]
    recent = raw.get("recent_files")
    if isinstance(recent, list):
        settings.recent_files = [str(p) for p in recent if isinstance(p, str)][:MAX_RECENT]
    columns = raw.get("member_columns")
    if isinstance(columns, list):
        settings.member_columns = [str(c) for c in columns if isinstance(c, str)]
    if _choice(raw.get("label_sheet"), LABEL_SHEETS):
        settings.label_sheet = raw["label_sheet"]
    for key in ("label_offset_x_mm", "label_offset_y_mm"):
        offset = _offset(raw.get(key))
        if offset is not None:
            setattr(settings, key, offset)
    if isinstance(raw.get("labels_per_household"), bool):
        settings.labels_per_household = raw["labels_per_household"]
    _load_backup_settings(raw, settings)
    return settings


MAX_KEEP = 1000


def _load_backup_settings(raw: dict, settings: Settings) -> None:
    if isinstance(raw.get("backup_folder"), str):
        settings.backup_folder = raw["backup_folder"]
    for key in ("backup_keep_daily", "backup_keep_weekly", "backup_keep_monthly"):
        value = raw.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_KEEP:
            setattr(settings, key, value)
    if isinstance(raw.get("backup_encrypted"), bool):
        settings.backup_encrypted = raw["backup_encrypted"]


def _choice(value: object, choices: dict[str, object]) -> bool:
    return isinstance(value, str) and value in choices


def _offset(value: object) -> float | None:
    """A printer offset in mm within the allowed range, to 0.1 mm; None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or abs(value) > MAX_OFFSET_MM:
        return None
    return round(float(value), 1)


def save(settings: Settings, file: Path) -> None:
    """Write atomically, so a crash never leaves half a settings file."""
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_name(file.name + ".tmp")
    partial.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
    partial.replace(file)
