"""Drop the indexes on activity_id (and series_id) that the unique (activity, member) and
(activity, section) constraints already give: a season of attendance for a large
association took a sixth of the file twice, and every open's quick check reads it all.

Revision ID: 0008
Revises: 0007
"""

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


def upgrade() -> None:
    for table, column in DUPLICATES:
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)


def downgrade() -> None:
    for table, column in DUPLICATES:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])
