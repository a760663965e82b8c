"""axe-core in the browser: shared by every test that checks a page's accessibility."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page, tags=WCAG_TAGS) -> list[dict]:
    """axe-core's violations on the page as it is now (injected through the
    DevTools protocol, so the page's Content-Security-Policy does not block it)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags,
    )
    return result["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


def violations_in_fragment(page, html: str, title: str) -> str:
    """axe's findings, described, for a component's HTML alone on an otherwise valid page."""
    page.set_content(f'<html lang="en"><head><title>{title}</title></head><body><main>{html}</main></body></html>')
    return describe_violations(run_axe(page))
