"""A new passphrase typed twice, with the rule said beside it (NIST SP 800-63B: length only)."""

from collections.abc import Callable

from app.i18n import Translator
from app.ui.components.form_field import Field, form_field
from app.ui.html import Element


def passphrase_fields(t: Translator, error_text: Callable[[str], str | None], label: str,
                      repeat_label: str, name: str = "passphrase", repeat: str = "repeat") -> list[Element]:
    # Typed passphrases are never drawn back into the page, not even after a refusal.
    return [form_field(Field(name, label, kind="password", error=error_text(name), hint=t("passphrase.rule"),
                             autocomplete="new-password")),
            form_field(Field(repeat, repeat_label, kind="password", error=error_text(repeat),
                             autocomplete="new-password"))]
