"""Language detectors side by side on the labelled articles (docs/languages.md).

Not part of the product: py3langid needs numpy, which the bundle does not carry. Run it in a
virtual environment that has it, with this checkout's environment after it on the path:

    python -m venv /tmp/ld && /tmp/ld/bin/pip install py3langid==0.4.0
    PYTHONPATH=.:.venv/lib/python3.11/site-packages /tmp/ld/bin/python docs/language_compare.py
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    import py3langid
    from langdetect import detector_factory

    from app.core import language

    factory = detector_factory.DetectorFactory()
    factory.load_profile(detector_factory.PROFILES_DIRECTORY)
    factory.set_seed(0)

    def langdetect(text: str) -> str | None:
        detector = factory.create()
        detector.append(text)
        try:
            return detector.detect()
        except Exception:  # noqa: BLE001 - no features: no answer
            return None

    docs = [(p.parent.name, p.read_text(encoding="utf-8")) for p in sorted((REPO / "tests/core/langeval").glob("*/*.txt"))]
    docs += [("en", p.read_text(encoding="utf-8")) for p in sorted((REPO / "tests/core/eval").glob("*/*/*.txt"))]
    sentences = [(lang, s) for lang, text in docs for s in re.split(r"(?<=[.!?؟۔])\s+|\n+", text) if len(s) >= 25]
    for name, detect in (("langdetect", langdetect), ("py3langid", lambda t: py3langid.classify(t)[0]),
                         ("Counterclaim (app.core.language)", language.detect)):
        t0 = time.perf_counter()
        articles = sum(detect(text[:2000]) == lang for lang, text in docs)
        t1 = time.perf_counter()
        right = sum(detect(s) == lang for lang, s in sentences)
        t2 = time.perf_counter()
        print(f"{name:34} articles {articles}/{len(docs)}  sentences {right}/{len(sentences)}  "
              f"{(t1 - t0) / len(docs) * 1000:.1f} ms an article, {(t2 - t1) / len(sentences) * 1000:.2f} ms a sentence")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
