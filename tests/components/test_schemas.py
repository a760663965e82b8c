"""The JSON Schemas authors' editors use: made from the same declarations as
the build's checks, kept current, and valid for every data file and example
(checked with check-jsonschema, as an editor or CI would)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from helpers import REPO
from microsite.schemas import SCHEMAS_DIR, rendered

WORKSHEET_EXAMPLES = yaml.safe_load((REPO / "microsite/components/worksheet/examples.yaml").read_text(encoding="utf-8"))


def check(schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(SCHEMAS_DIR / schema), *map(str, files)],
        capture_output=True, text=True,
    )


def test_the_published_schemas_are_current():
    for name, text in rendered().items():
        assert (SCHEMAS_DIR / name).read_text(encoding="utf-8") == text, f"run: python -m microsite schemas {SCHEMAS_DIR}"


def test_every_data_file_of_the_guide_and_the_fixtures_matches_its_schema():
    worksheets = sorted(REPO.glob("data/worksheets/*.yaml")) + sorted(REPO.glob("tests/fixtures/sites/*/data/worksheets/*.yaml"))
    for schema, files in {
        "worksheet.schema.json": worksheets,
        "quotes.schema.json": [REPO / "data/quotes.yaml", *REPO.glob("tests/fixtures/sites/*/data/quotes.yaml")],
        "further-reading.schema.json": [REPO / "data/further-reading.yaml", *REPO.glob("tests/fixtures/sites/*/data/further-reading.yaml")],
    }.items():
        done = check(schema, *files)
        assert done.returncode == 0, done.stdout + done.stderr


def test_every_example_matches_and_typical_mistakes_do_not(tmp_path):
    def written(name: str, data) -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return path

    examples = [written(name, example) for name, example in WORKSHEET_EXAMPLES["examples"].items()]
    done = check("worksheet.schema.json", *examples)
    assert done.returncode == 0, done.stdout + done.stderr
    # (Rules between two values, such as a rating's reversed ends, only the build can check.)
    for mistake in ("unknown-kind", "unknown-keys", "wrong-types"):
        source = yaml.safe_load(WORKSHEET_EXAMPLES["mistakes"][mistake]["source"])
        assert check("worksheet.schema.json", written(mistake, source)).returncode != 0, mistake
    quotes = [example["quote"] for example in yaml.safe_load((REPO / "microsite/components/quote/examples.yaml").read_text()).values()]
    assert check("quotes.schema.json", written("quotes", quotes)).returncode == 0
    assert check("quotes.schema.json", written("bad-quotes", [{**quotes[0], "speeker": "x"}])).returncode != 0
    references = [item for example in yaml.safe_load((REPO / "microsite/components/sources/examples.yaml").read_text()).values()
                  for item in example["references"]]
    assert check("further-reading.schema.json", written("reading", references)).returncode == 0
