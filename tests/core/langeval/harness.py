"""Attribution in Arabic, Persian, Urdu, French and Russian, measured as a journalist meets it
(issue 16).

Layout: ``tests/core/langeval/<lang>/NN-name.txt`` with ``NN-name.gold.json`` beside it,
written and labelled by an editor who never saw the code:

    language     the article's language (BCP 47), which the import must detect
    parties      the sides, named in English, each with ``cues``: every form that stands for it
                 (in the article's script and in English)
    sentences    every sentence in order, named by the words it starts with: ``party`` is the
                 side it belongs to (null = narration)
    not_parties  names that must never become a party

The articles of one language are imported one after another into one real project through
``app.ops.importing.import_files``. A gold sentence is matched to the stored statement that
holds its first character, so the figures do not depend on where the segmenter splits; a
sentence the segmenter glued to another is read with that statement's side.
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from tests.core.eval.harness import fold, side_of

HERE = Path(__file__).resolve().parent
LANGUAGES = ("ar", "fa", "ur", "fr", "ru")


@dataclass
class Scored:
    language: str
    articles: int = 0
    sentences: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0
    false_side: int = 0
    invented: int = 0  # parties proposed for no side
    detected: int = 0  # articles whose language was detected right
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.sentences if self.sentences else 0.0


def articles_of(language: str) -> list[Path]:
    return sorted((HERE / language).glob("*.txt"))


def score_language(language: str) -> Scored:
    from app.ops.importing import import_files
    from app.store import articles as store_articles
    from app.store import parties as store_parties
    from app.store import statements as store_statements
    from app.store.database import Project

    result = Scored(language)
    golds = [(path, json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8")))
             for path in articles_of(language)]
    sides: dict[str, set[str]] = {}
    for _path, gold in golds:
        for side, info in gold["parties"].items():
            sides.setdefault(side, {fold(side)}).update(fold(c) for c in info.get("cues", []))
    with tempfile.TemporaryDirectory(prefix=f"cc-lang-{language}-") as tmp, \
            Project(Path(tmp) / f"{language}.counterclaim", create=True) as project:
        done = []
        for path, gold in golds:
            outcome = import_files(project, [path]).outcomes[0]
            if not outcome.imported:
                raise AssertionError(f"{path.name} was not imported: {outcome.error}")
            done.append((path, gold, outcome.article_id))
        names = {p.id: p.name for p in store_parties.all_parties(project)}
        party_sides = {p.name: side_of(p.name, p.aliases, sides) for p in store_parties.all_parties(project)}
        result.invented = sum(1 for s in party_sides.values() if s is None)
        for path, gold, article_id in done:
            result.articles += 1
            stored = store_articles.get(project, article_id)
            result.detected += (stored.language or "").split("-")[0] == gold["language"]
            rows = store_statements.for_article(project, article_id)
            cursor = 0
            for label in gold["sentences"]:
                found = _words_of(label["starts_with"]).search(stored.text, cursor)
                if found is None:
                    raise AssertionError(f"{path.name}: “{label['starts_with']}” is not in the stored text")
                at = found.start()
                cursor = at + 1
                row = next((r for r in rows if r.start <= at < r.end), None)
                party = names.get(row.party_id) if row is not None else None
                side = None if party is None else (party_sides.get(party) or f"?{party}")
                want = label["party"]
                result.sentences += 1
                if side == want:
                    result.right += 1
                    continue
                kind = "false" if want is None else "missed" if side is None else "wrong"
                result.false_side += kind == "false"
                result.missed += kind == "missed"
                result.wrong += kind == "wrong"
                result.misses.append(f"{path.name}: {kind}: gold {want}, got {side}: {label['starts_with']}")
    return result


def _words_of(starts_with: str) -> re.Pattern:
    """The label's words with any spaces between them: the import makes a no-break space (as
    French puts inside « ») an ordinary one."""
    return re.compile(r"\s+".join(re.escape(unicodedata.normalize("NFC", w)) for w in starts_with.split()))


def table(scores: list[Scored]) -> str:
    lines = ["language  articles  sentences  right   acc   wrong  missed  false  invented  language detected"]
    for s in scores:
        lines.append(f"{s.language:<9} {s.articles:>8} {s.sentences:>10} {s.right:>6} {s.accuracy:>5.0%} "
                     f"{s.wrong:>7} {s.missed:>7} {s.false_side:>6} {s.invented:>9}  {s.detected}/{s.articles}")
    return "\n".join(lines)
