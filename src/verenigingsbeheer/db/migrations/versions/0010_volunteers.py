"""Volunteers: tasks with the value of an hour of each, volunteers who are no member (as
persons), hours helped, allowances paid, and the tax-free limits per year (2025 and 2026
shipped as the Belastingdienst published them; editable).

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# A first list of tasks, each valued at € 15 an hour until the board sets its own.
TASKS = ("Bestuur", "Bar", "Decorbouw", "Kostuums", "Kaartverkoop", "PR en communicatie",
         "Opbouw en afbouw", "Techniek (licht en geluid)")  # fmt: skip
LIMITS = (
    (2025, 560, 330, 21000, 210000, "Belastingdienst, vrijwilligersregeling 2025"),
    (2026, 575, 340, 22000, 220000, "Belastingdienst, vrijwilligersregeling 2026"),
)


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def upgrade() -> None:
    tasks = op.create_table(
        "volunteer_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("hourly_value", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.CheckConstraint("hourly_value >= 0", name=op.f("ck_volunteer_tasks_hourly_value")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_tasks")),
        sa.UniqueConstraint("name", name=op.f("uq_volunteer_tasks_name")),
    )
    op.create_table(
        "volunteers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        _fk("volunteers", "person_id", "persons", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteers")),
        sa.UniqueConstraint("person_id", name=op.f("uq_volunteers_person_id")),
    )
    op.create_table(
        "volunteer_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(300), nullable=False),
        sa.CheckConstraint(
            "minutes > 0 AND minutes <= 1440 AND minutes % 15 = 0",
            name=op.f("ck_volunteer_hours_minutes"),
        ),
        _fk("volunteer_hours", "person_id", "persons", "RESTRICT"),
        _fk("volunteer_hours", "task_id", "volunteer_tasks", "RESTRICT"),
        _fk("volunteer_hours", "activity_id", "activities", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_hours")),
    )
    op.create_index("ix_volunteer_hours_date", "volunteer_hours", ["date"])
    op.create_index("ix_volunteer_hours_person_id", "volunteer_hours", ["person_id"])
    op.create_table(
        "allowances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("hourly_rate", sa.Integer(), nullable=True),
        sa.Column("over_limit_accepted", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(300), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_allowances_amount")),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_allowances_period")),
        sa.CheckConstraint(
            "hourly_rate IS NULL OR hourly_rate >= 0", name=op.f("ck_allowances_hourly_rate")
        ),
        _fk("allowances", "person_id", "persons", "RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allowances")),
    )
    op.create_index("ix_allowances_person_id", "allowances", ["person_id"])
    limits = op.create_table(
        "allowance_limits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("hourly_adult", sa.Integer(), nullable=False),
        sa.Column("hourly_young", sa.Integer(), nullable=False),
        sa.Column("monthly", sa.Integer(), nullable=False),
        sa.Column("yearly", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allowance_limits")),
        sa.UniqueConstraint("year", name=op.f("uq_allowance_limits_year")),
    )
    op.bulk_insert(
        tasks,
        [{"name": name, "hourly_value": 1500, "sort_order": n} for n, name in enumerate(TASKS)],
    )
    op.bulk_insert(
        limits,
        [
            {
                "year": year,
                "hourly_adult": adult,
                "hourly_young": young,
                "monthly": month,
                "yearly": whole,
                "source": source,
            }
            for year, adult, young, month, whole, source in LIMITS
        ],  # fmt: skip
    )


def downgrade() -> None:
    for table in ("allowance_limits", "allowances", "volunteer_hours", "volunteers",
                  "volunteer_tasks"):  # fmt: skip
        op.drop_table(table)
