"""What a build knows only once every page is rendered, and the last touches
each page gets from it.

Facts are read from each page's rendered content, never from its Markdown:
which worksheets and quotes a page really shows (a call in a code sample
shows none), its title, its words (for reading times, in any script), its
draft and placeholder blocks, and any inline code an author wrote into it.
Parts that need those facts are rendered as placeholders
(`render.late_part`) and filled here, as mkdocstrings fills cross-references.

The MkDocs plugin calls these functions during the build; on an engine that
runs no plugin, `microsite finish` calls the same functions on the built
site. Both give the same pages.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass, field

from . import assets, csp
from .components import LATE_PARTS
from .context import PageRef, SiteContext, relative_url
from html import escape

from .html import Document, Element, parse, patch, start_tag

# Not read as the page's own words: forms, quotes, notes and parts of the theme.
NOT_READ = {"form", "figure", "script", "style", "template", "noscript"}
NOT_READ_CLASSES = {"microsite-help-note", "microsite-draft__label", "headerlink", "microsite-reading-time", "microsite-error"}
# Scripts without spaces between words: each character counts as a word.
_NO_SPACES = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
)
EVENT_HANDLER = re.compile(r"on[a-z]+$")
SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript):", re.IGNORECASE)
READING_TIME_META = "microsite:reading-time"


def count_words(text: str) -> int:
    """Words in any script: runs of letters or digits between spaces, and each
    character of scripts written without spaces (Chinese, Japanese, Thai, …)."""
    unspaced = len(_NO_SPACES.findall(text))
    spaced = _NO_SPACES.sub(" ", text).split()
    return unspaced + sum(1 for token in spaced if any(char.isalnum() for char in token))


def reading_minutes(words: int, words_per_minute: int) -> int:
    return max(1, math.ceil(words / words_per_minute))


@dataclass(frozen=True)
class PageFacts:
    title: str | None = None  # the text of the page's h1
    words: int = 0
    worksheets: tuple[str, ...] = ()  # ids of the worksheet forms it shows, in order
    quotes: frozenset[str] = frozenset()  # ids of the quotes it quotes (not lists)
    drafts: int = 0
    placeholders: tuple[str, ...] = ()  # what each placeholder asks the author to write
    empty: bool = False  # nothing but headings (and the help note)
    parts: tuple[str, ...] = ()  # which components' styles and scripts it needs (see microsite.assets)
    inline_code: tuple[str, ...] = ()  # the author's own inline code, described
    errors: tuple[str, ...] = ()  # mistakes a macro reported in the page (engines without our plugin)


def is_skipped(element: Element) -> bool:
    return element.tag in NOT_READ or bool(NOT_READ_CLASSES & set((element.attrs.get("class") or "").split()))


def read_page_facts(content: str) -> PageFacts:
    """The facts in one page's rendered content (the article, without the theme around it)."""
    document = parse(f"<div>{content}</div>")
    root = document.elements[0]
    headings = document.find_all("h1")
    drafts = document.find_all("div", {"class": "microsite-draft"})
    text = document.text_of(root, is_skipped)
    return PageFacts(
        title=" ".join(document.text_of(headings[0], lambda element: element.has_class("headerlink")).split()) or None
        if headings else None,
        words=count_words(text),
        worksheets=tuple(form.attrs["data-worksheet-id"] for form in document.find_all("form", {"data-worksheet-id": True})),
        quotes=frozenset(figure.attrs["data-quote-id"] for figure in document.find_all("figure", {"data-quote-id": True})),
        drafts=sum(1 for block in drafts if "data-todo" not in block.attrs),
        placeholders=tuple(block.attrs["data-todo"] for block in drafts if "data-todo" in block.attrs),
        empty=has_nothing_but_headings(document, root),
        parts=assets.parts_used_by(content),
        inline_code=tuple(describe_inline_code(document)),
        errors=tuple(element.attrs.get("data-microsite-error") or "" for element in document.find_all(attrs={"data-microsite-error": True})),
    )


def has_nothing_but_headings(document: Document, root: Element) -> bool:
    def skipped(element: Element) -> bool:
        return element.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or element.has_class("microsite-help-note")

    if any(
        element.tag in ("form", "figure", "table", "img", "svg", "video", "iframe") or "data-microsite-late" in element.attrs
        for element in document.elements
    ):
        return False
    return not document.text_of(root, skipped).strip()


