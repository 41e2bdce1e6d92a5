"""Import wizard, export and printing from the member page, as a user would use them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QWidget, QWizard

from verenigingsbeheer import settings as settings_store
from verenigingsbeheer.outputs.tables import read_table
from verenigingsbeheer.services import members as member_list

MESSY_CSV = (
    "\ufeffLidnr;Voornaam;Tussenv.;Achternaam;Geboortedatum;Adres;Postcode;Woonplaats;"
    "IBAN;Stemgroep;Lid sinds;Schoenmaat\r\n"
    "201;Anna;van der;Berg;07-03-1961;Spui 70a;2511bt;Den Haag;NL91ABNA0417164300;Alt 1;"
    "01-09-2010;39\r\n"
    "202;Bram;;Boëlens;31-02-1970;Javastraat 3;2585 AB;Den Haag;;Tenor;;44\r\n"
    "\r\n"
    "203;Cor;ten;Dam;1-1-49;Weimarstraat 12;2562 GZ;Den Haag;NL00FOUT;Bariton;;42\r\n"
    "204;Anna;van der;Berg;07-03-1961;Spui 70a;2511 BT;Den Haag;;Alt 1;;39\r\n"
)


def open_members(controller):
    controller.window.show_page(1)
    return controller.window.current_page()


def test_import_wizard_shows_problems_and_imports_the_good_lines(
    controller, asker, qtbot, tmp_path: Path
):
    source = tmp_path / "leden.csv"
    source.write_bytes(MESSY_CSV.encode("utf-8"))
    page = open_members(controller)
    seen = {}

    def step(wizard):
        wizard.show()
        asker.spreadsheet_answers.append(source)
        qtbot.mouseClick(wizard.file_page.browse, Qt.MouseButton.LeftButton)
        wizard.next()
        mapping = wizard.mapping_page.mapping()
        seen["mapped"] = sorted(mapping.values())
        wizard.next()
        preview = wizard.preview_page
        seen["summary"] = preview.summary.text()
        seen["lines"] = [preview.rows.item(r, 0).text() for r in range(preview.rows.rowCount())]
        seen["blocked"] = not preview.isComplete()
        qtbot.mouseClick(preview.skip_invalid, Qt.MouseButton.LeftButton)
        wizard.next()
        seen["result"] = wizard.result_page.text.text()
        wizard.accept()
        return True

    asker.dialog_steps.append(step)
    page.import_action.trigger()
    assert "first_name" in seen["mapped"] and "iban" in seen["mapped"]
    assert seen["summary"] == (
        "Klaar om te importeren: 1. Met problemen: 2. Dubbel: 1. "
        "Niet geïmporteerde kolommen: Schoenmaat."
    )
    assert seen["lines"] == ["3", "5", "6"]  # the empty line 4 is skipped, numbering kept
    assert seen["blocked"] is True
    assert "1 lid geïmporteerd" in seen["result"]
    names = [page.model.row_at(i).name.full for i in range(page.model.rowCount())]
    assert "Anna van der Berg" in names and "Bram Boëlens" not in names


def test_wizard_pages_show_dates_the_dutch_way_and_every_problem_in_full(
    controller, asker, qtbot, tmp_path: Path
):
    source = tmp_path / "leden.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Voornaam", "Achternaam", "Geboortedatum", "Postcode", "IBAN"])
    book.active.append(["Anna", "de Wit", dt.datetime(1980, 5, 17), "2511 BT", ""])
    book.active.append(["Bram", "Bos", dt.date(1975, 2, 1), "99999", "NL00FOUT"])
    book.active.append(["Anna", "de Wit", dt.date(1980, 5, 17), "", ""])
    book.save(source)
    page = open_members(controller)
    seen = {}

    def step(wizard):
        wizard.show()
        wizard.file_page.path.setText(str(source))
        wizard.next()
        grid = wizard.mapping_page.grid
        seen["examples"] = grid.item(2, 1).text()
        wizard.next()
        preview = wizard.preview_page
        seen["subtitle"] = preview.subTitle()
        rows = preview.rows
        seen["problems"] = [rows.item(r, 2).text() for r in range(rows.rowCount())]
        seen["tooltip"] = rows.item(0, 2).toolTip()
        lines = rows.fontMetrics().lineSpacing()
        seen["tall_enough"] = rows.rowHeight(0) >= 2 * lines
        seen["expected"] = ["\n".join(row.messages()) for row in wizard.preview.rows[1:]]
        preview.skip_invalid.setChecked(True)
        wizard.next()
        cancel = wizard.button(QWizard.WizardButton.CancelButton)
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        seen["buttons"] = (cancel.isVisible(), finish.isVisible(), finish.text())
        seen["skipped"] = wizard.result_page.skipped.toPlainText().splitlines()
        seen["skipped_shown"] = wizard.result_page.skipped.isVisible()
        wizard.accept()
        return True

    asker.dialog_steps.append(step)
    page.import_action.trigger()
    assert seen["examples"] == "17-05-1980, 01-02-1975, 17-05-1980"  # not 1980-05-17
    assert seen["subtitle"]
    bram, duplicate = seen["problems"]
    assert bram.splitlines() == [
        "Postcode: Een Nederlandse postcode heeft vier cijfers en twee letters, "
        "bijvoorbeeld 2517 AK.",
        "IBAN: Dit IBAN klopt niet; controleer de letters en cijfers.",
    ]  # one per line, nothing cut off, no ".;"
    assert duplicate == "dezelfde persoon als regel 2; niet geïmporteerd."
    assert [bram, duplicate] == seen["expected"] and seen["tooltip"] == bram
    assert seen["tall_enough"]
    assert seen["buttons"] == (False, True, "Sluiten")
    assert seen["skipped_shown"] and seen["skipped"] == [
        "regel 3: Postcode: Een Nederlandse postcode heeft vier cijfers en twee letters, "
        "bijvoorbeeld 2517 AK.",
        "regel 3: IBAN: Dit IBAN klopt niet; controleer de letters en cijfers.",
        "regel 4: dezelfde persoon als regel 2; niet geïmporteerd.",
    ]
    names = [page.model.row_at(i).name for i in range(page.model.rowCount())]
    assert any((n.tussenvoegsel, n.last_name) == ("de", "Wit") for n in names)


def test_export_then_the_file_reads_back(controller, asker, tmp_path: Path):
    page = open_members(controller)
    target = tmp_path / "export"
    asker.spreadsheet_answers.append(target)
    page.export_action.trigger()
    written = target.with_name("export.xlsx")
    table = read_table(written)
    assert table.headers[:4] == ["Lidnummer", "Voornaam", "Tussenvoegsel", "Achternaam"]
    assert len(table.rows) == 40
    assert asker.informed[-1][1].startswith("40 leden geëxporteerd")


def test_print_the_member_list_and_labels(controller, asker, qtbot, tmp_path: Path):
    page = open_members(controller)

    def choose(key, save_to=None):
        def step(dialog):
            dialog.report.setCurrentIndex(dialog.report.findData(key))
            button = dialog.save_button if save_to else dialog.open_button
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return dialog.result() == dialog.DialogCode.Accepted

        return step

    asker.dialog_steps.append(choose("members"))
    page.print_action.trigger()
    opened = asker.opened[-1]
    text = "".join(p.extract_text() for p in PdfReader(opened).pages)
    with controller.database.reading() as session:
        first = member_list.list_members(session, controller.today())[0]
    assert "Ledenlijst" in text and first.name.sorted_form in text

    target = tmp_path / "etiketten.pdf"
    asker.dialog_steps.append(choose("labels", save_to=target))
    asker.pdf_answers.append(target)
    page.print_action.trigger()
    assert asker.opened[-1] == target
    assert "DEN HAAG" in "".join(p.extract_text() for p in PdfReader(target).pages)


def tick(qtbot, box) -> None:
    """Click a check box on its box, as a user does (its middle may be empty space)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_label_choices_are_remembered(controller, asker, qtbot, paths):
    page = open_members(controller)
    seen = {}

    def calibrate(dialog):
        dialog.report.setCurrentIndex(dialog.report.findData("labels"))
        dialog.sheet.setCurrentIndex(dialog.sheet.findData("3x8"))
        dialog.offset_x.setValue(1.5)
        dialog.offset_y.setValue(-2)
        tick(qtbot, dialog.per_household)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        return True

    def look(dialog):
        dialog.report.setCurrentIndex(dialog.report.findData("labels"))
        seen.update(
            sheet=dialog.sheet.currentData(),
            offset=(dialog.offset_x.value(), dialog.offset_y.value()),
            per_household=dialog.per_household.isChecked(),
        )
        return False

    asker.dialog_steps.append(calibrate)
    page.print_action.trigger()
    assert "Fam. " in pdf_text(asker.opened[-1])  # one label per household
    saved = settings_store.load(paths.settings_file)
    assert (saved.label_sheet, saved.label_offset_x_mm, saved.label_offset_y_mm) == ("3x8", 1.5, -2)
    assert saved.labels_per_household is True
    asker.dialog_steps.append(look)
    page.print_action.trigger()
    assert seen == {"sheet": "3x8", "offset": (1.5, -2.0), "per_household": True}


