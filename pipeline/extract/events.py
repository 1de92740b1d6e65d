"""Event coding over a spaCy doc: who did what to whom, when and where (CAMEO coded).

One row per event mention. Triggers are verbs and nouns matched by the patterns in
``schemas/codebook/patterns.csv``; the source actor comes from the subject (or the agent of
a passive, or the possessor of a nominal event), the target from the object, a
prepositional object, or the possessor/of-phrase of the object. See ``roles.py`` for the
triggers, ``arguments.py`` for the actor rules, and ``modality.py``, ``dates.py``,
``places.py`` for the other fields.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.extract import codebook
from pipeline.extract.actors import ActorResolver
from pipeline.extract.arguments import inner_trigger, source_tokens, target_tokens
from pipeline.extract.confidence import confidence
from pipeline.extract.dates import is_point_expression, resolve
from pipeline.extract.modality import modality
from pipeline.extract.model import Actor, ArticleContext, Row
from pipeline.extract.places import location
from pipeline.extract.roles import (
    RECIPROCAL_ROOTS,
    REJECT_BY_ROOT,
    SPEECH,
    WISH_BY_ROOT,
    Trigger,
    candidate_indices,
    find_triggers,
)
from pipeline.extract.verbs import lemma

MAX_ROWS_PER_TRIGGER = 6
CARRY_SENTENCES = 2  # how far back an implicit target may be recovered from
Recent = dict[tuple[str, str], tuple[Actor, int]]
Made = tuple[Trigger, Actor, str, bool, bool]  # trigger, source, modality, dated, carried
COUNTERPART_ROOTS = {"04", "11", "16"}
MILITARY_NOUNS = {
    "troop",
    "force",
    "soldier",
    "army",
    "unit",
    "peacekeeper",
    "battalion",
    "brigade",
}
PRESS = {"reporters", "journalists", "the press", "press", "media", "the media", "newspaper"}
MEDIA_WORDS = {
    "programme",
    "program",
    "show",
    "radio",
    "television",
    "tv",
    "newspaper",
    "magazine",
    "interview",
    "news",
    "channel",
    "podcast",
    "website",
    "broadcaster",
}
LOCATION_TARGET_ROOTS = {"04", "14", "15"}
DOCUMENTS = {
    "report",
    "statement",
    "study",
    "document",
    "communique",
    "dossier",
    "survey",
    "newspaper",
    "agency",
    "media",
    "broadcaster",
    "television",
    "radio",
}
# roots whose events stand without a target actor ("Russia has not made concessions",
# "activists protested", "troops withdrew", "the U.S. cut off communication")
MONADIC_ROOTS = {"03", "04", "06", "07", "08", "09", "14", "15", "16", "18", "19", "20"}
# declining to comment, claiming or denying responsibility, symbolic acts
MONADIC_CODES = {"011", "015", "016", "017"}
# a nominal mention with no target ("Russia's invasion") mostly refers back to an event
# reported elsewhere; only a few kinds stand alone as nouns ("Russia's concessions")
NOMINAL_MONADIC_ROOTS = {"08", "14", "15", "16"}
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
MATERIAL_CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
# a hypothetical or negated act with nobody on the other side says little ("may choose to
# continue fighting", "without Ukraine agreeing"); a negated yield or protest still does
# ("Russia has not made concessions")
NEGATED_MONADIC_ROOTS = {"08", "14", "15", "16"}
QUESTION_MARKS = {"whether"}
VERBAL_ATTACKS = {"attack", "assail", "clash"}
# "would not discuss reports": declining to comment, not refusing talks
COMMENT_TOPICS = {
    "report",
    "claim",
    "allegation",
    "matter",
    "issue",
    "detail",
    "speculation",
    "case",
    "rumour",
    "rumor",
    "story",
}
ASSERTING = {"insist", "maintain"}  # "insisted (that) the plans were affordable": a claim
POLITICAL_SECTORS = {"PTY", "OPP", "LEG", "GOV", "MED", "ELI", "EDU", "BUS", "LAB", "NGO"}
ARMED_SECTORS = {"MIL", "REB", "INS", "SPY", "COP", "UAF"}
FIRST_PERSON = {"i", "we"}
PLAN_NOUNS = {"plan", "pledge", "promise", "proposal", "bid", "intention", "offer", "vow"}
# a stated stance on a policy stands without a target actor when its object is named
# ("the commission branded the law a mess", "universities backed the proposals")
STANCE_ROOTS = {"02", "05", "10", "11", "12"}
STANCE_PREPS = {"for", "on", "against"}  # "called for an inquiry", "insisted on a vote"


def _placed(actor: Actor) -> bool:
    """An actor with a country or a sector (a state, its agencies, parties, armed groups...)."""
    return bool(actor.country or actor.sector)


def _political(actor: Actor, actors: ActorResolver) -> bool:
    """An actor political event data can name: a placed actor, or a person or organisation
    known by name ("Gordon Brown", "the BNP"), not an anonymous group ("people", "critics")."""
    if _placed(actor):
        return True
    is_named = getattr(actors, "is_named", None)
    named = is_named(actor) if is_named is not None else True
    return actor.actor_type in {"person", "organization"} and named


def _military(trig: Trigger, sources: list[Actor]) -> bool:
    """Whether the source is armed forces ("UN troops", "Russian soldiers")."""
    if any(a.sector == "MIL" for a in sources):
        return True
    words = {lemma(t) for group in source_tokens(trig) for head in group for t in head.subtree}
    return bool(words & MILITARY_NOUNS)


def _press(actor: Actor) -> bool:
    return actor.sector == "MED" or actor.name.lower() in PRESS


def _to_media(trig: Trigger) -> bool:
    """ "told BBC Radio Scotland's Sunday Live programme", "told Sky News' Sunday with Adam
    Boulton": the addressee is a broadcast or a paper, whoever it names."""
    heads = [t for group in target_tokens(trig) for t in group]
    return any(w.lower_ in MEDIA_WORDS for h in heads for w in h.subtree)


