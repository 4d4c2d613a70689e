"""Attribution on real-style reporting, measured as a journalist would meet it (issue 14).

Layout: ``tests/core/eval/<set>/<conflict>/`` holds ``conflict.json`` (the import order and
what the conflict is) and, per article, ``NN-name.txt`` with ``NN-name.gold.json`` beside it,
in the style of the seed's gold file:

    statements   one label per statement the segmenter makes, named by the words it starts
                 with: ``party`` is the side it belongs to (null = the outlet's narration),
                 ``also_ok`` other answers a careful journalist could defend.
    parties      the sides that speak in the article, each with ``cues``: every name, alias,
                 person or body that stands for that side. A proposed party is that side's
                 when its name (or failing that, its aliases) is one of these cues.
    not_parties  names that must never become a party: the outlet's reporters, agencies in
                 datelines and credits, vague sources ("analysts", "witnesses"), words.
    bystanders   (optional) named people quoted who speak for no side (a shopkeeper, a
                 parent): their statements are narration, a party for them is spurious,
                 counted apart from the never-parties above.

``run_conflict`` imports a conflict's articles one after another into one real temporary
project, through ``app.ops.importing.import_files`` (reader, byline split, segmenter,
``attribution.suggest`` with the parties the project has so far, parties stored): exactly
what a journalist importing them in that order gets. ``score`` compares it with the gold.
Nothing here changes a suggestion; it only counts.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

EVAL = Path(__file__).resolve().parent
SETS = ("dev", "heldout", "fresh", "fresh2")


# --- loading ---------------------------------------------------------------------------------


@dataclass
class Article:
    path: Path  # the .txt
    gold: dict

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass
class Conflict:
    name: str
    about: str
    articles: list[Article]

    def sides(self) -> dict[str, set[str]]:
        """Side name -> folded cues (the side's own name included), over all its articles."""
        out: dict[str, set[str]] = {}
        for a in self.articles:
            for side, info in a.gold.get("parties", {}).items():
                out.setdefault(side, {fold(side)}).update(fold(c) for c in info.get("cues", []))
        return out

    def not_parties(self) -> set[str]:
        return {fold(n) for a in self.articles for n in a.gold.get("not_parties", [])}

    def bystanders(self) -> set[str]:
        return {fold(n) for a in self.articles for n in a.gold.get("bystanders", [])}


def fold(name: str) -> str:
    """Case, curly apostrophes, a leading article and a possessive do not change a name."""
    name = " ".join(name.replace("’", "'").split()).casefold()
    for det in ("the ", "a ", "an "):
        if name.startswith(det):
            name = name[len(det):]
    return name.removesuffix("'s")


def load_article(txt: Path) -> Article:
    gold_path = txt.with_suffix(".gold.json")
    return Article(txt, json.loads(gold_path.read_text(encoding="utf-8")))


def load_conflict(folder: Path) -> Conflict:
    meta = json.loads((folder / "conflict.json").read_text(encoding="utf-8"))
    return Conflict(meta["conflict"], meta.get("about", ""), [load_article(folder / f) for f in meta["order"]])


def load_set(name: str) -> list[Conflict]:
    """The conflicts of one set (``dev`` or ``heldout``), in name order."""
    folder = EVAL / name
    return [load_conflict(d) for d in sorted(folder.iterdir()) if (d / "conflict.json").exists()]


def seed_conflict() -> Conflict | None:
    """The seed article as a conflict of its own (None when the shared corpus is absent)."""
    repo = EVAL.parents[2]
    txt = repo.parent / "shared" / "corpus" / "seed-article.txt"
    if not txt.exists() or not txt.with_suffix(".gold.json").exists():
        return None
    return Conflict("seed (Pakistan-Iran)", "the seed article", [load_article(txt)])


# --- running the real import -----------------------------------------------------------------


@dataclass
class Stated:
    """One stored statement as the import left it."""

    start: int
    end: int
    paragraph: int
    text: str
    party: str | None
    speaker: str | None
    reason: str | None


@dataclass
class Imported:
    article: Article
    text: str
    statements: list[Stated]
    new_parties: list[str]  # proposed by this article's import


@dataclass
class Run:
    conflict: Conflict
    articles: list[Imported]
    parties: list[tuple[str, list[str]]]  # the project's parties at the end: (name, aliases)


def run_conflict(conflict: Conflict) -> Run:
    """Import the conflict's articles in order, one at a time, into a fresh project."""
    from app.ops.importing import import_files
    from app.store import articles as store_articles
    from app.store import parties as store_parties
    from app.store import statements as store_statements
    from app.store.database import Project

    done: list[Imported] = []
    with (
        tempfile.TemporaryDirectory(prefix="cc-eval-") as tmp,
        Project(Path(tmp) / f"{conflict.name}.counterclaim", create=True) as project,
    ):
            for article in conflict.articles:
                report = import_files(project, [article.path])
                outcome = report.outcomes[0]
                if not outcome.imported:
                    raise RuntimeError(f"{article.path.name} was not imported: {outcome.error or 'duplicate'}")
                names = {p.id: p.name for p in store_parties.all_parties(project)}
                stored = store_articles.get(project, outcome.article_id)
                rows = store_statements.for_article(project, outcome.article_id)
                done.append(Imported(
                    article, stored.text,
                    [Stated(s.start, s.end, s.paragraph, s.text, names.get(s.party_id), s.speaker, s.reason)
                     for s in rows],
                    list(report.new_parties),
                ))
            parties = [(p.name, p.aliases) for p in store_parties.all_parties(project)]
    return Run(conflict, done, parties)


# --- labels ----------------------------------------------------------------------------------


class LabelError(AssertionError):
    pass


def pair_labels(imported: Imported) -> list[tuple[Stated, dict]]:
    """Each statement with its gold label, in order; LabelError when they do not line up."""
    labels = imported.article.gold["statements"]
    got = imported.statements
    name = imported.article.path.name
    for k, (s, g) in enumerate(zip(got, labels)):
        if not s.text.startswith(g["starts_with"]):
            raise LabelError(f"{name}: statement {k + 1} is “{s.text[:70]}”, gold starts “{g['starts_with']}”")
    if len(got) != len(labels):
        extra = got[len(labels):] if len(got) > len(labels) else labels[len(got):]
        first = extra[0].text[:70] if isinstance(extra[0], Stated) else extra[0]["starts_with"]
        raise LabelError(f"{name}: the segmenter made {len(got)} statements, gold has {len(labels)} (first unmatched: “{first}”)")
    return list(zip(got, labels))


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Answer:
    """One statement: gold against suggestion. ``outcome``: right | wrong | missed | false."""

    article: str
    number: int  # 1-based within the article
    text: str
    gold: str | None
    also_ok: list
    party: str | None  # the suggested party's name
    side: str | None  # the side that party stands for ("?name" when it stands for none)
    outcome: str
    reason: str | None


@dataclass
class Figures:
    conflict: str
    articles: int = 0
    statements: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0
    false_side: int = 0  # a side on the outlet's narration
    parties: int = 0
    fragments: int = 0
    spurious: int = 0
    bad_aliases: list[tuple[str, str, str]] = field(default_factory=list)  # (party, alias, what it names)
    party_sides: dict[str, str | None] = field(default_factory=dict)  # party -> side (None: nobody)
    spurious_kinds: dict[str, str] = field(default_factory=dict)  # party -> listed | bystander | other
    answers: list[Answer] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.statements if self.statements else 0.0

    def add(self, other: Figures) -> None:
        for f in ("articles", "statements", "right", "wrong", "missed", "false_side", "parties",
                  "fragments", "spurious"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.answers.extend(other.answers)
        self.bad_aliases.extend(other.bad_aliases)


def side_of(name: str, aliases: list[str], sides: dict[str, set[str]]) -> str | None:
    """The side a party stands for: its name among a side's cues, else the side most of its
    aliases name; None when it names no side at all."""
    for side, cues in sides.items():
        if fold(name) in cues:
            return side
    counts = {side: sum(fold(a) in cues for a in aliases) for side, cues in sides.items()}
    best = max(counts.values(), default=0)
    if best == 0:
        return None
    return next(side for side, n in counts.items() if n == best)


def score(run: Run) -> Figures:
    conflict = run.conflict
    sides = conflict.sides()
    listed = conflict.not_parties()
    bystanders = conflict.bystanders()
    fig = Figures(conflict.name, articles=len(run.articles))
    seen: dict[str, int] = {}
    for name, aliases in run.parties:
        side = side_of(name, aliases, sides)
        fig.party_sides[name] = side
        if side is None:
            fig.spurious += 1
            named = {fold(name), *(fold(a) for a in aliases)}
            fig.spurious_kinds[name] = ("listed" if named & listed else "bystander" if named & bystanders
                                        else "other")
        else:
            seen[side] = seen.get(side, 0) + 1
        for alias in aliases:  # an alias that names another side, or a never-party, misleads
            key = fold(alias)
            if side is not None and key in sides[side]:
                continue
            other = next((t for t, cues in sides.items() if t != side and key in cues), None)
            if other is not None:
                fig.bad_aliases.append((name, alias, other))
            elif key in listed:
                fig.bad_aliases.append((name, alias, "a never-party"))
    fig.parties = len(run.parties)
    fig.fragments = sum(n - 1 for n in seen.values())
    for imported in run.articles:
        for k, (s, g) in enumerate(pair_labels(imported), start=1):
            side = None if s.party is None else (fig.party_sides.get(s.party) or f"?{s.party}")
            gold, ok = g["party"], g.get("also_ok", [])
            if side == gold or side in ok:
                outcome = "right"
            elif gold is None:
                outcome = "false"
            elif side is None:
                outcome = "missed"
            else:
                outcome = "wrong"
            fig.statements += 1
            fig.right += outcome == "right"
            fig.wrong += outcome == "wrong"
            fig.missed += outcome == "missed"
            fig.false_side += outcome == "false"
            fig.answers.append(Answer(imported.article.path.name, k, s.text, gold, ok, s.party, side,
                                      outcome, s.reason))
    return fig


def evaluate(conflicts: list[Conflict]) -> tuple[list[Figures], Figures]:
    per = [score(run_conflict(c)) for c in conflicts]
    total = Figures("total")
    for f in per:
        total.add(f)
    return per, total


# --- reporting -------------------------------------------------------------------------------

_HEAD = ("conflict", "arts", "stmts", "right", "acc", "wrong", "missed", "false", "parties", "frag", "spur",
         "badal")


def table(title: str, per: list[Figures], total: Figures) -> str:
    rows = [_HEAD] + [_row(f) for f in [*per, total]]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEAD))]

    def line(r):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))

    rule = "-" * len(line(rows[0]))
    out = [f"{title}: right = right side or narration (also_ok counts); false = a side on narration;\n"
           "frag = parties beyond one per side; spur = parties for no side; badal = aliases naming another side"
           " or a never-party",
           line(rows[0]), rule, *(line(r) for r in rows[1:-1]), rule, line(rows[-1])]
    return "\n".join(out)


