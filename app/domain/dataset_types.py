"""Field types of the dataset file (JSON export and import) for values the app has no rule of its own for.

They check without changing: such a value is stored exactly as written. Names, emails and
phones use the app's own types (app.domain.fields), which tidy as they check; a file the app
wrote is already tidy, so export -> import -> export still gives the same document.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from app.domain.passphrase import is_hash
from app.domain.photos import check_photo


def _iso_date(value: str) -> str:
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError("date") from None
    return value


def _iso_datetime(value: str) -> str:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("date") from None
    return value


def _json_list(value: Any) -> Any:
    """The database keeps these lists as JSON text; the file keeps them as JSON arrays."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):
            raise ValueError("invalid") from None
    return value


def _json_object(value: Any) -> Any:
    """Like _json_list; the column's default '' is an empty object (nothing more to say)."""
    return _json_list(value or "{}") if isinstance(value, str) else value


def _passphrase_hash(value: str) -> str:
    # Only a hash the sign-in can check: a passphrase itself never goes into the data.
    if not is_hash(value):
        raise ValueError("invalid")
    return value


def _photo(value: Any) -> Any:
    if isinstance(value, str):
        try:
            value = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise ValueError("invalid") from None
    return check_photo(value) if isinstance(value, bytes) else value


Key = Annotated[int, Field(gt=0, lt=2**63)]
Count = Annotated[int, Field(ge=-(2**63), lt=2**63)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Text = Annotated[str, StringConstraints(max_length=100_000)]
EmailText = Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]+@[^@\s]+$")]
IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_iso_date)]
IsoDateTime = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$"),
                        AfterValidator(_iso_datetime)]
FromJsonText = BeforeValidator(_json_list)
FromJsonObjectText = BeforeValidator(_json_object)
TextList = Annotated[list[Label], FromJsonText]
_B64 = r"[A-Za-z0-9+/]*={0,2}"
# pbkdf2_sha256$<iterations>$<salt>$<key> (app.domain.passphrase); the pattern puts it in the JSON Schema.
PassphraseHash = Annotated[str, StringConstraints(max_length=1000,
                                                  pattern=rf"^pbkdf2_sha256\$[1-9][0-9]{{0,7}}\${_B64}\${_B64}$"),
                           AfterValidator(_passphrase_hash)]
Photo = Annotated[
    bytes, BeforeValidator(_photo),
    PlainSerializer(lambda b: base64.b64encode(b).decode("ascii"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "contentEncoding": "base64", "contentMediaType": "image/*"}),
]


class Row(BaseModel):
    """One record of the file: unknown keys are refused, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid", frozen=True)