def _speech(trig: Trigger) -> Trigger:
    """A stand-in trigger for the speech verb reporting trig (to find the speaker)."""
    assert trig.reporter is not None
    return Trigger(trig.reporter, "010", "verb", trig.match, [])


def cameo_convention(trig: Trigger, code: str, mod: str) -> tuple[str, str]:
    """CAMEO codes a stated refusal to cooperate ("would not provide support", "will not
    meet") as a rejection, which did happen; a plain negation stays a negated event.
    Refusing to discuss reports or claims is declining to comment (011)."""
    if mod != "negated" or code[:2] not in COOPERATIVE_ROOTS:
        return code, mod
    topics = [
        o
        for o in [*trig.token.children, *(g for c in trig.token.children for g in c.children)]
        if o.dep_ in {"dobj", "obj", "pobj"}
    ]
    if code[:2] == "04" and any(lemma(o) in COMMENT_TOPICS for o in topics):
        return "011", "asserted"
    aux = {c.lower_ for c in trig.token.children if c.dep_ == "aux"}
    if aux & {"will", "would", "wo", "shall"}:
        return REJECT_BY_ROOT.get(code[:2], "120"), "asserted"
    return code, mod


def _descriptive(trig: Trigger, code: str) -> bool:
    """A passive participle describing a noun ("the ceasefire agreed upon by X", "sanctions
    imposed by Y") identifies the thing another event is about; it is coded only when it
    reports ongoing material conflict ("territory occupied by Russia")."""
    tok = trig.token
    return (
        trig.kind == "verb"
        and tok.dep_ == "acl"
        and tok.tag_ == "VBN"
        and code[:2] not in MATERIAL_CONFLICT_ROOTS
    )


def _imperative(trig: Trigger) -> bool:
    """ "Help me to get through the year": an order or plea in a quote, not a reported act."""
    tok = trig.token
    if trig.kind != "verb" or tok.tag_ != "VB" or tok.dep_ not in {"ROOT", "ccomp", "parataxis"}:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in tok.children):
        return False
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
    return tok.left_edge == tok or (before is not None and before.text in {'"', "“", ":"})


def _asserting(trig: Trigger) -> bool:
    """ "Mr Brown insisted his plans were affordable": insisting on a fact is a claim; only
    insisting on an act ("insisted on a vote", "insisted they must resign") is a demand."""
    tok = trig.token
    if lemma(tok) not in ASSERTING or trig.wrapped:
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "on":
            return False
        if c.dep_ == "ccomp":
            aux = {a.lower_ for a in c.children if a.dep_ in {"aux", "auxpass"}}
            return not aux & {"should", "must", "ought", "shall"}
    return False


