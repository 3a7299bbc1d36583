"""The client import template: matching a file's columns to its fields, and reading one row.

One row per contact; rows sharing an account name become one account (UI-CONTRACT).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from app.domain.accounts import AccountType
from app.domain.csv_table import CsvRow
from app.domain.errors import InvalidInput
from app.domain.fields import AccountName, Email, Name, OptionalText, Phone
from app.domain.text import fold, squash
from app.domain.validation import validate

FIELDS: tuple[str, ...] = (
    "account_name", "account_type", "tags", "team", "first_name", "last_name", "email", "more_emails",
    "phone", "street", "city", "state", "postal_code", "country", "description")
TEMPLATE_HEADERS: dict[str, str] = dict(zip(FIELDS, (
    "Account name", "Account type", "Tags", "Team members", "First name", "Last name", "Email",
    "Additional emails", "Phone", "Street", "City", "State", "Postal code", "Country",
    "Contact description"), strict=True))
# An empty account name is allowed: the caller then names the account after the contact.
REQUIRED = ("first_name", "last_name")

SYNONYMS: dict[str, tuple[str, ...]] = {
    "account_name": ("Account name", "Account", "Nome account", "Ragione sociale", "Denominazione",
                     "Cliente", "Nome cliente", "Company", "Company name", "Azienda", "Organization",
                     "Organisation"),
    "account_type": ("Account type", "Type", "Tipo", "Tipo account", "Tipo cliente", "Client type"),
    "tags": ("Tags", "Tag", "Etichette", "Etichetta", "Labels"),
    "team": ("Team members", "Team", "Membri del team", "Membri team", "Staff"),
    "first_name": ("First name", "Firstname", "Given name", "Nome", "Nome di battesimo"),
    "last_name": ("Last name", "Lastname", "Surname", "Family name", "Cognome"),
    "email": ("Email", "E-mail", "Email address", "Mail", "Posta elettronica", "Indirizzo email",
              "Email principale", "Primary email"),
    "more_emails": ("Additional emails", "Other emails", "More emails", "Altre email", "Email aggiuntive",
                    "Altri indirizzi email"),
    "phone": ("Phone", "Phone number", "Telephone", "Mobile", "Cell", "Telefono", "Tel", "Cellulare",
              "Numero di telefono"),
    "street": ("Street", "Address", "Street address", "Indirizzo", "Via"),
    "city": ("City", "Town", "Città", "Comune", "Località"),
    "state": ("State", "Region", "Province", "County", "Provincia", "Regione", "Prov", "Stato/Provincia"),
    "postal_code": ("Postal code", "Postcode", "ZIP", "ZIP code", "CAP", "Codice postale"),
    "country": ("Country", "Paese", "Nazione", "Stato"),
    "description": ("Contact description", "Description", "Descrizione", "Ruolo", "Role"),
}

# Accepted spellings of each account type, compared folded (case and accents ignored).
_TYPE_WORDS: dict[str, AccountType] = {
    **dict.fromkeys(("individual", "persona fisica", "privato", "individuale", "persona"),
                    AccountType.INDIVIDUAL),
    **dict.fromkeys(("company", "azienda", "societa", "impresa", "ditta"), AccountType.COMPANY),
    **dict.fromkeys(("other", "altro"), AccountType.OTHER),
}
# Our own export puts an apostrophe before a cell a spreadsheet would run as a formula;
# reading a row takes it off again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_LISTS = ("tags", "team", "more_emails")


def header_key(header: str) -> str:
    """Header as compared: case and accents folded, only letters and digits ("E-mail" == "email")."""
    return "".join(ch for ch in fold(header) if ch.isalnum())


def _keys(names: Mapping[str, Iterable[str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for field, headers in names.items():
        for header in headers:
            if found.setdefault(header_key(header), field) != field:
                raise ValueError(f"header {header!r} names two fields")  # caught by the tests
    return found


_EXACT = _keys({field: (header,) for field, header in TEMPLATE_HEADERS.items()})
_BY_SYNONYM = _keys(SYNONYMS)


def auto_map(headers: Sequence[str]) -> dict[int, str | None]:
    """Column index -> field (None: ignored). Template headers win over synonyms; each field once."""
    mapping: dict[int, str | None] = dict.fromkeys(range(len(headers)))
    for table in (_EXACT, _BY_SYNONYM):
        for index, header in enumerate(headers):
            field = table.get(header_key(header))
            if mapping[index] is None and field and field not in mapping.values():
                mapping[index] = field
    return mapping


def missing_required(mapping: Mapping[int, str | None]) -> list[str]:
    chosen = set(mapping.values())
    return [field for field in REQUIRED if field not in chosen]


def mapping_errors(mapping: Mapping[int, str | None]) -> dict[str, str]:
    """{field: "mapped_twice" | "required_column" | "option"}: what to fix before reading rows."""
    counts = Counter(field for field in mapping.values() if field is not None)
    errors = {field: "option" for field in counts if field not in FIELDS}
    errors.update({field: "mapped_twice" for field, n in counts.items() if n > 1 and field in FIELDS})
    errors.update(dict.fromkeys(missing_required(mapping), "required_column"))
    return errors


@dataclass(frozen=True)
class ClientRow:
    line: int
    account_name: str            # "" when empty: the caller names the account after the contact
    account_type: AccountType
    tags: tuple[str, ...]
    team: tuple[str, ...]        # member emails, lower-cased
    first_name: str
    last_name: str
    email: str | None            # lower-cased
    more_emails: tuple[str, ...]  # never repeats `email`
    phone: str | None            # normalised: digits and a leading "+"
    street: str
    city: str
    state: str
    postal_code: str
    country: str
    description: str


class _RowInput(BaseModel):
    model_config = ConfigDict(frozen=True)

    account_name: AccountName | None
    account_type: AccountType
    tags: tuple[Name, ...]
    team: tuple[Email, ...]
    first_name: Name
    last_name: Name
    email: Email | None
    more_emails: tuple[Email, ...]
    phone: Phone | None
    street: OptionalText
    city: OptionalText
    state: OptionalText
    postal_code: OptionalText
    country: OptionalText
    description: OptionalText


def clean_cell(cell: str) -> str:
    """Trimmed, without the apostrophe our export adds before formula-like text ("'=1" -> "=1")."""
    cell = cell.strip()
    if cell.startswith("'") and cell[1:].startswith(FORMULA_START):
        cell = cell[1:].strip()
    return cell


def _split(cell: str, key: Callable[[str], str]) -> tuple[str, ...]:
    """A ";"-separated list: items trimmed, empty ones and repeats (by `key`) dropped, order kept."""
    items: dict[str, str] = {}
    for item in cell.split(";"):
        item = item.strip()
        if item:
            items.setdefault(key(item), item)
    return tuple(items.values())


def _cells(row: CsvRow, mapping: Mapping[int, str | None]) -> dict[str, str]:
    """Field -> cleaned cell; with a field mapped twice the leftmost column counts."""
    values = dict.fromkeys(FIELDS, "")
    for index in sorted(mapping, reverse=True):
        field = mapping[index]
        if field in values:
            values[field] = clean_cell(row.cells[index]) if 0 <= index < len(row.cells) else ""
    return values


def _extra_cells(row: CsvRow, mapping: Mapping[int, str | None]) -> bool:
    width = max(mapping, default=-1) + 1
    return any(cell.strip() for cell in row.cells[width:])


def _data(values: dict[str, str]) -> dict[str, Any]:
    """The model's input; lists split and emails compared lower-cased."""
    data: dict[str, Any] = {field: values[field] or None for field in ("account_name", "email", "phone")}
    data["tags"] = _split(values["tags"], account_key)  # the app compares tag names folded too
    data["team"] = _split(values["team"], str.lower)
    primary = values["email"].lower()
    data["more_emails"] = tuple(e for e in _split(values["more_emails"], str.lower) if e.lower() != primary)
    for field in ("first_name", "last_name", "street", "city", "state", "postal_code", "country",
                  "description"):
        data[field] = values[field]
    return data


def read_row(row: CsvRow, mapping: Mapping[int, str | None]) -> ClientRow:
    """The row as template values, or InvalidInput with every problem of the row at once.

    `mapping` must hold every header column (None for ignored ones), as `auto_map` returns:
    non-empty cells right of the last column are reported under "row" as "extra_cells".
    """
    values = _cells(row, mapping)
    errors: dict[str, str] = {}
    account_type = _TYPE_WORDS.get(fold(squash(values["account_type"])) or "individual")
    if account_type is None:
        errors["account_type"] = "option"
    if _extra_cells(row, mapping):
        errors["row"] = "extra_cells"
    data = _data(values) | {"account_type": account_type or AccountType.INDIVIDUAL}
    try:
        model = validate(_RowInput, data)
    except InvalidInput as refused:
        for location, code in refused.errors.items():
            errors.setdefault(location.split(".")[0], code)  # "more_emails.1" -> "more_emails"
    if errors:
        raise InvalidInput(errors)
    return ClientRow(line=row.line, **{**model.model_dump(), "account_name": model.account_name or ""})


def account_key(name: str) -> str:
    """How account names are compared: case, accents and spacing ignored."""
    return fold(squash(name))

