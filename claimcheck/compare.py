"""Claims + stories -> findings: align values that state one fact, decide, and say so in words.

The work is done by the stages before this one: `align` pairs the values
that state one fact, `decide` says whether each pair can both be right. What
is left here is turning verdicts into findings an editor can act on: every
value that was aligned with a conflicting one is part of one finding, so a
conflict repeated in several copies of a story is reported once, naming every
copy. Stated counts and lists are compared by their items.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from claimcheck.align import Pair, align
from claimcheck.claim_index import ListsByStory, same_set_of, unmatched_items, variant_pairs
from claimcheck.decide import Verdict, decide
from claimcheck.extract.entities import overlap
from claimcheck.models import Claim, Finding, Story

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def compare(
    claims: Iterable[Claim], stories: Sequence[Story] | None = None,
    published: dict[str, date | None] | None = None, copies: dict[str, str] | None = None,
    names: dict[str, frozenset[str]] | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """Findings (contradictions) and corroborations (facts several documents state alike).

    `stories` groups the documents that report one event; values are compared
    across documents only inside a story (all documents form one story when
    none is given). `published` maps document ids to publication dates, when
    known. `copies` maps each document to the first of its near-duplicates:
    copies of one story count as one source when facts are corroborated.
    `names` maps documents to every name they use.
    """
    claims = list(claims)
    copies = copies or {}
    published = _copies_share_dates(published or {}, copies)
    if stories is None:
        documents = tuple(sorted({c.document for c in claims}))
        stories = [Story(id="all", label="", documents=documents)]
    story_of = {doc: story.id for story in stories for doc in story.documents}
    verdicts = [(pair, decide(pair.a, pair.b, published, one_text=pair.how != "paraphrased"))
                for pair in align(claims, stories, published, names)]
    findings = [
        *_value_conflicts(verdicts),
        *_count_mismatches(claims, story_of),
        *_list_mismatches(claims, story_of),
        *_name_variants(claims, story_of),
    ]
    corroborations = list(_corroborations(claims, story_of, copies))
    return _ordered(findings), _ordered(corroborations)


def _copies_share_dates(published: dict[str, date | None], copies: dict[str, str]) -> dict[str, date | None]:
    """An undated copy of a story takes the date of a dated copy: one text, published once."""
    dated: dict[str, date] = {}
    for doc, lead in sorted(copies.items()):
        day = published.get(doc)
        if day is not None:
            dated.setdefault(lead, day)
    shared = dict(published)
    for doc, lead in copies.items():
        if shared.get(doc) is None and lead in dated:
            shared[doc] = dated[lead]
    return shared


def _ordered(findings: list[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (_SEVERITY_RANK[f.severity], f.kind, f.claims[0].document, f.claims[0].start, f.id),
    )


def finding_id(kind: str, claims: Iterable[Claim]) -> str:
    digest = hashlib.sha1("|".join([kind, *sorted(c.id for c in claims)]).encode()).hexdigest()
    return f"{kind.split('_')[0]}-{digest[:10]}"


def _label(claim: Claim) -> str:
    return f"{claim.document} (line {claim.line})"


def _components(pairs: list[tuple[Pair, Verdict]]) -> list[list[tuple[Pair, Verdict]]]:
    """Pairs joined by the claims they share: every statement of one fact, however many copies."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair, _ in pairs:
        parent[root(pair.a.id)] = root(pair.b.id)
    groups: dict[str, list[tuple[Pair, Verdict]]] = defaultdict(list)
    for item in pairs:
        groups[root(item[0].a.id)].append(item)
    return list(groups.values())


