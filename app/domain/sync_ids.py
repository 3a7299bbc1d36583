"""Ids that mean the same record on every device (#12), beside the integer ids each device keeps.

Why a `uid` beside the integer ids rather than ULIDs as primary keys: the integer ids are the
join keys of thirty tables, the app's addresses (#/accounts/17) and the dataset file's
references, and they stay local to a device. Replication speaks only uids; the applier maps a
uid to the device's row. A uid is a ULID (time first, so documents created later sort later),
or, where two devices may create "the same" thing, derived from what makes it the same thing:
a tag from its folded name, so the two "VIP" tags of two offline devices become one document.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable

from app.domain.text import fold, squash

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
UID_LENGTH = 26   # 128 bits in Crockford base32
_KIND = re.compile(r"[a-z]+(?:_[a-z]+)*")   # account, team_history, …


def _base32(number: int, length: int) -> str:
    return "".join(_CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(length)))


def new_uid(now_ms: int, random: Callable[[int], bytes] = os.urandom) -> str:
    """A ULID: 48 bits of milliseconds, then 80 random bits."""
    if not 0 <= now_ms < 1 << 48:
        raise ValueError("the time does not fit a ULID")
    return _base32((now_ms << 80) | int.from_bytes(random(10), "big"), UID_LENGTH)


def derived_uid(kind: str, *parts: str) -> str:
    """The same uid on every device for the same `kind` and parts (a hash, not a ULID)."""
    digest = hashlib.sha256("\x1f".join((kind, *parts)).encode("utf-8")).digest()
    return _base32(int.from_bytes(digest[:16], "big"), UID_LENGTH)


def tag_uid(name: str) -> str:
    """A tag's uid from its name as the app compares names (folded): "VIP" and "vip" are one."""
    return derived_uid("tag", fold(squash(name)))


def doc_id(kind: str, uid: str) -> str:
    """The replicated document of one record: `account:01J…`."""
    return f"{kind}:{uid}"


def link_doc_id(account_uid: str, contact_uid: str) -> str:
    """A contact's link to an account: one document per pair, whichever device linked them."""
    return f"link:{account_uid}:{contact_uid}"


def parse_doc_id(document_id: str) -> tuple[str, tuple[str, ...]]:
    """(kind, uids) of a document id; ValueError for one that is not ours."""
    kind, _, rest = document_id.partition(":")
    parts = tuple(rest.split(":")) if rest else ()
    if not _KIND.fullmatch(kind) or not parts or not all(_is_uid(part) for part in parts):
        raise ValueError(f"not a Fascicolo document id: {document_id!r}")
    return kind, parts


def _is_uid(text: str) -> bool:
    return len(text) == UID_LENGTH and all(ch in _CROCKFORD for ch in text)