def describe_inline_code(document: Document):
    """Each piece of inline code in a page's own content, in words."""
    for element in document.elements:
        if element.tag == "script":
            yield "a <script> element" if "src" not in element.attrs else f"a <script src=\"{element.attrs['src']}\">"
        for name, value in element.attrs.items():
            if EVENT_HANDLER.match(name):
                yield f"an event handler ({name}=\"…\") on <{element.tag}>"
            elif name == "style":
                yield f"a style=\"…\" attribute on <{element.tag}>"
            elif name in ("href", "src", "action", "formaction") and value and SCRIPT_URL.match(value):
                yield f"a script address ({name}=\"{value.split(':')[0]}:…\") on <{element.tag}>"


@dataclass
class SiteFacts:
    pages: dict[str, PageFacts]  # by source path, in navigation order
    words_per_minute: int = 200
    nav_titles: dict[str, str] = field(default_factory=dict)  # titles mkdocs.yml's nav gives pages

    def of(self, src_path: str | None) -> PageFacts:
        return self.pages.get(src_path or "", PageFacts())

    def minutes(self, src_path: str) -> int:
        return reading_minutes(self.of(src_path).words, self.words_per_minute)

    def title_of(self, src_path: str) -> str:
        """A page's title as MkDocs gives it: from the nav, else its h1, else its file name."""
        title = self.nav_titles.get(src_path) or self.of(src_path).title
        return title or src_path.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()

    def worksheet_homes(self) -> dict[str, str]:
        """For each worksheet id, the first page (in navigation order) that shows it."""
        homes: dict[str, str] = {}
        for src, facts in self.pages.items():
            for worksheet_id in facts.worksheets:
                homes.setdefault(worksheet_id, src)
        return homes

    def quote_uses(self) -> dict[str, set[str]]:
        uses: dict[str, set[str]] = {}
        for src, facts in self.pages.items():
            for quote_id in facts.quotes:
                uses.setdefault(quote_id, set()).add(src)
        return uses


def collect_facts(site: SiteContext, contents: dict[str, str]) -> SiteFacts:
    """Facts for every rendered page, in navigation order."""
    order = [src for src in site.pages.order if src in contents] + [src for src in contents if src not in site.pages.urls]
    return SiteFacts(
        {src: read_page_facts(contents[src]) for src in order}, site.settings.words_per_minute, site.pages.titles
    )


@dataclass
class Verdict:
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # stop the build before anything is published


def judge(site: SiteContext, facts: SiteFacts, strict: bool) -> Verdict:
    """What the finished build must warn about, and what stops it."""
    # Imported here: the components import this package's context.
    from .components.helplines import stale_check_warnings
    from .components.quote import published_quotes

    verdict = Verdict()
    label = lambda src: site.page_label(PageRef(src, site.pages.urls.get(src, "")))  # noqa: E731
    for src, page in facts.pages.items():
        verdict.errors += [f"{label(src)}: {error}" for error in page.errors]
        if page.inline_code and src not in site.settings.allow_inline_code:
            verdict.errors.append(inline_code_message(label(src), page.inline_code))
    quotes_file = site.label(site.root / site.settings.quotes_file)
    used = facts.quote_uses()
    for quote_id in published_quotes(site.data.quotes, site.settings.untraced_quotes):
        if quote_id not in used:
            verdict.warnings.append(
                f"{quotes_file}: quote '{quote_id}' is not used on any page; call it with {{{{ quote('{quote_id}') }}}} or remove it"
            )
    verdict.warnings += missing_messages_warning(site)
    verdict.warnings += stale_check_warnings(
        site.data.helplines, site.label(site.root / site.settings.helplines_file), datetime.date.today()
    )
    for src, page in facts.pages.items():
        if page.empty and site.pages.in_section(src):
            verdict.warnings.append(
                f"{label(src)}: the page has nothing but its title; write its text, or remove it from nav in mkdocs.yml"
            )
    unfinished = unfinished_messages(site, facts, label, "" if strict else " (`mkdocs build --strict` stops until you do)")
    (verdict.errors if strict else verdict.warnings).extend(unfinished)
    return verdict


