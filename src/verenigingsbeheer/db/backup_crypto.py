"""The encrypted backup format: a small readable header, then the encrypted database.

    MAGIC | header length (4 bytes, big-endian) | header (JSON, UTF-8) | AES-256-GCM data

The header holds only what the restore screen shows without the passphrase (date,
reason, association name, counts, schema revision) plus the scrypt salt and parameters.
scrypt derives 64 bytes from the passphrase: the first 32 are the AES key, the last 32
are stored as a check value, so a wrong passphrase is told apart from a damaged file.
The header is the AES-GCM associated data: changing it makes the data unreadable.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from verenigingsbeheer.errors import UserError
from verenigingsbeheer.i18n import _

MAGIC = b"VERENIGINGSBEHEER-RESERVEKOPIE\x00"
FORMAT = 1
MAX_HEADER = 64 * 1024
# scrypt with n=2**15, r=8 uses 32 MB and about 0.1 s: cheap for us, costly for guessing.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MIN_PASSPHRASE = 8


class WrongPassphrase(UserError):
    """The passphrase does not open this backup."""


class DamagedBackup(UserError):
    """The backup file is incomplete or changed; nothing can be restored from it."""


@dataclass(frozen=True)
class Sealed:
    header: dict[str, Any]
    header_bytes: bytes
    payload: bytes


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def passphrase_problem(passphrase: str) -> str | None:
    """Why a new passphrase is not good enough, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return _("The passphrase must be at least {n} characters long.").format(n=MIN_PASSPHRASE)
    return None


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    material = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return material[:32], material[32:]


def encrypt(image: bytes, info: dict[str, Any], passphrase: str) -> bytes:
    """The file bytes of an encrypted backup of `image` with the readable `info`."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    header = dict(info)
    header["format"] = FORMAT
    header["kdf"] = {
        "name": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": _b64(salt),
        "check": _b64(check),
    }
    header["cipher"] = {"name": "AES-256-GCM", "nonce": _b64(nonce)}
    header_bytes = json.dumps(header, ensure_ascii=False, sort_keys=True).encode("utf-8")
    payload = AESGCM(key).encrypt(nonce, image, header_bytes)
    return MAGIC + len(header_bytes).to_bytes(4, "big") + header_bytes + payload


def read_sealed(path: Path, *, header_only: bool = False) -> Sealed:
    """The header (and the encrypted data) of an encrypted backup; DamagedBackup if not one."""
    damaged = DamagedBackup(
        _("{path} is not a complete encrypted backup; it may be damaged.").format(path=path)
    )
    with path.open("rb") as handle:
        if handle.read(len(MAGIC)) != MAGIC:
            raise damaged
        length = int.from_bytes(handle.read(4), "big")
        if not 0 < length <= MAX_HEADER:
            raise damaged
        header_bytes = handle.read(length)
        payload = b"" if header_only else handle.read()
    try:
        header = json.loads(header_bytes.decode("utf-8"))
    except ValueError:
        raise damaged from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise damaged
    return Sealed(header, header_bytes, payload)


def passphrase_fits(path: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens this backup (checked against the header, not decrypted)."""
    try:
        kdf = read_sealed(path, header_only=True).header["kdf"]
        _key, check = _derive(passphrase, _unb64(kdf["salt"]), int(kdf["n"]), int(kdf["r"]),
                              int(kdf["p"]))  # fmt: skip
        return hmac.compare_digest(check, _unb64(kdf["check"]))
    except (OSError, UserError, KeyError, TypeError, ValueError):
        return False


def decrypt(path: Path, passphrase: str) -> bytes:
    """The database image inside an encrypted backup.

    WrongPassphrase when the passphrase does not fit, DamagedBackup when the file was cut
    off or changed; nothing is written either way.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    sealed = read_sealed(path)
    try:
        kdf, cipher = sealed.header["kdf"], sealed.header["cipher"]
        salt, nonce = _unb64(kdf["salt"]), _unb64(cipher["nonce"])
        key, check = _derive(passphrase, salt, int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
        expected = _unb64(kdf["check"])
    except (KeyError, TypeError, ValueError):
        raise DamagedBackup(
            _("{path} is not a complete encrypted backup; it may be damaged.").format(path=path)
        ) from None
    if not hmac.compare_digest(check, expected):
        raise WrongPassphrase(
            _(
                "The passphrase does not fit this backup ({name}). Check it and try again; "
                "nothing was changed."
            ).format(name=path.name)
        )
    try:
        return AESGCM(key).decrypt(nonce, sealed.payload, sealed.header_bytes)
    except InvalidTag:
        raise DamagedBackup(
            _(
                "The passphrase fits, but {name} was damaged or changed after it was made; "
                "it cannot be restored."
            ).format(name=path.name)
        ) from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)
