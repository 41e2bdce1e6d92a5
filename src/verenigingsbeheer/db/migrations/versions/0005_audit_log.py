"""The audit log: one row per user action, one per row it changed, with the values before
and after, so changes can be reviewed and the last destructive ones undone.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("description", sa.String(length=300), nullable=False),
        sa.Column("undoable", sa.Boolean(), nullable=False),
        sa.Column("undoes_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["undoes_id"],
            ["audit_actions.id"],
            name=op.f("fk_audit_actions_undoes_id_audit_actions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_actions")),
    )
    op.create_index(op.f("ix_audit_actions_at"), "audit_actions", ["at"])
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("operation", sa.String(length=6), nullable=False),
        sa.Column("old_values", sa.Text(), nullable=True),
        sa.Column("new_values", sa.Text(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "operation IN ('insert', 'update', 'delete')", name=op.f("ck_audit_entries_operation")
        ),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["audit_actions.id"],
            name=op.f("fk_audit_entries_action_id_audit_actions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    op.create_index(op.f("ix_audit_entries_action_id"), "audit_entries", ["action_id"])
    op.create_index(op.f("ix_audit_entries_person_id"), "audit_entries", ["person_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_audit_entries_person_id"), table_name="audit_entries")
    op.drop_index(op.f("ix_audit_entries_action_id"), table_name="audit_entries")
    op.drop_table("audit_entries")
    op.drop_index(op.f("ix_audit_actions_at"), table_name="audit_actions")
    op.drop_table("audit_actions")
