"""An account's screens: Overview (with notes), Info, "View all" lists, a document.

Renders into the main region from service view data; note handlers validate through the
services and re-render with the typed text kept and the message beside the field.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pydantic import ValidationError

from app.domain.errors import AccessDenied, NotFound
from app.domain.notes import NOTE_MAX
from app.services import documents, notes, overview, profile
from app.services.overview_views import EntryView
from app.ui.components.account_info import InfoHandlers, account_info
from app.ui.components.document_page import document_page
from app.ui.components.overview_tab import NoteHandlers, NoteState, overview_tab
from app.ui.components.profile_header import tab_id
from app.ui.components.profile_page import profile_page
from app.ui.components.section_list import section_list
from app.ui.components.team_history import team_history
from app.ui.contact_editor import ContactEditor
from app.ui.events import UiEvent
from app.ui.router import TABS, Route, account_href, section_href

if TYPE_CHECKING:
    from app.ui.account_editor import AccountEditor
    from app.ui.context import Context


class ProfileScreen:
    def __init__(self, ctx: Context, account_editor: AccountEditor) -> None:
        self.ctx = ctx
        self.account_editor = account_editor   # Edit and Delete on the Info tab
        ctx.on_forget(self.forget_drafts)
        self.route: Route | None = None
        self.notes = NoteState()

    def render(self, route: Route) -> str:
        """Render the route's screen; returns the page title. Raises NotFound/AccessDenied."""
        if self.route is None or self.route.account_id != route.account_id:
            self.forget_drafts()
        self.route = route
        ctx, t = self.ctx, self.ctx.t
        if route.name == "account" and route.tab == "info":
            view = profile.account_profile(ctx.db, ctx.member, route.account_id)
            name, tab, panel = view.name, "info", account_info(t, view, self._info_handlers(view))
        elif route.name == "account":
            view = overview.account_overview(ctx.db, ctx.member, route.account_id)
            name, tab, panel = view.name, "overview", overview_tab(t, view, self.notes, self._note_handlers())
        elif route.name == "history":
            name, entries = profile.team_history(ctx.db, ctx.member, route.account_id)
            tab, panel = "info", team_history(t, route.account_id, entries)
        elif route.name == "section":
            view = overview.section_page(ctx.db, ctx.member, route.account_id, route.tab, route.page,
                                         route.newest_first)
            name, tab, panel = view.name, "overview", section_list(t, view, self._order, self._page)
        else:
            doc = documents.open_document(ctx.db, ctx.member, route.account_id, route.item_id)
            name, tab, panel = doc.account_name, "overview", document_page(t, doc)
        ctx.dom.mount("main", profile_page(t, route.account_id, name, tab, panel, self._tab_key(tab)))
        return name

    def _tab_key(self, shown: str):
        """Arrow keys, Home and End choose the other tab, and focus goes with the choice."""
        def handler(event: UiEvent) -> None:
            at = TABS.index(shown)
            to = {"ArrowRight": at + 1, "ArrowLeft": at - 1, "Home": 0, "End": len(TABS) - 1}.get(event.key)
            if to is None:
                return
            event.prevent_default()
            chosen = TABS[to % len(TABS)]
            self.ctx.navigate(account_href(self.route.account_id, chosen), focus=tab_id(chosen))
        return handler

    def _info_handlers(self, view) -> InfoHandlers | None:
        if not view.can_edit:
            return None
        editor, contacts = self.account_editor, ContactEditor(self.ctx, view.id, view.name)
        return InfoHandlers(edit=editor.edit(view.id), delete=editor.delete(view.id, view.name),
                            link=contacts.link, add=contacts.add, contacts=contacts.handlers())

    def forget_drafts(self) -> None:
        """A count that only grows: the new-note field is drawn anew, empty (app/ui/patch.js
        keeps a field's typed text while its key and shown value stay the same)."""
        self.notes = NoteState(added=self.notes.added + 1)

    # "View all" lists -----------------------------------------------------------------
    def _order(self, event: UiEvent) -> None:
        r = self.route
        self.ctx.dom.navigate(section_href(r.account_id, r.tab, 1, event.value != "asc"))

    def _page(self, number: int):
        def handler(_event: UiEvent) -> None:
            r = self.route
            self.ctx.dom.navigate(section_href(r.account_id, r.tab, number, r.newest_first))
        return handler

    # Notes ----------------------------------------------------------------------------
    def _note_handlers(self) -> NoteHandlers:
        return NoteHandlers(add=self._add_note, save_edit=self._save_edit, cancel_edit=self._cancel_edit,
                            start_edit=self._start_edit, delete=self._ask_delete)

    def _error_text(self, error: ValidationError) -> str:
        kind = error.errors()[0]["type"]
        return self.ctx.t("form.too_long", max=self.ctx.t.number(NOTE_MAX)) if kind == "string_too_long" \
            else self.ctx.t("form.required")

    def _add_note(self, event: UiEvent) -> None:
        self._submit_note(event, notes.add_note, self.route.account_id, kind="new",
                          done=dict(draft="", error=None, added=self.notes.added + 1), message="notes.added")

    def _start_edit(self, entry: EntryView):
        def handler(_event: UiEvent) -> None:
            self.notes = replace(self.notes, editing_id=entry.id, edit_text=entry.cells[0].value,
                                 edit_error=None)
            self.ctx.changed(focus="note-edit-body")
        return handler

    def _save_edit(self, event: UiEvent) -> None:
        self._submit_note(event, notes.edit_note, self.notes.editing_id, kind="edit",
                          done=dict(editing_id=None, edit_text="", edit_error=None), message="notes.saved")

    def _submit_note(self, event: UiEvent, use_case, target: int, kind: str, done: dict, message: str) -> None:
        """Add or edit: a refused text stays in its field with the reason beside it."""
        text = str(event.form.get("body", ""))
        try:
            if not self._attempt(use_case, target, text):
                return
        except ValidationError as error:
            typed = {"draft": text, "error": self._error_text(error)} if kind == "new" else \
                {"edit_text": text, "edit_error": self._error_text(error)}
            self.notes = replace(self.notes, **typed)
            self.ctx.changed(focus=f"note-{kind}-body")
            return
        self.notes = replace(self.notes, **done)
        # The keyboard stays in the Notes section.
        self.ctx.changed(focus="note-new-body", message=self.ctx.t(message))

    def _cancel_edit(self, _event: UiEvent) -> None:
        self.notes = replace(self.notes, editing_id=None, edit_text="", edit_error=None)
        self.ctx.changed(focus="note-new-body")

    def _ask_delete(self, entry: EntryView):
        def handler(_event: UiEvent) -> None:
            t = self.ctx.t
            self.ctx.dialogs.confirm(t("notes.confirm_delete"),
                                     t("notes.confirm_delete_body", excerpt=entry.cells[0].value[:60]),
                                     lambda: self._delete(entry.id), fallback="note-new-body")
        return handler

    def _delete(self, note_id: int) -> str | None:
        if self._attempt(notes.delete_note, note_id):
            return self.ctx.t("notes.deleted")
        return None

    def _attempt(self, use_case, *args) -> bool:
        """Run a note use case; a refusal (gone, or no right) is said and the page refreshed."""
        try:
            use_case(self.ctx.db, self.ctx.member, *args)
        except (NotFound, AccessDenied) as error:
            key = "error.gone" if isinstance(error, NotFound) else "error.no_access_action"
            self.notes = replace(self.notes, editing_id=None, edit_text="", edit_error=None)
            self.ctx.changed(message=self.ctx.t(key))
            return False
        return True