def _value_conflicts(verdicts: list[tuple[Pair, Verdict]]) -> Iterable[Finding]:
    """One finding per pair of sides that clash: "270" (in four reports) against "274" (in two).

    A side is a set of readings that agree ("2023" and "June 2023"), never two that clash
    with each other: "more than 250" agrees with 260 and with 270 but does not make them one.
    """
    linked = [(p, v) for p, v in verdicts if v.outcome in ("agree", "conflict")]
    for component in _components(linked):
        clashes = [(p, v) for p, v in component if v.outcome == "conflict"]
        if not clashes:
            continue
        side = _sides(component)
        by_key: dict[tuple[str, str], list[tuple[Pair, Verdict]]] = defaultdict(list)
        for p, v in clashes:
            first, second = sorted((side[reading_of(p.a)], side[reading_of(p.b)]))
            by_key[(first, second)].append((p, v))
        members: dict[str, list[Claim]] = defaultdict(list)
        for p, _ in component:
            for claim in (p.a, p.b):
                members[side[reading_of(claim)]].append(claim)
        for key, pairs in sorted(by_key.items()):
            yield _conflict_finding(_unique(c for group in key for c in members[group]), pairs)


def _sides(component: list[tuple[Pair, Verdict]]) -> dict[str, str]:
    """Readings joined by agreement, unless that would join two readings that clash."""
    clash = {frozenset((reading_of(p.a), reading_of(p.b))) for p, v in component if v.outcome == "conflict"}
    parent: dict[str, str] = {}
    members: dict[str, set[str]] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        members.setdefault(x, {x})
        while parent[x] != x:
            x = parent[x]
        return x

    for p, v in sorted(component, key=lambda pv: (reading_of(pv[0].a), reading_of(pv[0].b))):
        a, b = root(reading_of(p.a)), root(reading_of(p.b))
        if v.outcome != "agree" or a == b:
            continue
        if any(frozenset((x, y)) in clash for x in members[a] for y in members[b]):
            continue
        keep, drop = sorted((a, b))
        parent[drop] = keep
        members[keep] |= members.pop(drop)
    return {x: root(x) for x in list(parent)}


def reading_of(claim: Claim) -> str:
    """What a value says, normalised: "26" and "twenty-six" are one reading, "at least 20" another."""
    value = claim.value
    if value.interval is not None:
        return f"{value.interval.start}..{value.interval.end}"
    if value.number is not None:
        return f"{value.qualifier} {value.number:g} {value.high or ''} {value.unit or ''}"
    return " ".join(value.text.lower().split())


def _conflict_finding(involved: list[Claim], clashes: list[tuple[Pair, Verdict]]) -> Finding:
    confidence = max(pair_confidence(p) for p, _ in clashes)
    kind = "date_conflict" if involved[0].value.kind == "date" else "number_conflict"
    subject = _subject(involved)
    one_article = len({c.document for c in involved}) == 1
    what = "dates" if kind == "date_conflict" else "figures"
    opening = (f"{involved[0].document} gives different {what} for {subject}" if one_article
               else f"Sources give different {what} for {subject}")
    best = max(clashes, key=lambda pv: pair_confidence(pv[0]))
    return Finding(
        id=finding_id(kind, involved),
        kind=kind,
        severity="error" if confidence >= 0.7 else "warning",
        confidence=confidence,
        subject=subject,
        summary=f"{opening}: {_readings(involved)}. Check which is right before publishing.",
        claims=tuple(involved),
        reason=f"{_how(best[0])}; {best[1].reason}",
    )


def pair_confidence(pair: Pair) -> float:
    """How sure a conflict is: the alignment's evidence, less what makes the values themselves doubtful."""
    confidence = pair.confidence
    if pair.a.frame.modality != "asserted":
        confidence -= 0.15  # two forecasts, two rumours: softer than two reports
    if pair.a.frame.anchored or pair.b.frame.anchored:
        confidence -= 0.1  # read from the publication date: one wrong anchor looks like a conflict
    return round(max(0.1, confidence), 2)


def _how(pair: Pair) -> str:
    fa = pair.a.frame
    what = f"same measure '{fa.measure}'" if fa.measure else "same sentence"
    holder = f", holder '{fa.holder}'" if fa.holder else ""
    return (f"one fact: {pair.how}, by {pair.evidence} (word overlap {pair.overlap:.2f}, alignment score "
            f"{pair.score:.2f}), {what}{holder}")


