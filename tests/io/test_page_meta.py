"""Web pages' outlets are their proper names and headlines lose their site suffix."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from app.io.importers._page_meta import outlet_and_title, strip_site_suffix


def _tree(head: str):
    return lxml_html.document_fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")


@pytest.mark.parametrize(
    "title, names, expected",
    [
        ("Dam talks collapse in the valley | The Riverside Echo", set(), ("Dam talks collapse in the valley", "The Riverside Echo")),
        ("Dam talks collapse in the valley – Riverside Echo", {"riversideecho"}, ("Dam talks collapse in the valley", "Riverside Echo")),
        ("Dam talks collapse in the valley - Lakeshore News", set(), ("Dam talks collapse in the valley", "Lakeshore News")),
        ("Dam talks collapse | World | Lakeshore Herald", set(), ("Dam talks collapse", "Lakeshore Herald")),
        ("Dam talks collapse in the valley | World", set(), ("Dam talks collapse in the valley", None)),
        ("Farmers vs. the ministry - a year of protest", set(), ("Farmers vs. the ministry - a year of protest", None)),
        ("Rebels - and their backers - face sanctions", set(), ("Rebels - and their backers - face sanctions", None)),
    ],
)
def test_site_suffixes_come_off_headlines(title, names, expected):
    assert strip_site_suffix(title, names) == expected


def test_the_outlet_is_the_name_the_site_gives_itself():
    tree = _tree('<meta property="og:site_name" content="NJ.com"><link rel="canonical" href="https://www.nj.com/x">')
    assert outlet_and_title(tree, "Ferry fares rise again - nj.com", "Nj") == ("NJ.com", "Ferry fares rise again")


def test_without_a_declared_name_the_title_suffix_then_the_domain_as_written():
    tree = _tree('<link rel="canonical" href="https://www.lakeshoreherald.co.uk/news/1">')
    assert outlet_and_title(tree, "Ferry fares rise again | Lakeshore Herald", "Lakeshoreherald") == (
        "Lakeshore Herald",
        "Ferry fares rise again",
    )
    assert outlet_and_title(tree, "Ferry fares rise again", "Lakeshoreherald") == (
        "lakeshoreherald.co.uk",
        "Ferry fares rise again",
    )


def test_json_ld_publisher_names_the_outlet():
    tree = _tree(
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
        '"publisher": {"@type": "Organization", "name": "The Valley Courier"}}]}</script>'
    )
    assert outlet_and_title(tree, "Bridge reopens", None) == ("The Valley Courier", "Bridge reopens")
