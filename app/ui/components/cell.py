"""One typed value of an overview entry, formatted for the language."""

from app.i18n import Translator
from app.services.overview_views import Cell


def cell_text(t: Translator, cell: Cell) -> str:
    match cell.kind:
        case "date":
            return t.date(cell.value)
        case "datetime":
            return t.datetime(cell.value)
        case "money":
            return t.money(cell.value)
        case "status":
            return t(f"status.{cell.value}")
        case "percent":
            return t("value.percent", value=t.number(cell.value))
        case "minutes":
            return t.duration(cell.value)
        case "reply":
            name, at = cell.value
            return t("value.replied", name=name, when=t.datetime(at))
        case "never":
            return t("value.never")
        case _:
            return str(cell.value)
