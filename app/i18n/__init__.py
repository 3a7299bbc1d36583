"""Message catalogs and locale formatting (F-MORE-5). UI text comes only from here."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from app.i18n import en, it

CATALOGS = {"en": en, "it": it}
LANGUAGES = {"en": "English", "it": "Italiano"}  # each named in its own language
DEFAULT = "en"


class Translator:
    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in CATALOGS else DEFAULT
        self._catalog = CATALOGS[self.lang]

    def __call__(self, key: str, **params: object) -> str:
        return self._catalog.MESSAGES[key].format(**params)

    def has(self, key: str) -> bool:
        return key in self._catalog.MESSAGES

    def date(self, value: date | str) -> str:
        if isinstance(value, str):
            value = date.fromisoformat(value[:10])
        month = self._catalog.MONTHS[value.month - 1]
        if self.lang == "it":
            return f"{value.day} {month} {value.year}"
        return f"{month} {value.day}, {value.year}"

    def datetime(self, value: datetime | str) -> str:
        """Date and 24-hour time, as both languages write them in a business app."""
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return self("value.datetime", date=self.date(value), time=f"{value:%H:%M}")

    def duration(self, minutes: int) -> str:
        hours, rest = divmod(minutes, 60)
        if not hours:
            return self("value.minutes", minutes=rest)
        return self("value.duration", hours=hours, minutes=f"{rest:02d}")

    def number(self, value: int | Decimal, decimals: int = 0) -> str:
        text = f"{value:,.{decimals}f}"
        if self.lang == "it":
            # 1,234.5 -> 1.234,5
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text

    def money(self, cents: int, currency: str = "EUR") -> str:
        amount = self.number(Decimal(cents) / 100, decimals=2)
        symbol = {"EUR": "€", "USD": "$", "GBP": "£"}.get(currency, currency)
        return f"{amount} {symbol}" if self.lang == "it" else f"{symbol}{amount}"