def _questioned(trig: Trigger) -> bool:
    """An event asked about, not reported: "questions about what concessions Russia should
    make", "asked whether Iran would attack"."""
    heads = [trig.token]
    if trig.kind == "noun" and trig.token.dep_ in {"dobj", "obj"}:
        heads.append(trig.token.head)
    for h in heads:
        for c in h.children:
            if c.dep_ == "det" and c.tag_ == "WDT":
                return True
            if c.dep_ == "mark" and c.lower_ in QUESTION_MARKS:
                return True
    return False


def _verbal_attack(trig: Trigger, sources: list[Actor], targets: list[Actor]) -> bool:
    """An attack by a politician on a politician, party or policy is criticism: a person or
    a party attacks no country, place or armed group, and is not armed forces itself."""
    if lemma(trig.token) not in VERBAL_ATTACKS or _military(trig, sources):
        return False
    if any(a.actor_type != "person" and a.sector not in POLITICAL_SECTORS for a in sources):
        return False
    return all(
        a.actor_type in {"person", "organization", "group"} and a.sector not in ARMED_SECTORS
        for a in targets
    )


def _planned(trig: Trigger) -> bool:
    """The event is the infinitive of a plan-like noun ("a plan to restore", "pledge to cut")."""
    tok = trig.token
    return (
        trig.kind == "verb"
        and tok.dep_ == "acl"
        and tok.head.pos_ == "NOUN"
        and lemma(tok.head) in PLAN_NOUNS
    )


def _quoted_speaker(trig: Trigger, actors: ActorResolver) -> list[Actor]:
    """The speaker of a first-person event in reported speech: '"We will cut taxes," Mr
    Howard said' -> Mr Howard (only within the sentence that names the speaker)."""
    groups = source_tokens(trig)
    subj = groups[0] if groups and groups[0] else []
    if len(subj) != 1 or subj[0].lower_ not in FIRST_PERSON:
        return []
    cur = trig.token
    for _ in range(6):
        if cur.dep_ in {"ccomp", "parataxis"} and lemma(cur.head) in SPEECH:
            speakers = [c for c in cur.head.children if c.dep_ == "nsubj"]
            if speakers and speakers[0].lower_ not in FIRST_PERSON:
                return _first_resolving(actors, [speakers])
            return []
        if cur.dep_ == "ROOT" or cur.head == cur:
            return []
        cur = cur.head
    return []


