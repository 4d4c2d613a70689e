"""``python -m tests.core.langeval [--misses]``: per-language figures (tests/core/langeval/harness.py)."""

from __future__ import annotations

import sys

from tests.core.langeval import harness


def main(argv: list[str]) -> int:
    scores = [harness.score_language(lang) for lang in harness.LANGUAGES if harness.articles_of(lang)]
    print(harness.table(scores))
    if "--misses" in argv:
        for s in scores:
            print("\n".join(s.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
