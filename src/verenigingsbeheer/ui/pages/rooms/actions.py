"""What the rooms page changes: venues and rooms, bookings (one, or a whole series), their
status, invoiced and paid. Dialogs run through the asker; each change is one transaction;
a booking that finds its room taken asks whether to save it anyway, marked."""

from __future__ import annotations

import datetime as dt

from verenigingsbeheer.i18n import _, ngettext
from verenigingsbeheer.i18n.formatting import format_number
from verenigingsbeheer.services import bookings, place_links, rooms, series
from verenigingsbeheer.ui.dialogs.booking_dialogs import BookingDialog, SeriesBookingDialog
from verenigingsbeheer.ui.dialogs.venue_dialogs import RoomDialog, VenueDialog


def _refresh(page, booking_id: int | None = None) -> None:
    page.refresh()
    if booking_id is not None:
        page.select_booking(booking_id)


# -- venues and rooms -------------------------------------------------------------------------
def new_venue(page) -> None:
    dialog = VenueDialog(parent=page)
    if not page.context.asker.run_dialog(dialog):
        return
    made: list[int] = []
    details = dialog.details()
    if page.context.write(page, lambda s: made.append(rooms.create_venue(s, details))):
        page.chosen = ("venue", made[0])
        page.refresh()


def new_room(page) -> None:
    venue_id = page.venue_id() or (page.venues[0].venue_id if page.venues else None)
    if venue_id is None:
        return
    venue = next(v for v in page.venues if v.venue_id == venue_id)
    dialog = RoomDialog(venue.name, parent=page)
    if not page.context.asker.run_dialog(dialog):
        return
    made: list[int] = []
    details = dialog.details()
    if page.context.write(page, lambda s: made.append(rooms.create_room(s, venue_id, details))):
        page.chosen = ("room", made[0])
        offer_linking(page, made[0])
        page.refresh()


def offer_linking(page, room_id: int) -> None:
    """Activities whose typed place names this room (or its venue, when the venue has no
    other room) are offered to be booked in it: the booking becomes their place."""
    context = page.context
    with context.database.reading() as session:
        room = rooms.get_room(session, room_id)
        others = [r for r in rooms.list_rooms(session) if r.venue_id == room.venue_id]
        found = [
            match for match in place_links.places_matching(session, room_id)
            if match.names_room or len(others) == 1
        ]  # fmt: skip
    if not found:
        return
    places = sorted({match.activity.free_place for match in found})
    question = ngettext(
        "{n} activity has '{place}' as its place. Book it in {room}?",
        "{n} activities have '{place}' as their place. Book them in {room}?",
        len(found),
    ).format(n=format_number(len(found)), place="', '".join(places[:3]), room=room.label)
    ids = [match.activity.activity_id for match in found]
    if context.asker.confirm(page, _("Book in this room"), question):
        context.write_insisting(
            page,
            lambda s, accept: place_links.link_places(
                s, room_id, activity_ids=ids, accept_conflicts=accept
            ),
        )


def edit_place(page) -> None:
    if page.chosen is None:
        return
    kind, chosen_id = page.chosen
    context = page.context
    if kind == "venue":
        venue = next(v for v in page.venues if v.venue_id == chosen_id)
        dialog = VenueDialog(venue.details, page)
        if context.asker.run_dialog(dialog):
            details = dialog.details()
            if context.write(page, lambda s: rooms.update_venue(s, chosen_id, details)):
                page.refresh()
        return
    room = next(r for v in page.venues for r in v.rooms if r.room_id == chosen_id)
    dialog = RoomDialog(room.venue_name, room.details, page)
    if context.asker.run_dialog(dialog):
        details = dialog.details()
        if context.write_insisting(
            page,
            lambda s, accept: rooms.update_room(s, chosen_id, details, accept_conflicts=accept),
        ):
            page.refresh()


def delete_place(page) -> None:
    if page.chosen is None:
        return
    kind, chosen_id = page.chosen
    context = page.context
    if kind == "venue":
        name = next(v.name for v in page.venues if v.venue_id == chosen_id)
        action = lambda s: rooms.delete_venue(s, chosen_id)  # noqa: E731
    else:
        name = next(r.label for v in page.venues for r in v.rooms if r.room_id == chosen_id)
        action = lambda s: rooms.delete_room(s, chosen_id)  # noqa: E731
    question = _("Remove {name}?").format(name=name)
    if context.asker.confirm(page, _("Remove"), question) and context.write(page, action):
        page.chosen = None
        page.refresh()


