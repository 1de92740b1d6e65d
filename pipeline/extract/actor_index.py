"""The per-article index behind ActorResolver: named mentions turned into actors.

Built once per doc from ``actor_mentions.scan``: dictionary people and organisations,
countries, metonyms and unknown people (merged over "Ivo Daalder", "Mr Daalder",
"Daalder"), their descriptions, short names and the article's main country. The
noun-phrase and pronoun resolution on top of it lives in ``actors.py``.

The main country is that of the most named head of state or government, else the most
mentioned country (names, demonyms, states such as "Alaska", capitals, national bodies).
In a *domestic* story (the main country has most country mentions) an unknown
organisation (not a firm) or an unknown person without a country word takes the main
country ("the Medical Foundation", "Scotsman journalist Hamish MacDonell" in a British
story): foreigners in such a story are mostly introduced with their country ("Pakistani
President ...", "... of Pakistan"); a US-only office ("Senator ...", "Governor ...") outside
a US story leaves the country empty. "Jo Bloggs, for the Liberal Democrats" takes the
party's country and sector.
An unknown person named with no description ("Mr Smithson") takes a definite title of a
nearby sentence ("The home secretary ...") when nobody else could hold it.

Ids of unknown people: see :func:`person_id` (the full name alone, stable across articles).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from pipeline.extract.actor_data import Entry, load, name_words, norm, surname
from pipeline.extract.actor_mentions import NON_NAME_ENTS, DocWords, Found, scan, title_match
from pipeline.extract.countries import collective_name, country_name
from pipeline.extract.model import Actor, ArticleContext, actor_id, slug

WEAK_TITLES = {
    "chairman",
    "chair",
    "director",
    "head",
    "chief",
    "executive",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "adviser",
    "advisor",
    "aide",
    "leader",
    "commissioner",
    "fellow",
    "senior fellow",
    "president",
}
INSTITUTIONAL = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}
# Offices of the United States only: a "senator John Doe" in a British story is no Briton.
US_TITLES = {
    "senator",
    "sen",
    "congressman",
    "congresswoman",
    "congressmember",
    "governor",
    "gov",
    "rep",
    "representative",
    "state senator",
    "lieutenant governor",
}
Place = tuple[str | None, str | None]  # (iso3, region name)
# A domestic story: the main country has at least this many and this share of the
# country mentions; its unknown organisations and described people are then its own.
DOMESTIC_MIN, DOMESTIC_SHARE = 3, 0.6


class ActorIndex:
    """Actors of one article's named mentions, by token."""

    def __init__(self, doc: Doc, ctx: ArticleContext) -> None:
        self.doc = doc
        self.ctx = ctx
        self._data = load()
        self._actors: dict[str, Actor] = {}
        self._aliases: dict[str, set[str]] = {}
        self._gender: dict[str, str | None] = {}
        self._generic: set[str] = set()
        self._unknown: set[str] = set()  # people the dictionary does not know
        self._role_link: dict[int, str] = {}  # "the home secretary" token -> "Mr Smithson"
        self._cover: dict[int, str] = {}  # token index -> actor id of a name mention
        self._heads: dict[int, str] = {}  # head token of each name mention -> actor id
        self._pron: dict[int, str] = {}  # pronoun token -> actor id
        self._seat_of: dict[int, str] = {}  # token of a metonym ("Moscow") -> its country
        self._by_surname: dict[str, str | None] = {}
        self._by_first: dict[str, str | None] = {}
        self.domestic = False  # most country mentions are of the main country
        self._strangers: set[str] = set()  # surnames of dictionary people that are not them
        self.words = DocWords(doc)  # token strings, shared with the pronoun and speaker passes
        found = scan(self.words)
        self.main_country: str | None = self._pick_main_country(found)
        found = self._demote_strangers(found)
        known: dict[str, list[Entry]] = {}
        for f in found:
            if (
                f.entry is not None
                and f.kind == "person"
                and f.entry not in known.get(surname(f.entry.name), [])
            ):
                known.setdefault(surname(f.entry.name), []).append(f.entry)
        self._known_by_surname = {k: v[0] for k, v in known.items() if len(v) == 1}
        self._add_found(found)
        self._link_short_names()
        self._link_roles()

    def _register(self, actor: Actor, alias: str | None = None, gender: str | None = None) -> str:
        aid = actor.actor_id
        known = self._actors.get(aid)
        if known is None:
            self._actors[aid] = actor
            self._gender[aid] = gender
        elif known.description is None and actor.description is not None:
            self._actors[aid] = replace(known, description=actor.description)
        if alias:
            self._aliases.setdefault(aid, set()).add(alias)
        return aid

    def _actor_from(self, f: Found) -> Actor:
        desc = f.description.text if f.description is not None else None
        e = f.entry
        if e is not None:
            return _entry_actor(e, desc)
        if f.kind == "country":
            iso = f.country or ""
            name = country_name(iso)
            qid = self._data.country_qids.get(iso)
            return Actor(actor_id(name, iso, None, qid), name, "country", iso, None, qid)
        if f.kind == "metonym":
            name = collective_name(f.country, f.sector, f.name)
            return Actor(
                actor_id(name, f.country, f.sector), name, "organization", f.country, f.sector
            )
        if f.kind == "organization":
            country = f.country
            if country is None and (
                f.sector in INSTITUTIONAL
                or (
                    self.domestic and f.sector not in {"IGO", "BUS"}  # firms are often foreign
                )
            ):
                country = self.main_country  # "the Home Office" in a British story
            return Actor(
                actor_id(f.name, country, f.sector), f.name, "organization", country, f.sector
            )
        same = self._known_by_surname.get(norm(f.name))
        if same is not None:  # "Mr Brown" after "Gordon Brown"
            return _entry_actor(same, desc)
        country, sector = None, None
        for desc_span in (f.description, *f.extra):
            c, sec = self._from_description(desc_span)
            country, sector = country or c, sector or sec
        if sector is None:
            country, sector = self._speaks_for(f.end) or (country, sector)
        country = country or self._of_country(f.end)  # "President Jo Bloggs of Ruritania"
        namesakes = self._data.surnames.get(norm(f.name), []) if " " not in f.name else []
        if norm(f.name) in self._strangers:
            namesakes = []
        if namesakes and len({(e.country, e.sector) for e in namesakes}) == 1:
            country = namesakes[0].country  # "President Bush": which one is unsure, not where
            sector = sector or namesakes[0].sector
        if (
            country is None
            and (sector in INSTITUTIONAL or self.domestic)
            and not (self.main_country != "USA" and self._us_title(f))
        ):
            country = self.main_country  # "Scotsman journalist Hamish MacDonell"
        actor = Actor(
            person_id(f.name, country), f.name, "person", country, sector, description=desc
        )
        self._unknown.add(actor.actor_id)
        return actor

    def _of_country(self, end: int) -> str | None:
        """The country of an "of" phrase right after a name ("Omar Jadoon of Pakistan")."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return None
        j = end + 1 + (doc[end + 1].lower_ == "the" and end + 2 < len(doc))
        if self._cover.get(j) is None and doc[j].ent_type_ not in {"GPE", ""}:
            return None
        return self._country_word(doc[j])

    def _speaks_for(self, end: int) -> Place | None:
        """(country, sector) of a party a person speaks for: "Jo Bloggs, for the Liberal
        Democrats, said" (the party's country, its sector)."""
        doc = self.doc
        k = end + 1 if end < len(doc) and doc[end].text == "," else end
        if k >= len(doc) or doc[k].lower_ != "for" or k == end:
            return None
        j = k + 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "the")
        aid = self._cover.get(j)
        body = self._actors.get(aid) if aid else None
        if body is None or body.actor_type != "organization" or body.sector not in {"PTY", "OPP"}:
            return None
        return body.country, body.sector

    def _us_title(self, f: Found) -> bool:
        """Whether a person is described by a US-only office ("Senator Jo Bloggs")."""
        for desc in (f.description, *f.extra):
            match = title_match(list(desc)) if desc is not None else None
            if match is not None and match[0] in US_TITLES:
                return True
        return False

    def _from_description(self, desc: Span | None) -> Place:
        """(country, sector) of an unknown person from their title or apposition."""
        if desc is None:
            return None, None
        match = title_match(list(desc))
        sector = match[1].sector if match else None
        country = None
        for tok in desc:
            if tok.pos_ == "ADP" and tok.lower_ != "of":
                break
            if tok.i + 2 < len(self.doc) and self.doc[tok.i + 2].lower_ == "based":
                continue  # "a Moscow-based US lawyer"
            country = self._country_word(tok)
            if country:
                break
        if match is None or match[0] in WEAK_TITLES:  # "Kremlin spokesman": the body decides
            for tok in desc:
                aid = self._cover.get(tok.i)
                body = self._actors[aid] if aid else None
                if norm(tok.text) in self._data.metonyms:
                    continue  # "at a bank in Tokyo": a place, not the employer
                if body is not None and body.actor_type == "organization" and body.sector:
                    return country or body.country, body.sector
        return country, sector

    def _country_word(self, tok: Token) -> str | None:
        aid = self._cover.get(tok.i) or self._pron.get(tok.i)
        if aid:
            return self._actors[aid].country
        key = norm(tok.text)
        return self._data.demonyms.get(key) or self._data.countries.get(key)

    def _add_found(self, found: list[Found]) -> None:
        merged = _merge_people(found)
        made: dict[int, Actor] = {}
        # names of organisations and known people first: unknown people's descriptions use them
        for f in sorted(found, key=lambda f: id(f) in merged):
            src = merged.get(id(f), f)
            if id(src) not in made:
                made[id(src)] = self._actor_from(src)
            actor = made[id(src)]
            gender = f.entry.gender if f.entry else src.gender
            aid = self._register(actor, self.doc[f.start : f.end].text, gender)
            for i in range(f.start, f.end):
                self._cover[i] = aid
                if f.kind == "metonym" and f.country:
                    self._seat_of[i] = f.country
            self._heads[self.doc[f.start : f.end].root.i] = aid
            words = name_words(src.name)
            if actor.actor_type == "person" and (len(words) >= 2 or f.entry is not None):
                keys = [(surname(src.name), self._by_surname)]
                if f.entry is None:  # "Sir Digby" for "Digby Jones"; not for dictionary people
                    keys.append((words[0], self._by_first))
                for key, index in keys:
                    prev = index.get(key, aid)
                    index[key] = aid if prev == aid else None  # two people: ambiguous

    def _link_short_names(self) -> None:
        for i, word in enumerate(self.words.text):
            if i in self._cover or not (word[:1].isupper() and word.isalpha()):
                continue
            tok = self.doc[i]
            if tok.ent_type_ in NON_NAME_ENTS:
                continue
            full = self._by_surname.get(norm(tok.text))
            if full is None and tok.pos_ == "PROPN":
                full = self._namesake(tok)
            if full:
                self._cover[tok.i] = self._heads[tok.i] = full
                self._aliases[full].add(tok.text)
                prev = self.doc[tok.i - 1] if tok.i > 0 else None
                first = norm(self._actors[full].name).split()[0]
                if prev is not None and prev.i not in self._cover and norm(prev.text) == first:
                    self._cover[prev.i] = full  # "Ivo Daalder" before the apposition
                    self._aliases[full].add(f"{prev.text} {tok.text}")

    def _link_roles(self) -> None:
        """ "The home secretary said ... Mr Smithson added": a person named with no title
        or apposition holds a definite title ("the X", no other country) of the same or
        the previous two sentences when they are the only such person near it; they
        take its country (else the main country), sector and wording."""
        bare = {
            aid
            for aid in self._unknown
            if self._actors[aid].description is None and self._actors[aid].sector is None
        }
        if not bare:
            return
        starts = [sent.start for sent in self.doc.sents]
        near: dict[int, set[str]] = {}
        for i, aid in self._heads.items():
            if aid in bare:
                k = bisect_right(starts, i) - 1
                for k2 in range(k - 2, k + 1):
                    near.setdefault(k2, set()).add(aid)
        titles = self._data.titles
        for tok in self.doc:
            if tok.tag_ not in {"NN", "NNP"} or tok.lower_ not in titles:
                continue
            cands = near.get(bisect_right(starts, tok.i) - 1)
            if (
                not cands
                or len(cands) != 1
                or tok.i in self._cover
                or tok.dep_ in {"compound", "amod"}
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            ):
                continue
            words = [t for t in self.doc[tok.left_edge.i : tok.i + 1] if t.dep_ != "det"]
            match = title_match(words) if norm(tok.lemma_) in self._data.titles else None
            if match is None or match[1].sector is None:
                continue
            places = {self._country_word(t) for t in words[:-1]} - {None}
            if len(places) > 1 or places - {self.main_country}:
                continue  # "the French foreign minister" is someone else
            aid = next(iter(cands))
            person = self._actors[aid]
            desc = self.doc[words[0].i : tok.i + 1].text
            country = person.country or self.main_country
            linked = replace(
                person,
                actor_id=person_id(person.name, country),
                country=country,
                sector=match[1].sector,
                description=desc,
            )
            self._rekey(aid, linked)
            bare.discard(aid)
            for k in near:
                near[k].discard(aid)
            self._role_link[tok.i] = linked.actor_id

    def _rekey(self, old: str, actor: Actor) -> None:
        """Replace an actor whose id changes (a single name that gains a country)."""
        new = actor.actor_id
        self._actors.pop(old)
        self._actors[new] = actor
        self._aliases[new] = self._aliases.pop(old, set())
        self._gender[new] = self._gender.pop(old, None)
        self._unknown.discard(old)
        self._unknown.add(new)
        for table in (self._cover, self._heads):
            for i, aid in table.items():
                if aid == old:
                    table[i] = new
        for index in (self._by_surname, self._by_first):
            for key, aid2 in index.items():
                if aid2 == old:
                    index[key] = new

    def _namesake(self, tok: Token) -> str | None:
        """A bare surname of dictionary people ("Clinton"): the one whose first name the
        article uses, else (if NER calls it a person) someone known only by the country and
        sector they all share."""
        entries = self._data.surnames.get(norm(tok.text), [])
        if not entries:
            return None
        if not hasattr(self, "_capitalised"):
            self._capitalised = {norm(w) for w in self.words.text if w[:1].isupper()}
        named = [e for e in entries if norm(e.name).split()[0] in self._capitalised]
        if len(named) == 1:
            return self._register(_entry_actor(named[0], None), tok.text, named[0].gender)
        if tok.ent_type_ == "PERSON" and len({(e.country, e.sector) for e in entries}) == 1:
            e = entries[0]
            actor = Actor(person_id(tok.text, e.country), tok.text, "person", e.country, e.sector)
            genders = {x.gender for x in entries}
            return self._register(actor, tok.text, genders.pop() if len(genders) == 1 else None)
        return None

    def _demote_strangers(self, found: list[Found]) -> list[Found]:
        """A dictionary person named only by surname ("Mr McConnell"), never in full, from
        another country than a story's main one, is someone else: an unknown person."""
        full = {f.entry.name for f in found if f.entry and f.end - f.start > 1}
        out = []
        for f in found:
            e = f.entry
            if (
                e is not None
                and e.actor_type == "person"
                and not e.leader
                and f.end - f.start == 1
                and e.name not in full
                and self.main_country
                and e.country != self.main_country
            ):
                self._strangers.add(norm(self.doc[f.start].text))
                f = Found(
                    f.start,
                    f.end,
                    "person",
                    self.doc[f.start].text,
                    description=f.description,
                    evidence=True,
                    extra=f.extra,
                    gender=e.gender,
                )
            out.append(f)
        return out

    def _pick_main_country(self, found: list[Found]) -> str | None:
        """Country of the most named person if a head of state or government named twice (or
        as often as any country), else the most named country (names, demonyms, metonyms,
        states, national bodies such as parties, and dictionary people), else the home
        country of the article's outlet when the dictionary knows it."""
        counts = Counter(
            f.country
            for f in found
            if f.country and (f.kind != "person" or (f.entry is not None and f.end - f.start > 1))
        )  # "Jack Straw": the country of named people too
        named = {i for f in found for i in range(f.start, f.end)}
        demonyms = self._data.demonyms
        words = self.words
        adjectives = (
            words.lower[i] if text.isalpha() else norm(text)
            for i, text in enumerate(words.text)
            if words.adj_or_nnp[i] and i not in named
        )
        counts.update(demonyms[k] for k in adjectives if k in demonyms)
        top_country = counts.most_common(1)[0] if counts else None
        total = sum(counts.values())
        self.domestic = bool(
            top_country
            and top_country[1] >= DOMESTIC_MIN
            and top_country[1] >= DOMESTIC_SHARE * total
        )
        people = Counter(f.entry.name for f in found if f.entry and f.kind == "person")
        if people:
            top, n = people.most_common(1)[0]
            entry = self._data.entries.get(norm(top))
            enough = n >= 2 or top_country is None or n >= top_country[1]
            if entry is not None and entry.leader and entry.country and enough:
                return entry.country
        if top_country:
            return top_country[0]
        outlet = self._data.entries.get(norm(self.ctx.outlet or ""))  # last resort: the
        return outlet.country if outlet else None  # outlet's home ("BBC" -> GBR)


