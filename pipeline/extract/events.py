"""Event coding over a spaCy doc: who did what to whom, when and where (CAMEO coded).

One row per event mention. Triggers are verbs and nouns matched by the patterns in
``schemas/codebook/patterns.csv``; the source actor comes from the subject (or the agent of
a passive, or the possessor of a nominal event), the target from the object, a
prepositional object, or the possessor/of-phrase of the object. See ``roles.py`` for the
triggers, ``arguments.py`` for the actor rules, ``event_actors.py`` for resolving them
(speakers of quoted first-person events included), ``conventions.py`` for the CAMEO rules
on what is an event and how it is recoded, and ``modality.py``, ``dates.py``, ``places.py``
for the other fields.

Domestic politics is event data too: a named person or organisation without a known
country still makes an event; a stance on a named policy ("the Tories backed the plans")
stands without a target actor; a symmetric event (a meeting of two sides) is one row per
pair of actors.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.extract import codebook
from pipeline.extract.actors import ActorResolver
from pipeline.extract.arguments import inner_trigger, source_tokens, target_tokens
from pipeline.extract.confidence import confidence
from pipeline.extract.conventions import (
    COOPERATIVE_ROOTS,
    MATERIAL_CONFLICT_ROOTS,
    STANCE_ROOTS,
    aimed_at_a_thing,
    appeal_noun,
    asserting,
    cameo_convention,
    declined_comment,
    descriptive,
    idle,
    imperative,
    military,
    planned,
    press,
    questioned,
    stance_on_thing,
    to_media,
    verbal_attack,
)
from pipeline.extract.dates import is_point_expression, resolve
from pipeline.extract.event_actors import (
    first_resolving,
    political,
    quoted_speaker,
    resolve_phrases,
    sentence_counterpart,
)
from pipeline.extract.modality import modality
from pipeline.extract.model import Actor, ArticleContext, Row
from pipeline.extract.places import location
from pipeline.extract.roles import (
    RECIPROCAL_ROOTS,
    WISH_BY_ROOT,
    Trigger,
    candidate_indices,
    find_triggers,
)
from pipeline.extract.verbs import lemma

MAX_ROWS_PER_TRIGGER = 6
CLAIM_SPEECH = {"claim", "admit"}  # owning up to an act: CAMEO 015 for one's own violence
CARRY_SENTENCES = 2  # how far back an implicit target may be recovered from
Recent = dict[tuple[str, str], tuple[Actor, int]]
Made = tuple[Trigger, Actor, str, bool, bool]  # trigger, source, modality, dated, carried
COUNTERPART_ROOTS = {"04", "11", "16"}
LOCATION_TARGET_ROOTS = {"04", "14", "15"}
# roots whose events stand without a target actor ("Russia has not made concessions",
# "activists protested", "troops withdrew", "the U.S. cut off communication")
MONADIC_ROOTS = {"03", "04", "06", "07", "08", "09", "14", "15", "16", "18", "19", "20"}
# declining to comment, claiming or denying responsibility, symbolic acts
MONADIC_CODES = {"011", "015", "016", "017"}
# a nominal mention with no target ("Russia's invasion") mostly refers back to an event
# reported elsewhere; only a few kinds stand alone as nouns ("Russia's concessions")
NOMINAL_MONADIC_ROOTS = {"08", "14", "15", "16"}


def _speech(trig: Trigger) -> Trigger:
    """A stand-in trigger for the speech verb reporting trig (to find the speaker)."""
    assert trig.reporter is not None
    return Trigger(trig.reporter, "010", "verb", trig.match, [])


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
        sources = first_resolving(actors, source_tokens(trig)) or quoted_speaker(trig, actors)
        if not sources:
            continue
        targets = first_resolving(actors, target_tokens(trig))
        src_ids = {a.actor_id for a in sources}
        self_directed = bool(targets)  # "he urged the chancellor" with both the same person
        targets = [a for a in targets if a.actor_id not in src_ids]
        self_directed = self_directed and not targets
        own_claim = False
        if trig.accusation and not targets:  # "X said they will attack Y": X's own act
            inner = inner_trigger(trig)
            if inner is None:
                continue
            claimer = lemma(trig.token)
            trig = inner
            subject = source_tokens(trig)
            speakers = sources
            sources = first_resolving(actors, subject)
            if not sources and subject and subject[0] and subject[0][0].pos_ == "PRON":
                sources = speakers  # "X said it would attack": the pronoun is the speaker
            if not sources:
                continue
            src_ids = {a.actor_id for a in sources}
            targets = [
                a for a in first_resolving(actors, target_tokens(trig)) if a.actor_id not in src_ids
            ]
            # "X claimed it had attacked Y": claiming one's own violent act (CAMEO 015)
            own_claim = claimer in CLAIM_SPEECH and bool(src_ids & {a.actor_id for a in speakers})
        code = trig.code
        if descriptive(trig, code) or questioned(trig) or imperative(trig):
            continue
        if asserting(trig) or aimed_at_a_thing(trig, targets):
            continue
        if code[:2] == "04" and appeal_noun(trig):
            code = "020"
        if code[:2] == "12" and declined_comment(trig):
            code = "011"
        if code == "190" and verbal_attack(trig, sources, targets):
            code = "111"  # "Mr Cable attacked Labour's taxes": words, not force
        if code == "160" and lemma(trig.token) in {"withdraw", "pull"} and military(trig, sources):
            code = "087"  # troops withdrawing de-escalate; a state leaving a body cuts ties
        mod = modality(trig.token)
        code, mod = cameo_convention(trig, code, mod)
        if own_claim and mod == "asserted" and code[:2] in {"18", "19", "20"}:
            code = "015"
        if mod == "future" and trig.reporter is not None and code[:2] in WISH_BY_ROOT:
            # "Israel announced it would free prisoners": a statement of intent (CAMEO 03/13)
            speakers = first_resolving(actors, source_tokens(_speech(trig)))
            if {a.actor_id for a in speakers} & src_ids:
                code = WISH_BY_ROOT[code[:2]]
                if code[:2] in {"03", "04"} and trig.code.startswith("084"):
                    code = "0353"
                mod = "asserted"
        if mod == "future" and planned(trig):
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
            targets = [a for a in resolve_phrases(actors, [loc_tok]) if a.actor_id not in src_ids]
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
            other = sentence_counterpart(sent, mentions, sources, actors)
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
        stance = not targets and not self_directed and stance_on_thing(trig, code, mod)
        if stance:
            standalone = standalone | STANCE_ROOTS
        if (
            not targets
            and code not in MONADIC_CODES
            and code[:2] not in standalone | COUNTERPART_ROOTS
            and not (len(sources) > 1 and code[:2] in RECIPROCAL_ROOTS)
        ):
            continue  # an appeal, threat, accusation... with nobody on the receiving end
        if not targets and code[:2] not in COUNTERPART_ROOTS and idle(mod, code[:2]):
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
            if political(s_, actors) or (t_ is not None and political(t_, actors))
        ]
        if code[:2] == "01":  # "he told the BBC", "she told reporters": an interview, no event
            media = to_media(trig)
            pairs = [
                (s_, t_)
                for s_, t_ in pairs
                if (t_ is None and code in MONADIC_CODES)
                or (t_ is not None and not press(t_) and not media)
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
        or (
            (r["cameo_root"] in MONADIC_ROOTS or r["cameo_code"] in MONADIC_CODES or k in stances)
            and not idle(r["modality"], r["cameo_root"])
        )
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