def missing_messages_warning(site: SiteContext) -> list[str]:
    """Messages the guide's language has no words for: shown in English, and a warning."""
    missing = site.messages.missing()
    if not missing:
        return []
    listed = "; ".join(f"'{message}'" for message in missing)
    return [
        f"mkdocs.yml: theme: language '{site.language}': {len(missing)} of our messages have no words in this "
        f"language and are shown in English ({listed}); add them to microsite/locale/{site.language}/LC_MESSAGES/"
        f"microsite.po, or give your own words in {site.settings.messages_file}"
    ]


def inline_code_message(page_label: str, found: tuple[str, ...]) -> str:
    what = "; ".join(dict.fromkeys(found))
    return (
        f"{page_label}: holds inline code that the Content-Security-Policy would have to allow ({what}); "
        "move behaviour into a component's script and styles into its stylesheet, or, if you trust this page's "
        "code, list the page under allow_inline_code (plugins: - microsite:) in mkdocs.yml"
    )


def unfinished_messages(site: SiteContext, facts: SiteFacts, label, aside: str) -> list[str]:
    """What stops a strict build: drafts, placeholders, quotes still to check."""
    messages = []
    drafts = sorted(label(src) for src, page in facts.pages.items() if page.drafts)
    if drafts:
        messages.append(
            "these pages still hold text copied from the source article (a draft block); "
            f"rewrite it in your own words and remove the draft block before publishing{aside}:\n"
            + "\n".join(f"  - {page}" for page in drafts)
        )
    # By page, and within a page in the order the author meets them.
    todos = sorted(((label(src), todo) for src, page in facts.pages.items() for todo in page.placeholders), key=lambda item: item[0])
    if todos:
        messages.append(
            "these pages still hold placeholders (a placeholder block); write what each one asks for "
            f"and remove the block before publishing{aside}:\n" + "\n".join(f"  - {page}: {todo}" for page, todo in todos)
        )
    unchecked = sorted(quote_id for quote_id, quote in site.data.quotes.items() if quote.needs_review)
    if unchecked:
        messages.append(
            f"{site.label(site.root / site.settings.quotes_file)}: these quotes were found by `microsite new` and still "
            "say 'review: needed'; check each speaker and role against the source, then remove the 'review' line"
            f"{aside}:\n" + "\n".join(f"  - {quote_id}" for quote_id in unchecked)
        )
    return messages


# --- The last touches to each page ---------------------------------------------


