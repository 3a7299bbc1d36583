"""The database schema as ordered migrations; PRAGMA user_version says how many ran."""

from __future__ import annotations

from app.store import sync_schema
from app.store.db import Database

# Each entry runs once, in order, in its own transaction. Never edit a released entry:
# append a new one.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE firm (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        currency TEXT NOT NULL DEFAULT 'EUR'
    ) STRICT;
    CREATE TABLE member (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        email TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'employee')),
        view_all_accounts INTEGER NOT NULL DEFAULT 0,
        manage_accounts INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE tag (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        color TEXT NOT NULL
    ) STRICT;
    CREATE TABLE custom_field (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL CHECK (scope IN ('account', 'contact')),
        label TEXT NOT NULL,
        type TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE account (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_sort TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('individual', 'company', 'other')),
        street TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT '',
        postal_code TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        quickbooks TEXT NOT NULL DEFAULT 'not_connected',
        photo BLOB,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX account_by_name ON account (name_sort, id);
    CREATE INDEX account_by_type ON account (type, name_sort, id);
    CREATE TABLE account_tag (
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
        PRIMARY KEY (account_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX account_tag_by_tag ON account_tag (tag_id, account_id);
    CREATE TABLE account_team (
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        PRIMARY KEY (account_id, member_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX account_team_by_member ON account_team (member_id, account_id);
    CREATE TABLE team_history (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES member (id),
        action TEXT NOT NULL CHECK (action IN ('added', 'removed')),
        by_member_id INTEGER REFERENCES member (id),
        at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX team_history_by_account ON team_history (account_id, at);
    CREATE TABLE account_field_value (
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        field_id INTEGER NOT NULL REFERENCES custom_field (id) ON DELETE CASCADE,
        value TEXT NOT NULL,
        PRIMARY KEY (account_id, field_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE contact (
        id INTEGER PRIMARY KEY,
        first_name TEXT NOT NULL,
        middle_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL,
        street TEXT NOT NULL DEFAULT '',
        city TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT '',
        postal_code TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        birth_date TEXT,
        tax_id TEXT NOT NULL DEFAULT '',
        mobile_app_last_login TEXT
    ) STRICT;
    CREATE TABLE contact_email (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        address TEXT NOT NULL,
        is_primary INTEGER NOT NULL DEFAULT 0,
        UNIQUE (contact_id, address)
    ) STRICT;
    CREATE INDEX contact_email_by_address ON contact_email (address);
    CREATE UNIQUE INDEX contact_email_one_primary ON contact_email (contact_id) WHERE is_primary;
    CREATE TABLE contact_phone (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        number TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX contact_phone_by_contact ON contact_phone (contact_id);
    CREATE TABLE contact_field_value (
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        field_id INTEGER NOT NULL REFERENCES custom_field (id) ON DELETE CASCADE,
        value TEXT NOT NULL,
        PRIMARY KEY (contact_id, field_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE account_contact (
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        description TEXT NOT NULL DEFAULT '',
        signer_priority INTEGER NOT NULL DEFAULT 0,
        is_primary INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account_id, contact_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX account_contact_by_contact ON account_contact (contact_id, account_id);
    CREATE UNIQUE INDEX account_contact_one_primary ON account_contact (account_id) WHERE is_primary;
    CREATE TABLE email_settings (
        account_id INTEGER NOT NULL,
        contact_id INTEGER NOT NULL,
        email_id INTEGER NOT NULL REFERENCES contact_email (id) ON DELETE CASCADE,
        login TEXT NOT NULL DEFAULT 'off' CHECK (login IN ('off', 'invited', 'active')),
        invited_at TEXT,
        notify INTEGER NOT NULL DEFAULT 0,
        notify_types TEXT NOT NULL DEFAULT '[]',
        email_sync INTEGER NOT NULL DEFAULT 0,
        can_sign INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (account_id, email_id),
        FOREIGN KEY (account_id, contact_id)
            REFERENCES account_contact (account_id, contact_id) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX email_settings_by_link ON email_settings (account_id, contact_id);
    CREATE INDEX email_settings_by_email ON email_settings (email_id);

    CREATE TABLE document (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('client', 'firm')),
        by_name TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX document_by_account ON document (account_id, created_at);
    CREATE TABLE document_view (
        document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,
        viewed_at TEXT NOT NULL,
        PRIMARY KEY (document_id, member_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE task (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done')),
        due_on TEXT,
        assignee_id INTEGER REFERENCES member (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX task_by_account ON task (account_id, status, created_at);
    CREATE TABLE email_message (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        subject TEXT NOT NULL,
        to_address TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sent', 'delivered', 'opened', 'bounced')),
        sent_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX email_message_by_account ON email_message (account_id, sent_at);
    CREATE TABLE job (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        pipeline TEXT NOT NULL,
        stage TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX job_by_account ON job (account_id, active, created_at);
    CREATE TABLE chat_thread (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        subject TEXT NOT NULL
    ) STRICT;
    CREATE INDEX chat_thread_by_account ON chat_thread (account_id);
    CREATE TABLE chat_message (
        id INTEGER PRIMARY KEY,
        thread_id INTEGER NOT NULL REFERENCES chat_thread (id) ON DELETE CASCADE,
        from_client INTEGER NOT NULL,
        sender_name TEXT NOT NULL,
        body TEXT NOT NULL,
        sent_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX chat_message_by_thread ON chat_message (thread_id, sent_at);
    CREATE TABLE invoice (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        number TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        due_on TEXT NOT NULL,
        amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
        paid_cents INTEGER NOT NULL DEFAULT 0 CHECK (paid_cents >= 0)
    ) STRICT;
    CREATE INDEX invoice_by_account ON invoice (account_id, issued_on);
    CREATE TABLE credit (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        amount_cents INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX credit_by_account ON credit (account_id);
    CREATE TABLE approval (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        document_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
        requested_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX approval_by_account ON approval (account_id, requested_at);
    CREATE TABLE signature_request (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        document_name TEXT NOT NULL,
        sent_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX signature_request_by_account ON signature_request (account_id, sent_at);
    CREATE TABLE signature_signer (
        request_id INTEGER NOT NULL REFERENCES signature_request (id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        signed_at TEXT,
        PRIMARY KEY (request_id, contact_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE organizer (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('sent', 'in_progress', 'completed')),
        progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
        sent_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX organizer_by_account ON organizer (account_id, sent_at);
    CREATE TABLE login_event (
        id INTEGER PRIMARY KEY,
        contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        mobile INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX login_event_by_contact ON login_event (contact_id, at);
    CREATE TABLE note (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        body TEXT NOT NULL,
        author_id INTEGER NOT NULL REFERENCES member (id),
        created_at TEXT NOT NULL,
        updated_at TEXT
    ) STRICT;
    CREATE INDEX note_by_account ON note (account_id, created_at);
    CREATE TABLE time_entry (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES member (id),
        worked_on TEXT NOT NULL,
        minutes INTEGER NOT NULL CHECK (minutes > 0),
        description TEXT NOT NULL DEFAULT '',
        billable INTEGER NOT NULL DEFAULT 1
    ) STRICT;
    CREATE INDEX time_entry_by_account ON time_entry (account_id, worked_on);
    CREATE TABLE proposal (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('proposal', 'engagement_letter')),
        status TEXT NOT NULL CHECK (status IN ('sent', 'viewed', 'signed', 'declined')),
        sent_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX proposal_by_account ON proposal (account_id, sent_at);

    -- Search: accent-folded, lower-cased text, trigram-indexed for substring matches.
    -- rowid is the account id; kept in step by app.store.search on every write.
    CREATE VIRTUAL TABLE account_search USING fts5 (name, people, tokenize = 'trigram');
    """,
    # 2: a firm of its own (settings, sign-in, the firm's history of changes).
    """
    ALTER TABLE firm ADD COLUMN street TEXT NOT NULL DEFAULT '';
    ALTER TABLE firm ADD COLUMN city TEXT NOT NULL DEFAULT '';
    ALTER TABLE firm ADD COLUMN postal_code TEXT NOT NULL DEFAULT '';
    ALTER TABLE firm ADD COLUMN province TEXT NOT NULL DEFAULT '';
    ALTER TABLE firm ADD COLUMN country TEXT NOT NULL DEFAULT '';
    ALTER TABLE firm ADD COLUMN vat_number TEXT NOT NULL DEFAULT '';
    ALTER TABLE firm ADD COLUMN language TEXT NOT NULL DEFAULT '' CHECK (language IN ('', 'en', 'it'));
    ALTER TABLE firm ADD COLUMN idle_minutes INTEGER NOT NULL DEFAULT 15
        CHECK (idle_minutes BETWEEN 1 AND 480);
    ALTER TABLE firm ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
    -- Before this version the only firm a device could hold was the demo (or a copy of it).
    UPDATE firm SET demo = 1;
    ALTER TABLE member ADD COLUMN export_clients INTEGER NOT NULL DEFAULT 0;
    -- Until now every member could export the clients they see: keep that for them.
    UPDATE member SET export_clients = 1;
    ALTER TABLE member ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE member ADD COLUMN passphrase_hash TEXT;
    ALTER TABLE member ADD COLUMN must_change_passphrase INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE firm_event (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER REFERENCES member (id),
        action TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX firm_event_by_time ON firm_event (at, id);
    """,
    # 3: the contact pickers' search index, derived like account_search (never exported).
    """
    -- Accent-folded names and emails of each contact (rowid = contact id), for rare fragments.
    CREATE VIRTUAL TABLE contact_search USING fts5 (text, tokenize = 'trigram');
    -- The same text, walked in the pickers' order (by the covering index) when a fragment is
    -- common; `free`: linked to no account (every member may pick it).
    CREATE TABLE contact_search_text (
        id INTEGER PRIMARY KEY,
        last_name TEXT NOT NULL,
        first_name TEXT NOT NULL,
        text TEXT NOT NULL,
        free INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX contact_search_in_order ON contact_search_text (last_name, first_name, id, text, free);
    CREATE INDEX contact_search_free ON contact_search_text (id) WHERE free;
    -- Contacts whose rows above are rebuilt (by app.store.search, which folds in Python) just
    -- before the transaction commits. Triggers fill it, so no writer can forget to.
    CREATE TABLE contact_search_dirty (id INTEGER PRIMARY KEY) STRICT;
    CREATE TRIGGER contact_search_new AFTER INSERT ON contact
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (NEW.id); END;
    CREATE TRIGGER contact_search_renamed AFTER UPDATE OF first_name, middle_name, last_name ON contact
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (NEW.id); END;
    CREATE TRIGGER contact_search_gone AFTER DELETE ON contact
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (OLD.id); END;
    CREATE TRIGGER contact_search_email_new AFTER INSERT ON contact_email
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (NEW.contact_id); END;
    CREATE TRIGGER contact_search_email_changed AFTER UPDATE OF contact_id, address ON contact_email
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (OLD.contact_id), (NEW.contact_id); END;
    CREATE TRIGGER contact_search_email_gone AFTER DELETE ON contact_email
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (OLD.contact_id); END;
    CREATE TRIGGER contact_search_linked AFTER INSERT ON account_contact
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (NEW.contact_id); END;
    CREATE TRIGGER contact_search_relinked AFTER UPDATE OF contact_id ON account_contact
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (OLD.contact_id), (NEW.contact_id); END;
    CREATE TRIGGER contact_search_unlinked AFTER DELETE ON account_contact
        BEGIN INSERT OR IGNORE INTO contact_search_dirty VALUES (OLD.contact_id); END;
    -- Existing contacts are indexed when the store is next opened (app.store.search.install).
    INSERT INTO contact_search_dirty (id) SELECT id FROM contact;
    """,
    # 4: sync (#12): uids, the sync bookkeeping and the outbox triggers (app.store.sync_schema).
    sync_schema.migration(),
]


def migrate(db: Database) -> int:
    """Bring the schema up to date; returns the resulting version."""
    version = db.scalar("PRAGMA user_version")
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        # executescript commits any open transaction first, so the script carries its own.
        try:
            db.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        except Exception:
            db.executescript("ROLLBACK;")
            raise
    return len(MIGRATIONS)
