"""Words that name a relationship or a job, and the role and pseudonym each one gives."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RoleKind:
    role: str
    base: str  # pseudonym, or its stem before a number / letter
    numbering: str  # "unique" (one only: "Mother"), "number" ("Sibling 1"), "letter" ("Child B")
    family: bool = False


_KINDS = [
    RoleKind("subject_child", "Child A", "unique", True),
    RoleKind("child", "Child", "letter", True),
    RoleKind("sibling", "Sibling", "number", True),
    RoleKind("mother", "Mother", "unique", True),
    RoleKind("father", "Father", "unique", True),
    RoleKind("mothers_partner", "Mother's partner", "unique", True),
    RoleKind("fathers_partner", "Father's partner", "unique", True),
    RoleKind("stepfather", "Stepfather", "unique", True),
    RoleKind("stepmother", "Stepmother", "unique", True),
    RoleKind("adult", "Adult", "number", True),
    RoleKind("family_member", "a family member", "unique", True),
    RoleKind("panel_member", "Panel Member", "number"),
    RoleKind("professional", "Professional", "number"),
]
# A family may have several aunts or uncles on one side: numbered when it does ("Paternal uncle 2"), not made
# "Adult N" as a second mother would be. Half-siblings often have different fathers: "Father 1", "Father 2".
NUMBERED_WHEN_SEVERAL: set[str] = {"father"}
for _side in ("maternal", "paternal", ""):
    for _rel in ("grandmother", "grandfather", "aunt", "uncle", "cousin"):
        _role = f"{_side}_{_rel}" if _side else _rel
        _base = f"{_side.capitalize()} {_rel}" if _side else _rel.capitalize()
        _KINDS.append(RoleKind(_role, _base, "number" if _rel == "cousin" else "unique", True))
        if _rel in ("aunt", "uncle"):
            NUMBERED_WHEN_SEVERAL.add(_role)

# Professionals: (role, pseudonym stem, pattern)
_JOBS = [
    # an approved mental health professional is a social worker in most services
    (
        "social_worker",
        "Social Worker",
        r"(?:senior |student |allocated |locum |agency )?social worker|\bsw\b|\bamhp\b"
        r"|approved mental health professional|independent reviewing officer|\biro\b"
        r"|(?:duty )?(?:senior|advanced) practitioner"  # the social work grades above social worker
        r"|(?-i:\bEDT\b)|emergency duty (?:team )?(?:social )?worker"  # the out-of-hours social work team
        r"|allocated (?:case ?)?worker",  # children's services' word for the child's social worker
    ),
    ("team_manager", "Team Manager", r"team (?:manager|leader)|practice manager|service manager|(?-i:\bTM\b)"),
    ("health_visitor", "Health Visitor", r"health visitor|\bhv\b"),
    ("school_nurse", "School Nurse", r"school nurse"),
    ("midwife", "Midwife", r"(?:community |specialist )?midwife|\bmw\b"),
    ("gp", "GP", r"\bgp\b|general practitioner|family doctor"),
    ("paediatrician", "Paediatrician", r"(?:consultant )?paediatrician|paediatric registrar"),
    (
        "police_officer",
        "Police Officer",
        r"police officer|police constable|detective \w+|\bpc\b|\bwpc\b|\bdc\b"
        r"|\bds\b|\bdi\b|\bdci\b|\bsgt\b|sergeant|inspector|constable",
    ),
    (
        "teacher",
        "Teacher",
        r"(?:head|class|deputy head|assistant head|form|nursery)?\s?teacher|headteacher"
        r"|head of year|head of (?:centre|school|house)|senco|designated safeguarding lead"
        r"|designated (?:person|teacher)|\bdsl\b"
        r"|house(?:mistress|master|parent)|form tutor"
        r"|(?:(?:college|sixth form|personal)\s)?tutor|head of (?:sixth form|department|key stage)"
        r"|teaching assistant|(?-i:\bTA\b)|(?-i:\bD?HT\b)|learning (?:support )?mentor"
        r"|(?:deputy|assistant) head\b(?!\s+of\b)"
        r"|(?:assistant |vice |deputy )principal|principal(?=\s*(?:$|[,.;:)(]|and\b|of\b))"  # no "principal SW"
        r"|pastoral (?:manager|lead|leader|worker|officer|support worker)|head of pastoral(?: care)?",
    ),
    (
        "housing_officer",
        "Housing Officer",
        r"housing (?:options |needs )?(?:officer|worker|support worker|adviser|advisor|caseworker)"
        r"|(?:temporary )?accommodation officer|tenancy (?:sustainment |support )?(?:officer|worker)"
        r"|homelessness (?:officer|caseworker|adviser|advisor)",
    ),
    # those who care for a child for the council or for a living: no family, and no "Mother" of "foster mother"
    ("foster_carer", "Foster Carer", r"foster (?:carer|mother|father|mum|dad|parent)s?|connected (?:person|carer)s?"),
    ("childminder", "Childminder", r"childminder"),
    (
        "family_support_worker",
        "Family Support Worker",
        r"family support worker|early help (?:worker|practitioner|officer)",
    ),
    (
        "camhs_practitioner",
        "CAMHS Practitioner",
        r"camhs (?:practitioner|worker|nurse|clinician|therapist)|primary mental health (?:worker|practitioner)",
    ),
    ("counsellor", "Counsellor", r"counsell?or"),  # not a "councillor"
    ("occupational_therapist", "Occupational Therapist", r"occupational therapist|(?-i:\bOT\b)"),
    ("youth_worker", "Youth Worker", r"youth (?:offending )?(?:worker|officer|practitioner)|yot (?:worker|officer)"),
    # "his key person, X": the early years worker a nursery or children's centre gives each child
    ("nursery_worker", "Nursery Worker", r"nursery (?:manager|worker|practitioner|key worker|nurse)|key person"),
    ("probation_officer", "Probation Officer", r"probation officer|offender manager"),
    # a senior nurse by her old title: "the ward sister", "the night sister" (no sibling)
    (
        "nurse",
        "Nurse",
        r"(?:staff |ward |practice |specialist )?nurse|(?:ward|night|junior|senior|nursing) sister"
        r"|(?-i:\b(?:SN|RGN)\b)",
    ),
    ("doctor", "Doctor", r"doctor|consultant|registrar|\bdr\b"),
    ("psychiatrist", "Psychiatrist", r"psychiatrist"),
    ("psychologist", "Psychologist", r"psychologist"),
    ("paramedic", "Paramedic", r"paramedic|emergency care assistant|ambulance technician"),
    (
        "firefighter",
        "Firefighter",
        r"fire ?fighter|(?:watch|crew|station) manager|\bwm\b|fire (?:officer|investigator)",
    ),
    ("idva", "IDVA", r"\bidva\b|independent domestic (?:violence|abuse) advis[eo]r"),
    (
        "support_worker",
        "Support Worker",
        r"(?:drug|alcohol|substance misuse|domestic abuse|idva|key|support|sleep-in|waking night|night|care) worker",
    ),
    # who leads a family's place of worship: "Pastor Quill", "the imam", "Deaconess Quill"
    (
        "faith_leader",
        "Faith Leader",
        r"pastor|imam|vicar|priest|rabbi|deacon(?:ess)?|evangelist|prophetess|granthi|church (?:elder|leader)"
        r"|(?:church |parish |methodist |baptist )minister|minister of (?:the|a|his|her) church"
        r"|faith leader|religious leader|(?-i:\bRev(?:d|erend)?\b)|reverend|sheikh"
        r"|\babba\b|\babune\b",  # an Eritrean or Ethiopian Orthodox priest's title ("Abba Tobiah")
    ),
    ("interpreter", "Interpreter", r"interpreter|translator"),
    ("solicitor", "Solicitor", r"solicitor"),
    # "KC", "QC" in capitals and not quoted: '("KC")' after a name is what he is called
    ("counsel", "Counsel", r"counsel|barrister|lawyer|(?<![\"“‘])(?-i:KC|QC)(?![\"”’])"),
    ("guardian", "Children's Guardian", r"(?<!special )(?:children['’]s )?guardian(?: ad litem)?"),
    ("judge", "Judge", r"(?:district |circuit |high court )?judge|\bhhj\b|magistrate"),
    ("coroner", "Coroner", r"(?:senior |assistant |area )?coroner"),
]
for _role, _base, _ in _JOBS:
    _KINDS.append(RoleKind(_role, _base, "number"))

KINDS: dict[str, RoleKind] = {k.role: k for k in _KINDS}

_FAMILY = [
    ("subject_child", r"subject child|subject of (?:this|the) review|the subject"),
    # with or without its apostrophe: "mothers partner" in a hurried family table
    ("mothers_partner", r"mother(?:['’]s|s['’]?) (?:partner|boyfriend|girlfriend|husband)|partner of (?:the )?mother"),
    ("fathers_partner", r"father(?:['’]s|s['’]?) (?:partner|girlfriend|boyfriend|wife)|partner of (?:the )?father"),
    # an in-law is family, but no sibling or parent of anyone the review names: "his sister-in-law"
    ("family_member", r"(?:mother|father|sister|brother|son|daughter)s?[- ]in[- ]law"
                      r"|(?:sister|brother|cousin)['’]s (?:wife|husband|partner)"),
    ("sibling", r"(?:half|step)[- ]?(?:sibling|brother|sister)|sibling|brother|sister"),
    ("stepfather", r"step[- ]?father|step[- ]?dad"),
    ("stepmother", r"step[- ]?mother|step[- ]?mum"),
    # and what children call her: "Nanna Bev", "Granny", "Nain" (Welsh), "Nani"/"Dadi", "Babcia", "Bunica",
    # "Ayeeyo" (Somali), "Oma", "Nonna", "Abuela", "Mamgu"
    ("grandmother", r"(?:maternal |paternal )?(?:great[- ])?grand(?:mother|ma|mum|parent)|nan\b|nana\b|nanna\b"
                    r"|granny\b|gran\b|nain\b|nani\b|dadi\b|babcia\b|bunica\b|buni\b|ayeeyo\b|oma\b|nonna\b"
                    r"|abuela\b|mamgu\b|(?-i:\b[MP]GM\b)"),
    # case notes' abbreviations: "MGM", "PGF" (a maternal grandmother, a paternal grandfather); "Dziadek",
    # "Awoowe" (Somali), "Opa", "Nonno", "Taid"
    ("grandfather", r"(?:maternal |paternal )?(?:great[- ])?grand(?:father|pa|dad)|dziadek\b|bunicul\b|awoowe\b"
                    r"|opa\b|nonno\b|abuelo\b|taid\b|(?-i:\b[MP]GF\b)"),
    # and by marriage: "Uncle's wife" in a family table's relation cell
    ("aunt", r"(?:maternal |paternal )?aunt(?:ie)?|khala\b|phupho\b|ciocia\b"
             r"|(?:maternal |paternal )?uncle['’]s (?:wife|partner)"),
    ("uncle", r"(?:maternal |paternal )?uncle|mamu\b|chacha\b|wujek\b"
              r"|(?:maternal |paternal )?aunt(?:ie)?['’]s (?:husband|partner)"),
    ("cousin", r"(?:maternal |paternal )?cousin"),
    # and what children call her: "Hooyo" (Somali), "Ammi" (Urdu)
    ("mother", r"(?:birth |biological )?mother|\bmum\b|hooyo\b|ammi\b"),
    ("father", r"(?:birth |biological |putative |alleged )?father|\bdad\b|aabo\b|abbu\b"),
    ("partner", r"(?:ex-?)?partner|boyfriend|girlfriend"),
    ("child", r"child|baby|infant|son|daughter"),
]


def _wrappable(pattern: str) -> str:
    """``pattern`` with each space outside a character class matching a line break too: a pasted page wraps
    "The health<LINE BREAK>visitor, Mrs Quill"."""
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if not escaped and char == "[":
            in_class = True
        elif not escaped and char == "]":
            in_class = False
        out.append(r"[ \n]" if char == " " and not in_class and not escaped else char)
        escaped = char == "\\" and not escaped
    return "".join(out)


_FAMILY = [(role, _wrappable(pattern)) for role, pattern in _FAMILY]
_JOBS = [(role, base, _wrappable(pattern)) for role, base, pattern in _JOBS]
FAMILY_WORDS = "|".join(f"(?:{p})" for _, p in _FAMILY if _ != "subject_child")
ROLE_PATTERNS: list[tuple[str, str]] = _FAMILY[:-2] + [(r, p) for r, _, p in _JOBS] + _FAMILY[-2:]
ROLE_WORDS = "|".join(f"(?:{p})" for _, p in ROLE_PATTERNS)
JOB_WORDS = "|".join(f"(?:{p})" for _, _, p in _JOBS)
_COMPILED = [(role, re.compile(r"\b(?:" + p + r")\b", re.IGNORECASE)) for role, p in ROLE_PATTERNS]


def phrase_roles(phrase: str) -> list[tuple[int, str, str]]:
    """Every role named in ``phrase``, as (offset, role, matched words), left to right."""
    found: list[tuple[int, int, str, str]] = []
    for role, pattern in _COMPILED:
        for match in pattern.finditer(phrase):
            found.append((match.start(), -(match.end() - match.start()), role, match.group(0)))
    found.sort()
    taken_until = -1
    result = []
    for start, negative_len, role, words in found:
        if start >= taken_until:
            role = _sided(role, words)
            result.append((start, role, words))
            taken_until = start - negative_len
    return result


# The role of someone listed by their service alone ("Dawn - CSC, Looked After Children team", "Gemma - Police,
# CSE Team"): the professional that service sends.
_SERVICE_ROLES = [
    ("police_officer", r"police|constabulary|cid\b|public protection unit"),
    ("social_worker", r"social care|social services|\bcsc\b|children['’]s services|\bmash\b|looked after children"),
    ("school_nurse", r"school nursing"),
    ("health_visitor", r"health visiting"),
    ("midwife", r"midwifery|maternity"),
    ("housing_officer", r"housing"),
    ("youth_worker", r"youth offending|\byot\b|youth service"),
    ("nurse", r"sexual health|contraception|emergency dep(?:artmen)?t|\ba&e\b|\bed\b"),
    ("teacher", r"\bschool\b|academy|college|education"),
    ("solicitor", r"\bsolicitors\b"),
]
_SERVICE_COMPILED = [(role, re.compile(pattern, re.IGNORECASE)) for role, pattern in _SERVICE_ROLES]


def service_role(phrase: str) -> str | None:
    """The role a named service gives the person it sent, or None."""
    return next((role for role, pattern in _SERVICE_COMPILED if pattern.search(phrase)), None)


def first_role(phrase: str) -> str | None:
    roles = phrase_roles(phrase)
    return roles[0][1] if roles else None


def _sided(role: str, words: str) -> str:
    lower = words.lower()
    for side in ("maternal", "paternal"):
        abbreviated = lower in (f"{side[0]}gm", f"{side[0]}gf")  # "MGM" of a case note
        sided = role in ("grandmother", "grandfather", "aunt", "uncle", "cousin")
        if sided and (lower.startswith(side) or abbreviated):
            return f"{side}_{role}"
    if role == "grandmother" and "grandparent" in lower:
        return "grandparent"
    return role


KINDS["grandparent"] = RoleKind("grandparent", "Grandparent", "number", True)
KINDS["partner"] = RoleKind("partner", "Adult", "number", True)

_FEMALE = ("mother", "grandmother", "aunt", "stepmother")
_MALE = ("father", "grandfather", "uncle", "stepfather")


def role_gender(role: str | None) -> str | None:
    """ "f" / "m" for a role that says it ("mother", "paternal_uncle"); None otherwise."""
    if not role:
        return None
    last = role.rsplit("_", 1)[-1]
    if role.endswith("s_partner"):
        return None
    return "f" if last in _FEMALE else "m" if last in _MALE else None
