# The page's Python entry: PyScript runs this; the app lives in the `app` package.
from app.main import main

await main()  # noqa: F704 - PyScript runs this file with top-level await
