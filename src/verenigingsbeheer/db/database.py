"""An open association file: the engine and one transaction per user action."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from verenigingsbeheer.db import audit, sqlite
from verenigingsbeheer.errors import ReadOnlyFile
from verenigingsbeheer.i18n import _


def _user_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name known to the system
        return ""


class Database:
    """Owns the engine of one file. Sessions live only inside `transaction()`/`reading()`.

    Every change made in a transaction is written to the audit log, with `who` as the
    person who made it (the name set in the settings, else the computer's user name).
    A `read_only` file is opened so that SQLite refuses writes, and `transaction()` says so.
    """

    def __init__(self, path: Path, who: str | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.engine = sqlite.make_engine(path, read_only=read_only)
        self.who = who if who is not None else _user_name()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=True)
        audit.install(self._sessions)
        # Goes up with every committed action, so views reload only what changed.
        self.generation = 0
        # The audit-log actions committed through this object: what "undo" may offer.
        self.actions: list[int] = []
        # Called after every commit (the window updates its Undo item).
        self.committed: list[Callable[[], None]] = []
        # Called before every commit; raising refuses the commit (nothing is written).
        self.before_commit: Callable[[], None] | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """The Unit of Work of one user action: commit at the end, roll back on error."""
        if self.read_only:
            raise ReadOnlyFile(
                _("{path} is open read-only: nothing can be changed.").format(path=self.path)
            )
        session = self._sessions(info={audit.WHO: self.who})
        try:
            yield session
            action = audit.current_action_id(session)
            if self.before_commit is not None:
                self.before_commit()  # e.g. the window checks its lock is still its own
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        self.generation += 1
        if action is not None:
            self.actions.append(action)
        for listener in self.committed:
            listener()

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
