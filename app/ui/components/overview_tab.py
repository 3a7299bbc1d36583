"""The Overview tab: the thirteen sections, notes with their form and buttons."""

from collections.abc import Callable
from dataclasses import dataclass

from app.i18n import Translator
from app.services.overview_views import EntryView, OverviewView
from app.ui.components.note_form import note_form
from app.ui.components.overview_section import overview_section
from app.ui.html import Child, Element, Handler, h


@dataclass(frozen=True)
class NoteState:
    """What the notes section shows besides the notes: drafts and a validation message."""

    draft: str = ""
    error: str | None = None
    editing_id: int | None = None
    edit_text: str = ""
    edit_error: str | None = None
    added: int = 0   # notes added here: a new count draws the new-note field empty


@dataclass(frozen=True)
class NoteHandlers:
    add: Handler
    save_edit: Handler
    cancel_edit: Handler
    start_edit: Callable[[EntryView], Handler]
    delete: Callable[[EntryView], Handler]


def overview_tab(t: Translator, view: OverviewView, notes: NoteState, on: NoteHandlers) -> Element:
    def note_actions(entry: EntryView) -> Child:
        if entry.id == notes.editing_id:
            return note_form(t, "note-edit", t("notes.edit_label"), notes.edit_text, notes.edit_error,
                             on.save_edit, on.cancel_edit)
        if not entry.editable:
            return None
        return h("div", {"class": "entry-actions"},
                 h("button", {"type": "button", "class": "link-button",
                              "on_click": on.start_edit(entry)}, t("notes.edit")),
                 h("button", {"type": "button", "class": "link-button danger-link",
                              "on_click": on.delete(entry)}, t("notes.delete")))

    cards = []
    for section in view.sections:
        if section.key == "notes":
            form = note_form(t, "note-new", t("notes.new"), notes.draft, notes.error, on.add,
                             generation=notes.added) \
                if view.can_add_notes else None
            cards.append(overview_section(t, view.account_id, section, form, note_actions))
        else:
            cards.append(overview_section(t, view.account_id, section))
    return h("div", {"class": "overview"}, cards)
