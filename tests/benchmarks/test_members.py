"""The member administration with 10,000 members (issue targets: page 100 ms, keystroke
30 ms, import and PDF 3 s each; 1,250 former members come on top).

Run with `python -m pytest tests/benchmarks -o addopts="" --benchmark-only`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from verenigingsbeheer.paths import Paths
from verenigingsbeheer.settings import Settings

DAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    from verenigingsbeheer.services.demo import create_demo

    path = tmp_path_factory.mktemp("leden") / "groot.sqlite"
    create_demo(path, members=10_000, seed=1, today=DAY).close()
    return path


@pytest.fixture
def window(big: Path, tmp_path: Path, qtbot):
    from verenigingsbeheer.ui.app_controller import AppController
    from verenigingsbeheer.ui.asker import QtAsker

    paths = Paths(tmp_path / "d", tmp_path / "c", tmp_path / "l").ensure()
    controller = AppController(paths, Settings(), QtAsker(), today=lambda: DAY)
    controller.apply_language()
    controller.start(big)
    members = controller.window.pages()[1]
    # The window is painted, then the member list is read while the dashboard shows.
    qtbot.waitUntil(lambda: members.model.rowCount() == 11_250, timeout=10_000)
    yield controller.window
    controller.window.hide()
    controller.shutdown()


@pytest.fixture
def page(window, qtbot):
    window.show_page(1)
    qtbot.wait(0)
    return window.current_page()


def test_open_the_member_page(benchmark, window, qtbot):
    """From the dashboard to the painted member page, as a user first opens it."""

    def back_to_the_dashboard():
        window.show_page(0)
        qtbot.wait(0)

    def open_page():
        window.show_page(1)
        window.current_page().table.viewport().repaint()

    benchmark.pedantic(open_page, setup=back_to_the_dashboard, rounds=20, iterations=1)
    assert window.current_page().proxy.rowCount() == 10_000


def test_read_the_member_list_again(benchmark, page, qtbot):
    """After a change (a member saved, an import) the whole list is read again."""

    def reload():
        page.refresh(force=True)
        page.table.viewport().repaint()

    benchmark(reload)
    assert page.model.rowCount() == 11_250


def test_one_search_keystroke(benchmark, page, qtbot):
    texts = iter(["b", "bo", "boe", "boel"] * 1000)

    def keystroke():
        page.search.setText(next(texts))

    benchmark(keystroke)
    assert page.proxy.rowCount() > 0


def test_sort_by_last_name(benchmark, page):
    orders = iter([Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder] * 1000)
    benchmark(lambda: page.table.sortByColumn(1, next(orders)))


def test_import_10000_rows(benchmark, big: Path, tmp_path: Path):
    from verenigingsbeheer.domain.association import AssociationDetails
    from verenigingsbeheer.outputs.tables import read_table
    from verenigingsbeheer.services import member_import
    from verenigingsbeheer.services.files import create_association_file, open_association_file
    from verenigingsbeheer.services.member_export import export_members

    source = tmp_path / "leden.csv"
    with open_association_file(big, tmp_path) as database, database.reading() as session:
        export_members(session, source, DAY)
    targets = iter(range(100))

    def run_import():
        target = tmp_path / f"doel{next(targets)}.sqlite"
        with create_association_file(target, AssociationDetails(name="Doel")) as database:
            table = read_table(source)
            with database.transaction() as session:
                found = member_import.preview(
                    session, table, member_import.auto_mapping(table.headers), DAY
                )
                return member_import.run_import(session, found, skip_invalid=False).imported

    assert benchmark.pedantic(run_import, rounds=3, iterations=1) == 10_000


def test_member_list_pdf_for_10000(benchmark, big: Path, tmp_path: Path):
    from verenigingsbeheer.services import member_reports
    from verenigingsbeheer.services.files import open_association_file

    with open_association_file(big, tmp_path) as database:

        def make():
            with database.reading() as session:
                return member_reports.make_member_list(session, tmp_path / "lijst.pdf", DAY)

        assert benchmark.pedantic(make, rounds=3, iterations=1) == 10_000