def site_path(site: SiteContext) -> str:
    """The path the site is served under ("/insecurity-guide/"), for pages that
    may be shown at any address (the 404 page)."""
    from urllib.parse import urlsplit

    path = urlsplit(site.site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def shows_reading_time(site: SiteContext, facts: SiteFacts, page: PageRef, choice: str | None) -> bool:
    """Chapters (pages inside a nav section) show it; front matter can say otherwise."""
    if choice in ("on", "off"):
        return choice == "on"
    return site.pages.in_section(page.src_path) and page.url != ""


def finish_page(
    html: str, site: SiteContext, facts: SiteFacts, page: PageRef | None, runtime_styles: tuple[str, ...] = ()
) -> str:
    """A rendered page with its late parts filled, reading time, help link,
    quick exit, our styles and scripts, and its Content-Security-Policy.

    `page` is None for theme pages that are not Markdown pages (404.html): their
    links are absolute, since they may be shown at any address.
    `runtime_styles` are stylesheets the theme's own scripts add (see csp.styles_added_by_script).
    """
    document = parse(html)
    link = (lambda target: site_path(site) + target) if page is None else (lambda target: relative_url(target, page.url))
    ref = page or PageRef("", "")
    edits: list[tuple[int, int, str]] = []
    for element in document.find_all(attrs={"data-microsite-late": True}):
        fill = LATE_PARTS[element.attrs["data-microsite-late"]]
        edits.append((element.start, element.end, str(fill(site, facts, ref, element.attrs))))
    marker = document.find("meta", {"name": READING_TIME_META})
    if marker is not None:
        edits.append((marker.start, marker.end, ""))
    if page is not None and shows_reading_time(site, facts, page, marker.attrs.get("content") if marker else None):
        edits += reading_time_edit(document, facts.minutes(page.src_path), site.messages)
    help_url = link(site.pages.url_of(site.settings.help_page))
    for anchor in document.find_all("a", {"data-microsite-help-link": True}):
        tag = start_tag(anchor, {"href": help_url})
        edits.append((anchor.start, anchor.end, f"{tag}{escape(site.messages.t('Get help now'))}</a>"))
    edits += quick_exit_edits(document, site)
    edits += theme_toggle_edits(document)
    edits += asset_edits(document, bundle_of(site, facts, page), link)
    return csp.add_content_security_policy(patch(html, edits), runtime_styles)


def reading_time_edit(document: Document, minutes: int, messages) -> list[tuple[int, int, str]]:
    article = document.find("article") or document
    headings = [h1 for h1 in document.find_all("h1") if article is document or article in h1.ancestors()]
    if not headings:
        return []
    words = messages.tn("About {n} minute to read", "About {n} minutes to read", minutes)
    note = f'\n<p class="microsite-reading-time">{escape(words)}</p>'
    return [(headings[0].end, headings[0].end, note)]


def quick_exit_edits(document: Document, site: SiteContext) -> list[tuple[int, int, str]]:
    """The early script that covers a returning tab: gone when the quick exit is
    switched off, its neutral title in the guide's language otherwise. (The
    control itself is the header's late part "quick-exit".)"""
    edits = []
    for script in document.find_all("script", {"data-microsite-quick-exit": True}):
        if site.settings.quick_exit.enabled:
            edits.append((script.start, script.inner_start, start_tag(script, {"data-title": site.messages.t("Continue")})))
        else:
            edits.append((script.start, script.end, ""))
    return edits


# The form that owns the theme's menu and search toggles (see theme_toggle_edits).
TOGGLES_FORM = "microsite-toggles"


def theme_toggle_edits(document: Document) -> list[tuple[int, int, str]]:
    """The theme's menu and search toggles, made valid HTML with the same behaviour.

    Material's base.html (outside any block) gives these two hidden
    checkboxes autocomplete="off", so that a browser restoring form state
    (Back without the back-forward cache; Firefox on reload) does not reopen
    the menu or the search. HTML allows autocomplete only on inputs that take
    text, and the Nu Html Checker reports it. A form with autocomplete="off"
    that owns them through their `form` attribute does the same, validly; it
    comes first in the body, so it owns them before their state is restored.

    Zensical's base.html also gives the empty label that closes the menu
    (`md-overlay`) aria-hidden, which HTML does not allow on the label of a
    form control; it holds nothing to hide, so the attribute goes.
    """
    body = document.find("body")
    if body is None:
        return []
    def in_body(tag: str, attrs: dict) -> list[Element]:
        return [element for element in document.find_all(tag, attrs) if body in element.ancestors()]

    toggles = in_body("input", {"class": "md-toggle", "type": "checkbox", "autocomplete": "off"})
    overlays = in_body("label", {"class": "md-overlay", "aria-hidden": True})
    edits = [(overlay.start, overlay.inner_start, start_tag(overlay, {"aria-hidden": None})) for overlay in overlays]
    if toggles:
        edits.append((body.inner_start, body.inner_start, f'\n<form id="{TOGGLES_FORM}" autocomplete="off" hidden></form>'))
        edits += [(toggle.start, toggle.end, start_tag(toggle, {"autocomplete": None, "form": TOGGLES_FORM})) for toggle in toggles]
    return edits


def bundle_of(site: SiteContext, facts: SiteFacts, page: PageRef | None) -> assets.Bundle:
    """The page's own bundle of our styles and scripts (theme pages: what every page needs)."""
    parts = facts.of(page.src_path).parts if page is not None and page.src_path in facts.pages else ()
    return assets.bundle(parts or assets.every_page_parts(), assets.lazy_words(site.messages))


def all_bundles(site: SiteContext, facts: SiteFacts) -> list[assets.Bundle]:
    """Every bundle the site's pages load."""
    words = assets.lazy_words(site.messages)
    return [assets.bundle(parts, words) for parts in
            [assets.every_page_parts()] + [page.parts for page in facts.pages.values() if page.parts]]


def asset_edits(document: Document, bundle: assets.Bundle, link) -> list[tuple[int, int, str]]:
    head = document.find("head")
    body = document.find("body")
    if head is None or body is None:
        return []
    style = f'<link rel="stylesheet" href="{link(bundle.css)}">' if bundle.css else ""
    script = "".join(f'<script src="{link(address)}"></script>' for address in bundle.scripts)
    return [(head.inner_end, head.inner_end, style), (body.inner_end, body.inner_end, script)]
