"""PBKDF2-HMAC-SHA256 in the browser through WebCrypto.

Pyodide ships no OpenSSL, so `hashlib.pbkdf2_hmac` does not exist there; WebCrypto runs the
600,000 iterations natively (~0.15 s, see the issue notes for the figures).
"""

from __future__ import annotations

import js  # type: ignore[import-not-found]
from pyodide.ffi import to_js  # type: ignore[import-not-found]

from app.domain.passphrase import Kdf


async def webcrypto_derive(secret: bytes, salt: bytes, iterations: int) -> bytes:
    subtle = js.crypto.subtle   # present on https and on localhost (a secure context)
    key = await subtle.importKey("raw", to_js(secret), "PBKDF2", False, to_js(["deriveBits"]))
    params = to_js({"name": "PBKDF2", "hash": "SHA-256", "salt": to_js(salt), "iterations": iterations},
                   dict_converter=js.Object.fromEntries)
    bits = await subtle.deriveBits(params, key, 256)
    return js.Uint8Array.new(bits).to_bytes()


def browser_kdf() -> Kdf:
    return Kdf(webcrypto_derive)
