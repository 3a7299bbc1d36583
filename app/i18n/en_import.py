"""English messages of checking a dataset file in steps."""

MESSAGES: dict[str, str] = {
}
