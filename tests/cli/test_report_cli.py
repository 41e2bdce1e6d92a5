"""`verenigingsbeheer --db FILE report ...`: the printed lists from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.test_cli import run
from verenigingsbeheer.domain.association import AssociationDetails
from verenigingsbeheer.services.files import create_association_file

DAY = "2026-03-07"  # the demo's date (tests/conftest.py DEMO_DATE)


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def report(db: Path, *args: str, paths=None) -> tuple[int, str, str]:
    return run("--db", str(db), "report", *args, "--date", DAY, paths=paths)


@pytest.fixture
def empty_path(tmp_path: Path) -> Path:
    path = tmp_path / "leeg.sqlite"
    create_association_file(path, AssociationDetails(name="Toneelgroep De Lege Zaal")).close()
    return path


@pytest.mark.parametrize(
    ("kind", "options", "expected"),
    [
        ("members", (), ["Ledenlijst", "Sopraan 1 ("]),
        ("members", ("--columns", "number,name,date_of_birth", "--all"), ["oud-leden", "Geboren"]),
        ("labels", ("--sheet", "3x8"), ["  DEN HAAG"]),
        ("birthdays", ("--month", "3"), ["Verjaardagen maart 2026"]),
        ("board", (), ["Bestuur", "Voorzitter"]),
        ("signin", ("--title", "Repetitie", "--sections", "Tenor,Bas"), ["Presentielijst"]),
    ],
)
def test_each_list_is_written(demo_path, paths, tmp_path: Path, kind, options, expected):
    out = tmp_path / "lijst.pdf"
    code, stdout, err = report(demo_path, kind, "--out", str(out), *options, paths=paths)
    assert (code, err) == (0, "")
    assert f"opgeslagen in {out}" in stdout
    text = text_of(out)
    assert kind == "labels" or "Haags Gemengd Koor" in text  # labels have no letterhead
    for part in expected:
        assert part in text


def test_member_list_holds_the_names_in_sorted_form(demo_db, demo_path, paths, tmp_path: Path):
    from tests.conftest import DEMO_DATE
    from verenigingsbeheer.services.members import list_members

    with demo_db.reading() as session:
        rows = list_members(session, DEMO_DATE)
    out = tmp_path / "leden.pdf"
    code, stdout, _err = report(demo_path, "members", "--out", str(out), paths=paths)
    assert code == 0 and "(40 leden)" in stdout
    text = text_of(out)
    assert all(row.name.sorted_form in text for row in rows)


def test_labels_per_household_are_fewer(demo_path, paths, tmp_path: Path):
    each, shared = tmp_path / "a.pdf", tmp_path / "b.pdf"
    code, one, _ = report(demo_path, "labels", "--out", str(each), paths=paths)
    assert code == 0 and "(40 etiketten)" in one
    code, other, _ = report(
        demo_path,
        "labels",
        "--out",
        str(shared),
        "--per-household",
        "--offset-x",
        "1,5",
        "--offset-y=-2",
        paths=paths,
    )
    assert code == 0
    count = int(other.split("(")[1].split(" ")[0])
    assert count < 40


def first_label_origin(path: Path) -> tuple[float, float]:
    """Where the first text on the first page starts, in points from the bottom left."""
    found = []
    PdfReader(path).pages[0].extract_text(
        visitor_text=lambda text, _cm, tm, _font, _size: text.strip() and found.append(tm[4:6])
    )
    return found[0]


def test_labels_use_the_saved_printer_offset_unless_an_option_is_given(
    demo_path, paths, tmp_path: Path
):
    from verenigingsbeheer import settings as settings_store

    plain, saved, mixed = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    zero = ("--offset-x", "0", "--offset-y", "0")
    assert report(demo_path, "labels", "--out", str(plain), *zero, paths=paths)[0] == 0
    settings_store.save(
        settings_store.Settings(label_offset_x_mm=3.0, label_offset_y_mm=2.0), paths.settings_file
    )
    assert report(demo_path, "labels", "--out", str(saved), paths=paths)[0] == 0
    code = report(demo_path, "labels", "--out", str(mixed), "--offset-x", "1", paths=paths)[0]
    assert code == 0
    mm = 72 / 25.4
    x0, y0 = first_label_origin(plain)
    x1, y1 = first_label_origin(saved)
    assert (x1 - x0, y0 - y1) == (pytest.approx(3 * mm, abs=0.01), pytest.approx(2 * mm, abs=0.01))
    x2, y2 = first_label_origin(mixed)  # the option wins; the other axis keeps the saved one
    assert (x2 - x0, y0 - y2) == (pytest.approx(1 * mm, abs=0.01), pytest.approx(2 * mm, abs=0.01))


def test_an_empty_file_still_gives_proper_pdfs(empty_path, paths, tmp_path: Path):
    for kind, sentence in [
        ("members", "Er zijn geen leden om af te drukken."),
        ("labels", "Er zijn geen adressen om af te drukken."),
        ("birthdays", "Er zijn geen verjaardagen"),
        ("board", "Geen bestuursfuncties vastgelegd."),
        ("signin", "Er zijn geen leden"),
    ]:
        out = tmp_path / f"{kind}.pdf"
        code, _stdout, err = report(empty_path, kind, "--out", str(out), paths=paths)
        assert (code, err) == (0, ""), kind
        text = text_of(out)
        assert "Toneelgroep De Lege Zaal" in text and sentence in text, kind


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("birthdays", "--month", "13"), "Kies een maand van januari tot en met december"),
        (("birthdays", "--month", "maart"), "Kies een maand"),
        (("members", "--columns", "naam,leeftijd"), "Onbekende kolom 'naam'"),
        (("labels", "--sheet", "4x10"), "4x10"),
        (("labels", "--offset-x", "veel"), "geen aantal millimeters"),
        (("labels", "--offset-y", "30"), "printercorrectie"),
        (("signin", "--sections", "Piano"), "Onbekende sectie 'Piano'"),
    ],
)
def test_bad_options_get_a_dutch_error(demo_path, paths, tmp_path: Path, args, message):
    out = tmp_path / "lijst.pdf"
    code, stdout, err = report(demo_path, *args, "--out", str(out), paths=paths)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_unwritable_out_paths(demo_path, paths, tmp_path: Path):
    missing = tmp_path / "bestaat-niet" / "leden.pdf"
    code, _out, err = report(demo_path, "members", "--out", str(missing), paths=paths)
    assert code == 2 and "bestaat niet" in err
    code, _out, err = report(demo_path, "members", "--out", str(demo_path), paths=paths)
    assert code == 2 and ".pdf" in err
    folder = tmp_path / "map.pdf"
    folder.mkdir()
    code, _out, err = report(demo_path, "members", "--out", str(folder), paths=paths)
    assert code == 2 and "is een map" in err and "Traceback" not in err


def test_a_list_and_out_are_required(demo_path, paths):
    code, _out, err = run("--db", str(demo_path), "report", paths=paths)
    assert code == 2 and "lijst" in err
    code, _out, err = run("--db", str(demo_path), "report", "members", paths=paths)
    assert code == 2 and "--out" in err


def test_a_missing_association_file_is_not_created(paths, tmp_path: Path):
    db = tmp_path / "typo.sqlite"
    code, _out, err = report(db, "members", "--out", str(tmp_path / "x.pdf"), paths=paths)
    assert code == 2 and "niet gevonden" in err.lower()
    assert not db.exists() and not (tmp_path / "x.pdf").exists()
