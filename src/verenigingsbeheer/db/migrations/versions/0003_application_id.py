"""Stamp the file as Verenigingsbeheer's (SQLite's `application_id` in the file header).

Lets the program tell its own files, including ones from newer versions, apart from other
programs' SQLite databases that happen to use Alembic too.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

# b"VBEH" as a big-endian 32-bit number; kept literal so this migration never changes.
APPLICATION_ID = 0x56424548

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    op.execute("PRAGMA application_id = 0")
