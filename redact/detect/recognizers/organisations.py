"""Identifying non-statutory organisations that ``institutions.OrganisationRecognizer`` does not cover.

* firms by their trade or legal suffix: "Coldline Logistics", "Penrose Akhtar Family Law",
  "Harwood & Sons", "Northway Cars", "Brook Haulage";
* any capitalised name in a naming context: "a charity called Step Up", "the Step Up project",
  "worked for Coldline", "employed by Harwood".

Statutory agencies ("Northshire County Council", "NHS", "Eastmoor Constabulary") are found here too
when a context names them, and the KeepFilter, which knows the agency shapes, drops them.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.lang.en.stop_words import STOP_WORDS

from redact.detect.gazetteer import gazetteer
from redact.detect.keep import is_nationality_word, vocabulary
from redact.detect.recognizers.base import UkEntityRecognizer
from redact.detect.recognizers.institutions import NamedPlaceRecognizer
from redact.lexicon import is_english_form, is_verb_form, noun_lemmas

# One capitalised word of a name (any script), and a run of them with inner connectors.
_CAP = r"\p{Lu}[\p{L}\p{M}'’&.-]*"
_RUN = rf"{_CAP}(?:[ \t]+(?:(?:of|the|and|&|for|on|upon)[ \t]+)?{_CAP}){{0,4}}"
_ENDS = r"(?![\w'’-])"
# a full stop after a word of three letters or more ends the sentence: "Beacon Lets. The" (not "St. Hester's")
_SENTENCE_END = regex.compile(r"(?<=\p{Ll}{3})\.[ \t]+")
# ... and after a month or a firm's suffix too, before a capital: "on 3 May. Quell Support", "Quell Homes Ltd. He"
_ANY_SENTENCE_END = regex.compile(r"(?<=\p{L}{3})(?<!Mrs|Rev|Revd|Prof)\.[ \t]+(?=\p{Lu})")
_ON_A_DAY = regex.compile(r"[ \t]+on[ \t]+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b")
# a business name may hold a small word: "Polished by Ronke", "House of Fades", "Fish and Chips"
_BUSINESS_RUN = rf"{_CAP}(?:[ \t]+(?:(?:of|the|and|&|by|on|at|in|for)[ \t]+)?{_CAP}){{0,4}}"


class TradeNameRecognizer(NamedPlaceRecognizer):
    """``<capitalised words> <trade or firm suffix>``: employers and firms."""

    ENTITY = "ORGANISATION"
    HEAD = (
        r"(?:Tandoori|Balti|Curry|Spice|Kebab|Pizza|Burger|Chicken)[ \t]+House|"  # "Quellin Balti House", whole
        r"Logistics|Haulage|Freight|Couriers?|Cars|Taxis?|Private[ \t]+Hire|Removals|Transport|Motors|Autos|"
        r"Garage|Builders|Construction|Roofing|Plumbing|Electrical|Scaffolding|Landscaping|Cleaning|"
        r"Catering|Caf[eé]|Restaurant|Takeaway|Kebabs?|Pizza|Bakery|Barbers?|Salon|Nails|Security|"
        r"Recruitment|Family[ \t]+Law|Lawyers|Legal|Law|Accountants|Estate[ \t]+Agents|Lettings|"
        r"&[ \t]+Sons|and[ \t]+Sons|&[ \t]+Co\.?|Inc\.?|Boxing[ \t]+Club|Martial[ \t]+Arts|Dojo|Gurdwara|"
        r"Kingdom[ \t]+Hall|Madrasa|Madrassa|Meeting[ \t]+House|Tabernacle|"
        # venues, shops and providers where families are seen: "Eden Lodge Hotel", "the Old Forge Inn",
        # "Quellgate Pharmacy", "Tarnbrook Foods", "Quellstar Support Services", "Ostlebury Housing Trust"
        r"Hotel|Inn|Arms|Tavern|Guest[ \t]+House|B&B|Bed[ \t]+and[ \t]+Breakfast|Pharmacy|Chemists?|Foods|"
        r"Stores|Supermarket|Solutions|Housing[ \t]+Trust|Housing[ \t]+Association|Homes(?:[ \t]+Trust)?|Auctions|"
        r"Joinery|Kitchen|"
        # a local paper: "the Marlhaven Mercury"
        r"Gazette|Echo|Herald|Chronicle|Advertiser|Mercury|Courier|Argus|Examiner|"
        r"Fellowship|Ministries|Day[ \t]+Opportunities|Homecare|Home[ \t]+Care|Care[ \t]+Agency|"
        r"(?:Support|Language|Interpreting|Translation|Cleaning|Building|Property|Maintenance|Security)[ \t]+Services|"
        r"Services|"  # after a coined word alone: "QuellSpeak Services" (see ``accept``)
        r"Interpreting|Translations?|Groundworks|Driveways|Paving|Plastering|Decorating|Carpets|Flooring|"
        r"Studios?|Hair|Beauty|Travel|Coaches|Buses|Tours|"
        # shops and services a family uses: "Starline Bets", "Crown Chicken", "Fenway Service Station"
        r"Bets|Betting|Bookmakers|Tuition|Tutors|Tutoring|Training|(?:Service|Petrol|Filling)[ \t]+Station|"
        r"Chicken|Grill|"
        r"Off[ \t]+Licence|Convenience[ \t]+Store|Mini[ \t]?Market|Launderette|(?:Hand[ \t]+)?Car[ \t]+Wash|Valeting|"
        r"Produce|Packing|Packers|Growers|Poultry|Meats|Dairies|Abattoir|"  # food firms: "Fenway Fresh Produce"
        r"Tyres|Nail[ \t]+Bar|Tattoo(?:[ \t]+Studio)?|Vapes?|Phones|Mobiles|"
        r"Tandoori|Balti|Spice|"
        r"Diner|Fish[ \t]+Bar|Chippy|Chip[ \t]+Shop|Pizzeria|Grill[ \t]+House|Fitness|Boxing|(?-i:ABC)|"
        r"Shisha(?:[ \t]+(?:Lounge|Bar|Caf[eé]))?|Lounge|Hookah|"  # "the Layla Shisha Lounge"
        r"Glazing|Locksmiths?|Fencing|Joiners|Carpentry|"  # a landlord's contractors
        # where a family lives or stays: "Heron's Reach Holiday Park", "Mill Race Traveller Site"
        r"Holiday[ \t]+(?:Park|Village)|Caravan[ \t]+(?:Park|Site)|Travell?ers['’]?[ \t]+Site|Traveller[ \t]+Site|"
        r"Mobile[ \t]+Home[ \t]+Park|Park[ \t]+Homes|Camp[ \t]?site|"
        # workplaces: "Firth & Oldroyd Wire Works", "Calder Mills"
        r"Works|Mills?|Factory|Foundry|Depot|Warehouse|Dealership|Car[ \t]+Sales|"
        # shops and services: "Smart Start Schoolwear", "Kernow Recovery Hub"
        r"Schoolwear|Uniforms|Boutique|Florists?|Newsagents?|Butchers|Jewellers|Hub|"
        # where a parent works evenings: "Quellbury Dry Cleaners", "Tarn Tailors & Alterations"
        r"(?:Dry[ \t]+)?Cleaners|Dry[ \t]+Cleaning|Laundry|Tailors?|Alterations|Shoe[ \t]+Repairs|Opticians?|"
        # a drug or alcohol service run by a charity: "New Leaf Recovery"
        r"Recovery|"
        # a registered childminder's business: "Bluebell Childminding", "Tiny Acorns Childcare"
        r"Childminding|Childminders|Childcare|"
        # an independent fostering or adoption agency: "Quellbrook Fostering"; a seaside employer: "Tarn Amusements"
        r"Fostering|Foster[ \t]+Care|Adoptions?|Amusements|Arcades?|"
        # a private provider of children's homes: "Evergreen Care Group"
        r"Care[ \t]+Group|Care[ \t]+Homes"
    )
    SCORE = 0.7
    CONTEXT = ["worked", "employed", "employer", "company", "firm", "business"]

    def accept(self, text: str, start: int, head_start: int) -> bool:
        words = regex.findall(r"[\p{L}'’]+", text[start:head_start])
        vocab = vocabulary()
        if words and all(vocab.is_vocabulary_word(w) and w.lower() not in vocab.place_nouns for w in words):
            return False  # "LSCB Training": a board's own course, no firm; but "Parade Cars" is a taxi firm
        if _BARE_SERVICES.match(text, head_start) and not _COINED_WORD.fullmatch(text[start:head_start].strip()):
            return False  # "Children's Services", "Tarnwick Services": an agency or its area, no firm's brand
        service = _SERVICE_HEAD.match(text, head_start)
        if service and any(vocab.is_vocabulary_word(w) or w == "and" for w in words):
            return False  # "Service Lead, Adoption and Fostering", "Permanence and Private Fostering"
        return super().accept(text, start, head_start)


_BARE_SERVICES = regex.compile(r"Services(?![\w'’-])")
# one coined brand word, capitals inside it as no English word has them: "QuellSpeak", "CareWorx"
_COINED_WORD = regex.compile(r"\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+")

# heads that are also a council's service: a firm's name only after words of its own ("Quellbrook Fostering")
_SERVICE_HEAD = regex.compile(r"(?i:Fostering|Foster[ \t]+Care|Adoptions?)\b")


# "Quellfield and the provider's other homes", "Tarnmoor and the trust's other hospitals": one of a kind of place
# the sentence names, by a coined name (not "The Home and its other units")
_ONE_OF_A_KIND = regex.compile(
    rf"(?<![\w-])(?P<name>{_RUN})[ \t]+and[ \t]+(?i:the|its|their|his|her)[ \t]+(?:[\w'’]+['’]s?[ \t]+)?"
    r"other[ \t]+(?i:homes|schools|academies|hospitals|units|nurseries|practices|surgeries|centres|hostels|"
    r"branches|sites)\b"
)


# "Romanian interpreter (Quell Bridge)", "advocate (Tarnmoor Voices)": the firm or service in brackets after the
# worker's job, as an attendance list gives it
_WORKERS_FIRM = regex.compile(
    rf"(?<![\w-])(?i:interpreter|translator|advocate|caseworker|counsellor|mentor|befriender|volunteer|"
    rf"(?:support|outreach|key|project|link)[ \t]+worker)[ \t]*\([ \t]*(?P<name>{_RUN})[ \t]*\)"
)


class OrganisationContextRecognizer(UkEntityRecognizer):
    """A capitalised name that a context calls an organisation: "a charity called Step Up",
    "the Step Up project", "worked for Coldline", "employed by Harwood"."""

    ENTITY = "ORGANISATION"
    SCORE = 0.6
    _KINDS = (
        r"charity|project|organisation|organization|company|firm|business|group|church|club|employer|provider|"
        r"agency|service|venue|community|food[ \t]+bank|playgroup"
    )
    PATTERNS = (
        regex.compile(
            rf"(?<![\w-])(?i:{_KINDS}){_ENDS}[ \t]+(?i:called|named|known[ \t]+as)[ \t]+[\"“‘']?(?P<name>{_RUN}){_ENDS}"
        ),
        # "the Step Up project", "The Hive youth club"
        regex.compile(
            rf"(?<![\w-])(?i:the)[ \t]+(?P<name>{_RUN})[ \t]+"
            rf"(?:project|charity|programme|scheme|youth[ \t]+(?:club|centre|project|group)){_ENDS}"
        ),
        # 'the "Busy Bees" toddler group': a name in quotes, then its kind
        regex.compile(
            rf"(?<![\w-])(?i:the|a|an)[ \t]+[\"“‘](?P<name>{_RUN})[\"”’][ \t]+(?:[a-z-]+[ \t]+){{0,2}}?"
            rf"(?:project|charity|group|club|playgroup|centre){_ENDS}"  # not 'a "Safe Spaces" programme'"
        ),
        # "referred to Quell Steps young carers project", "support from Carers in Quell parenting programme", "the
        # Bittern young people's drug project": a name, then what kind of service it is in lower case
        regex.compile(
            rf"(?<![\w-])(?i:to|from|by|with|at|the)[ \t]+(?P<name>{_BUSINESS_RUN})[ \t]+"
            rf"(?P<describing>(?:(?!(?:the|a|an|of|from|at|in|with|for|to|by|on|about|and|or|his|her|their|its|who|"
            rf"which|that|was|is|were|had|has)\b)[a-z][a-z-]*(?:['’]s)?[ \t]+){{1,3}}?)"
            rf"(?:project|charity|programme|scheme|service|group){_ENDS}"
        ),
        # "the youth charity Brighter Days", "a church community, the Fellowship of ..."
        regex.compile(rf"(?<![\w-])(?i:charity|organisation|organization|youth[ \t]+(?:club|project|group)|"
                      # a tab ends a table's cell: "Youth project<TAB>Tobiah starts" names no project
                      rf"support[ \t]+group)[ ]+[\"“‘']?"
                      rf"(?P<name>{_RUN}){_ENDS}"),
        regex.compile(
            # "job with Tarnmoor Poultry", "work with Quell Steps Service", not "worked with Hester": a worker works
            # with people, so after "worked with" only a name of two words or more
            rf"(?<![\w-])(?:(?i:worked|works|working|work|job|employed|employment)[ \t]+(?:for|at|by)|"
            rf"(?i:job|employed|employment)[ \t]+with|"
            rf"(?i:worked|works|working|work)[ \t]+with"
            rf"(?=[ \t]+{_CAP}(?<!\.)[ \t]+(?:(?:of|the|and|&|for)[ \t]+)?\p{{Lu}}))[ \t]+"
            rf"(?P<name>{_RUN}){_ENDS}"
        ),
        # "works nights at Quellgate Dairy", "worked part-time for Quarrell's", "works nights at the Tarn Lagoon":
        # when or how much before the employer
        regex.compile(
            rf"(?<![\w-])(?i:worked|works|working)(?:[ \t]+[a-z-]+){{1,2}}?[ \t]+(?:for|at)[ \t]+(?:the[ \t]+)?"
            rf"(?P<name>{_RUN}){_ENDS}"
        ),
        # a firm named by its owners' initials: "scaffolding for Q&P Access" (not "A&E", "B&B", nor a glossary's
        # "L&D Liaison and Diversion")
        regex.compile(
            r"(?<![\w-])(?i:for|at|with|by|from)[ \t]+(?!A[ \t]?&[ \t]?E\b|B[ \t]?&[ \t]?B\b)"
            r"(?P<name>\p{Lu}{1,2}[ \t]?&[ \t]?\p{Lu}{1,2}(?:[ \t]+\p{Lu}\p{Ll}+){1,2})(?![\w&])"
        ),
        # "worshipped at the Quellgate Assembly of Praise", "attended services at Tarnbrook Chapel": a family's church
        regex.compile(
            rf"(?<![\w-])(?i:worshipp?ed|worships|worshipping|attended[ \t]+services|attends[ \t]+services)[ \t]+at"
            rf"[ \t]+(?:the[ \t]+)?(?P<name>{_RUN}){_ENDS}"
        ),
        # "a flat let by Haven Fen Housing", "rented from Calder Homes": the landlord
        regex.compile(rf"(?<![\w-])(?i:let|rented|leased|managed|owned)[ \t]+(?:by|from)[ \t]+(?P<name>{_RUN}){_ENDS}"),
        # "worked for years as a maintenance technician at Neptune's Amusements": the employer after the job
        regex.compile(
            rf"(?<![\w-])(?i:as)[ \t]+(?i:a|an)[ \t]+(?:[a-z-]+[ \t]+){{0,3}}?[a-z-]+[ \t]+(?:at|for)[ \t]+"
            rf"(?P<name>{_RUN}){_ENDS}"
        ),
        # "a personal trainer at Fitness Forge", "the owner of Kestrel Blinds": a private employer's staff
        regex.compile(
            rf"(?<![\w-])(?i:trainer|instructor|coach|owner|proprietor|volunteer|cashier|receptionist|driver|chef|"
            rf"cook|waiter|waitress|cleaner|supervisor|steward|mechanic|stylist|hairdresser|barber|shop[ \t]+assistant)"
            rf"[ \t]+(?:of|at|for|with)[ \t]+(?:the[ \t]+)?(?P<name>{_RUN}){_ENDS}"
        ),
        # "an advocate from Fenwick Voices", "a support worker from Open Hand": the service a worker came from
        regex.compile(
            rf"(?<![\w-])(?i:advocate|caseworker|counsellor|mentor|befriender|volunteer|(?:support|outreach|key|youth|"
            rf"family|project|link)[ \t]+worker)[ \t]+from[ \t]+(?:the[ \t]+)?(?P<name>{_RUN}){_ENDS}"
        ),
        # 'registered as a childminder in 2009 under the name "Tarn Ducklings"': a business's trading name (in a
        # sentence a pasted line may wrap)
        regex.compile(
            rf"(?<![\w-])(?i:childminder|childminding|business|firm|shop|company|salon|trades|traded|trading|registered|"
            rf"operates|operated|operating)\b[^.]{{0,120}}?\b(?i:under\s+the\s+(?:trading\s+|business\s+)?name)\s+"
            rf"[\"“‘']?(?P<name>{_RUN}){_ENDS}"
        ),
        _ONE_OF_A_KIND,
        _WORKERS_FIRM,
        # "licensee of The Mermaid's Rest", "a cellarman at the Otter and Anchor": who runs or serves in a pub
        regex.compile(
            rf"(?<![\w-])(?i:licensee|landlord|landlady|cellarman|barman|barmaid|bar[ \t]+staff|doorman)[ \t]+"
            rf"(?:of|at)[ \t]+(?:the[ \t]+)?(?P<name>{_RUN}){_ENDS}"
        ),
    )
    # Words that open a run but are no name: "the Step Up project" is fine, "the Early Help project" is
    # generic (the KeepFilter and the vocabulary decide the rest).
    _GENERIC = frozenset(["the", "a", "an", "his", "her", "their", "a&e", "home", "night", "nights", "weekends", "this",
                          "that", "there", "she", "they", "which", "what"])

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for pattern in self.PATTERNS:
            for match in pattern.finditer(text):
                describing = match.groupdict().get("describing") or ""
                if any(word.endswith("ed") and is_verb_form(word) for word in describing.split()):
                    continue  # "contact to Hester - declined service": what she did, no kind of service
                start, end = match.span("name")
                name = _SENTENCE_END.split(text[start:end], maxsplit=1)[0].rstrip(".'’")
                if name.lower() in self._GENERIC or len(name) < 3:
                    continue
                after_the = text[max(0, start - 4) : start].lower() == "the "
                bare = regex.sub(r"['’]s$", "", name)  # "the Board's learning programme": whose programme
                if after_the and all(vocabulary().is_vocabulary_word(word) for word in bare.split()):
                    continue  # "worked shifts at the Council": the kind of employer, no name
                if pattern is _ONE_OF_A_KIND and any(is_english_form(w.lower()) for w in name.split()):
                    continue  # "The Home and its other units": words, no name
                if pattern is _WORKERS_FIRM and (" " not in name or is_nationality_word(name.split()[0])):
                    continue  # "telephone interpreter (Sylheti)", "(Polish Line)": a language, no firm
                yield start, start + len(name), self.SCORE


_VENUE_KINDS = (
    r"charity|(?:social[ \t]+)?enterprise|newspaper|organisation|organization|company|firm|business|church|club|"
    r"provider|agency|project|group|salon|"
    r"shop|store|caf[eé]|restaurant|takeaway|pub|bar|hotel|gym|venue|employer|hostel|refuge|centre|mosque|temple|"
    r"public[ \t]+house|inn|tavern|unit|school|academy|nursery|college|service|hub|clinic|practice|food[ \t]+bank|"
    r"playgroup"
)
# "a toddler group called": what the naming verb after it names is a group, a firm or a place, not a person
KIND_BEFORE_NAMING = regex.compile(
    rf"(?<![\w-])(?i:a|an)[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?(?i:{_VENUE_KINDS})[ \t]+$"
)
# a space, or a line a PDF wrapped: "Hearthstone Lodgings, a<NEWLINE>small charity"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
# the kind is no head noun where a worker follows it: "Ebun Quill, an experienced agency social worker"
_NOT_A_WORKER = (
    r"(?![ \t]+(?i:social|support|key|family|youth|care|worker|workers|nurse|manager|officer|volunteer|coach|"
    r"leader|teacher|member|staff|carer|therapist|practitioner|assistant|owner|driver)\b)"
)
# up to four describing words before the kind ("a small local charity", "the out-of-hours GP service", "the
# Tuesday toddler group", "a young people's drugs project"), not a phrase ("a friend from church")
_DESCRIBING = (
    rf"(?:(?!(?:of|from|at|in|with|for|to|by|on|who|which|that)\b)"
    rf"(?:[a-z-]+(?:['’]s)?|\p{{Lu}}{{2,5}}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day){_GAP}){{0,4}}?"
)
# the closing quote of a name in quotes: '"Busy Bees", the toddler group'
_QUOTE_CLOSE = r"[\"”’]?"


class AppositionOrganisationRecognizer(OrganisationContextRecognizer):
    """A name with its kind in apposition: "Quellbridge Roma Support, a small charity", "Quell Steps, the charity
    commissioned to ...", "her nail bar, Polished
    by Ronke,". The apposition says what the words are, so it outweighs a model that took them for a person."""

    SCORE = 0.8
    PATTERNS = (
        regex.compile(
            rf"(?<![\w'’-])(?P<name>{_RUN}){_QUOTE_CLOSE},{_GAP}(?:a|an){_GAP}{_DESCRIBING}"
            rf"(?i:{_VENUE_KINDS}){_ENDS}{_NOT_A_WORKER}"
        ),
        # "Quell Steps, the charity commissioned to ...": "the" and its kind end a clause or begin one (not "Ebun
        # Quill, the charity manager")
        regex.compile(
            rf"(?<![\w'’-])(?P<name>{_RUN}){_QUOTE_CLOSE},{_GAP}the{_GAP}{_DESCRIBING}(?i:{_VENUE_KINDS})"
            r"(?=[ \t]*[,.;:)]|\s+(?:that|which|who|commissioned|funded|run|based|set|working|contracted)\b)"
        ),
        # "Bittern is a small charity commissioned by ...": a name defined by its kind, a clause or a relative
        # after the kind (not "Ebun is a charity worker")
        regex.compile(
            rf"(?<![\w'’-])(?P<name>{_RUN}){_GAP}(?:is|was){_GAP}(?:a|an|the){_GAP}{_DESCRIBING}(?i:{_VENUE_KINDS})"
            r"(?=[ \t]*[,.;:)]|\s+(?:that|which|commissioned|funded|run|based|set|working|contracted|for)\b)"
        ),
        # "Turning Tide (the commissioned drug and alcohol service)", "Open Gate (local homelessness charity)":
        # the kind in brackets after the name
        regex.compile(
            # (not "(a neighbour from church)", a person the kind only places)
            rf"(?<![\w'’-])(?P<name>{_RUN})[ \t]*\([ \t]*(?:(?i:the|a|an)[ \t]+)?"
            rf"(?:(?!(?:from|at|of|in|with|to)[ \t])[a-z-]+[ \t]+){{0,5}}?(?i:{_VENUE_KINDS})[ \t]*\)"
        ),
        # not "a pupil of the Academy, Roxana Mihalache": the venue there is where the person named belongs
        regex.compile(
            rf"(?<![\w-])(?<!\bof[ \t]+)(?i:his|her|their|the|a|an){_GAP}{_DESCRIBING}(?i:{_VENUE_KINDS}),{_GAP}"
            rf"(?!(?:Mr|Mrs|Ms|Miss|Dr|Mx)\b)(?P<name>{_BUSINESS_RUN}){_ENDS}"
        ),
    )

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for start, end, score in super().find(text, nlp_artifacts):
            ends = list(_ANY_SENTENCE_END.finditer(text, start, end))
            if ends and text[end : end + 2].lstrip()[:1] in (",", "("):
                start = ends[-1].end()  # "on 3 May. Quell Support, a small charity": not the month
            elif ends:
                end = ends[0].start()  # "the charity, Quell Steps. A plan": not the next sentence
            if text[start - 2 : start] == ", " and _a_persons_name(text[start:end]):
                continue  # "a manager in the youth service, Ebun Pelbury": who, not which
            yield start, end, score


