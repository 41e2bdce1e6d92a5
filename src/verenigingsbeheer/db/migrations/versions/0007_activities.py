"""Activities: rehearsals, performances and the rest; season series; availability before
and attendance after; the school holidays of The Hague's region, editable.

Revision ID: 0007
Revises: 0006
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KIND = "kind IN ('rehearsal', 'sectional', 'performance', 'workshop', 'meeting', 'other')"
D = dt.date
# School holidays of regio midden (Zuid-Holland, so The Hague) as the government set them;
# a first version: the board corrects and adds years on the activities page.
SCHOOL_HOLIDAYS = (
    ("Herfstvakantie", D(2024, 10, 26), D(2024, 11, 3)),
    ("Kerstvakantie", D(2024, 12, 21), D(2025, 1, 5)),
    ("Voorjaarsvakantie", D(2025, 2, 22), D(2025, 3, 2)),
    ("Meivakantie", D(2025, 4, 26), D(2025, 5, 4)),
    ("Zomervakantie", D(2025, 7, 19), D(2025, 8, 31)),
    ("Herfstvakantie", D(2025, 10, 18), D(2025, 10, 26)),
    ("Kerstvakantie", D(2025, 12, 20), D(2026, 1, 4)),
    ("Voorjaarsvakantie", D(2026, 2, 14), D(2026, 2, 22)),
    ("Meivakantie", D(2026, 4, 25), D(2026, 5, 3)),
    ("Zomervakantie", D(2026, 7, 18), D(2026, 8, 30)),
    ("Herfstvakantie", D(2026, 10, 17), D(2026, 10, 25)),
    ("Kerstvakantie", D(2026, 12, 19), D(2027, 1, 3)),
    ("Voorjaarsvakantie", D(2027, 2, 20), D(2027, 2, 28)),
    ("Meivakantie", D(2027, 4, 24), D(2027, 5, 2)),
    ("Zomervakantie", D(2027, 7, 17), D(2027, 8, 29)),
)


def _id_and_fk(table: str, column: str, target: str, ondelete: str) -> list:
    return [
        sa.Column(column, sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            [column],
            [f"{target}.id"],
            name=op.f(f"fk_{table}_{column}_{target}"),
            ondelete=ondelete,
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "activity_series",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("interval_weeks", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("last_date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("skip_public_holidays", sa.Boolean(), nullable=False),
        sa.Column("skip_school_holidays", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(KIND, name=op.f("ck_activity_series_kind")),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name=op.f("ck_activity_series_weekday")),
        sa.CheckConstraint("interval_weeks IN (1, 2)", name=op.f("ck_activity_series_interval")),
        sa.CheckConstraint("last_date >= first_date", name=op.f("ck_activity_series_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_series")),
    )
    op.create_table(
        "series_sections",
        sa.Column("id", sa.Integer(), nullable=False),
        *_id_and_fk("series_sections", "series_id", "activity_series", "CASCADE"),
        *_id_and_fk("series_sections", "section_id", "sections", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series_sections")),
        sa.UniqueConstraint("series_id", "section_id", name=op.f("uq_series_sections_series_id")),
    )
    op.create_index(op.f("ix_series_sections_series_id"), "series_sections", ["series_id"])
    op.create_table(
        "activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("series_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("audience", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("detached", sa.Boolean(), nullable=False),
        sa.CheckConstraint(KIND, name=op.f("ck_activities_kind")),
        sa.CheckConstraint("end_time > start_time", name=op.f("ck_activities_times")),
        sa.CheckConstraint(
            "audience IS NULL OR audience >= 0", name=op.f("ck_activities_audience")
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["activity_series.id"],
            name=op.f("fk_activities_series_id_activity_series"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activities")),
        sa.UniqueConstraint("uid", name=op.f("uq_activities_uid")),
    )
    op.create_index(op.f("ix_activities_series_id"), "activities", ["series_id"])
    op.create_index(op.f("ix_activities_date"), "activities", ["date"])
    op.create_table(
        "activity_sections",
        sa.Column("id", sa.Integer(), nullable=False),
        *_id_and_fk("activity_sections", "activity_id", "activities", "CASCADE"),
        *_id_and_fk("activity_sections", "section_id", "sections", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_sections")),
        sa.UniqueConstraint(
            "activity_id", "section_id", name=op.f("uq_activity_sections_activity_id")
        ),
    )
    op.create_index(op.f("ix_activity_sections_activity_id"), "activity_sections", ["activity_id"])
    for table, statuses in (
        ("availability", "'unknown', 'signed_up', 'excused'"),
        ("attendance", "'present', 'absent', 'excused', 'late'"),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            *_id_and_fk(table, "activity_id", "activities", "CASCADE"),
            *_id_and_fk(table, "member_id", "members", "CASCADE"),
            sa.Column("status", sa.String(length=10), nullable=False),
            sa.Column("reason", sa.String(length=300), nullable=False),
            sa.CheckConstraint(f"status IN ({statuses})", name=op.f(f"ck_{table}_status")),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint("activity_id", "member_id", name=op.f(f"uq_{table}_activity_id")),
        )
        op.create_index(op.f(f"ix_{table}_activity_id"), table, ["activity_id"])
        op.create_index(op.f(f"ix_{table}_member_id"), table, ["member_id"])
    holidays = op.create_table(
        "school_holidays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_school_holidays_dates")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_school_holidays")),
    )
    op.bulk_insert(
        holidays,
        [
            {"name": name, "first_day": first, "last_day": last}
            for name, first, last in SCHOOL_HOLIDAYS
        ],
    )


def downgrade() -> None:
    op.drop_table("school_holidays")
    for table in ("attendance", "availability"):
        op.drop_index(op.f(f"ix_{table}_member_id"), table_name=table)
        op.drop_index(op.f(f"ix_{table}_activity_id"), table_name=table)
        op.drop_table(table)
    op.drop_index(op.f("ix_activity_sections_activity_id"), table_name="activity_sections")
    op.drop_table("activity_sections")
    op.drop_index(op.f("ix_activities_date"), table_name="activities")
    op.drop_index(op.f("ix_activities_series_id"), table_name="activities")
    op.drop_table("activities")
    op.drop_index(op.f("ix_series_sections_series_id"), table_name="series_sections")
    op.drop_table("series_sections")
    op.drop_table("activity_series")
