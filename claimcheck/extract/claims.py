"""Sentence-level claims: who did what, when, how many, as typed records.

A claim is one value (a date, an amount, a stated count, a list) in one
sentence, with the event it belongs to (predicate + object) and the names
around it. Everything here is a pure function of (article, doc, time expressions).
"""
from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from claimcheck.extract import lists
from claimcheck.extract.ages import ages_in
from claimcheck.extract.entities import Aliases, names_in, normalise, places_in
from claimcheck.extract.numbers import is_currency, is_hedged, parse_amount, starts_hedged
from claimcheck.models import Article, Claim, Timex, Value

_NUMBER_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)(s|\s*[–—-]\s*\d{2,4})?$")
_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
_MODAL_HEDGES = {"expect", "plan", "aim", "hope", "seek", "propose", "may", "might", "could", "would"}
MAX_COUNT = 40  # "five measures" is a count of a list; "70 companies" is a figure, not an enumeration


@lru_cache(maxsize=1)
def _predicate_table() -> dict:
    with resources.files("claimcheck.data").joinpath("predicates.toml").open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def generic_objects() -> frozenset[str]:
    return frozenset(_predicate_table()["generic_objects"]["words"])


@lru_cache(maxsize=1)
def _noun_synonyms() -> dict[str, str]:
    return {word: head for head, words in _predicate_table()["noun_synonyms"].items() for word in words}


@lru_cache(maxsize=1)
def _predicates() -> tuple[dict[str, str], frozenset[str]]:
    table = _predicate_table()
    synonyms = {}
    for head, words in table["synonyms"].items():
        for word in words:
            synonyms.setdefault(word, head)
    return synonyms, frozenset(table["reporting"]["verbs"])


def extract_claims(article: Article, doc: Doc, timexes: list[Timex], aliases: Aliases) -> list[Claim]:
    """All claims of one article, in text order."""
    kinds = _block_kinds(article)
    sentences: list[tuple[Span, str, frozenset[str]]] = []
    claims: list[Claim] = []
    person: str | None = None  # the person last named: who "she" most likely is
    named: set[str] = set()
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        kind = kinds(sent.start_char + len(text) - len(text.lstrip()))
        if kind in ("furniture", "heading"):
            continue
        names = names_in(sent, aliases)
        sentences.append((sent, kind, names))
        quote_start, quote_end = _quote_bounds(article, sent, kind)
        places = places_in(_after_dateline(sent), aliases)
        periods = _periods(article, sent, timexes)
        context = _Context(article, sent, quote_start, quote_end, names, places, aliases, periods, frozenset(named))
        named.update(names)
        claims.extend(_date_claims(context, timexes))
        ages = list(_age_claims(context, person))
        claims.extend(ages)
        claims.extend(_amount_claims(context, timexes, taken={c.value_start for c in ages}))
        person = next((normalise(e.text, aliases) for e in reversed(sent.ents) if e.label_ == "PERSON"), person)
    list_claims, linked = _list_claims(article, doc, claims, sentences)
    claims = [linked.get(c.id, c) for c in claims] + list_claims
    return sorted(claims, key=lambda c: (c.start, c.value_start, c.value.kind))


