"""Bundles of our styles and scripts (microsite/assets.py): what goes in which
file, lazy scripts, minification."""

from __future__ import annotations

import re

import pytest

from microsite import assets

WORKSHEET_PAGE = ("layout", "quick_exit", "print", "worksheet/shared", "worksheet")


def published(bundle: assets.Bundle) -> dict[str, str]:
    return dict(bundle.files)


def test_every_page_runs_one_shared_script_and_a_page_with_components_one_more():
    plain = assets.bundle(assets.every_page_parts())
    worksheet = assets.bundle(WORKSHEET_PAGE)
    assert len(plain.scripts) == 1 and len(worksheet.scripts) == 2
    assert worksheet.scripts[0] == plain.scripts[0]
    shared, own = (published(worksheet)[address] for address in worksheet.scripts)
    assert "data-quick-exit-link" in shared and "data-quick-exit-link" not in own
    assert "microsite-worksheet" in own and "microsite-worksheet" not in shared


def test_a_lazy_script_is_published_alone_and_the_bundle_names_it_by_its_hash():
    bundle = assets.bundle(WORKSHEET_PAGE)
    files = published(bundle)
    lazy = [address for address in files if address not in bundle.scripts and address.endswith(".js")]
    assert len(lazy) == 1
    assert "micrositeWorksheetFiles" in files[lazy[0]]
    own = files[bundle.scripts[1]]
    assert "@lazy/" not in own
    assert f'"{lazy[0].rsplit("/", 1)[1]}"' in own  # relative to the bundle: they share a folder
    # The shared script asks for nothing lazy; a page without worksheets publishes no lazy file.
    assert len([address for address in published(assets.bundle(assets.every_page_parts())) if address.endswith(".js")]) == 1


def test_names_change_with_content_and_only_then():
    first = assets.bundle(WORKSHEET_PAGE)
    again = assets.bundle(WORKSHEET_PAGE)
    assert first == again
    for address, text in first.files:
        assert re.fullmatch(r"assets/microsite/[0-9a-f]{10}\.(css|js)", address)
        assert assets._published(text, "." + address.rsplit(".", 1)[1])[0] == address  # the hash of what it holds
    changed = assets._published(first.files[0][1] + " ", ".css")[0]
    assert changed != first.files[0][0]


def test_scripts_are_minified_with_short_local_names_where_the_minifier_is_installed():
    source = (assets.COMPONENTS_DIR / "worksheet/worksheet.js").read_text(encoding="utf-8")
    minified = assets.minify_js(source)
    assert "/*" not in minified and "\n  " not in minified
    if assets.JS_MINIFIER == "tdewolff-minify":
        assert "function bindField(" not in minified  # local names shortened
        assert len(minified) < 0.75 * len(source)


def test_without_tdewolff_scripts_are_still_minified_by_rjsmin(monkeypatch):
    monkeypatch.setattr(assets, "_tdewolff", None)
    assets._bundle.cache_clear()
    assets._lazy_files.cache_clear()
    try:
        bundle = assets.bundle(WORKSHEET_PAGE)
        own = published(bundle)[bundle.scripts[1]]
        assert "function bindField(" in own and "@lazy/" not in own
    finally:
        assets._bundle.cache_clear()
        assets._lazy_files.cache_clear()


def test_a_script_asking_for_a_lazy_file_no_component_has_is_named(tmp_path, monkeypatch):
    script = tmp_path / "broken.js"
    script.write_text('(() => { const more = "@lazy/nowhere.lazy.js"; })();', encoding="utf-8")
    with pytest.raises(ValueError, match=r"@lazy/nowhere\.lazy\.js, but no component has a file of that name"):
        assets._script([script], {})


def lazy_text(bundle: assets.Bundle) -> str:
    files = published(bundle)
    (address,) = [address for address in files if address not in bundle.scripts and address.endswith(".js")]
    return files[address]


def test_a_lazy_script_carries_its_own_messages_in_the_guides_language_and_pages_do_not():
    from microsite.errors import ErrorList
    from microsite.i18n import messages_for

    english = lazy_text(assets.bundle(WORKSHEET_PAGE))
    assert "@words" not in english
    assert "There are no answers to export yet." in english
    spanish_words = assets.lazy_words(messages_for("es", ErrorList()))
    spanish = lazy_text(assets.bundle(WORKSHEET_PAGE, spanish_words))
    assert "There are no answers to export yet." not in spanish
    assert "Todav\\u00eda no hay respuestas para exportar." in spanish or "Todavía no hay respuestas para exportar." in spanish
    # Another language, another file: a browser never keeps one language's script for another.
    assert assets.bundle(WORKSHEET_PAGE, spanish_words).files != assets.bundle(WORKSHEET_PAGE).files


def test_a_lazy_script_saying_words_it_has_no_template_for_is_named(tmp_path, monkeypatch):
    script = tmp_path / "more.lazy.js"
    script.write_text('(() => { learn("@words"); })();', encoding="utf-8")
    monkeypatch.setattr(assets, "lazy_scripts", lambda: {"more.lazy.js": script})
    with pytest.raises(ValueError, match=r'more\.lazy\.js says "@words", but no messages came for it: write them in more\.words\.html beside it'):
        assets._lazy_files((), ())
