"""Word lists and small pure helpers for speaker mentions (names, titles, gender words,
quantifiers, headlines, quotation marks, ages, released texts); general English vocabulary
only."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.extract.model import Actor

PERSONAL = {"he", "she", "him", "her", "his"}
PLURAL = {"they", "them", "we", "us", "their"}
FIRST = {"i", "me", "we", "us"}
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "mister", "madam", "sir", "dame", "lord", "lady"}
PEERAGE = {"sir", "dame", "lord", "lady", "baroness", "baron", "earl", "duke", "duchess"}
OF_PREPS = {"of", "for", "at", "from", "to", "with"}


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# quantified and generic groups: "most said", "42% say", "many experts say", "another says"
QUANTIFIERS = word_set(
    "some many most several few all both half none another others each those these majority "
    "minority number dozens hundreds thousands millions % percent share third quarter fifth "
    "more fewer various numerous plenty lots one two three four five"
)
PRONOUN_GROUPS = word_set(
    "some many most several few all both half none another others each those these more one"
)
# gender evidence written in the article: honorifics, gendered titles and common first names
MALE_WORDS = word_set(
    "mr sir lord king prince spokesman congressman chairman businessman father husband son "
    "brother grandfather uncle nephew boyfriend widower actor councilman assemblyman man"
)
FEMALE_WORDS = word_set(
    "mrs ms miss madam dame lady queen princess spokeswoman congresswoman chairwoman "
    "businesswoman mother wife daughter sister grandmother aunt niece girlfriend widow actress "
    "councilwoman assemblywoman woman baroness duchess"
)
MALE_NAMES = word_set(
    "james john robert michael william david richard joseph thomas charles christopher daniel "
    "matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy "
    "ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin "
    "scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis jerry "
    "tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold "
    "keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan "
    "joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene "
    "vincent russell elijah louis bobby philip johnny bill bob jim tom mike dave steve tim ted "
    "ben chris jeff greg ken mitch rick ron tony nick fred hank hugh ian jon karl kurt luke "
    "martin max neil oliver pete phil ray sam stan todd vic will harry"
)
FEMALE_NAMES = word_set(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty "
    "margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah "
    "stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma "
    "nicole helen samantha katherine christine debra rachel carolyn janet catherine maria "
    "heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn "
    "judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances "
    "kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle "
    "beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori jane "
    "anne veronica valerie sue kate meg liz beth jill jo joanne ellen eleanor irene louise lucy "
    "nora rose sally wendy claire monica hillary chelsea nikki sheila kathy peggy tina"
)
PUBLISH = word_set(
    "release issue publish launch post air send write unveil produce run tweet circulate "
    "distribute file sign deliver"
)
# texts and findings a speaker puts out: "its findings", "his statement" speak for the owner
TEXT_NOUNS = word_set(
    "finding report statement study analysis letter filing book memo ruling complaint "
    "lawsuit testimony remark speech post tweet interview data record survey poll estimate "
    "figure calculation review audit website ad video release article column editorial "
    "document paper conclusion assessment research platform proposal plan message audio footage "
    "recording transcript"
)
TIME_WORDS = word_set(
    "morning afternoon evening night today yesterday tomorrow tonight day days week weeks "
    "weekend month months year years decade century hour hours minute minutes monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december spring summer fall autumn winter"
)
NOT_SPEAKER_ENTS = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"}
STRIP = " ,;:—–-()[]\u00a0"


def clean_name(text: str) -> str:
    text = text.strip().split("\n", 1)[0].strip(STRIP)
    if text.lower().endswith("'s") or text.lower().endswith("’s"):
        text = text[:-2]
    return text.strip(STRIP)


class Headlines:
    """Which lines of a text are Title Case headlines (NER is unreliable there); cached."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cache: dict[int, bool] = {}

    def __call__(self, token: Token) -> bool:
        text = self.text
        a = text.rfind("\n", 0, token.idx) + 1
        if a not in self.cache:
            b = text.find("\n", token.idx)
            words = [w for w in text[a : b if b >= 0 else len(text)].split() if w[:1].isalpha()]
            caps = sum(w[0].isupper() for w in words)
            self.cache[a] = len(words) >= 4 and caps / len(words) > 0.7
        return self.cache[a]


def quoted_tokens(texts: list[str]) -> set[int]:
    """Indices of tokens (given by their texts) inside quotation marks; a quote left open
    ends with its paragraph."""
    inside: set[int] = set()
    open_ = False
    for i, text in enumerate(texts):
        if "\n" in text:
            open_ = False
        elif text in ("“", "”", '"'):
            open_ = text == "“" or (text == '"' and not open_)
        elif open_:
            inside.add(i)
    return inside


def entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def person_only(actor: Actor | None) -> Actor | None:
    """He, she, him, her and his refer to people: never to an organisation or a country."""
    return actor if actor is None or actor.actor_type == "person" else None


