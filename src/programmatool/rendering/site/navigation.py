"""Where every page of the site lives, the names its files get and the links between them: all
links are relative, so the site works from a folder on disk and on any static host."""

from __future__ import annotations

import re
from dataclasses import dataclass

PROGRAMMES = "programma"


@dataclass(frozen=True)
class Link:
    """A link in a navigation bar or breadcrumb trail; ``huidig`` marks the page itself."""

    tekst: str
    href: str
    huidig: bool = False


def programme_folder(code: str) -> str:
    """The folder of a programme's pages, relative to the site's root."""
    return f"{PROGRAMMES}/{code}"


def to_root(path: str) -> str:
    """The relative way from the page at ``path`` back to the site's root ("" at the root)."""
    return "../" * path.count("/")


def slugs(ids: list[str]) -> dict[str, str]:
    """A file-name part for each id: lower case (hosts that ignore case must not mix up ``I``
    and ``i``), letters, digits and hyphens only, unique within the list."""
    taken: set[str] = set()
    result: dict[str, str] = {}
    for ident in ids:
        if ident in result:
            continue
        base = re.sub(r"[^a-z0-9]+", "-", ident.lower()).strip("-") or "x"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        result[ident] = slug
    return result


def site_nav(path: str, current: str) -> list[Link]:
    """The bar on top of every page: the start page, the search page and the open data."""
    root = to_root(path)
    items = [
        ("Alle programma's", "index.html"),
        ("Zoeken", "zoeken.html"),
        ("Open data", "data.html"),
    ]
    return [Link(tekst, root + href, href == current) for tekst, href in items]


def programme_nav(items: list[tuple[str, str]], current: str) -> list[Link]:
    """A programme's own pages (file names inside its folder), the current one marked."""
    return [Link(tekst, href, href == current) for tekst, href in items]
