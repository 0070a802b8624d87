"""Value frames: what a date or a figure is a value of.

A figure alone says little: "270" in "the death toll rose to 270 on Saturday"
is a count of the dead, for the whole crash, as of Saturday, reported as fact;
"25" in "expectations of a third 25-basis-point cut" is a forecast. A frame
keeps that: the measure (a class such as "dead" when the words say so, else
the counted or measured noun), the holder (whose value it is), the scope
(places, groups such as "on board", the period), the modality (asserted,
expected, rumoured, ruled out, earlier) and the words around the value, so
the alignment stage can pair values that state one fact.

Every function is pure: tokens of one parsed sentence in, a `Frame` out. The
word lists are data (data/measures.toml). This module builds the frames; what
is measured is read in `measures`, whose it is in `holders`, the scope in
`scope`, how firmly in `modality`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.extract.grammar import (
    bare_definite,
    event_of,
    generic_objects,
    kind_of,
    name_head,
    object_key,
    phrase,
)
from claimcheck.extract.holders import holder_of
from claimcheck.extract.measures import described_noun, measure_class, measure_of, measure_words, measured_noun
from claimcheck.extract.modality import from_level, governors, modality_of
from claimcheck.extract.numbers import unit_class
from claimcheck.extract.scope import (
    Sentence,
    clause_places,
    clause_verb_of,
    coordinated,
    groups_of,
    partitive_part,
    partitive_whole,
    periods_said,
    rate_of,
    reference_point,
    tally_side,
    when_of,
)
from claimcheck.models import Frame

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WHOLE_MARKERS = {"cumulative", "combined", "aggregate", "overall"}
_INSTANCE_WORDS = {"first", "second", "third", "fourth", "fifth", "another", "other"}


# ------------------------------------------------------------------ figures

def figure_frame(value: Span, ctx: Sentence, counted: Token | None, unit: str | None = None) -> Frame:
    """The frame of an amount: what it counts or measures, whose it is, in what scope, how firmly."""
    root = value.root
    event = event_of(root, ctx.sent)
    whole = partitive_whole(root)
    measured, change = measured_noun(root, event, counted)
    words = measure_words(value, event, measured, counted)
    measure, source = measure_of(words, measured, counted, event, use_verb=not whole)
    kind_of_unit = unit_class(unit) if unit else None
    if kind_of_unit and kind_of_unit not in ("basis points", "percentage points"):
        measure, source = kind_of_unit, "unit"  # "his throw of 84.65m", "finished third with 85.34m": a length
    if change and measure:
        measure = f"change in {measure}"  # "cut the rate by 50 basis points": a change, not a level
    described = described_noun(root, counted)
    if measure and described is not None:
        measure = f"{measure} of {described.lemma_.lower()}"  # "a 45-yard field goal": the goal's length
    holder, holder_is_name = holder_of(root, event, measured, ctx)
    groups = groups_of(value, counted, measured, event, ctx)
    if whole or (measured is not None and any(c.lower_ in _WHOLE_MARKERS for c in measured.children)):
        groups |= {"whole"}  # "of the 242 aboard, 241 died": 242 is everyone, not the dead
    elif partitive_part(root, counted) or coordinated(root, counted):
        groups |= {"part"}  # "three of the dead", "his mother and 10 others died": a part of a count
    side = tally_side(value)
    if side:
        groups |= {side}  # "31 in favour and 12 against": two sides of one vote
    if any(c.dep_ == "advmod" and c.lower_ == "also" for g in governors(root) for c in g.children):
        groups |= {"also"}  # "the crash also killed 19 on the ground": more, beside the main count
    rate = rate_of(value, counted)
    if rate:
        groups |= {rate}  # "$1.91 a share", "0.82 share for each share": a rate, not a total
    modality = "earlier" if from_level(root) else modality_of(root, measured, value)
    return Frame(
        measure=measure,
        measured_by=source,
        counted=counted.text if counted is not None else None,
        predicate=event.predicate,
        object=object_key(event.target, ctx.aliases) if event.target is not None else None,
        object_is_name=event.target is not None and event.target.pos_ == "PROPN",
        holder=holder,
        holder_is_name=holder_is_name,
        places=clause_places(event.verb, ctx, measured),
        groups=groups,
        when=when_of(value, ctx),
        periods_said=periods_said(value, ctx),
        era=max((interval.end for start, _, interval in ctx.periods
                 if not value.start_char <= start < value.end_char), default=None),
        modality=modality,
        names=ctx.names,
        context=context_words(ctx),
        near=frozenset(words),
    )


def age_frame(age: Token, person: str | None, ctx: Sentence) -> Frame:
    """An age is a figure in years whose holder is the person it describes."""
    return Frame(
        measure="age", counted="years", predicate="age", holder=person, holder_is_name=person is not None,
        names=ctx.names | ({person} if person else set()), context=context_words(ctx), near=frozenset({"age"}),
        modality=modality_of(age, None), measured_by="class",
    )


def context_words(ctx: Sentence) -> frozenset[str]:
    """The sentence's content words, every value left out (computed once per sentence)."""
    return ctx.context


