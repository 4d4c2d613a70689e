"""Three real-style articles from three outlets about one made-up conflict, for the tests of
suggested topics: Maravia says Oskland's artillery hit the Tarn bridge and a school; Oskland
says the bridge carried Maravian ammunition and denies the school; the two dispute a ceasefire
and who holds the village of Dolna.

``topic_project(folder)`` writes them and imports them into a new project, as a journalist
would, and returns the project's path.
"""

from __future__ import annotations

from pathlib import Path

WIRE = """Maravia says Oskland shelled the Tarn bridge; Oskland says it carried ammunition

VELGRAD, June 3 (Harbour Wire) — Artillery fire destroyed the Tarn bridge in southern Maravia on Tuesday, cutting the only road between Velgrad and the border villages, local officials said.

Maravia's defence ministry said Oskland had shelled the bridge "deliberately, to cut off civilians from food and medicine". Defence Minister Ilse Marek told reporters in Velgrad that 11 people had been killed on the bridge, most of them farmers taking produce to market.

Oskland's army denied targeting civilians. Its spokesman, Colonel Bram Hollis, said the Tarn bridge had been "carrying Maravian ammunition trucks every night for a month" and was a legitimate military target.

"Nobody fires at farmers. We fire at ammunition," Hollis said in a statement.

Maravia also accused Oskland of shelling a primary school in Dolna. The Oskland army said none of its units had fired at Dolna and called the claim "a fabrication for the cameras".

(Reporting by Tomas Vell; Editing by Anna Reyes)
"""

WEB = """Ceasefire talks stall as both sides claim Dolna | Northern Ledger

Published 5 June 2026

Residents queue for water in Velgrad on Thursday. Photo: Northern Ledger

Talks in Genvar on a ceasefire broke up on Thursday without agreement, with Maravia and Oskland each saying it held the village of Dolna.

Maravia's foreign ministry said its troops controlled Dolna "entirely" and that any ceasefire line must run east of the village.

Oskland's foreign minister, Petra Lund, said Oskland forces had taken Dolna on Wednesday. "The ceasefire line is where our soldiers stand," she told the Northern Ledger.

Maravia said Oskland had broken the last ceasefire within hours of signing it. Oskland said it was Maravia that opened fire first.

Sign up for the Ledger Briefing
"""

ANALYSIS = """Analysis: Who hit the Tarn bridge, and why it matters

The wreck of the Tarn bridge lies in the river below Velgrad, its middle span gone.

Maravia's government says the bridge was a civilian crossing and that Oskland's shelling of it killed 11 farmers. Oskland's army says the bridge moved Maravian ammunition and was a fair target.

Satellite images reviewed by the Harbour Institute show trucks crossing the Tarn bridge at night in the weeks before the strike, but not what they carried.

In Dolna, the school's headteacher said a shell hit the playground at dawn. Oskland repeated that it had not fired on Dolna.

Diplomats say the ceasefire talks will resume in Genvar next week.
"""

ARTICLES = {"01-wire-tarn-bridge.txt": WIRE, "02-web-ceasefire.txt": WEB, "03-analysis-bridge.txt": ANALYSIS}


def write_articles(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def topic_project(folder: Path) -> Path:
    from app.ops.importing import import_files
    from app.store.database import Project

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "tarn.counterclaim"
    with Project(path, create=True) as project:
        report = import_files(project, write_articles(folder / "articles"), outlet=None)
        assert not report.refused, report.refused
    return path


def many_party_project(folder: Path, parties: int = 30) -> Path:
    """The same articles with their statements spread over ``parties`` parties (named like a
    real investigation's: ministries, militias, agencies), as a big project's desk meets them."""
    from app.ops import parties_ops, tagging, topic_suggesting
    from app.store.database import Project

    path = topic_project(folder)
    kinds = ("Ministry of Defence", "Foreign Ministry", "Border Police", "Red Crescent", "Farmers' Union",
             "Provincial Council", "Liberation Front", "Observer Mission", "Press Agency", "Human Rights Watch")
    with Project(path) as project:
        ids = [r[0] for r in project.execute("SELECT id FROM statements WHERE furniture IS NULL ORDER BY id")]
        for (party_id,) in project.execute("SELECT id FROM parties").fetchall():
            parties_ops.delete(project, party_id)  # the import's own: these thirty instead
        made = []
        for n in range(parties):
            name = f"{('Maravian', 'Osklander', 'Genvar')[n % 3]} {kinds[n % len(kinds)]} {n // 10 + 1}"
            made.append(parties_ops.add(project, name).party_ids[0])
        for k, statement_id in enumerate(ids):
            tagging.tag(project, [statement_id], made[k % len(made)])
        topic_suggesting.suggest(project)
    return path


#: A fourth outlet carrying the wire story in its own words around the same quotes.
CARRIED = """Tarn bridge destroyed; Maravia blames Oskland

By Lena Duris

Maravia's government said on Tuesday that Oskland had shelled the Tarn bridge deliberately, to cut off civilians from food and medicine.

Defence Minister Ilse Marek said 11 people had been killed on the bridge, most of them farmers taking produce to market.

Oskland's army said the Tarn bridge had been carrying Maravian ammunition trucks every night for a month.
"""


def claims_project(folder: Path) -> Path:
    """``topic_project`` and the fourth outlet's article (04-carried-tarn.txt)."""
    from app.ops.importing import import_files
    from app.store.database import Project

    path = topic_project(folder)
    carried = folder / "articles" / "04-carried-tarn.txt"
    carried.write_text(CARRIED, encoding="utf-8")
    with Project(path) as project:
        import_files(project, [carried], outlet="Valley Courier")
    return path
