"""The quick-exit switches in mkdocs.yml: on by default, `enabled: false`
removes the control and its script's behaviour, `url` sets where it goes.
Each named example in examples.yaml is built as a real fixture site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import build_site, copy_fixture_site, edit_yaml
from microsite.csp import source_hash

EXAMPLES = yaml.safe_load((Path(__file__).parents[2] / "microsite/components/quick_exit/examples.yaml").read_text())
DEFAULT_URL = "https://www.bbc.co.uk/weather"


def set_quick_exit(project: Path, options) -> None:
    def change(config):
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "microsite" in plugin:
                plugin["microsite"]["quick_exit"] = options

    edit_yaml(project / "mkdocs.yml", change)


@pytest.fixture(scope="module")
def built_examples(tmp_path_factory) -> dict[str, dict[str, BeautifulSoup]]:
    """Every example built once: {example: {page: parsed HTML}}."""
    pages = {}
    for name, options in EXAMPLES.items():
        workdir = tmp_path_factory.mktemp(name)
        project = copy_fixture_site("minimal", workdir)
        set_quick_exit(project, options)
        result = build_site(project, workdir / "site")
        assert result.ok, result.output
        pages[name] = {
            page: BeautifulSoup((workdir / "site" / page).read_text(), "html.parser")
            for page in ("index.html", "help/index.html", "404.html")
        }
    return pages


def guard_scripts(soup: BeautifulSoup) -> list[str]:
    return [script.string for script in soup.head.find_all("script", src=False) if script.has_attr("data-microsite-quick-exit")]


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_shows_the_control_only_when_enabled_and_links_to_the_url(built_examples, name):
    options = EXAMPLES[name]
    enabled = options.get("enabled", True)
    for page, soup in built_examples[name].items():
        control = soup.select_one("header [data-module='microsite-quick-exit']")
        if not enabled:
            assert control is None, page
            assert guard_scripts(soup) == [], page
            continue
        link = control.select_one("a[data-quick-exit-link]")
        assert link["href"] == options.get("url", DEFAULT_URL), page
        assert " ".join(link.get_text().split()) == "Exit this page", page
        assert set(link["rel"]) == {"nofollow", "noreferrer"}, page
        assert control.select_one("[role='status'][data-quick-exit-status]") is not None, page


def test_quick_exit_is_on_by_default_and_goes_to_a_neutral_site(built_examples):
    link = built_examples["default"]["index.html"].select_one("a[data-quick-exit-link]")
    assert link["href"] == DEFAULT_URL


def test_a_returning_tab_is_covered_before_the_page_is_drawn_and_the_policy_allows_it(built_examples):
    for page, soup in built_examples["default"].items():
        [guard] = guard_scripts(soup)
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert source_hash(guard) in policy, page
        assert soup.body.find(string=lambda text: "microsite-quick-exit" in text) is None, page


def test_switched_off_leaves_the_script_nothing_to_upgrade(built_examples):
    soup = built_examples["switched-off"]["index.html"]
    assert soup.select("[data-module='microsite-quick-exit'], [data-quick-exit-link]") == []
    assert "microsite-quick-exit" not in str(soup.head)


def test_a_quick_exit_option_of_the_wrong_type_fails_the_build_naming_it(tmp_path):
    project = copy_fixture_site("minimal", tmp_path)
    set_quick_exit(project, {"enabled": "yes"})
    result = build_site(project, tmp_path / "site")
    assert not result.ok
    assert (
        "Config value 'plugins': Plugin 'microsite' option 'quick_exit': Sub-option 'enabled': "
        "Expected type: <class 'bool'> but received: <class 'str'>"
    ) in result.output
