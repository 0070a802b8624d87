"""Claims -> findings: block claims by event or quantity, then compare inside each block.

Comparing everything with everything finds little and costs a lot, so claims
are first grouped by what they are about (predicate + object for dates, counted
noun + unit for amounts, shared items for lists); only inside a group do
names have to overlap and values have to disagree.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations

from claimcheck.extract import lists
from claimcheck.extract.claims import generic_objects
from claimcheck.extract.entities import overlap, same_name
from claimcheck.extract.numbers import agree, is_currency
from claimcheck.models import Claim, Finding

_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
UPDATE_DAYS = 3
STORY_NAMES = 3  # names two articles must share to be one story when their sentences share none


def compare(
    claims: Iterable[Claim], published: dict[str, date | None] | None = None, copies: dict[str, str] | None = None,
    story: dict[str, frozenset[str]] | None = None,
) -> tuple[list[Finding], list[Finding]]:
    """Findings (contradictions) and corroborations (facts several documents state alike).

    `published` maps document ids to publication dates, when known: figures
    published days apart are not held against each other. `copies` maps each
    document to the first of its near-duplicates: copies of one story count as
    one source when facts are corroborated. `story` maps documents to every name
    they mention, when known (else the names of their claims are used).
    """
    claims = list(claims)
    published = published or {}
    copies = copies or {}
    story = defaultdict(frozenset, story or _story_names(claims))
    findings = [
        *_date_conflicts(claims, story), *_number_conflicts(claims, published, story), *_count_mismatches(claims), *_list_mismatches(claims),
        *_name_variants(claims),
    ]
    corroborations = list(_corroborations(claims, copies))
    return _ordered(findings), _ordered(corroborations)


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


def _same_event(a: Claim, b: Claim) -> bool:
    if a.id == b.id or (a.document == b.document and a.start == b.start):
        return False  # a claim is never compared with itself or its own sentence
    if _words(a.text) == _words(b.text):
        return False  # one sentence printed twice states one thing; only its anchoring could differ
    if a.agent and b.agent and a.agent_is_name == b.agent_is_name and not _same_agent(a.agent, b.agent):
        # Iran condemned it on Saturday, the Security Council on Thursday. A name and a
        # description ("Nordland" / "the two governments") may be one actor: not a reason to part.
        return False
    if a.object_is_name and b.object_is_name and not same_name(a.object or "", b.object or ""):
        return False  # bought Lindqvist Optics for $1.2 billion, Maison Rive for $300 million
    if a.places and b.places and not overlap(a.places, b.places):
        return False  # 40 killed in one city, six in another: two scopes, not two readings
    if a.document == b.document and not (a.entities and b.entities):
        return True  # "the museum reopens" in a fact box refers to the museum the article names
    return overlap(a.entities, b.entities) >= 1


def _same_agent(a: str, b: str) -> bool:
    """ "trial of vaccine" and "trial of rsv vaccine" are one agent; "iran" and "security council" are not."""
    return same_name(a, b) or a.split(" of ")[0] == b.split(" of ")[0]


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _components(claims: list[Claim], linked) -> list[tuple[list[Claim], list[tuple[Claim, Claim]]]]:
    """Groups of claims joined by `linked`, each with its linked pairs (tested once, reused by callers)."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = [(i, j) for i, j in combinations(range(len(claims)), 2) if linked(claims[i], claims[j])]
    for i, j in pairs:
        parent[root(i)] = root(j)
    groups: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        groups[root(i)].append(claim)
    links: dict[int, list[tuple[Claim, Claim]]] = defaultdict(list)
    for i, j in pairs:
        links[root(i)].append((claims[i], claims[j]))
    return [(group, links[key]) for key, group in groups.items() if len(group) > 1]