# ------------------------------------------------------------------ dates

def date_frame(value: Span, ctx: Sentence, anchored: bool) -> Frame:
    """The frame of a date: the event it dates (action + what was acted on), who acted, how firmly."""
    event = event_of(value.root, ctx.sent)
    target = event.target
    obj = object_key(target, ctx.aliases) if target is not None else None
    if obj and target is not None:
        instance = [c.lower_ for c in target.children if c.lower_ in _INSTANCE_WORDS]
        if instance:
            obj = f"{instance[0]} {obj}"  # "his second letter" is not "his letter"
    names = ctx.names
    object_is_name = target is not None and target.pos_ == "PROPN"
    antecedent = _antecedent(target, ctx)
    if antecedent is not None:
        obj, object_is_name, names = antecedent, True, names | {antecedent}
    agent = object_key(event.subject, ctx.aliases) if event.subject is not None else None
    near = {w for w in (event.predicate, name_head(obj) if obj else None) if w}
    measure = f"{event.predicate} {obj}" if event.predicate and obj else (event.predicate or obj)
    if obj in generic_objects() or _period_of_figure(value, ctx) or reference_point(value.root):
        # "the quarter ended June 30", "revenue of $410 million in 2024", "the worst since 2000":
        # a period or a point of comparison, not the date of an event
        measure = None
    return Frame(
        measure=measure,
        measured_by="event" if (event.predicate and obj and measure) else ("verb" if measure else None),
        predicate=event.predicate,
        object=obj,
        object_is_name=object_is_name,
        counted=phrase(target) if target is not None else None,
        holder=agent,
        holder_is_name=event.subject is not None and event.subject.pos_ == "PROPN",
        places=clause_places(event.verb, ctx, target),
        when=when_of(value, ctx),
        modality="expected" if event.modal else modality_of(value.root, None, value, of_date=True),
        statement=event.reported,
        anchored=anchored,
        names=names,
        context=context_words(ctx),
        near=frozenset(near | ({"name"} if object_is_name else set())),
    )


def _period_of_figure(value: Span, ctx: Sentence) -> bool:
    """A date that is the period of a figure in its own clause, not an event's date.

    "had revenue of $410 million in 2024": 2024 is the revenue's year. "completed the
    acquisition in 2021, paying $640 million": 2021 dates the acquisition.
    """
    doc = ctx.sent.doc
    verb = clause_verb_of(value.root)
    for start, end in ctx.figures:
        figure = doc.char_span(start, end, alignment_mode="expand")
        if figure is None or abs(start - value.start_char) >= 80 or clause_verb_of(figure.root).i != verb.i:
            continue
        if _describes_a_thing(figure.root):
            continue  # "signed its €450 million loan in October 2022": the amount describes the loan
        return True
    return False


def _describes_a_thing(root: Token) -> bool:
    """Whether a figure sits in a noun phrase that is not a quantity ("a £40m renovation", "its €450 million loan")."""
    token = root
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return False
        if token.pos_ == "NOUN":
            return token.lemma_.lower() not in measure_class()
    return False


def _antecedent(target: Token | None, ctx: Sentence) -> str | None:
    """ "The accord, which ... signed in January" after "the Arden Water Treaty": the treaty."""
    if target is None or target.pos_ != "NOUN" or not bare_definite(target):
        return None
    kind = kind_of(target.lemma_.lower())
    if kind is None:
        return None
    candidates = {name for name in ctx.named if kind_of(name_head(name)) == kind}
    return candidates.pop() if len(candidates) == 1 else None  # two agreements named: which one is not clear