def same_person(phrase: Span, actor: Actor) -> bool:
    """Whether a dictionary merge of the mention into a person actor is safe: a first name or a
    peerage title written in the mention must be in the actor's names ("Eric Trump" is not
    Donald Trump, "Lord Harris" is not Kamala Harris)."""
    if actor.actor_type != "person":
        return True
    known = {w.lower().strip(".,") for n in (actor.name, *actor.aliases) for w in n.split()}
    known |= {w.lower() for w in (actor.description or "").split()}
    words = [t for t in phrase if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if any(t.lower_.rstrip(".") in PEERAGE and t.lower_.rstrip(".") not in known for t in phrase):
        return False
    if len(words) >= 2 and words[-1].lower_ in known:
        first = [t for t in words[:-1] if t.lower_.rstrip(".") not in HONORIFICS | PEERAGE]
        if first and len(first[0].text) > 2 and first[0].lower_ not in known:
            return False
    return True


ABBREVIATIONS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "gen": "general",
    "sec": "secretary",
    "pres": "president",
    "atty": "attorney",
    "lt": "lieutenant",
    "col": "colonel",
    "adm": "admiral",
    "supt": "superintendent",
}


def word_of(tok: Token) -> str:
    low = tok.lower_.rstrip(".")
    return ABBREVIATIONS.get(low, low) if tok.text.endswith(".") or low in ABBREVIATIONS else low


def title_words(ent: Span) -> set[str]:
    """Title words written with a person's name: the title right before it ("Supreme Court
    Justice Ann Roe", "Sen. Roe") and an apposition's noun ("Roe, a retired judge,")."""
    root = ent.root
    doc = ent.doc
    words = set()
    before = doc[ent.start - 1] if ent.start > root.left_edge.i else None
    # "Clinton campaign adviser Ann Roe": adviser; "Secretary of State Ann Roe": no "state"
    if before is not None and before.pos_ in ("PROPN", "NOUN") and doc[before.i - 1].lower_ != "of":
        words.add(word_of(before))
    words |= {word_of(t) for t in ent if t.i < ent.end - 1 and t.pos_ in ("PROPN", "NOUN")}
    for child in root.children:  # the apposition's noun ("an oversight panel member": member)
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            words.add(word_of(child))
    return {w for w in words if w.isalpha()}


def gender_of(words: list[str], title: set[str]) -> str | None:
    """'m' or 'f' from an honorific or gendered title, else from a common first name."""
    found = {w for w in title | {words[0].lower().rstrip(".")}}
    if found & FEMALE_WORDS and not found & MALE_WORDS:
        return "f"
    if found & MALE_WORDS and not found & FEMALE_WORDS:
        return "m"
    first = [w.lower() for w in words[:-1] if w.lower().rstrip(".") not in HONORIFICS | PEERAGE]
    if first and first[0] in FEMALE_NAMES:
        return "f"
    if first and first[0] in MALE_NAMES:
        return "m"
    return None


def is_plural(tok: Token) -> bool:
    """A plural noun, a coordination, or a collective of a plural ("an army of supporters")."""
    if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ in ("NNS", "NNPS") for g in c.children)
        for c in tok.children
    )


def author_of(noun: Token) -> Token | None:
    """Who put out the text a relative clause speaks through: the subject of "released",
    "issued", "published" ... whose object the noun is ("X released a video that ..."), or
    of the clause a participle of them hangs on ("X hit back, releasing a video that ...")."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    while noun.dep_ == "conj" and noun.head.i != noun.i:  # "a documentary and ad campaign"
        noun = noun.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in PUBLISH:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        # "X showed no sign of backing down, releasing a statement that ...": X
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.i]
    return subjects[0] if subjects else None


def written_by(noun: Token) -> Token | None:
    """The named author of a text noun: "an analysis by the Pew Center", "audio provided by
    Radio Ohio" give the Pew Center and Radio Ohio; "a report by the end of May" has none."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        preps += [c for c in acl.children if c.dep_ == "agent"]
    objs = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    named = [g for g in objs if g.pos_ == "PROPN" or g.ent_type_ in ("PERSON", "ORG", "NORP")]
    return named[0] if named else None


def counted_of(head: Token) -> Token:
    """What a quantified phrase counts: "many of the lawmakers" counts lawmakers."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return head


def is_age(head: Token) -> bool:
    """An age standing for a person: "the 46-year-old" ("old" after "year -")."""
    doc = head.doc
    return (
        head.lower_ == "old"
        and head.i >= 2
        and doc[head.i - 1].text == "-"
        and doc[head.i - 2].lower_ in ("year", "years")
    )


def is_subgroup(head: Token, phrase: Span, actor: Actor) -> bool:
    """A modified plural of a party or people ("Latino Republicans", "vulnerable
    Democrats") that the resolver widened to the whole organisation: a part of it."""
    if head.tag_ not in ("NNPS", "NNS") or head.ent_type_ != "NORP":
        return False
    if actor.actor_type == "person":
        return False
    mods = [t for t in phrase if t.i < head.i and t.dep_ in ("amod", "compound", "nmod")]
    known = {w.lower() for n in (actor.name, *actor.aliases) for w in n.split()}
    return any(t.lower_ not in known for t in mods)
