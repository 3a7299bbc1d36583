"""Passphrases (F-FIRM-2): the rules for a new one, and its salted, slow hash.

NIST SP 800-63B: at least 10 characters, any characters, no composition rules. Stored as
`pbkdf2_sha256$<iterations>$<salt>$<hash>` (base64), compared in constant time. The key
derivation itself is handed in (`Kdf`): WebCrypto in the browser, hashlib under CPython;
both compute the same PBKDF2-HMAC-SHA256.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from app.domain.errors import InvalidInput

MIN_LENGTH = 10
MAX_LENGTH = 1000      # a bound on the work one attempt costs, far past any real passphrase
ITERATIONS = 600_000   # OWASP's figure for PBKDF2-HMAC-SHA256
_SCHEME = "pbkdf2_sha256"

# (passphrase as UTF-8, salt, iterations) -> 32-byte key
Derive = Callable[[bytes, bytes, int], Awaitable[bytes]]


@dataclass(frozen=True)
class Kdf:
    derive: Derive
    iterations: int = ITERATIONS


async def hashlib_derive(secret: bytes, salt: bytes, iterations: int) -> bytes:
    """CPython's PBKDF2 (Pyodide ships no OpenSSL, so the browser uses WebCrypto instead)."""
    return hashlib.pbkdf2_hmac("sha256", secret, salt, iterations, dklen=32)


def check_new(passphrase: str, repeat: str, field: str = "passphrase", repeat_field: str = "repeat") -> None:
    """A new passphrase and its repetition; InvalidInput names each field that is wrong."""
    errors = {}
    if len(passphrase) < MIN_LENGTH:
        errors[field] = "passphrase_short"
    elif len(passphrase) > MAX_LENGTH:
        errors[field] = "too_long"
    if passphrase != repeat:
        errors[repeat_field] = "passphrase_mismatch"
    if errors:
        raise InvalidInput(errors)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


async def hash_passphrase(passphrase: str, kdf: Kdf, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    key = await kdf.derive(passphrase.encode("utf-8"), salt, kdf.iterations)
    return f"{_SCHEME}${kdf.iterations}${_b64(salt)}${_b64(key)}"


def _parts(stored: str) -> tuple[int, bytes, bytes] | None:
    try:
        scheme, iterations, salt, key = stored.split("$")
        if scheme != _SCHEME or not 0 < int(iterations) <= 10_000_000:
            return None
        salt_bytes, key_bytes = base64.b64decode(salt, validate=True), base64.b64decode(key, validate=True)
    except ValueError:
        return None
    # A hash the sign-in can check: a real salt and a 32-byte key (else nobody could ever match it).
    if len(salt_bytes) < 8 or len(key_bytes) != 32:
        return None
    return int(iterations), salt_bytes, key_bytes


def is_hash(stored: str) -> bool:
    """Is this a hash in our format (what an imported dataset may carry)."""
    return _parts(stored) is not None


async def verify(stored: str | None, passphrase: str, kdf: Kdf) -> bool:
    """Does `passphrase` match the stored hash. The derivation runs even with no hash stored,
    so an attempt takes as long whether or not the member has a passphrase."""
    parts = _parts(stored) if stored else None
    iterations, salt, key = parts or (kdf.iterations, b"\0" * 16, b"")
    candidate = await kdf.derive(passphrase[:MAX_LENGTH].encode("utf-8"), salt, iterations)
    # Cut to bound the work, but a longer attempt is never the (at most MAX_LENGTH) passphrase stored.
    return parts is not None and len(passphrase) <= MAX_LENGTH and hmac.compare_digest(candidate, key)


def retry_delay(failures: int) -> int:
    """Seconds to wait before the next attempt after `failures` wrong ones in a row: 0, 1, 2, 4 … 60."""
    return 0 if failures <= 0 else min(60, 2 ** (failures - 1))