def _merge_people(found: list[Found]) -> dict[int, Found]:
    """One Found per unknown person for all its mentions: "Ivo Daalder", "Mr Daalder" and
    "Daalder" share the full name, the first description and every other apposition."""
    people = [f for f in found if f.kind == "person" and f.entry is None]
    full: dict[str, set[str]] = {}
    for f in people:
        words = name_words(f.name)
        if len(words) >= 2:
            full.setdefault(surname(f.name), set()).add(norm(f.name))
            full.setdefault("first:" + words[0], set()).add(norm(f.name))
    groups: dict[str, list[Found]] = {}
    for f in people:
        key = norm(f.name)
        if len(name_words(f.name)) == 1:
            cands = full.get(key) or full.get("first:" + key) or set()
            key = next(iter(cands)) if len(cands) == 1 else key
        groups.setdefault(key, []).append(f)
    out: dict[int, Found] = {}
    for members in groups.values():
        name = max(members, key=lambda f: len(f.name)).name
        descs = [f.description for f in members if f.description is not None]
        extra = [x for f in members for x in f.extra]
        genders = {f.gender for f in members} - {None}
        rep = Found(
            members[0].start,
            members[0].end,
            "person",
            name,
            description=descs[0] if descs else None,
            evidence=True,
            extra=tuple(descs[1:] + extra),
            gender=genders.pop() if len(genders) == 1 else None,
        )
        for f in members:
            out[id(f)] = rep
    return out


def person_id(name: str, country: str | None) -> str:
    """Id of a person the dictionary does not know. A full name ("Ivo Daalder") is its own
    id, the same in every article whatever title or apposition describes the person there;
    a single name ("Mr Smithson", "Bush") is too common for that and carries the country
    when known ("GBR:smithson")."""
    key = norm(name)
    return slug(key) if len(key.split()) >= 2 else actor_id(key, country)


def _entry_actor(e: Entry, description: str | None) -> Actor:
    return Actor(
        actor_id(e.name, e.country, e.sector, e.qid),
        e.name,
        e.actor_type,
        e.country,
        e.sector,
        e.qid,
        description,
        e.aliases,
    )
