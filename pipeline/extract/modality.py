"""Modality of an event mention: asserted, negated, hypothetical or future.

Read from the dependency parse around the event word and the verbs that govern it:
negation ("has not made", "refrained from any criticism", "without"), counterfactuals and
conditionals ("Had X delayed..., he would have...", "could have been", "if"), and future or
intended action ("will meet", "plans to", "is expected to").
"""

from __future__ import annotations

from spacy.tokens import Token

NEGATORS = {"not", "n't", "never", "no", "nt", "neither", "nor"}
NEG_GOVERNORS = {
    "refrain",
    "fail",
    "avoid",
    "stop",
    "cease",
    "neglect",
    "abstain",
    "forgo",
    "decline",
    "refuse",
    "unable",
}
HYPO_MODALS = {"could", "might", "may", "should", "must", "ought", "can", "ca"}  # ca(n't)
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
FUTURE_GOVERNORS = {
    "plan",
    "intend",
    "expect",
    "schedule",
    "prepare",
    "aim",
    "set",
    "go",
    "hope",
    "want",
    "seek",
    "try",
    "attempt",
    "wish",
    "like",
    "mean",
    "due",
    "about",
    "likely",
    "poise",
}
# nouns that frame an infinitive: "plans to invest" is intended, "the power to suspend" possible
FUTURE_NOUNS = {
    "plan",
    "pledge",
    "promise",
    "proposal",
    "bid",
    "intention",
    "attempt",
    "offer",
    "threat",
    "vow",
    "commitment",
    "aim",
    "call",
}
HYPO_NOUNS = {
    "duty",
    "power",
    "right",
    "need",
    "ability",
    "chance",
    "opportunity",
    "option",
    "freedom",
    "way",
    "time",
    "reason",
    "attempt",
}
WISHES = {"hope", "wish", "want", "fear", "pray", "urge", "prefer", "suggest", "propose"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
CLAUSE_LINKS = {"ccomp", "relcl", "acl", "advcl", "parataxis", "csubj"}  # a new clause starts


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}


def _negated_here(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in {"no", "neither"}):
            return True
        if c.dep_ == "mark" and c.lower_ == "without":  # "without Ukraine agreeing"
            return True
    return tok.dep_ in {"pobj", "pcomp"} and tok.head.lower_ == "without"


def _inverted_conditional(tok: Token) -> bool:
    """ "Had Trump delayed ...": an auxiliary before the subject of a clause."""
    aux = [c for c in tok.children if c.dep_ == "aux" and c.lower_ in {"had", "were", "should"}]
    subj = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return bool(aux and subj and aux[0].i < subj[0].i and tok.dep_ == "advcl")


def _conditional_clause(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children)


def _governors(tok: Token) -> list[Token]:
    """The event word, then the words whose clause contains it, up to the sentence root."""
    chain = [tok]
    cur = tok
    while cur.dep_ != "ROOT" and cur.head != cur and len(chain) < 8:
        cur = cur.head
        chain.append(cur)
    return chain


def modality(tok: Token) -> str:
    """asserted | negated | hypothetical | future for the event headed by tok."""
    chain = _governors(tok)
    # the verbs that frame the event: stop climbing at a clause that merely reports it
    frame: list[Token] = []
    links: list[str] = []  # how frame[k] hangs off frame[k + 1]
    for i, t in enumerate(chain):
        if i and chain[i - 1].dep_ in CLAUSE_LINKS and not _infinitive(chain[i - 1]):
            break
        nominal_step = i and tok.pos_ != "VERB" and chain[i - 1].pos_ != "VERB"
        if nominal_step and chain[i - 1] != tok and chain[i - 1].dep_ not in {"prep", "pobj"}:
            break  # a nominal event reaches its governing verb through a preposition at most
        frame.append(t)
        links.append(chain[i - 1].dep_ if i else "")
    for t in frame:
        if _conditional_clause(t) or _inverted_conditional(t):
            return "hypothetical"
    top = frame[-1]
    if (
        len(chain) > len(frame)
        and top.dep_ == "ccomp"
        and chain[len(frame)].lemma_.lower() in WISHES
    ):
        return "hypothetical"  # "hoped officials would be indicted": wished for, not reported
    for t in frame:
        aux = _aux_words(t)
        if aux & {"would", "could", "might", "should"} and "have" in aux:
            return "hypothetical"
        if any(
            c.dep_ == "advcl" and (_conditional_clause(c) or _inverted_conditional(c))
            for c in t.children
        ):
            return "hypothetical"
    for k, t in enumerate(frame):
        if _negated_here(t):
            return "negated"
        if k and t.lemma_.lower() in NEG_GOVERNORS and links[k] in {"xcomp", "prep", "pcomp"}:
            return "negated"
    for k, t in enumerate(frame):
        if k and links[k] == "acl" and t.pos_ == "NOUN":  # "a plan to cut", "a duty to act"
            if t.lemma_.lower() in HYPO_NOUNS - FUTURE_NOUNS:
                return "hypothetical"
            if t.lemma_.lower() in FUTURE_NOUNS:
                return "future"
        aux = _aux_words(t)
        if aux & HYPO_MODALS:
            return "hypothetical"
        if aux & FUTURE_MODALS or ("would" in aux):
            return "future"
        if k and t.lemma_.lower() in FUTURE_GOVERNORS and links[k] == "xcomp":
            if t.lemma_.lower() == "go" and not any(c.dep_ == "aux" for c in t.children):
                continue
            return "future"
    return "asserted"


def _infinitive(tok: Token) -> bool:
    """ "to demand ...": an infinitive clause shares the modality of the clause it completes."""
    return tok.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
