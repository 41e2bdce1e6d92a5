"""Alembic environment: runs on the connection handed over by `db.migrate`.

Foreign keys are switched off for the migration, because a batch table rebuild
(create new, copy, drop old) would otherwise cascade-delete child rows when the old
table is dropped. After the migration `PRAGMA foreign_key_check` must come back empty,
or the whole migration is rolled back.
"""

from alembic import context

from verenigingsbeheer.db import (
    models,  # noqa: F401  (registers the tables)
    sqlite,
)
from verenigingsbeheer.db.base import Base


class ForeignKeyViolation(RuntimeError):
    pass


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    dbapi = connection.connection.driver_connection
    if connection.in_transaction():
        raise RuntimeError("migrations need a connection outside a transaction")
    sqlite.set_foreign_keys(dbapi, False)
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=True,
            compare_type=True,
            # SQLite's DDL is transactional once BEGIN is ours (db.sqlite.make_engine);
            # Alembic assumes otherwise and would commit step by step.
            transactional_ddl=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            problems = sqlite.foreign_key_problems(dbapi)
            if problems:
                raise ForeignKeyViolation(f"foreign key check failed: {problems[:5]}")
    finally:
        sqlite.set_foreign_keys(dbapi, True)


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
