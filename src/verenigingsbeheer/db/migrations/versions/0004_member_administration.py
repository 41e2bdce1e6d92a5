"""The complete member administration: address, birth date, membership types, IBAN and
mandate, Ooievaarspas, consents, emergency contact, households, notice dates, committees,
and a counter so member numbers are never reused.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The usual kinds of membership; each association renames or adds its own.
DEFAULT_MEMBERSHIP_TYPES = ("Lid", "Jeugdlid", "Studentlid", "Donateur", "Erelid")


def upgrade() -> None:
    op.create_table(
        "households",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_households")),
    )
    types = op.create_table(
        "membership_types",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership_types")),
        sa.UniqueConstraint("name", name=op.f("uq_membership_types_name")),
    )
    op.bulk_insert(
        types,
        [
            {"name": name, "sort_order": order}
            for order, name in enumerate(DEFAULT_MEMBERSHIP_TYPES)
        ],
    )
    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("given_by_parent", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "kind IN ('photos', 'newsletter', 'alumni')", name=op.f("ck_consents_kind")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_consents_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
        sa.UniqueConstraint("member_id", "kind", name=op.f("uq_consents_member_id")),
    )
    op.create_index(op.f("ix_consents_member_id"), "consents", ["member_id"])

    with op.batch_alter_table("association") as batch:
        batch.add_column(
            sa.Column("last_member_number", sa.Integer(), server_default="0", nullable=False)
        )
    op.execute(
        "UPDATE association SET last_member_number ="
        " (SELECT coalesce(max(member_number), 0) FROM members)"
    )
    with op.batch_alter_table("board_functions") as batch:
        batch.add_column(
            sa.Column("committee", sa.String(length=100), server_default="", nullable=False)
        )
    with op.batch_alter_table("membership_periods") as batch:
        batch.add_column(sa.Column("notice_given_on", sa.Date(), nullable=True))
    with op.batch_alter_table("persons") as batch:
        batch.add_column(sa.Column("date_of_birth", sa.Date(), nullable=True))
        for name, length, default in (
            ("street", 200, ""),
            ("house_number", 10, ""),
            ("house_number_addition", 10, ""),
            ("postcode", 20, ""),
            ("town", 100, ""),
            ("country", 2, "NL"),
        ):
            batch.add_column(
                sa.Column(name, sa.String(length=length), server_default=default, nullable=False)
            )
    # Rebuilds `members`, the parent of periods, functions and consents (foreign keys are
    # off during migrations, see env.py).
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("membership_type_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("iban", sa.String(length=34), server_default="", nullable=False))
        batch.add_column(
            sa.Column("mandate_reference", sa.String(length=35), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("mandate_signed_on", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("ooievaarspas", sa.Boolean(), server_default="0", nullable=False)
        )
        batch.add_column(
            sa.Column(
                "ooievaarspas_number", sa.String(length=30), server_default="", nullable=False
            )
        )
        batch.add_column(sa.Column("ooievaarspas_valid_until", sa.Date(), nullable=True))
        batch.add_column(
            sa.Column("emergency_contact", sa.String(length=200), server_default="", nullable=False)
        )
        batch.add_column(sa.Column("household_id", sa.Integer(), nullable=True))
        batch.add_column(
            sa.Column("pays_for_household", sa.Boolean(), server_default="0", nullable=False)
        )
        batch.create_index(op.f("ix_members_household_id"), ["household_id"])
        batch.create_index(op.f("ix_members_membership_type_id"), ["membership_type_id"])
        batch.create_foreign_key(
            op.f("fk_members_membership_type_id_membership_types"),
            "membership_types",
            ["membership_type_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_foreign_key(
            op.f("fk_members_household_id_households"),
            "households",
            ["household_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.drop_constraint(op.f("fk_members_household_id_households"), type_="foreignkey")
        batch.drop_constraint(
            op.f("fk_members_membership_type_id_membership_types"), type_="foreignkey"
        )
        batch.drop_index(op.f("ix_members_membership_type_id"))
        batch.drop_index(op.f("ix_members_household_id"))
        for name in (
            "pays_for_household",
            "household_id",
            "emergency_contact",
            "ooievaarspas_valid_until",
            "ooievaarspas_number",
            "ooievaarspas",
            "mandate_signed_on",
            "mandate_reference",
            "iban",
            "membership_type_id",
        ):
            batch.drop_column(name)
    with op.batch_alter_table("persons") as batch:
        for name in (
            "country",
            "town",
            "postcode",
            "house_number_addition",
            "house_number",
            "street",
            "date_of_birth",
        ):
            batch.drop_column(name)
    with op.batch_alter_table("membership_periods") as batch:
        batch.drop_column("notice_given_on")
    with op.batch_alter_table("board_functions") as batch:
        batch.drop_column("committee")
    with op.batch_alter_table("association") as batch:
        batch.drop_column("last_member_number")
    op.drop_index(op.f("ix_consents_member_id"), table_name="consents")
    op.drop_table("consents")
    op.drop_table("membership_types")
    op.drop_table("households")
