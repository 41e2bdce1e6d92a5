"""The printed lists: what the PDFs say, read back with pypdf, and the rules behind them."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import DEMO_DATE
from verenigingsbeheer.domain.person import PersonName
from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _
from verenigingsbeheer.outputs.pdf.options import LABEL_SHEETS, Letterhead
from verenigingsbeheer.services.members import MemberRow, list_members

TODAY = dt.date(2026, 3, 7)
HEAD = Letterhead("Haags Gemengd Koor", TODAY)


def member(number: int, first: str, last: str, tussen: str = "", **fields) -> MemberRow:
    values = dict(
        member_id=number,
        member_number=number,
        name=PersonName(first, last, tussen),
        section="Sopraan 1",
        email=f"lid{number}@example.nl",
        phone=f"06-1234{number:04d}",
        member_since=dt.date(2020, 1, 1),
        member_until=None,
        functions="",
        street="Spui",
        house_number=str(number),
        postcode="2517 AK",
        town="Den Haag",
        consents=frozenset({"photos", "newsletter"}),
    )
    values.update(fields)
    return MemberRow(**values)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def font_names(path: Path) -> set[str]:
    """Every font the PDF uses; each must carry its own glyphs (FontFile2)."""
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            assert "/FontFile2" in descriptor["/FontDescriptor"], font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


CHOIR = [  # already in Dutch order, as list_members gives them
    member(1, "Anna", "Berg", "van der", date_of_birth=dt.date(1980, 3, 22), household_id=7),
    member(
        2,
        "Piet",
        "Berg",
        "van der",
        section="Bas",
        date_of_birth=dt.date(1978, 3, 5),
        household_id=7,
    ),
    member(3, "Michał", "Çelik", section="Tenor", date_of_birth=dt.date(2000, 2, 29)),
    member(4, "Zoë", "Doğan", section="", date_of_birth=dt.date(1990, 12, 1)),
    member(5, "Aylin", "Yıldız", street="", house_number="", postcode="", town=""),
    member(6, "Luc", "Peeters", street="Rue Haute", postcode="1000", town="Brussel", country="BE"),
]
ORDER = ["Sopraan 1", "Tenor", "Bas"]


def test_member_list_groups_by_section_with_counts_in_dutch_order(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.member_list import write_member_list

    path = tmp_path / "leden.pdf"
    assert write_member_list(path, HEAD, CHOIR, section_order=ORDER) == 6
    text = text_of(path)
    assert "Haags Gemengd Koor" in text and "Ledenlijst" in text
    assert "Afgedrukt op 7 maart 2026" in text and "Pagina 1 van 1" in text
    assert "Berg, Anna van der" in text and "Çelik, Michał" in text
    # One pair of brackets: the count; members without a section come last.
    no_section = _("No section")
    headings = ["Sopraan 1 (3 leden)", "Tenor (1 lid)", "Bas (1 lid)", f"{no_section} (1 lid)"]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "(" not in no_section and "(geen sectie)" not in text
    assert "Totaal: 6 leden" in text
    assert "2517 AK Den Haag" in text and "lid1@example.nl" in text


def test_member_list_names_the_country_of_an_address_abroad(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.member_list import write_member_list

    path = tmp_path / "leden.pdf"
    write_member_list(path, HEAD, CHOIR, columns=["name", "address", "postcode_town"])
    text = text_of(path)
    assert "Peeters, Luc\nRue Haute 6\n1000 Brussel\nBelgië" in text  # Babel's Dutch name
    assert "Nederland" not in text  # not for an address at home


def test_member_list_prints_only_the_chosen_columns(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.member_list import write_member_list

    path = tmp_path / "leden.pdf"
    write_member_list(path, HEAD, CHOIR, columns=["name", "date_of_birth", "member_since"])
    text = text_of(path)
    assert "Geboren" in text and "22-03-1980" in text and "01-01-2020" in text
    assert "E-mail" not in text and "lid1@example.nl" not in text and "Spui" not in text
    assert PdfReader(path).pages[0].mediabox.width < PdfReader(path).pages[0].mediabox.height


def test_wide_column_choices_turn_the_page_and_keep_dates_whole():
    from verenigingsbeheer.outputs.pdf.member_list import column_widths
    from verenigingsbeheer.outputs.pdf.options import MEMBER_COLUMNS

    narrow, wide = column_widths(["number", "name", "phone"])
    assert not wide
    widths, wide = column_widths(list(MEMBER_COLUMNS))
    assert wide
    born = dict(zip(MEMBER_COLUMNS, widths, strict=True))["date_of_birth"]
    assert born == pytest.approx(22 * 72 / 25.4)  # fixed: a date never breaks in two
    assert sum(widths) == pytest.approx(297 * 72 / 25.4 - 2 * 18 * 72 / 25.4)


def test_former_members_are_marked(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.member_list import write_member_list

    path = tmp_path / "leden.pdf"
    rows = [CHOIR[0], replace(CHOIR[2], current=False)]
    write_member_list(path, HEAD, rows, include_former=True)
    text = text_of(path)
    assert "Ledenlijst, inclusief oud-leden" in text and "Çelik, Michał (oud-lid)" in text


def test_every_name_is_embedded_in_dejavu(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.member_list import write_member_list

    path = tmp_path / "leden.pdf"
    write_member_list(path, HEAD, CHOIR, columns=["name"])
    text = text_of(path)
    for name in ("Çelik, Michał", "Doğan, Zoë", "Yıldız, Aylin"):
        assert name in text
    assert font_names(path) == {"DejaVuSans", "DejaVuSans-Bold"}


def test_a_long_list_runs_over_pages_numbered_x_of_y(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.member_list import write_member_list

    rows = [member(n, "Lid", f"Achternaam{n:03d}") for n in range(1, 121)]
    path = tmp_path / "leden.pdf"
    write_member_list(path, HEAD, rows)
    pages = PdfReader(path).pages
    assert len(pages) > 2
    assert f"Pagina {len(pages)} van {len(pages)}" in pages[-1].extract_text()
    assert "Sopraan 1 (120 leden)" in pages[1].extract_text()  # the group's caption repeats
    assert "Achternaam120" in pages[-1].extract_text()


def test_postnl_address_lines():
    from verenigingsbeheer.outputs.pdf.addresses import address_lines

    assert address_lines(member(1, "A", "B", house_number_addition="a")) == (
        "Spui 1 a",
        "2517 AK  DEN HAAG",
    )
    assert address_lines(CHOIR[5]) == ("Rue Haute 6", "1000 BRUSSEL", "BELGIË")
    assert address_lines(CHOIR[4]) is None


def test_household_names():
    from verenigingsbeheer.outputs.pdf.addresses import household_name

    berg = [PersonName("Anna", "Berg", "van der"), PersonName("Piet", "Berg", "van der")]
    assert household_name(berg) == "Fam. Van der Berg"
    mixed = [PersonName("Anna", "Berg", "van der"), PersonName("Luc", "Peeters")]
    assert household_name(mixed) == "Anna van der Berg en Luc Peeters"
    assert household_name(berg[:1]) == "Anna van der Berg"


def test_labels_postnl_style_and_members_without_address_counted(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.labels import write_labels

    path = tmp_path / "etiketten.pdf"
    written = write_labels(path, HEAD, CHOIR, sheet=LABEL_SHEETS["3x7"])
    assert (written.labels, written.sheets, written.skipped) == (5, 1, ["Aylin Yıldız"])
    text = text_of(path)
    assert "Anna van der Berg\nSpui 1\n2517 AK  DEN HAAG" in text
    assert "Luc Peeters\nRue Haute 6\n1000 BRUSSEL\nBELGIË" in text
    assert "NEDERLAND" not in text and "Haags Gemengd Koor" not in text  # no letterhead
    assert font_names(path) == {"DejaVuSans"}


def test_one_label_per_household(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.labels import write_labels

    path = tmp_path / "etiketten.pdf"
    written = write_labels(path, HEAD, CHOIR, sheet=LABEL_SHEETS["3x8"], per_household=True)
    assert written.labels == 4
    text = text_of(path)
    assert "Fam. Van der Berg\nSpui 1\n2517 AK  DEN HAAG" in text
    assert "Piet van der Berg" not in text


def label_origins(path: Path) -> list[tuple[float, float]]:
    """Where each name line (first line of a label) starts, in points from the bottom left."""
    found = []

    def visit(text, _cm, tm, _font, _size):
        if text.strip().startswith("Lid "):
            found.append((tm[4], tm[5]))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("key", ["3x7", "3x8"])
def test_labels_fill_the_sheet_and_stay_inside_their_boxes(tmp_path: Path, key: str):
    from verenigingsbeheer.outputs.pdf.labels import write_labels

    sheet = LABEL_SHEETS[key]
    rows = [member(n, "Lid", f"Nummer{n}") for n in range(1, sheet.per_sheet + 2)]
    path = tmp_path / "etiketten.pdf"
    assert write_labels(path, HEAD, rows, sheet=sheet).sheets == 2
    assert len(PdfReader(path).pages) == 2
    mm = 72 / 25.4
    origins = label_origins(path)[: sheet.per_sheet]
    for index, (x, y) in enumerate(origins):
        column, row = index % sheet.columns, index // sheet.columns
        left = (sheet.margin_left + column * sheet.pitch_x) * mm
        top = 842 - (sheet.margin_top + row * sheet.pitch_y) * mm
        assert left < x < left + sheet.label_width * mm / 2
        assert top - sheet.label_height * mm < y < top


def test_long_names_wrap_inside_the_label():
    from verenigingsbeheer.outputs.pdf.fonts import register_fonts
    from verenigingsbeheer.outputs.pdf.label_fitting import fit_label, width

    register_fonts()
    lines = (
        "Anna van der Berg-Ouwehand en Pieter-Jan van den Heuvel",
        "Spui 70",
        "2517 AK  DEN HAAG",
    )
    size, laid_out = fit_label(lines, 10, 58 * 72 / 25.4, 30 * 72 / 25.4)
    assert size == 10 and len(laid_out) > 3
    assert [line.text for line in laid_out[-2:]] == list(lines[1:])
    assert all(line.size == 10 for line in laid_out)
    assert all(width(line.text, line.size) <= 58 * 72 / 25.4 for line in laid_out)


LONG_STREET = "Burgemeester van Karnebeeklaan-Noordzijde"
LONG_NAME = ("Maximiliaan-Alexander", "Hoogenboom-Vandenbroucke-Schimmelpenninck", "van der")


def printed_lines(path: Path) -> list[tuple[str, float, float, float]]:
    """(text, size, x, y) of every line drawn on the first page."""
    found = []

    def visit(text, _cm, tm, _font, size):
        if text.strip():
            found.append((text.strip(), size * tm[0], tm[4], tm[5]))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("key", ["3x7", "3x8", "2x7"])
def test_one_long_address_does_not_shrink_the_other_labels(tmp_path: Path, key: str):
    from verenigingsbeheer.outputs.pdf.fonts import register_fonts
    from verenigingsbeheer.outputs.pdf.label_fitting import width
    from verenigingsbeheer.outputs.pdf.labels import PAD_X, PAD_Y, write_labels

    register_fonts()
    sheet = LABEL_SHEETS[key]
    long_one = member(
        1, *LONG_NAME, street=LONG_STREET, house_number="1234", house_number_addition="HS"
    )
    rows = [long_one] + [member(n, "Eva", f"Jong{n}", "de") for n in range(2, 8)]
    path = tmp_path / "etiketten.pdf"
    write_labels(path, HEAD, rows, sheet=sheet)
    lines = printed_lines(path)
    postcode_lines = [size for text, size, _x, _y in lines if text == "2517 AK  DEN HAAG"]
    assert len(postcode_lines) == 7
    assert len(set(postcode_lines)) == 1  # the long label's other lines keep the sheet's size
    sheet_size = postcode_lines[0]
    assert sheet_size == 10
    ordinary = [size for text, size, _x, _y in lines if text.startswith(("Eva de Jong", "Spui "))]
    assert set(ordinary) == {sheet_size}
    mm = 72 / 25.4
    for text, size, x, y in lines:  # never beyond the label's padding
        column = (x / mm - sheet.margin_left) // sheet.pitch_x
        row = ((842 - y) / mm - sheet.margin_top) // sheet.pitch_y
        right = (sheet.margin_left + column * sheet.pitch_x + sheet.label_width) * mm
        top = 842 - (sheet.margin_top + row * sheet.pitch_y) * mm
        assert x + width(text, size) <= right - PAD_X + 0.01, text
        assert top - sheet.label_height * mm + PAD_Y < y - 0.25 * size, text  # descenders
        assert y + 0.95 * size < top - PAD_Y, text  # ascenders and accents
        assert size >= 7, text
    long_lines = [
        text
        for text, size, x, y in lines
        if x < sheet.pitch_x * mm and y > 842 - sheet.pitch_y * mm
    ]
    printed = " ".join(long_lines)
    for part in ("Hoogenboom-", "Schimmelpenninck", "Noordzijde", "1234 HS", "2517 AK  DEN HAAG"):
        assert part in printed


def test_printer_offset_moves_every_label(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.labels import write_labels

    rows = [member(n, "Lid", f"Nummer{n}") for n in range(1, 4)]
    plain, moved = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_labels(plain, HEAD, rows, sheet=LABEL_SHEETS["3x7"])
    write_labels(moved, HEAD, rows, sheet=LABEL_SHEETS["3x7"], offset_x_mm=2, offset_y_mm=-1.5)
    for (x0, y0), (x1, y1) in zip(label_origins(plain), label_origins(moved), strict=True):
        assert x1 - x0 == pytest.approx(2 * 72 / 25.4, abs=0.01)
        assert y1 - y0 == pytest.approx(1.5 * 72 / 25.4, abs=0.01)  # up is negative y


def test_birthdays_per_month_sorted_by_day_with_the_age_they_turn(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.birthdays import write_birthdays

    path = tmp_path / "jarig.pdf"
    assert write_birthdays(path, HEAD, CHOIR, year=2026) == 4
    text = text_of(path)
    assert "Verjaardagen 2026" in text
    order = [
        "Februari",
        "29 februari\nÇelik, Michał\n26",
        "Maart",
        "5 maart\nBerg, Piet van der\n48",
        "22 maart\nBerg, Anna van der\n46",
        "December",
        "1 december\nDoğan, Zoë\n36",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_birthdays_of_one_month(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.birthdays import write_birthdays

    path = tmp_path / "jarig.pdf"
    assert write_birthdays(path, HEAD, CHOIR, year=2027, month=3) == 2
    text = text_of(path)
    assert "Verjaardagen maart 2027" in text and "Berg, Anna van der\n47" in text
    assert "Çelik" not in text and "December" not in text


def test_sign_in_sheet_has_a_page_per_section(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.sign_in import write_sign_in_sheet

    path = tmp_path / "presentie.pdf"
    write_sign_in_sheet(path, HEAD, CHOIR, day=TODAY, title="Repetitie", section_order=ORDER)
    pages = [page.extract_text() for page in PdfReader(path).pages]
    assert len(pages) == 4
    assert "Presentielijst – Repetitie – zaterdag 7 maart 2026" in pages[0]
    assert "Sopraan 1 (3 leden)" in pages[0] and "Handtekening" in pages[0]
    assert "Berg, Anna van der" in pages[0] and "Çelik, Michał" in pages[1]
    assert "Bas (1 lid)" in pages[2] and f"{_('No section')} (1 lid)" in pages[3]


def test_board_list(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.board_list import BoardMember, write_board_list

    path = tmp_path / "bestuur.pdf"
    board = [
        BoardMember("Voorzitter", "Michał Çelik", dt.date(2024, 1, 1), "06-12345678", "m@c.nl")
    ]
    assert write_board_list(path, HEAD, board) == 1
    text = text_of(path)
    assert "Bestuur" in text and "Functie" in text
    assert "Voorzitter\nMichał Çelik\n01-01-2024\n06-12345678\nm@c.nl" in text


@pytest.mark.parametrize(
    ("module", "call", "sentence"),
    [
        ("member_list", lambda w, p: w(p, HEAD, []), "Er zijn geen leden om af te drukken."),
        ("birthdays", lambda w, p: w(p, HEAD, [], year=2026), "Er zijn geen verjaardagen"),
        ("sign_in", lambda w, p: w(p, HEAD, [], day=TODAY), "Er zijn geen leden"),
        ("board_list", lambda w, p: w(p, HEAD, []), "Geen bestuursfuncties vastgelegd."),
        (
            "labels",
            lambda w, p: w(p, HEAD, CHOIR[4:5], sheet=LABEL_SHEETS["3x8"]),
            "Er zijn geen adressen om af te drukken.",
        ),
    ],
)
def test_an_empty_report_is_a_proper_pdf_saying_so(tmp_path: Path, module, call, sentence):
    import importlib

    loaded = importlib.import_module(f"verenigingsbeheer.outputs.pdf.{module}")
    writer = next(getattr(loaded, name) for name in dir(loaded) if name.startswith("write_"))
    path = tmp_path / "leeg.pdf"
    call(writer, path)
    assert path.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Haags Gemengd Koor" in text and sentence in text and "Pagina 1 van 1" in text


def test_the_logo_is_in_the_header_and_a_broken_one_is_left_out(tmp_path: Path):
    from PIL import Image

    from verenigingsbeheer.outputs.pdf.board_list import write_board_list

    png = io.BytesIO()
    Image.new("RGB", (200, 80), (200, 30, 60)).save(png, "PNG")
    with_logo, broken = tmp_path / "logo.pdf", tmp_path / "kapot.pdf"
    write_board_list(with_logo, replace(HEAD, logo_png=png.getvalue()), [])
    write_board_list(broken, replace(HEAD, logo_png=b"\x89PNG nonsense"), [])
    assert "/XObject" in PdfReader(with_logo).pages[0]["/Resources"]
    assert "/XObject" not in PdfReader(broken).pages[0]["/Resources"]
    assert "Haags Gemengd Koor" in text_of(broken)


def test_unwritable_targets_give_dutch_messages(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.board_list import write_board_list

    with pytest.raises(UserError, match="bestaat niet"):
        write_board_list(tmp_path / "geen-map" / "bestuur.pdf", HEAD, [])
    with pytest.raises(UserError, match="is een map"):
        write_board_list(tmp_path, HEAD, [])


# Through the services, on the demo file


def test_services_make_every_list_from_the_demo_file(demo_db, tmp_path: Path):
    from verenigingsbeheer.services import member_reports as reports

    with demo_db.reading() as session:
        assert reports.make_member_list(session, tmp_path / "a.pdf", DEMO_DATE) == 40
        every = reports.make_labels(session, tmp_path / "b.pdf", DEMO_DATE)
        households = reports.make_labels(
            session, tmp_path / "c.pdf", DEMO_DATE, sheet="3x8", per_household=True
        )
        march = [
            row
            for row in list_members(session, DEMO_DATE)
            if row.date_of_birth and row.date_of_birth.month == 3
        ]
        assert reports.make_birthdays(session, tmp_path / "d.pdf", DEMO_DATE, month=3) == len(march)
        assert reports.make_sign_in_sheet(session, tmp_path / "e.pdf", DEMO_DATE) == 40
        assert reports.make_board_list(session, tmp_path / "f.pdf", DEMO_DATE) == 5
    assert every.labels == 40 and households.labels < every.labels
    assert "Fam. " in text_of(tmp_path / "c.pdf")  # the demo's households share a surname
    assert "Sopraan 1 (" in text_of(tmp_path / "a.pdf")
    assert "Voorzitter" in text_of(tmp_path / "f.pdf")


def test_services_refuse_bad_choices_in_dutch(demo_db, tmp_path: Path):
    from verenigingsbeheer.services import member_reports as reports

    path = tmp_path / "x.pdf"
    with demo_db.reading() as session:
        with pytest.raises(UserError, match="Onbekende kolom 'leeftijd'"):
            reports.make_member_list(session, path, DEMO_DATE, columns=["name", "leeftijd"])
        with pytest.raises(UserError, match="Onbekend etikettenvel"):
            reports.make_labels(session, path, DEMO_DATE, sheet="4x10")
        with pytest.raises(UserError, match="printercorrectie"):
            reports.make_labels(session, path, DEMO_DATE, offset_x_mm=25)
        with pytest.raises(UserError, match="Kies een maand"):
            reports.make_birthdays(session, path, DEMO_DATE, month=13)
        with pytest.raises(UserError, match="Onbekende sectie 'Piano'"):
            reports.make_sign_in_sheet(session, path, DEMO_DATE, sections=["Tenor", "Piano"])
        assert reports.make_sign_in_sheet(session, path, DEMO_DATE, sections=["tenor"]) > 0
    assert "Bas" not in text_of(path)


def test_a_sign_in_sheet_for_the_members_without_a_section(demo_db, tmp_path: Path):
    from verenigingsbeheer.services import member_reports as reports

    path = tmp_path / "x.pdf"
    with demo_db.reading() as session:
        choices = reports.sections_to_choose(session, DEMO_DATE)
        assert [name for name, _count in choices][:2] == ["Sopraan 1", "Sopraan 2"]
        assert sum(count for _name, count in choices) == 40
        assert reports.make_sign_in_sheet(session, path, DEMO_DATE, sections=[""]) == 0
        assert reports.make_sign_in_sheet(session, path, DEMO_DATE, sections=["", "Bas"]) > 0
    assert "Bas (" in text_of(path) and "Tenor (" not in text_of(path)


def test_reportlab_is_loaded_only_when_a_list_is_made():
    code = (
        "import sys\n"
        "import verenigingsbeheer.services.member_reports\n"
        "import verenigingsbeheer.cli.commands.report\n"
        "import verenigingsbeheer.outputs.pdf.options\n"
        "print('reportlab' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_board_list_puts_committees_under_their_own_heading(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.board_list import BoardMember, write_board_list

    path = tmp_path / "bestuur.pdf"
    board = [
        BoardMember("Voorzitter", "Michał Çelik", dt.date(2024, 1, 1)),
        BoardMember("Voorzitter", "Bea Boëlens", dt.date(2025, 3, 1), committee="Muziekcommissie"),
        BoardMember("Lid", "Cor ten Dam", dt.date(2025, 3, 1), committee="Muziekcommissie"),
    ]
    assert write_board_list(path, HEAD, board) == 3
    text = text_of(path)
    assert "Bestuur en commissies" in text
    board_part, committee_part = text.split("Muziekcommissie", 1)
    assert "Michał Çelik" in board_part and "Bea Boëlens" not in board_part
    assert "Voorzitter\nBea Boëlens" in committee_part and "Lid\nCor ten Dam" in committee_part


def test_a_word_too_wide_for_its_column_breaks_after_a_hyphen_or_dot():
    from verenigingsbeheer.outputs.pdf.document import fit_cell

    assert fit_cell("Maximiliaan-Alexander", 70) == "Maximiliaan-\nAlexander"
    lines = fit_cell("maximiliaan.vandenbroucke@example.nl", 90).split("\n")
    assert lines[0] == "maximiliaan." and "".join(lines) == "maximiliaan.vandenbroucke@example.nl"
    assert fit_cell("Spui", 70) == "Spui"


def test_members_without_photo_consent_are_marked_with_a_legend(tmp_path: Path):
    from verenigingsbeheer.outputs.pdf.member_list import write_member_list
    from verenigingsbeheer.outputs.pdf.sign_in import write_sign_in_sheet

    rows = [member(1, "Anna", "Berg"), member(2, "Bram", "Smit", consents=frozenset())]
    listed, sheet = tmp_path / "lijst.pdf", tmp_path / "presentie.pdf"
    write_member_list(listed, HEAD, rows)
    write_sign_in_sheet(sheet, HEAD, rows, day=TODAY)
    for path in (listed, sheet):
        text = text_of(path)
        assert "Smit, Bram \u2298" in text and "Berg, Anna \u2298" not in text
        assert "\u2298 geen toestemming voor foto's en video" in text
    write_member_list(listed, HEAD, rows[:1])
    assert "toestemming" not in text_of(listed)  # no legend when everyone consented