class _Context:
    """What every claim of one sentence shares."""

    def __init__(
        self, article: Article, sent: Span, start: int, end: int, names, places, aliases: Aliases, periods=(), named=(),
    ):
        self.article, self.sent, self.start, self.end = article, sent, start, end
        self.named = named  # names the article has used before this sentence
        self.names, self.places, self.aliases = names, places, aliases
        self.periods = periods  # (offset, interval) of every date in the sentence
        self.quote = article.text[start:end]

    def claim(self, value: Value, value_start: int, value_end: int, **fields) -> Claim:
        fields.update(self._antecedent(fields.pop("target", None)))
        doc_id = self.article.id
        return Claim(
            id=f"{doc_id}:{value_start}:{value.kind}",
            document=doc_id,
            text=self.quote,
            start=self.start,
            end=self.end,
            line=self.article.line_of(self.start),
            value=value,
            value_start=value_start,
            value_end=value_end,
            entities=fields.pop("entities", self.names),
            places=self._places(fields.pop("scope", None)),
            when=tuple(interval for offset, interval in self.periods if offset != value_start),
            **fields,
        )


    def _antecedent(self, target: Token | None) -> dict:
        """ "The accord, which ... signed in January" after "the Arden Water Treaty": the treaty."""
        if target is None or target.pos_ != "NOUN" or not _bare_definite(target):
            return {}
        kind = kind_of(target.lemma_.lower())
        if kind is None:
            return {}
        candidates = {name for name in self.named if kind_of(_name_head(name)) == kind}
        if len(candidates) != 1:
            return {}  # two agreements named before "the agreement": which one is not clear
        name = candidates.pop()
        return {"object": name, "object_is_name": True, "entities": self.names | {name}}

    def _places(self, verb: Token | None) -> frozenset[str]:
        """The places the value's own clause names: "crashed in the Andes, killing 27" does not put the dead in the Andes."""
        if verb is None or verb.sent.start != self.sent.start:
            return self.places
        body = _after_dateline(self.sent)
        start, end = max(verb.left_edge.i, body.start), verb.right_edge.i + 1
        return places_in(self.sent.doc[start:end], self.aliases) if start < end else frozenset()


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    with resources.files("claimcheck.data").joinpath("kinds.toml").open("rb") as fh:
        table = tomllib.load(fh)["kinds"]
    return {word: kind for kind, words in table.items() for word in words}


def kind_of(word: str) -> str | None:
    return _kinds().get(word)


def _name_head(name: str) -> str:
    return name.split(" of ")[0].split()[-1] if name.strip() else ""


def _bare_definite(noun: Token) -> bool:
    """ "the accord", "this agreement": not "a similar accord", "the Lenne accord", "the 2008 accord"."""
    dets = [c for c in noun.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in ("the", "this", "that"):
        return False
    return not any(c.dep_ in ("amod", "compound", "poss", "nummod", "nmod") for c in noun.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "on", "with", "between") for c in noun.children
    )


def _periods(article: Article, sent: Span, timexes: list[Timex]) -> tuple:
    """The dates a sentence gives: "revenue of $410 million in 2024" is a figure for 2024."""
    return tuple(
        (t.start, t.interval) for t in timexes
        if sent.start_char <= t.start < sent.end_char and t.type == "DATE" and t.interval is not None
        and not _inside(t.start, t.end, article.published_span)
    )


def _block_kinds(article: Article):
    starts = [b.start for b in article.blocks]

    def kind_at(offset: int) -> str:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return "text"
        block = article.blocks[i]
        return block.kind if offset < max(block.end, block.start + 1) else "text"

    return kind_at


def _quote_bounds(article: Article, sent: Span, kind: str) -> tuple[int, int]:
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    if kind == "item":
        # a list item is quoted whole: "2023: MoU signed ..." is one line, one claim
        line_start = article.text.rfind("\n", 0, start) + 1
        line_end = article.text.find("\n", start)
        line_end = len(article.text) if line_end < 0 else line_end
        raw = article.text[line_start:line_end]
        start = line_start + (len(raw) - len(raw.lstrip()))
        end = max(end, line_start + len(raw.rstrip()))
    return start, end


def _inside(start: int, end: int, span: tuple[int, int] | None) -> bool:
    return span is not None and start < span[1] and end > span[0]


def _date_claims(ctx: _Context, timexes: list[Timex]) -> Iterator[Claim]:
    doc = ctx.sent.doc
    for timex in timexes:
        if not (ctx.sent.start_char <= timex.start < ctx.sent.end_char):
            continue
        if timex.type != "DATE" or timex.interval is None:
            continue
        if _inside(timex.start, timex.end, ctx.article.published_span):
            continue  # a dateline or byline dates the article, not an event
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        event = _event_of(span.root, ctx.sent, ctx.aliases)
        value = Value(kind="date", text=timex.text, interval=timex.interval)
        yield ctx.claim(value, timex.start, timex.end, relative=timex.anchored, **event)


