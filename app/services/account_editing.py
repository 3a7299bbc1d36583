"""Changing accounts: details, tags, team (with history), fields, create, delete (F-EDIT, F-MORE-1).

Every call takes the acting member, checks the right in the domain, validates everything
first, then writes in one transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.access import can_create_account, can_view_account
from app.domain.account_forms import AccountDetailsInput, NewAccountInput
from app.domain.accounts import Account, AccountType
from app.domain.contacts import AccountContactLink, Contact, EmailSettings
from app.domain.custom_fields import clean_values
from app.domain.errors import AccessDenied, InvalidInput
from app.domain.firm import FieldScope, Member, Tag
from app.domain.naming import generated_name
from app.domain.photos import check_photo
from app.domain.text import fold
from app.domain.validation import validate
from app.services.clients import member_views, tag_views
from app.services.editing_views import AccountFormView, CustomFieldChoice
from app.services.guard import editable_account, sees, visible_account
from app.store import accounts as account_store
from app.store import contacts as contact_store
from app.store import firm as firm_store
from app.store.db import Database


def _check_ids(db: Database, form: AccountDetailsInput) -> None:
    errors = {}
    if form.tag_ids - {t.id for t in firm_store.list_tags(db)}:
        errors["tag_ids"] = "unknown_tag"
    if form.team_member_ids - {m.id for m in firm_store.list_members(db)}:
        errors["team_member_ids"] = "unknown_member"
    if form.new_tag and fold(form.new_tag.name) in {fold(t.name) for t in firm_store.list_tags(db)}:
        errors["new_tag.name"] = "duplicate_tag"
    if errors:
        raise InvalidInput(errors)


KEEP = object()  # "leave the photo as it is"


def update_account(db: Database, actor: Member, account_id: int, data: dict[str, Any],
                   now: datetime | None = None, photo: Any = KEEP) -> None:
    """`photo`: new image bytes, None to remove it, or KEEP."""
    before = editable_account(db, actor, account_id)
    form, custom = _checked(db, data, photo)
    after = before.model_copy(update={"name": form.name, "type": form.type, "address": form.address})
    now = now or datetime.now()
    with db.transaction():
        account_store.update_details(db, after)
        tag_ids = form.tag_ids
        if form.new_tag:
            tag_ids = tag_ids | {firm_store.insert_tag(db, Tag(name=form.new_tag.name, color=form.new_tag.color))}
        account_store.set_tags(db, account_id, tag_ids)
        account_store.set_custom(db, account_id, custom)
        if photo is not KEEP:
            account_store.set_photo(db, account_id, photo)
        _change_team(db, actor, account_id, before.team_member_ids, form.team_member_ids, now)


def _checked(db: Database, data: dict[str, Any], photo: Any) -> tuple[AccountDetailsInput, dict[int, str]]:
    """Every check at once, so that one Save marks every bad field; raises InvalidInput."""
    errors: dict[str, str] = {}
    form, custom = None, {}
    try:
        form = validate(AccountDetailsInput, data)
        _check_ids(db, form)
    except InvalidInput as error:
        errors.update(error.errors)
    raw = data.get("custom") or {}
    try:
        custom = clean_values(firm_store.list_custom_fields(db, FieldScope.ACCOUNT.value),
                              {int(k): str(v) for k, v in raw.items() if str(k).isdigit()})
    except InvalidInput as error:
        errors.update(error.errors)
    if photo is not KEEP and photo is not None:
        try:
            check_photo(photo)
        except ValueError as error:
            errors["photo"] = str(error)
    if errors:
        raise InvalidInput(errors)
    return form, custom


def _change_team(db: Database, actor: Member, account_id: int, before: frozenset[int],
                 after: frozenset[int], now: datetime) -> None:
    if before == after:
        return
    account_store.set_team(db, account_id, after)
    for member_id in sorted(after - before):
        account_store.record_team_change(db, account_id, member_id, "added", actor.id, now)
    for member_id in sorted(before - after):
        account_store.record_team_change(db, account_id, member_id, "removed", actor.id, now)


def generated_account_name(db: Database, actor: Member, account_id: int) -> str:
    """The name made from the linked contacts ("Rossi, Mario & Anna"), to offer in the form."""
    account = editable_account(db, actor, account_id)
    if account.type is AccountType.COMPANY:
        return account.name  # a company keeps its own name
    linked = contact_store.linked_contacts(db, account_id)
    linked.sort(key=lambda item: (not item[1], item[0].signer_priority, item[2].id))
    return generated_name([(c.first_name, c.last_name) for _, _, c in linked])


def create_account(db: Database, actor: Member, data: dict[str, Any], now: datetime | None = None) -> int:
    if not can_create_account(actor):
        raise AccessDenied("create account")
    form = validate(NewAccountInput, data)
    existing = _existing_contact(db, actor, form)
    if existing is None and form.contact is None:
        raise InvalidInput({"contact": "required"})
    person = existing or _new_person(form)
    name = form.name or generated_name([(person.first_name, person.last_name)])
    now = now or datetime.now()
    # A member who sees only their team's accounts is put on the team of the account they create.
    team = frozenset() if can_view_account(actor, frozenset()) else frozenset({actor.id})
    account = validate(Account, {"name": name, "type": form.type, "created_at": now, "team_member_ids": team})
    with db.transaction():
        account_id = account_store.insert_account(db, account)
        for member_id in sorted(team):
            account_store.record_team_change(db, account_id, member_id, "added", actor.id, now)
        contact_id = existing.id if existing else contact_store.insert_contact(db, person)
        settings = tuple(EmailSettings(email=e.address) for e in person.emails)
        description = form.contact.description if form.contact else ""
        contact_store.link(db, AccountContactLink(account_id=account_id, contact_id=contact_id,
                                                  description=description, signer_priority=1,
                                                  emails=settings), primary=True)
    return account_id


def _existing_contact(db: Database, actor: Member, form: NewAccountInput) -> Contact | None:
    if form.existing_contact_id is None:
        return None
    contact = contact_store.get_contact(db, form.existing_contact_id)
    accounts = contact_store.accounts_of_contact(db, form.existing_contact_id)
    if contact is None or (accounts and not any(sees(actor, r["team"]) for r in accounts)):
        raise InvalidInput({"existing_contact_id": "unknown_contact"})
    return contact


def _new_person(form: NewAccountInput) -> Contact:
    c = form.contact
    data = {"first_name": c.first_name, "middle_name": c.middle_name, "last_name": c.last_name,
            "emails": [{"address": c.email, "primary": True}] if c.email else [],
            "phones": [{"number": c.phone}] if c.phone else []}
    try:
        return validate(Contact, data)
    except InvalidInput as error:  # name the fields as the form does
        raise InvalidInput({f"contact.{_form_name(k)}": v for k, v in error.errors.items()}) from None


def _form_name(path: str) -> str:
    return {"phones.0.number": "phone", "emails.0.address": "email"}.get(path, path)


def delete_account(db: Database, actor: Member, account_id: int) -> str:
    """Deletes the account and its activity records; its contacts stay. Returns its name."""
    account = editable_account(db, actor, account_id)
    with db.transaction():
        account_store.delete_account(db, account_id)
    return account.name



def account_form(db: Database, actor: Member, account_id: int) -> AccountFormView:
    account = editable_account(db, actor, account_id)
    a = account.address
    values: dict[str, object] = {
        "name": account.name, "type": account.type.value, "address.street": a.street, "address.city": a.city,
        "address.state": a.state, "address.postal_code": a.postal_code, "address.country": a.country,
        "tag_ids": {str(t) for t in account.tag_ids}, "team_member_ids": {str(m) for m in account.team_member_ids},
        **{f"custom.{f}": v for f, v in account.custom.items()},
        "new_tag.color": "#4b5563", "has_photo": account_store.photo(db, account_id) is not None,
    }
    fields = tuple(CustomFieldChoice(f.id, f.label, f.type.value, f.options)
                   for f in firm_store.list_custom_fields(db, FieldScope.ACCOUNT.value))
    return AccountFormView(values=values, tags=tuple(tag_views(db).values()),
                           members=tuple(sorted(member_views(db).values(), key=lambda m: m.name)),
                           fields=fields, can_generate_name=account.type is not AccountType.COMPANY)


def account_name(db: Database, actor: Member, account_id: int) -> str:
    return visible_account(db, actor, account_id).name