def _a_persons_name(words: str) -> bool:
    """A first name and a surname: "Ebun Pelbury" (not "Quell Steps", nor "Hope Families Together")."""
    parts = words.split()
    gaz = gazetteer()
    surname = len(parts) in (2, 3) and (gaz.is_surname(parts[-1]) or not is_english_form(parts[-1].lower()))
    return surname and gaz.is_first_name(parts[0]) and all(p[:1].isupper() for p in parts[1:])


_OPENING_WORDS = frozenset(["the", "a", "an", "his", "her", "their", "this", "that", "local"])
_NEXT_WORD = regex.compile(r"[ \t]+(\p{Ll}+)")


class NamedVenueRecognizer(UkEntityRecognizer):
    """A name the words around it make a venue, a firm or a club: "Castle Vale bookmaker's", "Kutz & Kulture"
    (two names joined by an ampersand, as firms are), "trained with the Fenland Swifts". A lone English word
    before the kind ("Corner shop") and English words around an ampersand ("Health & Safety") are no names."""

    ENTITY = "ORGANISATION"
    SCORE = 0.65
    _BEFORE_KIND = regex.compile(
        rf"(?<![\w'’-])(?P<name>{_RUN})[ \t]+(?:bookmaker['’]?s|bookies|betting[ \t]+shop|barber['’]?s|barbershop|"
        rf"takeaway|caf[eé]|pub|public[ \t]+house|hotel|salon|nail[ \t]+bar|shop|store|gym|restaurant|car[ \t]+wash)"
        rf"{_ENDS}"
    )
    _AMPERSAND = regex.compile(rf"(?<![\w'’-])(?P<name>{_CAP}[ \t]+&[ \t]+{_CAP}){_ENDS}")
    _CLUB = regex.compile(
        rf"(?<![\w-])(?i:trained|trains|training|swam|swims|played|plays|raced|races|member)[ \t]+(?:with|for|of)"
        rf"[ \t]+(?:the[ \t]+)?(?P<name>{_RUN}){_ENDS}"
    )

    # a pub's "the <noun> and <noun>" where someone goes or is: "went on to the Otter and Anchor", "drinking in the
    # Heron and Kettle"; not the report's own pairs ("the Health and Wellbeing Board", "to the Children and Families")
    _PAIR_OF_NOUNS = regex.compile(
        r"(?<=\b(?i:at|to|in|into|from|outside|near|inside|opposite|behind)[ \t]+the[ \t]+)"
        r"(?P<name>\p{Lu}\p{Ll}+[ \t]+and[ \t]+\p{Lu}\p{Ll}+)(?![\w'’-]|[ \t]+\p{Lu})"
    )

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for pattern in (self._BEFORE_KIND, self._AMPERSAND, self._CLUB, self._PAIR_OF_NOUNS):
            for match in pattern.finditer(text):
                words = regex.findall(r"[\p{L}'’]+", match.group("name"))
                english = [is_english_form(w.lower()) for w in words]
                if words[-1].endswith(("'s", "’s")) or words[0].lower() in _OPENING_WORDS:
                    continue  # "Kelly's shop" is a person's
                if all(english) and (pattern is self._AMPERSAND or len(words) == 1):
                    continue
                if pattern is self._PAIR_OF_NOUNS and not self._pub_like(text, match.end(), words[0], words[-1]):
                    continue
                start, end = match.span("name")
                cut = _ANY_SENTENCE_END.search(text, start, end)  # "played for Quell Rovers JFC on Saturdays. He"
                end = cut.start() if cut else end
                day = _ON_A_DAY.search(text, start, end)
                end = day.start() if day else end  # ... and before the day it plays on
                yield start, end, self.SCORE

    @staticmethod
    def _pub_like(text: str, end: int, first: str, second: str) -> bool:
        """Two plain English nouns, neither a word of reports and agencies ("Otter", "Anchor"; not "Health"), with no
        noun after them that they would describe ("the Science and Technology block")."""
        words = (first.lower(), second.lower())
        if not all(is_english_form(w) and not vocabulary().is_vocabulary_word(w) for w in words):
            return False
        after = _NEXT_WORD.match(text, end)
        noun = after.group(1) if after else ""
        return not noun or noun in STOP_WORDS or noun not in noun_lemmas() or is_verb_form(noun)


