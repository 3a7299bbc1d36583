"""The Firm part of Settings: name (shown in the sidebar), letterhead, language, idle lock."""

from collections.abc import Callable

from app.i18n import LANGUAGES, Translator
from app.ui.components.form_field import Field, form_field
from app.ui.components.settings_page import settings_part
from app.ui.html import Child, Element, Handler, h

_LETTERHEAD = ("street", "city", "postal_code", "province", "country", "vat_number")


def firm_part(t: Translator, values: dict, error_text: Callable[[str], str | None], has_errors: bool,
              on_submit: Handler) -> Element:
    def field(name: str, label: str, **kw) -> Child:
        return form_field(Field(name, label, str(values.get(name) or ""), error=error_text(name), **kw))

    languages = (("", t("firm.language_browser")), *LANGUAGES.items())
    return settings_part(
        "settings-firm", t("firm.title"),
        h("form", {"on_submit": on_submit, "novalidate": True, "class": "settings-form"},
          h("div", {"role": "alert", "class": "form-summary"}, t("form.errors") if has_errors else None),
          field("name", t("firm.name"), hint=t("firm.name_hint")),
          h("div", {"class": "form-grid"}, [field(k, t(f"firm.{k}")) for k in _LETTERHEAD]),
          h("div", {"class": "form-grid"},
            field("language", t("firm.language"), kind="select", options=languages),
            field("idle_minutes", t("firm.idle_minutes"), kind="number", hint=t("firm.idle_hint"))),
          h("div", {"class": "form-buttons"}, h("button", {"type": "submit", "class": "primary"}, t("form.save")))))
