"""Messaggi italiani del lavoro lungo: avanzamento, annullamento, salvataggio."""

MESSAGES: dict[str, str] = {
    "work.cancel": "Annulla",
    "work.percent": "{percent}%",
}
