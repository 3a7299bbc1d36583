"""The demo firm's fixed part: members with every role and right, tags, custom fields."""

from __future__ import annotations

from app.domain.firm import CustomFieldDefinition, FieldScope, FieldType, Firm, Member, Right, Role, Tag
from app.store import firm as firm_store
from app.store.db import Database

FIRM = Firm(name="Studio Bianchi & Ferri", currency="EUR", street="Via della Moscova 18", city="Milano",
            postal_code="20121", province="MI", country="Italia", vat_number="IT04871230960", demo=True)

MEMBERS = [
    Member(first_name="Giulia", last_name="Bianchi", email="giulia.bianchi@studiobf.it",
           role=Role.OWNER),
    Member(first_name="Marco", last_name="Ferri", email="marco.ferri@studiobf.it", role=Role.ADMIN),
    Member(first_name="Laura", last_name="Conti", email="laura.conti@studiobf.it",
           role=Role.EMPLOYEE, rights=frozenset({Right.VIEW_ALL_ACCOUNTS})),
    Member(first_name="Paolo", last_name="Greco", email="paolo.greco@studiobf.it",
           role=Role.EMPLOYEE, rights=frozenset({Right.MANAGE_ACCOUNTS})),
    Member(first_name="Sara", last_name="Lombardi", email="sara.lombardi@studiobf.it",
           role=Role.EMPLOYEE, rights=frozenset({Right.EXPORT_CLIENTS})),
    Member(first_name="Tom", last_name="Walker", email="tom.walker@studiobf.it",
           role=Role.EMPLOYEE,
           rights=frozenset({Right.VIEW_ALL_ACCOUNTS, Right.MANAGE_ACCOUNTS, Right.EXPORT_CLIENTS})),
]

TAGS = [Tag(name="VIP", color="#b45309"), Tag(name="IVA mensile", color="#1d4ed8"),
        Tag(name="IVA trimestrale", color="#0e7490"), Tag(name="Forfettario", color="#15803d"),
        Tag(name="Paghe", color="#7c3aed"), Tag(name="Nuovo cliente", color="#be185d"),
        Tag(name="Solleciti", color="#b91c1c"), Tag(name="Estero", color="#4d7c0f")]

ACCOUNT_FIELDS = [
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Codice cliente", type=FieldType.TEXT),
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Regime fiscale", type=FieldType.DROPDOWN,
                          options=("Ordinario", "Semplificato", "Forfettario")),
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Fatturato annuo", type=FieldType.NUMBER),
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Inizio mandato", type=FieldType.DATE),
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Firma digitale", type=FieldType.CHECKBOX),
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="PEC", type=FieldType.EMAIL),
]
CONTACT_FIELDS = [
    CustomFieldDefinition(scope=FieldScope.CONTACT, label="Professione", type=FieldType.TEXT),
    CustomFieldDefinition(scope=FieldScope.CONTACT, label="Telefono ufficio", type=FieldType.PHONE),
]


def insert_firm(db: Database) -> tuple[list[Member], list[int], list[CustomFieldDefinition]]:
    """Members (with ids), tag ids, and account field definitions (with ids)."""
    firm_store.save_firm(db, FIRM)
    members = [m.model_copy(update={"id": firm_store.insert_member(db, m)}) for m in MEMBERS]
    tag_ids = [firm_store.insert_tag(db, t) for t in TAGS]
    fields = [f.model_copy(update={"id": firm_store.insert_custom_field(db, f), "position": i})
              for i, f in enumerate(ACCOUNT_FIELDS)]
    for i, f in enumerate(CONTACT_FIELDS):
        firm_store.insert_custom_field(db, f.model_copy(update={"position": i}))
    return members, tag_ids, fields
