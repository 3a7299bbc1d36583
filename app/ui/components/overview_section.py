"""One section of the Overview tab: heading, "View all" link, up to five entries."""

from app.i18n import Translator
from app.services.overview_views import EntryView, SectionView
from app.ui.components.cell import cell_text
from app.ui.components.new_badge import new_badge
from app.ui.html import Child, Element, h
from app.ui.router import document_href, section_href


def overview_section(t: Translator, account_id: int, section: SectionView,
                     extra: Child = None, actions=None) -> Element:
    """`extra` goes above the entries (the notes form); `actions(entry)` adds entry buttons."""
    title = t(f"section.{section.key}")
    heading_id = f"section-{section.key}"
    if section.entries:
        body = h("ul", {"class": "entries"},
                 [_entry(t, account_id, section.key, e, actions) for e in section.entries])
    else:
        body = h("p", {"class": "muted empty-section"}, t(f"empty.{section.key}"))
    more = t("overview.more", count=t.number(section.total)) if section.total > len(section.entries) else None
    return h("section", {"class": "card section", "aria-labelledby": heading_id},
             h("header", {"class": "section-header"},
               h("h2", {"id": heading_id}, title),
               h("a", {"href": section_href(account_id, section.key),
                       "aria-label": t("overview.view_all_named", section=title)},
                 t("overview.view_all"))),
             extra, body,
             h("p", {"class": "muted more"}, more) if more else None)


def _entry(t: Translator, account_id: int, key: str, entry: EntryView, actions) -> Element:
    first, *rest = entry.cells
    text = cell_text(t, first)
    if key == "documents":
        primary = h("a", {"href": document_href(account_id, entry.id)}, text)
    else:
        primary = h("span", {"class": "note-body" if key == "notes" else None}, text)
    meta = " · ".join(v for v in (cell_text(t, c) for c in rest) if v)
    # Keyed: a deleted entry's element goes with it (not its neighbour's text into it).
    return h("li", {"class": "entry", "data-key": f"{key}-{entry.id}"},
             h("div", {"class": "entry-main"}, primary, new_badge(t) if entry.is_new else None),
             h("div", {"class": "muted entry-meta"}, meta) if meta else None,
             actions(entry) if actions else None)
