"""The starter set a new firm may take (ticked by default): what an Italian practice expects.

All of it is ordinary tags and custom fields, editable in Settings like any other. Fiscal ids
(Partita IVA, Codice fiscale, PEC, SDI) are not here: they are to be built-in fields.
"""

from __future__ import annotations

from app.domain.firm import CustomFieldDefinition, FieldScope, FieldType, Tag

TAGS = (Tag(name="Contabilità ordinaria", color="#1d4ed8"), Tag(name="Contabilità semplificata", color="#0e7490"),
        Tag(name="Forfettario", color="#15803d"), Tag(name="Paghe", color="#7c3aed"),
        Tag(name="Dichiarativi", color="#b45309"), Tag(name="Nuovo cliente", color="#be185d"))

ACCOUNT_FIELDS = (
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Regime fiscale", type=FieldType.DROPDOWN,
                          options=("Ordinario", "Semplificato", "Forfettario")),
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Inizio mandato", type=FieldType.DATE),
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Periodicità IVA", type=FieldType.DROPDOWN,
                          options=("Mensile", "Trimestrale")),
    CustomFieldDefinition(scope=FieldScope.ACCOUNT, label="Codice ATECO", type=FieldType.TEXT),
)

CONTACT_FIELDS = (
    CustomFieldDefinition(scope=FieldScope.CONTACT, label="Professione", type=FieldType.TEXT),
)
