"""Actor resolution within one article: names, titles, groups and pronouns to actors.

Built once per doc. Construction makes one pass over the doc (``actor_mentions.scan``
for names, indexed by ``actor_index.ActorIndex``; then one token loop for short names,
demonyms, group nouns and pronouns, ``actor_coref``); the ``resolve_*`` calls afterwards
are dictionary lookups on that index, cached per token. No model call is made.

What an actor is:

- a dictionary person or organisation (``schemas/actors/*.csv``), id = Wikidata QID when
  known, else ``country:sector:name-slug``;
- a person the dictionary does not know, found from a title, an apposition or an honorific;
  country and sector come from that description ("a former U.S. ambassador" -> USA, GOV),
  from a title in a nearby sentence ("The home secretary ... Mr Smithson"), or in a
  domestic story from the main country. The id is the full name's slug ("ivo-daalder"),
  the same in every article whatever describes the person there; a single name carries
  the country ("GBR:smithson"), see ``actor_index.person_id``;
- a company found by its context ("Wells Fargo shares", "Acme, the drinks firm",
  "chief executive of Acme"), BUS;
- a country ("Ukraine", "the U.S."), a country's collective actor of one sector
  ("Russian officials", "the Kremlin", "Moscow" -> "Russian government", RUS, GOV;
  "Ukrainian troops" -> "Ukrainian military", UKR, MIL), or a group without a country
  ("European allies", "civilians"). "The administration"/"the government" without a
  country is the government of the article's main country: the country of the most
  mentioned person when that person is a head of state or government, else the most
  mentioned country (with states such as "Alaska" and dictionary people). Group nouns of
  a domestic sector take the main country too ("MPs", "peers", "judges", "unions",
  "voters" -> LEG, JUD, LAB, CVL); "shadow" titles are OPP;
- a generic person named only by a role ("a senior U.S. official", "the president" when
  the article names no president): see :meth:`ActorResolver.is_named`.

Compound actors: :meth:`ActorResolver.resolve_token` returns ONE actor, the first conjunct
("U.S. and Russian officials" -> U.S. government). :meth:`ActorResolver.resolve_all`
returns every conjunct, both coordinated heads ("Trump and Putin") and coordinated
modifiers ("U.S. and Russian officials", "officials from both Russia and Ukraine"), so an
event can be coded once per actor pair.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.symbols import NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from pipeline.extract.actor_coref import (
    PLURAL,
    PRONOUNS,
    Seen,
    antecedent,
    is_possessor,
    seen_for,
)
from pipeline.extract.actor_data import Role, norm
from pipeline.extract.actor_index import INSTITUTIONAL, ActorIndex, Place
from pipeline.extract.countries import collective_name, country_name, region_of
from pipeline.extract.model import Actor, ArticleContext, actor_id
from pipeline.extract.places import place_country

MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod"}
ORIGIN_PREPS = {"from", "of", "in"}
PHRASE_DEPS = {"amod", "compound", "nmod", "poss", "nummod", "npadvmod", "quantmod"}
NAME_DEPS = {"amod", "compound", "nmod", "npadvmod"}
LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within"}
MEMBER_BODIES = {"REB", "MIL", "IGO", "SPY", "COP"}  # their fighters/troops are the body itself
QUANTIFIERS = {
    "one",
    "two",
    "three",
    "some",
    "many",
    "several",
    "most",
    "all",
    "none",
    "both",
    "each",
    "any",
    "few",
    "dozens",
    "hundreds",
    "thousands",
    "number",
    "majority",
}
RELATIVES = {"who", "whom", "whose", "which", "that"}
# Groups that, without a country of their own, belong to the article's main country:
# "MPs", "judges", "police officers", "unions", "the opposition", "voters".
DOMESTIC = {"LEG", "JUD", "COP", "LAB", "OPP", "PTY"}
DOMESTIC_GROUPS = {"voter", "taxpayer", "pensioner", "constituent", "elector"}
# A generic title names any holder of these more specific ones ("the minister" after
# "Home Secretary Jo Bloggs"): the most recently mentioned holder.
KINDS_OF = {"minister": ("minister", "secretary", "chancellor")}
NOT_MINISTERS = {"press", "general", "shadow", "permanent", "private", "assistant", "party"}
OWNED_ONLY = {"peer"}  # "his peers" are equals, "peers" alone the House of Lords
# Not political actors, so never a pronoun's antecedent: laws and religious figures.
LAWS = {"bill", "act"}
RELIGIOUS_FIGURES = {"prophet", "jesus", "christ", "god", "allah", "saint", "buddha"}


class ActorResolver(ActorIndex):
    """Resolves noun phrases, names and pronouns of one article to actors."""

    def __init__(self, doc: Doc, ctx: ArticleContext) -> None:
        super().__init__(doc, ctx)
        self._used: dict[str, Actor] = {}
        self._ante: dict[int, int] = {}  # pronoun token -> head token of its first antecedent
        self._cache: dict[int, list[Actor]] = {}
        self._sent_of = [k for k, s in enumerate(doc.sents) for _ in range(s.start, s.end)]
        self._resolve_pronouns()

    # ---------------------------------------------------------------- public API

    def resolve_span(self, span: Span) -> Actor | None:
        """The actor a noun phrase (subject, object, speaker) refers to, or None."""
        found = self._resolve(span.root)
        if not found:
            for tok in span:
                aid = self._heads.get(tok.i)
                if aid and not is_possessor(tok) and self._actors[aid].actor_type == "person":
                    return self._use(self._actors[aid])
            return None
        return self._use(found[0])

    def resolve_token(self, token: Token) -> Actor | None:
        """The actor the phrase headed by token refers to (pronouns included), or None."""
        found = self._resolve(token)
        return self._use(found[0]) if found else None

    def resolve_all(self, token: Token) -> list[Actor]:
        """Every actor of a coordinated phrase: one per conjunct, in text order."""
        out: dict[str, Actor] = {}
        ante = self._ante.get(token.i)
        if ante is not None and ante != token.i and token.lower_ in PLURAL:  # "A and B ... they"
            token = self.doc[ante]
        for tok in sorted([token, *token.conjuncts], key=lambda t: t.i):
            for actor in self._resolve(tok):
                out.setdefault(actor.actor_id, self._use(actor))
        return list(out.values())

    def used_actors(self) -> list[Actor]:
        """Every actor this resolver has returned, in first-use order, with its aliases."""
        return [
            replace(self._actors.get(aid, a), aliases=tuple(sorted(self._aliases.get(aid, ()))))
            for aid, a in self._used.items()
        ]

    def describe(self, actor: Actor) -> str | None:
        """The actor's title or apposition as written in this article, if any."""
        known = self._actors.get(actor.actor_id)
        return known.description if known else actor.description

    def is_named(self, actor: Actor) -> bool:
        """False for generic role actors ("a senior official") that carry no proper name."""
        return actor.actor_id not in self._generic

    def is_place(self, token: Token) -> bool:
        """Whether the token is where something happens ("in Moscow", "at the White House"):
        such a capital resolves to its country, not its government."""
        t = token
        while t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
        return t.dep_ == "pobj" and t.head.lower_ in LOCATIVE

    def mentions(self) -> dict[int, Actor]:
        """Token index -> actor, for every named mention and resolved pronoun."""
        ids = {**self._cover, **self._pron}
        return {i: self._actors[a] for i, a in sorted(ids.items())}

    def _resolve_pronouns(self) -> None:
        history: list[Seen] = []
        pos = self.words.pos
        for i, lower in enumerate(self.words.lower):
            sent = self._sent_of[i]
            aid = self._heads.get(i)
            if aid is None and lower in PRONOUNS and pos[i] == PRON:
                ante = antecedent(self.doc[i], sent, history)
                if ante is not None:
                    aid = self._pron[i] = ante.actor_id
                    self._ante[i] = self._ante.get(ante.i, ante.i)
            elif aid is None and pos[i] in (NOUN, PROPN):
                group = self._resolve(self.doc[i])
                if group:
                    aid = group[0].actor_id
            if aid is not None and not self._inert(self.doc[i], self._actors[aid]):
                actor = self._actors[aid]
                history.append(
                    seen_for(self.doc[i], sent, aid, actor.actor_type, self._gender.get(aid))
                )

    def _inert(self, tok: Token, actor: Actor) -> bool:
        """Not a political actor a pronoun can refer to: a bill or act ("the Terrorism
        Bill"), a nickname in quotes ("Mad Dog"), a religious figure ("Prophet Muhammad")."""
        words = norm(actor.name).split()
        title = norm(self.describe(actor) or "").split()
        if words and (
            words[-1] in LAWS or words[0] in RELIGIOUS_FIGURES or RELIGIOUS_FIGURES & set(title)
        ):
            return True
        span = [i for i in range(tok.i - 4, tok.i + 5) if self._cover.get(i) == actor.actor_id]
        lo, hi = min(span, default=tok.i), max(span, default=tok.i)
        quote = {'"', "“", "”", "'", "‘", "’"}
        return (
            lo > 0
            and hi + 1 < len(self.doc)
            and self.doc[lo - 1].text in quote
            and self.doc[hi + 1].text in quote
        )

    # ---------------------------------------------------------------- resolution

    def _use(self, actor: Actor) -> Actor:
        self._used.setdefault(actor.actor_id, actor)
        return actor

    def _resolve(self, tok: Token) -> list[Actor]:
        cached = self._cache.get(tok.i)
        if cached is None:
            cached = self._cache[tok.i] = self._compute(tok)
        return cached

    def _compute(self, tok: Token) -> list[Actor]:
        aid = self._cover.get(tok.i) or self._pron.get(tok.i)
        if aid and tok.i in self._seat_of and self.is_place(tok):
            return [self._country_actor(self._seat_of[tok.i])]  # "talks in Moscow": a place
        if aid:
            return [self._actors[aid]]
        lower, pos, tag = tok.lower_, tok.pos_, tok.tag_
        if lower in RELATIVES and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
            return self._resolve(tok.head.head)
        top = tok
        while top.dep_ == "conj" and top.head.i != top.i:  # "..., a former envoy and now a fellow"
            top = top.head
        if (
            top.dep_ == "appos"
            and pos == "NOUN"
            and top.head.i in self._heads
            and "\n" not in self.doc[min(tok.i, top.head.i) : max(tok.i, top.head.i)].text
        ):
            return [self._actors[self._heads[top.head.i]]]  # "the U.S., a strong supporter"
        children = list(tok.children)
        for child in children:
            if self._cover.get(child.i) and child.dep_ == "appos":
                person = self._actors[self._cover[child.i]]
                if person.actor_type == "person":
                    return [person]
        if pos == "ADJ" and tok.dep_ in MODIFIER_DEPS:  # "Israeli shelling"
            iso = self._data.demonyms.get(norm(tok.text))
            return [self._country_actor(iso)] if iso else []
        if pos not in {"NOUN", "PROPN"} and lower not in QUANTIFIERS:
            return []
        lemma = tok.lemma_.lower()
        title = self._data.titles.get(lemma) if tag in {"NN", "NNP"} else None
        if title is not None:  # one person: "a senior official", "the spokesman"
            return self._role_actor(tok)
        role = self._group_role(tok, lemma, children)
        if role is not None:
            return self._group_actors(tok, role)
        text = tok.text
        key = norm(text)
        iso = self._data.demonyms.get(key[:-1] if key.endswith("s") else key)
        if iso and tag in {"NNPS", "NNS"}:
            return [self._country_actor(iso)]
        region = region_of(text) if pos == "PROPN" else None
        if region is None and tag in {"NNPS", "NNS"} and key.endswith("s"):
            region = region_of(key[:-1])  # "the Europeans"
        if region:
            return [self._group(region, None, None, text)]
        if lower in QUANTIFIERS:  # "one of the officials", "some of Mr. Obama's advisers"
            for prep in children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    objs = [c for c in prep.children if c.dep_ == "pobj" and c.tag_ == "NNS"]
                    if objs:
                        return self._resolve(objs[0])
        if pos == "PROPN" and tok.ent_type_ in {"GPE", "LOC"} and self.is_place(tok):
            ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
            iso = place_country(ent.text) if ent is not None else None
            if iso:
                return [self._country_actor(iso)]  # "meet in Zurich": a city of a country
        if pos == "PROPN":  # a named event or thing of a place: "the Beijing Olympics"
            for child in tok.lefts:
                place = self._cover.get(child.i)
                if (
                    child.dep_ == "compound"
                    and place
                    and (child.i in self._seat_of or self._actors[place].actor_type == "country")
                ):
                    iso = self._seat_of.get(child.i) or self._actors[place].country
                    return [self._country_actor(iso)] if iso else []
        return []

    def _group_role(self, tok: Token, lemma: str, children: list[Token]) -> Role | None:
        """The group noun's role ("MPs", "police officers"); lemma: tok's, lower-cased."""
        groups = self._data.groups
        for child in children:
            if child.i == tok.i - 1 and child.dep_ == "compound":
                two = groups.get(f"{child.lower_} {lemma}")
                if two:
                    return two
        lower = tok.lower_
        plain = lower[:-1] if lower.endswith("s") else ""  # "MPs" tagged NN
        key = next((k for k in (lemma, lower, plain) if k in groups), None)
        if key in OWNED_ONLY and any(is_possessor(c) for c in children):
            return None
        return groups[key] if key else None

    def _places(self, tok: Token, preps: set[str] = ORIGIN_PREPS) -> list[Place]:
        """Countries (or regions) that modify a noun: "U.S. and Russian", "from Russia"."""
        out: list[Place] = []
        # "his Brazilian counterpart": the adjective beats the possessor
        mods = [c for c in tok.children if c.dep_ in MODIFIER_DEPS and not is_possessor(c)]
        objects: set[int] = set()
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                objects.update(c.i for c in prep.children if c.dep_ == "pobj")
                mods.extend(c for c in prep.children if c.dep_ == "pobj")
        mods.extend(c for c in tok.children if is_possessor(c))
        for mod in mods:
            for m in sorted([mod, *mod.conjuncts], key=lambda t: t.i):
                place = self._place_of(m)
                if place is None and mod.i in objects and m.pos_ == "NOUN":
                    body = self._resolve(m)  # "a spokeswoman for Russia's foreign ministry"
                    if body and body[0].actor_type != "person" and body[0].country:
                        place = (body[0].country, None)
                if place is not None and place not in out:
                    out.append(place)
        return out

    def _place_of(self, tok: Token) -> Place | None:
        aid = self._cover.get(tok.i) or self._pron.get(tok.i)
        if aid:
            actor = self._actors[aid]
            return (actor.country, None) if actor.country else None
        iso = self._data.demonyms.get(norm(tok.text)) or self._data.countries.get(norm(tok.text))
        if iso:
            return (iso, None)
        region = region_of(tok.text)
        return (None, region) if region else None

    def _phrase(self, tok: Token, deps: set[str] = PHRASE_DEPS) -> str:
        left = [c for c in tok.children if c.i < tok.i and c.dep_ in deps]
        start = min([tok.i, *(c.left_edge.i for c in left)])
        while start < tok.i and (
            self.doc[start].dep_ in {"det", "predet", "preconj"} or self.doc[start].is_punct
        ):
            start += 1
        return self.doc[start : tok.i + 1].text

    def _group_actors(self, tok: Token, role: Role) -> list[Actor]:
        for child in tok.children:  # "Hamas militants", "UN peacekeepers": the body itself
            aid = self._cover.get(child.i)
            if (
                aid
                and child.i < tok.i
                and child.i not in self._seat_of
                and (child.dep_ == "compound" or is_possessor(child))
                and self._actors[aid].actor_type == "organization"
                and self._actors[aid].sector in MEMBER_BODIES
            ):
                return [self._actors[aid]]
        phrase = self._phrase(tok)
        name = self._phrase(tok, NAME_DEPS)  # "two militants", "his team": no count or owner
        places = self._places(tok)
        if not places:
            if role.kind == "relational":
                return []
            institutional = role.kind == "institution" and role.sector in INSTITUTIONAL
            domestic = role.sector in DOMESTIC or tok.lemma_.lower() in DOMESTIC_GROUPS
            if (institutional or domestic or role.sector == "GOV") and self.main_country:
                places = [(self.main_country, None)]  # "the administration", "senior aides"
        if not places:
            return [self._group(name, None, role.sector, phrase)]
        out = []
        for iso, _region in places:
            if iso and role.sector:
                out.append(self._collective(iso, role.sector, phrase))
            else:
                out.append(self._group(name, iso, role.sector, phrase))
        return out

    def _role_actor(self, tok: Token) -> list[Actor]:
        """A singular role noun: a named person holding it here, or a generic person."""
        top = tok
        for _ in range(3):  # "NATO Secretary General Mark Rutte": up the compound chain
            if top.dep_ not in {"compound", "nmod"}:
                break
            top = top.head
            if top.i in self._heads and self._actors[self._heads[top.i]].actor_type == "person":
                return [self._actors[self._heads[top.i]]]  # "Labour leader Jo Bloggs"
        if tok.i in self._role_link:  # "the home secretary ... Mr Smithson"
            return [self._actors[self._role_link[tok.i]]]
        places = self._places(tok, ORIGIN_PREPS | {"for"})  # "a spokesman for"
        iso = places[0][0] if places else None
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            holder = self._holder(tok, iso)
            if holder is not None:
                return [holder]
        role = self._title(tok)[1]
        definite = not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children)
        if iso is None and (role.sector in INSTITUTIONAL or role.sector in DOMESTIC) and definite:
            iso = self.main_country
        phrase = self._phrase(tok)
        name = phrase
        actor = Actor(
            actor_id(name, iso, role.sector), name, "person", iso, role.sector, description=phrase
        )
        self._generic.add(actor.actor_id)
        self._register(actor, phrase)
        return [actor]

    def _holder(self, tok: Token, iso: str | None) -> Actor | None:
        """The one person of the article described by (or, in the dictionary, holding) the
        title: "the prime minister" after "Prime Minister Jo Bloggs"."""
        term = self._title(tok)[0]
        key = f" {term} "
        holders, wider = [], []
        for a in self._actors.values():
            if a.actor_type != "person" or a.actor_id in self._generic:
                continue
            if iso is not None and a.country != iso:
                continue
            texts = [f" {norm(t)} " for t in self._texts(a) if t]
            if any(key in t and f" shadow{key}" not in t for t in texts):
                holders.append(a)  # "the home secretary" is not the shadow one
            elif (
                term in KINDS_OF
                and a.sector == "GOV"
                and any(
                    f" {w} " in t and not any(f" {x} " in t for x in NOT_MINISTERS)
                    for w in KINDS_OF[term]
                    for t in texts
                )
            ):
                wider.append(a)  # "the minister": the home secretary is one too
        recent = self._recent(tok, holders + wider) if term in KINDS_OF else None
        if recent is not None:
            return recent
        if len(holders) > 1:  # "the Tory leader": the leader whose title names the Tories
            marks = {f" {norm(self._phrase(tok, NAME_DEPS))} "}
            for c in tok.lefts:
                body = self._actors.get(self._cover.get(c.i, ""))
                if body is not None and body.actor_type == "organization":
                    marks.update(f" {norm(n)} " for n in (body.name, *body.aliases))
            holders = [
                a
                for a in holders
                if any(m in f" {norm(t)} " for m in marks for t in self._texts(a) if t)
            ]
        return holders[0] if len(holders) == 1 else None

    def _recent(self, tok: Token, cands: list[Actor]) -> Actor | None:
        """The candidate mentioned last before tok, within the two sentences before it."""
        if not cands:
            return None
        ids = {a.actor_id for a in cands}
        k = self._sent_of[tok.i]
        last = [
            (i, aid)
            for i, aid in self._heads.items()
            if aid in ids and i < tok.i and self._sent_of[i] >= k - 2
        ]
        if not last:
            return None
        aid = max(last)[1]
        return next(a for a in cands if a.actor_id == aid)

    def _texts(self, a: Actor) -> list[str | None]:
        entry = self._data.entries.get(norm(a.name))
        return [a.description, entry.role if entry and entry.actor_type == "person" else None]

    def _title(self, tok: Token) -> tuple[str, Role]:
        """The longest title ending in a title noun, with the words right before it:
        "the shadow home secretary" -> ("shadow home secretary", OPP)."""
        start = tok.i
        while (
            start > 0
            and self.doc[start - 1].dep_ in {"compound", "amod"}
            and (self.doc[start - 1].head.i in range(start, tok.i + 1))
        ):
            start -= 1
        words = [norm(t.text) for t in self.doc[start : tok.i]] + [tok.lemma_.lower()]
        titles = self._data.titles
        for k in range(len(words) - 1):
            term = " ".join(words[k:])
            if term in titles:
                return term, titles[term]
        return words[-1], titles[words[-1]]

    def _country_actor(self, iso: str) -> Actor:
        name = country_name(iso)
        qid = self._data.country_qids.get(iso)
        actor = Actor(actor_id(name, iso, None, qid), name, "country", iso, None, qid)
        self._register(actor, name)
        return actor

    def _collective(self, iso: str, sector: str, phrase: str) -> Actor:
        name = collective_name(iso, sector, phrase)
        actor = Actor(actor_id(name, iso, sector), name, "organization", iso, sector)
        self._register(actor, phrase)
        return replace(self._actors[actor.actor_id], description=phrase)

    def _group(self, name: str, iso: str | None, sector: str | None, phrase: str) -> Actor:
        actor = Actor(actor_id(name, iso, sector), name, "group", iso, sector)
        self._register(actor, phrase)
        return replace(self._actors[actor.actor_id], description=phrase)
