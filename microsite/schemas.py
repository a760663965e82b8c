"""JSON Schemas for the data files, made from the same key declarations the
build checks them with, so an author's editor autocompletes and checks a file
as it is written (with the YAML language server or any JSON Schema tool).

The build's own checks stay the authority, with their plain sentences; the
schemas help before a build. `microsite schemas DIR` writes them; the ones in
microsite/schemas/ are kept current by a test.
"""

from __future__ import annotations

import json
from pathlib import Path

from .datafile import object_schema

SCHEMAS_DIR = Path(__file__).parent / "schemas"
BASE = "https://json-schema.org/draft/2020-12/schema"


def worksheet_schema() -> dict:
    from .components.worksheet.kinds import registered_kinds
    from .components.worksheet.model import COMMON_FIELD_KEYS, WORKSHEET_KEYS

    kinds = registered_kinds()
    kind_keys = {key.name: key for kind in kinds.values() for key in kind.keys}
    field = object_schema([*COMMON_FIELD_KEYS.values(), *kind_keys.values()])
    field["properties"]["kind"] = {"enum": list(kinds), "description": "The kind of field."}
    field["properties"]["options"] = {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 2,
                                      "description": "The choices, a list of at least two."}
    field["properties"]["columns"] = {
        "type": "array",
        "minItems": 1,
        "items": {
            "type": "object",
            "properties": {"id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}, "label": {"type": "string", "minLength": 1}},
            "required": ["id", "label"],
            "additionalProperties": False,
        },
        "description": "The columns, each with an id and a label.",
    }
    field["properties"]["id"]["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$"
    # Each kind allows its own keys only.
    common = set(COMMON_FIELD_KEYS)
    field["allOf"] = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {"propertyNames": {"enum": sorted(common | {key.name for key in kind.keys})}},
        }
        for name, kind in kinds.items()
    ]
    schema = object_schema(WORKSHEET_KEYS.values())
    schema["properties"]["id"]["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$"
    schema["properties"]["fields"] = {"type": "array", "minItems": 1, "items": field, "description": "The list of fields."}
    return {"$schema": BASE, "title": "A worksheet (data/worksheets/<id>.yaml)", **schema}


def list_schema(title: str, keys) -> dict:
    return {"$schema": BASE, "title": title, "type": "array", "items": object_schema(keys)}


def quotes_schema() -> dict:
    from .components.quote.model import KEYS

    schema = list_schema("Expert quotes (data/quotes.yaml)", KEYS.values())
    schema["items"]["properties"]["id"]["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$"
    return schema


def further_reading_schema() -> dict:
    from .components.sources.model import KEYS

    return list_schema("Further reading (data/further-reading.yaml)", KEYS.values())


SCHEMAS = {
    "worksheet.schema.json": worksheet_schema,
    "quotes.schema.json": quotes_schema,
    "further-reading.schema.json": further_reading_schema,
}


def rendered() -> dict[str, str]:
    return {name: json.dumps(make(), indent=2, ensure_ascii=False) + "\n" for name, make in SCHEMAS.items()}


def write_schemas(folder: Path = SCHEMAS_DIR) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written


def add_command(commands) -> None:
    """`microsite schemas DIR` for the command line (see microsite.cli)."""
    schemas = commands.add_parser(
        "schemas",
        help="write the JSON Schemas of the data files, for your editor",
        description="Write worksheet.schema.json, quotes.schema.json and further-reading.schema.json into DIR. "
        "Point your editor's YAML support at them (for example a first line "
        "'# yaml-language-server: $schema=../.schemas/quotes.schema.json' in data/quotes.yaml).",
    )
    schemas.add_argument("folder", type=Path, metavar="DIR", help="where to write them, such as data/.schemas")
    schemas.set_defaults(run=run)


def run(arguments) -> int:
    for path in write_schemas(arguments.folder):
        print(path)
    return 0
