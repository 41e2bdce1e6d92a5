"""Series that can be changed safely, leaner indexes, the school holidays of two more years.

- `activities.series_date`: the day of the series an occurrence was made for. Moving it
  keeps that day, so changing the series later knows which occurrence is which.
- `series_skips`: days of a series whose occurrence was deleted on its own, so that
  changing the series does not bring it back.
- The indexes on activity_id (and series_id) that the unique (activity, member) and
  (activity, section) indexes already give are dropped: a season of attendance for a large
  association took a sixth of the file twice, and every open's quick check reads it all.
- The school holidays of region Midden for 2027-2028 and 2028-2029 as the Rijksoverheid
  published them, added where the file does not have them yet.

Revision ID: 0008
Revises: 0007
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

DUPLICATES = (
    ("attendance", "activity_id"),
    ("availability", "activity_id"),
    ("activity_sections", "activity_id"),
    ("series_sections", "series_id"),
)
D = dt.date
SCHOOL_HOLIDAYS = (
    ("Herfstvakantie", D(2027, 10, 16), D(2027, 10, 24)),
    ("Kerstvakantie", D(2027, 12, 25), D(2028, 1, 9)),
    ("Voorjaarsvakantie", D(2028, 2, 26), D(2028, 3, 5)),
    ("Meivakantie", D(2028, 4, 29), D(2028, 5, 7)),
    ("Zomervakantie", D(2028, 7, 8), D(2028, 8, 20)),
    ("Herfstvakantie", D(2028, 10, 21), D(2028, 10, 29)),
    ("Kerstvakantie", D(2028, 12, 23), D(2029, 1, 7)),
    ("Voorjaarsvakantie", D(2029, 2, 17), D(2029, 2, 25)),
    ("Meivakantie", D(2029, 4, 28), D(2029, 5, 6)),
    ("Zomervakantie", D(2029, 7, 7), D(2029, 8, 19)),
)


def upgrade() -> None:
    for table, column in DUPLICATES:
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
    with op.batch_alter_table("activities") as batch:
        batch.add_column(sa.Column("series_date", sa.Date(), nullable=True))
    op.execute("UPDATE activities SET series_date = date WHERE series_id IS NOT NULL")
    op.create_table(
        "series_skips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=False),
        sa.Column("slot_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["activity_series.id"],
            name=op.f("fk_series_skips_series_id_activity_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_skips")),
        sa.UniqueConstraint("series_id", "slot_date", name=op.f("uq_series_skips_series_id")),
    )
    holidays = sa.table(
        "school_holidays",
        sa.column("name", sa.String),
        sa.column("first_day", sa.Date),
        sa.column("last_day", sa.Date),
    )
    connection = op.get_bind()
    have = set(connection.execute(sa.select(holidays.c.first_day)).scalars())
    missing = [
        {"name": name, "first_day": first, "last_day": last}
        for name, first, last in SCHOOL_HOLIDAYS
        if first not in have
    ]
    if missing:
        op.bulk_insert(holidays, missing)


def downgrade() -> None:
    op.drop_table("series_skips")
    with op.batch_alter_table("activities") as batch:
        batch.drop_column("series_date")
    for table, column in DUPLICATES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])
