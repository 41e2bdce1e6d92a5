"""The command line, called in-process through main(argv)."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
from pathlib import Path

import pytest

from verenigingsbeheer.cli import main
from verenigingsbeheer.db.schema_version import SCHEMA_HEAD


def run(*argv: str, paths=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        list(argv),
        paths=paths,
        stdout=out,
        stderr=err,
        run_gui=lambda **kw: pytest.fail(f"the window was opened: {kw}"),
    )
    return code, out.getvalue(), err.getvalue()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def info_counts(text: str) -> dict[str, int]:
    pairs = (line.split(": ", 1) for line in text.splitlines() if ": " in line)
    return {key: int(value) for key, value in pairs if value.isdigit()}


def test_demo_then_info(tmp_path: Path):
    path = tmp_path / "koor.sqlite"
    code, out, err = run("--db", str(path), "demo", "--members", "25", "--seed", "5")
    assert (code, err) == (0, "")
    assert "Demovereniging aangemaakt" in out
    code, out, err = run("--db", str(path), "info")
    assert (code, err) == (0, "")
    assert "Vereniging: Haags Gemengd Koor" in out
    assert f"Schemaversie: {SCHEMA_HEAD}" in out
    counts = info_counts(out)
    assert counts["leden"] == 25
    assert counts["secties"] == 6
    # The members, former members, the contact persons of the demo's two venues and the
    # six volunteers who are no member.
    assert counts["personen"] == counts["leden"] + counts["oud-leden"] + 2 + 6
    assert counts["bestuursfuncties"] == 5


def test_demo_default_is_forty_members(tmp_path: Path):
    path = tmp_path / "koor.sqlite"
    assert run("--db", str(path), "demo")[0] == 0
    assert info_counts(run("--db", str(path), "info")[1])["leden"] == 40


def test_info_on_a_missing_file_says_so_and_creates_nothing(tmp_path: Path):
    path = tmp_path / "typo.sqlite"
    code, out, err = run("--db", str(path), "info")
    assert code == 2
    assert "bestand niet gevonden" in err.lower()
    assert "Traceback" not in err
    assert not path.exists()


def test_info_in_a_missing_directory(tmp_path: Path):
    path = tmp_path / "bestaat-niet" / "koor.sqlite"
    code, _out, err = run("--db", str(path), "info")
    assert code == 2 and "bestand niet gevonden" in err.lower()
    assert not path.parent.exists()


def test_demo_in_a_missing_directory(tmp_path: Path):
    path = tmp_path / "bestaat-niet" / "koor.sqlite"
    code, _out, err = run("--db", str(path), "demo")
    assert code == 2 and "bestaat niet" in err
    assert not path.parent.exists()


def test_a_corrupt_file_is_refused_and_left_untouched(tmp_path: Path):
    path = tmp_path / "kapot.sqlite"
    path.write_bytes(os.urandom(8192))
    before = digest(path)
    code, _out, err = run("--db", str(path), "info")
    assert code == 2
    assert "geen Verenigingsbeheer-bestand" in err or "beschadigd" in err
    assert "Traceback" not in err
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["kapot.sqlite"]


def test_a_damaged_sqlite_file_is_refused_and_left_untouched(tmp_path: Path, demo_path: Path):
    data = bytearray(demo_path.read_bytes())
    data[100:4096] = os.urandom(3996)  # keep the header, wreck the schema page
    demo_path.write_bytes(bytes(data))
    before = digest(demo_path)
    code, _out, err = run("--db", str(demo_path), "info")
    assert code == 2 and "beschadigd" in err
    assert digest(demo_path) == before


def test_someone_elses_sqlite_file_is_not_an_association(tmp_path: Path):
    path = tmp_path / "ander.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE foto (id INTEGER)")
    code, _out, err = run("--db", str(path), "info")
    assert code == 2 and "geen Verenigingsbeheer-bestand" in err


def test_unknown_command_and_bad_arguments(tmp_path: Path, demo_path: Path):
    before = digest(demo_path)
    for argv, expected in [
        (("--db", str(demo_path), "vergaderen"), "onbekende keuze: 'vergaderen'"),
        (("--db", str(demo_path), "info", "--extra"), "onbekende argumenten: --extra"),
        (("--db",), "één waarde verwacht"),
        (("--db", str(tmp_path / "n.sqlite"), "demo", "--members", "veel"), "geen geheel getal"),
        (("--db", str(tmp_path / "n.sqlite"), "demo", "--members", "-1"), "kleiner dan 0"),
        (("--db", str(tmp_path / "n.sqlite"), "demo", "--date", "7-3-2026"), "JJJJ-MM-DD"),
        (("info",), "--db BESTAND"),
    ]:
        code, out, err = run(*argv)
        assert code == 2, argv
        assert expected in err, (argv, err)
        assert "fout" in err and "Traceback" not in err and "error" not in err
    assert digest(demo_path) == before
    assert not (tmp_path / "n.sqlite").exists()


def test_demo_never_overwrites_an_existing_file(demo_path: Path):
    before = digest(demo_path)
    code, _out, err = run("--db", str(demo_path), "demo")
    assert code == 2 and "bestaat al" in err
    assert digest(demo_path) == before


def test_help_is_dutch_and_exits_zero(capsys):
    code, _out, _err = run("--help")
    printed = capsys.readouterr().out
    assert code == 0
    assert "gebruik:" in printed and "opdrachten" in printed and "toon deze hulptekst" in printed
    assert "usage" not in printed


def test_no_command_opens_the_window(tmp_path: Path, demo_path: Path):
    opened = {}
    code = main(
        ["--db", str(demo_path)],
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        run_gui=lambda **kw: opened.update(kw) or 0,
    )
    assert code == 0
    assert opened["db"] == demo_path and opened["quit_after_show"] is False


def test_the_cli_follows_the_language_setting(tmp_path: Path, paths):
    from verenigingsbeheer import settings

    settings.save(settings.Settings(language="en"), paths.settings_file)
    code, _out, err = run("--db", str(tmp_path / "x.sqlite"), "info", paths=paths)
    assert code == 2 and "File not found" in err


@pytest.mark.parametrize(
    "name", ["koor%41.sqlite", "koor?x=1.sqlite", "koor#2.sqlite", "Kœr ë.sqlite"]
)
def test_odd_file_names_are_taken_literally(tmp_path: Path, name: str):
    path = tmp_path / name
    assert run("--db", str(path), "demo", "--members", "3")[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == [name]
    code, out, _err = run("--db", str(path), "info")
    assert code == 0 and info_counts(out)["leden"] == 3
    code, _out, err = run("--db", str(tmp_path / "koorA.sqlite"), "info")
    assert code == 2 and "niet gevonden" in err


def test_an_older_read_only_file_is_not_upgraded(tmp_path: Path, paths):
    from tests.db.test_migrations import make_file_at

    path = tmp_path / "oud.sqlite"
    make_file_at(path, "0002")
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO association (file_uid, name, street, house_number, postcode, town,"
            " country, kvk_number, iban, creditor_id, financial_year_start_month)"
            " VALUES ('u', 'Oud', '', '', '', '', 'NL', '', '', '', 1)"
        )
    before = digest(path)
    path.chmod(0o444)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("this user can write read-only files (root)")
        code, _out, err = run("--db", str(path), "info", paths=paths)
    finally:
        path.chmod(0o644)
    assert code == 2 and "alleen-lezen" in err and "Traceback" not in err
    assert digest(path) == before


def test_storage_errors_are_explained_in_dutch_not_as_a_traceback(tmp_path: Path, paths):
    from verenigingsbeheer.services.files import describe_error

    error = sqlite3.OperationalError("attempt to write a readonly database")
    assert describe_error(error, tmp_path / "x.sqlite").endswith(
        "is alleen-lezen: wijzigingen kunnen niet worden opgeslagen."
    )
    full = OSError(28, "No space left on device")
    assert describe_error(full) == "De schijf is vol; er is niets opgeslagen."
    assert describe_error(ValueError("x")) is None


def test_an_unexpected_error_in_a_command_goes_to_the_log_not_the_terminal(
    tmp_path: Path, paths, demo_path: Path
):
    with sqlite3.connect(demo_path) as db:  # a file whose association row went missing
        db.execute("DELETE FROM association")
    code, _out, err = run("--db", str(demo_path), "info", paths=paths)
    assert code == 1
    assert "Traceback" not in err and "onverwachts" in err
    assert "NoResultFound" in paths.log_file.read_text(encoding="utf-8")


def test_quit_after_show_with_a_command_is_refused(demo_path: Path):
    code, _out, err = run("--db", str(demo_path), "--quit-after-show", "info")
    assert code == 2 and "hoort bij het venster" in err