def _date_conflicts(claims: list[Claim], story: dict[str, frozenset[str]]):
    def same_dated_event(a: Claim, b: Claim) -> bool:
        if _same_dated_event(a, b):
            return True
        # "Talks began in 2015" names nothing: it is about what its article is about
        return (
            a.document != b.document and not (a.entities and b.entities) and same_name(a.object, b.object)
            and _same_story_event(a, b, story)
        )

    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if _dates_an_event(claim):
            blocks[(claim.predicate, _head(claim.object))].append(claim)
    for (predicate, _), block in sorted(blocks.items()):
        for group, pairs in _components(block, same_dated_event):
            clashes = [(a, b) for a, b in pairs if not a.value.interval.overlaps(b.value.interval)]
            obj = min((c.object for c in group), key=len)
            if not clashes:
                continue
            involved = _unique(c for pair in clashes for c in pair)
            best_overlap = max(overlap(a.entities, b.entities) for a, b in clashes)
            hedged = any(c.hedged for c in involved)
            confidence = min(0.95, 0.55 + 0.1 * min(best_overlap, 3) - (0.25 if hedged else 0.0))
            readings = _readings(involved, lambda c: c.value.text)
            subject = f"{obj} ({predicate})"
            yield Finding(
                id=finding_id("date_conflict", involved),
                kind="date_conflict",
                severity="error" if confidence >= 0.7 else "warning",
                confidence=round(confidence, 2),
                subject=subject,
                summary=f"Sources give different dates for '{predicate}' of the {obj}: {readings}. "
                "Check which date is right before publishing.",
                claims=tuple(involved),
                reason=f"one event: same action '{predicate}', objects named alike (head '{_head(obj)}'), "
                "names in common (or one article, or one story), no clash of agents or places; "
                "the dates do not overlap",
            )


def _head(name: str) -> str:
    """ "hallam museum" -> "museum", "memorandum of cooperation" -> "memorandum": the block key."""
    return name.split(" of ")[0].split()[-1]


def _same_dated_event(a: Claim, b: Claim) -> bool:
    """Same event, and the object named alike: "the Hallam Museum" and "the museum" are one thing."""
    return same_name(a.object, b.object) and _same_event(a, b)


def _dates_an_event(claim: Claim) -> bool:
    """A date worth comparing: absolute, unhedged, on the event itself, and the event is specific.

    Dates read relative to the publication date ("on Friday") are left out: one
    wrong anchor would make two agreeing sources look contradictory.
    """
    return (
        claim.value.kind == "date" and bool(claim.predicate) and bool(claim.object)
        and not (claim.reported or claim.hedged or claim.relative)
        and claim.object not in generic_objects()
    )


def _readings(claims: list[Claim], show) -> str:
    by_value: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        by_value[show(claim)].append(_label(claim))
    return "; ".join(f"{value} in {', '.join(where)}" for value, where in by_value.items())


