"""Messaggi italiani del controllo di un file di dati, passo per passo."""

MESSAGES: dict[str, str] = {
}
