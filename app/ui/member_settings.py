"""Team members in Settings: the table and its dialogs (add, edit, deactivate, reactivate, reset
a passphrase, hand over ownership)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.access import can_change_member, can_hand_over_ownership
from app.domain.firm import Member, Role
from app.services import team
from app.ui.components.form_dialog import form_dialog
from app.ui.components.form_field import Field, form_field
from app.ui.components.member_form import member_form
from app.ui.components.members_table import MemberActions, members_part
from app.ui.dialogs import OpenForm
from app.ui.events import UiEvent
from app.ui.html import Element

if TYPE_CHECKING:
    from app.ui.context import Context


class MemberSettings:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def part(self) -> Element:
        members = team.team(self.ctx.db, self.ctx.member)
        return members_part(self.ctx.t, members, self._actions, self._add)

    def _actions(self, member: Member) -> MemberActions:
        actor = self.ctx.member
        if not can_change_member(actor, member):
            return MemberActions()
        mine = member.id == actor.id
        owner = member.role is Role.OWNER
        return MemberActions(
            edit=lambda _e: self._edit(member),
            reset=None if mine else lambda _e: self._reset(member),
            deactivate=(lambda _e: self._ask_deactivate(member)) if member.active and not mine and not owner else None,
            reactivate=(lambda _e: self._reactivate(member)) if not member.active else None,
            make_owner=(lambda _e: self._ask_owner(member))
            if can_hand_over_ownership(actor) and member.active and not mine else None)

    # Add and edit --------------------------------------------------------------------------
    def _add(self, _event: UiEvent) -> None:
        self.ctx.dialogs.open(OpenForm(render=lambda f: self._dialog(f, new=True),
                                       submit=self._create, values={"role": "employee"}, focus="f-first-name",
                                       opener="add-member"))

    def _dialog(self, form: OpenForm, new: bool, owner: bool = False) -> Element:
        t, d = self.ctx.t, self.ctx.dialogs
        title = t("members.add") if new else t("members.edit_title")
        body = member_form(t, form.values, d.error_text, new=new, owner=owner)
        return form_dialog(t, "member-dialog", title, body, bool(form.errors), d.on_submit, d.close, d.on_key)

    async def _create(self, data: dict[str, Any]) -> str:
        await team.add_member(self.ctx.db, self.ctx.member, data, self.ctx.kdf)
        return self.ctx.t("members.added", name=f"{data.get('first_name', '')} {data.get('last_name', '')}".strip())

    def _edit(self, member: Member) -> None:
        values = {"first_name": member.first_name, "last_name": member.last_name, "email": member.email,
                  "role": member.role.value, "rights": [r.value for r in member.rights]}
        owner = member.role is Role.OWNER
        self.ctx.dialogs.open(OpenForm(render=lambda f: self._dialog(f, new=False, owner=owner),
                                       submit=lambda data: self._save(member.id, data), values=values,
                                       focus="f-first-name", opener=f"edit-member-{member.id}"))

    def _save(self, member_id: int, data: dict[str, Any]) -> str:
        after = team.update_member(self.ctx.db, self.ctx.member, member_id, data)
        return self.ctx.t("members.saved", name=after.full_name)

    # Status, passphrase, ownership ---------------------------------------------------------
    def _ask_deactivate(self, member: Member) -> None:
        t = self.ctx.t
        self.ctx.dialogs.confirm(t("members.deactivate_title", name=member.full_name),
                                 t("members.deactivate_body", name=member.full_name),
                                 lambda: t("members.deactivated",
                                           name=team.deactivate(self.ctx.db, self.ctx.member, member.id)))

    def _reactivate(self, member: Member) -> None:
        name = team.reactivate(self.ctx.db, self.ctx.member, member.id)
        self.ctx.changed(focus=f"deactivate-member-{member.id}", message=self.ctx.t("members.reactivated", name=name))

    def _reset(self, member: Member) -> None:
        def render(form: OpenForm) -> Element:
            t, d = self.ctx.t, self.ctx.dialogs
            body = [form_field(Field("passphrase", t("passphrase.new"), kind="password",
                                     error=d.error_text("passphrase"), hint=t("members.reset_hint"),
                                     autocomplete="new-password"))]
            return form_dialog(t, "reset-dialog", t("members.reset", name=member.full_name), body,
                               bool(form.errors), d.on_submit, d.close, d.on_key)

        async def submit(data: dict[str, Any]) -> str:
            name = await team.reset_passphrase(self.ctx.db, self.ctx.member, member.id, data, self.ctx.kdf)
            return self.ctx.t("members.reset_done", name=name)

        self.ctx.dialogs.open(OpenForm(render=render, submit=submit, focus="f-passphrase",
                                       opener=f"reset-member-{member.id}"))

    def _ask_owner(self, member: Member) -> None:
        t = self.ctx.t

        def hand_over() -> str:
            team.hand_over_ownership(self.ctx.db, self.ctx.member, member.id)
            return t("members.owner_done", name=member.full_name)

        self.ctx.dialogs.confirm(t("members.owner_title", name=member.full_name),
                                 t("members.owner_body", name=member.full_name), hand_over)
