"""Write docs/dataset.schema.json: the JSON Schema of the dataset file, from the pydantic models.

Run after changing app/domain/dataset*.py; tests/domain/test_dataset_schema.py fails until then.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain.dataset import VERSION, Dataset  # noqa: E402 - after the path is set

SCHEMA_PATH = ROOT / "docs" / "dataset.schema.json"


def schema_text() -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": f"https://fascicolo.example/dataset-{VERSION}.schema.json",
              **Dataset.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.relative_to(ROOT)}")