# what a unit of the armed forces is called after its name: "the Scarrow Rifles", "the Royal Marchmont Regiment"
_UNIT_KIND = (
    r"Regiment|Rifles|Guards|Fusiliers|Dragoons|Hussars|Lancers|Yeomanry|Highlanders|Rangers|Commando|Corps|"
    r"Squadron|Battalion|Flotilla|Borderers|Grenadiers|Greenjackets|Gurkhas|Light[ \t]+Infantry|Marines"
)
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"


class MilitaryUnitRecognizer(UkEntityRecognizer):
    """A serving parent's unit: "1st Battalion The Scarrow Rifles", "4th Battalion, the Royal Marchmont Regiment",
    "the Scarrow Rifles", "12 Signal Regiment". With the barracks and a rank, a unit narrows a family to a
    handful of households on a patch."""

    ENTITY = "ORGANISATION"
    SCORE = 0.8
    _NAMED = rf"(?:[Tt]he[ \t]+)?(?:{_CAP}[ \t]+){{1,3}}(?:{_UNIT_KIND}){_ENDS}"
    PATTERNS = (
        # a numbered sub-unit, with the named unit after it where the draft gives one
        regex.compile(  # "1st<LINE>Battalion The ...": a PDF may wrap after the number
            rf"(?<![\w'’-])(?:{_ORDINAL}|\d{{1,3}})(?:[ \t]+|[ \t]*\n[ \t]*)(?:{_CAP}[ \t]+){{0,2}}?"
            rf"(?:{_UNIT_KIND}|Brigade){_ENDS}(?:,?[ \t]+{_NAMED})?"
        ),
        regex.compile(rf"(?<![\w'’-]){_NAMED}"),
    )

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for pattern in self.PATTERNS:
            for match in pattern.finditer(text):
                words = regex.findall(r"\p{L}+", match.group())
                if not all(vocabulary().is_vocabulary_word(w) or w.lower() == "the" for w in words):
                    yield *match.span(), self.SCORE