def _stance_on_thing(trig: Trigger, code: str, mod: str) -> bool:
    """A reported stance (endorse, criticise, reject) on a named policy, law or plan."""
    if trig.kind != "verb" or mod != "asserted" or code[:2] not in STANCE_ROOTS:
        return False
    if trig.wrapped:  # "refused to back", "urged X to reject": the framed act decides
        return False
    objs = [c for c in trig.token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    objs += [
        g
        for p in trig.token.children
        if p.dep_ in {"prep", "prt"} and p.lower_ in STANCE_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return any(o.pos_ == "NOUN" for o in objs)


def _sentence_counterpart(
    sent: Span, mentions: dict[int, Actor], sources: list[Actor]
) -> Actor | None:
    """The one actor of another country the sentence names, when there is exactly one such
    country: "Zelenskyy indicated a willingness to sign a deal ... Trump's efforts" -> Trump."""
    own = {a.country for a in sources}
    found: dict[str, Actor] = {}
    for i in range(sent.start, sent.end):
        a = mentions.get(i)
        if a is not None and a.country and a.country not in own:
            found.setdefault(a.country, a)
    return next(iter(found.values())) if len(found) == 1 else None


def extract_events(doc: Doc, ctx: ArticleContext, actors: ActorResolver) -> list[Row]:
    """Event mentions of one article (see Extraction.events for the row shape)."""
    rows: list[Row] = []
    recent: Recent = {}
    cands = candidate_indices(doc)
    mentions_of = getattr(actors, "mentions", None)
    mentions = mentions_of() if mentions_of is not None else {}
    k = 0
    for si, sent in enumerate(doc.sents):
        mine = []
        while k < len(cands) and cands[k] < sent.end:
            mine.append(cands[k])
            k += 1
        if mine:
            rows.extend(sentence_events(sent, si, ctx, actors, mine, recent, mentions))
    return rows


def _resolve_one(actors: ActorResolver, tok: Token) -> list[Actor]:
    resolve_all = getattr(actors, "resolve_all", None)
    if resolve_all is not None:
        return [a for a in resolve_all(tok) if a is not None]
    a = actors.resolve_token(tok)
    return [a] if a is not None else []


def _inner_heads(tok: Token) -> list[Token]:
    """Where the actor sits when the phrase head is not it: "Hundreds of UN troops",
    "opponents of the Senate", a name the parser hung under a date ("Assad Tuesday")."""
    if tok.lemma_.lower() in DOCUMENTS:  # "a report released in the Rwandan capital said"
        return [t for t in tok.subtree if t.ent_type_ in {"GPE", "NORP", "ORG"} and t != tok][:1]
    if tok.ent_type_ in {"DATE", "TIME"}:
        return [
            c for c in tok.children if c.dep_ == "compound" and c.ent_type_ not in {"DATE", "TIME"}
        ][-1:]
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _resolve(actors: ActorResolver, tokens: list[Token]) -> list[Actor]:
    out: list[Actor] = []
    for tok in tokens:
        found = _resolve_one(actors, tok)
        if not any(_placed(a) for a in found):  # "Opponents of Rwanda's Senate"
            for inner in _inner_heads(tok):
                deeper = _resolve_one(actors, inner)
                if any(_placed(a) for a in deeper) or not found:
                    found = deeper
                    break
        for a in found:
            if all(a.actor_id != b.actor_id for b in out):
                out.append(a)
    return out


def _first_resolving(actors: ActorResolver, groups: list[list[Token]]) -> list[Actor]:
    """Actors of the first candidate group that resolves to a state, organisation or known
    sector; failing that, of the first group that resolves at all ("sent troops to Ukraine":
    Ukraine, not the troops)."""
    fallback: list[Actor] = []
    for group in groups:
        found = _resolve(actors, group)
        if any(_placed(a) for a in found):
            return found
        if found and not fallback:
            fallback = found
    return fallback


def _date_heads(trig: Trigger) -> list[Token]:
    """The words a date must hang from to date this event: the event word, and for a
    nominal event its governing verb ("had another call on Tuesday")."""
    heads = [trig.token]
    if trig.kind == "noun" and trig.token.dep_ in {"dobj", "obj", "pobj"}:
        verb = trig.token.head if trig.token.dep_ != "pobj" else trig.token.head.head
        if verb.pos_ in {"VERB", "AUX"}:
            heads.append(verb)
    return heads


def _dates_event(date_root: Token, heads: list[Token], others: set[int]) -> bool:
    """Whether the date phrase belongs to one of heads without crossing into another clause
    or another event ("after Trump's call with Putin last Tuesday, the U.S. withdrew")."""
    cur = date_root
    for _ in range(6):
        if cur in heads:
            return True
        if cur.i in others:
            return False
        if cur.dep_ in {"advcl", "ccomp", "relcl", "acl", "xcomp", "conj", "ROOT"} and (
            cur.pos_ in {"VERB", "AUX"}
        ):
            return False
        cur = cur.head
    return False


def _date(
    sent: Span, trig: Trigger, published: object, others: set[int]
) -> tuple[str | None, str, str | None]:
    """The date expression attached to the event (not just any date in the sentence)."""
    ents = [e for e in sent.ents if e.label_ in {"DATE", "TIME"} and is_point_expression(e.text)]
    heads = _date_heads(trig)
    attached = [e for e in ents if _dates_event(e.root, heads, others - {trig.token.i})]
    if not attached:  # a date right after the event's clause, hung on the main verb by the parser
        clause = heads[-1]
        attached = [
            e
            for e in ents
            if e.root.head.dep_ == "ROOT"
            and clause.head == e.root.head
            and 0 <= e.start - clause.right_edge.i <= 1
        ]
    if not attached:
        return None, "unknown", None
    best = min(attached, key=lambda e: abs(e.root.i - trig.token.i))
    res = resolve(best.text, published)  # type: ignore[arg-type]
    return res.iso, res.precision, best.text


def sentence_events(
    sent: Span,
    si: int,
    ctx: ArticleContext,
    actors: ActorResolver,
    candidates: list[int] | None = None,
    recent: Recent | None = None,
    mentions: dict[int, Actor] | None = None,
) -> list[Row]:
    """Event rows reported by one sentence (candidates: see roles.candidate_indices).

    recent: the article's last target per (source, root), to recover a target left implicit
    ("Trump had another call on Tuesday" after "Trump's call with Putin"); mentions: the
    resolver's actor per token, for a counterpart the sentence names but the parse misses."""
    recent = {} if recent is None else recent
    mentions = {} if mentions is None else mentions
    made: list[Made] = []
    rows: list[Row] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    stances: set[int] = set()
    triggers = find_triggers(sent, candidates)
    trigger_ids = {t.token.i for t in triggers}
    for trig in triggers:
        sources = _first_resolving(actors, source_tokens(trig)) or _quoted_speaker(trig, actors)
        if not sources:
            continue
        targets = _first_resolving(actors, target_tokens(trig))
        src_ids = {a.actor_id for a in sources}
        self_directed = bool(targets)  # "he urged the chancellor" with both the same person
        targets = [a for a in targets if a.actor_id not in src_ids]
        self_directed = self_directed and not targets
        if trig.accusation and not targets:  # "X said they will attack Y": X's own act
            inner = inner_trigger(trig)
            if inner is None:
                continue
            trig = inner
            subject = source_tokens(trig)
            speakers = sources
            sources = _first_resolving(actors, subject)
            if not sources and subject and subject[0] and subject[0][0].pos_ == "PRON":
                sources = speakers  # "X said it would attack": the pronoun is the speaker
            if not sources:
                continue
            src_ids = {a.actor_id for a in sources}
            targets = [
                a
                for a in _first_resolving(actors, target_tokens(trig))
                if a.actor_id not in src_ids
            ]
        code = trig.code
        if _descriptive(trig, code) or _questioned(trig) or _imperative(trig):
            continue
        if code[:2] == "10" and _asserting(trig):
            continue
        if code == "190" and _verbal_attack(trig, sources, targets):
            code = "111"  # "Mr Cable attacked Labour's taxes": words, not force
        if code == "160" and lemma(trig.token) in {"withdraw", "pull"} and _military(trig, sources):
            code = "087"  # troops withdrawing de-escalate; a state leaving a body cuts ties
        mod = modality(trig.token)
        code, mod = cameo_convention(trig, code, mod)
        if mod == "future" and trig.reporter is not None and code[:2] in WISH_BY_ROOT:
            # "Israel announced it would free prisoners": a statement of intent (CAMEO 03/13)
            speakers = _first_resolving(actors, source_tokens(_speech(trig)))
            if {a.actor_id for a in speakers} & src_ids:
                code = WISH_BY_ROOT[code[:2]]
                if code[:2] in {"03", "04"} and trig.code.startswith("084"):
                    code = "0353"
                mod = "asserted"
        if mod == "future" and _planned(trig):
            # "outlined a plan to restore cooperation", "unveiled plans to cut": the stated
            # plan is the event, an intent (CAMEO 03), as with "announced it would"
            code = "030" if code[:2] == "03" else WISH_BY_ROOT.get(code[:2], code)
            mod = "asserted" if code[:2] in {"03", "13"} else mod
        loc_name, loc_country, loc_tok = location(trig.token, trig.frame)
        if (
            not targets
            and code[:2] in LOCATION_TARGET_ROOTS
            and loc_tok is not None
            and not (len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS)
        ):  # "protested in Beijing", "attended a summit in Switzerland", "exercises in Alaska"
            targets = [a for a in _resolve(actors, [loc_tok]) if a.actor_id not in src_ids]
        carried = False
        if not targets and len(sources) == 1:
            prior = recent.get((sources[0].actor_id, code[:2]))
            # a war keeps its target through the article ("Russia invaded"); a nominal
            # mention ("Russia's invasion") mostly refers back to it and is not coded again
            war = code[:2] in MATERIAL_CONFLICT_ROOTS and trig.kind == "verb"
            reach = si if war else CARRY_SENTENCES
            if prior is not None and si - prior[1] <= reach:
                targets, carried = [prior[0]], True
        if (
            not targets
            and len(sources) == 1
            and code[:2] in COOPERATIVE_ROOTS - {"04"}
            and mod in {"asserted", "future"}
        ):
            other = _sentence_counterpart(sent, mentions, sources)
            if other is not None:
                targets, carried = [other], True
        for s_ in sources:
            for t_ in targets[:1]:
                recent[(s_.actor_id, code[:2])] = (t_, si)
        pairs: list[tuple[Actor, Actor | None]]
        if not targets and len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS:
            # "U.S. and Russian officials convened": one row per pair, the event is symmetric
            pairs = [(s, t) for n, s in enumerate(sources) for t in sources[n + 1 :]]
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None])]  # type: ignore[list-item]
        standalone = MONADIC_ROOTS if trig.kind == "verb" else NOMINAL_MONADIC_ROOTS
        stance = not targets and not self_directed and _stance_on_thing(trig, code, mod)
        if stance:
            standalone = standalone | STANCE_ROOTS
        if (
            not targets
            and code not in MONADIC_CODES
            and code[:2] not in standalone | COUNTERPART_ROOTS
            and not (len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS)
        ):
            continue  # an appeal, threat, accusation... with nobody on the receiving end
        if (
            not targets
            and code[:2] not in COUNTERPART_ROOTS
            and (
                mod == "hypothetical"
                or (mod == "negated" and code[:2] not in NEGATED_MONADIC_ROOTS)
            )
        ):
            continue
        if (
            code == "040"
            and loc_country
            and all(loc_country not in {s.country, t.country if t else None} for s, t in pairs)
        ):
            code = "044"  # met in a third country
        entry = codebook.lookup(code)
        iso, precision, date_text = _date(sent, trig, ctx.published_at, trigger_ids)
        # political event data: someone on either side must be a state or a known sector
        pairs = [
            (s_, t_)
            for s_, t_ in pairs
            if _political(s_, actors) or (t_ is not None and _political(t_, actors))
        ]
        if code[:2] == "01":  # "he told the BBC", "she told reporters": an interview, no event
            media = _to_media(trig)
            pairs = [
                (s_, t_)
                for s_, t_ in pairs
                if (t_ is None and code in MONADIC_CODES)
                or (t_ is not None and not _press(t_) and not media)
            ]
        pairs = pairs[:MAX_ROWS_PER_TRIGGER]
        for src, tgt in pairs:
            key = (entry.root, src.actor_id, tgt.actor_id if tgt else None)
            if key in seen:
                continue
            seen.add(key)
            made.append((trig, src, mod, date_text is not None, carried))
            if stance:
                stances.add(len(rows))
            rows.append(
                {
                    "sentence_index": si,
                    "char_start": sent.start_char,
                    "char_end": sent.end_char,
                    "evidence_text": sent.text,
                    "actor1_id": src.actor_id,
                    "actor1_name": src.name,
                    "actor1_country": src.country,
                    "actor1_sector": src.sector,
                    "actor2_id": tgt.actor_id if tgt else None,
                    "actor2_name": tgt.name if tgt else None,
                    "actor2_country": tgt.country if tgt else None,
                    "actor2_sector": tgt.sector if tgt else None,
                    "cameo_code": entry.code,
                    "cameo_root": entry.root,
                    "event_label": entry.label,
                    "goldstein": entry.goldstein,
                    "quad_class": entry.quad_class,
                    "plover_type": entry.plover_type,
                    "plover_mode": entry.plover_mode,
                    "modality": mod,
                    "event_date": iso,
                    "date_precision": precision,
                    "date_text": date_text,
                    "location_name": loc_name,
                    "location_country": loc_country,
                    "confidence": confidence(
                        trig,
                        src,
                        tgt,
                        mod,
                        carried,
                        date_text is not None,
                        code,
                        later=tgt is not None and len(targets) > 1 and tgt is not targets[0],
                        stance=stance,
                    ),
                }
            )
    _implicit_counterparts(rows, made)
    # criticism with nobody criticised is no event (talks and cut relations may stand alone)
    return [
        r
        for k, r in enumerate(rows)
        if r["actor2_id"] is not None
        or r["cameo_root"] in MONADIC_ROOTS
        or r["cameo_code"] in MONADIC_CODES
        or k in stances
    ]


def _implicit_counterparts(rows: list[Row], made: list[Made]) -> None:
    """Give target-less relational events (talks, criticism, cut relations) the other side
    named by the sentence's other events: "Trump has made calls to Putin since Biden cut
    off communication" -> Biden cut off communication with Putin."""
    for k, row in enumerate(rows):
        if row["actor2_id"] is not None or row["cameo_root"] not in COUNTERPART_ROOTS:
            continue
        trig, src, mod, dated, _ = made[k]
        for j, other in enumerate(rows):
            if made[j][0] is trig:
                continue
            for side in ("actor2", "actor1"):
                country = other[f"{side}_country"]
                if country and src.country and country != src.country:
                    for col in ("id", "name", "country", "sector"):
                        row[f"actor2_{col}"] = other[f"{side}_{col}"]
                    tgt = Actor(other[f"{side}_id"], other[f"{side}_name"], "group", country)
                    row["confidence"] = confidence(
                        trig, src, tgt, mod, True, dated, row["cameo_code"]
                    )
                    break
            if row["actor2_id"] is not None:
                break
