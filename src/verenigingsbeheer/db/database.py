"""An open association file: the engine and one transaction per user action."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from verenigingsbeheer.db import sqlite


class Database:
    """Owns the engine of one file. Sessions live only inside `transaction()`/`reading()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = sqlite.make_engine(path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=True)
        # Goes up with every committed action, so views reload only what changed.
        self.generation = 0

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """The Unit of Work of one user action: commit at the end, roll back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
            self.generation += 1
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look; whatever happens inside is rolled back."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
