"""What a client list asks for: filters, sort order and page (F-FIND-2)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from app.domain.accounts import AccountType

PAGE_SIZE = 25


class SortKey(StrEnum):
    NAME = "name"
    TYPE = "type"


class ClientQuery(BaseModel):
    model_config = ConfigDict(frozen=True)

    type: AccountType | None = None
    tag_id: int | None = Field(default=None, gt=0)
    member_id: int | None = Field(default=None, gt=0)
    sort: SortKey = SortKey.NAME
    descending: bool = False
    page: int = Field(default=1, ge=1)
    page_size: int = Field(default=PAGE_SIZE, ge=1, le=200)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size
