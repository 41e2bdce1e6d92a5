"""Sections (voice parts, instruments, teams) and board functions.

Adding the section foreign key rebuilds `members` (batch mode), which is the parent of
`membership_periods` (ON DELETE CASCADE): env.py keeps foreign keys off meanwhile.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sections")),
        sa.UniqueConstraint("name", name=op.f("uq_sections_name")),
    )
    with op.batch_alter_table("members", recreate="always") as batch:
        batch.add_column(sa.Column("section_id", sa.Integer(), nullable=True))
        batch.create_index(op.f("ix_members_section_id"), ["section_id"])
        batch.create_foreign_key(
            op.f("fk_members_section_id_sections"),
            "sections",
            ["section_id"],
            ["id"],
            ondelete="SET NULL",
        )
    op.create_table(
        "board_functions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR end_date >= start_date",
            name=op.f("ck_board_functions_end_after_start"),
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_board_functions_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_board_functions")),
    )
    op.create_index(op.f("ix_board_functions_member_id"), "board_functions", ["member_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_board_functions_member_id"), table_name="board_functions")
    op.drop_table("board_functions")
    with op.batch_alter_table("members", recreate="always") as batch:
        batch.drop_constraint(op.f("fk_members_section_id_sections"), type_="foreignkey")
        batch.drop_index(op.f("ix_members_section_id"))
        batch.drop_column("section_id")
    op.drop_table("sections")
