"""Messaggi italiani del controllo di un file di dati, passo per passo."""

MESSAGES: dict[str, str] = {
    "import.reading": "Lettura del file…",
    "import.checking_file": "Controllo del file…",
    "import.checking_links": "Controllo dei collegamenti tra le registrazioni…",
    "import.checking_records": "Controllo delle registrazioni…",
    "import.building": "Preparazione dei nuovi dati…",
    "import.indexing": "Preparazione dell'indice di ricerca…",
    "import.exporting": "Scrittura del file…",
}