def test_a_sign_in_sheet_for_the_chosen_sections(controller, asker, qtbot):
    page = open_members(controller)
    seen = {}

    def choose(dialog):
        dialog.show()
        dialog.report.setCurrentIndex(dialog.report.findData("signin"))
        assert list(dialog.sections)[:3] == ["Sopraan 1", "Sopraan 2", "Alt 1"]
        for box in dialog.sections.values():
            box.setChecked(False)
        seen["blocked"] = not dialog.open_button.isEnabled()
        seen["told"] = dialog.no_section_chosen.isVisible()
        tick(qtbot, dialog.sections["Tenor"])
        seen["told after"] = dialog.no_section_chosen.isVisible()
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        return dialog.result() == dialog.DialogCode.Accepted

    asker.dialog_steps.append(choose)
    page.print_action.trigger()
    assert seen == {"blocked": True, "told": True, "told after": False}
    text = pdf_text(asker.opened[-1])
    assert "Tenor (" in text and "Bas (" not in text and "Sopraan 1 (" not in text


def unreadable(dialog) -> list[str]:
    """Texts of the dialog's visible labels and check boxes that are cut off."""
    found = []
    inside = dialog.rect()
    for widget in dialog.findChildren(QCheckBox) + dialog.findChildren(QLabel):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            short = widget.height() < widget.heightForWidth(widget.width())
        else:
            short = widget.width() < widget.sizeHint().width()
        box = widget.rect().translated(widget.mapTo(dialog, widget.rect().topLeft()))
        if short or not inside.contains(box):
            found.append(widget.text())
    return found


