"""Quotation spans in raw article text, paragraph-aware and robust to unbalanced marks.

A paragraph is a line of text. A quotation opens with ``“`` or an opening straight ``"`` and
closes with ``”`` or a closing straight ``"`` in the same paragraph (a ``”`` that starts a
paragraph, or follows an invisible direction mark, opens one: a typing slip). News
convention for long quotes: a paragraph that ends inside a quote and is followed by a
paragraph opening with a quotation mark continues the quote, without a closing mark; the
pieces form one *run* and the speaker carries over. An opening mark that never closes and
is not continued is dropped, unless it opens its paragraph or a sentence, or follows a colon
(then the quote ends with the paragraph: '“…,” X said. “… (no closing mark)').
A quote therefore never runs past its paragraph, and one run never past its paragraphs.
Marks inside markup tags (attribute values: ``<tweet author="…">``) quote nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“«"
CLOSERS = "”»"
STRAIGHT = '"'
_OPEN_BEFORE = " \t([{—–-/\u00a0\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"
_TRAIL = " \t,;\u00a0"
_MARK = re.compile(f"[{OPENERS}{CLOSERS}{STRAIGHT}]")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?>")


@dataclass(frozen=True)
class Quote:
    """One quoted segment inside one paragraph."""

    open: int  # offset of the opening mark
    close: int  # offset just past the closing mark (or the paragraph end)
    start: int  # content start (marks and spaces excluded)
    end: int  # content end (closing mark and trailing comma excluded)
    run: int  # quotes continued across paragraphs share a run number
    continued: bool  # this segment continues a quote opened in an earlier paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _kind(text: str, i: int, inside: bool) -> str:
    """'open' or 'close' for the mark at i."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    before_space = before.isspace() or before in _OPEN_BEFORE or before == "\n"
    after_space = after.isspace() or after in ".,;:!?)]"
    if ch in OPENERS:  # a curly opener typed where a closer belongs: 'unusual,“ he said'
        return "close" if inside and after_space and not before_space else "open"
    if ch in CLOSERS:
        if not inside and (i == 0 or text[i - 1] == "\n"):
            return "open"  # a paragraph never opens with a closing mark: '” … he said'
        return "open" if not inside and before_space and not after_space else "close"
    if before_space and not after_space:
        return "open"
    if after_space and not before_space:
        return "close"
    return "close" if inside else "open"


def _content(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in _TRAIL:
        b -= 1
    return a, b


def _starts_with_quote(text: str, span: tuple[int, int]) -> bool:
    head = text[span[0] : span[1]].lstrip()
    return bool(head) and (head[0] in OPENERS or head[0] == STRAIGHT)


def _normalize(text: str) -> str:
    """Two-character marks ('' and ``, NYT style) as one straight mark, same length."""
    if "''" not in text and "``" not in text:
        return text
    out = list(text)
    i = 0
    while i < len(text) - 1:
        pair = text[i : i + 2]
        if pair == "``" or (pair == "''" and (i == 0 or text[i - 1].isspace())):
            out[i], out[i + 1] = " ", '"'  # opener: the mark touches the word after it
            i += 2
        elif pair == "''":
            out[i], out[i + 1] = '"', " "  # closer: the mark touches the word before it
            i += 2
        else:
            i += 1
    return "".join(out)


def _untag(text: str) -> str:
    """Quotation marks inside markup tags blanked (same length): attribute values."""
    if "<" not in text:
        return text
    return _TAG.sub(lambda m: re.sub(r"[\"“”«»]", " ", m.group()), text)


def _family(ch: str) -> str:
    return "straight" if ch == STRAIGHT else "curly"


def _orphans(text: str, inner: list[tuple[int, int]], quotes: list[Quote], run: int) -> int:
    """The outer quote was dropped: its nested quotes stand alone. Returns the last run."""
    for o, c in inner:
        a, b = _content(text, o + 1, c)
        if b > a:
            run += 1
            quotes.append(Quote(o, c + 1, a, b, run, False))
    inner.clear()
    return run


def find_quotes(text: str) -> list[Quote]:
    """Every quoted segment of text, in order.

    A quote of the other mark style inside an open quote is nested in it ("He said “no” twice"
    in straight marks): it neither closes nor drops the outer quote, and stands on its own
    only when the outer quote is dropped.
    """
    text = _untag(_normalize(text))
    paras = paragraphs(text)
    quotes: list[Quote] = []
    run = 0
    carry = False  # the previous paragraph ended inside a quote that continues here
    for p, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        first = True
        nested: int | None = None  # an opener of the other style inside the open quote
        inner: list[tuple[int, int]] = []  # closed nested quotes (open, closing mark)
        for mark in _MARK.finditer(text, ps, pe):
            i = mark.start()
            ch = mark.group()
            kind = _kind(text, i, open_at is not None)
            if open_at is not None and _family(ch) != _family(text[open_at]):
                if nested is None and kind == "open":
                    nested = i
                    continue
                if nested is not None and kind == "close":
                    inner.append((nested, i))
                    nested = None
                    continue
            if kind == "open":
                if open_at is None or text[i] in OPENERS:
                    if open_at is not None:
                        run = _orphans(text, inner, quotes, run)
                    open_at = i  # a second opener drops the unclosed first one
                    nested = None
            elif open_at is not None:
                a, b = _content(text, open_at + 1, i)
                if b > a:
                    cont = carry and first
                    if not cont:
                        run += 1
                    quotes.append(Quote(open_at, i + 1, a, b, run, cont))
                first = False
                carry = False
                open_at = None
                nested = None
                inner.clear()
        if open_at is not None:
            nxt = paras[p + 1] if p + 1 < len(paras) else None
            continues = nxt is not None and _starts_with_quote(text, nxt)
            lead = text[ps:open_at].rstrip()
            at_para_start = not lead or lead.endswith(":")  # 'More from Jones: “…' runs on
            at_sentence_start = lead.endswith((".", "?", "!"))  # '…,” X said. “… (no close)'
            if continues or at_para_start or at_sentence_start:
                a, b = _content(text, open_at + 1, pe)
                if b > a:
                    cont = carry and first
                    if not cont:
                        run += 1
                    quotes.append(Quote(open_at, pe, a, b, run, cont))
                inner.clear()
            else:
                run = _orphans(text, inner, quotes, run)
            carry = continues
        else:
            carry = False
    quotes.sort(key=lambda q: q.open)
    return quotes


def inside(quotes: list[Quote], pos: int) -> Quote | None:
    """The quote whose marks enclose offset pos, if any (quotes are sorted)."""
    lo, hi = 0, len(quotes)
    while lo < hi:
        mid = (lo + hi) // 2
        if quotes[mid].close <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(quotes) and quotes[lo].open <= pos < quotes[lo].close:
        return quotes[lo]
    return None
