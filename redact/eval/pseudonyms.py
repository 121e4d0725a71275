"""Whether the pseudonyms tell the story right, scored against gold entity ids and roles.

For every gold person to pseudonymise (a PERSON entity id with a mention that is not kept), the pseudonyms
its found mentions were given:

* **consistent**: one pseudonym for all of them (ignoring case, a leading "the" and a possessive 's);
* **distinct**: none of them is also given to another gold person;
* **role fit**: where the gold names a family or professional role, the pseudonym names it too ("Mother",
  "Maternal grandmother" or "Grandmother" for a maternal grandmother; "Social Worker 2" for a social worker).

Mentions that detection missed count in recall, not here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from redact.gold import GoldMention
from redact.resolve.model import Action, Plan
from redact.resolve.vocabulary import KINDS

# Gold roles too general to check ("adult", "professional") or outside the pseudonym families ("victim").
_UNCHECKED = frozenset({"adult", "professional", "family_member", "partner"})
# Pseudonyms that name a role as well as the role's own: a less specific one ("Doctor 2" for a paediatrician)
# or a more specific one ("Paediatrician 1" for a doctor).
_ALSO_FITS = {
    "subject_child": ("child", "baby", "young person", "infant"),
    "child": ("child", "sibling", "baby", "young person"),
    "paediatrician": ("doctor",),
    "psychiatrist": ("doctor",),
    "gp": ("doctor",),
    "doctor": ("paediatrician", "psychiatrist", "gp"),
    "school_nurse": ("nurse",),
    "maternal_aunt": ("aunt",),
    "paternal_aunt": ("aunt",),
    "maternal_uncle": ("uncle",),
    "paternal_uncle": ("uncle",),
    "maternal_grandmother": ("grandmother", "grandparent"),
    "paternal_grandmother": ("grandmother", "grandparent"),
    "maternal_grandfather": ("grandfather", "grandparent"),
    "paternal_grandfather": ("grandfather", "grandparent"),
    "grandmother": ("grandparent",),
    "grandfather": ("grandparent",),
    # the annotation roles have no step-parent: a stepfather is the mother's partner by marriage
    "mothers_partner": ("stepfather",),
    "fathers_partner": ("stepmother",),
}
_POSSESSIVE = re.compile(r"['’]s?$")
_SIDED = frozenset({"grandmother", "grandfather", "aunt", "uncle", "cousin"})


@dataclass
class PersonResult:
    source: str
    entity_id: str
    role: str | None
    pseudonyms: Counter[str]
    consistent: bool = True
    distinct: bool = True
    role_fit: bool | None = None  # None: no role to check


@dataclass
class PseudonymScores:
    people: list[PersonResult] = field(default_factory=list)

    def merge(self, other: PseudonymScores) -> None:
        self.people.extend(other.people)

    def _share(self, attribute: str) -> float | None:
        values = [getattr(p, attribute) for p in self.people if getattr(p, attribute) is not None]
        return sum(values) / len(values) if values else None

    @property
    def consistent(self) -> float | None:
        return self._share("consistent")

    @property
    def distinct(self) -> float | None:
        return self._share("distinct")

    @property
    def role_fit(self) -> float | None:
        return self._share("role_fit")

    @property
    def role_checked(self) -> int:
        return sum(p.role_fit is not None for p in self.people)

    def as_json(self) -> dict[str, object]:
        return {
            "people": len(self.people),
            "consistent": self.consistent,
            "distinct": self.distinct,
            "role_checked": self.role_checked,
            "role_fit": self.role_fit,
            "problems": [_problem_json(p) for p in self.problems()],
        }

    def problems(self) -> list[PersonResult]:
        return [p for p in self.people if not (p.consistent and p.distinct and p.role_fit is not False)]


def _problem_json(person: PersonResult) -> dict[str, object]:
    return {
        "source": person.source,
        "entity_id": person.entity_id,
        "role": person.role,
        "pseudonyms": dict(person.pseudonyms),
        "consistent": person.consistent,
        "distinct": person.distinct,
        "role_fit": person.role_fit,
    }


def normalise(pseudonym: str) -> str:
    """ "the Mother's" and "MOTHER" are "mother"."""
    text = " ".join(pseudonym.split()).lower()
    return _POSSESSIVE.sub("", text.removeprefix("the "))


# Gold roles the writers named by the job's own word: scored as the kind the pseudonyms have for it
_GOLD_SYNONYMS = {"pastor": "faith_leader", "imam": "faith_leader", "priest": "faith_leader", "vicar": "faith_leader",
                  "minister": "faith_leader"}  # fmt: skip


def role_fits(role: str | None, pseudonym: str) -> bool | None:
    """Whether ``pseudonym`` names the gold ``role``; None when the role is not one to check."""
    role = _GOLD_SYNONYMS.get(role or "", role)
    kind = KINDS.get(role or "")
    if kind is None or role in _UNCHECKED:
        return None
    accepted = [normalise(kind.base), *_ALSO_FITS.get(role or "", ())]
    if kind.family and role in _SIDED:  # "Maternal uncle" for an uncle whose side the gold leaves out
        accepted += [f"{side} {accepted[0]}" for side in ("maternal", "paternal")]
    if role == "panel_member":  # a panel member's pseudonym may name the job they sat on the panel for
        accepted += [normalise(k.base) for k in KINDS.values() if not k.family and k.role != "panel_member"]
    name = normalise(pseudonym)
    return any(name == a or name.startswith(a + " ") for a in accepted)


def score_pseudonyms(source: str, gold: Sequence[GoldMention], plan: Plan) -> PseudonymScores:
    """Pseudonym scores of one draft: ``gold`` offsets index the text ``plan`` was made for."""
    given = sorted(
        (mention.start, mention.end, entity.pseudonym)
        for entity in plan.entities
        if entity.label == "PERSON" and entity.action is Action.PSEUDONYMISE and entity.pseudonym
        for mention in entity.mentions
    )
    pseudonyms: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, str | None] = {}
    for mention in gold:
        if mention.label != "PERSON" or mention.keep:
            continue
        roles.setdefault(mention.entity_id, mention.role)
        for start, end, pseudonym in given:  # a gold mention a found mention overlaps
            if start < mention.end and mention.start < end:
                pseudonyms[mention.entity_id][normalise(pseudonym)] += 1
                break
    holders: dict[str, set[str]] = defaultdict(set)
    for entity_id, counts in pseudonyms.items():
        for pseudonym in counts:
            holders[pseudonym].add(entity_id)
    scores = PseudonymScores()
    for entity_id, counts in pseudonyms.items():
        main = counts.most_common(1)[0][0]
        scores.people.append(
            PersonResult(
                source,
                entity_id,
                roles[entity_id],
                counts,
                consistent=len(counts) == 1,
                distinct=all(holders[p] == {entity_id} for p in counts),
                role_fit=role_fits(roles[entity_id], main),
            )
        )
    return scores
