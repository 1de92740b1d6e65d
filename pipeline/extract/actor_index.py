"""The per-article index behind ActorResolver: named mentions turned into actors.

Built once per doc from ``actor_mentions.scan``: dictionary people and organisations,
countries, metonyms and unknown people (merged over "Ivo Daalder", "Mr Daalder",
"Daalder"), their descriptions, short names and the article's main country. The
noun-phrase and pronoun resolution on top of it lives in ``actors.py``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from pipeline.extract.actor_data import Entry, load, norm, surname
from pipeline.extract.actor_mentions import NON_NAME_ENTS, Found, scan, title_match
from pipeline.extract.countries import collective_name, country_name
from pipeline.extract.model import Actor, ArticleContext, actor_id

WEAK_TITLES = {"chairman", "chair", "director", "head", "chief", "executive", "spokesman",
               "spokeswoman", "spokesperson", "official", "adviser", "advisor", "aide",
               "leader", "commissioner", "fellow", "senior fellow", "president"}
INSTITUTIONAL = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}
Place = tuple[str | None, str | None]  # (iso3, region name)


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
        self._cover: dict[int, str] = {}  # token index -> actor id of a name mention
        self._heads: dict[int, str] = {}  # head token of each name mention -> actor id
        self._pron: dict[int, str] = {}  # pronoun token -> actor id
        self._seat_of: dict[int, str] = {}  # token of a metonym ("Moscow") -> its country
        self._by_surname: dict[str, str | None] = {}
        self._by_first: dict[str, str | None] = {}
        found = scan(doc)
        self.main_country: str | None = self._pick_main_country(found)
        self._add_found(found)
        self._link_short_names()

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
            return Actor(actor_id(name, f.country, f.sector), name, "organization", f.country,
                         f.sector)
        if f.kind == "organization":
            country = f.country
            if country is None and f.sector in INSTITUTIONAL:
                country = self.main_country  # "the Home Office" in a British story
            return Actor(actor_id(f.name, country, f.sector), f.name, "organization",
                         country, f.sector)
        country, sector = None, None
        for desc_span in (f.description, *f.extra):
            c, sec = self._from_description(desc_span)
            country, sector = country or c, sector or sec
        namesakes = self._data.surnames.get(norm(f.name), []) if " " not in f.name else []
        if namesakes and len({(e.country, e.sector) for e in namesakes}) == 1:
            country = namesakes[0].country  # "President Bush": which one is unsure, not where
            sector = sector or namesakes[0].sector
        if country is None and sector in INSTITUTIONAL:
            country = self.main_country
        return Actor(actor_id(f.name, country, sector), f.name, "person", country, sector,
                     description=desc)

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
            words = norm(src.name).split()
            if actor.actor_type == "person" and (len(words) >= 2 or f.entry is not None):
                keys = [(surname(src.name), self._by_surname)]
                if f.entry is None:  # "Sir Digby" for "Digby Jones"; not for dictionary people
                    keys.append((words[0], self._by_first))
                for key, index in keys:
                    prev = index.get(key, aid)
                    index[key] = aid if prev == aid else None  # two people: ambiguous

    def _link_short_names(self) -> None:
        for tok in self.doc:
            if (tok.i not in self._cover and tok.text[:1].isupper() and tok.is_alpha
                    and tok.ent_type_ not in NON_NAME_ENTS):
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

    def _namesake(self, tok: Token) -> str | None:
        """A bare surname of dictionary people ("Clinton"): the one whose first name the
        article uses, else (if NER calls it a person) someone known only by the country and
        sector they all share."""
        entries = self._data.surnames.get(norm(tok.text), [])
        if not entries:
            return None
        if not hasattr(self, "_words"):
            self._words = {norm(t.text) for t in self.doc if t.text[:1].isupper()}
        named = [e for e in entries if norm(e.name).split()[0] in self._words]
        if len(named) == 1:
            return self._register(_entry_actor(named[0], None), tok.text, named[0].gender)
        if tok.ent_type_ == "PERSON" and len({(e.country, e.sector) for e in entries}) == 1:
            e = entries[0]
            actor = Actor(actor_id(tok.text, e.country, e.sector), tok.text, "person", e.country,
                          e.sector)
            genders = {x.gender for x in entries}
            return self._register(actor, tok.text, genders.pop() if len(genders) == 1 else None)
        return None

    def _pick_main_country(self, found: list[Found]) -> str | None:
        """Country of the most named person if a head of state or government named twice (or
        as often as any country), else the most named country (names, demonyms, metonyms and
        national bodies such as parties)."""
        counts = Counter(f.country for f in found if f.kind != "person" and f.country)
        named = {i for f in found for i in range(f.start, f.end)}
        demonyms = self._data.demonyms
        adjectives = (t.lower_ if t.is_alpha else norm(t.text) for t in self.doc
                      if (t.pos_ == "ADJ" or t.tag_ == "NNP") and t.i not in named)
        counts.update(demonyms[k] for k in adjectives if k in demonyms)
        top_country = counts.most_common(1)[0] if counts else None
        people = Counter(f.entry.name for f in found if f.entry and f.kind == "person")
        if people:
            top, n = people.most_common(1)[0]
            entry = self._data.entries.get(norm(top))
            enough = n >= 2 or top_country is None or n >= top_country[1]
            if entry is not None and entry.leader and entry.country and enough:
                return entry.country
        return top_country[0] if top_country else None


def _merge_people(found: list[Found]) -> dict[int, Found]:
    """One Found per unknown person for all its mentions: "Ivo Daalder", "Mr Daalder" and
    "Daalder" share the full name, the first description and every other apposition."""
    people = [f for f in found if f.kind == "person" and f.entry is None]
    full: dict[str, set[str]] = {}
    for f in people:
        words = norm(f.name).split()
        if len(words) >= 2:
            full.setdefault(surname(f.name), set()).add(norm(f.name))
            full.setdefault("first:" + words[0], set()).add(norm(f.name))
    groups: dict[str, list[Found]] = {}
    for f in people:
        key = norm(f.name)
        if len(key.split()) == 1:
            cands = full.get(key) or full.get("first:" + key) or set()
            key = next(iter(cands)) if len(cands) == 1 else key
        groups.setdefault(key, []).append(f)
    out: dict[int, Found] = {}
    for members in groups.values():
        name = max(members, key=lambda f: len(f.name)).name
        descs = [f.description for f in members if f.description is not None]
        extra = [x for f in members for x in f.extra]
        genders = {f.gender for f in members} - {None}
        rep = Found(members[0].start, members[0].end, "person", name,
                    description=descs[0] if descs else None, evidence=True,
                    extra=tuple(descs[1:] + extra),
                    gender=genders.pop() if len(genders) == 1 else None)
        for f in members:
            out[id(f)] = rep
    return out


def _entry_actor(e: Entry, description: str | None) -> Actor:
    return Actor(actor_id(e.name, e.country, e.sector, e.qid), e.name, e.actor_type, e.country,
                 e.sector, e.qid, description, e.aliases)
