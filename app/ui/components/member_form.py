"""The fields of "Add member" and "Edit member": name, email, role, an employee's rights, and a
first passphrase for a new member."""

from collections.abc import Callable

from app.domain.firm import Right
from app.i18n import Translator
from app.ui.components.form_field import Field, checkbox_group, form_field
from app.ui.html import Child


def member_form(t: Translator, values: dict, error_text: Callable[[str], str | None], *, new: bool,
                owner: bool = False) -> list[Child]:
    def field(name: str, label: str, **kw) -> Child:
        return form_field(Field(name, label, str(values.get(name) or ""), error=error_text(name), **kw))

    rights = values.get("rights") or []
    checked = {rights} if isinstance(rights, str) else set(rights)
    roles = (("admin", t("role.admin")), ("employee", t("role.employee")))
    return [field("first_name", t("new.first_name")), field("last_name", t("new.last_name")),
            field("email", t("new.email"), kind="email"),
            None if owner else field("role", t("members.role"), kind="select", options=roles),
            None if owner else checkbox_group("rights", t("members.rights_legend"),
                                              tuple((r.value, t(f"right.{r.value}")) for r in Right), checked,
                                              error_text("rights")),
            field("passphrase", t("signin.passphrase"), kind="password", hint=t("members.first_passphrase"),
                  autocomplete="new-password")
            if new else None]
