"""The GitHub workflows are valid against GitHub's schema (checked offline)."""

import subprocess
import sys
from pathlib import Path

import yaml

from helpers import REPO

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))


def test_workflows_exist_for_tests_and_pages():
    assert {path.name for path in WORKFLOWS} >= {"test.yml", "deploy.yml"}


def test_workflows_match_githubs_workflow_schema():
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_deploy_uses_the_official_pages_actions_and_a_strict_build():
    deploy = (REPO / ".github/workflows/deploy.yml").read_text()
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in deploy
    assert "mkdocs build --strict" in deploy


def test_test_workflow_runs_the_readme_test_command_on_push_and_pull_request():
    workflow = yaml.safe_load((REPO / ".github/workflows/test.yml").read_text())
    triggers = workflow[True]  # YAML reads the key `on` as True
    assert "push" in triggers and "pull_request" in triggers
    assert "bash .ci/run" in (REPO / ".github/workflows/test.yml").read_text()


def test_every_install_uses_the_one_constraints_file():
    """The package declares ranges; the guide's exact versions live in constraints.txt only."""
    pyproject = (REPO / "pyproject.toml").read_text()
    assert "==" not in pyproject.split("[project.optional-dependencies]")[0].split("dependencies = [")[1]
    assert "-c constraints.txt" in (REPO / "scripts/dev.sh").read_text()
    assert "-c constraints.txt" in (REPO / ".github/workflows/deploy.yml").read_text()
    pins = [line for line in (REPO / "constraints.txt").read_text().splitlines() if line and not line.startswith("#")]
    assert pins and all("==" in line for line in pins)


def test_the_pins_cover_every_package_the_test_command_installs():
    """constraints.txt lists exactly what `pip freeze` shows in the venv the README's commands make."""
    frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True, text=True).stdout
    installed = {line.split("==")[0].lower().replace("_", "-") for line in frozen.splitlines() if "==" in line}
    pinned = {line.split("==")[0].lower().replace("_", "-") for line in (REPO / "constraints.txt").read_text().splitlines()
              if "==" in line and not line.startswith("#")}
    assert installed - pinned == set(), "installed but not pinned"
