"""The typed settings registry: defaults, a round trip, and bad values left out on loading."""

from __future__ import annotations

import json
from pathlib import Path

from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.settings import Settings


def test_label_printing_defaults_and_round_trip(tmp_path: Path):
    file = tmp_path / "instellingen.json"
    fresh = settings_store.load(file)
    assert (fresh.label_sheet, fresh.label_offset_x_mm, fresh.label_offset_y_mm) == ("3x7", 0, 0)
    assert fresh.labels_per_household is False
    chosen = Settings(
        label_sheet="2x7", label_offset_x_mm=1.5, label_offset_y_mm=-2.0, labels_per_household=True
    )
    settings_store.save(chosen, file)
    assert settings_store.load(file) == chosen


def test_bad_label_values_fall_back_to_the_defaults(tmp_path: Path):
    file = tmp_path / "instellingen.json"
    file.write_text(
        json.dumps(
            {
                "language": ["nl"],
                "label_sheet": "4x10",
                "label_offset_x_mm": 35,
                "label_offset_y_mm": "2",
                "labels_per_household": "ja",
                "member_columns": ["name"],
            }
        ),
        encoding="utf-8",
    )
    loaded = settings_store.load(file)
    assert loaded.label_sheet == "3x7" and loaded.labels_per_household is False
    assert (loaded.label_offset_x_mm, loaded.label_offset_y_mm) == (0.0, 0.0)
    assert loaded.language == "nl" and loaded.member_columns == ["name"]  # the rest is kept
    file.write_text(json.dumps({"label_offset_x_mm": True, "label_offset_y_mm": -1.26}))
    loaded = settings_store.load(file)
    assert (loaded.label_offset_x_mm, loaded.label_offset_y_mm) == (0.0, -1.3)


def test_a_settings_file_that_is_not_an_object_gives_the_defaults(tmp_path: Path):
    file = tmp_path / "instellingen.json"
    file.write_text("[1, 2]", encoding="utf-8")
    assert settings_store.load(file) == Settings()
