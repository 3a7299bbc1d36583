"""Changing an account's contacts and their per-email settings (F-EDIT-7, F-INFO-CONTACTS).

The rights are the account's (F-ACCESS-2); a contact's personal data may be edited by whoever
may edit one of the accounts it is linked to, and the change shows on all of them.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.domain.access import can_create_account, can_edit_account, visibility
from app.domain.account_forms import NewContactInput
from app.domain.contact_forms import ContactDetailsInput, DescriptionInput, NotificationInput
from app.domain.contacts import (
    AccountContactLink,
    Contact,
    ContactEmail,
    ContactPhone,
    EmailSettings,
    LoginState,
)
from app.domain.custom_fields import clean_values
from app.domain.errors import AccessDenied, InvalidInput, NotFound
from app.domain.firm import FieldScope, Member
from app.domain.validation import validate
from app.services.editing_views import ContactChoice, CustomFieldChoice
from app.services.guard import editable_account, sees
from app.store import accounts as account_store
from app.store import contacts as contact_store
from app.store import firm as firm_store
from app.store.db import Database


def _linked(db: Database, actor: Member, account_id: int, contact_id: int) -> None:
    editable_account(db, actor, account_id)
    if contact_store.link_row(db, account_id, contact_id) is None:
        raise NotFound(f"contact {contact_id} on account {account_id}")


def edit_description(db: Database, actor: Member, account_id: int, contact_id: int, text: str) -> None:
    form = validate(DescriptionInput, {"description": text})
    _linked(db, actor, account_id, contact_id)
    with db.transaction():
        contact_store.set_description(db, account_id, contact_id, form.description)


def unlink_contact(db: Database, actor: Member, account_id: int, contact_id: int) -> None:
    """Every account keeps at least one contact (F-INFO-CONTACTS-l)."""
    _linked(db, actor, account_id, contact_id)
    if contact_store.count_links(db, account_id) <= 1:
        raise InvalidInput({"contact": "last_contact"})
    was_primary = contact_store.link_row(db, account_id, contact_id)["is_primary"]
    with db.transaction():
        contact_store.unlink(db, account_id, contact_id)
        remaining = sorted(contact_store.linked_contacts(db, account_id),
                           key=lambda item: (item[0].signer_priority, item[2].id))
        # Signers keep their order and close the gap: 1, 2, 3 …
        contact_store.set_signer_priorities(db, account_id, [c.id for _, _, c in remaining])
        if was_primary:
            contact_store.make_primary(db, account_id, remaining[0][2].id)


def link_contact(db: Database, actor: Member, account_id: int, contact_id: int, description: str = "") -> None:
    editable_account(db, actor, account_id)
    contact = contact_store.get_contact(db, contact_id)
    accounts = contact_store.accounts_of_contact(db, contact_id) if contact else []
    if contact is None or (accounts and not any(sees(actor, r["team"]) for r in accounts)):
        raise NotFound(f"contact {contact_id}")
    if contact_store.link_row(db, account_id, contact_id) is not None:
        raise InvalidInput({"contact": "already_linked"})
    form = validate(DescriptionInput, {"description": description})
    _link(db, account_id, contact, form.description)


def _link(db: Database, account_id: int, contact: Contact, description: str) -> None:
    with db.transaction():
        priority = contact_store.last_signer_priority(db, account_id) + 1
        contact_store.link(db, AccountContactLink(
            account_id=account_id, contact_id=contact.id, description=description, signer_priority=priority,
            emails=tuple(EmailSettings(email=e.address) for e in contact.emails)), primary=priority == 1)


def add_contact(db: Database, actor: Member, account_id: int, data: dict[str, Any]) -> int:
    editable_account(db, actor, account_id)
    form = validate(NewContactInput, data)
    custom = clean_values(firm_store.list_custom_fields(db, FieldScope.CONTACT.value), form.custom)
    addresses = [form.email, *form.more_emails] if form.email else list(form.more_emails)
    person = {"first_name": form.first_name, "middle_name": form.middle_name, "last_name": form.last_name,
              "emails": [{"address": a, "primary": i == 0} for i, a in enumerate(addresses)],
              "phones": [{"number": form.phone}] if form.phone else [], "address": form.address,
              "custom": custom}
    try:
        contact = validate(Contact, person)
    except InvalidInput as error:  # name the fields as the form does
        field = {"phones": "phone", "emails": "more_emails", "form": "more_emails"}
        raise InvalidInput({field.get(k.split(".")[0], k): v for k, v in error.errors.items()}) from None
    with db.transaction():
        contact_id = contact_store.insert_contact(db, contact)
        _link(db, account_id, contact.model_copy(update={"id": contact_id}), form.description)
    return contact_id


def _editable_contact(db: Database, actor: Member, contact_id: int) -> Contact:
    contact = contact_store.get_contact(db, contact_id)
    if contact is None:
        raise NotFound(f"contact {contact_id}")
    accounts = contact_store.accounts_of_contact(db, contact_id)
    teams = [account_store.team_ids(db, r["id"]) for r in accounts] or [frozenset()]
    # A contact on no account may be edited by those who may edit any account.
    if not any(can_edit_account(actor, team) for team in teams):
        raise AccessDenied(f"contact {contact_id}")
    return contact


def contact_form(db: Database, actor: Member, contact_id: int) -> dict[str, Any]:
    """The contact's current values, named as the edit form names its fields."""
    c = _editable_contact(db, actor, contact_id)
    a = c.address
    values: dict[str, Any] = {"first_name": c.first_name, "middle_name": c.middle_name, "last_name": c.last_name,
                              "tax_id": c.tax_id, "address.street": a.street, "address.city": a.city,
                              "address.state": a.state, "address.postal_code": a.postal_code,
                              "address.country": a.country,
                              "primary": str(next((i for i, e in enumerate(c.emails) if e.primary), 0))}
    values.update({f"emails.{i}": e.address for i, e in enumerate(c.emails)})
    values.update({f"phones.{i}": p.number for i, p in enumerate(c.phones)})
    values.update({f"custom.{f}": v for f, v in c.custom.items()})
    return values


