"""A custom field's value as a person reads it: dates and numbers for the language."""

from app.i18n import Translator
from app.services.profile_views import FieldView
from app.ui.html import Child, h


def field_value(t: Translator, field: FieldView) -> Child:
    if field.value is None or field.value == "":
        return h("span", {"class": "muted"}, t("info.not_set"))
    if field.type == "date":
        return t.date(field.value)
    if field.type == "number":
        return t.number(float(field.value), decimals=0 if float(field.value).is_integer() else 2)
    if field.type == "checkbox":
        return t("value.yes" if field.value == "true" else "value.no")
    return field.value
