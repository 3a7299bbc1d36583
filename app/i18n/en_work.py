"""English messages of long work: progress, cancelling, saving at scale."""

MESSAGES: dict[str, str] = {
    "work.cancel": "Cancel",
    "work.percent": "{percent}%",
}
