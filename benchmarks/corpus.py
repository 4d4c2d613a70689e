"""Deterministic news-like articles for benchmarks (segmentation, import, the desk).

    generate_articles(n, seed=7) -> list[str]   n articles, each "By NAME" + body
    generate_text(mb, seed=7) -> str             article bodies, about ``mb`` MB of UTF-8
    split_byline(article) -> (byline, body)      what the importer does with the first line

Each article is plain text, one paragraph per line, the first line a byline ("By NAME").
The body has 6–12 paragraphs: an optional stop-less subheading, narration, reported speech
with reporting verbs (said, added, claimed, denied, according to…), direct quotes (curly
and straight, some ending mid-sentence, some running over two sentences), and several parties
(countries, ministries, spokespeople with titles, militant groups, international bodies),
with numbers, money, percentages, dates and abbreviations (Mr., Gen., U.S., a.m., No. 5).

The same ``seed`` always gives the same text on every platform and Python version (only
``random.Random(seed)`` with integer seeds and ``choice``/``randint`` are used), so
benchmark results from different runs and machines compare like for like. The text is
made to exercise the code, not to be true: every event, name and figure is invented.
"""

from __future__ import annotations

import random

# A "side" of a story: how the text names it, and who speaks for it.
SIDES = [
    {
        "name": "Pakistan",
        "adj": "Pakistani",
        "capital": "Islamabad",
        "body": ["Pakistan's foreign ministry", "the Foreign Office", "the Pakistani army"],
        "people": ["Mr. Ahmed Khan, a spokesman for the Foreign Office", "Maj. Gen. Ahmed Sharif",
                   "Ms. Mumtaz Zahra Baloch, the Foreign Office spokesperson"],
        "short": ["Mr. Khan", "Gen. Sharif", "Ms. Baloch"],
        "place": "Balochistan",
    },
    {
        "name": "Iran",
        "adj": "Iranian",
        "capital": "Tehran",
        "body": ["Iran's foreign ministry", "the Islamic Revolutionary Guard Corps (IRGC)",
                 "Iranian state media"],
        "people": ["Nasser Kanaani, the ministry's spokesman", "Brig. Gen. Reza Ashtiani",
                   "Dr. Hossein Amir-Abdollahian, the foreign minister"],
        "short": ["Mr. Kanaani", "Gen. Ashtiani", "Dr. Amir-Abdollahian"],
        "place": "Sistan-Baluchistan",
    },
    {
        "name": "India",
        "adj": "Indian",
        "capital": "New Delhi",
        "body": ["the Ministry of External Affairs", "India's defence ministry", "the Indian Army"],
        "people": ["Randhir Jaiswal, the ministry's spokesman", "Lt. Gen. Manoj Pande",
                   "Prof. Kavita Rao, a government adviser"],
        "short": ["Mr. Jaiswal", "Gen. Pande", "Prof. Rao"],
        "place": "Kashmir",
    },
    {
        "name": "Afghanistan",
        "adj": "Afghan",
        "capital": "Kabul",
        "body": ["the Taliban administration", "Afghanistan's interior ministry"],
        "people": ["Zabihullah Mujahid, the Taliban's chief spokesman", "Col. Abdul Wahid"],
        "short": ["Mr. Mujahid", "Col. Wahid"],
        "place": "Kunar",
    },
    {
        "name": "the Baloch separatists",
        "adj": "separatist",
        "capital": None,
        "body": ["the Balochistan Liberation Army (BLA)", "the Balochistan Liberation Front (BLF)"],
        "people": ["Jeeyand Baloch, a BLA spokesman", "a BLF commander who gave his name as Aslam"],
        "short": ["the spokesman", "the commander"],
        "place": "Makran",
    },
    {
        "name": "Jaish al-Adl",
        "adj": "militant",
        "capital": None,
        "body": ["Jaish al-Adl (the Army of Justice)", "the Sunni militant group"],
        "people": ["a spokesman for Jaish al-Adl", "the group's leader, Salahuddin Farooqui"],
        "short": ["the group", "Farooqui"],
        "place": "Saravan",
    },
]

OBSERVERS = [
    "The U.S. State Department", "The U.N. secretary-general, Antonio Guterres",
    "China's foreign ministry", "The E.U.'s foreign policy chief", "The U.K. Foreign Office",
    "Human Rights Watch", "Amnesty International", "The World Bank",
]

REPORTERS = [
    "World News DESK", "Sana Jamal", "Reza Hosseini", "Anna K. Lindqvist", "J. R. Okafor",
    "Staff Reporter", "Farah Naz and Tom O'Brien", "Émilie Dubois", "Agencies",
]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
          "Nov.", "Dec."]
SAID = ["said", "added", "claimed", "stated", "insisted", "told reporters", "wrote on X"]
SUBHEADS = ["Reaction abroad", "What happens next", "A long-running dispute",
            "Casualties disputed", "Markets react", "Background"]

