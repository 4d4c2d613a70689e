"""Page furniture: the lines of a saved web page that are not the article.

A page's body carries lines the outlet put around the story — "Subscribe to …", "Have a
tip?", "Read more: …", "Like this story? Share it", "UPDATED: …", "SOURCE: …", photo credits,
copyright lines, "Advertisement", "Follow us on …". They stay in the article's text (every
offset stands on it) but are no statement of anyone: :func:`detect` names, for each span, the
family of furniture it belongs to, or None for article prose.

Three shapes are read, each a family of patterns rather than a list of phrases:

* a **label** that opens a line ("Read more:", "RELATED |", "SOURCE:", "Photo:", "Credit:",
  "UPDATED: <date>") makes the whole line furniture;
* a **whole line** that is furniture on its own ("Advertisement", "5 min read", a copyright
  line, a photo credit "Name Name/Agency", a wire credit "Reporting by …; Editing by …");
* a **call to the reader**, a sentence that opens with an imperative the article never uses
  on its own ("Subscribe to our …", "Sign up for …", "Follow us on …", "Click here …", "Share
  this story", "Have a tip?"), is furniture wherever it stands in a line.

A sentence that only contains such a word ("He urged followers to subscribe to the channel",
"Share prices fell", "Read more than 200 pages") is prose: every pattern is anchored at the
start of a line or sentence and asks for the words that make it a call, not a report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.core.models import Span

_SOCIAL = (
    r"(?:Twitter|X|Facebook|Instagram|Telegram|TikTok|YouTube|LinkedIn|Threads|Bluesky|Mastodon|"
    r"WhatsApp|Google\s+News|Flipboard|Snapchat|Reddit|Apple\s+News)"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WHEN = rf"(?:\d|{_MONTH}|ago\b|today\b|yesterday\b|just\s+now\b)"

# A label that opens a line: what follows it on the line is furniture too.
_LABEL = re.compile(
    r"(?i:read\s+more|read\s+also|also\s+read|more\s+to\s+read|read\s+next|read|related(?:\s+\w+)?|"
    r"see\s+also|more\s+on\s+this(?:\s+story)?|more|watch|listen|recommended(?:\s+\w+)?|also\s+on\s+\w+(?:\s+\w+)?|"
    r"source|sources|data\s+source|image|images|photo|photos|photograph|picture|pictures|credit|credits|"
    r"(?:photo|image|picture|video|header|top|main|featured|lead)\s+(?:credit|image|photo)s?|caption|"
    r"illustration|graphic|video|file\s+photo|editor['’]s\s+picks?|trending|sponsored|advertisement|ad)"
    r"\s*(?:[:|»›]|\s*$)"
    r"|(?:READ\s+MORE|ALSO\s+READ|RELATED|SEE\s+ALSO|WATCH|LISTEN|MORE)\s+[–—-]\s"
    r"|(?i:image|media|video|photo)\s+(?i:source|caption|credit)\s*[,:]"
)
# A date label: furniture only when a date or time follows ("Update: the ministry said…" in
# a live blog is the news itself).
_STAMP = re.compile(
    rf"(?i:(?:last\s+|first\s+)?(?:updated|update|published|posted|modified|edited))(?:\s*(?:on|at))?\s*[:|]?\s*{_WHEN}"
)
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|"
    r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})"
)
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*\(?[A-Z]{2,4}\)?)?"
# A line that is only a date or time, perhaps after a place ("Brava, 19 May 2025", "09:15 GMT").
_DATE_LINE = re.compile(
    rf"(?:(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}}),?\s+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_DATE}(?:,?\s+(?:at\s+)?{_TIME})?|{_TIME}(?:,?\s+{_DATE})?)\s*\.?"
)
# Lines that are furniture whole.
_WHOLE = re.compile(
    r"(?i:advertisement|advertising|sponsored(?:\s+content)?|paid\s+content|promoted|"
    r"(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:ad|advertisement))?|"
    r"continue\s+reading(?:\s+(?:below|the\s+main\s+story))?|scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?|"
    r"read\s+more|read\s+the\s+full\s+story|show\s+more|see\s+more|load\s+more|loading|"
    r"share(?:\s+this(?:\s+(?:article|story|post|page))?)?|comments?(?:\s*\(\d+\))?|leave\s+a\s+comment|"
    r"show\s+comments|view\s+comments|join\s+the\s+(?:conversation|discussion)|have\s+your\s+say|"
    r"listen\s+to\s+this\s+(?:article|story)(?:\s*[·•|-]?\s*\d+\s*min(?:ute)?s?)?|"
    r"\d+\s*[-–]?\s*min(?:ute)?s?\s+read|reading\s+time\s*:?\s*\d+\s*min(?:ute)?s?|"
    r"skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|print|email|top\s+stories|most\s+read|"
    r"sign\s+in|log\s+in|subscribe|subscribe\s+now|sign\s+up|menu|search|close)"
    r"[\s.!:»›…]*"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)\s*\d{4}|(?i:copyright)\s*(?:©|\(c\)|\d{4}))|.{0,120}\b(?i:all\s+rights\s+reserved)\b"
)
# A wire credit: only names and the words that join them ("Reporting by A in B; Editing by C").
_NAME = r"[A-Z][\w.'’-]*"
_CREDIT_LINE = re.compile(
    rf"(?:\(?\s*)(?:Additional\s+)?(?i:reporting|writing|editing|edited|compiled|produced|research|written)\s+by\s+{_NAME}"
    rf"(?:[\s,;&]+(?:(?:and|in|from|by|with|the|of|Additional|reporting|writing|editing|Reporting|Writing|"
    rf"Editing|Edited|Compiled|Produced)\b|{_NAME}))*[\s.;)]*"
)
# A photo credit at the end of a caption: "… Jane Roe/Agency", "… (Agency Photo)", "… via Getty Images".
# (searched in a line's last characters only: a credit closes its caption)
_PHOTO_CREDIT = re.compile(
    rf"(?:^|[\s(])(?:{_NAME}(?:\s+{_NAME}){{0,3}}\s*/\s*{_NAME}(?:[\s-]+{_NAME}){{0,3}}"
    r"(?:\s+via\s+[A-Z][\w ]{2,30})?|(?:Getty\s+Images|Shutterstock|AP\s+Photo|Reuters\s+Photo|AFP\s+Photo|"
    r"EPA-EFE|Alamy|iStock)(?:/[\w .-]+)?)\s*\)?\s*\.?$"
)
_PHOTO_BY = re.compile(r"\(?(?i:photo|image|picture|photograph|video)s?\s+(?:by|courtesy(?:\s+of)?|credit)\b")

# Calls to the reader: a sentence that opens with one is furniture wherever it stands.
_CALL = re.compile(
    r"(?:"
    r"(?:Subscribe|Sign\s+up|Signup|Register|Join|Get|Receive)\b[^.!?]{0,80}?"
    r"\b(?:newsletters?|inbox|alerts|briefing|digest|our\s+(?:channel|podcast|app|community|free|daily|weekly|mailing)|"
    r"(?:it['’]s\s+)?free\b|now\b|today\b|here\b|to\s+(?:read|continue|unlock|get|receive|keep\s+reading))"
    r"|Sign\s+(?:up|in)\s+(?:to|for)\b|Subscribe\s+(?:to|for|now|today|here)\b|Log\s+in\s+to\s+(?:comment|continue|read)"
    r"|(?:Have|Got|Do\s+you\s+have)\s+(?:a\s+)?(?:news\s+|story\s+|confidential\s+)?tip\b"
    r"|(?:Send|Email|Share)\s+(?:us\s+)?(?:your\s+)?(?:news\s+)?tips?\b"
    r"|(?:Email|Contact|Reach|Message|Write\s+to)\s+(?:us|the\s+(?:author|writer|reporter|newsroom|desk))\b"
    r"|(?:Like|Liked|Enjoy|Enjoyed|Love|Loved)\s+this\s+(?:story|article|post|piece|content|newsletter)\b"
    r"|Share\s+(?:this|it|on|via|with\s+(?:a|your)|the\s+(?:story|article|post))\b"
    rf"|Follow\s+(?:us|@\w+|[\w.'’ -]{{1,40}}?\s+on\s+{_SOCIAL})"
    rf"|(?:Like|Find|Join)\s+us\s+on\b|Join\s+(?:our|the)\s+[\w ]{{0,30}}?{_SOCIAL}"
    r"|(?:Click|Tap)\s+(?:here|to|the\s+link|below|on\s+the)\b"
    r"|Download\s+(?:our|the\s+[\w ]{1,30}?\s*app|the\s+app)\b"
    r"|(?:Don['’]t|Never)\s+miss\s+(?:a|an|out|the\s+latest|our)\b"
    r"|(?:By\s+(?:signing\s+up|subscribing|clicking|registering)|You\s+(?:can|may)\s+unsubscribe|"
    r"Unsubscribe\s+at\s+any\s+time|Thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing))\b"
    r"|(?:Support|Become\s+a\s+(?:member|subscriber|supporter)\s+(?:of|to)?)\s*(?:our|independent)\s+journalism\b"
    r"|It['’]s\s+free[.!]?$"
    r"|Become\s+a\s+(?:paid\s+)?(?:member|subscriber|supporter|patron)\b"
    r"|This\s+(?:post|article|story|content|episode)\s+is\s+(?:only\s+)?for\s+(?:paid\s+|paying\s+)?(?:subscribers|members)\b"
    r"|(?:Email|Send)\s+(?:this|it)?\s*to\s+a\s+friend\b"
    r")"
)

# A line of links: three or more short items (or two with no sentence in them) between bars
# or bullets ("Home | World | Sport", "Print | Email to a friend").
_ITEM = r"[^|•·\s][^|•·.!?]{0,30}?"
_MENU = re.compile(rf"{_ITEM}(?:\s*\\?[|•·]\s*{_ITEM}){{1,}}\s*\\?[|•·]?")
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def _words(text: str) -> int:
    return len(text.split())


#: Longer than this, a line is prose (every whole-line family is short): no pattern is tried.
_LONGEST = 320


def line_family(line: str) -> str | None:
    """The furniture family of a whole line, or None when the line is not furniture whole."""
    if len(line) > _LONGEST:
        return None
    text = line.strip().lstrip("•·▪►▸▶*–—- ").strip()
    if not text:
        return None
    # Each family is tried only where a cheap test says it could be there: prose lines are
    # many, and the import must stay fast.
    short = _words(text) <= 40
    if short and _LABEL.match(text):
        return "label"
    n = len(text)
    if n <= 90 and _STAMP.match(text) and _words(text) <= 12:
        return "timestamp"
    if n <= 70 and _WHOLE.fullmatch(text):
        return "page"
    if ("|" in text or "•" in text or "·" in text) and _MENU.fullmatch(text):
        return "menu"
    if n <= 60 and _DATE_LINE.fullmatch(text):
        return "timestamp"
    return _credit_family(text, n, short)


def _credit_family(text: str, n: int, short: bool) -> str | None:
    """line_family's last families, the lines that name who owns or made something: a
    copyright line, a wire credit, a photo credit. ``n`` is len(text); ``short`` is at most
    40 words."""
    if short and ("©" in text or "(c)" in text or "opyright" in text or "ights" in text) and _COPYRIGHT.match(text):
        return "copyright"
    if "by " in text[:40] and _CREDIT_LINE.fullmatch(text):
        return "credit"
    if short and (_PHOTO_BY.match(text) or ("/" in text or "Photo" in text or "Images" in text or "Alamy" in text
                                            or "Shutterstock" in text or "iStock" in text)
                  and _PHOTO_CREDIT.search(text, max(0, n - 90))):
        return "credit"
    return None


def _label_alone(line: str) -> bool:
    m = _LABEL.match(line.strip())
    return m is not None and not line.strip()[m.end() :].strip()


#: An item of a list of links or topics: a few words, no sentence in them.
_LIST_ITEM = re.compile(r"[^.!?:;]{1,60}(?<![.!?])")


def sentence_family(sentence: str) -> str | None:
    """The furniture family of one sentence (a call to the reader), or None for prose."""
    if len(sentence) > _LONGEST:
        return None
    text = sentence.strip()
    first = text[: text.find(" ")] if " " in text else text
    if first in _CALL_WORDS and _CALL.match(text):
        return "call"
    if ("funded" in text or "supported" in text or "powered" in text) and _FUNDED.search(text, 0, 120):
        # "Greenline is reader-funded."
        return "call"
    return None


# The words a call to the reader opens with (_CALL is tried only after one of them).
_CALL_WORDS = frozenset(
    "Subscribe Sign Signup Register Join Get Receive Log Have Got Do Send Email Share Contact Reach Message "
    "Write Like Liked Enjoy Enjoyed Love Loved Follow Find Click Tap Download Don't Don’t Never By You "
    "Unsubscribe Thanks Thank Support Become This It's It’s".split()
)
_FUNDED = re.compile(
    r"^[A-Z][\w.'’ -]{0,40}?\s+is\s+(?:reader|member|listener|viewer)[- ](?:funded|supported|powered)\b"
)


def detect(text: str, spans: Sequence[Span]) -> list[str | None]:
    """For each span, its furniture family ("label", "timestamp", "page", "copyright",
    "credit", "call") or None when it is the article's own prose."""
    out: list[str | None] = [None] * len(spans)
    if not spans:
        return out
    lines = {m.start(): m.group() for m in _LINE.finditer(text)}
    starts = sorted(lines)

    i = 0
    listing = False  # under a label that stands alone ("Related Topics"): its short items follow
    while i < len(spans):
        # the spans of one line (segment never lets a span cross a line break)
        at = bisect.bisect_right(starts, spans[i].start) - 1
        line_start = starts[at] if at >= 0 else 0
        line = lines.get(line_start, text[spans[i].start : spans[i].end])
        j = i
        line_end = line_start + len(line)
        while j < len(spans) and spans[j].end <= line_end:
            j += 1
        j = max(j, i + 1)
        family = line_family(line)
        if family is None and listing and _LIST_ITEM.fullmatch(line.strip()):
            family = "label"
        else:
            listing = family == "label" and _label_alone(line)
        for k in range(i, j):
            words = text[spans[k].start : spans[k].end]
            out[k] = family or sentence_family(words)
            if out[k] is None and k > i and out[k - 1] == "call" and _words(words) <= 6:
                out[k] = "call"  # "Sign up for our newsletter. It's free.": the call's own tail
        i = j
    return out
