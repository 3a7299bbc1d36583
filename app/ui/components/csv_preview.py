"""The CSV import's preview (region "Import preview"): the column mapping and each row's fate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.client_rows import FIELDS
from app.i18n import Translator
from app.services.import_views import (
    ALREADY_LINKED,
    DUPLICATE,
    JOINS_EXISTING,
    JOINS_NEW,
    NEW_ACCOUNT,
    REJECTED,
    ImportPlan,
    RowFate,
)
from app.ui.html import Element, Handler, h

SHOWN_ROWS = 100   # rows without a problem shown; every row with one is shown
PREVIEW_ID = "import-preview-title"


@dataclass(frozen=True)
class PreviewHandlers:
    map_column: Callable[[int], Handler]
    valid_only: Handler
    run: Handler
    cancel: Handler


def reasons(t: Translator, problems: tuple[tuple[str, str], ...]) -> str:
    """ "Email: Not a valid email address. Phone: …" — each problem with its column."""
    def label(field: str) -> str:
        return t(f"csvfield.{field}") if t.has(f"csvfield.{field}") else field
    return " ".join(f"{label(f)}: {t(f'error.{c}') if t.has(f'error.{c}') else t('error.invalid')}"
                    for f, c in problems)


def fate_text(t: Translator, row: RowFate) -> str:
    if row.fate == REJECTED:
        return t("fate.rejected", reasons=reasons(t, row.problems))
    if row.fate == DUPLICATE:
        return t("fate.duplicate", line=row.duplicate_of)
    text = t(f"fate.{row.fate}")
    return f"{text} ({t('fate.reused')})" if row.reused_contact else text


def _mapping(t: Translator, headers: tuple[str, ...], samples: tuple[str, ...], mapping: dict[int, str | None],
             problems: dict[str, str], on: PreviewHandlers) -> Element:
    options = [("", t("preview.ignore")), *((f, t(f"csvfield.{f}")) for f in FIELDS)]
    rows = []
    for index, header in enumerate(headers):
        chosen = mapping.get(index) or ""
        error = problems.get(chosen) if chosen else None
        rows.append(h("tr", None,
                      h("th", {"scope": "row"}, header),
                      h("td", None, h("select", {"aria-label": t("preview.map_column", header=header),
                                                 "aria-invalid": "true" if error else None,
                                                 "on_change": on.map_column(index)},
                                      [h("option", {"value": v, "selected": v == chosen}, text) for v, text in options]),
                        h("p", {"class": "field-error"}, t(f"error.{error}")) if error else None),
                      h("td", {"class": "muted"}, t("preview.sample", value=samples[index]) if samples[index] else "")))
    missing = [f for f, code in problems.items() if code == "required_column"]
    return h("div", {"class": "mapping"},
             h("h3", None, t("preview.mapping")), h("p", {"class": "hint"}, t("preview.mapping_hint")),
             h("table", {"class": "mapping-table"}, h("tbody", None, rows)),
             h("ul", {"class": "field-error"}, [h("li", None, f"{t(f'csvfield.{f}')}: {t('error.required_column')}")
                                                for f in missing]) if missing else None)


def _rows(t: Translator, plan: ImportPlan) -> Element:
    shown, others = [], 0
    for row in plan.rows:
        if row.fate in (REJECTED, DUPLICATE) or others < SHOWN_ROWS:
            others += row.fate not in (REJECTED, DUPLICATE)
            shown.append(row)
    return h("div", {"class": "preview-rows"},
             h("h3", None, t("preview.rows")),
             h("p", None, t("preview.summary", new=plan.count(NEW_ACCOUNT),
                            joins=plan.count(JOINS_NEW) + plan.count(JOINS_EXISTING),
                            reused=sum(r.reused_contact for r in plan.rows if r.fate not in (REJECTED, DUPLICATE)),
                            skipped=plan.count(ALREADY_LINKED) + plan.count(DUPLICATE),
                            rejected=len(plan.rejected))),
             h("p", {"class": "hint"}, t("preview.shown", shown=SHOWN_ROWS)) if len(shown) < len(plan.rows) else None,
             h("table", {"class": "preview-table"},
               h("thead", None, h("tr", None, [h("th", {"scope": "col"}, t(k)) for k in
                                               ("preview.line", "preview.account", "preview.contact", "preview.fate")])),
               h("tbody", None, [h("tr", {"class": row.fate}, h("td", None, str(row.line)), h("td", None, row.account),
                                   h("td", None, row.person), h("td", None, fate_text(t, row))) for row in shown])))


def csv_preview(t: Translator, file_name: str, headers: tuple[str, ...], samples: tuple[str, ...],
                mapping: dict[int, str | None], plan: ImportPlan, valid_only: bool, on: PreviewHandlers,
                importing: bool = False) -> Element:
    rejected = len(plan.rejected)
    return h("section", {"class": "card import-preview", "role": "region", "aria-labelledby": PREVIEW_ID},
             h("h2", {"id": PREVIEW_ID, "tabindex": "-1"}, t("preview.title")),
             h("p", None, t("preview.file", file=file_name, rows=len(plan.rows) or "–")),
             _mapping(t, headers, samples, mapping, plan.mapping_problems, on),
             _rows(t, plan) if not plan.mapping_problems else None,
             h("label", {"class": "choice"},
               h("input", {"type": "checkbox", "checked": valid_only, "on_change": on.valid_only}),
               t("preview.valid_only", count=rejected)) if rejected else None,
             h("div", {"class": "form-buttons"},
               h("button", {"type": "button", "class": "primary", "on_click": on.run, "disabled": importing},
                 t("preview.import")),
               h("button", {"type": "button", "on_click": on.cancel, "disabled": importing}, t("preview.cancel"))),
             h("p", {"class": "reading"}, t("preview.importing", rows=len(plan.rows))) if importing else None)
