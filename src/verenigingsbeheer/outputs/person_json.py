"""A person's data as JSON, for data portability (art. 20 AVG): plain keys and ISO dates,
readable by any program."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _

if TYPE_CHECKING:
    from verenigingsbeheer.services.person_data import PersonData

FORMAT = "verenigingsbeheer-persoonsgegevens/1"


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def as_json(data: PersonData) -> str:
    document = {
        "format": FORMAT,
        "association": data.association,
        "made_on": data.made_on.isoformat(),
        "person": {"name": data.name.full},
        "records": {
            group.table: [{k: _plain(v) for k, v in row.items()} for row in group.rows]
            for group in data.groups
        },
        "log": [
            {
                "at": change.at.isoformat(timespec="seconds"),
                "who": change.who,
                "action": change.description,
                "record": change.record,
                "changes": [
                    {"field": label, "before": before, "after": after}
                    for label, before, after in change.changes
                ],
            }
            for change in data.log
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def write_person_json(path: Path, data: PersonData) -> None:
    if not path.parent.is_dir():
        raise UserError(_("The folder {folder} does not exist.").format(folder=path.parent))
    try:
        path.write_text(as_json(data) + "\n", encoding="utf-8")
    except OSError as error:
        raise UserError(
            _("{path} cannot be written: {why}").format(path=path, why=error.strerror)
        ) from error