def _event_of(token: Token, sent: Span, aliases: Aliases) -> dict:
    """The predicate a value attaches to and what that predicate is about."""
    synonyms, reporting = _predicates()
    verb = token
    while verb.pos_ not in ("VERB",) and verb.head.i != verb.i and verb.head.i >= sent.start:
        if verb.pos_ == "AUX" and verb.dep_ in ("conj", "ccomp", "advcl") and _plain_subject(verb) is not None:
            # "began in 2021, and the project was due to finish in 2023": the date is in a clause
            # of its own, with no verb to name its event; better no event than the wrong one
            return {"predicate": None, "object": None, "object_text": None}
        verb = verb.head
    noun_subject = None
    if verb.pos_ != "VERB":
        verb = _main_verb(sent) or verb
    if verb.pos_ != "VERB":
        # "2023: MoU signed on ...": the root is the noun, the event its participle
        noun_subject = verb
        participle = next((c for c in verb.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if participle is None:
            return {"predicate": None, "object": object_key(verb, aliases), "object_text": _phrase(verb)}
        verb = participle
    lemma = verb.lemma_.lower()
    if noun_subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        noun_subject = verb.head  # "MoU signed on ...": the noun is what was signed
    target = noun_subject or _object_token(verb)
    subject = _subject_token(verb)
    relative = _relativised(verb)
    if relative is not None:
        target, subject = relative
    elif target is None and verb.dep_ == "advcl" and verb.tag_ == "VBN":
        target = _plain_subject(verb.head)  # "Born in Szeged in 1942, Varga studied ...": Varga was born
    hedged = lemma in _MODAL_HEDGES or any(
        c.dep_ == "aux" and c.lemma_.lower() in _MODAL_HEDGES for c in verb.children
    ) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _MODAL_HEDGES)
    has_agent = subject is not None and (target is None or subject.i != target.i)
    return {
        "predicate": synonyms.get(lemma, lemma),
        "object": object_key(target, aliases) if target is not None else None,
        "object_text": _phrase(target) if target is not None else None,
        "reported": lemma in reporting,
        "hedged": hedged,
        "scope": verb,
        "target": target,
        "agent": object_key(subject, aliases) if has_agent else None,
        "agent_is_name": has_agent and subject.pos_ == "PROPN",
        "object_is_name": target is not None and target.pos_ == "PROPN",
    }


_DATELINE = re.compile(r"^\s*[A-Z][\w .'’\[\]-]{1,60},[^.!?]{0,60}?(?:\s[-—–]{1,2}\s|\)\s*[-—–:]\s*)")


def _after_dateline(sent: Span) -> Span:
    """The sentence without its wire dateline ("SHREWSBURY, England, Feb 12 (Reuters) - ")."""
    match = _DATELINE.match(sent.text)
    if match is None:
        return sent
    body = sent.doc.char_span(sent.start_char + match.end(), sent.end_char, alignment_mode="expand")
    return body if body is not None and len(body) else sent


def _subject_token(verb: Token) -> Token | None:
    """Who acted: the subject, the passive agent ("by floodwater"), or for "which killed" the noun it refers to."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ == "WDT" and verb.dep_ == "relcl":
                return verb.head
            if child.i < _after_dateline(child.sent).start:
                return None  # "OSLO, April 18 - ...": the dateline's city did nothing
            return child if child.pos_ in ("NOUN", "PROPN") else None
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return _subject_token(verb.head)  # "Acme agreed to acquire": Acme acquires
    return None


_RELATIVE_PRONOUNS = {"which", "that", "who", "whom"}


def _relativised(verb: Token) -> tuple[Token | None, Token | None] | None:
    """(object, agent) of a verb in a relative clause, where the relativised noun is one of them.

    "the Casco Star, which was built in 2009": the ship was built. "the treaty, which Nordland
    signed": the treaty was signed, by Nordland. "the storm, which killed 12": the storm is the
    agent (handled by `_subject_token`). The small model often misattaches these clauses, so the
    relative pronoun is found by word order, not only by its dependency label.
    """
    sent = verb.sent
    i = verb.i - 1
    while i >= sent.start and verb.doc[i].lower_ not in _RELATIVE_PRONOUNS and verb.doc[i].text not in ",;:()":
        i -= 1
    if i < sent.start or verb.doc[i].lower_ not in _RELATIVE_PRONOUNS or i == sent.start:
        return None
    pronoun = verb.doc[i]
    if pronoun.lower_ == "that" and pronoun.tag_ not in ("WDT", "WP"):
        return None  # "said that ...": a complementiser, not a relative pronoun
    antecedent = verb.doc[i - 1] if verb.doc[i - 1].text != "," else verb.doc[i - 2] if i - 2 >= sent.start else None
    if antecedent is None or antecedent.pos_ not in ("NOUN", "PROPN"):
        return None
    between = verb.doc[i + 1 : verb.i]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if all(t.pos_ in ("AUX", "ADV", "PART") for t in between):
        # subject relative: the antecedent was acted on (passive) or acted (active)
        return (antecedent, None) if passive else None
    agent = next((t for t in between if t.dep_ in ("nsubj", "dobj") and t.pos_ in ("NOUN", "PROPN")), None)
    if agent is None or any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
        return None
    return antecedent, agent  # object relative: "which the two governments signed"


def _plain_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)


def _main_verb(sent: Span) -> Token | None:
    """The first top-level verb of a verbless-looking line ("2021: Talks begin between ...")."""
    for token in sent:
        if token.pos_ == "VERB" and (token.head.pos_ != "VERB" or token.head.i == token.i):
            return token
    return None


def _object_token(verb: Token) -> Token | None:
    children = list(verb.children)
    for dep in _OBJECT_DEPS:
        for child in children:
            if child.dep_ == dep:
                return child
    for child in children:
        if child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
            return child  # intransitive: "the bridge opened in 2019"
    return None


def object_key(token: Token, aliases: Aliases) -> str:
    """A comparable name for a noun phrase: head lemma, plus "of X" where the head takes one."""
    head = _name(token, aliases) if token.pos_ == "PROPN" else _word(token, aliases)
    if token.pos_ == "NOUN":
        head = _noun_synonyms().get(head, head)
    if " of " in head:
        return head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                modifiers = [c for c in pobj.children if c.dep_ in ("compound",)]
                words = [_word(c, aliases) for c in sorted(modifiers, key=lambda t: t.i)]
                return f"{head} of {' '.join(words + [_word(pobj, aliases)])}"
    return head


def _name(token: Token, aliases: Aliases) -> str:
    """A proper noun with the proper nouns compounded into it: "Acme Corp", not "corp"."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join([*(c.text.lower() for c in parts), _word(token, aliases)])


def _word(token: Token, aliases: Aliases) -> str:
    lowered = token.text.lower().rstrip("s") if token.text.isupper() else token.text.lower()
    if any(c.isupper() for c in token.text[1:]) and lowered in aliases.acronyms:
        return aliases.acronyms[lowered]
    if token.text.lower() in aliases.acronyms and token.text.isupper():
        return aliases.acronyms[token.text.lower()]
    return token.lemma_.lower() if token.pos_ != "PROPN" else token.text.lower()


def _phrase(token: Token) -> str:
    """The object as written, short: "a Memorandum of Cooperation", not its whole clause."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss"):
            left = min(left, min(t.i for t in child.subtree))
    right = token.i
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            right = max(right, child.i if pobj is None else pobj.i)
    return token.doc[left : right + 1].text


def _age_claims(ctx: _Context, last_person: str | None) -> Iterator[Claim]:
    """Ages as figures counted in years, owned by the person they describe."""
    for token, person in ages_in(ctx.sent):
        if person.pos_ == "PRON":
            if last_person is None:
                continue
            agent, names = last_person, ctx.names | {last_person}
        else:
            ent = next((e for e in ctx.sent.ents if e.start <= person.i < e.end), None)
            agent = normalise(ent.text, ctx.aliases) if ent is not None else person.text.lower()
            names = ctx.names
        value = Value(kind="number", text=token.text, number=float(token.text), unit="years")
        claim = ctx.claim(
            value, token.idx, token.idx + len(token.text),
            predicate="age", noun="age", agent=agent, agent_is_name=True,
        )
        yield replace(claim, entities=names)


def _amount_claims(ctx: _Context, timexes: list[Timex], taken=frozenset()) -> Iterator[Claim]:
    for ent in ctx.sent.ents:
        if ent.label_ not in _NUMBER_LABELS or ent.start_char in taken:
            continue
        if any(t.start < ent.end_char and t.end > ent.start_char for t in timexes):
            continue
        if _inside(ent.start_char, ent.end_char, ctx.article.published_span):
            continue
        if ent.label_ == "CARDINAL" and _YEAR.match(ent.text.strip()):
            continue
        ent = _with_unit(ent)
        amount = parse_amount(ent.text)
        if amount is None:
            continue
        noun = _counted_noun(ent)
        kind = amount.kind
        if kind == "number" and noun is not None and noun.tag_ in ("NNS", "NNPS"):
            kind = "count"
        event = _event_of(ent.root, ctx.sent, ctx.aliases)
        event["hedged"] = event.get("hedged", False) or _approximate(ent)
        value = Value(kind=kind, text=ent.text, number=amount.number, unit=amount.unit)
        if kind == "count":
            event["object_text"] = noun.text  # "measures": what a stated count counts, as written
        noun_key = _noun_key(noun, ctx.aliases) or ("price" if kind == "money" and _is_price(ent) else None)
        yield ctx.claim(value, ent.start_char, ent.end_char, noun=noun_key, **event)


def _is_price(ent: Span) -> bool:
    """ "bought X for $1.2 billion", "sold for $40m": the amount is what the deal cost."""
    prep = ent.root.head
    return ent.root.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "VERB"


def _with_unit(ent: Span) -> Span:
    """ "3 billion" + "euros": the model often leaves the currency word outside the entity."""
    doc = ent.doc
    if ent.end < len(doc) and ent.end < ent.sent.end and is_currency(doc[ent.end].text):
        return doc[ent.start : ent.end + 1]
    return ent


def _approximate(ent: Span) -> bool:
    """ "about 40", "up to 500": but not "built around five goals", where around is a preposition."""
    doc = ent.doc
    before = doc[max(ent.sent.start, ent.start - 3) : ent.start]
    if before and before[-1].dep_ == "prep":
        return starts_hedged(ent.text)
    return is_hedged(before.text + " ") or starts_hedged(ent.text)


def _counted_noun(ent: Span) -> Token | None:
    root = ent.root
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    if root.pos_ == "NOUN" and root.i == ent.end - 1 and ent.label_ != "CARDINAL":
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN":
            return nxt  # "10 trillion yen investment"
    return None


def _noun_key(token: Token | None, aliases: Aliases) -> str | None:
    """What a figure counts, with the names that narrow it: "Octel shares" are not "Oneida's shares"."""
    if token is None:
        return None
    owners = [c for c in token.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and not c.like_num]
    return " ".join([*(_word(c, aliases) for c in sorted(owners, key=lambda t: t.i)), _word(token, aliases)])


def _list_claims(
    article: Article, doc: Doc, claims: list[Claim], sentences: list[tuple[Span, str, frozenset[str]]]
) -> tuple[list[Claim], dict[str, Claim]]:
    """List claims, and the stated counts re-issued with a link to the list they introduce."""
    counts = [c for c in claims if c.value.kind == "count" and 2 <= (c.value.number or 0) <= MAX_COUNT]
    linked: dict[str, Claim] = {}
    found: list[Claim] = []
    for enum in lists.bullet_lists(article):
        list_claim = _as_claim(article, enum, names=frozenset())
        intro = [
            c for c in counts
            if enum.intro_start is not None and enum.intro_start <= c.value_start < (enum.intro_end or enum.start)
        ]
        if intro and not intro[-1].hedged:
            linked[intro[-1].id] = _link(intro[-1], list_claim, enum.partial)
        found.append(list_claim)
    previous: Span | None = None
    for sent, kind, names in sentences:
        if kind == "item":
            continue
        taken: list[lists.Enumeration] = []
        enum = _following_list(article, sent) if previous is not None else None
        announcing = [
            c for c in counts
            if previous.start_char <= c.value_start < previous.end_char and c.id not in linked
        ] if enum is not None else []
        if announcing and not announcing[-1].hedged:
            list_claim = _as_claim(article, enum, names=names, sentence=sent)
            linked[announcing[-1].id] = _link(announcing[-1], list_claim, enum.partial)
            found.append(list_claim)
            taken.append(enum)
        previous = sent
        for count in counts:
            if count.id in linked or not (sent.start_char <= count.value_start < sent.end_char):
                continue
            enum = lists.delimited_list(article.text, _noun_end(doc, count), sent.end_char)
            if enum is not None:
                list_claim = _as_claim(article, enum, names=names, sentence=sent)
                linked[count.id] = _link(count, list_claim, enum.partial)
                found.append(list_claim)
                taken.append(enum)
        for first, enum in lists.inline_lists(sent, article.text):
            if any(enum.start < t.end and t.start < enum.end for t in taken):
                continue
            list_claim = _as_claim(article, enum, names=names, sentence=sent)
            candidates = [c for c in counts if c.id not in linked and _introduces(doc, c, first, sent)]
            if candidates and not candidates[-1].hedged:
                linked[candidates[-1].id] = _link(candidates[-1], list_claim, enum.partial)
            found.append(list_claim)
    return found, linked


_LIST_VERBS = {"include", "be", "comprise", "cover"}
_LIST_SUBJECTS = {"these", "they", "those"}
_LIST_PREPOSITIONS = {"including", "as", "like", "among", "namely"}


def _following_list(article: Article, sent: Span) -> lists.Enumeration | None:
    """ "These are a, b and c.": the sentence is nothing but the list ("They are aided by ..." is not)."""
    root = sent.root
    if root.lemma_.lower() not in _LIST_VERBS or root.i + 1 >= sent.end or root.nbor().pos_ in ("VERB", "ADV", "ADP"):
        return None
    enum = lists.following_list(article.text, sent.start_char, sent.end_char)
    if enum is None or any(len(item.split()) > 6 for item in enum.items):
        return None
    return enum


def _introduces(doc: Doc, count: Claim, first: Token, sent: Span) -> bool:
    """A count announces a coordination only when the grammar ties them together:
    the list hangs off the counted noun ("four models, the A, the B and the C"), or the next
    sentence opens with "These include ..." / "They are ..." and the list is what it names."""
    span = doc.char_span(count.value_start, count.value_end, alignment_mode="expand")
    if span is None:
        return False
    noun = span.root.head if span.root.dep_ == "nummod" else span.root
    if noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children):
        return False  # "his father, his mother and the dozen classmates": the count is itself an item
    if noun.sent.start == sent.start:
        if first.i <= noun.i:
            return False
        if first.dep_ == "appos" and first.head.i == noun.i:
            return True
        via = first.head
        return first.dep_ == "pobj" and via.lower_ in _LIST_PREPOSITIONS and via.head.i == noun.i
    if sent.start == 0 or doc[sent.start - 1].sent.start != noun.sent.start:
        return False
    opener = next((t for t in sent if not t.is_space), None)
    root = sent.root
    return (
        opener is not None and opener.lower_ in _LIST_SUBJECTS and opener.head.i == root.i
        and opener.dep_ == "nsubj" and root.lemma_.lower() in _LIST_VERBS and first.head.i == root.i
    )


def _noun_end(doc: Doc, count: Claim) -> int:
    """Where the counted noun ends: a delimited list starts after it."""
    span = doc.char_span(count.value_start, count.value_end, alignment_mode="expand")
    if span is None:
        return count.value_end
    head = span.root.head if span.root.dep_ == "nummod" else span.root
    return max(count.value_end, head.idx + len(head.text))


def _link(count: Claim, list_claim: Claim, partial: bool) -> Claim:
    return replace(count, related=list_claim.id, partial=partial)


def _as_claim(article: Article, enum: lists.Enumeration, names, sentence: Span | None = None) -> Claim:
    start = sentence.start_char if sentence is not None else enum.start
    end = sentence.end_char if sentence is not None else enum.end
    text = article.text[start:end].strip()
    start += len(article.text[start:end]) - len(article.text[start:end].lstrip())
    value = Value(kind="list", text=article.text[enum.start : enum.end], number=len(enum.items), items=enum.items)
    return Claim(
        id=f"{article.id}:{enum.start}:list",
        document=article.id,
        text=text,
        start=start,
        end=start + len(text),
        line=article.line_of(start),
        value=value,
        value_start=enum.start,
        value_end=enum.end,
        entities=names,
        partial=enum.partial,
    )
