"""The Team members table of Settings: name, email, role, rights, status and what may be done."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.domain.firm import Member, Right
from app.i18n import Translator
from app.ui.components.settings_page import settings_part
from app.ui.html import Element, Handler, h


@dataclass(frozen=True)
class MemberActions:
    """Handlers for one member; None where the actor may not do it."""

    edit: Handler | None = None
    deactivate: Handler | None = None
    reactivate: Handler | None = None
    reset: Handler | None = None
    make_owner: Handler | None = None


def _button(t: Translator, key: str, name: str, handler: Handler | None, button_id: str,
            css: str = "link-button") -> Element | None:
    """A short word on screen ("Edit"); its accessible name says whom it is for ("Edit Laura Conti")."""
    if handler is None:
        return None
    return h("button", {"type": "button", "class": css, "id": button_id, "aria-label": t(key, name=name),
                        "on_click": handler}, t(f"{key}_short"))


def _rights(t: Translator, member: Member) -> str:
    if member.role.value != "employee":
        return t("members.all_rights")
    return ", ".join(t(f"right.{r.value}") for r in Right if r in member.rights) or t("members.no_rights")


def _row(t: Translator, member: Member, on: MemberActions) -> Element:
    name = member.full_name
    status = t("members.active") if member.active else t("members.inactive")
    return h("tr", {"class": None if member.active else "inactive"},
             h("td", None, h("strong", None, name)),
             h("td", None, member.email),
             h("td", None, t(f"role.{member.role.value}")),
             h("td", None, _rights(t, member)),
             h("td", None, status),
             h("td", None, h("div", {"class": "row-actions"},
               _button(t, "members.edit", name, on.edit, f"edit-member-{member.id}"),
               _button(t, "members.reset", name, on.reset, f"reset-member-{member.id}"),
               _button(t, "members.make_owner", name, on.make_owner, f"owner-member-{member.id}"),
               _button(t, "members.deactivate", name, on.deactivate, f"deactivate-member-{member.id}",
                       "link-button danger-link"),
               _button(t, "members.reactivate", name, on.reactivate, f"reactivate-member-{member.id}"))))


def members_part(t: Translator, members: Sequence[Member], actions: Callable[[Member], MemberActions],
                 on_add: Handler) -> Element:
    headers = ("members.name", "members.email", "members.role", "members.rights", "members.status")
    return settings_part(
        "settings-members", t("members.title"),
        h("div", {"class": "part-actions"},
          h("button", {"type": "button", "class": "primary", "id": "add-member", "on_click": on_add},
            t("members.add"))),
        h("div", {"class": "table-wrap"},
          h("table", {"class": "clients members", "aria-labelledby": "settings-members-title"},
            h("thead", None, h("tr", None, [h("th", {"scope": "col"}, t(k)) for k in headers],
                               h("th", {"scope": "col"}, h("span", {"class": "visually-hidden"},
                                                           t("members.actions"))))),
            h("tbody", None, [_row(t, m, actions(m)) for m in members]))))