# -- bookings ---------------------------------------------------------------------------------
def _cost_of(page):
    def cost(room_id: int, start: dt.time, end: dt.time):
        with page.context.database.reading() as session:
            return bookings.computed_cost(session, room_id, start, end)

    return cost


def new_booking(page, day: dt.date | None = None, start: dt.time | None = None) -> None:
    context = page.context
    dialog = BookingDialog(
        day or context.today(), page.room_choices(), _cost_of(page), room_id=page.room_id(),
        parent=page,
    )  # fmt: skip
    if day is not None:
        dialog.date.set_date(day)
    if start is not None:
        dialog.start.set_time(start)
        dialog.end.set_time(min(dt.time(23, 55), dt.time(min(start.hour + 2, 23), start.minute)))
    if not context.asker.run_dialog(dialog):
        return
    details = dialog.details()
    made: list[int] = []
    if context.write_insisting(
        page, lambda s, accept: made.append(bookings.book(s, details, accept_conflicts=accept))
    ):
        page.anchor = details.date
        _refresh(page, made[-1])


def edit_booking(page, row: bookings.BookingRow | None = None) -> None:
    """The chosen booking's form (or `row`'s, e.g. from the list of conflicts)."""
    if row is None:
        chosen = page.selected_bookings()
        if len(chosen) != 1:
            return
        row = chosen[0]
    context = page.context
    if context.read_only or context.database.read_only:
        return
    dialog = BookingDialog(
        context.today(), page.room_choices(), _cost_of(page), row.details,
        activity=row.activity_title, parent=page,
    )  # fmt: skip
    if not context.asker.run_dialog(dialog):
        return
    details = dialog.details()
    if context.write_insisting(
        page,
        lambda s, accept: bookings.update_booking(
            s, row.booking_id, details, accept_conflicts=accept
        ),
    ):
        _refresh(page, row.booking_id)


def cancel_booking(page) -> None:
    """Cancel the chosen booking, or book a cancelled one again."""
    chosen = page.selected_bookings()
    if len(chosen) != 1:
        return
    row = chosen[0]
    status = "confirmed" if row.status == "cancelled" else "cancelled"
    if status == "cancelled" and row.activity_id is not None:
        question = _(
            "This booking is the place of {activity}; cancelled, the activity has no room. "
            "Cancel the booking?"
        ).format(activity=row.activity_title)
        if not page.context.asker.confirm(page, _("Cancel booking"), question):
            return
    if page.context.write_insisting(
        page,
        lambda s, accept: bookings.set_status(s, row.booking_id, status, accept_conflicts=accept),
    ):
        _refresh(page, row.booking_id)


def delete_booking(page) -> None:
    chosen = page.selected_bookings()
    if len(chosen) != 1:
        return
    row = chosen[0]
    question = _(
        "Delete the booking {booking}? A booking that does not happen is better cancelled, "
        "so the rent overview stays right."
    ).format(booking=row.describe())
    if row.activity_id is not None:
        question += "\n\n" + _("It is the place of {activity}, which then has no room.").format(
            activity=row.activity_title
        )
    if page.context.asker.confirm(page, _("Delete booking"), question) and page.context.write(
        page, lambda s: bookings.delete_booking(s, row.booking_id)
    ):
        page.refresh()


def mark(page, *, invoiced: bool | None = None, paid: bool | None = None) -> None:
    chosen = [row.booking_id for row in page.selected_bookings()]
    if chosen and page.context.write(
        page, lambda s: bookings.mark(s, chosen, invoiced=invoiced, paid=paid)
    ):
        page.refresh()


def book_series(page) -> None:
    context = page.context
    with context.database.reading() as session:
        found = series.list_series(session)
    dialog = SeriesBookingDialog(context.today(), found, page.room_choices(), page.room_id(), page)
    if not context.asker.run_dialog(dialog):
        return
    series_id, room_id, from_day = dialog.choice()
    done: list[bookings.SeriesBooking] = []
    if not context.write_many_bookings(
        page,
        lambda s, on_conflict: done.append(
            bookings.book_series(s, series_id, room_id, from_day=from_day, on_conflict=on_conflict)
        ),
    ):
        return
    result = done[-1]
    text = ngettext("{n} occurrence booked.", "{n} occurrences booked.", result.booked).format(
        n=format_number(result.booked)
    )
    if result.left_out:
        text += " " + ngettext(
            "{n} left out: the room is taken then.",
            "{n} left out: the room is taken then.",
            result.left_out,
        ).format(n=format_number(result.left_out))
    context.asker.inform(page, _("Series booked"), text)
    page.chosen = ("room", room_id)
    page.refresh()
