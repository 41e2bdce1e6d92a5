"""Errors that carry a message meant for the user (already translated)."""


class UserError(Exception):
    """A problem the user can fix; the CLI prints it and exits with status 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FileNotFound(UserError):
    """The association file does not exist (a typo must never create one)."""


class NotAnAssociationFile(UserError):
    """The file is not an SQLite database of this program, or it is damaged."""


class DamagedFile(NotAnAssociationFile):
    """The file is an SQLite database, but SQLite's own check finds it damaged."""


class NewerSchema(UserError):
    """The file was written by a newer version of the program."""


class MigrationFailed(UserError):
    """Upgrading the file failed; it was rolled back and a backup exists."""


class ValidationFailed(UserError):
    """Input that breaks a rule; `problems` maps each field to its explanation."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


class ReadOnlyFile(UserError):
    """The file was opened read-only (someone else has it open); nothing may be written."""


class FileInUse(UserError):
    """Another program holds the file's lock; a writing command does nothing."""