def _subject(claims: list[Claim]) -> str:
    frames = [c.frame for c in claims]
    measure = next((f.measure for f in frames if f.measure), None)
    holder = next((f.holder for f in frames if f.holder and f.holder_is_name), None)
    counted = next((f.counted for f in frames if f.counted), None)
    subject = measure or counted or "one value"
    return f"{subject} ({holder})" if holder and holder not in subject else subject


def _readings(claims: list[Claim]) -> str:
    by_value: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        by_value[" ".join(claim.value.text.split())].append(_label(claim))
    return "; ".join(f"{value} in {', '.join(where)}" for value, where in by_value.items())


def _unique(claims: Iterable[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.id, claim)
    return sorted(seen.values(), key=lambda c: (c.document, c.start, c.value_start))


# ------------------------------------------------------------------ counts and lists

def _same_story(a: Claim, b: Claim, story_of: dict[str, str]) -> bool:
    return a.document == b.document or story_of.get(a.document, a.document) == story_of.get(b.document, b.document)


def _size(claim: Claim) -> int:
    """The number a stated count gives, or of a list's items: both always carry one."""
    if claim.value.number is None:
        raise ValueError(f"{claim.id}: a count or a list without a number")
    return int(claim.value.number)


def _story_key(story_of: dict[str, str]) -> Callable[[Claim], str]:
    """A claim's story for grouping: two claims meet when one article gives both or one story holds both."""
    return lambda claim: story_of.get(claim.document, claim.document)


def _count_mismatches(claims: list[Claim], story_of: dict[str, str]) -> Iterable[Finding]:
    by_id = {c.id: c for c in claims}
    all_lists = ListsByStory([c for c in claims if c.value.kind == "list" and (c.value.number or 0) >= 3],
                             _story_key(story_of))
    for count in claims:
        if count.related is None or count.related not in by_id:
            continue
        own = by_id[count.related]
        stated, listed = _size(count), _size(own)
        noun = count.frame.counted or "items"
        if stated != listed and not (count.partial == "examples" and listed < stated):
            # "seven people, including A, B and C" names examples; "six goals. These include:" may
            # leave some out, so a shorter list there is reported softly
            confidence = 0.6 if count.partial else 0.85
            yield Finding(
                id=finding_id("count_mismatch", [count, own]),
                kind="count_mismatch",
                severity="warning",
                confidence=confidence,
                subject=f"{count.value.text} {noun}",
                summary=f"{_label(count)} says '{count.value.text} {noun}' but lists {listed}. "
                "Check the count or the list.",
                claims=(count, own),
                reason="the stated count introduces this list (right after its sentence, or after a colon, "
                "'include', 'are'); the number of items differs",
            )
        others = all_lists.same_set(count, own.value.items)
        differing = [c for c in others if _size(c) != stated and c.partial != "examples"]
        if differing:
            sizes = ", ".join(f"{_size(c)} in {_label(c)}" for c in differing)
            yield Finding(
                id=finding_id("count_mismatch", [count, *differing]),
                kind="count_mismatch",
                severity="warning",
                confidence=0.6,
                subject=f"{count.value.text} {noun}",
                summary=f"{_label(count)} says '{count.value.text} {noun}', but other articles list "
                f"the same set with a different number of items ({sizes}). Check the count.",
                claims=(count, *differing),
                reason="the lists enumerate the same set as the list the count introduces (sizes close, "
                "most items share words), in the same story; their sizes differ from the stated count",
            )


def _list_mismatches(claims: list[Claim], story_of: dict[str, str]) -> Iterable[Finding]:
    """One set enumerated in two articles with different items: name what each side lacks.

    Only substitutions count: each side has an item the other lacks, and the sizes are
    equal. A shorter list is usually an article abbreviating, and lists of different
    sizes under a stated count are count_mismatch's to report.
    """
    # four items at least: "Andrew Feldman, CEO and co-founder" is a coordination, not a set to compare
    all_lists = ListsByStory(
        [c for c in claims if c.value.kind == "list" and (c.value.number or 0) >= 4 and c.partial != "examples"],
        _story_key(story_of),
    )
    counted = {c.related: c for c in claims if c.related is not None}
    for a, b in all_lists.equal_sizes():  # two articles of one story, as many items
        if not same_set_of(a.value.items, b.value.items):
            continue
        only_a, only_b = unmatched_items(a.value.items, b.value.items), unmatched_items(b.value.items, a.value.items)
        if only_a and only_b:
            count = counted.get(a.id) or counted.get(b.id)
            noun = (count.frame.counted or "items") if count is not None else "items"
            shared = len(a.value.items) - len(only_a)
            yield Finding(
                id=finding_id("list_mismatch", [a, b]),
                kind="list_mismatch",
                severity="warning",
                confidence=0.65 if count is not None else 0.55,
                subject=f"{noun}: {len(a.value.items)} / {len(b.value.items)} items",
                summary=f"{_label(a)} and {_label(b)} list the same {noun} ({shared} in common) but differ: "
                f"only {a.document} has {_quoted(only_a)}; only {b.document} has {_quoted(only_b)}. "
                "Check which list is right.",
                claims=(a, b),
                reason="two articles of one story enumerate the same set (most items share words) with as "
                "many items, but each has an item the other lacks",
            )


def _quoted(items: list[str]) -> str:
    return ", ".join(f"'{item}'" for item in items)


def _name_variants(claims: list[Claim], story_of: dict[str, str]) -> Iterable[Finding]:
    """One dated event whose object is named as two different kinds of thing (a treaty here, a convention there)."""
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        frame = claim.frame
        if claim.value.kind == "date" and frame.predicate and frame.object and not frame.statement:
            blocks[(frame.predicate, frame.object.split()[0])].append(claim)
    for (predicate, _head), block in sorted(blocks.items()):
        # same date, two objects, both of the "<document> of X" kind (only those can be variants of each other)
        for a, b in variant_pairs(block):
            if a.document != b.document and not (_same_story(a, b, story_of)
                                                 and overlap(a.frame.names, b.frame.names) >= 1):
                continue
            pair = sorted((a, b), key=lambda c: (c.document, c.start))
            yield Finding(
                id=finding_id("name_variant", pair),
                kind="name_variant",
                severity="info",
                confidence=0.6 if a.document == b.document else 0.5,
                subject=f"{pair[0].frame.object} / {pair[1].frame.object}",
                summary=f"The same '{predicate}' event ({a.value.text}) is called "
                f"'{pair[0].frame.counted}' ({pair[0].frame.object}) in {_label(pair[0])} and "
                f"'{pair[1].frame.counted}' ({pair[1].frame.object}) in {_label(pair[1])}. Use one name.",
                claims=tuple(pair),
                reason=f"one event: same action '{predicate}' on the same date, objects of the 'X of Y' kind "
                "whose names differ" + ("" if a.document == b.document else ", names in common, one story"),
            )


# ------------------------------------------------------------------ corroborations

def _corroborations(claims: list[Claim], story_of: dict[str, str], copies: dict[str, str]) -> Iterable[Finding]:
    """Amounts of money that independent documents of one story give alike, for the same measure.

    The same amount of money for the same thing is itself the evidence that two articles
    speak of one fact; copies of one wire story count as one source.
    """
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.value.kind == "money" and claim.value.number and claim.frame.measure:
            key = (story_of.get(claim.document, claim.document), claim.frame.measure, claim.value.unit,
                   claim.value.number)
            groups[key].append(claim)
    for (_, thing, _, _), group in sorted(groups.items(), key=lambda kv: str(kv[0])):
        involved = _unique(group)
        documents = sorted({c.document for c in involved})
        if len({copies.get(d, d) for d in documents}) < 2:
            continue  # two copies of one wire story are one source
        yield Finding(
            id=finding_id("corroboration", involved),
            kind="corroboration",
            severity="info",
            confidence=round(min(0.95, 0.5 + 0.15 * len(documents)), 2),
            subject=f"{involved[0].value.text} {thing}",
            summary=f"{len(documents)} documents agree on {involved[0].value.text} {thing}: {', '.join(documents)}.",
            claims=tuple(involved),
            reason=f"the same amount of money for '{thing}' in {len(documents)} documents of one story that are "
            "not copies of one text",
        )
