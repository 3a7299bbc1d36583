"""What a note may hold (F-OVERVIEW-11)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

NOTE_MAX = 5000

NoteBody = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=NOTE_MAX)]


class NoteInput(BaseModel):
    """A note as typed into the form: trimmed, not empty, at most 5,000 characters."""

    model_config = ConfigDict(frozen=True)

    body: NoteBody