def contact_fields(db: Database) -> list[CustomFieldChoice]:
    return [CustomFieldChoice(f.id, f.label, f.type.value, f.options)
            for f in firm_store.list_custom_fields(db, FieldScope.CONTACT.value)]


def update_contact(db: Database, actor: Member, contact_id: int, data: dict[str, Any]) -> None:
    before = _editable_contact(db, actor, contact_id)
    form = validate(ContactDetailsInput, data)
    if len(set(form.emails)) != len(form.emails):
        raise InvalidInput({"emails": "duplicate_email"})
    if form.emails and not 0 <= form.primary < len(form.emails):
        raise InvalidInput({"primary": "option"})
    emails = tuple(ContactEmail(address=a, primary=i == form.primary) for i, a in enumerate(form.emails))
    # Custom fields left out of the data keep their values.
    custom = clean_values(firm_store.list_custom_fields(db, FieldScope.CONTACT.value), form.custom) \
        if "custom" in data else before.custom
    # What the form does not show (birth date, mobile app use) is kept as it was.
    contact = validate(Contact, {**form.model_dump(exclude={"emails", "primary", "phones", "custom"}),
                                 "id": contact_id, "custom": custom, "emails": emails,
                                 "phones": tuple(ContactPhone(number=p) for p in form.phones),
                                 "birth_date": before.birth_date,
                                 "mobile_app_last_login": before.mobile_app_last_login})
    with db.transaction():
        contact_store.update_contact(db, contact)


