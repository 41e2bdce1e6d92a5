"""Rooms and venues: venues with a contact person, their rooms (capacity, rates,
facilities, set-up buffers) and the bookings of those rooms, an activity's place among
them. Free-text places stay as they are: no room is known yet; when the board adds one,
the activities whose place names it are offered to be booked in it.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "venues",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("street", sa.String(200), nullable=False),
        sa.Column("house_number", sa.String(20), nullable=False),
        sa.Column("postcode", sa.String(20), nullable=False),
        sa.Column("town", sa.String(100), nullable=False),
        sa.Column("phone", sa.String(30), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("contact_person_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_person_id"],
            ["persons.id"],
            name=op.f("fk_venues_contact_person_id_persons"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_venues")),
    )
    op.create_table(
        "rooms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("hourly_rate", sa.Integer(), nullable=True),
        sa.Column("fixed_rate", sa.Integer(), nullable=True),
        sa.Column("piano", sa.Boolean(), nullable=False),
        sa.Column("stage", sa.Boolean(), nullable=False),
        sa.Column("mirror_wall", sa.Boolean(), nullable=False),
        sa.Column("step_free", sa.Boolean(), nullable=False),
        sa.Column("buffer_before", sa.Integer(), nullable=False),
        sa.Column("buffer_after", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint("capacity IS NULL OR capacity >= 0", name=op.f("ck_rooms_capacity")),
        sa.CheckConstraint(
            "hourly_rate IS NULL OR hourly_rate >= 0", name=op.f("ck_rooms_hourly_rate")
        ),
        sa.CheckConstraint(
            "fixed_rate IS NULL OR fixed_rate >= 0", name=op.f("ck_rooms_fixed_rate")
        ),
        sa.CheckConstraint("buffer_before BETWEEN 0 AND 240", name=op.f("ck_rooms_buffer_before")),
        sa.CheckConstraint("buffer_after BETWEEN 0 AND 240", name=op.f("ck_rooms_buffer_after")),
        sa.ForeignKeyConstraint(
            ["venue_id"], ["venues.id"], name=op.f("fk_rooms_venue_id_venues"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rooms")),
    )
    op.create_index(op.f("ix_rooms_venue_id"), "rooms", ["venue_id"])
    op.create_table(
        "bookings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("cost", sa.Integer(), nullable=False),
        sa.Column("cost_agreed", sa.Boolean(), nullable=False),
        sa.Column("invoiced", sa.Boolean(), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("conflict_accepted", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_bookings_times")),
        sa.CheckConstraint(
            "status IN ('option', 'confirmed', 'cancelled')", name=op.f("ck_bookings_status")
        ),
        sa.CheckConstraint("cost >= 0", name=op.f("ck_bookings_cost")),
        sa.ForeignKeyConstraint(
            ["room_id"], ["rooms.id"], name=op.f("fk_bookings_room_id_rooms"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activities.id"],
            name=op.f("fk_bookings_activity_id_activities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookings")),
        sa.UniqueConstraint("activity_id", name=op.f("uq_bookings_activity_id")),
    )
    op.create_index("ix_bookings_room_id_date", "bookings", ["room_id", "date"])
    op.create_index("ix_bookings_date", "bookings", ["date"])
    with op.batch_alter_table("activity_series") as batch:
        batch.add_column(sa.Column("room_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_activity_series_room_id_rooms"),
            "rooms",
            ["room_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("activity_series") as batch:
        batch.drop_constraint(op.f("fk_activity_series_room_id_rooms"), type_="foreignkey")
        batch.drop_column("room_id")
    op.drop_table("bookings")
    op.drop_table("rooms")
    op.drop_table("venues")
