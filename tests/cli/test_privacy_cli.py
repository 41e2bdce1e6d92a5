"""`privacy export|due|anonymise|forget`, `report register` and the mailing-list export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pypdf import PdfReader

from tests.cli.test_cli import digest, run
from verenigingsbeheer.outputs.tables import read_table
from verenigingsbeheer.services import members, privacy
from verenigingsbeheer.services.files import open_association_file


def former_numbers(path: Path, paths) -> dict[int, str]:
    """Former members of the demo by member number, all left within the last two years."""
    with open_association_file(path, paths.backup_dir) as db, db.reading() as session:
        rows = members.list_members(session, dt.date.today(), include_former=True)
        return {r.member_number: r.name.full for r in rows if not r.current}


def test_export_of_one_member_as_json_and_pdf(demo_path: Path, paths, tmp_path: Path):
    json_path, pdf_path = tmp_path / "lid.json", tmp_path / "lid.pdf"
    code, out, err = run("--db", str(demo_path), "privacy", "export", "--member", "1",
                         "--out", str(json_path), paths=paths)  # fmt: skip
    assert (code, err) == (0, "") and out.startswith("De gegevens van ")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    name = out.removeprefix("De gegevens van ").split(" opgeslagen")[0]
    assert data["person"]["name"] == name and data["records"]["members"][0]["member_number"] == 1
    code, out, err = run("--db", str(demo_path), "privacy", "export", "--member", "1",
                         "--out", str(pdf_path), paths=paths)  # fmt: skip
    assert code == 0 and name in PdfReader(pdf_path).pages[0].extract_text()


def test_export_of_an_unknown_member_or_to_a_wrong_file_is_refused(demo_path, paths, tmp_path):
    before = digest(demo_path)
    code, out, err = run("--db", str(demo_path), "privacy", "export", "--member", "999",
                         "--out", str(tmp_path / "x.json"), paths=paths)  # fmt: skip
    assert (code, out) == (2, "") and "Er is geen lid met nummer 999." in err
    code, out, err = run("--db", str(demo_path), "privacy", "export", "--member", "1",
                         "--out", str(tmp_path / "x.txt"), paths=paths)  # fmt: skip
    assert code == 2 and "eindigt op .pdf of .json" in err
    assert digest(demo_path) == before and not (tmp_path / "x.json").exists()


def test_anonymise_lists_first_and_changes_only_with_confirm(demo_path: Path, paths):
    former = former_numbers(demo_path, paths)
    with open_association_file(demo_path, paths.backup_dir) as db, db.transaction() as session:
        privacy.set_retention_years(session, 1)
    with open_association_file(demo_path, paths.backup_dir) as db, db.reading() as session:
        due = privacy.due_for_anonymisation(session, dt.date.today())
    numbers = {row.member_number for row in due if row.member_number is not None}
    assert numbers and numbers <= set(former)  # with any demo volunteer no longer helping
    before = digest(demo_path)
    code, out, err = run("--db", str(demo_path), "privacy", "anonymise", paths=paths)
    assert code == 0 and "Meer dan 1 jaar geleden vertrokken, te anonimiseren:" in out
    assert all(former[number] in out for number in numbers)
    assert all(f"{row.name.full} (vrijwilliger)" in out for row in due if row.member_number is None)
    assert out.rstrip().endswith("voeg --confirm toe om ze te anonimiseren.")
    assert digest(demo_path) == before
    code, out, err = run("--db", str(demo_path), "privacy", "anonymise", "--confirm", paths=paths)
    assert code == 0 and out.rstrip().endswith(
        f"{len(due)} oud-leden of oud-vrijwilligers geanonimiseerd."
    )
    assert set(former_numbers(demo_path, paths).values()) >= {privacy.ANONYMOUS}
    code, out, err = run("--db", str(demo_path), "privacy", "due", paths=paths)
    assert (code, out) == (
        0,
        "Geen enkel oud-lid of oud-vrijwilliger is meer dan 1 jaar geleden vertrokken.\n",
    )


def test_forget_refuses_a_current_member_and_needs_confirm(demo_path: Path, paths):
    before = digest(demo_path)
    code, out, err = run("--db", str(demo_path), "privacy", "forget", "--member", "1",
                         paths=paths)  # fmt: skip
    assert code == 2 and "kan niet worden vergeten: is nog lid" in err
    number, name = next(iter(former_numbers(demo_path, paths).items()))
    code, out, err = run("--db", str(demo_path), "privacy", "forget", "--member", str(number),
                         paths=paths)  # fmt: skip
    assert (code, out) == (0, f"{name} zou worden vergeten; er is niets veranderd. Voeg "
                              "--confirm toe.\n")  # fmt: skip
    assert digest(demo_path) == before
    code, out, err = run("--db", str(demo_path), "privacy", "forget", "--member", str(number),
                         "--confirm", paths=paths)  # fmt: skip
    assert (code, out) == (0, f"{name} is vergeten.\n")
    assert former_numbers(demo_path, paths)[number] == privacy.ANONYMOUS


def test_the_processing_register_and_the_mailing_list(demo_path: Path, paths, tmp_path: Path):
    path = tmp_path / "register.pdf"
    code, out, err = run("--db", str(demo_path), "report", "register", "--out", str(path),
                         paths=paths)  # fmt: skip
    assert code == 0 and out == f"Verwerkingsregister opgeslagen in {path} (5 verwerkingen).\n"
    assert "Ledenadministratie" in PdfReader(path).pages[0].extract_text()
    mailing = tmp_path / "mailing.csv"
    code, out, err = run("--db", str(demo_path), "members", "export", "--mailing", "--out",
                         str(mailing), paths=paths)  # fmt: skip
    assert code == 0
    table = read_table(mailing)
    with open_association_file(demo_path, paths.backup_dir) as db, db.reading() as session:
        rows = members.list_members(session, dt.date.today())
    wanted = {(r.name.full, r.email) for r in rows if r.newsletter_consent and r.email}
    assert table.headers == ["Naam", "E-mail"]
    assert {tuple(row) for row in table.rows} == wanted and len(wanted) < len(rows)
    code, out, err = run("--db", str(demo_path), "members", "export", "--mailing", "--all",
                         "--out", str(mailing), paths=paths)  # fmt: skip
    assert code == 2


def test_anonymising_makes_a_backup_first(demo_path: Path, paths):
    number = next(iter(former_numbers(demo_path, paths)))
    code, out, err = run("--db", str(demo_path), "privacy", "forget", "--member", str(number),
                         "--confirm", paths=paths)  # fmt: skip
    assert code == 0
    made = [p.name for p in paths.backup_dir.iterdir() if "voor-anonimiseren" in p.name]
    assert len(made) == 1
    backup = open_association_file(paths.backup_dir / made[0], paths.backup_dir)
    with backup, backup.reading() as session:
        rows = members.list_members(session, dt.date.today(), include_former=True)
    kept = next(r for r in rows if r.member_number == number)
    assert kept.name.last_name != privacy.ANONYMOUS  # the backup still has them
    assert former_numbers(demo_path, paths)[number] == privacy.ANONYMOUS
