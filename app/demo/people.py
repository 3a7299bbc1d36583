"""Demo people: realistic contacts with unique email addresses."""

from __future__ import annotations

import random
import re
from datetime import date, datetime, time, timedelta

from app.demo import names
from app.domain.accounts import Address
from app.domain.contacts import Contact, ContactEmail, ContactPhone
from app.domain.text import fold

_NOT_LOCAL = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _NOT_LOCAL.sub("", fold(text))


class PeopleFactory:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self._emails: set[str] = set()

    def unique_email(self, local: str, domain: str) -> str:
        candidate, n = f"{local}@{domain}", 1
        while candidate in self._emails:
            n += 1
            candidate = f"{local}{n}@{domain}"
        self._emails.add(candidate)
        return candidate

    def address(self) -> Address:
        city, province, cap = self.rng.choice(names.CITIES)
        return Address(street=f"{self.rng.choice(names.STREETS)} {self.rng.randint(1, 180)}",
                       city=city, state=province, postal_code=cap, country="Italia")

    def person(self, last: str | None = None, female: bool | None = None,
               work_domain: str | None = None) -> Contact:
        rng = self.rng
        female = rng.random() < 0.5 if female is None else female
        first = rng.choice(names.FIRST_NAMES_F if female else names.FIRST_NAMES_M)
        last = last or rng.choice(names.LAST_NAMES)
        local = f"{slug(first)}.{slug(last)}"
        emails = [ContactEmail(address=self.unique_email(
            local, work_domain or rng.choice(names.PERSONAL_DOMAINS)), primary=True)]
        if rng.random() < 0.25:
            emails.append(ContactEmail(address=self.unique_email(
                f"{slug(first)}{rng.randint(1, 99)}", rng.choice(names.PERSONAL_DOMAINS))))
        phones = [ContactPhone(number=f"+39 3{rng.randint(20, 99)} {rng.randint(1000000, 9999999)}",
                               label="mobile")]
        app_login = None
        if rng.random() < 0.2:
            app_login = datetime.combine(self.today - timedelta(days=rng.randint(0, 90)),
                                         time(rng.randint(7, 22), rng.randint(0, 59)))
        return Contact(
            first_name=first, last_name=last, emails=tuple(emails), phones=tuple(phones),
            address=self.address(), tax_id=self._tax_id(first, last),
            birth_date=date(rng.randint(1945, 2004), rng.randint(1, 12), rng.randint(1, 28)),
            mobile_app_last_login=app_login,
        )

    def _tax_id(self, first: str, last: str) -> str:
        letters = (slug(last)[:3] + slug(first)[:3]).upper().ljust(6, "X")
        return f"{letters}{self.rng.randint(45, 99)}A{self.rng.randint(10, 70)}H{self.rng.randint(100, 999)}Z"
