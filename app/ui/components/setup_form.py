"""The fields of "Set up my firm": the firm's name, its owner (you), a passphrase, the starter set."""

from collections.abc import Callable

from app.i18n import Translator
from app.ui.components.form_field import Field, form_field
from app.ui.components.passphrase_fields import passphrase_fields
from app.ui.html import Child, h


def setup_form(t: Translator, values: dict, error_text: Callable[[str], str | None]) -> list[Child]:
    def field(name: str, label: str, **kw) -> Child:
        return form_field(Field(name, label, str(values.get(name) or ""), error=error_text(name), **kw))

    return [h("p", {"class": "hint"}, t("setup.body")),
            field("firm_name", t("setup.firm_name")),
            h("fieldset", {"class": "form-field group", "aria-labelledby": "setup-owner"},
              h("legend", {"id": "setup-owner"}, t("setup.owner")),
              field("first_name", t("new.first_name")), field("last_name", t("new.last_name")),
              field("email", t("new.email"), kind="email"),
              passphrase_fields(t, error_text, t("signin.passphrase"), t("passphrase.repeat"))),
            field("starter", t("setup.starter"), kind="checkbox", hint=t("setup.starter_hint"))]
