"""The member page's privacy actions: a person's data for a request for access, and
forgetting a former member."""

from __future__ import annotations

from pathlib import Path

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _


def export_person(page) -> None:
    """Both files at once: the PDF to read, and the JSON beside it to take elsewhere."""
    from verenigingsbeheer.services import person_data

    row = page.selected()
    if row is None:
        return
    context = page.context
    suggested = Path.home() / _("data of {name}.pdf").format(name=row.name.full)
    path = context.asker.pdf_path(page, suggested)
    if path is None:
        return
    pdf, json = path.with_suffix(".pdf"), path.with_suffix(".json")
    try:
        with context.database.reading() as session:
            person_id = person_data.person_of_member(session, row.member_number)
            person_data.write_export(session, person_id, pdf, context.today())
            person_data.write_export(session, person_id, json, context.today())
    except UserError as error:
        context.asker.error(page, _("Not exported"), error.message)
        return
    context.asker.inform(
        page,
        _("Exported"),
        _(
            "Saved {pdf} (to read) and {json} (for another program). Send them to {name} "
            "within a month of the request."
        ).format(pdf=pdf, json=json, name=row.name.full),
    )


def forget_person(page) -> None:
    from verenigingsbeheer.services import person_data, privacy

    row = page.selected()
    if row is None:
        return
    context = page.context
    with context.database.reading() as session:
        person_id = person_data.person_of_member(session, row.member_number)
        reasons = privacy.blockers(session, person_id, context.today())
    if reasons:  # said at once: no question, no backup
        context.asker.error(
            page,
            _("Not forgotten"),
            _("{name} cannot be forgotten: {reasons}.").format(
                name=row.name.full, reasons=", ".join(reasons)
            ),
        )
        return
    question = _(
        "Forget {name}? Name, address, contact details, IBAN, date of birth, notes and "
        "consents are removed for good, also from the log; the member number, membership "
        "dates and financial records stay. This cannot be undone."
    ).format(name=row.name.full)
    if not context.asker.confirm(page, _("Forget this person"), question):
        return
    try:
        context.back_up_before("voor-anonimiseren")
        with context.database.transaction() as session:
            privacy.forget(session, person_id, context.today())
    except UserError as error:
        context.asker.error(page, _("Not forgotten"), error.message)
        return
    page.refresh()
    page.select_member(row.member_id)
