"""What a speaker resolves to: an ``Entity`` (a side with its names) in a ``Resolution``."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core import gazetteer as gz


@dataclass
class Entity:
    """A side a speaker can speak for, with every name found for it."""

    name: str
    kind: str  # country | org | group | person
    aliases: list[str] = field(default_factory=list)
    how: str = ""  # the evidence: name, alt, capital, demonym, body, org, acronym, person, tie
    confidence: float = 0.0
    evidence: str = ""  # the words that gave it away
    titled: bool = False  # a person named with a title or office ("Foreign Minister …")
    bystander: bool = False  # a person named with what they do, no office ("…, who runs a shop")

    def add(self, *names: str) -> None:
        for n in names:
            if n and n not in self.aliases:
                self.aliases.append(n)


@dataclass
class Resolution:
    entities: list[Entity]
    coordinated: bool = False  # "Both Pakistan and Iran": several sides at once


CONFIDENCE = {
    gz.NAME: 0.9, gz.ALT: 0.9, gz.CAPITAL: 0.85, gz.DEMONYM: 0.85, gz.BODY: 0.85,
    "org": 0.9, "acronym": 0.9, "group": 0.9, "person": 0.8, "affiliation": 0.85, "tie": 0.65,
}
