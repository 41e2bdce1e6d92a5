"""The direction of dependence: ui -> services -> db/domain, and a lean start-up."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "verenigingsbeheer"
UI_ONLY = ("ui",)
QT_ALLOWED = {"app.py", "__main__.py"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules():
    for path in PACKAGE.rglob("*.py"):
        yield path.relative_to(PACKAGE), imports_of(path)


def test_qt_is_imported_only_by_the_ui_and_the_composition_root():
    offenders = [
        str(rel)
        for rel, names in modules()
        if any(n.startswith("PySide6") for n in names)
        and rel.parts[0] not in UI_ONLY
        and str(rel) not in QT_ALLOWED
    ]
    assert offenders == []


def test_the_ui_never_talks_sql():
    offenders = [
        str(rel)
        for rel, names in modules()
        if rel.parts[0] == "ui" and any(n.startswith(("sqlalchemy", "sqlite3")) for n in names)
    ]
    assert offenders == []


def test_lower_layers_do_not_import_upper_ones():
    rules = {
        "domain": ("verenigingsbeheer.db", "verenigingsbeheer.services", "verenigingsbeheer.ui"),
        "db": ("verenigingsbeheer.services", "verenigingsbeheer.ui"),
        "services": ("verenigingsbeheer.ui",),
        # the fronts reach the data layer through services.files only
        "ui": ("verenigingsbeheer.db",),
        "cli": ("verenigingsbeheer.db", "verenigingsbeheer.ui"),
        "outputs": ("verenigingsbeheer.ui", "verenigingsbeheer.db"),
    }
    offenders = []
    for rel, names in modules():
        forbidden = rules.get(rel.parts[0], ())
        offenders += [f"{rel} -> {n}" for n in names if n.startswith(forbidden)]
    assert offenders == []


def test_the_cli_starts_without_alembic_reportlab_icalendar_or_qt():
    code = (
        "import sys\n"
        "from verenigingsbeheer.cli import build_parser\n"
        "build_parser()\n"
        "heavy = ('alembic', 'reportlab', 'PySide6', 'icalendar')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
