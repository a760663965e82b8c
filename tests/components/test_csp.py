"""The Content-Security-Policy written into every page: hashes of exactly the
inline code the page holds, in one meta element right after the charset."""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

from microsite.csp import add_content_security_policy, build_policy, find_inline_code, source_hash
from microsite.errors import MicrositeError

PALETTE_SCRIPT = 'var palette=__md_get("__palette");if(palette&&palette.color){document.body.dataset.x="</div>&amp;"}'
PAGE = f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width,initial-scale=1">
    <title>A page</title>
    <script>__md_scope=new URL("..",location)</script>
  </head>
  <body>
    <header><script>{PALETTE_SCRIPT}</script></header>
    <script id="__config" type="application/json">{{"base": ".."}}</script>
    <script src="assets/bundle.js"></script>
    <script type="module">import "./a.js"</script>
  </body>
</html>
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(html: str) -> dict[str, list[str]]:
    meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return {name: sources for name, *sources in (part.split() for part in meta["content"].split(";"))}


def test_each_inline_script_is_allowed_by_the_hash_of_its_exact_text():
    policy = directives(add_content_security_policy(PAGE))
    assert policy["script-src"] == [
        "'self'",
        sha256('__md_scope=new URL("..",location)'),
        sha256(PALETTE_SCRIPT),  # raw text: "</div>" and "&amp;" are hashed as written
        sha256('import "./a.js"'),
    ]


def test_data_blocks_and_scripts_with_src_need_no_hash():
    scripts = find_inline_code(PAGE).scripts
    assert '{"base": ".."}' not in scripts
    assert len(scripts) == 3


def test_the_policy_allows_the_site_only_and_nothing_unsafe():
    policy = directives(add_content_security_policy(PAGE))
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    every_source = [source for sources in policy.values() for source in sources]
    assert "'unsafe-inline'" not in every_source
    assert "'unsafe-eval'" not in every_source
    assert not any(source.startswith(("http:", "https:", "*")) for source in every_source)


def test_the_meta_comes_first_in_the_head_right_after_the_charset():
    head = BeautifulSoup(add_content_security_policy(PAGE), "html.parser").head
    first, second = head.find_all(True)[:2]
    assert first.name == "meta" and first.get("charset") == "utf-8"
    assert second.name == "meta" and second["http-equiv"] == "Content-Security-Policy"


def test_without_a_charset_the_meta_opens_the_head():
    html = add_content_security_policy("<html><head><title>t</title></head><body><meta charset='x'></body></html>")
    assert html.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')


def test_adding_the_policy_twice_leaves_one_policy():
    once = add_content_security_policy(PAGE)
    twice = add_content_security_policy(once)
    assert twice == once
    assert twice.count("Content-Security-Policy") == 1


def test_inline_styles_are_hashed_and_style_attributes_need_unsafe_hashes():
    html = '<html><head><meta charset="utf-8"><style>p{color:red}</style></head><body><p style="color: &quot;x&quot;">a</p><br style="clear:both"/></body></html>'
    policy = directives(add_content_security_policy(html))
    assert policy["style-src"] == [
        "'self'",
        sha256("p{color:red}"),
        "'unsafe-hashes'",
        sha256('color: "x"'),  # attribute values are hashed as the browser reads them
        sha256("clear:both"),
    ]


def test_the_same_script_twice_is_listed_once():
    html = '<html><head><meta charset="utf-8"></head><body><script>a()</script><script>a()</script></body></html>'
    assert directives(add_content_security_policy(html))["script-src"] == ["'self'", sha256("a()")]


def test_line_endings_are_hashed_as_the_browser_reads_them():
    assert source_hash("a()\r\nb()\rc()") == sha256("a()\nb()\nc()")


def test_a_page_with_no_scripts_allows_scripts_from_the_site_only():
    assert "script-src 'self';" in build_policy(find_inline_code("<p>text</p>"))


def test_a_page_without_a_head_is_explained():
    with pytest.raises(MicrositeError, match=r"has no <head>, so its Content-Security-Policy cannot be added"):
        add_content_security_policy("<p>no head here</p><header>x</header>")


def test_the_stylesheet_zensicals_search_adds_from_its_script_is_found_and_allowed_by_hash():
    import zensical
    from pathlib import Path as _Path

    from microsite.csp import styles_added_by_script

    [bundle] = (_Path(zensical.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js")
    [style] = styles_added_by_script(bundle.read_text(encoding="utf-8"))
    assert style.startswith(":host{") or "{" in style
    policy = build_policy(find_inline_code("<p>x</p>"), (style,))
    assert source_hash(style) in policy.split("style-src ")[1].split(";")[0]


def test_materials_own_script_adds_no_inline_stylesheet():
    import material
    from pathlib import Path as _Path

    from microsite.csp import styles_added_by_script

    for bundle in (_Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"):
        assert styles_added_by_script(bundle.read_text(encoding="utf-8")) == []