@pytest.mark.parametrize("stretched", [False, True])
def test_every_text_of_the_print_dialog_is_readable_and_nothing_is_left_empty(
    controller, asker, qtbot, monkeypatch, stretched
):
    """At the size the dialog opens with, on every page; also with translations a third
    longer than the Dutch, as a longer language would have them."""
    from verenigingsbeheer.ui.dialogs import print_dialog

    if stretched:
        dutch = print_dialog._
        monkeypatch.setattr(print_dialog, "_", lambda text: dutch(text) + " ~" * (len(text) // 6))
    page = open_members(controller)
    problems = {}

    def look(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        for index in range(dialog.report.count()):
            dialog.report.setCurrentIndex(index)
            QApplication.processEvents()
            options = [
                child
                for child in dialog.pages.current_page().findChildren(QWidget)
                if child.isVisibleTo(dialog)
            ]
            bottom = max(
                (child.mapTo(dialog, child.rect().bottomLeft()).y() for child in options),
                default=dialog.report.geometry().bottom(),
            )
            gap = dialog.buttons.geometry().top() - bottom
            if gap > 30 or unreadable(dialog):
                problems[dialog.report.currentText()] = (gap, unreadable(dialog))
        return False

    asker.dialog_steps.append(look)
    page.print_action.trigger()
    assert problems == {}