NARRATION = [
    "{A} on {day} launched strikes in {bplace}, targeting what it called militant hideouts.",
    "The strikes came {n} days after {B} said it had hit targets in {aplace}.",
    "At least {n} people were killed and {m} injured, according to local officials.",
    "The border between the two countries is about {km:,} km long and largely unfenced.",
    "The talks in {acap} ended at {h} p.m. on {day} without a joint statement.",
    "Stocks in {acap} fell {pct}% on {day}, the steepest drop since {month} {year}.",
    "The {Badj} currency lost {pct}% against the U.S. dollar in a week.",
    "The trade deal, worth about ${bn}bn a year, has been on hold since {year}.",
    "Officials met at No. {n} Government House at {h} a.m. local time.",
    "The escalation comes amid a fragile security situation in the region.",
    "Independent journalists are barred from the area, and the claims could not be verified.",
    "Analysts at Moody's Investors Service Inc. cut the outlook to \"negative\".",
    "The statement did not say how many people had been killed... or who they were.",
]

REPORTED = [
    "{who} said that {A} had \"every right\" to respond.",
    "According to {body}, the strikes were \"precise, limited and proportionate\".",
    "{who} denied that any civilians had been harmed.",
    "{who} claimed that {B} had sheltered the attackers for years.",
    "{body} added that {m} suspects had been arrested since {month} {day_n}.",
    "{who} accused {B} of a \"flagrant violation\" of international law.",
    "In a statement, {body} said it had summoned the {Badj} envoy and lodged a strong protest.",
    "{obs} urged both sides to show restraint, i.e. to avoid further strikes.",
    "{obs} said it was \"deeply concerned\" and called for an independent inquiry.",
    "{who} rejected the report as \"baseless propaganda\" and said {A} would respond "
    "at a time of its choosing.",
]

QUOTES = [
    "“We will not allow anyone to threaten our people,” {who} {said}.",
    "“Our patience should not be mistaken for weakness,” {short} {said}.",
    "\"This was an act of aggression,\" {who} {said}. \"It will not go unanswered.\"",
    "{who} said: “We did not start this. We will finish it.”",
    "“Why should we trust them?” {short} asked.",
    "“Stop!” a soldier shouted as the crowd pushed towards the gate.",
    "{short} said the targets were “terrorist hideouts”.",
    "\"Everything is on the table,\" {short} said, adding: \"Diplomacy comes first.\"",
    "{who} described the attack as “cowardly and desperate”.",
    "“There is no military solution,” {obs_short} said. “Dialogue must prevail.”",
]


def generate_articles(n: int, seed: int = 7) -> list[str]:
    """``n`` articles, each a byline line ("By NAME") followed by 6–12 paragraph lines."""
    rng = random.Random(seed)
    return [_article(rng) for _ in range(n)]


def generate_text(mb: float, seed: int = 7) -> str:
    """Article bodies (bylines removed, as the importer does) separated by a blank line,
    at least ``mb`` megabytes (10**6 bytes) of UTF-8, ending at an article's end."""
    rng = random.Random(seed)
    want = int(mb * 1_000_000)
    parts: list[str] = []
    size = 0
    while size < want:
        body = split_byline(_article(rng))[1]
        parts.append(body)
        size += len(body.encode("utf-8")) + 2
    return "\n\n".join(parts)


def split_byline(article: str) -> tuple[str | None, str]:
    """``("NAME", body)`` when the first line is "By NAME", else ``(None, article)``."""
    first, _, rest = article.partition("\n")
    if first.startswith("By "):
        return first[3:].strip(), rest
    return None, article


def _with_comma(person: str) -> str:
    """Close an apposition: "Nasser Kanaani, the ministry's spokesman," said..."""
    return person + "," if ", " in person else person


def _article(rng: random.Random) -> str:
    a, b = rng.sample(SIDES, 2)
    values = {
        "A": a["name"], "B": b["name"],
        "Badj": b["adj"], "acap": a["capital"] or a["place"], "aplace": a["place"],
        "bplace": b["place"],
    }
    paragraphs = []
    for i in range(rng.randint(6, 12)):
        if i > 2 and rng.random() < 0.12:
            paragraphs.append(rng.choice(SUBHEADS))  # a subheading: no final stop
            continue
        sentences = []
        for _ in range(rng.randint(1, 4)):
            side = rng.choice((a, b))
            k = rng.randrange(len(side["people"]))
            fill = dict(
                values,
                who=_with_comma(side["people"][k]), short=side["short"][k],
                body=rng.choice(side["body"]),
                obs=rng.choice(OBSERVERS), obs_short=rng.choice(["Mr. Guterres", "the envoy"]),
                said=rng.choice(SAID), day=rng.choice(DAYS), month=rng.choice(MONTHS),
                day_n=rng.randint(1, 28), year=rng.randint(2001, 2024), n=rng.randint(2, 60),
                m=rng.randint(2, 300), h=rng.randint(1, 11), km=rng.randint(300, 2600),
                pct=f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
                bn=f"{rng.randint(1, 12)}.{rng.randint(1, 9)}",
            )
            template = rng.choice(rng.choice((NARRATION, REPORTED, QUOTES)))
            sentence = template.format(**fill)
            sentences.append(sentence[0].upper() + sentence[1:])
        paragraphs.append(" ".join(sentences))
    return f"By {rng.choice(REPORTERS)}\n" + "\n".join(paragraphs)