def _row(f: Figures) -> tuple[str, ...]:
    return (f.conflict, str(f.articles), str(f.statements), str(f.right), f"{100 * f.accuracy:.1f}%",
            str(f.wrong), str(f.missed), str(f.false_side), str(f.parties), str(f.fragments), str(f.spurious),
            str(len(f.bad_aliases)))


def spurious_line(per: list[Figures]) -> str:
    kinds = [k for f in per for k in f.spurious_kinds.values()]
    return (f"spurious parties: {kinds.count('listed')} reporter/agency/vague source, "
            f"{kinds.count('other')} word or nobody, {kinds.count('bystander')} named bystander")


def party_report(per: list[Figures]) -> str:
    out = []
    for f in per:
        bits = []
        for name, side in f.party_sides.items():
            if side is None:
                bits.append(f"{name} [spurious: {f.spurious_kinds[name]}]")
            else:
                bits.append(name if fold(name) == fold(side) else f"{name} [→ {side}]")
        out.append(f"{f.conflict}: " + "; ".join(bits))
        for party, alias, what in f.bad_aliases:
            out.append(f"    misleading alias: {party} ← “{alias}” (names {what})")
    return "\n".join(out)


def misses(per: list[Figures]) -> str:
    out = []
    for f in per:
        for a in f.answers:
            if a.outcome == "right":
                continue
            gold = a.gold if a.gold is not None else "narration"
            got = a.party if a.party is not None else "none"
            if a.side and a.party and a.side != a.party:
                got += f" (= {a.side})"
            out.append(f"[{a.outcome}] {f.conflict} / {a.article} #{a.number}: gold {gold}, got {got}\n"
                       f"    “{a.text}”\n    reason: {a.reason}")
    return "\n".join(out)