class BarracksRecognizer(UkEntityRecognizer):
    """Where a serving family lives and works: "Tidcombe Barracks", "Wrexley Garrison", "RAF Skelby", and where
    a unit was "stationed at Quellager"."""

    ENTITY = "LOCATION"
    SCORE = 0.8
    PATTERN = regex.compile(
        rf"(?<![\w'’-])(?:(?:{_CAP}[ \t]+){{1,3}}(?:Barracks|Garrison|Camp[ \t]+Barracks)|(?:RAF|RNAS|HMNB)[ \t]+"
        rf"{_CAP}(?:[ \t]+{_CAP})?){_ENDS}"
    )
    POSTED = regex.compile(
        r"(?<=\b(?i:stationed|posted|deployed|garrisoned|based)[ \t]+(?:at|in|to)[ \t]+)"
        r"\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}(?![\w'’-])"
    )
    _NO_PLACE_WORDS = frozenset({"headquarters", "hq"})  # "Headquarters Quellby Garrison": the garrison's name

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for match in self.PATTERN.finditer(text):
            start, end = match.span()
            for word in regex.finditer(r"\S+[ \t]+", match.group()):
                word_text = word.group().strip()
                if not (vocabulary().is_vocabulary_word(word_text) or word_text.lower() in self._NO_PLACE_WORDS):
                    break
                start = match.start() + word.end()  # "Welfare Headquarters Quellby Garrison": the garrison's name
            yield start, end, self.SCORE
        for match in self.POSTED.finditer(text):
            words = match.group().split()
            if not all(vocabulary().is_vocabulary_word(w) or is_english_form(w.lower()) for w in words):
                yield *match.span(), self.SCORE


class NamedHouseRecognizer(UkEntityRecognizer):
    """A house, home or unit known by its own name with "The", capitalised mid-sentence: "short breaks at The
    Quellings", "moved to The Old Pelbury"; not a report's or agency's word ("sent to The Board"), nor a title
    going on with "of" ("The Myth of ...")."""

    ENTITY = "ORGANISATION"
    SCORE = 0.6
    PATTERN = regex.compile(
        r"(?<=[\p{Ll},;][ \t]+)The[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)?(?![\w'’-]|[ \t]+(?:\p{Lu}|of\b))"
    )

    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float]]:
        for match in self.PATTERN.finditer(text):
            words = match.group().split()[1:]
            if not any(vocabulary().is_vocabulary_word(word) or word.lower() in STOP_WORDS for word in words):
                yield *match.span(), self.SCORE


def organisation_recognizers() -> list[UkEntityRecognizer]:
    """The recognisers of this module, ready to add to a Presidio registry."""
    return [
        TradeNameRecognizer(),
        OrganisationContextRecognizer(),
        AppositionOrganisationRecognizer(),
        NamedVenueRecognizer(),
        MilitaryUnitRecognizer(),
        BarracksRecognizer(),
        NamedHouseRecognizer(),
    ]