def _unique(claims: Iterable[Claim]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for claim in claims:
        seen.setdefault(claim.id, claim)
    return sorted(seen.values(), key=lambda c: (c.document, c.start, c.value_start))


_AMOUNT_KINDS = ("number", "money", "percent", "count")
_NUMBER_WORDS = {"hundred", "thousand", "million", "billion", "trillion", "percent", "%"}


def _quantity_key(claim: Claim) -> tuple[str, str] | None:
    thing = claim.noun or claim.object
    if claim.value.kind not in _AMOUNT_KINDS or not thing:
        return None
    head = thing.split()[-1]
    if head in _NUMBER_WORDS or is_currency(head) or is_currency(head + "s"):
        return None  # "$27 million" is not a thing counted in millions, nor "3 billion euros" one in euros
    return thing, claim.value.unit or ""


def _number_conflicts(claims: list[Claim], published: dict[str, date | None], story: dict[str, frozenset[str]]):
    blocks: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if key := _figure_key(claim):
            blocks[key].append(claim)
    amounts = Counter((c.document, c.start) for c in claims if c.value.kind in _AMOUNT_KINDS)

    def same_quantity(a: Claim, b: Claim) -> bool:
        if a.when and b.when and not any(x.overlaps(y) for x in a.when for y in b.when):
            return False  # "revenue of $410 million in 2024" and "$365 million in 2023": two years
        if a.document == b.document:
            # One article restating one figure (the lead and a fact box) says it plainly, once per
            # sentence. A sentence with several figures ("sales rose 6.2% to $1.45 billion from
            # $1.37 billion") is telling a change or a breakdown, which restatements are not.
            return (
                a.start != b.start and amounts[(a.document, a.start)] == 1 == amounts[(b.document, b.start)]
                and _same_event(a, b) and _same_agent_or_unsaid(a, b)
            )
        if _same_event(a, b):
            return True
        # "killing 27 people" (Peru, the Andes) and "killing 29 people" (Chivay): no name in common
        # in the two sentences, but the two stories share several names and the same day
        return (
            a.agent is None and b.agent is None and published.get(a.document) is not None
            and published.get(a.document) == published.get(b.document)
            and _same_story_event(a, b, story)
        )

    for (predicate, thing, unit), block in sorted(blocks.items()):
        per_sentence = Counter((c.document, c.start) for c in block)
        # "killed 247 in one city and 10 in another" is a breakdown, not two readings of one figure
        block = [c for c in block if per_sentence[(c.document, c.start)] == 1]
        for _group, pairs in _components(block, same_quantity):
            clashes = [
                (a, b) for a, b in pairs
                if not agree(a.value.number, b.value.number, a.value.text, b.value.text)
                and not _later_update(a, b, published)
            ]
            if not clashes:
                continue
            involved = _unique(c for pair in clashes for c in pair)
            best_overlap = max(overlap(a.entities, b.entities) for a, b in clashes)
            confidence = min(0.9, 0.5 + 0.1 * min(best_overlap, 3))
            yield Finding(
                id=finding_id("number_conflict", involved),
                kind="number_conflict",
                severity="error" if confidence >= 0.7 else "warning",
                confidence=round(confidence, 2),
                subject=f"{thing} ({predicate})",
                summary=f"Sources give different figures for {thing} ({predicate}): "
                f"{_readings(involved, lambda c: c.value.text)}. Check the figure before publishing.",
                claims=tuple(involved),
                reason=f"one quantity: same action '{predicate}', same counted thing '{thing}' and unit "
                f"'{unit or 'none'}', the same period where one is stated, names in common (or one story, or "
                "one article restating a lone figure), no clash of agents or places, not published over "
                f"{UPDATE_DAYS} days apart; the figures differ beyond rounding",
            )


def _same_agent_or_unsaid(a: Claim, b: Claim) -> bool:
    return a.agent is None or b.agent is None or _same_agent(a.agent, b.agent)


def _same_story_event(a: Claim, b: Claim, story: dict[str, frozenset[str]]) -> bool:
    """One event by the names of the two whole articles, when the two sentences share none."""
    shared = story[a.document] & story[b.document]
    return len(shared) >= STORY_NAMES and _same_event(
        replace(a, entities=story[a.document]), replace(b, entities=story[b.document])
    )


def _story_names(claims: list[Claim]) -> dict[str, frozenset[str]]:
    """Every name an article's claims mention: what the story is about, taken whole."""
    names: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        names[claim.document].update(claim.entities)
    return defaultdict(frozenset, {doc: frozenset(found) for doc, found in names.items()})


def _figure_key(claim: Claim) -> tuple[str, str, str] | None:
    """(predicate, counted thing, unit) for a firm figure worth comparing; None for hedged, reported or counts of lists."""
    key = _quantity_key(claim)
    if key and claim.predicate and not claim.hedged and not claim.reported and claim.related is None:
        return (claim.predicate, *key)
    return None


def same_subject(a: Claim, b: Claim) -> bool:
    """Two claims about one dated event or one quantity, matched as compare() matches them (values aside)."""
    if _dates_an_event(a) and _dates_an_event(b):
        return a.predicate == b.predicate and _head(a.object) == _head(b.object) and _same_dated_event(a, b)
    key = _figure_key(a)
    if key is None or key != _figure_key(b):
        return False
    if a.when and b.when and not any(x.overlaps(y) for x in a.when for y in b.when):
        return False  # figures for two periods
    return _same_event(a, b)


def _later_update(a: Claim, b: Claim, published: dict[str, date | None]) -> bool:
    """Figures published days apart may be a running count and its update (a toll that rises)."""
    first, second = published.get(a.document), published.get(b.document)
    return first is not None and second is not None and abs((first - second).days) > UPDATE_DAYS


def _count_mismatches(claims: list[Claim]):
    by_id = {c.id: c for c in claims}
    all_lists = [c for c in claims if c.value.kind == "list" and (c.value.number or 0) >= 3]
    for count in claims:
        if count.related is None or count.related not in by_id:
            continue
        own = by_id[count.related]
        stated, listed = int(count.value.number), int(own.value.number)
        noun = count.object_text or count.noun or "items"
        if stated != listed:
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
                "'include', 'are', 'such as'); the number of items differs",
            )
        others = _same_list_elsewhere(count, own, all_lists)
        differing = [c for c in others if int(c.value.number) != stated]
        if differing:
            sizes = ", ".join(f"{int(c.value.number)} in {_label(c)}" for c in differing)
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
                "most items share words); their sizes differ from the stated count",
            )


