"""English messages of checking a dataset file in steps."""

MESSAGES: dict[str, str] = {
    "import.reading": "Reading the file…",
    "import.checking_file": "Checking the file…",
    "import.checking_links": "Checking the links between records…",
    "import.checking_records": "Checking records…",
    "import.building": "Building the new data…",
    "import.indexing": "Building the search index…",
    "import.exporting": "Writing the file…",
}
