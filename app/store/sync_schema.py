"""Schema version 4 (#12): uids beside the integer ids, the sync bookkeeping, the outbox triggers.

See docs/sync.md. A firm that never turns sync on pays one empty-table lookup per write: the
triggers fire only while `sync_state` says sync is on and the applier is not writing (what came
from the server must not be sent back).
The migration text is built from the lists below once; like every migration, it must never
change after release: a later change is a new migration.
"""

from __future__ import annotations

# Tables whose rows are documents of their own, by the document kind (docs/sync.md).
RECORDS: dict[str, str] = {
    "member": "member", "tag": "tag", "custom_field": "field", "account": "account", "contact": "contact",
    "team_history": "team_history", "document": "document", "task": "task", "email_message": "email_message",
    "job": "job", "chat_thread": "chat_thread", "chat_message": "chat_message", "invoice": "invoice",
    "credit": "credit", "approval": "approval", "signature_request": "signature_request",
    "organizer": "organizer", "note": "note", "time_entry": "time_entry", "proposal": "proposal",
    "firm_event": "firm_event",
}
# Rows that are part of another record's document: table -> (its table, the column naming it).
PARTS: dict[str, tuple[str, str]] = {
    "account_tag": ("account", "account_id"), "account_team": ("account", "account_id"),
    "account_field_value": ("account", "account_id"), "contact_email": ("contact", "contact_id"),
    "contact_phone": ("contact", "contact_id"), "contact_field_value": ("contact", "contact_id"),
    "signature_signer": ("signature_request", "request_id"),
}
# Documents named by a pair of records: table -> (kind, first column, second column).
PAIRS: dict[str, tuple[str, str, str]] = {
    "account_contact": ("link", "account_id", "contact_id"),
    "email_settings": ("link", "account_id", "contact_id"),
    "document_view": ("document_view", "document_id", "member_id"),
}
_EVENTS = (("new", "INSERT", "NEW"), ("changed", "UPDATE", "NEW"), ("gone", "DELETE", "OLD"))
_ON = "WHEN (SELECT enabled AND NOT applying FROM sync_state WHERE id = 1)"
_QUEUE = "INSERT INTO sync_outbox (kind, row_id, other_id, uid) VALUES"
_KEEP_UID = "ON CONFLICT (kind, row_id, other_id) DO UPDATE SET uid = coalesce(excluded.uid, uid)"

_BOOKKEEPING = """
    -- One row once sync is turned on; `applying` is set while changes from the server are written.
    CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL DEFAULT 0,
        applying INTEGER NOT NULL DEFAULT 0,
        since TEXT NOT NULL DEFAULT '0'
    ) STRICT;
    -- Records changed since they were last pushed; `uid` kept for one deleted meanwhile.
    CREATE TABLE sync_outbox (
        kind TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        other_id INTEGER NOT NULL DEFAULT 0,
        uid TEXT,
        PRIMARY KEY (kind, row_id, other_id)
    ) STRICT, WITHOUT ROWID;
    -- The body both sides last agreed on: the base of a three-way merge.
    CREATE TABLE sync_doc (
        doc_id TEXT PRIMARY KEY,
        rev TEXT NOT NULL,
        base TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE sync_conflict (
        doc_id TEXT NOT NULL,
        path TEXT NOT NULL,
        winner TEXT,
        loser TEXT,
        revs TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (doc_id, path)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE sync_attention (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        rule TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    ) STRICT;
"""


def _uid_columns() -> str:
    return "".join(f"    ALTER TABLE {table} ADD COLUMN uid TEXT;\n"
                   f"    CREATE UNIQUE INDEX {table}_by_uid ON {table} (uid);\n" for table in RECORDS)


def _record_triggers(table: str, kind: str) -> str:
    return "".join(
        f"    CREATE TRIGGER sync_{table}_{name} AFTER {event} ON {table} {_ON}\n"
        f"        BEGIN {_QUEUE} ('{kind}', {row}.id, 0, {row}.uid) {_KEEP_UID}; END;\n"
        for name, event, row in _EVENTS)


def _part_triggers(table: str, parent: str, column: str) -> str:
    kind = RECORDS[parent]
    return "".join(
        f"    CREATE TRIGGER sync_{table}_{name} AFTER {event} ON {table} {_ON}\n"
        f"        BEGIN {_QUEUE} ('{kind}', {row}.{column}, 0,"
        f" (SELECT uid FROM {parent} WHERE id = {row}.{column})) {_KEEP_UID}; END;\n"
        for name, event, row in _EVENTS)


def _pair_triggers(table: str, kind: str, first: str, second: str) -> str:
    return "".join(
        f"    CREATE TRIGGER sync_{table}_{name} AFTER {event} ON {table} {_ON}\n"
        f"        BEGIN {_QUEUE} ('{kind}', {row}.{first}, {row}.{second}, NULL) {_KEEP_UID}; END;\n"
        for name, event, row in _EVENTS)


def _firm_triggers() -> str:
    return (f"    CREATE TRIGGER sync_firm_changed AFTER UPDATE ON firm {_ON}\n"
            f"        BEGIN {_QUEUE} ('firm', 1, 0, 'firm') {_KEEP_UID}; END;\n")


def migration() -> str:
    """The text of schema version 4."""
    return "\n".join([
        _uid_columns(), _BOOKKEEPING, _firm_triggers(),
        *(_record_triggers(table, kind) for table, kind in RECORDS.items()),
        *(_part_triggers(table, parent, column) for table, (parent, column) in PARTS.items()),
        *(_pair_triggers(table, *spec) for table, spec in PAIRS.items()),
    ])
