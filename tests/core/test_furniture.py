"""Page furniture: lines that are not the article, told from article prose that only
contains the same words. Written in new words (no eval or seed sentence)."""

from __future__ import annotations

import pytest

from app.core.furniture import detect, line_family, sentence_family
from app.core.segment import segment


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to The Lantern's morning briefing",
        "Sign up for our free weekly newsletter on river politics.",
        "Get the Harbour Post digest delivered to your inbox every morning.",
        "Have a tip? Email the newsroom at tips@example.org.",
        "Got a news tip about the dam project? Contact us.",
        "Read more: Valley farmers brace for a second dry season",
        "READ MORE | Ministers clash over grain quotas",
        "Related: How the northern pipeline deal fell apart",
        "Related Coverage: Ceasefire talks stall again",
        "Like this story? Share it with a friend.",
        "Enjoyed this article? Pass it on.",
        "UPDATED: 4 March 2025, 18:02 GMT",
        "Last updated 3 hours ago",
        "Published on Sept. 9, 2024 at 7:15 a.m.",
        "SOURCE: Regional statistics office",
        "Image: A convoy crosses the bridge at dawn. Mira Castell/Northwire",
        "Photo: Tomas Ried / Coastline Agency",
        "Credit: Lena Ostrova for The Lantern",
        "A fisherman mends his nets in the harbour. Paolo Verde/Getty Images",
        "(Photo by Ana Lucero/Reuters)",
        "Copyright 2025 The Valley Courier. All rights reserved.",
        "© 2024 Meridian Media Group",
        "Advertisement",
        "Story continues below advertisement",
        "Click here to read the full report.",
        "Follow us on Telegram for live updates.",
        "Follow Dana Whitcombe on X",
        "Download our app for breaking alerts.",
        "Reporting by Ines Halloran in Lisbon; Editing by Marcus Tell",
        "Additional reporting by Yusuf Demir",
        "6 min read",
        "Share this article",
        "Image source, Northwire Agency",
        "Media caption, Firefighters battle the blaze in Corrin",
        "Brava, 19 May 2025",
        "14:05 GMT",
        "Home | Region | Business | Sport",
        "Become a member",
        "This article is for subscribers only.",
    ],
)
def test_furniture_lines_are_found(line):
    spans = segment(line)
    assert spans, line
    assert all(detect(line, spans)), (line, detect(line, spans))


@pytest.mark.parametrize(
    "sentence",
    [
        "Read more than 200 pages of the indictment and the pattern is plain, the lawyer said.",
        "Share prices in Oslo fell 3% after the announcement.",
        "He urged followers to subscribe to the channel before it was blocked.",
        "Subscribers to the state broadcaster complained about the blackout.",
        "Follow-up talks are planned for next week in Geneva.",
        "Officials will follow the money, the prosecutor said.",
        "The photo, taken by a resident, showed smoke over the depot.",
        "A source close to the talks said the draft was ready.",
        "Sources in the ministry denied the report on Tuesday.",
        "Credit Suisse's former bankers were charged in Zurich.",
        "Updated figures from the ministry show 40 people were injured.",
        "Update on the border: the army said three posts were shelled.",
        "The minister said she would sign up to the new accord.",
        "Click-through rates on the campaign's adverts fell, the report found.",
        "Reporting by the state agency suggested the talks had collapsed.",
        "Related protests broke out in three other cities.",
        "More than 30 people were detained overnight.",
        "Watch towers along the border were abandoned last year.",
        "They liked this story less than the last one, the editor admitted.",
        "The tipster, who asked not to be named, had a tip for the police.",
        "Villagers said they had no way to download the evacuation map.",
        "Join talks with the rebels, the envoy told the government.",
        "Copyright lawyers for the broadcaster filed the complaint.",
    ],
)
def test_article_prose_is_never_furniture(sentence):
    spans = segment(sentence)
    assert detect(sentence, spans) == [None] * len(spans), sentence


def test_only_the_furniture_lines_of_an_article_are_marked_and_offsets_are_the_texts():
    text = (
        "The council voted to close the old bridge on Monday.\n"
        "Sign up for our newsletter. It's free.\n"
        "“We had no choice,” the mayor said.\n"
        "Read more: Bridge repairs to cost millions\n"
        "Work will start in May. Follow us on Facebook for updates."
    )
    spans = segment(text)
    found = detect(text, spans)
    marked = [text[s.start : s.end] for s, f in zip(spans, found) if f]
    assert marked == [
        "Sign up for our newsletter.",
        "It's free.",
        "Read more: Bridge repairs to cost millions",
        "Follow us on Facebook for updates.",
    ]
    assert [text[s.start : s.end] for s, f in zip(spans, found) if not f] == [
        "The council voted to close the old bridge on Monday.",
        "“We had no choice,” the mayor said.",
        "Work will start in May.",
    ]


def test_a_long_line_behind_a_label_word_is_prose():
    line = "Source: " + " ".join(["the minister described the plan in detail"] * 6) + "."
    assert line_family(line) is None


def test_a_call_must_open_its_sentence():
    assert sentence_family("Subscribe to our newsletter.") == "call"
    assert sentence_family("“Subscribe to our channel,” the militia posted.") is None


def test_the_short_items_under_a_lone_label_are_furniture_but_prose_after_them_is_not():
    text = (
        "The river burst its banks near Ormsby on Friday.\n"
        "More on this story\n"
        "Ormsby floods\n"
        "Weather warnings\n"
        "The council opened two shelters overnight.\n"
        "Related: Ormsby's flood wall was never finished\n"
        "Why it matters"
    )
    spans = segment(text)
    marked = [text[s.start : s.end] for s, f in zip(spans, detect(text, spans)) if f]
    assert marked == [
        "More on this story", "Ormsby floods", "Weather warnings", "Related: Ormsby's flood wall was never finished"
    ]
