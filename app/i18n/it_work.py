"""Messaggi italiani del lavoro lungo: avanzamento, annullamento, salvataggio."""

MESSAGES: dict[str, str] = {
    "work.replacing": "Scrittura dei nuovi dati…",
    "work.replacing_title": "Sostituzione dei dati con {file}",
    "work.csv_title": "Controllo di {file}",
    "work.csv_import_title": "Importazione dei clienti da {file}",
    "work.checking_title": "Controllo di {file}",
    "work.exporting": "Preparazione di {file}",
    "work.demo": "Creazione dello studio dimostrativo…",
    "work.resetting": "Ritorno ai dati dimostrativi",
    "work.starting": "Avvio…",
    "work.cancelled": "Annullato. Non è stato cambiato nulla.",
    "work.busy": "Un momento: i dati sono occupati da un'altra operazione. Riprova quando è finita.",
    "work.cancel": "Annulla",
    "work.percent": "{percent}%",
}
