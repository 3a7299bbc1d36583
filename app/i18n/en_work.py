"""English messages of long work: progress, cancelling, saving at scale."""

MESSAGES: dict[str, str] = {
    "work.replacing": "Writing the new data…",
    "work.replacing_title": "Replacing the data with {file}",
    "work.csv_title": "Checking {file}",
    "work.csv_import_title": "Importing clients from {file}",
    "work.checking_title": "Checking {file}",
    "work.exporting": "Preparing {file}",
    "work.demo": "Making the demo firm…",
    "work.resetting": "Going back to the demo data",
    "work.starting": "Starting…",
    "work.cancelled": "Cancelled. Nothing was changed.",
    "work.busy": "Wait a moment: the data is busy with another task. Try again once it has finished.",
    "work.cancel": "Cancel",
    "work.percent": "{percent}%",
}
