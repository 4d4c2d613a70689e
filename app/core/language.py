"""Which language an article is written in, as a BCP 47 tag ("en", "ar", "fa", "ur", "fr", "ru"…).

    detect(text) -> "fa" | … | None
    choose(declared, text) -> the tag to store: the page's own when the text agrees with it
    name("fa") -> "Persian (fa)"

The detector is ``langdetect`` (Google's language-detection profiles, 55 languages, pure
Python; docs/languages.md compares it with py3langid and lingua), seeded so the same text always
gives the same answer. English copy is told first by its function words, at no cost: most
imports are English, and the import must stay fast.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

SAMPLE = 800  # characters read: more costs time, not accuracy (98% right on single sentences)
_ENGLISH = frozenset("the of and to in that for is on was with said by as at from his her it".split())
_WORD = re.compile(r"[^\W\d_]+")
_lock = threading.Lock()
_factory = None


@lru_cache(maxsize=64)
def detect(text: str) -> str | None:
    """The language of ``text``, or None when there is too little of it to tell. Kept for the
    last few texts: an import asks about each article more than once."""
    sample = text[:SAMPLE]
    words = _WORD.findall(sample)
    if len(words) < 3:
        return None
    if sum(w.lower() in _ENGLISH for w in words) >= 0.12 * len(words):
        return "en"
    return _langdetect(sample)


def _langdetect(sample: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    factory = _load()
    try:
        detector = factory.create()
        detector.append(sample)
        found = detector.detect()
    except LangDetectException:
        return None
    return {"zh-cn": "zh-Hans", "zh-tw": "zh-Hant"}.get(found, found)


def _load():
    """The profiles, read once (about half a second), the same seed for every answer."""
    global _factory
    with _lock:
        if _factory is None:
            from langdetect import detector_factory

            factory = detector_factory.DetectorFactory()
            factory.load_profile(detector_factory.PROFILES_DIRECTORY)
            factory.set_seed(0)
            _factory = factory
        return _factory


def primary(tag: str | None) -> str:
    """The language of a tag without its script or region: "fa-AF" and "FA_af" are "fa"."""
    return (tag or "").strip().replace("_", "-").split("-")[0].lower()


def choose(declared: str | None, text: str) -> str | None:
    """The language to store for an article: the detected one, unless the page declares the
    same language more precisely ("fa-AF" for "fa"); a page that declares one language and is
    written in another (a template's lang="en" around an Arabic article) gets the one it is in."""
    found = detect(text)
    declared = (declared or "").strip().replace("_", "-") or None
    if declared is None:
        return found
    if found is None or primary(declared) == primary(found):
        return declared
    return found


def name(tag: str | None) -> str:
    """"fa-AF" -> "Persian (fa-AF)": the language's English name from pycountry, with the tag."""
    if not tag:
        return ""
    import pycountry

    found = pycountry.languages.get(alpha_2=primary(tag))
    return f"{found.name} ({tag})" if found is not None else tag
