"""The fields of "Edit account details" (F-EDIT-1…6), each with its message when refused."""

from collections.abc import Callable

from app.domain.accounts import AccountType
from app.i18n import Translator
from app.services.editing_views import AccountFormView, CustomFieldChoice
from app.ui.components.form_field import Field, checkbox_group, form_field
from app.ui.html import Child, Handler, h

PHOTO_PREVIEW = "photo-preview"
_INPUT = {"number": "number", "date": "date", "email": "email", "phone": "tel", "checkbox": "checkbox",
          "dropdown": "select"}


def account_form(t: Translator, view: AccountFormView, values: dict, errors: dict[str, str],
                 error_text: Callable[[str], str | None], on_generate: Handler,
                 on_photo: Handler) -> list[Child]:
    """`values` are the current or just-typed values; `error_text(name)` the message for a field."""
    def field(name: str, label: str, **kw) -> Child:
        return form_field(Field(name, label, str(values.get(name) or ""), error=error_text(name), **kw))

    types = tuple((k.value, t(f"type.{k.value}")) for k in AccountType)
    return [
        h("div", {"class": "with-action"}, field("name", t("info.name")),
          h("button", {"type": "button", "class": "link-button", "on_click": on_generate},
            t("edit.generate")) if view.can_generate_name else None),
        field("type", t("info.type"), kind="select", options=types),
        checkbox_group("tag_ids", t("info.tags"), tuple((str(x.id), x.name) for x in view.tags),
                       _as_set(values.get("tag_ids")), error_text("tag_ids")),
        h("div", {"class": "new-tag"},
          field("new_tag.name", t("edit.new_tag")),
          field("new_tag.color", t("edit.new_tag_color"), kind="color")),
        checkbox_group("team_member_ids", t("info.team"), tuple((str(m.id), m.name) for m in view.members),
                       _as_set(values.get("team_member_ids")), error_text("team_member_ids")),
        h("fieldset", {"class": "form-field address", "aria-labelledby": "address-legend"},
          h("legend", {"id": "address-legend"}, t("info.address")),
          [field(f"address.{part}", t(f"edit.{part}"))
           for part in ("street", "city", "state", "postal_code", "country")]),
        [custom_field(f, values, error_text, t("edit.choose")) for f in view.fields],
        _photo(t, values, error_text("photo"), on_photo),
    ]


def _photo(t: Translator, values: dict, error: str | None, on_photo: Handler) -> Child:
    described = " ".join(x for x in ("f-photo-hint", "f-photo-error" if error else "") if x)
    return h("div", {"class": "form-field photo"},
             h("label", {"for": "f-photo"}, t("edit.photo")),
             h("input", {"id": "f-photo", "type": "file", "name": "photo_file",
                         "accept": "image/png,image/jpeg,image/webp", "aria-describedby": described,
                         "aria-invalid": "true" if error else None, "on_change": on_photo}),
             h("p", {"id": "f-photo-hint", "class": "hint"}, t("edit.photo_hint")),
             h("p", {"id": "f-photo-error", "class": "field-error"}, error) if error else None,
             h("div", {"id": PHOTO_PREVIEW, "data-region": True}),   # filled by its own mount
             form_field(Field("remove_photo", t("edit.remove_photo"), kind="checkbox",
                              value=str(values.get("remove_photo") or ""))) if values.get("has_photo") else None)


def custom_field(f: CustomFieldChoice, values: dict, error_text, choose: str = "…") -> Child:
    name = f"custom.{f.id}"
    kind = _INPUT.get(f.type, "text")
    options = (("", choose), *((o, o) for o in f.options)) if kind == "select" else ()
    return form_field(Field(name, f.label, str(values.get(name) or ""), kind=kind, options=options,
                            error=error_text(name)))


def _as_set(value) -> set[str]:
    """A group's checked values: one value arrives as a string, several as a list."""
    if not value:
        return set()
    return {value} if isinstance(value, str) else set(value)
