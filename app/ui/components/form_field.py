"""A labelled form control with its hint and error message, linked for screen readers."""

from dataclasses import dataclass

from app.ui.html import Element, h


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    value: str = ""
    kind: str = "text"   # text | email | tel | number | date | select | checkbox | textarea
    options: tuple[tuple[str, str], ...] = ()
    error: str | None = None   # the message shown beside the field
    hint: str | None = None
    autocomplete: str | None = None   # e.g. "current-password", so password managers fill the right field

    @property
    def id(self) -> str:
        return field_id(self.name)


def field_id(name: str) -> str:
    """The element id of the field named `name` in a form (a refusal's focus goes there)."""
    return "f-" + name.replace(".", "-").replace("_", "-")


def form_field(field: Field) -> Element:
    hint_id, error_id = f"{field.id}-hint", f"{field.id}-error"
    described = " ".join(i for i, on in ((hint_id, field.hint), (error_id, field.error)) if on) or None
    common = {"id": field.id, "name": field.name, "aria-invalid": "true" if field.error else None,
              "aria-describedby": described, "autocomplete": field.autocomplete}
    if field.kind == "select":
        control = h("select", common, [h("option", {"value": v, "selected": v == field.value}, text)
                                       for v, text in field.options])
    elif field.kind == "checkbox":
        control = h("input", {**common, "type": "checkbox", "value": "true", "checked": field.value == "true"})
    elif field.kind == "textarea":
        control = h("textarea", {**common, "rows": "3"}, field.value)
    else:
        # Numbers are typed as text: "1.234,50" and "1,234.50" are both understood.
        control = h("input", {**common, "type": "text" if field.kind == "number" else field.kind,
                              "value": field.value, "inputmode": "decimal" if field.kind == "number" else None})
    return h("div", {"class": f"form-field {field.kind}"},
             h("label", {"for": field.id}, field.label), control,
             h("p", {"id": hint_id, "class": "hint"}, field.hint) if field.hint else None,
             h("p", {"id": error_id, "class": "field-error"}, field.error) if field.error else None)


def checkbox_group(name: str, label: str, options: tuple[tuple[str, str], ...], checked: set[str],
                   error: str | None = None) -> Element:
    """A group of checkboxes sharing `name` (the form sends every checked value)."""
    group_id = "g-" + name.replace("_", "-")
    return h("fieldset", {"class": "form-field group", "aria-labelledby": f"{group_id}-legend",
                          "aria-invalid": "true" if error else None,
                          "aria-describedby": f"{group_id}-error" if error else None},
             h("legend", {"id": f"{group_id}-legend"}, label),
             h("div", {"class": "choices"}, [
                 h("label", {"class": "choice"},
                   h("input", {"type": "checkbox", "name": name, "value": value, "checked": value in checked}),
                   text)
                 for value, text in options]),
             h("p", {"id": f"{group_id}-error", "class": "field-error"}, error) if error else None)
