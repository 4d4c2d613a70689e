"""A web page's outlet and headline as a reader sees them.

The outlet is its proper name: the page's own ``og:site_name``, ``application-name`` or
JSON-LD publisher, else the site suffix of its title ("… | NJ.com"), else the site name the
extractor found unless it is only the domain with a capital letter ("Nj"), else the domain
as written in the page's canonical address ("nj.com"). The headline loses its site suffix
("… | Outlet", "… – Outlet", "… - Outlet News") and a section behind a bar ("… | World").
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

_SUFFIX = re.compile(r"^(?P<head>.*\S)\s+(?P<sep>\||–|—|-|::|·|•|»)\s+(?P<tail>[^|–—»]{1,70}?)\s*$")
_OUTLET_WORD = re.compile(
    r"(?i)(?:\b(?:news|online|times|post|daily|today|herald|tribune|journal|guardian|gazette|telegraph|express|"
    r"mail|network|tv|radio|agency|press|media|chronicle|observer|standard|independent|courier|sun|star|"
    r"review|report|wire|dispatch|monitor|insider|weekly|magazine)\b|\.(?:com|org|net|info|news|co(?:\.\w\w)?|\w\w))$"
)
_WORDS = re.compile(r"\S+")
_SECTIONS = frozenset(
    "world news politics opinion business sport sports us uk europe asia africa americas middle east "
    "live analysis national international local breaking latest".split()
)
_META_NAMES = ("og:site_name", "application-name", "al:android:app_name", "al:ios:app_name")


def _fold(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", name.casefold())


def _words(text: str) -> int:
    return len(_WORDS.findall(text))


def _meta(tree, key: str) -> str | None:  # noqa: ANN001
    for element in tree.iter("meta"):
        if (element.get("property") or element.get("name") or "").strip().lower() == key:
            value = " ".join((element.get("content") or "").split())
            if value:
                return value
    return None


def _json_ld_publisher(tree) -> str | None:  # noqa: ANN001
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        seen = 0
        while stack and seen < 200:
            seen += 1
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                publisher = item.get("publisher")
                if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
                    return " ".join(publisher["name"].split())
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return None


def _domain(tree) -> str | None:  # noqa: ANN001
    addresses = [e.get("href") for e in tree.iter("link") if (e.get("rel") or "").lower() == "canonical"]
    addresses.append(_meta(tree, "og:url"))
    for address in addresses:
        if not address:
            continue
        try:
            host = urlsplit(address.strip()).hostname
        except ValueError:
            continue
        if host and "." in host:
            host = host.removeprefix("www.").removeprefix("amp.").removeprefix("m.")
            return host
    return None


def _looks_like_domain(name: str, domain: str | None) -> bool:
    if not domain:
        return False
    label = domain.split(".")[0]
    return _fold(name) in (_fold(label), _fold(domain))


def outlet_and_title(tree, title: str | None, found_site: str | None) -> tuple[str | None, str | None]:  # noqa: ANN001
    """The outlet's proper name and the headline without its site suffix."""
    domain = _domain(tree)
    declared = next((v for v in (_meta(tree, k) for k in _META_NAMES) if v), None) or _json_ld_publisher(tree)
    names = {_fold(n) for n in (declared, found_site, domain) if n}
    if domain:
        names.add(_fold(domain.split(".")[0]))
    headline, suffix = strip_site_suffix(title, names) if title else (title, None)
    if suffix is None:  # the headline came without it (og:title): the page's <title> may say
        page_title = next((" ".join(t.text_content().split()) for t in tree.iter("title")), "")
        if page_title and page_title != title:
            suffix = strip_site_suffix(page_title, names)[1]
    outlet = declared or suffix
    if not outlet and found_site and not _looks_like_domain(found_site, domain):
        outlet = found_site
    if not outlet and found_site and domain and _fold(found_site) == _fold(domain.split(".")[0]):
        outlet = domain  # "Nj" is the domain's first word with a capital: say the domain
    if not outlet:
        outlet = domain or found_site
    return outlet, headline


def strip_site_suffix(title: str, names: set[str] = frozenset()) -> tuple[str, str | None]:
    """``title`` without its site suffix (and a section behind a bar), and the site's name."""
    site = None
    while True:
        m = _SUFFIX.match(title)
        if m is None:
            break
        head, sep, tail = m["head"], m["sep"], m["tail"].strip()
        if _words(head) < 2 or _words(tail) > 5:
            break
        named = _fold(tail) in names or any(n and _fold(tail).startswith(n) for n in names if len(n) > 3)
        if named or (sep in "|·•»::" and _words(tail) <= 4) or _OUTLET_WORD.search(tail):
            if site is None and (named or _OUTLET_WORD.search(tail)):
                site = tail
            elif site is None and sep in "|·•»::" and not set(tail.casefold().split()) <= _SECTIONS:
                site = tail  # the last piece behind a bar: the site, unless a section comes later
            title = head
            continue
        break
    return title, site