def _settings(db: Database, actor: Member, account_id: int, contact_id: int, email: str) -> EmailSettings:
    _linked(db, actor, account_id, contact_id)
    row = contact_store.email_settings(db, account_id, contact_id, email)
    if row is None:
        raise NotFound(f"email {email}")
    return EmailSettings(email=row["address"], login=row["login"], invited_at=row["invited_at"],
                         notify=row["notify"], notify_types=frozenset(json.loads(row["notify_types"])),
                         email_sync=row["email_sync"], can_sign=row["can_sign"])


def set_login(db: Database, actor: Member, account_id: int, contact_id: int, email: str, on: bool,
              now: datetime | None = None) -> None:
    """Giving portal access sends an invitation (state: invited, with the time)."""
    current = _settings(db, actor, account_id, contact_id, email)
    if on == (current.login is not LoginState.OFF):
        return
    update = {"login": LoginState.INVITED, "invited_at": now or datetime.now()} if on else \
        {"login": LoginState.OFF, "invited_at": None}
    _save(db, account_id, contact_id, current.model_copy(update=update))


def resend_invite(db: Database, actor: Member, account_id: int, contact_id: int, email: str,
                  now: datetime | None = None) -> datetime:
    current = _settings(db, actor, account_id, contact_id, email)
    if current.login is not LoginState.INVITED:
        raise InvalidInput({"login": "not_invited"})
    when = now or datetime.now()
    _save(db, account_id, contact_id, current.model_copy(update={"invited_at": when}))
    return when


def set_switch(db: Database, actor: Member, account_id: int, contact_id: int, email: str,
               setting: str, on: bool) -> None:
    """Notifications, email sync or signing authority for one email address."""
    if setting not in ("notify", "email_sync", "can_sign"):
        raise InvalidInput({"setting": "option"})
    current = _settings(db, actor, account_id, contact_id, email)
    _save(db, account_id, contact_id, current.model_copy(update={setting: on}))


def set_notification_types(db: Database, actor: Member, account_id: int, contact_id: int, email: str,
                           types: list[str]) -> None:
    form = validate(NotificationInput, {"types": types})
    current = _settings(db, actor, account_id, contact_id, email)
    _save(db, account_id, contact_id, current.model_copy(update={"notify_types": form.types}))


def reorder_signers(db: Database, actor: Member, account_id: int, contact_ids: list[int]) -> None:
    editable_account(db, actor, account_id)
    linked = {c.id for _, _, c in contact_store.linked_contacts(db, account_id)}
    if sorted(contact_ids) != sorted(linked):
        raise InvalidInput({"order": "option"})
    with db.transaction():
        contact_store.set_signer_priorities(db, account_id, contact_ids)


def move_signer(db: Database, actor: Member, account_id: int, contact_id: int, step: int) -> None:
    """Move a contact one place earlier (step -1) or later (+1) in the default signing order."""
    _linked(db, actor, account_id, contact_id)
    order = [c.id for link, _, c in sorted(contact_store.linked_contacts(db, account_id),
                                             key=lambda item: (item[0].signer_priority, item[2].id))]
    here = order.index(contact_id)
    there = min(max(here + step, 0), len(order) - 1)
    order[here], order[there] = order[there], order[here]
    reorder_signers(db, actor, account_id, order)


def _save(db: Database, account_id: int, contact_id: int, settings: EmailSettings) -> None:
    with db.transaction():
        contact_store.save_email_settings(db, account_id, contact_id, settings)


def find_contacts(db: Database, actor: Member, account_id: int | None, text: str) -> list[ContactChoice]:
    """Contacts to link to an account (or, with no account, to start a new one with): those
    the actor may see, i.e. linked to a visible account or to none."""
    if account_id is not None:
        editable_account(db, actor, account_id)
    elif not can_create_account(actor):
        raise AccessDenied("create account")
    return [ContactChoice(c.id, c.full_name, tuple(e.address for e in c.emails))
            for c in contact_store.find_contacts(db, text, visibility(actor))]
