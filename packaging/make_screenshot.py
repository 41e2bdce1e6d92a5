"""Render the README screenshot from a fresh demo association (offscreen, in Dutch).

python packaging/make_screenshot.py  ->  resources/screenshots/main-window.png
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 11, 23)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from verenigingsbeheer.paths import Paths
    from verenigingsbeheer.services.demo import create_demo
    from verenigingsbeheer.settings import Settings
    from verenigingsbeheer.ui.app_controller import AppController
    from verenigingsbeheer.ui.asker import QtAsker

    app = QApplication(sys.argv[:1])
    # A readable folder name, since the status bar shows the file's path.
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        paths = Paths(home / "data", home / "config", home / "log").ensure()
        documents = Path(tempfile.gettempdir()) / "Documenten"
        documents.mkdir(exist_ok=True)
        demo = documents / "haags-gemengd-koor.sqlite"
        demo.unlink(missing_ok=True)
        create_demo(demo, members=40, seed=1, today=DAY).close()
        controller = AppController(paths, Settings(), QtAsker(), today=lambda: DAY)
        controller.apply_language()
        controller.start(demo)
        window = controller.window
        window.resize(1100, 680)
        out = ROOT / "resources" / "screenshots"
        out.mkdir(parents=True, exist_ok=True)
        shots = {"DashboardPage": "main-window", "MembersPage": "members",
                 "ActivitiesPage": "activities", "AttendancePage": "attendance",
                 "RoomsPage": "rooms", "VolunteersPage": "volunteers",
                 "AssociationPage": "association"}  # fmt: skip
        for index, page in enumerate(window.pages()):
            name = shots.get(type(page).__name__)
            if name is not None:
                window.show_page(index)
                if name == "volunteers":
                    page.tabs.setCurrentIndex(2)  # the overview says more than an empty week
                app.processEvents()
                window.grab().save(str(out / f"{name}.png"))
        controller.shutdown()
        demo.unlink()
    print(f"screenshots written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