def _list_mismatches(claims: list[Claim]):
    """One set enumerated in two articles with different items: name what each side lacks.

    Only substitutions count: each side has an item the other lacks, and the sizes are
    equal. A shorter list is usually an article abbreviating, and lists of different
    sizes under a stated count are count_mismatch's to report.
    """
    all_lists = [c for c in claims if c.value.kind == "list" and (c.value.number or 0) >= 3]
    counted = {c.related: c for c in claims if c.related is not None}
    for a, b in combinations(all_lists, 2):
        if a.document == b.document or not lists.same_set(a.value.items, b.value.items):
            continue
        if len(a.value.items) != len(b.value.items):
            continue
        only_a, only_b = lists.unmatched(a.value.items, b.value.items), lists.unmatched(b.value.items, a.value.items)
        if not (only_a and only_b):
            continue
        count = counted.get(a.id) or counted.get(b.id)
        noun = (count.object_text or count.noun) if count is not None else "items"
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
            reason="two articles enumerate the same set (most items share words) with as many items, "
            "but each has an item the other lacks",
        )


def _quoted(items: list[str]) -> str:
    return ", ".join(f"'{item}'" for item in items)


def _same_list_elsewhere(count: Claim, own: Claim, all_lists: list[Claim]) -> list[Claim]:
    """Lists in other articles that enumerate the same set as the counted list."""
    return [
        other for other in all_lists
        if other.document != count.document and lists.same_set(own.value.items, other.value.items)
    ]


def _corroborations(claims: list[Claim], copies: dict[str, str]):
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        key = _quantity_key(claim)
        if key and claim.value.kind == "money" and claim.value.number:
            blocks[(*key, claim.value.number)].append(claim)
    for (thing, unit, number), block in sorted(blocks.items(), key=lambda kv: str(kv[0])):
        documents = sorted({c.document for c in block})
        if len({copies.get(d, d) for d in documents}) < 2:
            continue  # two copies of one wire story are one source
        involved = _unique(block)
        yield Finding(
            id=finding_id("corroboration", involved),
            kind="corroboration",
            severity="info",
            confidence=round(min(0.95, 0.5 + 0.15 * len(documents)), 2),
            subject=f"{involved[0].value.text} {thing}",
            summary=f"{len(documents)} documents agree on {involved[0].value.text} {thing}: {', '.join(documents)}.",
            claims=tuple(involved),
            reason=f"the same amount of money for '{thing}' in {len(documents)} documents that are not copies of one story",
        )


def _name_variants(claims: list[Claim]):
    """One dated event whose object is named as two different kinds of thing (an MoC here, an MoU there)."""
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.value.kind == "date" and claim.predicate and claim.object and not claim.reported:
            blocks[(claim.predicate, claim.object.split()[0])].append(claim)
    for (predicate, head), block in sorted(blocks.items()):
        for a, b in combinations(block, 2):
            if a.object == b.object or a.value.interval != b.value.interval:
                continue
            if " of " not in a.object or " of " not in b.object:
                continue  # only names of the "memorandum of X" kind can be variants of each other
            if a.document != b.document and not _same_event(a, b):
                continue
            pair = sorted((a, b), key=lambda c: (c.document, c.start))
            yield Finding(
                id=finding_id("name_variant", pair),
                kind="name_variant",
                severity="info",
                confidence=0.6 if a.document == b.document else 0.5,
                subject=f"{pair[0].object} / {pair[1].object}",
                summary=f"The same '{predicate}' event ({a.value.text}) is called "
                f"'{pair[0].object_text}' ({pair[0].object}) in {_label(pair[0])} and "
                f"'{pair[1].object_text}' ({pair[1].object}) in {_label(pair[1])}. Use one name.",
                claims=tuple(pair),
                reason=f"one event: same action '{predicate}' on the same date, objects of the 'X of Y' kind "
                "whose names differ" + ("" if a.document == b.document else ", names in common across documents"),
            )
