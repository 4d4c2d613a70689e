"""Sentence segmentation on concrete news copy: each case says which statements we expect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.models import Span
from app.core.segment import segment

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def sentences(text: str) -> list[str]:
    return [span.of(text) for span in segment(text)]


def paragraphs(text: str) -> list[int]:
    return [span.paragraph for span in segment(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Mr. Khan met Mrs. Ali and Dr. Raza. Prof. Naz was absent.",
            ["Mr. Khan met Mrs. Ali and Dr. Raza.", "Prof. Naz was absent."],
            id="titles",
        ),
        pytest.param(
            "Gen. Asim Munir spoke. Lt. Col. Tariq and Maj. Gen. Sharif listened.",
            ["Gen. Asim Munir spoke.", "Lt. Col. Tariq and Maj. Gen. Sharif listened."],
            id="military-ranks",
        ),
        pytest.param(
            "Sen. Lindsey Graham and Rep. Adam Smith disagreed. Gov. Newsom did not.",
            ["Sen. Lindsey Graham and Rep. Adam Smith disagreed.", "Gov. Newsom did not."],
            id="political-titles",
        ),
        pytest.param(
            "Lt.-Gen. Asim Malik said so. Others agreed.",
            ["Lt.-Gen. Asim Malik said so.", "Others agreed."],
            id="hyphenated-rank",
        ),
        pytest.param(
            "The attack took place on St. Patrick's Day. Nobody was hurt.",
            ["The attack took place on St. Patrick's Day.", "Nobody was hurt."],
            id="saint",
        ),
        pytest.param(
            "The office is on Main St. The building was empty.",
            ["The office is on Main St.", "The building was empty."],
            id="street-ends-sentence",
        ),
        pytest.param(
            "Talks began on Jan. 5 and ended Feb. 9. A deal was signed on Sept. 11.",
            ["Talks began on Jan. 5 and ended Feb. 9.", "A deal was signed on Sept. 11."],
            id="months",
        ),
        pytest.param(
            "The U.S. Senate and the U.K. Parliament voted. The U.N. Security Council did not.",
            ["The U.S. Senate and the U.K. Parliament voted.", "The U.N. Security Council did not."],
            id="dotted-acronyms",
        ),
        pytest.param(
            "The sanctions were imposed by the U.S. The E.U. followed.",
            ["The sanctions were imposed by the U.S.", "The E.U. followed."],
            id="acronym-ends-sentence",
        ),
        pytest.param(
            "Major powers, e.g. China and Russia, stayed quiet. The envoy, i.e. the most senior "
            "diplomat, left.",
            ["Major powers, e.g. China and Russia, stayed quiet.",
             "The envoy, i.e. the most senior diplomat, left."],
            id="eg-ie",
        ),
        pytest.param(
            "They seized rifles, grenades, etc. and fled. They also took food, water, etc. The "
            "police gave chase.",
            ["They seized rifles, grenades, etc. and fled.", "They also took food, water, etc.",
             "The police gave chase."],
            id="etc",
        ),
        pytest.param(
            "The case Smith vs. Jones and Roe v. Wade were cited. Judges agreed.",
            ["The case Smith vs. Jones and Roe v. Wade were cited.", "Judges agreed."],
            id="versus",
        ),
        pytest.param(
            "No. 10 Downing Street declined to comment. He said no. The matter was closed.",
            ["No. 10 Downing Street declined to comment.", "He said no.", "The matter was closed."],
            id="number-sign",
        ),
        pytest.param(
            "The strikes began at 4:30 a.m. local time and ended at 5 p.m. on Friday.",
            ["The strikes began at 4:30 a.m. local time and ended at 5 p.m. on Friday."],
            id="am-pm-mid-sentence",
        ),
        pytest.param(
            "The meeting ended at 5 p.m. The delegations left.",
            ["The meeting ended at 5 p.m.", "The delegations left."],
            id="pm-ends-sentence",
        ),
        pytest.param(
            "Talks broke down at 11 p.m. Iran's delegation left at 9 a.m. Monday.",
            ["Talks broke down at 11 p.m.", "Iran's delegation left at 9 a.m. Monday."],
            id="pm-then-name-vs-weekday",
        ),
        pytest.param(
            "Shares of Apple Inc. rose. The deal went to Lockheed Martin Corp. The Pentagon "
            "was silent.",
            ["Shares of Apple Inc. rose.", "The deal went to Lockheed Martin Corp.",
             "The Pentagon was silent."],
            id="company-suffixes",
        ),
        pytest.param(
            "J. K. Rowling and George W. Bush signed the letter. It was posted on X. Col. Ali "
            "saw it. Sen. Graham of the U.S. Sen. Committee did not.",
            ["J. K. Rowling and George W. Bush signed the letter.", "It was posted on X.",
             "Col. Ali saw it.", "Sen. Graham of the U.S. Sen. Committee did not."],
            id="initials",
        ),
        pytest.param(
            "Prices rose 3.5% to $1.2bn. Growth was 2.5%. The rupee hit 278.55 per dollar.",
            ["Prices rose 3.5% to $1.2bn.", "Growth was 2.5%.", "The rupee hit 278.55 per dollar."],
            id="decimals-and-money",
        ),
        pytest.param(
            '"We will fight," he said. "Stop!" she shouted. "Why?" asked the minister.',
            ['"We will fight," he said.', '"Stop!" she shouted.', '"Why?" asked the minister.'],
            id="quote-ends-mid-sentence",
        ),
        pytest.param(
            "“We will fight,” he said. “Stop!” she shouted.",
            ["“We will fight,” he said.", "“Stop!” she shouted."],
            id="curly-quote-ends-mid-sentence",
        ),
        pytest.param(
            '"Get down!" Ahmed shouted, pulling his son away. "It\'s over." Fatima Bibi said. '
            '“Why trust them?” Mr. Khan asked.',
            ['"Get down!" Ahmed shouted, pulling his son away.', '"It\'s over." Fatima Bibi said.',
             "“Why trust them?” Mr. Khan asked."],
            id="quote-then-named-speaker",
        ),
        pytest.param(
            '"It\'s over!" Police said the man fled. "Go!" He said: "Now."',
            ['"It\'s over!"', "Police said the man fled.", '"Go!"', 'He said: "Now."'],
            id="quote-then-new-sentence",
        ),
        pytest.param(
            'He said: "We will not stop. We will win." The crowd cheered.',
            ['He said: "We will not stop.', 'We will win."', "The crowd cheered."],
            id="quote-across-sentences",
        ),
        pytest.param(
            "He said: “We will not stop. We will win.” The crowd cheered.",
            ["He said: “We will not stop.", "We will win.”", "The crowd cheered."],
            id="curly-quote-across-sentences",
        ),
        pytest.param(
            "The targets were “terrorist hideouts”. Iran called it a “violation of law.” Both "
            "sides (officially) disagree. (The ministry denied this.) Talks go on.",
            ["The targets were “terrorist hideouts”.", "Iran called it a “violation of law.”",
             "Both sides (officially) disagree.", "(The ministry denied this.)", "Talks go on."],
            id="closers-after-stop",
        ),
        pytest.param(
            "He said 'enough.' Then he left.",
            ["He said 'enough.'", "Then he left."],
            id="single-quotes",
        ),
        pytest.param(
            "Well... maybe not. He said…. Then he left. It hurt… and it still does.",
            ["Well... maybe not.", "He said….", "Then he left.", "It hurt… and it still does."],
            id="ellipses",
        ),
        pytest.param(
            "Wait . . . maybe later. The law [...] was clear. The law […] Was clear.",
            ["Wait . . . maybe later.", "The law [...] was clear.", "The law […] Was clear."],
            id="spaced-ellipsis-and-elision",
        ),
        pytest.param(
            "Really?! Yes!! Who ordered the strikes? Why now?",
            ["Really?!", "Yes!!", "Who ordered the strikes?", "Why now?"],
            id="question-and-exclamation-runs",
        ),
        pytest.param(
            "Sales of the iPhone fell. eBay said so.",
            ["Sales of the iPhone fell.", "eBay said so."],
            id="camel-case-start",
        ),
        pytest.param(
            "He was born in 1950. 2020 was his last year.",
            ["He was born in 1950.", "2020 was his last year."],
            id="number-starts-sentence",
        ),
        pytest.param(
            "A headline without a stop", ["A headline without a stop"], id="headline",
        ),
        pytest.param(
            "پاکستان نے ایران میں حملہ کیا۔ ایران نے کیا کہا؟ یہ غلط ہے! ترجمان نے کہا.",
            ["پاکستان نے ایران میں حملہ کیا۔", "ایران نے کیا کہا؟", "یہ غلط ہے!", "ترجمان نے کہا."],
            id="urdu",
        ),
        pytest.param(
            "شنت باكستان غارات على إيران. هل سترد طهران؟ لا أحد يعرف!",
            ["شنت باكستان غارات على إيران.", "هل سترد طهران؟", "لا أحد يعرف!"],
            id="arabic",
        ),
        pytest.param(
            "پاکستان به ایران حمله کرد. تهران پاسخ داد؟ بله.",
            ["پاکستان به ایران حمله کرد.", "تهران پاسخ داد؟", "بله."],
            id="persian",
        ),
        pytest.param(
            "\u202bپاکستان نے حملہ کیا۔\u202c \u202bایران نے انکار کیا۔\u202c",
            ["\u202bپاکستان نے حملہ کیا۔\u202c", "\u202bایران نے انکار کیا۔\u202c"],
            id="rtl-embedding-marks",
        ),
        pytest.param(
            "The Iranian side said “we are ready” 🇮🇷. Pakistan replied 👍🏽! Talks 🤝 go on.",
            ["The Iranian side said “we are ready” 🇮🇷.", "Pakistan replied 👍🏽!", "Talks 🤝 go on."],
            id="emoji",
        ),
    ],
)
def test_sentences(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected, numbers",
    [
        pytest.param(
            "Headline here\nFirst para. Still first.\nSecond para",
            ["Headline here", "First para.", "Still first.", "Second para"], [1, 2, 2, 3],
            id="one-paragraph-per-line",
        ),
        pytest.param(
            "\n\n  One.\n\n\t\n   \nTwo.\n\n",
            ["One.", "Two."], [1, 2],
            id="blank-lines-not-counted",
        ),
        pytest.param(
            "One.\r\nTwo.\rThree.\u2028Four.\u2029Five.\x0cSix.\x85Seven.\x0bEight.",
            ["One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven.", "Eight."],
            [1, 2, 3, 4, 5, 6, 7, 8],
            id="every-line-break",
        ),
        pytest.param(
            "\tTabbed start.\tTabbed end.\t\u00a0", ["Tabbed start.", "Tabbed end."], [1, 1],
            id="tabs-and-nbsp",
        ),
        pytest.param(
            "Key points:\n• Iran denied it.\n- Pakistan said yes\n* Talks go on\n1. First item."
            " More.\n2) Second\n(3) Third\na) Fourth\n–  Fifth",
            ["Key points:", "Iran denied it.", "Pakistan said yes", "Talks go on", "First item.",
             "More.", "Second", "Third", "Fourth", "Fifth"],
            [1, 2, 3, 4, 5, 5, 6, 7, 8, 9],
            id="bullets-and-numbers",
        ),
        pytest.param(
            "•\n-\n1.\n---", ["•", "-", "1.", "---"], [1, 2, 3, 4],
            id="lone-markers-are-kept",
        ),
        pytest.param(
            "A. Khan said so.\nA. The first item", ["A. Khan said so.", "A. The first item"], [1, 2],
            id="capital-letter-is-not-a-marker",
        ),
        pytest.param(
            "Three things. 1. Cost. 2. Time.",
            ["Three things.", "1. Cost.", "2. Time."], [1, 1, 1],
            id="numbers-inside-a-line",
        ),
    ],
)
def test_lines_and_paragraphs(text, expected, numbers):
    assert sentences(text) == expected
    assert paragraphs(text) == numbers


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n \t\n", "\u2028\u3000\r\n"])
def test_nothing_to_say(text):
    assert segment(text) == []


def test_offsets_are_code_points():
    text = "🇵🇰 said 𝐲𝐞𝐬. Iran 😠 said no."
    spans = segment(text)
    assert spans == [Span(0, 12, 1), Span(13, len(text), 1)]
    assert [s.of(text) for s in spans] == ["🇵🇰 said 𝐲𝐞𝐬.", "Iran 😠 said no."]


def test_control_characters_do_not_break_anything():
    text = "One\x00two. Three\x07.\x1fFour\x1b."
    assert sentences(text) == ["One\x00two.", "Three\x07.", "Four\x1b."]


def test_long_paragraph_is_linear():
    text = ("The ministry said 2.5% of the $1.2bn was spent by the U.S. in Jan. 2024. " * 5000)
    spans = segment(text)
    assert len(spans) == 5000
    assert all(s.paragraph == 1 for s in spans)


def test_seed_article_matches_the_reference():
    if not (CORPUS / "seed-article.gold.json").exists():
        pytest.skip(f"the shared seed corpus is not at {CORPUS}")
    raw = (CORPUS / "seed-article.txt").read_text(encoding="utf-8")
    byline, body = raw.split("\n", 1)  # the importer keeps the byline as metadata
    assert byline.startswith("By ")
    gold = json.loads((CORPUS / "seed-article.gold.json").read_text(encoding="utf-8"))
    spans = segment(body)
    assert len(spans) == len(gold["statements"]) == 18
    for span, want in zip(spans, gold["statements"]):
        assert span.of(body).startswith(want["starts_with"]), span.of(body)
        assert span.paragraph == want["paragraph"]
    # Each statement runs up to the next one: nothing of the body is dropped.
    for span, following in zip(spans, spans[1:]):
        assert body[span.end : following.start].isspace()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“Pack. Your. Bags.” The landlord slammed the door.", ["“Pack. Your. Bags.”", "The landlord slammed the door."]),
        ("She wrote: «Never again. Not here.» Then she resigned.", ["She wrote: «Never again. Not here.»", "Then she resigned."]),
        ('"Hold. The. Line." The captain waited.', ['"Hold. The. Line."', "The captain waited."]),
        ("“Run. Run now,” the medic yelled at the crowd. Nobody moved.", ["“Run. Run now,” the medic yelled at the crowd.", "Nobody moved."]),
        (
            "“The bridge is gone. The road north is cut off too,” the mayor said.",
            ["“The bridge is gone.", "The road north is cut off too,” the mayor said."],
        ),
        ("“Quiet.” Then a second voice answered. “Wait.”", ["“Quiet.”", "Then a second voice answered.", "“Wait.”"]),
    ],
    ids=["clipped-curly", "guillemets", "straight", "clipped-then-attribution", "long-pieces-split", "closed-quotes"],
)
def test_full_stops_inside_a_clipped_quotation_do_not_split_it(text, expected):
    assert sentences(text) == expected
